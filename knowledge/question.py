"""Question understanding: what kind of answer a worker wants, about what, for whom.

Workers do not ask the way articles are written. "brp gajih pelatih ai", "Lebih gede mana…",
"Saya ibu rumah tangga lulusan SMA, bisa…?", "dapat THR nggak?" all need reading before any
retrieval: chat spellings become words (data/chat.txt), a word one typo away from a corpus word
becomes that word, everyday labour words (THR, BPJS, WFH, freelance…) gain the words articles use
for the same thing (data/glossary.txt), and the question is split into

* its *kind* (how much, list, compare, why, how-to, yes/no, who/where/when, a bare topic),
* its *subject* (the concepts it is about: a role, a company, a topic), and
* its *qualifiers* (personal context such as "saya ibu rumah tangga", or "di Indonesia"), which
  the articles may not address: then the answer is *partial*, not a refusal.

Everything here is rules and word lists, no model: it runs in microseconds and is easy to read.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Protocol

from knowledge.spoken_numbers import write_numbers
from knowledge.text import (
    _read_lines,
    function_words,
    join_phrases,
    lexicon,
    normalize,
    sastrawi_root,
    stem,
    stopwords,
    terms,
    words,
)


class Vocabulary(Protocol):
    """What question reading needs from the corpus: how many passages hold a term."""

    def df(self, term: str) -> int:
        """Number of passages containing the stemmed term."""
        ...

    def terms(self) -> Collection[str]:
        """Every stemmed term the passages use (or once used: check `df`)."""
        ...


# -- word lists ---------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def chat_spellings() -> dict[str, str]:
    """Chat spelling -> word ("brp" -> "berapa")."""
    pairs = (line.split() for line in _read_lines("chat.txt"))
    return {p[0]: p[1].replace("-", " ") for p in pairs if len(p) == 2}


@lru_cache(maxsize=1)
def colloquial_lexicon() -> dict[str, str]:
    """The published colloquial Indonesian lexicon (Salsabila et al. 2018, via indoNLP, MIT):
    4,300 chat forms ("nulis" -> "menulis", "sebenernya" -> "sebenarnya").

    A fallback behind data/chat.txt, which wins, and only for words the articles never use
    (see `clean_words`): its forms are read from tweets, where "sma" is "sama" and "it" is "itu".
    """
    from indoNLP.preprocessing.slang_data import SLANG_DATA

    return {k: v for k, v in SLANG_DATA.items() if k.isalpha() and k != v}


@lru_cache(maxsize=1)
def _glossary_entries() -> tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...]:
    """(word or phrase, article words, same meaning) for each glossary line: `word: …` lists
    related words ("THR" is one kind of "tunjangan"), `word = …` words that mean the same."""
    entries = []
    for line in _read_lines("glossary.txt"):
        sep = re.search(r"[:=]", line)
        if sep is None:
            continue
        key_words = tuple(words(line[: sep.start()]))
        alternatives = line[sep.end() :]
        if key_words and alternatives.strip():
            entries.append(
                (key_words, tuple(dict.fromkeys(words(alternatives))), sep.group() == "=")
            )
    return tuple(entries)


@lru_cache(maxsize=1)
def glossary_words() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Everyday word or phrase (as words) -> the article words themselves ("tunjangan").

    They join the search text: the lexical side stems them anyway, and the embedder reads
    words, not stems.
    """
    return {key: alternatives for key, alternatives, _same in _glossary_entries()}


@lru_cache(maxsize=1)
def glossary_synonyms() -> frozenset[tuple[str, ...]]:
    """Entries written `word = alternatives`: the word means what the article words say ("halu",
    "ngarang jawaban" are hallucination), so a passage using them speaks of it in full; a `:`
    entry is only related ("THR" is one kind of "tunjangan") and counts half."""
    return frozenset(key for key, _alternatives, same in _glossary_entries() if same)


@lru_cache(maxsize=1)
def glossary() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Everyday word or phrase (as words) -> stemmed article terms that mean the same."""
    return {
        key: tuple(dict.fromkeys(t for w in alternatives for t in terms(w)))
        for key, alternatives in glossary_words().items()
    }


@lru_cache(maxsize=1)
def glossary_heads() -> frozenset[str]:
    """The first word of every glossary entry ("thr", "tunjangan" of "tunjangan hari raya")."""
    return frozenset(k[0] for k in glossary())


@lru_cache(maxsize=1)
def labour_words() -> frozenset[str]:
    """The glossary's one-word entries ("gaji", "thr"): what a typo may be read as."""
    return frozenset(k[0] for k in glossary() if len(k) == 1)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Place names ("jakarta"): after "di" they say where the asker is."""
    return frozenset(" ".join(words(line)) for line in _read_lines("places.txt"))


def is_town(name: str) -> bool:
    """A place of the gazetteer someone lives in or goes to ("palembang"); the country itself
    is what a question may be about ("pajak di indonesia")."""
    return " ".join(words(name)) in places() - {"indonesia"}


@lru_cache(maxsize=1)
def entities() -> frozenset[str]:
    """Well-known names (places, platforms, companies) a question can be about."""
    return places() | frozenset(" ".join(words(line)) for line in _read_lines("entities.txt"))


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """Sastrawi's Indonesian root words: a word outside it is a name or a foreign word. Its
    list predates some loanwords KBBI now holds and the articles write as common nouns
    ("chatbot AI paling populer"): those are words, not names."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(StemmerFactory().get_words()) | _LOANWORDS


_LOANWORDS = frozenset({"chatbot", "startup", "algoritma"})


def is_root_word(word: str) -> bool:
    """An Indonesian root word ("pajak", "hukum"), not a derived or chat form ("nanganin")."""
    return word in _dictionary()


FIRST_PERSON = {"saya", "aku", "gue", "gua", "sy", "ane", "kita", "i", "i'm", "im", "my"}
# Words that end a personal clause ("saya ibu rumah tangga, BISA kerja …?").
_CLAUSE_END = {
    "bisa", "bisakah", "boleh", "apakah", "apa", "berapa", "bagaimana", "kenapa", "mengapa",
    "mau", "ingin", "pengen", "pingin", "kira", "kira-kira", "gimana", "cocok", "layak", "dapat",
    "can", "could", "should", "would", "will", "is", "do", "how", "what", "want", "kalau", "jika",
    "tertarik", "berminat", "minat", "perlu", "harus", "tolong", "pengin",
    # "anak sy nanya pelatih ai kerjanya apa": what follows is the question passed on
    "nanya", "tanya", "bertanya", "menanyakan", "nanyain", "asked", "asks",
    # "… disiapkan anak saya untuk mendaftar jadi pelatih AI": what they want done is asked
    "untuk", "agar", "supaya",
}
# Words that only describe the asker's situation (no article answers "for a housewife" as such).
_PERSONA = {
    "ibu", "rumah", "tangga", "irt", "lulus", "lulusan", "sma", "smk", "smp", "sd", "d3", "s1",
    "s2", "fresh", "graduate", "fresh-graduate", "pengangguran", "nganggur", "difabel",
    "disabilitas", "lansia", "janda", "duda", "single", "parent", "pelajar", "siswa", "umur",
    "usia", "tahun", "thn", "anak", "istri", "suami", "desa", "kampung", "pemula", "awam",
    "gaptek", "housewife", "student", "mom", "mother", "dad", "father", "pensiunan", "korban",
    "cuma", "hanya", "baru", "belum", "pernah", "punya", "tidak", "sudah", "lagi", "sedang",
    "bekerja", "kerja", "sebagai", "jadi", "adalah", "seorang", "di", "dari", "yang", "dan",
}
PERSONA_WORDS = frozenset(_PERSONA)
# skill levels: persona words, unless the question weighs one against another
_LEVELS = {"pemula", "awam"}
# "… nggak?", "… belum?": they make a yes/no question; the other words say what is asked
_PARTICLES = {"tidak", "belum", "bukan", "kan"}
_REGION = {"daerah", "kota", "wilayah"}
_LOCATIVE = {"di", "in", "at"} | _REGION

_KIND_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("compare", ("lebih", "mana", "bedanya", "beda", "perbedaan", "dibanding", "dibandingkan",
                 "banding", "versus", "vs", "compare", "compared", "difference", "than",
                 "better", "sama", "bedakan", "membedakan", "bandingkan", "membandingkan",
                 "selisih", "kesenjangan")),
    ("list", ("apa saja", "apa-apa saja", "siapa saja", "mana saja", "sebutkan", "contoh",
              "daftar", "macam apa", "macam-macam", "bermacam",
              "jenis", "what are", "which", "list", "kinds", "types", "examples", "apa aja",
              "keuntungan dan kerugian", "plus minus", "kelebihan dan kekurangan",
              "pros and cons", "apa lagi", "siapa lagi", "mana lagi", "what else", "who else")),
    # a date asked with "berapa" is a when ("tanggal berapa gajian?"), not an amount
    ("when", ("tanggal berapa", "tahun berapa", "bulan berapa", "bulan apa", "hari apa")),
    ("how_much", ("berapa", "berapakah", "seberapa", "how much", "how many", "jumlah", "besaran",
                  "kisaran", "range", "sebanyak apa")),
    ("why", ("kenapa", "mengapa", "why", "alasan", "alasannya", "sebab", "sebabnya", "penyebab",
             "penyebabnya", "gara-gara", "gara-garanya")),
    ("howto", ("bagaimana cara", "cara", "caranya", "how to", "how do", "how can", "langkah",
               "tips", "gimana", "bagaimana", "diapakan", "diapain")),
    ("who", ("siapa", "siapakah", "who")),
    ("where", ("di mana", "dimana", "where", "mana")),
    ("when", ("kapan", "when", "tanggal", "tahun berapa")),
    ("yesno", ("apakah", "apa bisa", "bisakah", "bisa", "boleh", "do ", "does ", "is ", "are ",
               "can ", "tidak", "nggak", "kah", "ada", "belum")),
]
_HOW_DIFFERENT = re.compile(
    r"\b(?:beda\w*|berbeda|perbedaan|selisih\w*)(?: (?:jauh|banget|sekali|banyak))*(?: tidak)?\b"
)
# "… bedanya jauh atau tidak": a yes/no tag after a comparison, no third side
_OR_NOT_TAIL = re.compile(r"\s(?:atau|ato|apa) (?:tidak|belum|bukan)$")
_COMPARE_VERB = re.compile(
    r"\b(?:bandingkan|bandingin|membandingkan|bandingkanlah|compare|bedakan|bedain)\b(?: dong)?"
)
# the asking of "lebih gede mana …": no side's words
_WHICH_WORDS = {"lebih", "mana", "besar", "kecil", "banyak", "tinggi", "baik", "enak", "yang"}
_AND_SPLIT = re.compile(r"\b(?:dan|and|serta|&)\b")
_COMPARE_SPLIT = re.compile(
    r"\b(?:atau|ato|vs\.?|versus|dibanding(?:kan)?(?: dengan)?|daripada|or|than|compared to"
    r"|dengan|sama)\b"
)


@dataclass(frozen=True, slots=True)
class Concept:
    """One thing the question asks about: a word or phrase and the terms that express it."""

    surface: str  # as the worker wrote it (after spelling fixes), for messages
    terms: frozenset[str]  # stemmed terms; any one of them in a passage expresses the concept
    known: bool  # some term occurs in the corpus
    qualifier: bool = False  # the asker's situation or a place, not the subject
    entity: bool = False  # a name (place, platform, company)
    glossary: bool = False  # expressed through the glossary's article words
    position: int = 0  # word position in the question (to name adjacent qualifiers together)
    sentence: int = 0  # which sentence of the message ("… pensiunan PNS. Anak saya …")
    own: frozenset[str] = frozenset()  # the worker's own word's terms (glossary concepts)
    background: bool = False  # the asker's story around the question: a qualifier never named


@dataclass(frozen=True, slots=True)
class Question:
    """A read question."""

    text: str  # as asked
    clean: str  # chat spellings expanded, typos corrected
    kind: str  # how_much, list, compare, why, howto, who, where, when, yesno, what, topic
    concepts: tuple[Concept, ...]
    parts: tuple[str, ...] = ()  # sub-questions (compare sides, "… dan …" multi-part)
    expansions: tuple[str, ...] = field(default=())  # article words the glossary added
    # the cleaned question without the story around it ("temen bilang", "ada orang namanya"):
    # what retrieval looks for; empty when nothing was set aside
    searched: str = ""
    # what "selain …" sets aside ("apa aja selain tiktok"): known to the asker, not the answer
    besides: frozenset[str] = frozenset()

    @property
    def subject(self) -> tuple[Concept, ...]:
        """The concepts the question is about."""
        return tuple(c for c in self.concepts if not c.qualifier)

    @property
    def english(self) -> bool:
        """Asked in English: e5 scores it lower against the Indonesian articles. A long message
        in Manado Malay holds a "for" and a "so" ("cari orang for pegang urusan AI") and is
        not: a message is English when such words are one in eight of it, or more."""
        said = words(self.text.lower())
        return _is_english(said) and 8 * sum(1 for w in said if w in _ENGLISH_FUNCTION) >= len(
            said
        )

    @property
    def qualifiers(self) -> tuple[Concept, ...]:
        """The asker's situation, places: covered or not, they do not decide "not found"."""
        return tuple(c for c in self.concepts if c.qualifier)

    @property
    def search_text(self) -> str:
        """The text to retrieve with: the cleaned question plus the glossary's article words."""
        if not self.expansions:
            return self.clean
        return f"{self.clean} ({' '.join(self.expansions)})"

    @property
    def retrieval_text(self) -> str:
        """What retrieval looks for: the search text without how the question reached the
        asker ("temen bilang …", "ada orang namanya …"); sentences are still weighed by all."""
        if not self.searched:
            return self.search_text
        if not self.expansions:
            return self.searched
        return f"{self.searched} ({' '.join(self.expansions)})"

    @property
    def personal(self) -> bool:
        """The asker speaks of themself ("saya ibu rumah tangga …"): a situation with facets."""
        return bool(set(self.clean.split()) & FIRST_PERSON) and bool(self.qualifiers)

    @property
    def is_short(self) -> bool:
        """One or two content words: "serikat?" means "what do the articles say about unions"."""
        return self.kind == "topic"


# -- spelling -----------------------------------------------------------------------------------
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away (Norvig)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + transposes + replaces + inserts)


def _known(word: str, vocab: Vocabulary | None) -> bool:
    if vocab is None:
        return True
    return any(vocab.df(t) > 0 for t in terms(word)) or word in stopwords()


# Phone typing drops vowels ("plth prcakapan", "crnya", "krja"): a run of three consonants
# no Indonesian word has, read back as a root the articles use with the usual affixes around it.
_UNVOWELLED = re.compile(r"[^aeiou]{3,}")
_DIGRAPHS = re.compile(r"ng|ny")  # one sound each: "hidupnya" is no vowel-less word
# prefixes that leave the root whole (pe-, per-, me-, di-, ke-, ber-, ter-, se-, and the chat
# nasal ng- of "ngajar", "ngasih") and suffixes, by their consonants
_PREFIXES = {"": "", "p": "pe", "pr": "per", "m": "me", "d": "di", "k": "ke", "br": "ber",
             "tr": "ter", "s": "se", "ng": "ng"}
_SUFFIXES = {"": "", "n": "an", "kn": "kan", "ny": "nya", "nny": "annya", "lh": "lah", "kh": "kah"}


def _skeleton(word: str) -> str:
    return re.sub(r"[aeiou]", "", word)


@lru_cache(maxsize=1)
def _roots_by_skeleton() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for root in _dictionary():
        skeleton = _skeleton(root)
        if len(skeleton) >= 2 and root.isalpha():
            table.setdefault(skeleton, []).append(root)
    return {k: tuple(sorted(v)) for k, v in table.items()}


def _revowelled(word: str, vocab: Vocabulary) -> str | None:
    """The root a vowel-less word spells ("plth" -> "latih", "tugsnya" -> "tugas"), when the
    articles use it; the most used one wins, then the one with the fewest affix letters."""
    skeleton = _skeleton(word)
    roots = _roots_by_skeleton()
    best: tuple[int, int, str] | None = None
    for prefix, before in _PREFIXES.items():
        for suffix, after in _SUFFIXES.items():
            core = skeleton[len(prefix) : len(skeleton) - len(suffix)]
            if not (skeleton.startswith(prefix) and skeleton.endswith(suffix)) or len(core) < 2:
                continue
            for root in roots.get(core, ()):
                if not _spells(word, before + root + after):
                    continue  # "kjri" keeps an "i" that "keajar" lacks
                df = max((vocab.df(t) for t in terms(root)), default=0)
                if df and (best is None or (df, -len(prefix + suffix)) > best[:2]):
                    best = (df, -len(prefix + suffix), root)
    return best[2] if best else None


def _spells(typed: str, word: str) -> bool:
    """The typed letters, in order, are letters of the word: only vowels were dropped."""
    letters = iter(word)
    return all(c in letters for c in typed)


def correct(word: str, vocab: Vocabulary | None, *, english: bool = False) -> str:
    """A word unknown to the corpus, read as the corpus word it misspells: a vowel-less word as
    the root it spells, a word of five letters or more as the corpus word one edit away.

    Candidates are ranked by how many passages use them, so the common reading wins.
    """
    if vocab is None or not word.isalpha() or len(word) < 3 or _known(word, vocab):
        return word
    if word in glossary_heads() or word in chat_spellings():
        return word
    # a short word with no vowel at all is an acronym ("pph", "spt"), not a word typed short
    vowelless = not re.search(r"[aeiou]", word)
    if (
        not english and _UNVOWELLED.search(_DIGRAPHS.sub("N", word))
        and word not in _dictionary() and not (vowelless and len(word) < 4)
    ):
        root = _revowelled(word, vocab)
        if root is not None:
            return root
    if len(word) < 5:
        return word
    # an English loanword spelled half the English way ("halusination", "compensation"):
    # Indonesian says "-asi", "-tas", "k" for a hard "c", "s" for "z"
    for loan in _loan_forms(word):
        if _known(loan, vocab):
            return loan
    # a real Indonesian word the articles happen not to use stays itself ("tangga" is not a
    # typo of "tanggap"), unless it is one edit from a domain word ("gajih" -> "gaji")
    in_dictionary = word in _dictionary() or stem(word) in _dictionary()
    variants = _colloquial_variants(word) if not in_dictionary else []
    # the form the glossary knows wins: "dikeluarin" is "dikeluarkan" (fired), not "dikeluar"
    variants.sort(key=lambda v: v not in glossary_heads())
    for variant in variants:
        if _known(variant, vocab) and variant not in stopwords():
            return variant
    # a Minang word's Indonesian form counts only when the articles use it (or it is a function
    # word, "caronyo" -> "caranya"): the sound rules would turn many a word into some other
    # word; a root word of the dictionary stays itself ("nagari", "barat")
    if word not in _dictionary():
        for variant in _minang_forms(word):
            if _known(variant, vocab):
                return variant
        # the Madurese possessive is no Indonesian ending: a dictionary root under it is read
        # too ("asalla" -> "asalnya")
        madurese = _madurese_forms(word)
        read_as = [v for v in madurese if _known(v, vocab)] or [
            v for v in madurese if v[:-3] in _dictionary()
        ]
        if read_as:
            return read_as[0]
    # "ngerusak" is "rusak", a word the articles do not use: no typo, and no name either
    spoken = next(
        (v for v in variants
         if (v in _dictionary() or stem(v) in _dictionary()) and v not in stopwords()),
        None,
    )
    if spoken is not None:
        return spoken
    best, best_df = word, 0
    labour = labour_words()
    domain = set(lexicon()) | labour
    # a real word is only read as a labour word ("gajih" -> "gaji"), never as any corpus word
    # the lexicon knows ("modal usaha" is not "model usaha")
    for candidate in _edits1(word):
        if candidate in stopwords():
            continue
        if in_dictionary and (
            (candidate not in labour and stem(candidate) not in topic_terms())
            # a real word is rarely a slip of another's first letter ("malam" is no "alam",
            # "urusan" no "jurusan")
            or candidate[0] != word[0]
            # nor of another real word's letter ("organ tunggal" is no "tinggal", "jamak" no
            # "jarak"); a letter typed too many is ("gajih" -> "gaji")
            or len(candidate) == len(word)
        ):
            continue
        if (
            len(word) < 6 and candidate in _dictionary()
            and candidate not in domain and stem(candidate) not in topic_terms()
        ):
            # a short word one edit from a common word is a guess ("matah" is not "mata",
            # "Batam" not "batas"); a name the articles use is not ("Chang" -> "Zhang")
            continue
        if stem(candidate) != candidate and candidate not in _dictionary() \
                and candidate not in domain and not _vowel_shift(word, candidate) \
                and not (_vowel_dropped(word, candidate) and stem(candidate) in _dictionary()):
            # not a word, only a stem's disguise ("matah" -> "martah" -> "mar"); a regional
            # vowel in an affixed word is a typo of it ("palatih" -> "pelatih"), and so is one
            # vowel a thumb skipped in an affixed word ("ksehatan" -> "kesehatan")
            continue
        df = max((vocab.df(t) for t in terms(candidate)), default=0)
        if candidate in labour and len(word) >= 6:
            # a glossary word the articles never use ("resign"), for a longer word; a short
            # one is too near too many ("matah" is no "marah")
            df = max(df, 1)
        if df > best_df:
            best, best_df = candidate, df
    return best


_LOAN_ENDINGS = (("tion", "si"), ("sion", "si"), ("ity", "itas"), ("ty", "tas"))


def _loan_forms(word: str) -> list[str]:
    """The Indonesian spellings of an English loanword: "halusination" -> "halusinasi",
    "compensation" -> "kompensasi", "university" -> "universitas"."""
    out: list[str] = []
    for english, indonesian in _LOAN_ENDINGS:
        if word.endswith(english) and len(word) > len(english) + 3:
            base = word[: -len(english)] + indonesian
            respelled = re.sub(r"c(?=[aou])|ck|q(?=u)", "k", base)
            respelled = re.sub(r"c(?=[ei])|z", "s", respelled).replace("ph", "f")
            out.extend(dict.fromkeys([base, respelled, re.sub(r"(.)\1", r"\1", respelled)]))
    return out


def _vowel_shift(typed: str, word: str) -> bool:
    """The two differ in one vowel only, as Minang and eastern Malay say Indonesian words
    ("palatih", "sabalum", "pakerja")."""
    if len(typed) != len(word):
        return False
    changed = [(a, b) for a, b in zip(typed, word, strict=True) if a != b]
    return len(changed) == 1 and set(changed[0]) <= set("aeiou")


def _vowel_dropped(typed: str, word: str) -> bool:
    """The word with one of its vowels left out is what was typed ("ksehatan")."""
    return len(word) == len(typed) + 1 and any(
        word[i] in "aeiou" and word[:i] + word[i + 1 :] == typed for i in range(len(word))
    )


# Minang final syllables and their Indonesian ones: "malatiah" (melatih), "butuah" (butuh),
# "ikuik" (ikut), "haluih" (halus), "dapek" (dapat), "sakik" (sakit), "ateh" (atas), "pikia"
# (pikir), "umua" (umur), "caro" (cara)
_MINANG_FINALS = (("iah", "ih"), ("uah", "uh"), ("uik", "ut"), ("uih", "us"), ("ek", "at"),
                  ("ik", "it"), ("eh", "as"), ("ia", "ir"), ("ua", "ur"), ("o", "a"))
_MINANG_PREFIXES = {"pa": "pe", "ba": "be", "di": "di", "ka": "ke", "sa": "se", "ta": "te"}


def _minang_forms(word: str) -> list[str]:
    """Indonesian forms a Minang word may stand for: its last syllable by the sound rules
    above, the schwa Minang says as "a" in the syllables before it ("palatiah" -> "pelatih",
    "dipacek" -> "dipecat", "nagari" -> "negeri"), "-nyo" for "-nya" ("caronyo" -> "caranya"),
    and a chat word under a Minang affix ("pakarajo" -> "pekerja", "karajonyo" -> "kerjanya")."""
    chat = chat_spellings()
    core, suffix = word, ""
    if word.endswith(("nyo", "nya")) and len(word) >= 6:
        core, suffix = word[:-3], "nya"
    out: list[str] = []
    if suffix and " " not in chat.get(core, " "):
        out.append(chat[core] + suffix)
    for prefix, standard in _MINANG_PREFIXES.items():
        root = core[len(prefix):]
        if core.startswith(prefix) and len(root) >= 3 and " " not in chat.get(root, " "):
            out.append(standard + chat[root] + suffix)
    finals = [core] + [
        core[: -len(minang)] + indonesian
        for minang, indonesian in _MINANG_FINALS
        if core.endswith(minang) and len(core) - len(minang) >= 2
    ]
    for form in finals:
        vowels = [i for i, c in enumerate(form) if c in "aeiou"]
        last = vowels[-1] if vowels else 0
        before = [i for i in vowels[:-1] if form[i] == "a"]
        schwas = [form[:last].replace("a", "e") + form[last:]] + [
            form[:i] + "e" + form[i + 1 :] for i in before
        ]
        out.extend(f + suffix for f in [form, *schwas])
    return [f for f in dict.fromkeys(out) if f != word]


# Madurese "-na" for "-nya" doubles a final consonant before it: "umurra", "asalla", "lakonna"
_MADURESE_POSSESSIVE = re.compile(r"(\w{2,}?([^aeiou]))\2a")


def _madurese_forms(word: str) -> list[str]:
    """Indonesian forms of a Madurese possessive: "umurra" -> "umurnya", "asalla" -> "asalnya",
    "ketuana" -> "ketuanya", and a chat word under it ("nyamana" -> "namanya", "lakonna" ->
    "kerjanya")."""
    chat = chat_spellings()
    doubled = _MADURESE_POSSESSIVE.fullmatch(word)
    if doubled is not None:
        core = doubled.group(1)
    elif word.endswith("na") and len(word) >= 5:
        core = word[:-2]
    else:
        return []
    cores = [core] + ([chat[core]] if " " not in chat.get(core, " ") else [])
    return [c + "nya" for c in cores if c + "nya" != word]


def _colloquial_variants(word: str) -> list[str]:
    """Standard forms of Jakarta-style verbs ("ngelabel" -> "label", "dipecatin" -> "dipecat"),
    of Sumatran Malay words ending in -o ("jamnyo" -> "jamnya") and of Javanese possessives in
    -ne or -e ("gajine" -> "gajinya", "upahe" -> "upahnya")."""
    out: list[str] = []
    stem_ = word
    for suffix in ("in", "nya"):
        if stem_.endswith(suffix) and len(stem_) - len(suffix) >= 4:
            out.append(stem_[: -len(suffix)])
            out.append(stem_[: -len(suffix)] + "kan")
    if word.endswith("o"):
        out.append(word[:-1] + "a")  # Sumatran Malay: "bedanyo" -> "bedanya", "biaso" -> "biasa"
    if word.endswith("ne") and len(word) >= 5:
        out.append(word[:-2] + "nya")  # Javanese: "gajine" -> "gajinya", "bedane" -> "bedanya"
    if re.search(r"[^aeiou]e$", word) and len(word) >= 5:
        # after a consonant the Javanese "-nya" is "-e": "tujuane", "kerjaane", "upahe"
        out.append(word[:-1] + "nya")
    if word.endswith("ipun") and len(word) >= 7:
        # krama "-ipun", "-nipun": "anakipun" -> "anaknya", "gajinipun" -> "gajinya"
        out.append(word[:-4] + "nya")
        out.append(word[:-5] + "nya")
    if word.endswith("ke") and len(word) >= 6:
        # Javanese "-ke"/"-ake" is "-kan": "dibutuhke", "dirupiahke", "nggunakake"
        out.append(word[:-2] + "kan")
        out.append(word[:-3] + "kan")
    if word.endswith("no") and len(word) >= 6:
        # East Javanese "-no" ("-kno" after a vowel) is "-kan": "dikabarno", "diapakno"
        if word.endswith("kno"):
            out.append(word[:-3] + "kan")
        out.append(word[:-2] + "kan")
    if word.endswith("nye") and len(word) >= 5:
        out.append(word[:-1] + "a")  # Betawi, Pontianak: "gajinye" -> "gajinya"
    if word.endswith("na") and len(word) >= 5:
        out.append(word[:-2] + "nya")  # Sundanese: "carana" -> "caranya", "gajina"
    if re.search(r"[^aeiou]e$", word) and len(word) >= 4:
        out.append(word[:-1] + "a")  # Betawi and Riau Malay "-e" for "-a": "kerje", "harge"
    bases = [word] + [w for w in out if not w.endswith("kan")]
    for base in bases:
        for prefix, repl in (
            ("nge", ""), ("ng", "k"), ("ng", ""), ("ny", "c"), ("ny", "s"),
            ("nga", ""),  # Sundanese "ngalatih", "ngabantuan": "melatih", "membantu"
        ):
            if base.startswith(prefix) and len(base) - len(prefix) >= 3:
                out.append(repl + base[len(prefix):])
    return out


_LAUGHTER = re.compile(
    r"(?:(?:wk|kw)+[wk]?|(?:ha)+h?|(?:he)+h?|(?:hi)+h?|(?:xi)+|k{3,}|a?w?(?:ok|wok)+)"
)


def clean_words(text: str, vocab: Vocabulary | None = None) -> list[str]:
    """Lowercase words with chat spellings expanded and typos corrected.

    `text` is one clause: "kok"/"ngapain" opening it ask why ("kok perusahaan AI suka kontrak?",
    "ngapain kerja di sana?"); later in the clause "ngapain" asks what ("dia kerjanya ngapain").
    """
    chat = chat_spellings()
    out: list[str] = []
    previous = ""
    text = _REDUPLICATED.sub(_reduplicate, text)  # "masalah2" -> "masalah-masalah"
    text = _JUST_SA.sub(r"\1 saja", text)  # Papuan "kerja apa sa": "sa" is "saja" here
    text = _MALAY_HOW.sub("bagaimana", text)
    text = _JAVANESE_WHY.sub("kenapa", text)
    text = _FROM_HOME.sub("dari rumah", text)  # Sundanese "ti bumi", "ti imah"
    text = _FROM_WHERE.sub("dari mana", text)  # Sundanese "ti mana"
    text = _FALLS_ILL.sub(r"\1 sakit", text)  # Javanese "lek loro": "kalau sakit"
    text = _LIVES_WHERE.sub("tinggal ", text)  # "tgl dmn": where one lives, not a date
    text = _SABAH_I.sub("saya", text)  # Sabah "sia kerja di ladang", not Minang "sia nan …"
    text = _OR_NOT_CIREBON.sub(r"\1 tidak", text)  # Cirebon "bener bli": "benar tidak"
    text = _NOT_CIREBON.sub("tidak", text)  # "isun bli mudeng": "saya tidak paham"
    text = _LAMPUNG_I.sub("saya", text)  # "nyak umur 22": Lampung "I"
    text = _BATAK_I.sub(r"\1saya", text)  # "au tamatan SMA": Batak "I", not "au ah"
    # "amoi wa dokter": Hokkien "I", not WhatsApp
    text = _HOKKIEN_I.sub(lambda m: f"{m.group(1)} saya" if m.group(1) else "saya", text)
    text = _OR_NOT_LAMPUNG.sub(r"\1 tidak", text)  # "bener mak?": "benar tidak"
    text = _NOT_LAMPUNG.sub("tidak", text)  # "nyak mak ngerti": "saya tidak paham"
    text = _KILOMETRES.sub(r"\1 kilometer", text)  # "minimal brp km": not "kamu"
    text = _EX_CONVICT.sub(r"\1 narapidana", text)  # "mantan napi", not Balinese "napi" (apa)
    text = _GETS_HOW_MUCH.sub("dapat ", text)  # Javanese "oleh pinten": "dapat berapa"
    text = _MONEY_ASKED.sub("gaji", text)  # "olih duit pira": the pay got
    text = _TAX_FORM.sub(r"\1 SPT", text)
    text = _AFTER.sub("sesudah", text)
    text = _SIBLING_ADE.sub("adik", text)  # "ade saya": the sibling; "ade" alone is "ada"
    text = _SAYS_HIMSELF.sub(r"\1", text)
    text = _MY_CIRCLE.sub(r"\1 ", text)
    text = _SPOKEN_LETTERS.sub(_spoken_acronym, text)  # "es em a" -> "sma"
    text = _SPELLED.sub(lambda m: m.group(0).replace(" ", ""), text)  # "a i" -> "ai"
    text = _SAID_A.sub("ai", text)
    text = _BILLIONS.sub(" miliar", text)
    text = _MADE.sub(r"\1 membuat", text)
    text = _DONE_BY.sub(r"\1 oleh", text)  # Sundanese "dikritik ku loba jalma"
    text = _KRAMA_PASSIVE.sub("di", text)  # krama "dipun kritik": "dikritik"
    text = _HOUSEWIFE.sub(r"\1 rumah tangga", text)  # "sy ibu rt": a housewife
    text = _CURRENCY_OF.sub(r"\1", text)  # "9 juta dolar AS": the currency, not the country
    tokens = _joined_names(words(text), vocab)
    english = _is_english(tokens)
    # capitals in a lowercase message mark an acronym ("lapor SPT"), not a chat spelling ("spt")
    acronyms = (
        {w.upper() for w in re.findall(r"\b\w*[A-Z]\w*[A-Z]\w*\b", text)}  # "SPT", "PPh"
        if re.search(r"[a-z]", text) else set()
    )
    opening = next((i for i, w in enumerate(tokens) if w not in _CLAUSE_OPENERS), len(tokens))
    for n, word in enumerate(tokens):
        if len(word) >= 4 and _LAUGHTER.fullmatch(word):
            continue  # "wkwk", "hahaha", "awokwok": a smile, not a word
        # Dayak Ngaju "umur ah?", "bayaran ah berapa": the same suffix, before a question
        # word or at the end (not "gak ah", "males ah kerja")
        if word == "ah" and not (
            tokens[n + 1 : n + 2] in ([], *([w] for w in _WH_WORDS))
            and out and out[-1] not in _PARTICLES | {"jangan"}
        ):
            continue
        if word in ("nya", "nye", "ah") and out and len(out[-1]) >= 3 and out[-1].isalpha() and (
            out[-1] not in stopwords()
        ):
            out[-1] += "nya"  # "dulu nye", "gaji nya": the suffix typed apart
            continue
        if english and "-" in word and not (_DOUBLED.fullmatch(word) or _EN_PREFIXED.match(word)):
            out.extend(clean_words(word.replace("-", " "), vocab))  # "text-to-video"
            continue
        if _STRETCHED.search(word):
            word = _unstretched(word, chat, vocab)  # "gedeee" -> "gede", "bgttt" -> "bgt"
        affixed = _HYPHEN_AFFIX.fullmatch(word)
        if affixed:
            word = affixed.group(1)  # "di-outsource", "di-PHK": an affix on a borrowed word
        doubled = _DOUBLED.fullmatch(word)
        if doubled and doubled.group(1) in chat and " " not in chat[doubled.group(1)]:
            base = chat[doubled.group(1)]  # "org2" -> "orang-orang"
            word = f"{base}-{base}{doubled.group(2)}"
        elif doubled and not doubled.group(2) and _CHAT_VERB.match(doubled.group(1)):
            word = doubled.group(1)  # "ngelabel2", "ngarang2": the doing, done again and again
        if word.endswith("ku") and word[:-2] in _KIN | _ON_BEHALF:
            # "anakku", "ponakanku": the asker's own relative, read as "anak saya" is
            out.extend((chat.get(word[:-2], word[:-2]), "saya"))
            previous = word
            continue
        if word not in _WHY_OR_WHAT and chat.get(word) in _WHY_OR_WHAT:
            word = chat[word]  # "ngpain" is "ngapain", opening a clause or not
        if word in _WHY_OR_WHAT:
            # "ngapain aja kerjanya": "aja" lists what is done, whatever the place
            listed = tokens[n + 1 : n + 2] in (
                ["aja"], ["saja"], ["ajah"], ["doang"], ["bae"], ["wae"], ["mawon"]
            )
            replaced = "kenapa" if n == opening and not listed else _WHY_OR_WHAT[word]
        elif word == "nang" and _banjar_relative(tokens[n + 1 : n + 2], vocab):
            replaced = "yang"
        elif word not in chat and (krama := _krama_possessed(word, chat)):
            replaced = krama  # "padamelanipun" -> "pekerjaannya", "cacahipun" -> "jumlahnya"
        elif word in _MALAY_NOT_ENGLISH and not english:
            replaced = _MALAY_NOT_ENGLISH[word]  # Riau Malay "gaji dia same pelatih lain"
        else:
            replaced = chat.get(word) or (word if english else _colloquial(word, vocab))
        if word in _RICH and previous in _BECOMING:
            replaced = word  # "bikin dia kaya": rich, not "like"
        previous = word
        if word.upper() in acronyms:
            out.append(word)  # as typed: no chat spelling, no typo
        elif replaced != word:
            out.extend(replaced.split())  # a spelled-out word is already a word ("tgl")
        else:
            out.append(correct(word, vocab, english=english))
    return out


_STRETCHED = re.compile(r"([^\W\d_])\1\1")


def _banjar_relative(following: Sequence[str], vocab: Vocabulary | None) -> bool:
    """Banjar "nang" is "yang" ("percakapan nang ditandai", "siapa nang maurusi", "nang di
    Invisible Tech"); Javanese "nang" is "di" ("kerjo nang pabrik", "nang madura"). Banjar's
    comes before a preposition, a modal ("pajak nang harus dibayar") or a verb: di-, ma- or ba-
    on a root the articles know."""
    if not following:
        return False
    word = following[0]
    if word in ("di", "ke", "dari", "harus", "bisa", "kawa", "ada", "sudah", "kada", "paling",
                "lebih"):
        return True
    return len(word) >= 6 and word[:2] in ("di", "ma", "ba") and _known(word[2:], vocab)


def _unstretched(word: str, chat: dict[str, str], vocab: Vocabulary | None) -> str:
    """A word typed with a letter held down, as it is spelled: "gedeee", "mahaaal", "maaaf"."""
    single = re.sub(r"([^\W\d_])\1{2,}", r"\1", word)
    double = re.sub(r"([^\W\d_])\1{2,}", r"\1\1", word)
    for form in (single, double):
        if form in chat or form in _dictionary() or form in stopwords() or _known(form, vocab):
            return form
    return single


# letter names voice typing writes for an acronym ("lulusan es em a", "kena pe ha ka"): only
# the schooling and labour acronyms workers say, so "ka", "de" or "pe" elsewhere stay words
_LETTER_NAMES = {"a": "a", "be": "b", "de": "d", "ha": "h", "i": "i", "je": "j", "ka": "k",
                 "em": "m", "pe": "p", "er": "r", "es": "s", "te": "t", "u": "u"}
_SPOKEN_ACRONYMS = {"sma", "smk", "smp", "sd", "stm", "phk", "bpjs", "umr", "ump", "thr"}
_SPOKEN_LETTERS = re.compile(
    r"\b(?:(?:" + "|".join(_LETTER_NAMES) + r") ){1,3}(?:" + "|".join(_LETTER_NAMES) + r")\b",
    re.IGNORECASE,
)


def _spoken_acronym(match: re.Match[str]) -> str:
    letters = "".join(_LETTER_NAMES[w] for w in match.group(0).lower().split())
    return letters.upper() if letters in _SPOKEN_ACRONYMS else match.group(0)


# letters a phone's speech-to-text spells out one by one ("kerja a i", "p h k", "b p j s")
_SPELLED = re.compile(r"(?<![\w.])(?:[a-zA-Z] ){1,4}[a-zA-Z](?![\w.])")
# "rugi 10 M", "1,5M": a number of billions (rupiah), the way prices are written
# "contoh petunjuk yang ia buat?": "buat" ending a clause is the verb, made; "buat apa", "buat
# saya" is "untuk"
_MADE = re.compile(r"\b(yang|yg|ia|dia|die) (?:buat|bwt)(?=\s*(?:[?.!,;]|$))", re.IGNORECASE)
# Sundanese "ku" after a passive verb is "by" ("dikritik ku loba jalma"); elsewhere it may be
# the Malay "my" ("mbok ku"), a word the gate should still weigh
_DONE_BY = re.compile(r"\b(di[a-z]{3,}) ku\b", re.IGNORECASE)
# "dolar AS", "dollar Amerika": US dollars; the country is no place the question asks of
_CURRENCY_OF = re.compile(r"\b(dolar|dollar)\s+(?:AS|A\.S\.?|amerika(?: serikat)?)(?!\w)", re.I)
# "ibu rt": "ibu rumah tangga" (a housewife), not a neighbourhood unit
_HOUSEWIFE = re.compile(r"\b(ibu|ibuk|bu|emak|mak) rt\b", re.IGNORECASE)
# Javanese krama passive "dipun" + verb ("dipun kritik", "dipunbayar"): the Indonesian "di-"
_KRAMA_PASSIVE = re.compile(r"\bdipun ?(?=[a-z]{3,})", re.IGNORECASE)
_BILLIONS = re.compile(r"(?<=\d) ?[mM]\b")
# "open ei", "skel ei ai": the letter A written as it is said in English, after a name
_SAID_A = re.compile(r"(?<=[a-z] )ei\b", re.IGNORECASE)


def _joined_names(tokens: list[str], vocab: Vocabulary | None) -> list[str]:
    """A name the phone split in two ("open ai", "chat gpt", "byte dance", "tik tok"): two
    words that together make a word the articles use and that is no Indonesian word; or a
    name written as it was heard in a video ("bait dens", "kohir", "cet gpt")."""
    if vocab is None:
        return tokens
    out: list[str] = []
    i = 0
    while i < len(tokens):
        pair = tokens[i] + tokens[i + 1] if i + 1 < len(tokens) else ""
        if (
            len(pair) >= 5 and pair.isalpha() and could_be_name(pair)
            and any(vocab.df(t) > 0 for t in terms(pair))
            # "ku kerja" is "kerja" with a prefix the stemmer takes off, no name
            and set(terms(pair)) - set(terms(f"{tokens[i]} {tokens[i + 1]}"))
        ):
            out.append(pair)
            i += 2
            continue
        if pair and (heard := _heard_name(pair, vocab, both=(tokens[i], tokens[i + 1]))):
            out.append(heard)
            i += 2
            continue
        out.append(_heard_name(tokens[i], vocab) or tokens[i])
        i += 1
    return out


# English spellings said the Indonesian way: "ByteDance" is heard "baitdens", "Cohere" "kohir"
_SOUNDS = (
    ("ch", "c"), ("sh", "sy"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("x", "ks"), ("q", "k"),
    ("v", "f"), ("z", "s"), ("w", "u"), ("y", "i"),
)
_LONG_I = re.compile(r"(?<=[^aeiou])y(?=[^aeiou])")  # "byte", "type": heard "bait", "taip"
_SOFT_C = re.compile(r"c(?=[eiy])")
_HARD_C = re.compile(r"c(?!h)")
_SILENT_H = re.compile(r"(?<![aeiou])h|h(?![aeiou])")


def _heard(word: str, *, english: bool) -> str:
    """The consonants a name is heard with, in Indonesian spelling, after its first vowel
    ("khr" + "o" for both "Cohere" and "kohir")."""
    if english:
        word = _LONG_I.sub("ai", _HARD_C.sub("k", _SOFT_C.sub("s", word)))
    for spelled, said in _SOUNDS:
        word = word.replace(spelled, said)
    word = _SILENT_H.sub("", word)
    vowel = re.search(r"[aeiou]", word)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiou]", "", word)) + (vowel[0] if vowel else "-")


# letters an Indonesian word is not spelled with: a name spelled so is said otherwise
_ENGLISH_SPELLING = re.compile(r"[xqvz]|ph|th|ch|sh|ck|ee|oo|y(?![aeiou])|e$")
_VOWEL_HEARD = {"a": "a", "e": "a", "i": "i", "o": "o", "u": "o", "-": "-"}
# one corpus at a time: the index the table was built from, its size then, the table
_HEARD_NAMES: list[tuple[Vocabulary, int, dict[str, tuple[str, ...]]]] = []


def _names_by_sound(vocab: Vocabulary) -> dict[str, tuple[str, ...]]:
    """The corpus words that are no Indonesian words (names), by how they are heard; rebuilt
    when the vocabulary grows (an ingest)."""
    all_terms = vocab.terms()
    if _HEARD_NAMES and _HEARD_NAMES[0][0] is vocab and _HEARD_NAMES[0][1] == len(all_terms):
        return _HEARD_NAMES[0][2]
    dictionary = _dictionary()
    table: dict[str, list[str]] = {}
    for term in all_terms:
        if (
            len(term) >= 4 and term.isalpha() and term not in dictionary
            and _ENGLISH_SPELLING.search(term)
        ):
            # a French "-eux" is said "o" ("savro") or read as written ("savrex")
            said = {term, term.replace("eux", "o")}
            # "byte" is heard "bait" or written short as it is read: "bitdens", "tipe"
            said |= {_LONG_I.sub("i", spelled) for spelled in said}
            for key in {_heard(spelled, english=True) for spelled in said}:
                if len(key) >= 4:
                    table.setdefault(key[:-1], []).append(key[-1] + term)
    names = {k: tuple(v) for k, v in table.items()}
    _HEARD_NAMES[:] = [(vocab, len(all_terms), names)]
    return names


def _heard_name(
    word: str, vocab: Vocabulary, *, both: tuple[str, str] | None = None
) -> str | None:
    """The articles' name a word (or two words) unknown to them sounds like, if any.

    Only a word the articles do not use and that is no chat spelling or word we translate, of
    three consonants or more, starting with a vowel where the name does, for a name spelled
    the English way; the most used name wins. The word may be in the dictionary ("kohir", a tax
    register, is heard for "Cohere"): one the articles never use is rarely meant.
    """
    if (
        len(word) < 4 or not word.isalpha() or _known(word, vocab) or word.endswith("nya")
        or word in chat_spellings() or word in function_words() or word in glossary_heads()
        or lexicon().get(word, word) != word
    ):
        return None
    if both is not None and any(_known(w, vocab) and not could_be_name(w) for w in both):
        return None  # "bait dens": both heard halves; not "gaji dens"
    key = _heard(word, english=False)
    if len(key) < 4:
        return None
    # consonants alone are too common: the first vowel must be heard alike too ("karim" is not
    # "crime", "skornya" not "screen"; the "a" of "chat" is heard "cet")
    found = [
        t for vowel, t in (
            (entry[0], entry[1:]) for entry in _names_by_sound(vocab).get(key[:-1], ())
        )
        if vocab.df(t) > 0 and (t[0] in "aeiou") == (word[0] in "aeiou")
        and abs(len(t) - len(word)) <= 3 and _VOWEL_HEARD[vowel] == _VOWEL_HEARD[key[-1]]
    ]
    return max(found, key=vocab.df) if found else None


def _colloquial(word: str, vocab: Vocabulary | None) -> str:
    """The lexicon's standard form of a chat word the articles, glossary and word lists lack."""
    formal = colloquial_lexicon().get(word)
    if formal is None or vocab is None or _known(word, vocab):
        return word
    if word in stopwords() or word in entities() or word in glossary_heads():
        return word
    return formal


def _krama_possessed(word: str, chat: dict[str, str]) -> str | None:
    """A krama word the chat list or the dictionary knows, with the krama "its" on it ("-ipun",
    "-nipun"): the Indonesian word with "-nya"."""
    bases = [word.removesuffix(s) for s in ("nipun", "ipun") if word.endswith(s)]
    for base in bases:
        if len(base) >= 3 and base in chat:
            return chat[base] + "nya"
    for base in bases:  # "bedanipun" -> "bedanya"
        if len(base) >= 3 and base in _dictionary():
            return base + "nya"
    return None


# Malay spellings that are English words too: read so only in an Indonesian clause
_MALAY_NOT_ENGLISH = {"same": "sama"}
# a clause with two of these is English: the colloquial lexicon would read "make" as "memakai"
_ENGLISH_FUNCTION = {"the", "a", "an", "of", "to", "is", "are", "was", "were", "do", "does", "did",
                     "what", "who", "how", "why", "which", "when", "where", "in", "on", "for",
                     "and", "or", "can", "could", "would", "should", "will", "they", "their", "it",
                     "this", "that", "much", "many", "any", "you", "i", "my", "there", "with",
                     "from", "not", "so", "im", "am", "we", "our", "me", "about", "if"}


def _is_english(tokens: Sequence[str]) -> bool:
    """A clause with two English function words is English."""
    return sum(1 for w in tokens if w in _ENGLISH_FUNCTION) >= 2


_DOUBLED = re.compile(r"([^\W\d_]+)-\1([^\W\d_]*)")
# a Jakarta-style verb ("ngelabel", "nyari", "ngarang"), doubled for an action done repeatedly
_CHAT_VERB = re.compile(r"n(?:ge|g|y)[a-z]{3,}$")
# an Indonesian affix written with a hyphen before a foreign word or an acronym
_HYPHEN_AFFIX = re.compile(r"(?:di|ke|nge|ter|ber|se)-([^\W\d_]{2,})")
# an English word with a prefix is one word ("co-founder", "re-train"), not "co" + "founder"
_EN_PREFIXED = re.compile(r"(?:co|re|pre|non|self|ex)-[^\W\d_]+$")
_REDUPLICATED = re.compile(r"\b([^\W\d_]{2,})2(an|nya|in|e)?\b")  # Javanese "-e": "-nya"


_JUST_SA = re.compile(r"\b(apa|siapa|mana|kapan|berapa) sa\b", re.IGNORECASE)
# "aku anak IT", "gue anak kampus": the asker's own field or circle, not their child
_MY_CIRCLE = re.compile(r"\b(saya|aku|gue|gua|sy|ane) anak (?!magang\b)", re.IGNORECASE)
# "menurut savreux sendiri": he himself says, not "sendirian" (alone)
_SAYS_HIMSELF = re.compile(
    r"\b((?:menurut|kata|versi) (?:\w+ ){0,2}?\w+) sendiri\b", re.IGNORECASE
)
# "…? mana tau bisa dari rumah", "…? siapa tahu ada lowongan": after the question, a hope
# ("perhaps"), not a where or a who asked (still asked when nothing follows: "ada yg tau?")
_WHO_KNOWS = re.compile(
    r"(?<=\?)\s*\b(?:mana|siapa|sapa|sape|mane) (?:tau|tahu|tao)\b(?= \w)", re.IGNORECASE
)
# Palembang "cak mano", Malay "macam mane / macam mana", Medan "kek mana", East Javanese "yo opo"
# and "yaopo", krama "kados pundi" (Indonesian "macam apa", "seperti mana" are not): how
_MALAY_HOW = re.compile(
    r"\b(?:cak|macam|kek) ?man[aeo]\b|\by[ao]k? ?opo\b|\bkados ?pundi\b", re.IGNORECASE
)
# "lapor spt": the tax return ("spt" alone is chat for "seperti")
_TAX_FORM = re.compile(r"\b(lapor|isi|ngisi|mengisi|melapor|melaporkan) spt\b", re.IGNORECASE)
# "dapat duit berapa", "olih duit pira", "berapa duitnya": money asked as a sum got is pay
_MONEY_ASKED = re.compile(
    r"\b(?:uang|duit|doku)(?:nya|ne)?(?= (?:berapa|brp|pira|piro|pinten|sabaraha)\b)"
    r"|(?:(?<=\bberapa )|(?<=\bbrp ))(?:uang|duit|doku)(?:nya|ne)?\b",
    re.IGNORECASE,
)
# Javanese krama "kenging nopo" (why); "kenging" alone is "may"
# (and Indramayu's "kenang apa", "kenangapa")
_JAVANESE_WHY = re.compile(
    r"\bke[nm]g[ei]ng (?:nopo|napa|menapa|punapa)\b|\bkenang ?apa\b", re.IGNORECASE
)
# Javanese "loro" is "two" and "sick"; after "if" or "when" it is falling ill ("lek loro")
_FALLS_ILL = re.compile(r"\b(lek|nek|yen|kalau|kalo|klo|pas|misal|misale) loro\b", re.IGNORECASE)
# "tgl dmn": "tinggal" (lives) before where; "tgl brp" stays a date
_LIVES_WHERE = re.compile(r"\btgl (?=(?:di|dmn|dimana|dmana|mana)\b)", re.IGNORECASE)
# Sabah Malay "sia" is "saya" ("sia kerja di ladang", "anak sia", "kalau sia tukar"); Minang
# "sia" asks who, before "nan"/"yang"/a name word or closing the clause ("Ivan Zhang sia?")
_SABAH_I = re.compile(
    r"\bsia\b(?!\s*(?:nan|yang|namo|namonyo|nama|namanya|kah|ya)\b)(?=\s+[^\W\d_])",
    re.IGNORECASE,
)
# Cirebon "bli" (not) closing a yes-or-no ("apa bli?", "bener bli sih"); elsewhere it is the
# Balinese "bli" (brother) a worker addresses
_OR_NOT_CIREBON = re.compile(
    r"\b(apa|atau|ato|bener|benar|iya|ya) b(?:e)?li\b(?=\s*(?:[?.!,;]|sih\b|$))", re.IGNORECASE
)
_NOT_CIREBON = re.compile(r"\bb(?:e)?li\b(?= (?:mudeng|ngerti|ngarti|weruh)\b)", re.IGNORECASE)
# Lampung "nyak" is "saya" ("nyak umur 22", "adik nyak dokter"); the Betawi "nyak" (mother)
# comes with whose she is ("nyak gue", "nyak aye") or beside "babe"
_LAMPUNG_I = re.compile(
    r"(?<!\bbabe )(?<!\bbabeh )\bnyak\b"
    r"(?!\s*(?:gue|gua|aye|ane|saya|aku|lu|elu|babe|babeh|ama|sama|dan)\b)",
    re.IGNORECASE,
)
# Batak and Mandailing "au" is "I" where it opens a sentence ("au tamatan SMA di Panyabungan",
# "au akuntan di koperasi"); Jakarta "au ah" is "dunno"
_BATAK_I = re.compile(
    r"(^|[.!?;,]\s*|\b(?:seperti|kayak|kyk|macam|untuk|buat) )au\b"
    r"(?!\s*(?:ah|ahh|deh)\b)(?=\s+[a-z]|\s*[?.!]?\s*$)",
    re.IGNORECASE,
)
# Hokkien "wa" is "I" in Medan, Pontianak and Singkawang ("wa mau tanya", "amoi wa dokter");
# elsewhere it is WhatsApp ("di wa", "grup wa", "wa saya"), Arabic "and" ("wa alaikum") or a
# Sundanese uncle: only after whose relative or shop, or before what the asker does
_HOKKIEN_I = re.compile(
    r"(?:\b(amoi|ahia|koko|cici|anak|cucu|papa|mama|istri|suami|adik|kakak|toko|temen|teman"
    r"|engkong|emak|mami|papi) |^|(?<=[.,!?;] )|(?<=[.,!?;]))wa\b"
    r"(?(1)(?!\s*(?:nya|ku|saya|aku|grup|group|\d))|(?= (?:mau|mo|pengen|pingin|punya|kerja"
    r"|lagi|udah|sudah|dulu|cuma|baru|tanya|nanya|denger|dengar|liat|lihat|baca|juga|sendiri"
    r"|bisa|gak|ga|nggak|tidak|ini|masih|umur|orang|kira|rasa|ada|pernah|tau|tahu)\b))",
    re.IGNORECASE,
)
# Lampung "mak" (not) closing a yes-or-no ("bener mak?") or before what is denied ("mak
# ngerti"); elsewhere "mak" is a mother ("mak saya", "mak gue")
_OR_NOT_LAMPUNG = re.compile(
    r"\b(apa|atau|ato|bener|benar|iya|ya|bisa|boleh|ada) mak\b(?=\s*(?:[?.!,;]|sih\b|$))",
    re.IGNORECASE,
)
_NOT_LAMPUNG = re.compile(
    r"\bmak\b(?= (?:ngerti|ngarti|paham|tahu|tau|bisa|pernah|ada|perlu|usah)\b)", re.IGNORECASE
)
# an ex-convict ("mantan napi"); elsewhere "napi" is the Balinese "apa" ("napi manten")
_EX_CONVICT = re.compile(r"\b(mantan|eks|bekas) napi\b", re.IGNORECASE)
# "brp km", "80 km": kilometres, not the chat "km" (kamu)
_KILOMETRES = re.compile(r"\b(berapa|brp|brapa|\d+)\s*km\b", re.IGNORECASE)
# Javanese "oleh" (get) before its "how much"; elsewhere "oleh" is Indonesian "by"
_GETS_HOW_MUCH = re.compile(r"\boleh (?=(?:pinten|piro|pira|pirang|berapa|brp)\b)", re.IGNORECASE)
# Sundanese "ti bumi" (from home; "bumi" is the polite "house", "ti" is "from")
_FROM_HOME = re.compile(r"\bti (?:bumi|imah)\b", re.IGNORECASE)
_FROM_WHERE = re.compile(r"\bti mana\b")
# "kalo abis lulus", "habis itu kerja apa": after (not "used up": "kuota abis")
_AFTER = re.compile(
    r"\bh?abis(?= (?:lulus|tamat|itu|ini|kuliah|sekolah|wisuda|kontrak|dipecat|kena|resign"
    r"|pensiun|pulang)\b)",
    re.IGNORECASE,
)
# Jakarta and Sundanese "ade" is a younger sibling when it is someone's ("ade saya", "adeku");
# in Betawi and Riau Malay it is "ada" ("ade tak pekerja yang …")
_SIBLING_ADE = re.compile(
    # eastern Malay puts the owner first: "sa pu ade", "beta pung ade"
    r"(?:(?<=\bpu )|(?<=\bpe )|(?<=\bpung )|(?<=\bpunya ))ade\b"
    r"|\bade(?=ku\b|(?: (?:saya|sy|aku|gue|gw|gua|aye|ane|kamu|lu|lo|awak|abdi|kulo|ipar|cowok"
    r"|cewek|laki-laki|perempuan))\b)",
    re.IGNORECASE,
)


def _reduplicate(match: re.Match[str]) -> str:
    """"masalah2" -> "masalah-masalah"; with "se-" only the root repeats: "sehari2" ->
    "sehari-hari", "sebaik2nya" -> "sebaik-baiknya"."""
    word, suffix = match.group(1), match.group(2) or ""
    suffix = "nya" if suffix == "e" else suffix  # Javanese "wong2e" is "orang-orangnya"
    lower = word.lower()
    if len(word) == 2 and lower not in chat_spellings():
        return match.group(0)  # "gr2" is "gara-gara", but "S2" a degree and "h2" nothing
    if lower.startswith("se") and (lower == "sehari" or suffix == "nya") and len(word) > 4:
        return f"{word}-{word[2:]}{suffix}"
    return f"{word}-{word}{suffix}"
# clause openers that do not ask ("trus kok …", "eh ngapain …")
# words that only move a chat along when they open a message
_DISCOURSE_OPENERS = {"oke", "ok", "okay", "oh", "ohh", "oo", "ooh", "terus", "trus", "lalu",
                      "nah", "sip", "begitu", "baik"}
_CLAUSE_OPENERS = {"eh", "terus", "trus", "tapi", "tp", "lho", "loh", "kak", "bro", "gan", "sis",
                   "bang", "min", "lah", "jadi", "jd", "nah"}
# why at the start of a clause, else this
_WHY_OR_WHAT = {"kok": "", "ngapain": "melakukan apa", "ngapa": "melakukan apa",
                # Betawi "ngape", Malay of Jambi and Palembang "ngapo"
                "ngape": "melakukan apa", "ngapo": "melakukan apa"}
# Indonesian degree names, which the tokenizer would split into a letter and a digit ("S3")
_DEGREES = {"S1": "sarjana", "S2": "magister", "S3": "doktor", "D1": "diploma", "D2": "diploma",
            "D3": "diploma", "D4": "diploma"}
_DEGREE = re.compile(r"\b[SsDd][1-4]\b")
# "aku DO dari kuliah": dropped out, not the English "do" that opens a question
_DROPPED_OUT = re.compile(r"(?-i:\bDO\b)|\bdrop ?out\b", re.IGNORECASE)
# the passive "di-" typed apart from a "-kan" verb ("di kerjakan", as voice typing and many
# writers do): one word; a place after "di" does not end in "-kan"
_PASSIVE_APART = re.compile(r"\b(di) (?=[a-z]{4,}kan\b)", re.IGNORECASE)
# "kaya" is chat for "seperti" ("kaya gini"), but after these it is "rich"
_RICH = {"kaya"}
_BECOMING = {"bikin", "membuat", "jadi", "menjadi", "lebih", "makin", "semakin", "dia", "mereka",
             "saya", "aku", "cepat", "mendadak", "bakal"}


_ASKING_WORDS = (
    "berapa", "apakah", "siapa", "kenapa", "mengapa", "bagaimana", "kapan", "how", "why", "who",
    "what", "when", "where", "apa", "bisa", "tidak", "mana", "dimana", "kemana", "darimana",
)


# -- reading ------------------------------------------------------------------------------------
def question_kind(clean: str, n_terms: int) -> str:
    """The answer shape a question wants, from its wording."""
    text = f" {clean} "
    asks = any(f" {w} " in text for w in _ASKING_WORDS)
    if n_terms <= 2 and set(clean.split()) & _PAY_WORDS:
        return "how_much"  # "gaji savreux": what he is paid, not everything about him
    if n_terms <= 4 and clean.split()[:1] and clean.split()[0] in _PAY_WORDS and not asks:
        return "how_much"  # "gaji labeler chatgpt?": the pay of whom it names
    if n_terms <= 2 and not asks:
        return "topic"
    said = set(clean.split())
    if (
        (said & _THEN or any(f" {w} " in text for w in _THEN_PHRASES))
        and said & _NOW and not said & FIRST_PERSON
        and not said & {"kenapa", "mengapa", "why", "berapa"}
    ):
        return "compare"  # "dulu yg ngelatih ai org2 kyk gmn, skrg siapa": then against now
    for kind, cues in _KIND_WORDS:
        for cue in cues:
            # an English auxiliary asks yes/no only when it opens the question ("do they …?",
            # not "what do they …?"); other cues count anywhere
            prefix_only = cue.endswith(" ")
            if (not prefix_only and f" {cue} " in text) or (
                prefix_only and text.startswith(f" {cue}")
            ):
                if kind == "compare" and not _is_comparison(text, cue):
                    continue
                if kind == "compare" and re.search(
                    rf" (?:soal|tentang|mengenai|about(?: the)?) {re.escape(cue)} ", text
                ):
                    continue  # "siapa yang dikutip soal beda X dan Y": the difference is the topic
                if kind == "compare" and re.search(
                    rf" berapa\b.* (?:agar|supaya|biar) (?:\w+ ){{0,3}}{re.escape(cue)} .*\d", text
                ):
                    # "… brp dolar sejam? biar tau bedanya sama yg 15 dolar": what the figure is
                    # for, against a sum the asker already has, is no comparison asked
                    continue
                if kind == "where" and cue == "mana" and (
                    " lebih " in text or " sejauh mana " in text
                ):
                    continue  # "lebih gede mana", "sejauh mana": which side, how far, not where
                if kind == "where" and _GOT_FROM_WHERE.search(text):
                    return "howto"  # "dpt kerjaan dr mana": the way in, not a place
                if cue == "gara-gara" and re.search(r" (?:tidak|kah|kan) ", text) and not (
                    re.search(r" gara-gara (?:apa|apaan) ", text)
                ):
                    continue  # "keganggu gara-gara anak magang?": the cause is told, not asked
                if cue in ("who", "which") and text.count(f" {cue} ") == len(
                    _RELATIVE.findall(text)
                ):
                    continue  # "the bytedance intern who got fired, when …": whom it tells of
                if kind == "list" and re.match(r" (?:kenapa|mengapa|why) ", text):
                    continue  # "knp skrg nyari yg pinter, dulu dikerjain siapa aja": a reason
                if cue == "daftar" and _REGISTER.search(text):
                    continue  # "cara daftar jadi …": to register, not a list
                if cue == "belum" and not re.search(r" belum (?:(?:ya|sih|kah|nih) )?$", text):
                    continue  # "udah diakui belum?" asks; "belum dapet kerja" tells
                if kind == "yesno" and cue in ("bisa", "boleh") and _CAN_DO_WHAT.search(text):
                    continue  # "dia bisa kerja apa?": which work, not whether he can
                return kind
    if _CHECK_END.search(text):
        return "yesno"  # "… 4 juta dolar setahun, betul begitu?": the claim before is checked
    return "what"


# an English relative clause: "the intern who got fired", "a company which pays …"
_RELATIVE = re.compile(r" (?:the|a|an|that|this|those|these) (?:[a-z0-9-]+ ){1,3}(?:who|which) ")
# "dulu dpt kerjaan ngelatih ai dr mana": how something was got, not where
_GOT_FROM_WHERE = re.compile(
    r" (?:dapat|mendapat|mendapatkan|memperoleh|menemukan|nemu|tahu) (?:\w+ ){0,4}dari mana "
)
# "bisa kerja apa", "bisa jadi apa di bidang AI": the "apa" asks what the work is
_CAN_DO_WHAT = re.compile(
    r" (?:bisa|boleh) (?:\w+ )?(?:kerja|bekerja|jadi|menjadi|mengerjakan|melakukan) apa"
    r"(?: (?:ya|sih|dong|kah|saja))*(?: di(?: \w+){1,2})? $"
)
_CHECK_END = re.compile(
    r" (?:benar|betul|bener|beneran|benarkah|betulkah|true|right|correct)"
    r"(?: (?:begitu|gitu|ya|kan|tidak|nggak|ga|gak|kah|sih|nih|itu|ini|bukan))* $"
)
_PAY_WORDS = {"gaji", "gajinya", "upah", "upahnya", "bayaran", "bayarannya", "honor", "salary",
              "pay", "wage", "wages"}
_REGISTER = re.compile(
    # "bisa ji daftar", "mau langsung daftar": a particle or an adverb between
    r" (cara|caranya|mau|gimana|bagaimana|bisa|boleh|ingin|pengen)"
    r"(?: (?:ji|mi|kah|sih|ya|juga|saja|langsung))? daftar | daftar (jadi|ke|di|kerja) "
)


# chat's "A apa B?" is "A atau B?" when it stands between two things, not asking "what"
_APA_AS_ATAU = re.compile(r"(?<=\w) apa (?!(?:saja|aja|sih|ya|itu|yang)\b)(?=\w)")


# (nor does a closing "atau gimana": "ada orang dalam kah atau kayapa", "or what?")
_NOT_COMPARING = re.compile(
    r" sama sekali(?= )| atau (?:tidak|belum|bukan)(?= )| atau (?:bagaimana|apa) *$"
)


def _is_comparison(text: str, cue: str) -> bool:
    # "… atau ga ada sama sekali?": "at all", and "or not", compare nothing
    text = _NOT_COMPARING.sub(" ", text)
    if f" {cue} " not in text:
        return False
    if cue in ("lebih", "sama"):  # "lebih gede mana", "sama nggak" — not "lebih dari $15"
        # "dapat kerjaan dari mana? sama pake apa?": where from, then "and" (no comparison)
        which = " mana " in re.sub(r" (?:di|dari|ke) mana ", " ", text)
        if cue == "sama" and not which and re.search(r" bagaimana .* sama .* atau ", text) and (
            " dibanding" not in text and " beda" not in text
        ):
            return False  # "direkrutnya gimana, langsung sama perusahaan atau lewat agency?"
        return which or " atau " in text or " dibanding" in text or " sama " in text \
            and cue == "sama" and " beda" in text \
            or cue == "lebih" and " lebih dari " not in text \
            and bool(_APA_AS_ATAU.search(text.strip())) \
            or cue == "lebih" and " siapa yang lebih " in text  # "A sama B siapa yg lebih tua"
    if cue == "mana":
        return " lebih " in text or " atau " in text
    return True


def _by_clause(clauses: Sequence[int]) -> dict[int, list[int]]:
    """The token indices of each clause, clauses in order."""
    grouped: dict[int, list[int]] = {}
    for i, clause in enumerate(clauses):
        grouped.setdefault(clause, []).append(i)
    return dict(sorted(grouped.items()))


def _personal_span(
    tokens: Sequence[str], clauses: Sequence[int], questioned: Collection[int] = (),
    told: Collection[int] = (),
    opens: Collection[int] = (),
    plans: Collection[int] = (),
) -> tuple[set[int], set[int]]:
    """Indices of the words that describe the asker ("saya ibu rumah tangga lulusan SMA").

    A clause that speaks of the asker and asks nothing ("saya penulis skenario, takut kerjaan
    saya diambil AI. ada yg protes?") is context as a whole, and so are the clauses that go on
    with that story until one asks ("saya driver ojol, dulu sempat hidup di jalan, sekarang
    ngontrak. ada ga …?"); inside a clause that also asks, the words from "saya" up to the
    asking word ("bisa", "apakah") are. `questioned` are the clauses typed with a "?", `told`
    those of sentences ended with "." or "!" when another asks with "?", `opens` the clauses
    that begin a sentence: a new sentence that is asked ("… info salah. nah katanya pelatih AI
    tugasnya kurangi masalah itu ya, apa nama masalahnya?") is the question, not more story;
    `plans` the words of what the asker means to do (`_plan_span`), story as a whole.
    Returns the describing words and the story's other words (context, never named back).
    """
    span: set[int] = set()
    story_span: set[int] = set()
    grouped = _by_clause(clauses)
    ordered = list(grouped)
    story = False  # the asker is telling their situation and has not asked yet
    for clause, idx in grouped.items():
        words_ = [tokens[i] for i in idx]
        # in a told sentence "ada", "dapat" and "bisa" ask nothing: "saya ada BPJS.", "dulu sy
        # dapat asuransi dari kantor." tell what the asker has ("saya ingin tahu …." still asks)
        asks = clause in questioned or _asks(
            [w for w in words_ if w not in _told_modals(words_)] if clause in told else words_
        )
        if not set(words_) & FIRST_PERSON:
            seen = _seen_opening(words_)
            if story and seen and clause != ordered[-1]:
                # "…, istri jualan pentol, liat video orang amerika si savreux kerja AI": what
                # the asker saw is what the question goes on to ask about; the seeing is story
                story_span.update(idx[:seen])
                story = False
                continue
            if story and words_[:1] and words_[0] in _HEARSAY and clause != ordered[-1]:
                # "anak aku baru tamat SMA, katonyo ado gawe ngajari chatgpt": what was heard
                # is what the question goes on to ask about, not more of the asker's story
                story = False
                continue
            # the story goes on through a told sentence's asking-looking words ("belum dapet")
            asked_sentence = clause in opens and clause not in told
            if story and (not asks or clause in told) and clause != ordered[-1] and not (
                asked_sentence and questioned
            ):
                story_span.update(idx)
            else:
                story = False
            continue
        if idx[0] in plans:
            # "sy mau kerja dari rumah aja, pelatih ai ada tunjangan?": what the asker means to
            # do is their situation; the question that follows names its own subject
            story_span.update(idx)
            story = True
            continue
        hears = [_hearing(words_, n) for n in range(len(words_))]
        if len(ordered) > 1 and not asks and any(hears):
            # "sy dengar ada org amerika … kerja latih AI dari rumah.": what was heard is what
            # the question goes on to ask about, not the asker's situation; the hearing is
            # context
            story_span.update(
                i for n, i in enumerate(idx)
                if hears[n] or (n + 1 < len(idx) and hears[n + 1] and tokens[i] in _HEARD_WHEN)
                # "sy baca sekilas", "liat di tiktok": how and where it was seen
                or (n and hears[n - 1] and tokens[i] in _GLANCE | _MEDIA)
            )
            story = False
            continue
        if len(ordered) > 1 and not asks:
            span.update(i for i in idx if tokens[i] not in FIRST_PERSON)
            story = True
            continue
        story = False
        for n, i in enumerate(idx):
            if tokens[i] not in FIRST_PERSON:
                continue
            before = tokens[idx[n - 1]] if n else ""
            if before and not (
                before in FIRST_PERSON or before in _PERSONA or before in function_words()
                or before in _ON_BEHALF
            ):
                continue  # "pacar aku ga bales", "kerjaan saya": whose, not who the asker is
            after = tokens[idx[n + 1]] if n + 1 < len(idx) else ""
            if before in _IF and after in _BECOMING_ONE:
                continue  # "kalo sy pindah jadi pekerja kontrak AI": the work asked about
            if after in _HEARD_IN or (after in _HEARD_WHEN and _hearing(words_, n + 2)):
                continue  # "saya baca sekilas ada orang …": what was read, not who reads it
            for j in idx[n + 1 : n + 12]:
                if tokens[j] in _CLAUSE_END:
                    break
                if tokens[j] in _HEARSAY and (not questioned or clause in questioned):
                    break  # "saya … temen kata Netflix …?": what was heard is what is asked
                span.add(j)
    # "… untuk ibu rumah tangga", "cocok buat mahasiswa": persona words anywhere, but not in
    # what describes someone else asked about ("contoh orang yang sesudah lulus langsung kerja
    # kontrak": that person graduated, the asker is not told of)
    for i, tok in enumerate(tokens):
        if tok in _PERSONA and tok not in _PERSONA_FILLER and tok not in _ASKED_OF_OTHERS:
            if i not in span and _describes_another(tokens, i):
                continue
            if i + 1 < len(tokens) and _COMPOUNDS.get(tok, set()) & {
                tokens[i + 1], tokens[i + 1].removesuffix("nya")
            }:
                continue  # "anak magang(nya)" is an intern, not a child
            if tok in _LEVELS and "atau" in tokens[max(0, i - 3) : i + 2]:
                continue  # "kerjaan untuk pemula atau harus ahli": the job's level is asked
            span.add(i)
    return span, story_span - span


def _describes_another(tokens: Sequence[str], i: int) -> bool:
    """Word i stands in a "orang yang …" clause (within five words of it, no "saya" between):
    it describes the person asked about."""
    for j in range(max(0, i - 5), i):
        if tokens[j] in {"orang", "seseorang", "people", "someone"} and tokens[j + 1 : j + 2] in (
            ["yang"], ["yg"], ["who"]
        ):
            return not set(tokens[j:i]) & FIRST_PERSON
    return False


# "saya baru dengar …", "sy tadi baca …": when the asker heard it, between them and the hearing
_HEARD_WHEN = {"baru", "barusan", "tadi", "td", "pernah", "sempat", "sudah", "udah", "juga"}


def _seen_opening(words_: Sequence[str]) -> int:
    """How many words open a clause with the asker's seeing or hearing, the asker unsaid ("liat
    video orang amerika …", "tadi baca berita …"): 0 when it opens otherwise."""
    n = 1 if words_[:1] and words_[0] in _HEARD_WHEN else 0
    if not (words_[n : n + 1] and words_[n] in _HEARD_IN - {"bilang"}):
        return 0
    n += 1
    while n < len(words_) and words_[n] in _MEDIA | _GLANCE | {"video", "berita", "postingan"}:
        n += 1
    return n


def _hearing(words_: Sequence[str], n: int) -> bool:
    """Word `n` is the asker's hearing or reading ("sy dengar", "kamek baru dengar")."""
    if n >= len(words_) or words_[n] not in _HEARD_IN or not n:
        return False
    before = words_[n - 1]
    return before in FIRST_PERSON or (
        before in _HEARD_WHEN and n > 1 and words_[n - 2] in FIRST_PERSON
    )


# "kenapa mereka bikin serikat, kayak kita demo ojol": what follows compares with the asker's
# own world; it is context, not what the articles must speak of
_LIKE = {"seperti", "mirip", "like"}  # not "sama": "kerja sama kita" is "with us"
_US = FIRST_PERSON | {"kita", "kami", "us", "me"}


_SO = {"gitu", "gini", "begitu", "begini"}
_TAG_PARTICLES = {"sih", "kok", "lho", "loh", "ya", "kan", "deh", "nih", "tuh"}


def _analogy_span(tokens: Sequence[str], clauses: Sequence[int]) -> set[int]:
    """Indices of the words after "seperti kita" / "like us" or a clause opening with "kayak"
    (examples: "kyk QA/review gitu") up to the end of that clause, and the workplace of "kaya
    di pabrik"."""
    span: set[int] = set()
    for i in range(len(tokens) - 1):
        # "kaya di pabrik ada bpjs": the asker's own workplace, told for comparison (not "seperti
        # di Kenya", a place the articles may speak of)
        at_work = tokens[i + 1] in ("di", "in") and i + 2 < len(tokens) and (
            (tokens[i + 2] not in entities() and not could_be_name(tokens[i + 2]))
            # "moderation kayak di BPO gitu?": "like at …, you know" closes on what the asker
            # knows, whatever its name
            or (i + 3 < len(tokens) and tokens[i + 3] in _SO and clauses[i + 3] == clauses[i])
        )
        # "… ada kerjaan lain gak? kyk QA/review gitu": examples in a clause of their own
        # ("kaya apa percakapan … diolah?": "what like", how it is done, is a question)
        aside = (i == 0 or clauses[i - 1] != clauses[i]) and tokens[i + 1] not in (
            "apa", "bagaimana", "mana", "what", "how"
        )
        # "macam BHL kami", "kayak satpam kami": like the asker's own kind of work
        ours = i + 2 < len(tokens) and tokens[i + 2] in _US and tokens[i + 1] not in _WH_WORDS \
            and clauses[i + 2] == clauses[i]
        if tokens[i] in _LIKE and (tokens[i + 1] in _US or aside or ours):
            start = i + 2 if tokens[i + 1] in _US else i + 1
            for j in range(start, len(tokens)):
                # "freelancer kyk sy bisa daftar bpjs …": "kyk sy" says who asks; what
                # follows the asking word is the question, not the asker's world
                if clauses[j] != clauses[i] or (
                    (tokens[i + 1] in _US or ours) and tokens[j] in _CLAUSE_END
                ):
                    break
                span.add(j)
        elif tokens[i] in _LIKE and at_work:
            span.add(i + 2)  # what it has there ("ada BPJS") is still what is asked of
        elif tokens[i] in _LIKE and (
            reference := _place_after(tokens, i + 1)
        ) and any(
            clauses[j] == clauses[i] and _place_after(tokens, j) for j in range(i)
        ):
            # "di amerika udh bikin serikat jg kayak yg di kenya": the other place is the case
            # compared with, the first one is asked about
            span.add(reference)
    return span


_BEFORE = {"dulu", "dahulu", "sebelumnya", "before"}
_ONLY_ENOUGH = {"cukup", "cuma", "hanya", "sekadar", "sekedar", "just", "only", "enough"}


def _old_state_span(tokens: Sequence[str], clauses: Sequence[int]) -> set[int]:
    """A later clause telling the old way that no longer holds ("kenapa sekarang butuh pelatih
    ahli, nggak cukup lagi pakai pekerja murah kayak dulu?"): the contrast, not what is asked."""
    span: set[int] = set()
    grouped = list(_by_clause(clauses).values())
    for own in grouped[1:]:
        said = [tokens[k] for k in own]
        if (
            len(said) >= 3 and said[-1] in _BEFORE and said[-2] in _LIKE
            and "lagi" in said and set(said) & {"tidak", "bukan", "no", "not"}
        ):
            span.update(own)
        elif len(said) >= 3 and said[0] in {"tidak", "bukan"} and said[1] in _ONLY_ENOUGH:
            # "…, gk cukup mahasiswa aja", "…, bukan cuma lulusan S1": the way that no longer
            # suffices, told after the question
            span.update(own)
    for own in grouped:
        # "… nyarinya orang pinter2, bukan orang biasa lagi": the old way, closing the clause
        said = [tokens[k] for k in own]
        while said and said[-1] in {"sih", "ya", "kan", "dong", "deh", "nih", "tuh", "kah"}:
            said.pop()
        first = max(0, len(said) - 6)  # "bukan" up to four words before the closing "lagi"
        if len(said) >= 5 and said[-1] == "lagi" and "bukan" in said[first:-2]:
            start = first + said[first:-2].index("bukan")
            span.update(own[start : len(said)])
    return span


def _condition_span(
    tokens: Sequence[str], clauses: Sequence[int], personal: Collection[int],
    vocab: Vocabulary | None,
) -> set[int]:
    """A condition of the asker's own plan, told after their story and in words no article
    uses ("saya perawat … persiapan kaigo ke jepang, kalau gagal berangkat apa tenaga kesehatan
    kayak saya bisa ikut melatih AI?"): more of the story, not what is asked. Without a story
    before it, a condition may be what is asked ("kalau sakit ditanggung ga?")."""
    span: set[int] = set()
    if vocab is None or not personal:
        return span
    for k, tok in enumerate(tokens):
        if tok not in _IF or not any(i < k and clauses[i] < clauses[k] for i in personal):
            continue
        end = k + 1
        while end < len(tokens) and clauses[end] == clauses[k] and tokens[end] not in (
            _CLAUSE_END | _WH_WORDS
        ):
            end += 1
        content = [t for w in tokens[k + 1 : end] for t in terms(w.replace("_", " "))]
        if content and end < len(tokens) and not any(vocab.df(t) > 0 for t in content):
            span.update(range(k, end))
    return span


def _place_after(tokens: Sequence[str], i: int) -> int | None:
    """The index of a named place at i ("di kenya", "yang di kenya"), else None."""
    j = i + 1 if tokens[i : i + 1] in (["yang"], ["yg"]) else i
    if tokens[j : j + 1] in (["di"], ["in"]) and j + 1 < len(tokens):
        name = tokens[j + 1]
        if name in places() or name in entities():
            return j + 1
    return None


# "kenapa butuh pelatih manusia, bukannya AI udah pinter sendiri?": the asker's objection
_OBJECTING = {"bukannya", "padahal", "whereas", "although"}


def _objection_span(tokens: Sequence[str], clauses: Sequence[int]) -> set[int]:
    """The words of an objection after the asked part, to the end of its clause: what the asker
    believes, not what the articles must say."""
    for i, tok in enumerate(tokens):
        # "…, kan bagus buka lapangan kerja": "kan" opening a clause after the question
        if (tok in _OBJECTING or (tok == "kan" and clauses[i - 1] != clauses[i])) and i:
            return {j for j in range(i, len(tokens)) if clauses[j] == clauses[i]}
    return set()


# "bisa", "cocok", "diterima": the asked sentence is about the asker after all
_ABOUT_THE_ASKER = {"bisa", "boleh", "dapat", "cocok", "mungkin", "diterima", "peluang",
                    "kesempatan", "can", "could"}


_BESIDES = {"selain", "besides"}
_BESIDES_END = {"yang", "itu", "ini", "ada", "juga", "apa", "siapa", "mana", "berapa", "saja",
                "lagi", "lainnya", "lain", "other", "what", "which", "who"}


def _besides_span(tokens: Sequence[str], clauses: Sequence[int]) -> set[int]:
    """ "selain tiktok" and what it sets aside: what the asker already knows ("aplikasi
    bytedance apa aja selain tiktok"), no part of what is looked for ("selain itu" is "also")."""
    span: set[int] = set()
    for k, tok in enumerate(tokens):
        if tok not in _BESIDES or tokens[k + 1 : k + 2] in (["itu"], ["ini"]):
            continue
        end = k + 1
        while (
            end < len(tokens) and end < k + 4 and clauses[end] == clauses[k]
            and tokens[end] not in _BESIDES_END and tokens[end] not in _WH_WORDS
        ):
            if end > k + 1 and _heads_the_asking(tokens, end):
                break  # "selain tiktok aplikasi dia apa aja": the apps are what is asked
            end += 1
        if end > k + 1:
            span.update(range(k, end))
    return span


_MUST = {"wajib", "harus", "mesti", "musti", "kudu", "perlu", "diwajibkan", "diharuskan"}


def _other_option(tokens: Sequence[str]) -> set[int]:
    """The words of "…, atau wajib/harus …" after a first option that has words of its own:
    the other answer to a yes/no question, not a second thing asked."""
    for i in range(2, len(tokens) - 2):
        if tokens[i] in ("atau", "ato") and tokens[i + 1] in _MUST:
            return set(range(i, min(len(tokens), i + 8)))
    return set()


def _heads_the_asking(tokens: Sequence[str], at: int) -> bool:
    """The word at `at` is the noun the question word after it asks of ("aplikasi (dia) apa
    aja")."""
    nxt = tokens[at + 1 : at + 3]
    if nxt[:1] and nxt[0] in _OWNER_WORDS:
        nxt = nxt[1:]
    return bool(nxt) and nxt[0] in _WH_WORDS


_OWNER_WORDS = {"dia", "mereka", "nya", "itu", "ini", "lain", "lainnya"}


def _told_before_asking_of_others(
    tokens: Sequence[str], sentence_of: Sequence[int], clauses: Sequence[int],
    questioned: Collection[int], names: Collection[str],
) -> set[int]:
    """The words of the sentences before the asked one, when the asked sentence is about someone
    the articles name and not the asker ("Saya tunanetra, lancar mengetik. Saya tertarik kerja
    dari rumah. Sebenarnya tugas pelatih seperti Savreux itu apa saja?"): the asker's story,
    context only, not what the answer's sentences must say."""
    if not tokens:
        return set()
    last = sentence_of[-1]
    asked = [i for i in range(len(tokens)) if sentence_of[i] == last]
    said = [tokens[i] for i in asked]
    if last == 0:
        return set()
    # the asked sentence: typed with "?", or, with none typed, the last one asking
    if questioned and not {clauses[i] for i in asked} & set(questioned):
        return set()
    if not questioned and not _asks(said):
        return set()
    if set(said) & (FIRST_PERSON | _ON_BEHALF | _KIN):
        return set()
    named = [n for n, w in enumerate(said) if w.replace("_", " ") in names]
    if not named:
        return set()
    # "bisa", "dapat" after the one named at the sentence's start are theirs ("si Savreux dulu
    # dapat kerjaan itu gimana"); otherwise they ask of the asker or of what the story told
    # ("Apakah pekerjaan tersebut … ke Amerika, atau dapat dikerjakan dari jauh?")
    if set(said) & _ABOUT_THE_ASKER and (
        named[0] > 2 or any(w in _ABOUT_THE_ASKER for w in said[: named[0]])
    ):
        return set()
    # only what was told, not a question asked before ("Scale AI bayar brp? lbh tinggi dr
    # Invisible kah?" asks both), and only when the asker told of themself
    before = [i for i in range(len(tokens)) if sentence_of[i] < last]
    if any(clauses[i] in questioned for i in before) or not any(
        tokens[i] in FIRST_PERSON for i in before
    ):
        return set()
    return set(before)


def _story_before_asking_of_others(
    tokens: Sequence[str], clauses: Sequence[int], names: Collection[str],
    personal: Collection[int], aside: Collection[int], questioned: Collection[int] = (),
) -> set[int]:
    """The asker's story told in the clauses before a last clause that asks of someone else
    ("sy 38 th mantan operator …, liat video si savreux kerja AI dr rumah, dia dpt kerjaan itu
    gimana caranya"): "dia" is the person the story saw, the story is context only. The words
    of the asker in it are no qualifier of what is asked."""
    if not tokens or not personal:
        return set()
    last = clauses[-1]
    if any(c != last for c in questioned):
        return set()  # "ada contoh anak muda yg …? dia kerjanya ngapain": asked before, too
    asked = [i for i in range(len(tokens)) if clauses[i] == last and i not in aside]
    said = {tokens[i] for i in asked}
    if last == clauses[0] or said & (FIRST_PERSON | _ON_BEHALF | _KIN):
        return set()
    # "dia dapat kerjaan itu gimana": his getting it, not whether the asker can; "…, kayak
    # jatin kumar, kerjaan sehari2nya ngapain": the "-nya" is of the one named just before
    before = [tokens[i] for i in range(len(tokens)) if clauses[i] == last - 1]
    # ("annual salary nya": the "-nya" typed apart)
    theirs = any((len(w) > 5 and w.endswith("nya")) or w == "nya" for w in said) and any(
        w.replace("_", " ") in names for w in before
    )
    if not (said & _PERSONS_BACK or theirs) and (
        said & _ABOUT_THE_ASKER or not any(w.replace("_", " ") in names for w in said)
    ):
        return set()
    return {i for i in personal if clauses[i] != last}


def _told(delimiters: Sequence[str]) -> set[int]:
    """The clauses (by the delimiter after each) of sentences ended with "." or "!": in a
    message that asks with "?", they tell ("… udah 8 bulan lulus belum dapet kerja, tabungan
    makin tipis. Kerjaan … nggak?")."""
    told: set[int] = set()
    sentence: list[int] = []
    for n, delim in enumerate(delimiters):
        sentence.append(n)
        if re.search(r"[.!?\n]", delim):
            if "?" not in delim and re.search(r"[.!]", delim):
                told.update(sentence)
            sentence = []
    return told


_TOLD_MODALS = {"ada", "dapat", "bisa", "boleh", "punya"}
# "pengen pulang", "harus kirim duit tiap bulan", "Saya tertarik kerja dari rumah.": a wish or a
# duty told, unless the wish is to know ("saya ingin tahu …")
_TOLD_WISHES = {"ingin", "pengen", "pingin", "pengin", "mau", "harus", "perlu", "tertarik",
                "berminat", "minat"}


def _told_modals(words_: Sequence[str]) -> set[str]:
    if set(words_) & {"tahu", "tanya", "nanya", "bertanya", "know", "ask"}:
        return _TOLD_MODALS
    return _TOLD_MODALS | _TOLD_WISHES


_WANT = {"mau", "ingin", "pengen", "pingin", "pengin", "kepengen", "want"}


def _plan_span(
    tokens: Sequence[str], clauses: Sequence[int], questioned: Collection[int]
) -> set[int]:
    """The clauses telling what the asker wants to do, before a question with three words of
    its own: "sy mau kerja dari rumah aja, pelatih ai ada tunjangan?" asks of trainers'
    benefits; "saya mau jadi pelatih AI, gimana caranya?" asks of the plan itself."""
    span: set[int] = set()
    grouped = _by_clause(clauses)
    last = max(grouped, default=0)
    for clause, idx in grouped.items():
        if clause == last or clause in questioned or not _plan([tokens[i] for i in idx]):
            continue
        after = " ".join(tokens[i] for i in range(len(tokens)) if clauses[i] > clause)
        if len(terms(after)) >= 3:
            span.update(idx)
    return span


def _plan(words_: Sequence[str]) -> bool:
    """A clause telling what the asker wants to do ("saya mau cari kerja sampingan"), asking
    nothing past its want ("saya mau tanya", "sy mau jadi pelatih, bisa?" ask)."""
    at = next((n for n, w in enumerate(words_[:3]) if w in _WANT), None)
    if at is None or not set(words_[:at]) & FIRST_PERSON:
        return False
    rest = words_[at + 1 :]
    # "kerja sampingan yang bisa pakai HP": what the work is like, asking nothing
    rest_asking = {w for n, w in enumerate(rest) if not (n and rest[n - 1] in {"yang", "yg"})}
    return bool(rest) and rest[0] not in _ASKING_VERBS and not rest_asking & _PLAN_ASKS and (
        rest[-1] not in {"tidak", "belum"}
    )


# the words that make a want clause a question ("saya mau kerja dari rumah, bisa?"), not those
# of a purpose ("untuk malam hari") or a condition
_PLAN_ASKS = {
    "bisa", "bisakah", "boleh", "apakah", "apa", "berapa", "bagaimana", "kenapa", "mengapa",
    "gimana", "siapa", "kapan", "mana", "dimana", "cocok", "layak", "can", "could", "should",
    "how", "what", "why", "who", "where", "when",
}


# "saya mau tanya", "pengen tahu": a want that asks
_ASKING_VERBS = {"tanya", "nanya", "bertanya", "nanyain", "menanyakan", "tahu", "tau", "ask",
                 "know", "konsultasi", "minta"}


def _asks(words_: Sequence[str]) -> bool:
    """A clause with an asking word; "nggak" asks only at the end ("diterima nggak"), not in
    "nggak punya rumah"; after "bisa", "ada" or "sama" it asks too ("… itu kak? sama ga
    gajinya")."""
    if set(words_) & (_CLAUSE_END | _ASKING - {"tidak"}) or words_[-1:] == ["tidak"]:
        return True
    # "udah pengalaman di lab AI belum dia", "… kah dia": the closing asking word before
    # whom it asks of
    end = len(words_)
    while end > 1 and words_[end - 1] in _ASKED_OF_AFTER:
        end -= 1
    if end < len(words_) and words_[end - 1] in ("tidak", "belum", "kah"):
        return True
    return _can_or_not(words_, _CAN_OR_SAME, ("tidak",))


# what may follow the closing "gak" of a question: whom it asks of
# (not a particle: "auto sultan ga tuh" is a remark)
_ASKED_OF_AFTER = {"dia", "mereka", "beliau"}
_SAMENESS = {"sama", "beda", "berbeda", "mirip"}
# "… barangkali bisa dari Berastagi", "semoga bisa sambil kuliah": a hope after the question
_HOPES = {"barangkali", "semoga", "moga", "moga-moga", "mudah-mudahan", "insyaallah", "moga2"}


def _hoped(words_: Sequence[str]) -> bool:
    """A remark opening with a hope ("mana tau bisa dari Berastagi …"), with no asking word of
    its own ("barangkali ada yg tau gajinya berapa" still asks)."""
    return bool(words_) and words_[0] in _HOPES and not set(words_) & _WH_WORDS


def _can_or_not(tokens: Sequence[str], heads: Collection[str], tails: Collection[str]) -> bool:
    """ "bisa gak", "sama ga": a word of ability or likeness right before a "not" asks."""
    return any(a in heads and b in tails for a, b in zip(tokens, tokens[1:], strict=False))


# "temen sy lulusan sastra mau jd pelatih AI": asked on behalf of a friend or relative, whose
# situation is told as the asker's own would be
_ON_BEHALF = {
    "teman", "temen", "kawan", "sahabat", "adik", "adek", "kakak", "keponakan", "ponakan",
    "sepupu", "saudara", "sodara", "tetangga", "ayah", "bapak", "mertua", "friend", "sister",
    "brother", "cousin", "neighbour", "neighbor",
}
_KIN = {"istri", "suami", "anak", "mama", "papa", "ibu", "ayah", "bapak", "cucu", "wife",
        "husband", "kid", "kids", "son", "daughter", "nenek", "kakek", "mbah", "eyang", "oma",
        "opa", "grandma", "grandpa", "grandson", "granddaughter", "keponakan", "ponakan",
        "sepupu", "paman", "bibi", "pakde", "bude", "pakdhe", "budhe", "mertua", "menantu",
        "ipar", "saudara", "nephew", "niece", "cousin", "uncle", "aunt",
        # Hokkien and Hakka kin in Medan, Pontianak and Singkawang ("amoi wa dokter")
        "amoi", "ahia", "koko", "cici", "engkong", "akong"}
# "kalau saya jadi / pindah ke …": what the asker would become is what is asked about
_IF = {"kalau", "jika", "seandainya", "andai", "misal", "misalnya", "if"}
_BECOMING_ONE = {"jadi", "menjadi", "pindah", "gabung", "bergabung", "ikut", "masuk", "become",
                 "join", "switch", "ambil", "mengambil", "coba", "nyoba", "mencoba", "take", "try",
                 "kerja", "bekerja", "daftar", "mendaftar", "work", "apply"}
# persona words only when the asker speaks of themself ("saya umur 40"), else asked of someone
_ASKED_OF_OTHERS = {"umur", "usia", "tahun", "thn"}
# persona words that head a compound meaning something else
_COMPOUNDS = {"anak": {"magang", "perusahaan", "buah"}, "ibu": {"kota"}}
_ASKING = {"siapa", "kapan", "mana", "dimana", "why", "who", "where", "when", "ada", "tidak"}
_PERSONA_FILLER = {
    "kerja", "bekerja", "tahun", "di", "dari", "yang", "dan", "sebagai", "jadi", "adalah",
    "tidak", "sudah", "lagi", "sedang", "punya", "pernah", "belum", "baru", "cuma", "hanya",
    "seorang", "rumah",
}


# not "pabrik" or "kantor": "kena phk dari pabrik di karawang" is where the asker worked
_EMPLOYERS = {"perusahaan", "startup", "company", "companies", "lowongan", "loker", "agensi",
              "vendor"}


_EXAMPLE = {"misal", "misalnya", "contoh", "contohnya", "semisal", "umpamanya"}


def _locative_span(tokens: Sequence[str]) -> set[int]:
    """A name after "di"/"in" is where the asker is, not what is asked about."""
    span: set[int] = set()
    names = places()
    for i, tok in enumerate(tokens[:-1]):
        if tok in _REGION and not (i and tokens[i - 1] in _LOCATIVE):
            continue  # "UMK kota Makassar": the place of the thing asked, not of the asker
        # "dari jogja misal", "misalnya dari bali": a place the asker gives as an example
        example = tok == "dari" and (
            (i and tokens[i - 1] in _EXAMPLE) or bool(set(tokens[i + 2 : i + 4]) & _EXAMPLE)
        )
        if (tok in _LOCATIVE or example) and not (i and tokens[i - 1] in _EMPLOYERS):
            # "perusahaan di jakarta": where the asked-about employer is, part of what is asked
            nxt = tokens[i + 1]
            two = f"{nxt} {tokens[i + 2]}" if i + 2 < len(tokens) else ""
            if two in names:
                span.update({i + 1, i + 2})
            elif nxt in names:
                span.add(i + 1)
    return span


# "ByteDance yang punya TikTok", "OpenAI pembuat ChatGPT": a name told by what it owns or makes
_OWNING = {"punya", "mempunyai", "memiliki", "bikin", "membuat", "owns", "makes", "made"}
_OWNER = {"pemilik", "pembuat", "induk", "owner", "maker"}


def _owner_span(tokens: Sequence[str], names: Collection[str]) -> set[int]:
    """Indices of the words that only tell which company is meant: "bait dens yang punya
    tiktok rugi brp" asks of ByteDance's loss, which no sentence on TikTok need tell."""
    named = [t.replace("_", " ") in names for t in tokens]
    span: set[int] = set()
    for i, tok in enumerate(tokens[:-1]):
        after_name = i > 0 and named[i - 1]
        # "yang punya" after a name, or with none before ("yg pung tiktok tu rugi brp": the
        # company told only by what it owns); English "that owns" only after a name
        relative = tok in ("yang", "yg") or (after_name and tok in ("that", "which"))
        if relative and i + 2 < len(tokens) and tokens[i + 1] in _OWNING and named[i + 2]:
            span.update((i, i + 1, i + 2))
        elif after_name and tok in _OWNER and named[i + 1]:
            span.update((i, i + 1))
    return span


_DOUBLED_WORD = re.compile(r"([a-z]+)-\1")  # "orang-orang", "pintar-pintar"
_NAMED = {"namanya", "bernama", "named", "called"}
_SOMEONE = {"orang", "seorang", "someone", "pria", "wanita", "cewek", "cowok", "laki-laki",
            "perempuan", "bapak", "ibu", "mas", "mbak", "anak", "guy", "man", "woman"}


def _introduction_span(tokens: Sequence[str], names: Collection[str]) -> set[int]:
    """Indices of the words that introduce someone by name: "ada orang amrik namanya Alexej
    Savreux, dulu kerja apa?" asks of Savreux; "orang amrik namanya" tells the asker's way in."""
    span: set[int] = set()
    for i, tok in enumerate(tokens[:-1]):
        if tok not in _NAMED or tokens[i + 1].replace("_", " ") not in names:
            continue
        span.add(i)
        lead = [j for j in range(max(0, i - 4), i) if tokens[j] in _SOMEONE]
        if lead:
            span.update(range(lead[0], i))
    return span


def _attribution_span(tokens: Sequence[str]) -> set[int]:
    """Who says it ("menurut laporan CNBC", "according to Time magazine", "kata BBC", "di
    artikel CNBC itu"): the outlet an article came from, which its text may never name, not
    what is asked about."""
    span: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok not in _ATTRIBUTING and tok not in _OUTLET_NOUNS:
            continue
        # "the Indonesian article", "the CNBC report": what the outlet is called
        for k in (2, 3):
            if i - k >= 0 and tokens[i - k] in {"the", "this", "that"} and tok in _OUTLET_NOUNS:
                span |= set(range(i - k + 1, i))
                break
        here: set[int] = set()
        for j in range(i + 1, min(i + 5, len(tokens))):
            if tokens[j] in _CLAUSE_END or tokens[j] in _ASKING:
                break
            here.add(j)
            if tokens[j] not in _SOURCE_WORDS:
                break  # the outlet's name ends it ("laporan CNBC", "Time magazine": one more)
        if here and max(here) + 1 < len(tokens) and tokens[max(here) + 1] in _OUTLET_NOUNS:
            here.add(max(here) + 1)
        # an outlet, said so ("laporan", "majalah", "dikutip dari"); "menurut UU" is a law asked of
        if tok in _NAMES_AN_OUTLET or {tokens[j] for j in here} & _OUTLET_NOUNS:
            span |= here
    return span


_ATTRIBUTING = {"menurut", "according", "dikutip", "kutip", "versi", "sumber", "diberitakan",
                "dilansir", "diwartakan"}
_OUTLET_NOUNS = {
    "laporan", "majalah", "koran", "media", "berita", "artikel", "situs", "magazine", "report",
    "newspaper", "article",
}
_SOURCE_WORDS = _OUTLET_NOUNS | {"to", "the", "dari", "tersebut", "itu"}
# what follows is an outlet, said so ("dikutip dari BBC", "yang diberitakan CNBC")
_NAMES_AN_OUTLET = _OUTLET_NOUNS | {"dikutip", "kutip", "diberitakan", "dilansir", "diwartakan"}


def could_be_name(word: str) -> bool:
    """A lowercase word that is not an Indonesian word (Sastrawi's root dictionary), a chat
    spelling, a glossary word, a stopword, nor an English word we translate ("union")."""
    if word in chat_spellings() or word in function_words() or word in glossary_heads():
        return False
    dictionary = _dictionary()
    stemmed = stem(word)
    # Sastrawi reads "Kumar" as "ku-" + "mar" ("my mar"): a stem that only drops "ku"/"kau"
    # says nothing about whether the word is a name
    if stemmed in (word[2:], word[3:]) and word.startswith(("ku", "kau")):
        stemmed = word
    if word in dictionary or stemmed in dictionary:
        return False
    lex = lexicon()
    if lex.get(word) == word and sastrawi_root(word) in dictionary:
        return False  # "petunjuk", which the lexicon keeps whole (not "tunjuk")
    if word.endswith("nya") and word[:-3] in lex:
        return False  # "gamenya": a borrowed word the lexicon knows, with "-nya"
    return lex.get(word, word) == word


def _capitalised_names(text: str) -> set[str]:
    """Lowercased words written with capitals that are not Indonesian words ("Appen", "UU").

    A capital at the start of a sentence is ordinary, so a word counts only when it could be a
    name at all (`could_be_name`). That test knows Indonesian words, not English ones, so the
    opening word of an English sentence ("Roughly how many …") is no name by its capital alone
    unless it is a well-known one.
    """
    names = set()
    for sentence in re.split(r"[.?!\n]+", normalize(text)):
        found = list(re.finditer(r"[^\W\d_]+", sentence))
        english = _is_english([m.group(0).lower() for m in found])
        for n, m in enumerate(found):
            word = m.group(0)
            if word.islower():
                continue
            # "di Kenya", "dari Cina": a capital after a place word names a place even when
            # the dictionary has the word ("kenya" is also "maiden")
            placed = (
                n > 0 and found[n - 1].group(0).lower() in _PLACE_WORDS and word.istitle()
                and word.lower() not in function_words() and word.lower() not in chat_spellings()
            )
            if not placed and not could_be_name(word.lower()):
                continue
            if n == 0 and english and word.istitle() and word.lower() not in entities():
                continue
            names.add(word.lower())
    return names


_PLACE_WORDS = {"di", "dari", "ke", "in", "from"}


def _corpus_names(tokens: Sequence[str], vocab: Vocabulary | None) -> set[str]:
    """Names typed in lowercase on a phone ("ubisoft", "tiktok"): words the articles use that
    could be names.

    Only words the corpus knows: an unknown lowercase word may as well be a typo or English.
    """
    if vocab is None:
        return set()
    names = {
        tok
        for tok in tokens
        if "_" not in tok and tok.isalpha() and len(tok) >= 4 and could_be_name(tok)
        and any(vocab.df(t) > 0 for t in terms(tok))
        # "karyawannya": a word with "-nya" is a thing's, not a name ("tiktoknya" is read as
        # its name "tiktok" below)
        and not (tok.endswith("nya") and len(tok) > 6)
    }
    if not _is_english(tokens):
        # "outlier ai", "dataannotation tech": a word no article or dictionary knows, followed
        # by what company names end with, is a company's name (an unknown one)
        names |= {
            tok
            for tok, nxt in zip(tokens, tokens[1:], strict=False)
            if nxt in _COMPANY_ENDINGS and tok.isalpha() and len(tok) >= 4
            and could_be_name(tok) and not any(vocab.df(t) > 0 for t in terms(tok))
        }
    return names


_COMPANY_ENDINGS = frozenset({
    "ai", "tech", "technologies", "technology", "labs", "lab", "inc", "corp", "app", "apps",
    "io", "global", "group", "studio", "studios",
})


# Ambon and Manado "sa" closing a message is "saja" ("dari rumah sa?"); Papuan "sa" (saya)
# opens what it says ("sa mau tanya")
_CLOSING_SA = re.compile(r"(?<=\w )sa(?=[\s?!.]*$)", re.IGNORECASE)
# an English self-introduction, "nurse here", "Hi, law grad here.": who asks, not what
_HERE_INTRO = re.compile(
    r"(?:^|(?<=^hi)|(?<=^hello)|(?<=^hey))[\s,!]*\b((?!(?:what|who|how|why|is|are|anyone)\b)"
    r"[a-z][\w-]*(?: [\w-]+){0,2}) here\s*[.!,]", re.IGNORECASE,
)
# a polite opening or closing: "Selamat siang.", "Assalamualaikum wr. wb.", "Terima kasih."
_GREETING = re.compile(
    r"\b(?:(?:selamat|slamat|slmt) (?:pagi|siang|sore|malam)|assalamu\W?alaikum(?: wr\.? ?wb\.?)?"
    r"|wassalam\w*|terima ?kasih(?: banyak)?|makasih(?: banyak)?|thank you|thanks"
    r"|\b(?:tks|thx|trims|mksh|makasi|trimakasih)\b"
    # "maaf ganggu", "mohon maaf mengganggu waktunya", "sorry to bother": a courtesy, not the
    # disturbing the articles tell of ("mengganggu pelatihan AI")
    r"|(?:mohon )?(?:maaf|maap|mf|sorry|sori) (?:udah |sudah |telah )?"
    r"(?:mengganggu|ganggu|menganggu|ngeganggu|to bother(?: you)?)(?: waktu\w*)?"
    # Javanese: "nuwun sewu" (excuse me), "matur nuwun" (thank you), "sugeng enjing"
    r"|ny?uwun (?:sewu|pirsa|priksa)|matur (?:sembah )?nuwun|kula ?nuwun"
    r"|sugeng (?:enjing|siang|sonten|dalu)"
    # a guard's or soldier's "izin bertanya", "izin ndan, …", "izin, …": leave to ask
    r"|izin (?:mau |mo )?(?:bertanya|tanya|nanya)|izin(?= ?[,.:!]| (?:ndan|komandan|pak|bu|bang"
    r"|mas|mbak|kak|min)\b)"
    # an official letter's "Dengan hormat," and closing "Demikian, atas perhatiannya …"
    r"|(?:dengan|dgn|dg) hormat|good (?:morning|afternoon|evening)"
    # "Yth. Bapak/Ibu", "bpk/ibu": whom a letter is addressed to
    r"|\b(?:yth\.?\s*)?(?:bapak|bpk|pak)\s*/\s*(?:ibu|bu)\b"
    # ("Demikian" opening the last sentence, with no question after it: "kalau demikian,
    # berapa gajinya?" asks)
    r"|(?:(?<![\w\s])|(?<=[.!?,;] ))(?:demikian|dmk|dmkn)\b[^?]{0,60}$"
    # Sundanese: "hatur nuhun", "wilujeng enjing"
    r"|hatur nuhun|wilujeng (?:enjing|siang|sonten|wengi)"
    # Batak "horas" (hello, be well), Karo "mejuah-juah" (be well), Nias "ya'ahowu"
    r"|horas(?: (?:bah|lae|ito|amang|inang))?|ya'?ahowu"
    r"|mejuah[- ]?juah(?: (?:kam|kena)(?: (?:semua|kerina))?)?"
    # German courtesies of nurses and students bound for Germany ("Guten Tag!", "danke")
    r"|guten (?:tag|morgen|abend)|(?:hallo|hi) zusammen|danke(?: sch(?:ö|oe?)n)?|tsch(?:ü|ue?)ss"
    
    # Hokkien "kamsia" (thank you), as Chinese-Indonesian traders type it
    r"|kamsia\w*|gamsia\w*"
    # Japanese courtesies of caregivers and students bound for Japan ("konnichiwa minna",
    # "arigatou", "ganbatte")
    r"|konn?ichiwa(?: minn?a(?:san)?)?|ohayou?(?: gozaimasu)?|arigatou?(?: gozaimasu)?"
    r"|ganbatte|ganbarimasu|ganbare|sumimasen|yoroshiku(?: onegaishimasu)?|onegaishimasu"
    # an apology for one's language ("sorry english not good", "maaf bahasa indonesia saya
    # kurang lancar"): about the asker's words, not what is asked
    r"|(?:sorry|sori|maaf|mohon maaf),? (?:(?:for )?my )?(?:english|indonesian|bahasa"
    r"(?: (?:inggris|indonesia))?)(?: (?:saya|sy|aku|ku))?(?: is| masih)?"
    r" (?:not (?:good|very good|so good|fluent)|bad|poor|kurang(?: bagus| lancar| baik)?"
    r"|jelek|belepotan|tidak (?:bagus|lancar)|ga(?:k)? (?:bagus|lancar)))\b",
    re.IGNORECASE,
)


# Makassar and Bugis "mau ka tanya", "mauka' nanya": the clitic "-ka" (I) on the want
_CLITIC_I = re.compile(r"\b(mau|mo|ingin|pengen|boleh)\s?ka'?\s+(?=(?:ber)?tanya|nanya)",
                       re.IGNORECASE)


# Malay "orang macam aku" (someone like me): "macam" before a person is "seperti", not the
# "kind" of "macam-macam" or the "how" of "macam mana"
_LIKE_ONE = re.compile(
    r"\b(?:macam|macem|mcm)(?= (?:(?!mana\b|apa\b|itu\b|ini\b)[a-z]+ )?(?:aku|saya|sy|gue|gw|dia"
    r"|kami|kita|beliau|mereka|ambo|awak|kamu|ente|lu)\b)",
    re.IGNORECASE,
)


# "ada contoh orang kayak saya yang …": someone is asked for, the "example" is no word an
# article must use ("contoh tugasnya" still asks for an example)
_EXAMPLE_PERSON = re.compile(
    r"\b(?:contoh|conto|cth)(?:nya)? (?=(?:orang|org|pekerja|ureung|urang|wong|oreng)\b)",
    re.IGNORECASE,
)
# "ada cerita orang susah yg …" asks for such a person (not "dia cerita pekerja …", told)
_STORY_OF_SOMEONE = re.compile(
    r"\b(ada|ado|ad) (?:cerita|kisah)(?:nya)? (?=(?:orang|org|pekerja)\b)", re.IGNORECASE
)


# "…, bisa ga aku kerja ngelatih AI kayak orang amerika itu? ada contohnya ga": an example of
# what was just asked is asked for; "contohnya" is no word an article must use
_ANY_EXAMPLE = re.compile(
    r"[,.?!]?\s*\b(?:ada|ado|ad)\s+(?:contoh|conto|cth)(?:nya|nyo)?(?:\s+(?:tidak|tdk|gak|ga|gk"
    r"|nggak|ngga|enggak|dak|ndak|kah|nda|ora|teu))?\s*\??\s*$",
    re.IGNORECASE,
)


# "ada manfaatnya gak buat dia?": of use to someone, not the benefits a job comes with
# ("manfaat seperti asuransi kesehatan")
_OF_USE = re.compile(
    r"\bada manfaatnya\b(?=(?: \w+)? (?:buat|untuk|utk|bagi)\b)", re.IGNORECASE
)
# "tidak ada sama sekali", "at all": emphasis on a "no", no topic ("sekali" of "sekali proyek")
_AT_ALL = re.compile(r"\b(?:sama sekali|samsek|at all)\b", re.IGNORECASE)


# "ada yg nanya di grup: …", "temen sy nanya: …": someone else's question passed on; who
# asked is not what is asked (the asker's own "mau tanya" is `_aside_span`'s)
_PASSED_ON = re.compile(
    r"^[^:\"“”?]{0,60}?\b(?<!mau )(?<!mo )(?<!ingin )(?<!pengen )(?<!pingin )(?<!pengin )"
    r"(?<!izin )(?:nanya|bertanya|tanya|nanyain|ditanya|ditanyain|menanyakan|asked|asks)\b"
    r"[^:\"“”?]{0,30}?(?::|[\"“])",
    re.IGNORECASE,
)

# "kawan-kawan lg diskusi soal kapitalisme platform. knp …?", "kami sedang menyusun pamflet
# tentang …:": what the askers are busy with, told before the question, not what is asked
_OUR_ACTIVITY = re.compile(
    r"^\W*(?:(?:kawan-kawan|kawan2|teman-teman|temen-temen|temen2|teman2|kami|kita|saya|sy|aku"
    r"|gue|gw|gua)\s+)?(?:lagi|lg|sedang|sdg|lagi pada|pada)\s+"
    r"(?:diskusi|berdiskusi|bahas|membahas|ngebahas|nulis|menulis|nyusun|menyusun|riset|meneliti"
    r"|mengkaji)\s+(?:\w+\s+){0,2}?(?:soal|tentang|ttg|mengenai|terkait|seputar)\b[^.?!:]{0,80}"
    r"[.:!]\s+(?P<rest>\S[^?]*\?.*)$",
    re.IGNORECASE,
)


def _without_our_activity(text: str) -> str:
    """The question after a sentence telling what the askers are busy with, when it says
    enough on its own (five words or more): "gajinya brp?" after "kami lagi bahas soal
    pelatih AI." asks of that topic, and keeps it."""
    m = _OUR_ACTIVITY.match(text)
    return m.group("rest") if m and len(words(m.group("rest"))) >= 5 else text


# "ibu2 ada yg tau …", "guys ada yang tahu gak …", "does anyone know …": asking a group who
# knows, not what is asked ("ibu-ibu" is whom they address)
_ANYONE_KNOWS = re.compile(
    r"(?:\b(?:ibu-ibu|ibu2|bapak-bapak|bapak2|bapak ibu|bapak/ibu|teman-teman|temen-temen"
    r"|teman2|temen2|kawan-kawan|kawan2|guys|gaes|gais|moms|jeng|bun|sist?|gan|min|kak)\W+)?"
    r"\bada (?:yang|yg) (?:tau|tahu|tw|ngerti|paham)(?: (?:gak|ga|nggak|ngga|tidak|gk|g|nggk))?"
    r"\b\W*"
    r"|\b(?:does|do) (?:anyone|anybody|someone) (?:here )?know\b\W*",
    re.IGNORECASE,
)

# "td ada bocah beli kuota buat tiktokan, nanya bytedance punya aplikasi apa aja": someone
# the asker met, and what they did, then their question
_MET_THEN_ASKED = re.compile(
    r"^\W*(?:(?:td|tadi|kemarin|kemaren|kmrn|barusan|tadi pagi|tadi siang|tadi malam) )?"
    r"ada (?!(?:yang|yg) (?:tau|tahu|tw|ngerti|paham)\b)(?:[\w'-]+[ ,]+){1,9}?"
    r"(?:nanya|nanyain|bertanya|tanya|menanyakan|nanyak)\b",
    re.IGNORECASE,
)

# "anak sy nanya pelatih ai kerjanya apa": who passes the question on, without a colon
_RELAYED_BY = re.compile(
    r"\b(?:anak|istri|suami|adik|adek|ade|kakak|teman|temen|kawan|ponakan|keponakan|tetangga"
    r"|sepupu|cucu|ibu|bapak|ayah|mama|papa)(?:ku| ?(?:saya|sy|aku|gw|gue))? "
    r"(?:nanya|tanya|bertanya|nanyain|menanyakan|nanyak)\b",
    re.IGNORECASE,
)

# "Untuk bahan penyuluhan, …", "Sebagai materi pelatihan di BLK, …": what the answer is for
_PURPOSE = re.compile(
    r"^\W*(?:untuk|buat|sebagai) (?:bahan|keperluan|kepentingan|materi|referensi|tugas|data)"
    r"\b[^,.?!:]{0,60}[,:]"
    # "…, utk bahan laporan pimpinan.", "sbg bahan sosialisasi di kantor desa": told after
    r"|[,;]?\s*\b(?:untuk|utk|buat|sebagai|sbg|guna) (?:bahan|keperluan|kepentingan|materi)\b"
    r"[^,.?!:]{0,60}(?=[.?!]|$)"
    # "for our office briefing: …", "for my report, …"
    r"|\bfor (?:our|my|the|a) (?:\w+ )?(?:briefing|report|presentation|meeting|class|thesis"
    r"|research|article|newsletter)\s*[:,]",
    re.IGNORECASE,
)
# "Hello, I am practicing my English.", "I want to practice English.": why the worker writes
# in English, not what they ask
_PRACTISING = re.compile(
    r"\b(?:i(?:'m| am)|i want to|i'd like to|i would like to|i try to|i'm trying to)"
    r" (?:practi[cs]ing|practi[cs]e|learning|learn|improve|improving)(?: my)? english\b\W*",
    re.IGNORECASE,
)
# "sorry, quick question in english for my manager: …", "pertanyaan singkat buat atasan saya:":
# how the asker frames the question, before what is asked
_QUESTION_FRAME = re.compile(
    r"^\W*(?:(?:sorry|excuse me|maaf|hi|hello|halo)\W+)?(?:i have |i've got |got )?(?:a |one )?"
    r"(?:quick |short |small |simple )?(?:question|pertanyaan(?: singkat| cepat| sederhana)?)"
    r"(?: (?:in|dalam) (?:bahasa )?(?:english|inggris))?"
    r"(?: (?:for|from|untuk|buat|dari) (?:my|our|a|the|saya|sy|aku|kami)?\s?\w+"
    r"(?: (?:saya|sy|aku))?)?"
    r"\s*[:,-]",
    re.IGNORECASE,
)
# "mau bandingin.", "sy mau bandingin sm pengalaman sy": why the asker asks, set against their
# own lot; no second side the articles could tell ("mau bandingin sm UMP Jakarta" still is one)
_OWN_COMPARISON = re.compile(
    r"(?:\b(?:saya|sy|aku|gue|gw|gua|ane|tiang|awak|beta|kita)\s+)?"
    r"\b(?:mau|ingin|pengen|pingin|mo|arep|buat|untuk)\s+"
    r"(?:bandingin|bandingkan|membandingkan|dibandingkan|dibandingin)"
    # "… sama UMR sini", "… sama gaji di tempat kita": the asker's own place is theirs too
    r"(?:\s+(?:sama|sm|dengan|dgn|ama|ke)\s+[^,.?!]*?"
    r"(?:\b(?:saya|sy|aku|gue|gw|gua|ku|ane|tiang|sendiri|sini|kita|kami)|\w\wku)\b[^,.?!]*)?"
    r"(?=\s*(?:[,.?!]|$))",
    re.IGNORECASE,
)
# "perusahaan yang disebut menjadi klien", "yang dikabarkan sudah …": how it was reported, not
# what is asked ("game yang disebut "Scriptic"" names, and "game yg disebut di berita itu apa
# judulnya" is looking for that naming sentence: both stay)
_REPORTED = re.compile(
    r"\b(?:disebut(?:kan|-sebut)?|dikabarkan|diberitakan|dilaporkan)"
    r"(?= (?:menjadi|sebagai|sudah|telah|pernah)\b)",
    re.IGNORECASE,
)
# "saya ingin membandingkan …", "kami mau menanyakan …": the asking itself, not the asker's
# situation; a comparison keeps its cue
_WISH_TO_ASK = re.compile(
    r"\b(?:saya|kami|aku|sy) (?:ingin|mau|hendak|pengen|perlu|akan) "
    r"(?:membandingkan|bandingkan|mengetahui|tahu|menanyakan|bertanya|tanya|memastikan|memahami"
    r"|menjelaskan|mempelajari"
    r"|mengonfirmasi|mengkonfirmasi|konfirmasi|mengecek|cek|meminta informasi|minta info\w*)\b",
    re.IGNORECASE,
)
# "mohon dikoreksi kalau saya keliru", "koreksi jika salah", "CMIIW", "correct me if I'm wrong"
_CORRECT_ME = re.compile(
    r"\b(?:(?:mohon|tolong|silakan) )?(?:di)?(?:koreksi|luruskan|betulkan|benarkan)(?: saya)?"
    r" (?:kalau|kalo|klo|jika|bila|apabila|seandainya)(?: saya| sy| aku)?(?: ada yang| ada yg)?"
    r" (?:keliru|salah|khilaf)\b\W*|\bcmiiw\b\W*|\bcorrect me if i'?m wrong\b\W*",
    re.IGNORECASE,
)
# "oke ganti topik", "pertanyaan lain ya": the worker steering the chat, not what is asked
_NEW_TOPIC = re.compile(
    r"\b(?:ganti|pindah|beralih ke) (?:topik|bahasan|pertanyaan|pembahasan)(?: lain| ya| dong)?"
    r"|\b(?:topik|bahasan|pertanyaan) (?:lain|laen|baru|beda|berbeda)(?: ya| nih| dong)?"
    r"|\b(?:beda|lain|laen) (?:topik|bahasan|pertanyaan)\b"
    # "oke. eh beda lagi, …": a new matter opening the message, not a comparison asked
    r"|(?:^|(?<=[.,!?])|\b(?:eh|oh|oke|ok|okay|nah|terus|trus)\b)\W*(?:beda|lain|laen) lagi\b"
    r"|\boot\b|\bout of topic\b|\boff topic\b"
    r"|\b(?:change|new|another|different) (?:topic|question)\b",
    re.IGNORECASE,
)

# "balik ke yg pertama td, dia tinggal di mana": the chat's first topic, not its last
_BACK_TO_FIRST = re.compile(
    r"\b(?:balik|kembali|back)(?: lagi| again)? (?:ke|to) (?:(?:yang|yg|the) )?"
    r"(?:pertama|awal|first)(?: (?:tadi|td|one))?\b\W*"
    r"|\b(?:yang|yg) (?:pertama|paling awal) (?:tadi|td)\b\W*"
    r"|\b(?:pertanyaan|topik) (?:saya |sy |aku )?(?:yang |yg )?(?:pertama|awal)(?: tadi| td)?\b\W*",
    re.IGNORECASE,
)


def back_to_first(text: str) -> str | None:
    """A follow-up pointing back past the last turn to the first ("balik ke yg pertama td,
    dia tinggal di mana"): the question without that pointer, else None."""
    if not _BACK_TO_FIRST.search(text):
        return None
    rest = _BACK_TO_FIRST.sub(" ", text).strip(" ,.")
    return rest or None


# "mbak sy pmi di hk mau tanya, …": what comes before announcing the question introduces it
_INTRO_VERB = {"tanya", "nanya", "bertanya", "menanyakan", "ask"}
_INTRO_LEAD = {"mau", "ingin", "pengen", "pingin", "pengin", "izin", "numpang", "boleh",
               "sekalian", "want", "to", "nak"}
# a remark after the question that asks nothing ("… level apa? sy cm bs dikit2")
_WH_WORDS = {"apa", "apakah", "berapa", "bagaimana", "gimana", "siapa", "kapan", "mana",
             "dimana", "kenapa", "mengapa", "what", "how", "who", "when", "where", "why"}
_REMARK_END = {"tidak", "kah", "belum", "bukan"}
_REMARK_OPENERS = {"soalnya", "karena", "padahal", "tapi", "kalau", "sebab", "abis"}


_CAN = {"bisa", "boleh", "dapat", "mau", "ada", "cocok", "perlu", "harus", "layak"}
_CAN_OR_SAME = _CAN | _SAMENESS


def _asking(tokens: Sequence[str]) -> bool:
    """Words that ask even without a "?": a question word, "bisa gak", a closing "gak"."""
    return bool(
        set(tokens) & _WH_WORDS
        or tokens[-1:] and tokens[-1] in _REMARK_END
        or _can_or_not(tokens, _CAN, ("tidak", "belum"))
    )


def _remark(tokens: Sequence[str]) -> bool:
    """Words that tell of the asker and ask nothing: "sy cm bs dikit2 krn sering ngomong sm
    majikan" typed after the question mark (not "gue lulusan SMA, bisa gak masuk?")."""
    lead = list(tokens[:3])
    if lead[:1] and lead[0] in _REMARK_OPENERS:
        lead = lead[1:]
    if lead[:1] and lead[0] in {"biar", "agar", "supaya"} and set(lead[1:3]) & FIRST_PERSON:
        return True  # "biar aku tau harus pasang fee berapa": why the asker asks, no question
    # "… dapat asuransi ga? istri lagi hamil 5 bulan": the asker's family, told
    family = bool(lead[:1]) and lead[0] in _KIN and lead[1:2] != ["magang"]
    # "gaji bulanan HKD ku aja kalah": the asker's own lot, compared
    # "kalo di sini ojol mah udh demo": where the asker lives ("sini"), told
    mine = bool({"ku", "gw", "aku", "saya", "sy", "gue", "sini"} & set(tokens[1:]))
    # "proyek sy bentar lg kelar, bingung abis itu kerja apa": the asker's worry, asked of
    # no one but themselves
    worried = bool(_WORRIED & set(tokens))
    return bool(
        lead[:1] and (lead[0] in FIRST_PERSON or family or mine)
        and (not _asking(tokens) or worried)
    )


_WORRIED = {"bingung", "galau", "pusing", "puyeng"}


def _unowned(word: str) -> str:
    """"keponakanku" -> "keponakan", "temanmu" -> "teman": the person without "my", "your"."""
    if word.endswith(("ku", "mu")) and word[:-2] in _TELLERS:
        return word[:-2]
    return word


def _aside_span(
    tokens: Sequence[str], clauses: Sequence[int], questioned: Collection[int]
) -> set[int]:
    """Words that only surround the question: an introduction up to "mau tanya" (unless what
    follows asks about the asker: "sy ibu rumah tangga mau tanya, sy bisa ikut?") and remarks
    about the asker typed after the last question mark. Context, never named back."""
    span: set[int] = set()
    for k, tok in enumerate(tokens):
        if tok in _INTRO_VERB and k and tokens[k - 1] in _KIN | _ON_BEHALF:
            span.update((k - 1, k))  # "nah mbah tanya …": who the asker asks for
            continue
        if tok in _INTRO_VERB and k and tokens[k - 1] in _INTRO_LEAD:
            rest = tokens[k + 1 :]
            if not set(rest) & FIRST_PERSON and rest[:1] not in (["bisa"], ["boleh"]):
                span.update(range(k + 1))
                # "mau nanya, lg istirahat shift nih.": what the asker is doing right now,
                # told after announcing the question and asking nothing
                by_clause = _by_clause(clauses)
                following = by_clause.get(clauses[k] + 1, [])
                doing = [tokens[i] for i in following]
                if (
                    doing[:1] and doing[0] in _DOING_NOW and not _asking(doing)
                    and clauses[k] + 1 not in questioned and clauses[k] + 2 in by_clause
                ):
                    span.update(following)
            else:
                # "wong palembang nak nanyo, anak aku …": where the asker is from, said before
                # asking, is no place asked about
                span.update(j for j in range(k) if tokens[j] in places())
            break
    if told := _tellings(tokens):
        # "di pangkalan ojol temen bilang Netflix …": who told the asker, and all before it
        # (after a clause that asks: "openai pake org kenya buat apa, gw liat di tt katanya …"
        # asks first, and the telling is a remark after it)
        span.update(range(_after_asking(tokens, clauses, told[-1]), told[-1] + 1))
    if heard := [k for k, tok in enumerate(tokens) if tok in _HEARSAY]:
        # "tadi majikan nonton berita katane …", "di grup wa ada yg share …, katanya": where
        # the asker heard it, up to the last word of hearing before the hearsay
        source = [k for k, tok in enumerate(tokens[: heard[-1]]) if tok in _HEARD_IN]
        if source and all(t in _SO | _TAG_PARTICLES for t in tokens[heard[-1] + 1 :]):
            # "… pelatihan ai saya baca di grup whatsapp katanya begitu": the source told after
            # the question, closed by "so they say", is the remark; the question comes first
            start = source[0]
            while start and tokens[start - 1] in FIRST_PERSON | _HEARD_WHEN:
                start -= 1
            span.update(range(start, len(tokens)))
        elif source:
            end = source[-1] + 1
            while end < heard[-1] and tokens[end] in _MEDIA | _GLANCE:
                end += 1  # "td liat di tiktok katanya …": where it was seen
            span.update(range(_after_asking(tokens, clauses, source[0]), end))
    for own in list(_by_clause(clauses).values())[:-1]:
        # "td nonton shorts, pekerja AI di kenya bikin serikat?": a clause that only says where
        # the asker saw it is no part of what is asked
        said = {tokens[k] for k in own}
        if (
            said & _HEARD_IN
            and all(w in _SOURCE_CLAUSE or w in stopwords() for w in said)
        ):
            span.update(own)
    for own in _by_clause(clauses).values():
        # "ini cucunya yg ngetik ya mas", "sy anaknya yg nulisin": who types for the asker
        typed = {tokens[k] for k in own}
        if typed & _TYPING and not typed & (_WH_WORDS | _CLAUSE_END) and (
            typed & (FIRST_PERSON | _ON_BEHALF | _KIN | {"ini"})
            or any(w.endswith("nya") and w[:-3] in _ON_BEHALF | _KIN for w in typed)
        ):
            span.update(own)
    if questioned:
        after = [i for i, c in enumerate(clauses) if c > max(questioned)]
        if after and _remark([tokens[i] for i in after]):
            span.update(after)
    return span


_DOING_NOW = {"lagi", "sedang", "lg", "masih", "baru"}


def _tellings(tokens: Sequence[str]) -> list[int]:
    """Where someone tells the asker what is then asked: "temen bilang …", "baca2 di fb bilang
    …", "anakku … dia cerita …"."""
    return [
        k for k, tok in enumerate(tokens)
        if tok in _SAYING | _HEARSAY | _SHARING and k and (
            # "temen bilang …", "baca2 di fb bilang …": a person or a medium told it
            {_unowned(t) for t in tokens[max(0, k - 2) : k]} & (_TELLERS | _MEDIA)
            # "bos saya td pagi cerita …": whose and when between the teller and the telling
            or {_unowned(t) for t in tokens[max(0, _before_when(tokens, k) - 2) : k]} & _TELLERS
            # "ngobrol sama temen kos terus dia bilang …": the teller named a little before
            or (tokens[k - 1] in _PERSONS_BACK and _teller_before(tokens, k - 1))
            or _placed_teller(tokens, k)
            or _shared_in_channel(tokens, k)
        )
        and tokens[k + 1 : k + 2] != ["apa"]  # "dia bilang apa": what was said is asked
        # "… bener gak? temen sy di kuta bilang gitu": told before, nothing follows it
        and any(t not in stopwords() for t in tokens[k + 1 :])
        # "bener X … atau mereka bilang itu tidak benar": the other answer, asked
        and tokens[max(0, k - 2) : k - 1] != ["atau"]
    ]


_WHEN_TOLD = _HEARD_WHEN | {"pagi", "siang", "sore", "malam", "kemarin", "semalam", "kemaren"}


def _before_when(tokens: Sequence[str], k: int) -> int:
    """Where the words before `k` saying whose teller and when it was told start ("saya td
    pagi" of "bos saya td pagi cerita")."""
    j = k
    while j > max(0, k - 4) and tokens[j - 1] in FIRST_PERSON | _WHEN_TOLD:
        j -= 1
    return j


# someone passing a post on in a group: "di grup WA ada yg share …", "di fb ada yang posting …"
_SHARING = {"share", "dishare", "ngeshare", "nyebarin", "posting", "ngepost", "post", "forward",
            "terusin", "kirim", "ngirim"}


def _shared_in_channel(tokens: Sequence[str], k: int) -> bool:
    """Word `k` is somebody sharing in a chat group or feed the asker names just before ("td di
    grup WA ada yg share netflix …"): the sharer and the channel are where it was heard."""
    return (
        tokens[k] in _SHARING | _SAYING | _HEARSAY and tokens[max(0, k - 2) : k] == ["ada", "yang"]
        and bool(set(tokens[max(0, k - 6) : k - 2]) & (_CHANNELS | _MEDIA))
    )


def _placed_teller(tokens: Sequence[str], k: int) -> bool:
    """A teller said where they are before the telling ("sensei di LPK bilang", "temen saya
    dari kantor cerita"): the place is the teller's, no part of what is asked."""
    for j in range(max(0, k - 5), k - 2):
        between = list(tokens[j + 1 : k])
        if between[:1] and between[0] in FIRST_PERSON:
            between = between[1:]
        if (
            _unowned(tokens[j]) in _TELLERS
            and between[:1] in (["di"], ["dari"])
            and 2 <= len(between) <= 3
        ):
            return True
    return False


def _teller_before(tokens: Sequence[str], end: int) -> bool:
    """Someone who can tell the asker things within eight words before `end` ("ngobrol sama
    temen kos terus dia …"); "anak magang" is the intern the story is about."""
    return any(
        tokens[j] in _TELLERS and tokens[j + 1 : j + 2] != ["magang"]
        for j in range(max(0, end - 8), end)
    )


def _told_span(tokens: Sequence[str], clauses: Sequence[int]) -> set[int]:
    """The words a teller told, up to the end of the telling's clause, when the question that
    follows is too short to name a subject of its own: "anakku kerja di jakarta, dia cerita
    orang di kenya bikin serikat, kenapa kodong?" asks of the Kenyans, not of the asker ("anak
    saya bilang ada kerjaan dari rumah, … orang yg ngelatih chatgpt dibayar berapa?" asks of
    what it names)."""
    span: set[int] = set()
    for k in _tellings(tokens):
        after = [i for i in range(k + 1, len(tokens)) if clauses[i] == clauses[k]]
        rest = [tokens[i] for i in range(len(tokens)) if clauses[i] == clauses[k] + 1]
        if after and len(terms(" ".join(rest))) <= 2:
            span.update(after)
    return span


_TYPING = {"mengetik", "ketik", "ngetik", "ngetikin", "mengetikkan", "diketik", "diketikin",
           "nulis", "nulisin", "menuliskan", "dituliskan", "typing", "typed"}


_GLANCE = {"di", "dari", "lewat", "sekilas", "sepintas"}  # "baca sekilas", "liat di tiktok"
_HEARSAY = {"kata", "katanya", "kabarnya"}  # "katanya" mostly reads as "kata"
# "temen (saya) bilang …", "tetangga cerita …": a person telling the asker what is then asked
_SAYING = {"bilang", "cerita", "bercerita", "menceritakan", "ngomong", "berkata", "mengatakan",
           "memberitahu", "told", "said", "says"}
_TELLERS = {
    "teman", "temen", "kawan", "tetangga", "orang", "majikan", "bos", "boss", "saudara",
    "sodara", "kakak", "adik", "friend", "neighbor", "neighbour", "employer",
    # teachers tell too ("sensei di LPK bilang", "dosen saya cerita")
    "guru", "dosen", "sensei", "ustadz", "ustad", "ustadzah", "mentor", "instruktur",
} | _KIN
_HEARD_IN = {
    "berita", "menonton", "nonton", "membaca", "baca", "melihat", "lihat", "liat", "mendengar",
    "dengar", "denger", "share", "dishare", "grup", "group", "postingan", "video", "bilang",
    "baca-baca", "lihat-lihat", "liat-liat",
    # what came to the asker's mind: "kebayang bocah magang bytedance yang dipecat itu"
    "kebayang", "terbayang", "keinget", "teringat",
}
# the media a worker saw something in and when: "tadi liat di tiktok", "kmrn nonton reels"
_MEDIA = {
    "tiktok", "youtube", "yt", "reels", "reel", "shorts", "fyp", "ig", "instagram", "facebook",
    "fb", "twitter", "podcast", "konten", "story", "status", "medsos", "sosmed", "internet",
    "google", "tv", "televisi", "koran", "wa", "whatsapp", "iklan", "live", "feed", "beranda",
}
# chat apps and feeds a message reached the asker by, never an employer the articles name
# ("ada yg kirim lowongan di WA", "liat di IG"); "di TikTok" may be where people work
_CHANNELS = {"wa", "whatsapp", "watsap", "ig", "instagram", "telegram", "tele", "yt", "youtube",
             "reels", "shorts", "fyp", "medsos", "sosmed", "grup", "group"}


def _after_asking(tokens: Sequence[str], clauses: Sequence[int], upto: int) -> int:
    """Where the context before word `upto` starts: after the last clause before it that asks
    ("openai pake org kenya buat apa, gw liat di tt katanya …" asks, then tells where the
    asker saw it), else at the message's start."""
    start = 0
    for idx in _by_clause(clauses).values():
        if idx[-1] >= upto:
            break
        said = {tokens[i] for i in idx}
        # a question word, in a clause that tells nothing heard ("suami aku cerita ada anak
        # magang …" tells what was heard, its "ada" asks nothing)
        if said & _WH_WORDS and not said & (_SAYING | _HEARD_IN | _HEARSAY):
            start = idx[-1] + 1
    return start


def _channel_span(tokens: Sequence[str]) -> set[int]:
    """ "di WA", "lewat grup", "di grup FB": the channel something came by, with its
    preposition."""
    span = {
        j for i, tok in enumerate(tokens)
        if tok in _CHANNELS and i and tokens[i - 1] in {"di", "lewat", "via", "dari", "ke"}
        for j in (i - 1, i)
    }
    # "grup WA", "group fb": the app a group is on (Facebook there is no employer)
    return span | {
        j for i, tok in enumerate(tokens)
        if tok in _CHANNELS | {"fb", "facebook"} and i and tokens[i - 1] in {"grup", "group"}
        for j in (i - 1, i)
    }


_SOURCE_CLAUSE = _HEARD_IN | _MEDIA | FIRST_PERSON | {
    "tadi", "kemarin", "kemaren", "semalam", "barusan", "pagi", "siang", "malam", "sore", "di",
    "lewat", "pas", "waktu", "lagi", "sempat", "sempet", "scroll", "scrolling", "muncul",
}
# a voice note typed by speech-to-text has no punctuation: its clauses start at these words
_SPOKEN_BREAK = re.compile(
    r"(?<=\w) (?=(?:tapi|tp|terus|trus|soalnya|makanya|kalau|kalo|klo|nah|jadi (?:harus|saya|sy|aku"
    r"|gue|gw))\b)",
    re.IGNORECASE,
)


# voice typing writes the punctuation it was told ("disebut tidak stabil koma tolong jelaskan",
# "PHK massal sepanjang 2024 titik"); a mark, not a word to search for
_DICTATED_MARKS = {"koma": ",", "titik": ".", "tanda tanya": "?", "tanda seru": "!",
                   "comma": ",", "full stop": ".", "period": ".", "question mark": "?",
                   "exclamation mark": "!"}
# a screen reader's or an English voice keyboard's marks too ("good evening comma i am blind
# period which company …"); "period" only where a sentence follows or ends, not "trial period"
_DICTATED_MARK = re.compile(
    r"\s+(koma(?!\s*\d)|tanda tanya|tanda seru|titik(?=\s*$)|comma|full stop|question mark"
    r"|exclamation mark|period(?=\s*$|\s+(?:i|which|what|who|how|where|when|why|do|does|did"
    r"|is|are|can|thank|thanks)\b))\b",
    re.IGNORECASE,
)


def _spoken_clauses(text: str) -> str:
    """A long message without a single punctuation mark, cut where speech turns ("… pulang ke
    ponorogo, tapi anak saya masih kuliah, jadi harus kirim duit…, kalo saya ambil …")."""
    if len(text.split()) < 20 or re.search(r"[,.;!?\n]", text):
        return text
    return _SPOKEN_BREAK.sub(", ", text)


# clause delimiters; a point or comma inside a number ("3.750", "1,5") is part of it
_CLAUSES = re.compile(r"((?:[;!?\n]|[,.](?!\d)|(?<!\d)[,.])+)")
# "bener ga …", "katanya …": the asker checks a claim; a figure no article gives is what is
# checked, and the answer is the articles' own figure
_CHECKING = {"benar", "betul", "bener", "beneran", "benaran", "sungguhan", "katanya", "kabarnya",
             "true", "really"}


_SUM_WORDS = {"ribu", "juta", "miliar", "milyar", "triliun", "dolar", "dollar", "rupiah", "rp",
              "usd", "thousand", "million", "billion", "dollars"}
# "karyawan puluhan ribu", "gaji ratusan juta": a figure remembered roughly is still the figure
# checked
_ROUGH_AMOUNTS = {"belasan", "puluhan", "ratusan", "ribuan", "jutaan", "miliaran", "dozens",
                  "hundreds", "thousands", "millions"}
# whom a worker heard it from ("majikan saya bilang", "my employer say")
_TOLD_BY = {"majikan", "employer", "bos", "boss", "tetangga", "neighbor", "neighbour", "orang"}


# "ada ga orang kayak dia yang …", "yg kaya suami saya": someone like the one just told of
_LIKE_THEM = re.compile(
    r"\b(?:orang|yang|pekerja) (?:seperti|kayak|kaya|kyk|macam|mirip) (?:dia|beliau|dia itu"
    r"|suami saya|istri saya|bapak saya|ayah saya|anak saya)\b"
)


def _persona_word(concept: Concept) -> bool:
    """A word of who the asker is, whom they heard it from, or how they heard it."""
    said = set(concept.surface.lower().split())
    return bool(
        said & (_PERSONA | _KIN | _ON_BEHALF | _HEARD_IN | _HEARSAY | FIRST_PERSON | _TOLD_BY)
    )


def checks_a_claim(question: Question) -> bool:
    """The asker checks something they heard ("bener ga …", "katanya …", "sebenarnya …"): a
    figure they give may be the very one the articles confirm."""
    return bool(
        set(words(question.clean)) & (_CHECKING | _HEARSAY | {"sebenarnya", "sebenernya"})
    )


def changes_topic(text: str) -> bool:
    """The worker says the next question is about something else ("oke ganti topik")."""
    return bool(_NEW_TOPIC.search(text))


# santri and pesantren alumni speak of themselves as "ana" (Arabic "I") among other Arabic
# words; in Cirebon Javanese "ana" is "there is" ("ana kerjaan sambilan")
_SANTRI = re.compile(
    r"\b(?:akhi|akh|ukhti|antum|afwan|syukron|syukran|jazakallah\w*|barakallah\w*|"
    r"insya ?allah|in ?syaa? ?allah|assalamu\w*|ustad[zh]?|ustadzah|pesantren|santri|ikhwan|"
    r"akhwat)\b",
    re.IGNORECASE,
)
_ANA_I = re.compile(
    r"\bana\b(?= (?:mau|ingin|pengen|punya|alumni|santri|seorang|sudah|udah|belum|tinggal|"
    r"lulusan|pernah|sedang|masih|cuma|hanya|sendiri|bukan)\b)",
    re.IGNORECASE,
)


def _ana(text: str) -> str:
    """ "ana" as the asker ("afwan, ana alumni pesantren"), else as it was typed."""
    if _SANTRI.search(text):
        return re.sub(r"\bana\b", "saya", text, flags=re.IGNORECASE)
    return _ANA_I.sub("saya", text)


# "how much do trainers make": the English pay verb, which the lexicon reads as "buat"
_HOW_MUCH_MADE = re.compile(r"\b(how much (?:[\w'-]+ ){1,8}?)(?:make|makes|made)\b", re.IGNORECASE)


def read(text: str, vocab: Vocabulary | None = None) -> Question:
    """Read one question (no history): spelling, kind, subject and qualifiers."""
    text = _DEGREE.sub(lambda m: _DEGREES[m.group(0).upper()], text)
    text = _DROPPED_OUT.sub("putus", text)
    text = _PASSIVE_APART.sub(r"\1", text)
    text = _ana(text)
    text = _CLITIC_I.sub(r"\1 ", text)
    text = _AT_ALL.sub(" ", text)
    text = _OF_USE.sub("ada gunanya", text)
    text = _LIKE_ONE.sub("seperti", text)
    text = _EXAMPLE_PERSON.sub("", text)
    text = _STORY_OF_SOMEONE.sub(r"\1 ", text)
    if _ANY_EXAMPLE.sub("", text).strip():
        text = _ANY_EXAMPLE.sub("?", text)
    text = _HOW_MUCH_MADE.sub(r"\1earn", text)
    text = write_numbers(text)  # voice typing: "lima belas dolar" -> "15 dolar"
    text = _DICTATED_MARK.sub(
        lambda m: _DICTATED_MARKS[" ".join(m.group(1).lower().split())], text
    )
    text = _HERE_INTRO.sub(r" I am a \1. ", text)  # "law grad here." -> "I am a law grad."
    text = _GREETING.sub(" ", text)
    text = _CLOSING_SA.sub("saja", text)
    text = _PASSED_ON.sub(" ", text)
    text = _MET_THEN_ASKED.sub(" ", text)
    text = _WHO_KNOWS.sub(" barangkali", text)  # "…? mana tau bisa dari Berastagi": perhaps
    text = _ANYONE_KNOWS.sub(" ", text)
    text = _without_our_activity(text)
    text = _RELAYED_BY.sub(" ", text)
    text = _NEW_TOPIC.sub(" ", text)
    text = _PURPOSE.sub(" ", text)
    text = _PRACTISING.sub(" ", text)
    text = _QUESTION_FRAME.sub(" ", text)
    text = _OWN_COMPARISON.sub(" ", text)
    text = _REPORTED.sub(" ", text)
    text = _WISH_TO_ASK.sub(
        lambda m: "bandingkan" if "banding" in m.group(0).lower() else " ", text
    )
    if _CORRECT_ME.search(text):
        # "mohon dikoreksi kalau saya keliru: Netflix … 9 juta dolar": the claim is what is
        # asked, checked; the asker's modesty is no topic and no story
        text = _CORRECT_ME.sub(" ", text).strip()
        if not re.search(r"\b(?:benar|betul|bener|beneran|right|correct|true)\b", text, re.I):
            text = f"{text.rstrip('.!?, ')}, benar?"
    joined: list[str] = []
    clauses: list[int] = []
    spoken = _spoken_clauses(text)
    pieces = _CLAUSES.split(spoken)
    questioned = {n for n, delim in enumerate(pieces[1::2]) if "?" in delim}
    told = _told(pieces[1::2]) if questioned else set()
    if spoken != text:
        # a voice note tells its story first and asks at its end
        questioned = {len(pieces) // 2}
        told = set(range(len(pieces) // 2))
    opens = {n + 1 for n, delim in enumerate(pieces[1::2]) if re.search(r"[.!?\n]", delim)}
    for n, piece in enumerate(pieces[::2]):
        piece_tokens = join_phrases(clean_words(piece, vocab))
        joined.extend(piece_tokens)
        clauses.extend([n] * len(piece_tokens))
    clean = " ".join(w.replace("_", " ") for w in joined)
    sentence_of = [sum(1 for o in opens if o <= n) for n in clauses]
    plan = _plan_span(joined, clauses, questioned)  # what the asker means to do
    personal, story = _personal_span(joined, clauses, questioned, told, opens, plan)
    aside = _aside_span(joined, clauses, questioned)
    told_to_asker = _told_span(joined, clauses)
    personal -= aside | told_to_asker
    story = (story | aside) - told_to_asker
    story |= _analogy_span(joined, clauses) | _objection_span(joined, clauses)
    story |= _old_state_span(joined, clauses)
    story |= _channel_span(joined)
    story |= _condition_span(joined, clauses, personal, vocab)
    located = _locative_span(joined)
    # an outlet the articles' text never names (their source, "CNBC"); a person or outlet they
    # do name ("menurut Savreux", "Time") stays part of what is asked
    outlet = {
        j for j in _attribution_span(joined) - personal
        if joined[j] in _SOURCE_WORDS
        or (vocab is not None and not any(vocab.df(t) > 0 for t in terms(joined[j])))
    }
    names = entities() | _capitalised_names(text) | _corpus_names(joined, vocab)
    # how the question reached the asker and whom it points at ("temen bilang", "ada orang
    # namanya", "yang punya TikTok"): no part of what retrieval looks for
    # (a remark after the question, "saya takut kayak kontrak di Saudi", may still say what it
    # is about)
    remark = {i for i, c in enumerate(clauses) if questioned and c > max(questioned)}
    unsearched = (aside - remark) | outlet | _owner_span(joined, names)
    unsearched |= plan
    # "oke. trus …", "oh gitu, lalu …": how a turn follows the last, nothing to look for
    unsearched |= set(range(next(
        (j for j, w in enumerate(joined) if w not in _DISCOURSE_OPENERS), len(joined)
    )))
    besides = _besides_span(joined, clauses)
    unsearched |= _introduction_span(joined, names) | besides
    story |= unsearched
    told_before = _told_before_asking_of_others(
        joined, sentence_of, clauses, questioned, names
    ) or _story_before_asking_of_others(joined, clauses, names, personal, aside, questioned)
    personal -= told_before
    story |= told_before
    unsearched |= told_before
    # the worker's own capitals for naming things back ("SMA", not "sma")
    # (an acronym spelled in letter names, "es em a", is named back as "SMA" too)
    spelled = _SPOKEN_LETTERS.sub(_spoken_acronym, text)
    cased = {w.lower(): w for w in re.findall(r"[^\W\d_]+", spelled) if not w.islower()}
    concepts: list[Concept] = []
    expansions: list[tuple[int, str]] = []  # (position, article word)
    asked = set(terms(clean))  # a glossary word the question already says is not added
    gloss = glossary()
    i = 0
    while i < len(joined):
        # the longest glossary phrase starting here
        match: tuple[str, ...] | None = None
        for n in (3, 2, 1):
            key = tuple(joined[i : i + n])
            if len(key) == n and key not in gloss and n > 1 and key[-1].endswith("nya"):
                # "career path-nya", "jenjang kariernya": the phrase with "its" on the end
                key = (*key[:-1], key[-1].removesuffix("nya").removesuffix("-"))
            if len(key) == n and key in gloss:
                match = key
                break
        doubled = _DOUBLED_WORD.fullmatch(joined[i])
        if match is None and doubled and (doubled.group(1),) in gloss:
            match = (doubled.group(1),)  # "pintar-pintar" is read as "pintar"
        if match is not None:
            alternatives = frozenset(gloss[match]) | frozenset(terms(" ".join(match)))
            known = vocab is None or any(vocab.df(t) > 0 for t in alternatives)
            surface = " ".join(cased.get(w, w) for w in match)
            concepts.append(
                Concept(
                    surface,
                    alternatives,
                    known,
                    qualifier=i in personal or i in story,
                    background=i in story,
                    glossary=True,
                    # a region named by the places in it ("afrika": kenya, nairobi …)
                    entity=" ".join(match) in names,
                    position=i,
                    sentence=sentence_of[i],
                    own=alternatives if match in glossary_synonyms()
                    else frozenset(terms(" ".join(match))),
                )
            )
            if i not in plan:  # what the asker means to do is no part of the search
                expansions.extend(
                    (i, w) for w in glossary_words()[match] if not set(terms(w)) <= asked
                )
            i += len(match)
            continue
        word = joined[i]
        if word in _PARTICLES:
            i += 1
            continue
        word_terms = terms(word.replace("_", " ")) if "_" not in word else [word]
        if word_terms:
            term_set = frozenset(word_terms)
            known = vocab is None or any(vocab.df(t) > 0 for t in term_set)
            surface = " ".join(cased.get(w, w) for w in word.split("_"))
            is_name = (
                surface.lower() in names
                or any(w in names for w in word.split("_"))
                or (len(word) > 5 and word.endswith("nya") and word[:-3] in names)  # "Inggrisnya"
                # a multi-word name typed in lowercase ("scale ai"), not "ibu rumah tangga"
                or ("_" in word and any(could_be_name(w) for w in word.split("_")))
            )
            concepts.append(
                Concept(
                    surface,
                    term_set,
                    known,
                    qualifier=i in personal or i in located or i in story,
                    background=i in story,
                    entity=is_name,
                    position=i,
                    sentence=sentence_of[i],
                )
            )
        i += 1
    concepts = _merge_duplicates(concepts)
    if set(joined) & _CHECKING:
        # the claim checked: its figure ("5 juta dolar"), and whom it was heard from
        # (a figure the articles also give, "10 juta dolar", is what they must say)
        figures = {
            c.position for c in concepts
            if (c.surface.isdigit() and not c.known) or c.surface.lower() in _ROUGH_AMOUNTS
        }
        for c in sorted(concepts, key=lambda c: c.position):
            if c.surface.lower() in _SUM_WORDS and c.position - 1 in figures:
                figures.add(c.position)  # "5 juta dolar"
        concepts = [
            replace(c, qualifier=True, background=True)
            if c.surface.lower() in _CHECKING or (not c.known and all(t.isdigit() for t in c.terms))
            or c.position in figures or c.surface.lower() in _TOLD_BY
            or (not c.known and _persona_word(c))  # "katong pung tetangga"
            else c
            for c in concepts
        ]
        if concepts and all(c.qualifier for c in concepts):
            # "Beta dengar Netflix cari orang AI, gajinya 9 juta dolar. Itu betul ka seng?":
            # the claim told before is what is asked; the hearing and the asker stay context
            concepts = [
                replace(c, qualifier=False, background=False)
                if c.known and not _persona_word(c) and not c.surface.isdigit()
                # the figure checked, not what is asked
                and c.surface.lower() not in _SUM_WORDS | _ROUGH_AMOUNTS
                else replace(c, background=True)
                for c in concepts
            ]
    if like := _LIKE_THEM.search(clean):
        # "suami sy dulu tukang sampah, ada ga org kyk dia yg jd pelatih AI?": someone like
        # the one told of is asked for, so what the story says they did is looked for
        before = len(clean[: like.start()].split())
        done = {
            c.position for c in concepts
            if c.background and c.known and c.position < before and not _persona_word(c)
            and c.surface.lower() not in _CHECKING | _TOLD_BY and not c.surface.isdigit()
        }
        concepts = [
            replace(c, qualifier=False, background=False) if c.position in done else c
            for c in concepts
        ]
        unsearched -= done
    kind = question_kind(clean, len(concepts))
    last = [w for w, n in zip(joined, sentence_of, strict=True) if n == sentence_of[-1]]
    before_last = joined[: len(joined) - len(last)]  # sentences are consecutive runs
    if (
        kind == "compare" and before_last and set(last) & _WH_WORDS
        and not set(before_last) & _WH_WORDS and not set(last) & (_PAST | _NOW)
        and question_kind(
            " ".join(w for w in clean.split() if w not in _PAST | _NOW), len(concepts)
        ) != "compare"
    ):
        # "ada org amerika yg skrg ngelatih chatgpt padahal dulunya kerja kasar. emg sebelumnya
        # dia kerja apa aja": then and now are the story told, not asked ("dulu vs skrg, …
        # kyk apa?" asks them); the question asked last is a list
        kind = question_kind(" ".join(w.replace("_", " ") for w in last), len(concepts))
    # the remark is the message's tail after its last "?"; the question is what precedes it
    said_after = [joined[i] for i in sorted(remark)]
    asked_text = " ".join(w.replace("_", " ") for w in joined[: min(remark)]) if remark else clean
    if kind == "compare" and remark and not any(
        c.known and c.position in remark and not _COMPARE_VERB.fullmatch(c.surface.lower())
        for c in concepts
    ):
        # "… berapa per jam ya? mau bandingin sama yg lain": why it is asked, with no other
        # side named; the question before it says what it asks
        kind = question_kind(asked_text, len(concepts)) if asked_text else kind
    told_remark = False
    if kind != "compare" and remark and (not _asks(said_after) or _hoped(said_after)) and any(
        c.known and not c.qualifier and c.position not in remark for c in concepts
    ):
        # "… stabil nggak? takut putus di tengah jalan": what comes after the question tells
        # why it is asked; the asked clause holds the subject ("… mau bandingkan dengan UMP
        # Jakarta" is the other side of a comparison, still asked)
        concepts = [
            replace(c, qualifier=True, background=True) if c.position in remark else c
            for c in concepts
        ]
        # nor are the article words its glossary words stand for ("… denger2 dia pernah susah
        # juga" looks for no "sulit"), nor is it part of the last question ("… kong dia dr tim
        # apa? pe info blm jelas ni" asks of the team only)
        expansions = [(i, w) for i, w in expansions if i not in remark]
        told_remark = True
    if kind not in ("compare", "topic") and remark and all(
        c.background for c in concepts if c.position in remark
    ) and any(not c.background for c in concepts):
        # "… bisa ikut BPJS ga? aku pengen daftarin adikku": a told remark does not make the
        # question a list ("daftar"); the question before it says what it asks
        kind = question_kind(asked_text, len(concepts)) if asked_text else kind
    compared = asked_text if told_remark else clean
    if kind == "compare" and remark and not (
        _COMPARE_SPLIT.search(" ".join(said_after)) or set(said_after) & _WH_WORDS
        or said_after[-1:] == ["tidak"]  # "… beda bayarannya jauh ga": still asked
    ):
        # "lebih gede mana A sama B? ane mau itung2an dulu sebelum daftar": what follows the
        # question names no other side; it is why the asker asks, part of neither side
        compared = asked_text
        concepts = [
            replace(c, qualifier=True, background=True) if c.position in remark else c
            for c in concepts
        ]
    if kind == "compare":
        # "bandingin … beda jauh ga": the asking of a comparison, not what the articles must say
        frame = _compare_frame(joined)
        concepts = [
            replace(c, qualifier=True, background=True) if c.position in frame else c
            for c in concepts
        ]
    elif kind == "why":
        # "apa sebabnya", "alasannya apa": the asking of a reason, as "kenapa" is
        concepts = [
            replace(c, qualifier=True, background=True) if c.terms <= _REASON_WORDS else c
            for c in concepts
        ]
    if kind == "yesno" and not set(joined) & FIRST_PERSON and (
        other := _other_option(joined)
    ) and all(
        c.known or c.qualifier for c in concepts if min(other) - 6 <= c.position < min(other)
    ):
        # "bisa kerja dari rumah, atau wajib pindah ke amerika?": the yes to the first option
        # is the no to the other; the articles need not speak of moving (when they speak of
        # the first: "bisa dibenerin sendiri gak atau hrs ganti lcd" asks of neither; "bisa gak
        # sy daftar? atau harus sarjana" asks what the asker needs)
        concepts = [
            replace(c, qualifier=True, background=True) if c.position in other else c
            for c in concepts
        ]
    searched = " ".join(w.replace("_", " ") for j, w in enumerate(joined) if j not in unsearched)
    return Question(
        text=text,
        clean=clean,
        kind=kind,
        concepts=tuple(concepts),
        parts=_named_in_every_part(concepts, kind, split_parts(
            compared, kind, names,
            " ".join(
                w.replace("_", " ") for j, w in enumerate(joined)
                if j not in personal | story
                # a remark left out of what is compared stays out ("… simpang siur nih")
                and not (compared != clean and remark and j >= min(remark))
            ),
        )) or _asked_apart(text, kind, vocab),
        # the schooling is still the asker's own (no article speaks of SMA): the beginners'
        # job posting is only looked for
        expansions=tuple(dict.fromkeys(
            [w for _, w in expansions] + _translations(clean)
            + (["level pemula"] if asks_if_schooling_is_enough(clean) else [])
        )),
        searched=searched if searched != clean and any(not c.background for c in concepts) else "",
        besides=frozenset(
            t for j in besides if joined[j] not in _BESIDES
            for t in terms(joined[j].replace("_", " "))
        ),
    )


# the words that ask for a comparison ("bedanya", "dibanding"); the answerer drops them from
# what a sentence must say
COMPARE_CUES = frozenset(
    terms("beda bedanya perbedaan berbeda banding dibanding versus difference compare")
)
_COMPARING = COMPARE_CUES | frozenset(terms("bandingkan membandingkan compared selisih"))
_HOW_FAR = {"jauh", "banget", "sekali", "banyak", "gede", "besar"}


_REASON_WORDS = frozenset(terms("alasan sebab penyebab gara-gara gara-garanya"))


def _compare_frame(tokens: Sequence[str]) -> set[int]:
    """Positions of the words that ask for a comparison ("bandingkan", "beda jauh")."""
    frame: set[int] = set()
    for i, tok in enumerate(tokens):
        stems = set(terms(tok))
        if (stems and stems <= _COMPARING) or (tok in _HOW_FAR and i - 1 in frame):
            frame.add(i)
    return frame


# a school leaver's schooling, or none past it: "lulusan SMA", "tamat SMK", "gak kuliah"
_SCHOOLING = re.compile(
    r"\b(?:lulusan|lulus|tamat|tamatan|ijazah|cuma|hanya|sampai|sampe)(?: dari)? "
    r"(?:sma|smk|stm|smp|slta|sd|paket c)\b"
    # "sekolahnya SMA doang"
    r"|\b(?:sma|smk|stm|smp|slta|sd) (?:doang|saja|aja)\b"
    r"|\b(?:tidak|belum) (?:pernah )?kuliah\b|\bhigh school\b"
)
# whether they can take the work up ("bisa jadi", "boleh ikut", "bisa masuk kerja"), not a
# question of their own on it ("bisa dari rumah?", "bisa buat orang kayak saya?")
_CAN_I = re.compile(
    r"\b(?:bisa|boleh|cocok|diterima|can)\b(?: [\w-]+){0,3}? (?:jadi|menjadi|ikut|masuk|daftar"
    r"|mendaftar|melamar|kerja|bekerja|gabung|bergabung|become|be|work|apply|join)\b"
    # or whether it is for those who have not done it before ("bisa buat yang belum pengalaman")
    r"|\b(?:belum|tidak|tanpa) (?:ada |punya )?(?:ber)?pengalaman\b"
    # or for newcomers ("ada yg bisa untuk orang baru kayak saya?")
    r"|\b(?:untuk|buat) (?:orang baru|pendatang baru|pemula|newbie)\b"
    # or whether it suits them ("cocok ga buat orang kayak saya")
    r"|\bcocok (?:tidak |gak )?(?:buat|untuk|bagi) orang (?:seperti|kayak|kaya|macam) "
    r"(?:saya|aku|kami|kita)\b"
)


# a job posted for beginners: what answers "cuma tamat SMA, bisa?"
# who the work hires besides beginners: "… tidak lagi terbatas pada mahasiswa …, tetapi
# mencakup dokter praktik … profesional bergelar Ph.D."
HIGHLY_QUALIFIED = re.compile(
    r"\b(?:berkualifikasi tinggi|bergelar|gelar (?:sarjana|master|doktor)|ph\.?d|profesional)\b",
    re.IGNORECASE,
)
ENTRY_LEVEL = re.compile(r"\blevel (?:pemula|awal)\b|\bentry.level\b|\bpemula\b", re.I)


def asks_if_schooling_is_enough(clean: str) -> bool:
    """The asker tells their schooling and asks whether they can do the work ("sy cuma tamat
    SMA, bisa jadi pelatih AI?"): a job posted for beginners is what answers it."""
    return bool(_SCHOOLING.search(clean)) and bool(_CAN_I.search(clean))


def _translations(clean: str) -> list[str]:
    """Article words for an English question ("stable" -> "stabil"), so both rankers see them.

    Only for questions mostly in English: the lexicon also maps chat spellings, which the
    cleaned text already spells out.
    """
    lex = lexicon()
    toks = clean.split()
    english = [w for w in toks if w.isascii() and lex.get(w, w) != w and w not in _dictionary()]
    if len(english) < max(2, len(toks) // 3):
        return []
    return [lex[w] for w in english if lex[w] not in toks]


def _merge_duplicates(concepts: Iterable[Concept]) -> list[Concept]:
    """Each concept once as subject and once as qualifier: a word of the asker's story that the
    question then asks about ("saya dokter umum …, dokter bisa nyambi melatih AI?") is asked
    about, and still part of the description named back ("dokter umum")."""
    seen: set[tuple[frozenset[str], bool]] = set()
    out: list[Concept] = []
    for c in concepts:
        if (c.terms, c.qualifier) not in seen:
            seen.add((c.terms, c.qualifier))
            out.append(c)
    return out


_TRAILING_ASK = re.compile(r"^(?P<side>.+?) (?P<ask>(?:siapa|mana) (?:yang )?(?:lebih|paling) .+)$")


# an asking word of its own before a list's "dan" ("seberapa sering …, dan contoh … apa")
_OWN_ASKING = re.compile(r"\b(?:berapa|seberapa|kapan|siapa|di mana|dimana|bagaimana|kenapa)\b")


def _named_in_every_part(
    concepts: Sequence[Concept], kind: str, parts: tuple[str, ...]
) -> tuple[str, ...]:
    """ "Savreux … kerjanya dari mana dan pakai alat apa": the person or company the first part
    asks of is whom a later part naming no one asks of too (not a place of the asker's story,
    and not the sides of a comparison or the things of a list)."""
    if len(parts) < 2 or kind in ("compare", "list"):
        return parts
    whom = [
        c.surface.lower() for c in concepts
        if c.entity and c.known and not c.qualifier and c.surface.lower() not in places()
    ]
    said = [w for w in whom if w in parts[0].split()]
    if not said:
        return parts
    return (parts[0], *(
        p if any(w in p.split() for w in whom) else " ".join([*said, p]) for p in parts[1:]
    ))


def split_parts(
    clean: str, kind: str, names: Iterable[str] = (), unstoried: str = ""
) -> tuple[str, ...]:
    """Sub-questions to retrieve for separately: the two sides of a comparison, "A dan B" asks.
    `unstoried` is the question without the asker's story ("saya lulusan SMA dan tertarik …" joins
    no two things asked)."""
    if kind == "compare" and (then_and_now := _time_sides(clean)):
        return then_and_now
    if kind == "compare":
        clean = _OR_NOT_TAIL.sub("", clean)
        splitter = _COMPARE_SPLIT
        if not splitter.search(clean) and re.search(
            r"\b(?:beda\w*|perbedaan|difference)\b|\bsiapa yang lebih\b", clean
        ):
            # "perbedaan pekerjaan Savreux dan Kumar", "Kumar dan Savreux siapa yg lebih muda"
            splitter = _AND_SPLIT
        elif not splitter.search(clean) and _APA_AS_ATAU.search(clean):
            splitter = _APA_AS_ATAU  # "lebih banyak karyawannya apa kontraktornya?"
        pieces = [p.strip() for p in splitter.split(clean) if p and p.strip()]
        # "bandingin rate pemula sama yang profesional": the asking verb is no side's thing
        pieces = [_COMPARE_VERB.sub(" ", p).strip() or p for p in pieces]
        pieces = [p for p in pieces if terms(p)]
        named = {w for n in names for w in n.lower().split()}
        trail = _TRAILING_ASK.match(pieces[-1]) if len(pieces) == 2 else None
        if trail and set(pieces[0].split()) <= named:
            # "Savreux sama Kumar siapa yang lebih tua": two names, then what is compared
            ask = trail.group("ask")
            return (f"{pieces[0]} {ask}", f"{trail.group('side')} {ask}")
        if len(pieces) == 2 and set(pieces[0].split()) <= named:
            # "savreux sama jatin kumar kerjanya beda?": two names, then what is compared
            said = pieces[1].split()
            k = next((n for n, w in enumerate(said) if w not in named), len(said))
            ask = _HOW_DIFFERENT.sub(" ", " ".join(
                w for w in said[k:] if w not in ("itu", "ini", "kah")
            )).strip()
            if k and terms(ask):
                return (f"{pieces[0]} {ask}", f"{' '.join(said[:k])} {ask}")
        if len(pieces) >= 2:
            # what is compared ("gaji manajer AI Netflix atau pelatih AI", "gaji pelatih
            # ChatGPT sama pelatih di Invisible Tech") is asked of every side, though only the
            # first names it; without such a word, a side sharing nothing with the first keeps
            # its head word ("kerjaan pelatih pas awal sama pas udah berpengalaman")
            asked = [w for w in words(pieces[0]) if set(terms(w)) & topic_terms()] or [
                t for t in words(pieces[0])[:3] if stem(t) in set(terms(pieces[0]))
            ][:1]
            # "bayaran pelatih yang pemula sama yang udah ahli": a side that is only a "yang"
            # clause is the first side's thing
            head, rel, _rest = pieces[0].partition(" yang ")
            thing = " ".join(w for w in head.split() if w not in _WHICH_WORDS) if rel else ""
            out = [pieces[0]] + [_other_side(p, asked, thing) for p in pieces[1:3]]
            # "beda jauh ga" asks how different, it is no side's words ("jauh" is no "jarak jauh")
            out = [_HOW_DIFFERENT.sub(" ", p).strip() or p for p in out]
            return tuple(out)
        # "karyawannya brp trus kontraktornya brp, banyakan mana": a question word per side
        if sides := _wh_split(clean):
            return sides
    if kind == "list":
        # "keuntungan dan kerugian jadi pelatih AI": two things asked of one subject
        said = unstoried or clean
        m = re.search(r"\b(\w+) (?:dan|serta|and|&) (\w+)\b(.*)$", said)
        if m and _OWN_ASKING.search(said[: m.start(2)]):
            # "seberapa sering ia menerima tugas baru dan contoh petunjuk seperti apa": the
            # first clause asks its own question, so the message holds two
            return (said[: m.end(1)].strip(), said[m.start(2) :].strip())
        if m and terms(m.group(1)) and terms(m.group(2)) and terms(m.group(3)):
            tail = m.group(3).strip()
            return (f"{m.group(1)} {tail}", f"{m.group(2)} {tail}")
    if kind in ("how_much", "where", "who", "when", "what") and " dan " in f" {clean} ":
        # "berapa usia X dan di mana dia tinggal": two questions answered together
        pieces = [p.strip() for p in re.split(r"\bdan\b", clean) if p.strip()]
        asking = re.compile(
            r"\b(berapa|di mana|dimana|siapa|kapan|apa|(?:dari|ke|negara|kota) mana)\b"
        )
        if sum(1 for p in pieces if asking.search(p)) >= 2:
            # "keponakan saya lulusan SMK dan belum punya pengalaman, …level apa dan berapa
            # rate-nya": what is told before a question goes with it, as no part of its own
            parts: list[str] = []
            told: list[str] = []
            for piece in pieces:
                if asking.search(piece):
                    parts.append(" dan ".join([*told, piece]))
                    told = []
                else:
                    told.append(piece)
            if told:
                parts[-1] = " dan ".join([parts[-1], *told])
            return tuple(parts)
    if kind in ("how_much", "where", "who", "when"):
        # "how old is he and where does he live": English joins its questions with "and"
        # ("bulan lalu. Apakah …" is no second question of these kinds)
        english = _AND_WH.search(clean)
        # "sy dulu kru sound system … siapa dia, dibayar brp": the asker's story is no part
        return _wh_split(unstoried or clean) or (
            _and_asks(clean, frozenset(n.lower() for n in names)) if english else ()
        )
    # "dari divisi apa, terus dipecat tahun apa": which division, which year
    return (kind == "what" and _wh_split(clean)) or _and_asks(
        clean, frozenset(n.lower() for n in names)
    )


# "bagaimana awalnya dia dapat kerja itu, dan apakah kerja itu berdampak pada hidupnya": a
# second question joined by "dan" and its own question word
_AND_ASKS = re.compile(
    r"\b(?:dan|serta|lalu|terus|and) (?=(?:apakah|bagaimana|gimana|berapa|kenapa|mengapa|siapa"
    r"|kapan|di mana|dimana|how|why|what|who|where|when|is|are|does|do|did)\b)"
)


_AND_WH = re.compile(r"\band (?:how|why|what|who|where|when)\b")


def _and_asks(clean: str, known: frozenset[str]) -> tuple[str, ...]:
    """Two questions of other kinds joined by "dan apakah …"; a name only one part says (the
    follow-up's antecedent comes last) is the other part's subject too."""
    pieces = [p.strip() for p in _AND_ASKS.split(clean, maxsplit=1) if p.strip()]
    if len(pieces) != 2 or not all(terms(p) for p in pieces) or len(pieces[0].split()) < 3:
        return ()
    names = [w for w in clean.split() if w.lower() in known]
    return tuple(
        p if set(p.split()) & set(names) else " ".join([p, *dict.fromkeys(names)])
        for p in pieces
    )


def _asked_apart(text: str, kind: str, vocab: Vocabulary | None = None) -> tuple[str, ...]:
    """Questions typed one after another, each with its own question word ("kerjanya gimana?
    Brp lama sekali dapet tugas baru?"): each is a part, answered on its own."""
    if kind not in ("how_much", "what", "list"):
        return ()
    pieces = questions_in(text)
    if not 2 <= len(pieces) <= 3:
        return ()
    # spelled as the whole message is ("Bayaranipun pinten?": "bayarannya berapa")
    cleans = [" ".join(join_phrases(clean_words(p, vocab))).replace("_", " ") for p in pieces]
    # "brp gajih awalnya? dpt tunjangan g?": a yes/no whose own clause names a topic the other
    # questions do not is a question of its own too ("… dpt brp sjam?? gede gk" only remarks on
    # the sum, "…cocok bgt buat guru. ini penipuan bukan?" asks of no topic)
    if not any(set(c.split()) & _WH_WORDS for c in cleans) or not all(
        set(c.split()) & _WH_WORDS
        or _yes_no(c) and set(terms(_last_clause(p))) & topic_terms() - {
            t for o in cleans if o != c for t in terms(o)
        }
        for p, c in zip(pieces, cleans, strict=True)
    ):
        return ()
    if kind == "list" and not any("berapa" in c.split() for c in cleans):
        # "sblm jd pelatih kerja apa aja dia? kek mana ceritanya": one list, told as a story;
        # "brp org kontraktor yg dipake openai? dr negara mn aj" asks a sum and a list
        return ()
    # "ada tunjangan tidak": the tag asks yes or no; it is no word an answer must hold
    cleans = [_YES_NO_TAG.sub("", c) or c for c in cleans]
    # "studio game Netflix nyari posisi apa? trs game yg disebut apa namanya?": a later question
    # naming no one asks about whom the first one names
    named = [
        [w for w in c.split() if w in names]
        for c, names in zip(
            cleans, (entities() | _capitalised_names(p) for p in pieces), strict=True
        )
    ]
    # "pelatih di kenya kerjanya apa? dapat duit brp?": a later question of one word asks it of
    # whom the first one names, not of what the first one asked ("kerjanya apa")
    whom = " ".join(
        w for w in cleans[0].split()
        if w not in _WH_WORDS and not set(terms(w)) & (topic_terms() | _ASKED_OF_THEM)
    )
    return tuple(
        f"{whom} {c}" if n and len(set(terms(c))) <= 1 and set(c.split()) & _WH_WORDS
        else c if named[n] or not named[0] else f"{c} {' '.join(named[0])}"
        for n, c in enumerate(cleans)
    )


def _last_clause(text: str) -> str:
    """The words after a message's last sentence or clause break ("…buat guru. ini penipuan
    bukan?" -> "ini penipuan bukan")."""
    return re.split(r"[.,;!:]\s", text.strip().rstrip("?!. "))[-1]


# what a first question asks of someone ("kerjanya apa", "gajinya berapa"), not who they are
_ASKED_OF_THEM = frozenset(terms("kerja tugas umur usia tinggal nama"))
# how a yes/no question opens or closes ("… kan?" tags a remark, not a question of its own),
# and the closing tag itself ("… tidak ya")
_YES_NO_TAIL = _PARTICLES - {"kan"} | {"kah"}
_YES_NO_OPEN = {"apakah", "apa", "ada", "adakah", "bisa", "bisakah", "boleh", "dapat", "is", "are",
                "do", "does", "can"}
_YES_NO_TAG = re.compile(r"(?: (?:tidak|belum|bukan))(?: (?:ya|sih|kah|tuh))*$")


def _yes_no(clean: str) -> bool:
    """A yes/no question: opened by "apakah"/"ada"/"bisa" or closed by "… tidak" ("dpt
    tunjangan g", "ada asuransi gak ya")."""
    tokens = [t for t in clean.split() if t not in _APA_PARTICLE]
    return bool(tokens) and (tokens[0] in _YES_NO_OPEN or tokens[-1] in _YES_NO_TAIL)


def questions_in(text: str) -> tuple[str, ...]:
    """The separate questions of one message ("bisa gk cuma modal hp? savreux kerjanya pake
    apa"), each with what the worker told before it; () when there is only one.

    A message is split at its question marks; the text after the last one counts as a question
    too when it has words of its own. Told sentences before the first question ("sy driver
    grab di medan …") stay with it.
    """
    pieces = [p.strip() for p in re.split(r"(?<=\?)", text)]
    pieces = [p for p in pieces if terms(p)]
    if len(pieces) >= 2 and not pieces[-1].endswith("?") and _remark(clean_words(pieces[-1])):
        pieces[-2:] = [f"{pieces[-2]} {pieces[-1]}"]  # a remark, not a question of its own
    return tuple(pieces) if len(pieces) >= 2 else ()


def _other_side(piece: str, asked: Sequence[str], thing: str) -> str:
    """A comparison's later side, with what the first side says is compared."""
    if thing and piece.startswith("yang "):
        return f"{thing} {piece}"
    if set(terms(piece)) & set(terms(" ".join(asked))):
        return piece
    return " ".join([*asked, piece])


# "dulu vs sekarang": a comparison of one thing over time; each side is that thing with the
# words articles use for then ("pada tahap awal") and now ("tidak lagi", "kini")
_PAST = {"dulu", "dulunya", "dahulu", "awal", "awalnya", "then", "past", "earlier", "before"}
_NOW = {"sekarang", "kini", "now", "today", "nowadays"}
_THEN = {"dulu", "dulunya", "dahulu"}  # said of the past only ("awal" opens many things)
_THEN_PHRASES = ("awalnya", "masa awal", "tahap awal", "awal awal")
_PAST_WORDS = "awal dahulu sebelumnya"
_NOW_WORDS = "sekarang kini tidak lagi semakin"
_TIME_FRAME = _PAST | _NOW | {"jaman", "zaman", "masa", "era", "vs", "versus", "sama", "dengan",
                              "dan", "atau", "beda", "bedanya", "perbedaan", "berbeda", "dibanding",
                              "ini",
                              # "orangnya beda apa", "apa yg berubah": the change asked about,
                              # not a word the then or now sentence holds
                              "berubah", "perubahan", "ubah", "orang", "orangnya", "orang-orang"}


def _time_sides(clean: str) -> tuple[str, ...]:
    """The then and now sides of "pelatih AI jaman dulu sama skrg bedanya apa"."""
    tokens = clean.split()
    if not set(tokens) & _PAST or not set(tokens) & _NOW:
        return ()
    topic = " ".join(t for t in tokens if t not in _TIME_FRAME)
    if not terms(topic):
        return ()
    return (f"{topic} {_PAST_WORDS}", f"{topic} {_NOW_WORDS}")


_WH = {"berapa", "dimana", "mana", "siapa", "kapan", "mengapa", "kenapa"}
# "apa saja", "apa itu", "apa yang": "apa" that does not end the asking of the noun before it
_APA_GOES_ON = {"saja", "aja", "itu", "ini", "yang", "kah", "sih", "tuh", "nya", "gitu", "ya",
                "aj", "lagi",
                # "apa bisa?", "apa benar …": a yes/no opens, nothing is asked "what"
                "bisa", "boleh", "benar", "betul", "bener", "mungkin", "harus", "perlu",
                "masih", "sudah", "pernah", "ada", "tidak"}
_ASKER_OR_OTHER = {"saya", "aku", "gue", "gua", "gw", "kita", "kami", "dia", "mereka", "kamu",
                   "anda", "anak", "beliau", "ia"}
# "bulan apa sih, trus …": a particle after "apa", which may still end its asking
_APA_PARTICLE = {"sih", "ya", "kah", "tuh"}
_COUNTERS = {"orang", "jam", "tahun", "hari", "bulan", "minggu", "persen", "dolar", "dollar",
             "kali", "biji", "buah", "rupiah", "juta", "ribu"}


def _content(tokens: Sequence[str]) -> bool:
    """Any word that says something ("sih gan" says nothing)."""
    return bool(terms(" ".join(tokens)))


def _affixed_verb(word: str) -> bool:
    """A verb by its prefix: "dipecat", "mempekerjakan", "bertanya" (not "direktur")."""
    return word.startswith(("di", "me", "ber", "ter")) and sastrawi_root(word) != word


_NEXT_QUESTION = {"terus", "trus", "lalu", "kemudian", "habis", "abis", "tapi"}


def _wh_split(clean: str) -> tuple[str, ...]:
    """Two questions without "dan": "umurnya berapa, tinggal dimana Jatin Kumar".

    Chat order puts the asked thing before its question word ("umurnya berapa"); the words
    after the last question word are the shared subject and join every part. Written order
    ("berapa umurnya, di mana dia tinggal") starts each part at its question word.
    """
    toks = clean.split()
    asks: list[tuple[int, int]] = []  # (start, length) of each question word
    # "nama serikatnya apa, ketuanya siapa": a name asked is bound as a whole
    named = bool({"nama", "namanya"} & set(toks))
    i = 0
    while i < len(toks):
        if toks[i] == "di" and i + 1 < len(toks) and toks[i + 1] == "mana":
            asks.append((i, 2))
            i += 2
            continue
        if toks[i] == "apa" and i and terms(toks[i - 1]) and not named and (
            i + 1 == len(toks) or toks[i + 1] not in _APA_GOES_ON
            # "…dari klaten, apa saya bisa ikut": a yes/no opens on whom it asks of
            and not (toks[i + 1] in _ASKER_OR_OTHER and toks[i + 2 : i + 3]
                     and toks[i + 2] in _APA_GOES_ON)
            # "bulan apa sih, trus dari tim apa": a particle, then the next question or the end
            or toks[i + 1] in _APA_PARTICLE and toks[i + 2 : i + 3] in ([], ["terus"], ["lalu"])
        ):
            asks.append((i, 1))  # "dari tim apa, trus dipecat bulan apa": which team, month
            i += 1
            continue
        if toks[i] in _WH and toks[i] != "mana":
            # "karyawannya berapa orang, kontraktornya berapa": the counter is that part's
            counted = i + 1 < len(toks) and toks[i + 1] in _COUNTERS
            asks.append((i, 2 if counted else 1))
            i += 2 if counted else 1
            continue
        i += 1
    if len(asks) < 2:
        return ()
    shared: list[str] = []
    if asks[0][0] == 0:
        bounds = [a for a, _n in asks] + [len(toks)]
        segments = [toks[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    else:
        ends = [a + n for a, n in asks]
        # "di bulan apa dipecatnya, terus … di tim apa": a "terus" between two question words
        # starts the next question; the words before it finish the first
        cuts = [
            next((j for j in range(e, a) if toks[j] in _NEXT_QUESTION and _content(toks[e:j])), e)
            for e, (a, _n) in zip(ends[:-1], asks[1:], strict=True)
        ]
        segments = [toks[a:b] for a, b in zip([0, *cuts], [*cuts, ends[-1]], strict=True)]
        shared = toks[ends[-1] :]
        # "openai tu karyawannya brp, kontraktornya brp": the word before the first question
        # word is what it asks, the words before that are whom every part asks of
        content = [n for n, w in enumerate(toks[: asks[0][0]]) if terms(w)]
        front = toks[: content[-1]] if len(content) >= 2 else []
        # "anak magang bytedance dipecat bulan apa, terus dari tim apa": whom every part asks
        # of ends before the first part's own deed ("dipecat")
        deed = next((n for n, w in enumerate(front) if _affixed_verb(w)), len(front))
        front = front[:deed] if deed else front
        front_terms = set(terms(" ".join(front)))
        segments = [segments[0]] + [
            seg if set(terms(" ".join(seg))) & front_terms else front + seg
            for seg in segments[1:]
        ]
    parts = [" ".join(seg + [w for w in shared if w not in seg]) for seg in segments]
    own = set(terms(" ".join(shared)))
    if not all(set(terms(p)) - own for p in parts):
        return ()
    return tuple(parts)


# -- follow-ups ---------------------------------------------------------------------------------
_ANAPHORA = {
    "dia", "ia", "mereka", "beliau", "itu", "tersebut", "sana", "situ", "begini", "beginian",
    "gitu", "gituan", "ini", "he", "she", "they", "it", "them", "his", "her", "their", "that",
    "this", "those", "these",
}
# "X itu perusahaan apa", "apa itu X", "siapa X": what the named thing is, a whole question
_DEFINITION = re.compile(
    r"^(?:apa itu|apaan tuh|siapa|siapakah|what is|who is) \S+"
    r"|\b(?:itu|tuh|tu|ini|teh) (?:\w+ )?(?:apa|apaan|siapa)(?: \w+)?$"
)


def asks_definition(question: Question) -> bool:
    """"partnership on ai itu apa?", "apa itu Invisible Tech": what the named thing is."""
    return bool(_DEFINITION.search(question.clean))


_OPENERS = (
    "kalau", "terus", "lalu", "trus", "bagaimana dengan", "dan ", "what about", "and ",
    "how about", "kalo", "klo", "trs", "nah", "oh", "terus kalau", "then",
    "lha ", "lho ", "lah ",  # Javanese "lha nek …": "and what about …"
)


@lru_cache(maxsize=1)
def topic_terms() -> frozenset[str]:
    """Stems of the *attributes* workers ask about (pay, benefits, unions, layoffs…).

    A follow-up that names one of these switches the topic but keeps the subject: after
    "Berapa gaji pelatih AI?", "kalau asuransi kesehatan?" asks about pelatih AI's insurance.
    """
    words_ = (
        "gaji upah bayar honor penghasilan pendapatan uang tunjangan asuransi jaminan kesehatan "
        "serikat mogok tuntut pecat phk rumah jarak jauh jam syarat gelar lulus pengalaman "
        "rekrut lowongan umur usia tinggal manfaat rugi risiko stabil bonus cuti tugas"
    )
    out = set(terms(words_))
    return frozenset(out)


def is_followup(question: Question) -> bool:
    """True when a question leans on the previous turn (pronoun, opener, or almost no words)."""
    toks = set(words(question.clean))
    lowered = question.clean.strip()
    return (
        bool(toks & _ANAPHORA)
        or _nya_points_back(question)
        or lowered.startswith(_OPENERS)
        or len(question.subject) <= 2
    )


_OWNERS = frozenset(terms("pelatih kontraktor manajer karyawan magang anotator trainer"))
# words between a thing and its "-nya" ("pelatih AI itu kerjanya …")
_NYA_GLUE = {"itu", "tuh", "tu", "ini", "nih", "sih", "yang", "yg", "teh", "mah"}


def _nya_points_back(question: Question) -> bool:
    """A "-nya" word that leans on the previous turn ("gajinya brp?"), not one owned by a thing
    the question names just before it ("pelatih AI kerjanya ngapain aja?")."""
    said = words(question.clean)  # chat spellings read ("kerjaane" is "kerjaannya")
    if question.clean.strip().startswith(_OPENERS):
        own: set[str] = set()  # "terus tanggung jawab utamanya …": goes on with the last turn
    else:
        # whose it is: someone named, or a worker's role ("pelatih AI", "kontraktor")
        own = {
            t for c in question.subject if not c.surface.lower().endswith("nya")
            and (c.entity or c.terms & _OWNERS) for t in c.terms
        }
    for i, w in enumerate(said):
        if not (w.endswith("nya") and len(w) > 5):
            continue
        j = i - 1
        while j >= 0 and said[j] in _NYA_GLUE:
            j -= 1
        # the owner's phrase ends just before it ("pelatih AI kerjanya", "Savreux umurnya")
        if j < 0 or not {t for x in said[max(0, j - 2) : j + 1] for t in terms(x)} & own:
            return True
    return False


_PERSONS_BACK = {"dia", "ia", "mereka", "beliau", "he", "she", "they", "them", "his", "her",
                 "their"}


def names_someone_before(question: Question) -> bool:
    """A personal pronoun ("dia", "mereka") stands for someone an earlier turn named; "itu" and
    "-nya" may just mark a thing the question itself names ("pelatih AI itu, tugasnya …")."""
    return bool(set(words(question.clean)) & _PERSONS_BACK)


def points_back(question: Question) -> bool:
    """A pronoun or a "-nya" word ("umurnya", "dia", "they"): it leans on the previous turn."""
    clean = _TIME_DEIXIS.sub(" ", question.clean)  # "hari ini" is today, not "this"
    return bool(set(words(clean)) & _ANAPHORA) or _nya_points_back(question)


_TIME_DEIXIS = re.compile(
    r"\b(?:hari|minggu|bulan|tahun|saat|malam|pagi|siang|sore|kali|sekarang|detik) (?:ini|itu)\b"
)


def concept_runs(concepts: Sequence[Concept], gap: int) -> list[list[Concept]]:
    """Concepts at most `gap` words apart in one sentence, grouped in their order."""
    runs: list[list[Concept]] = []
    for c in concepts:
        last = runs[-1][-1] if runs else None
        if last and c.position - last.position <= gap and c.sentence == last.sentence:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _things(concepts: Sequence[Concept]) -> int:
    """How many things the concepts name: a name's adjacent words ("invisible tech") are one."""
    count, last = 0, None
    for c in concepts:
        if not (c.entity and last is not None and last.entity and c.position == last.position + 1):
            count += 1
        last = c
    return count


# a follow-up that opens by comparing: "kalau dibandingkan sama …", "compared to …"
_COMPARED_WITH = re.compile(
    r"^(?:kalau |terus |lalu |and |but )?(?:dibandingkan|dibanding|bandingkan|compared|versus|vs)"
    r"(?: (?:sama|dengan|with|to))? (.+)$"
)


# the words of a one-sided comparison that are not its side: "kalo yang …", "… lebih gede mana"
_ONE_SIDE_FRAME = re.compile(
    r"^(?:(?:kalau|terus|lalu|nah|tapi|trus|and|but) )*(?:(?:yang|the) )?"
    r"|\b(?:lebih|paling|more)\b.*$|\b(?:\w+an )?mana(?: yang)?(?: \w+)?$"
)


# "kalau yang profesional gimana, lebih gede?": a side named, asked against the last answer
_MORE_ASKED = re.compile(
    r"\blebih (?:besar|gede|tinggi|banyak|mahal|kecil|sedikit|murah|rendah"
    # "lebih gacor ga", "lebih cuan", "lebih menguntungkan": better paid
    r"|gacor|cuan|untung|menguntungkan|bagus|baik|enak)\b"
)
# ("bagaimana" of "yang profesional gimana, lebih gede?" asks the comparison, no side of it)
_HOW_ASKED = re.compile(r"\b(?:bagaimana|gimana)\b")


def _degree(question: Question) -> str:
    """The measure a comparison asks by ("gede", "banyak"), "besar" when it names none."""
    after = re.search(r"\b(?:lebih|more) (\w+)", question.clean)
    return after.group(1) if after else "besar"


# the Indonesian forms of binding's _PER_TIME (binding reads this module, not the reverse)
_SUM_PER_TIME = re.compile(
    r"\b(?:per|tiap|setiap) (?:jam|hari|minggu|bulan|tahun)\b|\bse(?:jam|hari|minggu|bulan|tahun)\b"
)


def _asked_by_wh(concept: Concept, question: Question) -> bool:
    """The concept is what its question asked, beside the question word ("umur berapa",
    "berapa gajinya"), not a word describing whom it asked of."""
    said = re.escape(concept.surface.lower())
    wh = r"(?:berapa|apa|apakah|siapa|kapan|mana|bagaimana)"
    return bool(re.search(rf"\b{said}(?:nya)? {wh}\b|\b{wh} {said}\b", question.clean.lower()))


def _asked_of_another(question: Question, previous: Question) -> str | None:
    """"kalau Kumar?" after "Savreux itu umur brapa? tinggal di mana dia?": the last question
    asked again of the new name, its asking words and all ("kumar umur tinggal" asks nothing).
    Only when the follow-up is names alone and the last question named one."""
    if not question.subject or any(not c.entity for c in question.subject):
        return None
    old = [c for c in previous.subject if c.entity]
    if len(old) != 1 or previous.kind == "compare":
        return None
    name = re.compile(rf"\b{re.escape(old[0].surface.lower())}\b")
    if not name.search(previous.clean):
        return None
    swapped = name.sub(" ".join(c.surface for c in question.subject), previous.clean, count=1)
    if question.kind == "yesno" and previous.kind != "yesno":
        # "kalo di amerika ada gak yg kayak gitu jg" after "berapa orang yg ikut (serikat di
        # kenya)": whether there is one there, not the count again
        kept = [w for w in swapped.split() if w not in _WH_WORDS]
        return f"apakah ada {' '.join(kept[1:] if kept[:1] == ['ada'] else kept)}"
    return swapped


def resolve(
    question: Question, previous: Question, vocab: Vocabulary | None = None, *,
    force: bool = False,
) -> str:
    """A standalone question text for a follow-up: the old subject, the new topic.

    The previous question's subject words (who or what it was about) are kept; its topic words
    (pay, benefits…) are dropped when the follow-up names a topic of its own, so "kalau asuransi
    kesehatan?" after a pay question asks about insurance, not pay again.

    `force` reads the question as a follow-up even when it looks complete ("yg ikut voting ada
    brp org?" after a question about the Nairobi union): the caller's second try when the
    question alone finds nothing.
    """
    compared = _COMPARED_WITH.match(question.clean)
    if compared and previous.subject:
        # "kalo dibandingin sama pelatih di Invisible Tech, jauh ya?" after Savreux's pay: the
        # old question against the new side
        return f"{previous.clean} dibandingkan {compared.group(1)}"
    if (
        question.kind == "compare" or (is_followup(question) and _MORE_ASKED.search(question.clean))
    ) and not question.parts and previous.subject and previous.kind != "compare":
        # "kalo yang pelatih profesional di Invisible Tech lebih gede mana?" after a pay
        # question: one side named, the other is what was asked before
        side = _HOW_ASKED.sub(" ", _ONE_SIDE_FRAME.sub(" ", question.clean)).split()
        if side:
            return f"{previous.clean} dibandingkan {' '.join(side)} lebih {_degree(question)}"
    if not force and not is_followup(question):
        return question.text
    # "… bisa smpe brp? auto sultan ga tuh": the remark after the question is left behind, or
    # the borrowed words would join it rather than the question
    question = replace(question, clean=_without_remark(question))
    topics = topic_terms()
    new_terms = {t for c in question.subject for t in c.terms}
    # "savreux sebulan dapet brp": a sum per unit of time is pay, a topic of its own
    names_new_topic = bool(new_terms & topics) or (
        question.kind == "how_much" and bool(_SUM_PER_TIME.search(question.clean))
    )
    if any(c.entity for c in question.subject):
        new_names = {t for c in question.subject if c.entity for t in c.terms}
        whom = [
            c.surface for c in previous.subject
            if c.entity and not c.qualifier and not c.terms & new_names
        ]
        if names_someone_before(question) and whom and not question.clean.startswith(_OPENERS):
            # "startup dia namanya apa" after "jatin kumar itu siapa": "dia" is whom the last
            # turn named, whatever else this one names
            return f"{question.clean} {' '.join(whom[:4])}"
        # "lha kalau pelatih profesional kayak dokter di Invisible Tech?": an opener and no
        # asking word of its own, however many things it names, asks the last turn's question
        elliptical = question.clean.startswith(_OPENERS) and not (
            set(words(question.clean)) & _WH_WORDS
        )
        if (_things(question.subject) > 2 and not elliptical) or names_new_topic or (
            _DEFINITION.search(question.clean) and not question.clean.startswith(_OPENERS)
        ):
            # it says who or what, and what about them; or asks what it is ("Cohere itu
            # perusahaan apa?" after a question about ByteDance's loss borrows no "rugi")
            return question.text
        if elliptical and (swapped := _asked_of_another(question, previous)):
            return swapped
        # "kalau Netflix?": a new subject, the old topic
        kept = [c.surface for c in previous.subject if c.terms & topics and not c.entity]
        return f"{question.clean} {' '.join(kept[:4])}" if kept else question.text
    back = points_back(question)
    names_new_subject = any(
        c.known and not (c.terms & topics) for c in question.subject if not c.glossary
    )
    if not force and not back and names_new_subject and len(question.subject) >= 3:
        return question.text  # a full question of its own
    # "apa yg bantu dia keluar dari situ" after "umur berapa dia": "dia" is whom the last turn
    # asked of; what it asked ("umur") is no part of this question, which asks its own
    # (so does a "-nya" word of its own: "kerjanya sebelum jadi pelatih?" after "gajinya brp
    # sejam?" asks of his earlier jobs, not of pay)
    own_ask = (names_someone_before(question) or _nya_points_back(question)) and names_new_subject
    borrowed: list[str] = []
    for c in previous.subject:
        if names_new_topic and c.terms & topics and not c.entity:
            continue
        if own_ask and c.terms & topics and not c.entity and _asked_by_wh(c, previous):
            continue  # "umur" of "umur berapa dia", not "serikat" of "knp mereka bikin serikat"
        if len(c.surface) <= 3 and not c.entity:  # "per", "dan": no subject on their own
            continue
        if c.terms & new_terms:
            continue
        if c.entity and _EXAMPLE_GIVEN.search(question.clean):
            continue  # "kalo yg pro kayak dokter?" after "trainer kyk Savreux": a new example
        at = f"di {c.surface.lower()}"
        # "jatin kumar yg di texas": the place stays where he is, not a third name of his
        placed = c.entity and re.search(rf"\b{re.escape(at)}\b", previous.clean) and any(
            o.entity and o.position < c.position - 1 for o in previous.subject
        )
        borrowed.append(at if placed else c.surface)
    if not borrowed:
        return question.text
    asks_nothing = question.kind in ("topic", "what") and not set(words(question.clean)) & _WH_WORDS
    if previous.kind == "how_much" and asks_nothing and not names_new_topic:
        # "kalo yg pro kayak dokter2 gitu?" after "dibayar brp per jam": the same sum asked
        # ("udah di atas UMR belum?" asks its own yes or no, "kalau asuransi?" a new topic)
        borrowed += ["berapa", *_SUM_PER_TIME.findall(previous.clean)[:1]]
    return f"{question.clean} {' '.join(borrowed[:8])}"


def _without_remark(question: Question) -> str:
    """The cleaned question up to its last question word when only the asker's remark (words
    of no subject) follows it."""
    said = question.clean.split()
    asked = [i for i, w in enumerate(said) if w in _WH_WORDS]
    if not asked:
        return question.clean
    remark = {c.surface.lower() for c in question.qualifiers if c.background}
    tail = said[asked[-1] + 1 :]
    if tail and any(w in remark for w in tail) and all(
        w in remark or w in stopwords() or w in _PARTICLES for w in tail
    ):
        return " ".join(said[: asked[-1] + 1])
    return question.clean


# "seperti apa", "seperti bagaimana" ask what kind: no example given
_EXAMPLE_GIVEN = re.compile(
    r"\b(?:seperti|misalnya|contohnya)\b(?! (?:apa|bagaimana|gimana|siapa|yang mana)\b)"
    # "dia sarjana atau DO kayak sy?": the asker compares themself, no new example
    r"(?! (?:saya|aku|gue|gua|kita|kami|ane|beta|iau)\b)"
)


# "saya seorang akuntan", "aku ini dokter": words between the asker and what they are
_SELF_INTRO = frozenset({"seorang", "adalah", "ini", "sebagai", "kerja", "bekerja"})


def own_roles(q: Question) -> list[Concept]:
    """What the asker says they are ("dulu sy akuntan", "saya seorang dokter"), as the
    articles' words."""
    said = q.clean.split()
    roles = {
        said[k] for k in range(1, len(said))
        if said[k - 1] in FIRST_PERSON | _SELF_INTRO
        and said[k] not in _SELF_INTRO | FIRST_PERSON | PERSONA_WORDS
        and said[k] not in stopwords() and sastrawi_root(said[k]) == said[k]
        and any(w in FIRST_PERSON for w in said[max(0, k - 3) : k])
    }
    return [c for c in q.qualifiers if c.known and c.surface.lower() in roles]
