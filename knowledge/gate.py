"""Does the corpus answer this question? Answered, partial, or not found — decided in one place.

Why not the dense score alone: multilingual-e5 gives out-of-scope questions cosine scores
(0.77-0.90) that overlap answerable ones (0.82-0.93). The main signal is idf-weighted lexical
*coverage* of the question's **subject** by a retrieved passage — rare words weigh most, words the
corpus never uses weigh the most — with the dense score as a second opinion. The asker's own
situation ("saya ibu rumah tangga lulusan SMA") is left out of that sum: the articles rarely
speak of it, and it must not veto an answer they do hold. When the subject is covered but such a
qualifier is not, the answer is *partial*: said so first, then given.

A question about a well-known name that no article mentions ("UMR Jakarta", "daftar Gojek") is
not found, however well its other words are covered: its subject is absent.

The thresholds live here, per embedder: e5's cosine scale is compressed, other models differ.
Whether a passage's figure is the kind asked, about whom it asks, is knowledge/binding.py's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from knowledge.binding import (
    AGE_TERMS,
    FILLER,
    WHERE_FRAME,
    asks_where,
    figure_is_bound,
    tells_age,
    unpaid_periods,
)
from knowledge.lexical import LexicalIndex
from knowledge.question import (
    FIRST_PERSON,
    Concept,
    Question,
    clean_words,
    concept_runs,
    is_root_word,
    is_town,
    labour_words,
    places,
    read,
    topic_terms,
)
from knowledge.text import function_words, terms, words
from knowledge.types import Passage

Outcome = Literal["answered", "partial", "not_found"]

# How sure the asker is ("beneran", "sebenarnya", "emang", "jujur"), that they wish ("pengen")
# or like ("demen"), how they feel ("lagi down", "galau"), not what they ask about: rare in news
# text, so idf would weigh them as the question's main words
_STANCE = frozenset(terms(
    "benar sebenarnya memang sungguh pasti mungkin katanya ingin suka jujur "
    "galau sedih stres stress down capek bingung bosan takut khawatir cemas ragu penasaran "
    "mengerti paham harus "
    # "serem gk tuh": how the asker feels about what they ask
    "seram serem ngeri "
    # "spill dong kisah si savreux": the telling asked for, not a word the answer holds
    "kisah kisahnya "
    # "kalo kita mo coba kerja …", "tertarik menjadi …": the asker's plan; "kodong": pity
    "coba mencoba kasihan tertarik "
    # "gajinya fantastis bgt", "worth it gak", "cocok dak ku kerja …", "bagus tidak buat dia":
    # the asker's wonder or whether it suits them, not a word an answer holds
    "fantastis worth cocok layak pantas bagus "
    # "openai biasa ambil kontraktor dari negara mana": how usual it is, not what is asked
    "biasa biasanya umumnya"
))

# two questions in one ("umurnya brp, tinggal dimana"): each part's figure is bound on its own
_BOUND_PER_PART = frozenset({"how_much", "where", "who", "when", "what"})

# questions a related word can half-answer ("dapet THR ga?" -> "tanpa tunjangan"); not a sum,
# a date or a way to sign up, which a related word does not give
_RELATED_KINDS = frozenset({"yesno", "what", "topic"})

# what a "berapa" may open on before the thing measured: an amount's own words ("besaran",
# "jumlah"), a counter ("biji"), "the figure" itself ("angka yg beredar"), chat particles
_MEASURE_FRAME = frozenset({
    "besaran", "besarnya", "jumlah", "jumlahnya", "banyak", "kisaran", "total", "totalnya",
    "nilai", "nilainya", "angka", "angkanya", "biji", "buah", "sih", "ya", "kira-kira", "kak",
    "sebenarnya", "rata-rata", "kah", "lagi", "tuh", "itu", "dong",
    # when it was heard of, not what is measured ("gajinya brp kmrn?")
    "kemarin", "tadi", "sekarang", "kini", "dulu", "nanti", "ini", "saat", "waktu",
})
_YEAR = re.compile(r"(?:19|20)\d\d")
# between "ada" and the thing whose existence is asked ("ada tidak sih kuota …")
_EXISTENCE_FRAME = frozenset({
    "yang", "tidak", "sih", "juga", "lagi", "belum", "apa", "gak", "kah", "ya", "nggak", "enggak",
    "semacam", "sejenis", "jenis", "macam", "seperti",
})
# the words around a who-question's "siapa" that are not what the person did
_DEED_FRAME = frozenset({
    "yang", "sih", "saja", "aja", "ya", "sebenarnya", "akhirnya", "sudah", "telah", "akan",
    "bakal", "lagi", "itu", "ini", "tuh", "dong", "kah", "sama", "dengan", "ke", "kepada",
    "untuk", "jadi", "oleh", "dari", "namanya", "nama",
})

# family members: news about AI work tells of workers, seldom of their kin
_KIN = frozenset((
    "istri", "suami", "pacar", "keluarga", "ortu", "orangtua", "ayah", "bapak", "ibu", "adik",
    "kakak", "anak", "mertua", "tunangan", "cucu",
))


# what follows a yes/no tag ("… gak? di Malang", "… gak atau cuma …") rather than the verb it
# negates ("yang gak kuliah")
_AFTER_TAG = (["di"], ["ke"], ["atau"], ["ya"])
_TAG_ASKED = re.compile(
    r"\b(?:gak|ga|gk|nggak|ngga|enggak|tidak|tdk|ndak|kagak|teu|ora|mboten)\s*\?", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Coverage and dense floors: (min_coverage, min_dense) or the strong pair."""

    min_coverage: float = 0.5
    min_dense: float = 0.80
    min_coverage_strong: float = 0.3
    min_dense_strong: float = 0.88
    full_coverage: float = 0.9
    min_dense_full: float = 0.78
    min_dense_topic: float = 0.70
    # an English question meets Indonesian passages lower on e5's scale ("Where does Jatin Kumar
    # live?" scores 0.76 against the sentence that names him and his city)
    min_dense_english: float = 0.72
    # the same drop beside min_coverage ("What's the name of the startup Jatin Kumar is
    # building?" scores 0.79 against the sentence that names it)
    min_dense_english_pair: float = 0.74
    # a short question on someone the articles name, every word of it in one passage: e5 scores
    # it low for its few words ("Kumar tinggal di mana?" meets the sentence naming him and his
    # city at 0.775)
    min_dense_named: float = 0.76
    # with an LLM, only questions this far off are refused before asking it
    off_topic_coverage: float = 0.25
    off_topic_dense: float = 0.78

    @classmethod
    def for_embedder(cls, embedder_id: str) -> Thresholds:
        """e5's calibrated floors; other embedders decide on lexical coverage alone."""
        if embedder_id.startswith("e5"):
            return cls()
        return cls(
            min_dense=-1.0,
            min_coverage_strong=1.1,
            min_dense_strong=1.1,
            min_dense_full=-1.0,
            min_dense_topic=-1.0,
            min_dense_english=-1.0,
            min_dense_english_pair=-1.0,
            min_dense_named=-1.0,
            off_topic_dense=-1.0,
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision and what it rests on."""

    outcome: Outcome
    off_topic: bool  # nothing on the subject at all: not even an LLM should be asked
    coverage: float  # best subject coverage among the passages looked at
    dense: float  # dense score of that passage
    missing: tuple[str, ...] = ()  # qualifiers the passages do not speak of (for "partial")
    absent: tuple[str, ...] = ()  # named subjects no article mentions

    @property
    def found(self) -> bool:
        """Answered or partial."""
        return self.outcome != "not_found"


def _placed_at(concept: Concept, question: Question) -> bool:
    """The name follows "di"/"dari" in the question ("lulus … di UPR"): where someone is (a
    country is what is asked of: "pajak di indonesia")."""
    name = re.escape(concept.surface.lower())
    return concept.surface.lower() not in _COUNTRIES and bool(
        re.search(rf"\b(?:di|dari) {name}\b", question.clean)
    )


class Gate:
    """Decides answered / partial / not found from a read question and its passages."""

    def __init__(
        self,
        *,
        lexical: Callable[[], LexicalIndex],
        thresholds: Thresholds | None = None,
        max_passages: int = 8,
    ) -> None:
        self._lexical = lexical
        self.thresholds = thresholds or Thresholds()
        self.max_passages = max_passages

    def weight(self, concept: Concept) -> float:
        """idf weight of a concept: its rarest known term, or the top weight when unknown."""
        index = self._lexical()
        known = [index.idf(t) for t in concept.terms if index.df(t) > 0]
        return min(known) if known else index.max_idf

    def coverage(
        self, concepts: Sequence[Concept], have: set[str], *, related: float = 0.5,
        unknown_floor: float = 0.0,
    ) -> float:
        """Share of the concepts' weight that a set of passage terms expresses.

        Words the corpus never uses count, but not as the rarest of all: a worker's question
        carries many words no news article uses ("kak", "beginian", "day to day"), and they
        say little about whether the articles hold the answer. Each weighs as much as the
        question's average known word (at least `unknown_floor`), or nothing when it is a
        function word; a question of unknown words alone stays uncovered.
        """
        weights = [(c, self.weight(c)) for c in concepts if not _weightless(c)]
        known = [w for c, w in weights if c.known]
        if not known:
            return 0.0
        unknown_weight = max(sum(known) / len(known), unknown_floor)
        total = matched = 0.0
        for facet in _facets([c for c, _w in weights]):
            # "tunjangan gak, kaya BPJS, asuransi": examples of one thing weigh as one, the
            # best said of them
            ws = [(c, w) for c, w in weights if c in facet]
            total += max(w if c.known else unknown_weight for c, w in ws)
            matched += max(w * _match(c, have, related) if c.known else 0.0 for c, w in ws)
        return matched / total

    @staticmethod
    def _unknown_predicate(question: Question) -> bool:
        """A yes/no question whose asked word, the one right before its "nggak", no article uses
        ("Jimeng bisa dipakai gratis nggak?", "akhirnya menang gak tuntutannya?"): the articles
        cannot say yes or no to it, however well they tell the rest."""
        by_position = {c.position: c for c in question.concepts}
        tokens = words(question.clean)
        for i, token in enumerate(tokens):
            # "pas narik gk ada yg nanggung": "tidak ada" tells, it does not ask
            telling = tokens[i + 1 : i + 2] in (["ada"], ["punya"])
            # "halal atau tidak": the word before the "or"
            back = 2 if i >= 2 and tokens[i - 1] in ("atau", "ato", "apa") else 1
            asked = by_position.get(i - back) if token == "tidak" and not telling else None
            if asked is not None and not (
                asked.known or asked.entity or asked.qualifier or _weightless(asked)
            ):
                return True  # (a word of the asker's story, "rutin ora iso telat", asks nothing)
        return False

    @staticmethod
    def _unknown_measure(question: Question) -> bool:
        """What a how-much question measures, the word after its "berapa", is a word no article
        uses ("brp persen", "berapa besaran zakat fitrah", "brp seliter"): no figure in the
        articles is an amount of it, whatever else the question shares with them."""
        if question.kind != "how_much":
            return False
        tokens = words(question.clean)
        if "berapa" not in tokens:
            return False
        after = tokens[tokens.index("berapa") + 1 :]
        return _unknown_word(question, next((t for t in after if t not in _MEASURE_FRAME), None))

    @staticmethod
    def _unknown_deed(question: Question) -> bool:
        """What the person a who-question asks for did, the word beside its "siapa", is a word
        no article uses ("siapa yg diterima jadi manajer", "nerima siapa"): nobody the articles
        name did that, whoever else they name."""
        if question.kind != "who":
            return False
        tokens = words(question.clean)
        if "siapa" not in tokens:
            return False
        at = tokens.index("siapa")
        # "siapa yang X": X is what they did ("siapa jabatannya", a follow-up joined without
        # its comma, asks something else)
        relative = tokens[at + 1 : at + 2] == ["yang"]
        after = (
            next((t for t in tokens[at + 2 :] if t not in _DEED_FRAME), None) if relative
            else None
        )
        if re.search(r"\bsiapa\s*[?,.!;]", question.text, re.IGNORECASE):
            after = None  # "itu siapa? yg dosen kampus mana": the next question's words
        # the verb right before it ("nerima siapa"); past "itu" or "sama" the words before
        # describe the person ("yg ngejelasin itu siapa") or a partner ("kerjasama sm siapa")
        before = tokens[at - 1] if at and tokens[at - 1] not in _DEED_FRAME else None
        return _unknown_word(question, after) or _unknown_word(question, before)

    @staticmethod
    def _unknown_listed(question: Question) -> bool:
        """What a list question asks to be listed, the noun before its "apa saja" (or before the
        "yang …" that describes it), is a word no article uses and the first thing asked
        ("pinjol yg legal apa aja"): no article lists any of them, whatever else it shares."""
        if question.kind != "list":
            return False
        tokens = words(question.clean)
        at = next(
            (i for i, t in enumerate(tokens) if t == "apa" and i
             and tokens[i + 1 : i + 2] in (["saja"], ["aja"])),
            None,
        )
        if at is None:
            return False
        before = [i for i in range(max(0, at - 5), at) if tokens[i] == "yang"]
        head_at = before[-1] - 1 if before else at - 1
        while head_at >= 0 and tokens[head_at] in _DEED_FRAME:
            head_at -= 1
        if head_at < 0:
            return False
        first = min(
            (c for c in question.subject if not c.background and not _weightless(c)),
            key=lambda c: c.position, default=None,
        )
        # the listed thing's words: up to two more before its last ("arisan online yg …")
        phrase = tokens[max(0, head_at - 2) : head_at + 1]
        # (a word the glossary knows, "sampingan", is the domain's own, only worded otherwise)
        return bool(
            first is not None and first.surface.lower().split()[0] in phrase
            and first.position <= head_at and not first.glossary
            and _unknown_word(question, first.surface.lower().split()[0])
        )

    @staticmethod
    def _unknown_existence(question: Question) -> bool:
        """A yes/no question asks whether something exists, and that thing, the word after its
        "ada", is a word no article uses ("perusahaan AI ada kuota khusus disabilitas gak?"):
        the articles cannot say there is one, whatever else they share with the question."""
        if question.kind != "yesno":
            return False
        tokens = words(question.clean)
        for at, token in enumerate(tokens):
            if token != "ada":
                continue
            # asked, not told ("ada pemuda di desa kami yang …"): "apakah ada …", "ada … gak?"
            asked = (
                {"apa", "apakah"} & set(tokens[max(0, at - 5) : at])
                or tokens[at + 1 : at + 2] in (["tidak"], ["kah"], ["gak"])
                or tokens[-1:] in (["tidak"], ["belum"], ["kah"])
                # "ada kursus gratis … gak? di Malang atau Surabaya": the tag closes the asking
                # and a place or an alternative follows ("… (tidak di kantor)" tells)
                or bool(_TAG_ASKED.search(question.text)) and any(
                    tokens[j] == "tidak" and tokens[j + 1 : j + 2] in _AFTER_TAG
                    for j in range(at + 1, len(tokens))
                )
            )
            if not asked:
                continue
            start = next(
                (j for j in range(at + 1, len(tokens)) if tokens[j] not in _EXISTENCE_FRAME), None
            )
            if start is not None and _unknown_thing(question, tokens, start):
                return True
        return False

    @staticmethod
    def _unknown_year(question: Question) -> bool:
        """The question is about a year no article mentions ("PHK massal tahun 2024", "tahun
        2024 bayarannya naik jadi brp"): whatever the articles tell happened in another year.
        A year in the asker's own story ("saya lulus 2024") is no such time."""
        return any(
            _YEAR.fullmatch(c.surface) and not c.known and not c.background
            for c in question.subject
        )

    @staticmethod
    def _unknown_of_a_name(question: Question) -> bool:
        """A question on someone the articles name whose every other word no article uses
        ("Savreux suka makan apa?", "Kumar hobinya apa?"): what is asked of them the
        articles never tell, however well the name matches. (Not in English, whose words the
        lexicon may simply lack: "when was chatgpt released"; nor who, where or when, whose
        answer is a person, a place or a date however the question frames it: "partnership on ai
        kantornya dmn", "oke mksh, sonam jindal itu siapa".)"""
        if question.kind not in ("what", "how_much") or question.parts or question.english:
            return False
        # "tiktok am douyin ntu punyanya sapa": whose it is asks of the name itself
        rest = [
            c for c in question.subject
            if not c.entity and not _weightless(c) and _base(c.surface.lower()) not in _WHOSE
        ]
        return bool(rest) and all(not c.known for c in rest) and any(
            c.entity and c.known for c in question.subject
        )

    @staticmethod
    def _unknown_manner(question: Question) -> bool:
        """What a how-question asks the way of, the thing right before its "bagaimana" ("…,
        pajaknya gmn? hrs lapor kmn", "pajaknyo baa?"), is a word no article uses: the
        articles tell nothing of it, whatever the asker's story shares with them. A thing is
        a root word with "-nya"; a deed ("bitdens nanganinnya gimana") asks how it was done."""
        if question.kind != "howto":
            return False
        tokens = words(question.clean)
        return any(
            token == "bagaimana" and n and tokens[n - 1].endswith("nya")
            and is_root_word(tokens[n - 1][:-3]) and _unknown_word(question, tokens[n - 1])
            for n, token in enumerate(tokens)
        )

    @staticmethod
    def _unknown_possession(question: Question) -> bool:
        """The question opens on someone's kin that no article mentions ("istrinya kerja
        apa?", "pacarnya siapa"): what is asked is that person, whom the articles never tell
        of. (Any "-nya" word would be too much: "isunya", "rate-nya" only point at the topic.)"""
        if question.kind not in ("what", "who", "where", "how_much", "when"):
            return False
        head = min(
            (c for c in question.subject if not _weightless(c)),
            key=lambda c: c.position,
            default=None,
        )
        return bool(
            head is not None and not head.known and not head.entity
            and head.surface.lower().endswith("nya")
            and head.surface.lower()[:-3] in _KIN
        )

    def decide(self, question: Question, passages: Sequence[Passage]) -> Verdict:
        """The verdict for a question over its retrieved passages."""
        t = self.thresholds
        if question.english:
            t = replace(t, min_dense=min(t.min_dense, t.min_dense_english_pair))
        subject = question.subject or question.concepts
        if asks_where(question):
            # "tinggal di kota mana": the asking frame; the answer says "di Austin, Texas"
            subject = tuple(c for c in subject if not c.terms <= WHERE_FRAME) or subject
        absent = _adjacent_joined([
            c for c in subject if c.entity and not c.known
            # a question of nothing but the asker's situation: the town they live in is theirs
            # ("aku baru lulus … di palembang, bisa ga aku kerja ngelatih AI?"), not asked about
            # (the country is: "kudu bayar pajak di indonesia?"); so is the town, school or
            # workplace the story puts them at ("lulus kuliah … di Metro", "di UPR palangka")
            and (question.subject or not (is_town(c.surface) or _placed_at(c, question)))
        ])
        if question.kind == "topic":
            # one or two words: a word no article uses is the topic itself ("togel hari ini")
            absent += tuple(c.surface for c in subject if not c.known and not c.entity)
        looked = list(passages[: self.max_passages])
        if not looked or not subject:
            return Verdict("not_found", True, 0.0, 0.0, absent=absent)
        # ("bagaimana hukumnya, halal atau tidak?" asks its yes or no whatever its kind)
        yes_no = question.kind == "yesno" or bool(_OR_NOT.search(question.clean))
        if (yes_no and self._unknown_predicate(question)) or (
            self._unknown_possession(question)
        ):
            # a question of nothing but words no article uses ("sesuk udan ora ning
            # indramayu?") is off-topic, not for an LLM either
            return Verdict("not_found", not any(c.known for c in subject), 0.0, 0.0)
        haves = [_terms_of(p) for p in looked]
        if ages := {t for c in subject if c.terms & AGE_TERMS for t in c.terms}:
            # "Kumar umur brp": "Jatin Kumar, 22 tahun di Austin" tells an age without "usia"
            haves = [have | ages if tells_age(p.text) else have for have, p in zip(
                haves, looked, strict=True
            )]
        # "cara bikin sambal matah", "enaknya dikasih pelumas apa": words no article uses around
        # the one word they do use; the average known weight would make that verb a third or a
        # half of the question, so they weigh as the rarest word. A name the articles use,
        # asked about in other words ("partnership on ai kantornya dimana"), is no such verb.
        lone = [c for c in question.concepts if c.known and not _weightless(c)]
        floor = self._lexical().max_idf if len(lone) < 2 and not any(
            c.entity for c in lone
        ) else 0.0
        covs = [self.coverage(subject, have, unknown_floor=floor) for have in haves]
        spoken = set().union(*haves)
        denses = [p.dense if p.dense is not None else 0.0 for p in looked]
        best_cov, best_dense = max([(0.0, 0.0), *zip(covs, denses, strict=True)])
        on_a_name = any(c.entity and c.known for c in subject)
        answered = _passes(best_cov, best_dense, t) or (
            # every concept of the subject in one passage: strong lexical evidence, and short or
            # English questions score lower on e5's dense scale
            best_cov >= t.full_coverage
            and best_dense >= (
                t.min_dense_topic if question.kind == "topic"
                else t.min_dense_english if question.english
                else t.min_dense_named if on_a_name
                else t.min_dense_full
            )
        )
        if not answered and (
            question.kind in ("list", "compare", "topic") or question.parts or question.personal
        ):
            # several facts from several articles (a list, a comparison, a worker's situation:
            # who is hired, what it pays, whether others did it): together they must cover it
            cov = self.coverage(subject, set().union(*haves), unknown_floor=floor)
            dense = max(denses)
            if _passes(cov, dense, t):
                answered, best_cov, best_dense = True, cov, dense
        related: tuple[str, ...] = ()
        if not answered and not question.parts and question.kind in _RELATED_KINDS:
            # "pelatih AI dapet THR ga?": the article says "tanpa tunjangan", a kind of the
            # thing asked but not the thing itself: a partial answer that says so is what a
            # worker wants, a refusal is not
            full = [
                self.coverage(subject, have, related=1.0, unknown_floor=floor) for have in haves
            ]
            i = max(range(len(full)), key=lambda j: (full[j], denses[j]))
            named = _said_otherwise(subject, haves[i])
            # only when that is the one gap: "BPJS ketenagakerjaan di Indonesia" asks more
            if len(named) == 1 and _passes(full[i], denses[i], t) and not _unspoken(
                question.qualifiers, spoken
            ):
                answered, best_cov, best_dense = True, full[i], denses[i]
                # "pakai alat apa" answered by "dengan laptop": the kind asked for, named by
                # one of its kind, is answered, not said otherwise
                related = tuple(r for r in named if not _kind_asked(r, question.clean))
        near = any(
            cov >= t.off_topic_coverage and dense >= t.off_topic_dense
            or on_a_name and cov >= t.full_coverage and dense >= t.min_dense_named
            for cov, dense in zip(covs, denses, strict=True)
        )
        off_topic = bool(absent) or not near
        per_part = bool(question.parts) and question.kind in _BOUND_PER_PART
        if answered and not per_part and not figure_is_bound(question, looked):
            answered = False
        if answered and per_part:
            # "namanya siapa terus kuliah di mana": each part asks its own kind of figure, and
            # the whole message read as one figure would ask both of one sentence ("how much
            # does Invisible Tech pay …, and who are their clients?")
            index = self._lexical()
            answered = all(figure_is_bound(read(part, index), looked) for part in question.parts)
        if answered and (
            self._unknown_measure(question) or self._unknown_deed(question)
            or self._unknown_listed(question) or self._unknown_existence(question)
            or self._unknown_year(question) or self._unknown_of_a_name(question)
            or self._unknown_manner(question)
        ):
            # decided after the rest: whether it is off-topic (not even for an LLM) stands
            answered = False
        if absent or not answered:
            return Verdict("not_found", off_topic, best_cov, best_dense, absent=absent)
        # "not about X" only when no passage looked at speaks of X ("level pemula" may stand in
        # another passage than the best one)
        if not related and not question.parts and question.kind in _RELATED_KINDS:
            # "bisa ikut BPJS ketenagakerjaan ga?" answered by "asuransi … jarang": no passage
            # looked at names BPJS itself, and the answer says so
            related = tuple(
                r for r in _said_otherwise(subject, spoken) if not _kind_asked(r, question.clean)
            )
        missing = related + _name_runs(
            _unspoken(question.qualifiers, spoken, words(question.clean)), question.clean
        )
        # "savreux sebulan dapat brp": the articles give $15 per jam, never a monthly sum
        if periods := unpaid_periods(question, looked):
            missing += ("bayaran per " + " dan per ".join(periods),)
        index = self._lexical()
        if asked := tuple(m for m in missing if _country_asked_of(question, m, index)):
            # "di Indonesia udah ada serikat pekerja AI?": what happens in a country no
            # article speaks of is not told by what happens in Kenya
            return Verdict("not_found", False, best_cov, best_dense, absent=asked)
        if missing and _story_untold(question, subject, spoken):
            # "akun dana kite keblokir abis salah pin, kepriben bukae": the asker's story is the
            # topic, no article speaks of any of it, and what is asked of it ("open it") is no
            # topic of the articles either
            return Verdict("not_found", False, best_cov, best_dense)
        outcome: Outcome = "partial" if missing else "answered"
        return Verdict(outcome, False, best_cov, best_dense, missing=missing)


@lru_cache(maxsize=1)
def _topic_stems() -> frozenset[str]:
    """The attributes workers ask about and the glossary's labour words, as stems."""
    return topic_terms() | {t for w in labour_words() for t in terms(w)}


def _story_untold(question: Question, subject: Sequence[Concept], spoken: set[str]) -> bool:
    """The question asks one plain word of the asker's story, and the passages speak of at
    most a third of the story's words, none of them a topic of the articles ("habis", "kali")."""
    topics = _topic_stems()
    quals = [c for c in question.qualifiers if not c.background and not _weightless(c)]
    told = [c for c in quals if c.terms & spoken]
    return (
        len(subject) == 1 and not subject[0].entity and not subject[0].terms & topics
        and len(quals) >= 3 and 3 * len(told) <= len(quals)
        and not any(c.entity or c.terms & topics for c in told)
    )


def unspoken(question: Question, passages: Sequence[Passage]) -> tuple[str, ...]:
    """What a question asks that none of the passages speaks of, named in the worker's words
    (the other question of a two-question message, when only one is answered)."""
    spoken = set().union(*(_terms_of(p) for p in passages)) if passages else set()
    asked = [replace(c, qualifier=True, background=False) for c in question.concepts]
    return _name_runs(_unspoken(asked, spoken, words(question.clean)))


def _facets(concepts: Sequence[Concept]) -> list[list[Concept]]:
    """Concepts grouped by what they mean: a glossary word and the words it stands for
    ("BPJS" is "asuransi … tunjangan") are one facet of the question, not three."""
    facets: list[list[Concept]] = []
    for c in concepts:
        joined = [f for f in facets if c.known and any(
            o.known and (c.glossary or o.glossary) and c.terms & o.terms for o in f
        )]
        merged = [c] + [o for f in joined for o in f]
        facets = [f for f in facets if f not in joined] + [merged]
    return facets


def _weightless(concept: Concept) -> bool:
    """A word of stance ("beneran", "pengen") or an unknown word that is only the sentence's
    glue ("dulu", "sampai", "punya"): it says nothing about the topic."""
    if concept.terms <= _STANCE:
        return True
    return not concept.known and {
        _base(w) for w in concept.surface.lower().split()
    } <= function_words()


def _base(word: str) -> str:
    """A word without the clitic a chat adds to any word ("dulunya", "bukankah", "itulah")."""
    for clitic in ("nya", "lah", "kah"):
        if word.endswith(clitic) and len(word) > len(clitic) + 2:
            return word[: -len(clitic)]
    return word


def _passes(cov: float, dense: float, t: Thresholds) -> bool:
    return (cov >= t.min_coverage and dense >= t.min_dense) or (
        cov >= t.min_coverage_strong and dense >= t.min_dense_strong
    )


def _terms_of(passage: Passage) -> set[str]:
    return set(passage.tokens.split()) | set(terms(passage.title))


# "ilmu komputer di semarang": a place word ends a description; the place is a thing of its own
_PLACE_WORDS = frozenset({"di", "ke", "dari", "in", "at", "from"})


def _unspoken(
    qualifiers: Sequence[Concept], spoken: set[str], said: Sequence[str] = ()
) -> list[Concept]:
    """The qualifiers no passage speaks of, with the spoken words that lead into them: "ibu
    rumah tangga lulusan SMA" and "dokter umum" are one description each, even though "lulusan"
    and "dokter" are in an article. `said` (the question's words) stops a lead-in at "di":
    "kuliah ilmu komputer di Semarang" misses Semarang, not the computer science an article names.
    """
    quals = sorted(
        (c for c in qualifiers if not c.background and not _weightless(c)),
        key=lambda c: c.position,
    )
    absent = [not (c.terms & spoken) for c in quals]

    def leads_in(i: int) -> bool:
        return any(
            absent[j] and quals[j].position - quals[i].position <= 2
            and not _PLACE_WORDS.intersection(said[quals[i].position + 1 : quals[j].position])
            for j in range(i + 1, len(quals))
        )

    return [c for i, c in enumerate(quals) if absent[i] or leads_in(i)]


_OR_NOT = re.compile(r"\b(?:atau|ato|apa) (?:tidak|belum|bukan)\b")


# countries a worker may ask about; the asker's own city ("sy ojol di Medan") is their story
_COUNTRIES = frozenset({
    "indonesia", "malaysia", "singapura", "filipina", "thailand", "vietnam", "india", "jepang",
    "korea", "taiwan", "hongkong", "hong kong", "arab saudi", "saudi", "australia", "brunei",
    "timor leste",
})
_LANGUAGE = re.compile(r"\b(?:bahasa|bhs|basa|bahasanya)\s+$")


# figures each region sets for itself: a town's is what is asked, not the asker's whereabouts
_REGIONAL_FIGURE = re.compile(
    r"\b(?:umr|ump|umk|upah minimum|upah minimal|gaji minimum)(?:-?nya)?\b"  # ("UMK nya")
)
# a reason the asker gives for asking: what follows is their guess, not the question
_BECAUSE = frozenset({"soalnya", "karena", "sebab", "padahal", "abisnya"})


def _country_asked_of(question: Question, place: str, vocab: LexicalIndex) -> bool:
    """The question asks what happens in a country ("di Indonesia ada serikat pekerja AI?",
    "gaji annotator di indo brp"), not where the asker is ("sy di Indonesia, bisa daftar?"):
    no first person in the sentence naming it. "Bahasa Indonesia" is a language."""
    # (a town too, when a figure set for each region is asked of it: "UMR di Aceh Tengah brp",
    # "… mau sy bandingin sama gaji pelatih AI"; a trainer's pay "di Banda Aceh" is told, only
    # not for that town)
    if place.lower() not in _COUNTRIES and not (
        question.kind in ("how_much", "compare") and is_town(place)
        and _REGIONAL_FIGURE.search(question.clean)
    ):
        return False
    for sentence in re.split(r"(?<=[.?!\n])", question.text):
        said = clean_words(sentence, vocab)  # spelled as the question was ("indo")
        at = next((i for i, w in enumerate(said) if " ".join(said[i : i + 2]).startswith(
            place.lower()
        )), None)
        if at is None:
            continue
        if set(said[:at]) & _BECAUSE:
            continue  # "…? ada yg dari negara lain gak, soalnya gak ada yg di indo ya": a reason
        return not set(said) & (FIRST_PERSON | {"kami"}) and not _LANGUAGE.search(
            " ".join(said[:at]) + " "
        )
    return False


def _unknown_word(question: Question, said: str | None) -> bool:
    """The question's concept opening on `said` is a weighty word no article uses, neither a
    name nor the asker's story: what the measure and deed rules ask about."""
    concept = next(
        (c for c in question.concepts if said and c.surface.lower().split()[0] == said), None
    )
    return bool(
        concept is not None and not concept.known and not concept.entity
        and not concept.background and not concept.qualifier and not _weightless(concept)
    )


def _unknown_thing(question: Question, tokens: Sequence[str], start: int) -> bool:
    """The thing named from word `start` on, its head and the words that describe it without
    a break ("pelatihan gratis"), holds a weighty word no article uses: "pelatihan" alone is
    in the articles, free training for workers is not."""
    if _unknown_word(question, tokens[start]):
        return True
    head = next(
        (c for c in question.concepts if c.position == start and c.known and not c.entity), None
    )
    if head is None:
        return False
    end = start + len(head.surface.split())
    following = next((c for c in question.concepts if c.position == end), None)
    return following is not None and _unknown_word(question, tokens[end])


# "punyanya siapa", "milik siapa": whose a named thing is (not question.py's `_OWNING`, the
# verbs telling which company is meant by what it owns)
_WHOSE = frozenset({"punya", "milik", "pemilik", "kepunyaan", "owner"})
# "saya tinggal di indo": where the asker lives is named by the place alone
_LIVING = frozenset(terms("tinggal domisili berdomisili menetap"))


def _adjacent_joined(names: Sequence[Concept]) -> tuple[str, ...]:
    """Unknown names side by side are one name ("Banda Aceh", not "Banda dan Aceh")."""
    runs = concept_runs(sorted(names, key=lambda c: c.position), gap=1)
    return tuple(" ".join(c.surface for c in run) for run in runs)


def _name_runs(concepts: Sequence[Concept], clean: str = "") -> tuple[str, ...]:
    """Adjacent uncovered qualifiers named together ("ibu rumah tangga lulusan SMA"), without
    the words that only carry the sentence ("sudah 3 tahun" names nothing); a full stop ends a
    run ("pensiunan PNS. Anak saya …" names two things)."""
    glue = function_words()
    runs = concept_runs(concepts, gap=2)
    named = (
        [
            c for c in run
            if not (
                c.terms <= FILLER | _LIVING or c.surface.isdigit() or c.surface.lower() in glue
            )
        ]
        for run in runs
    )
    out: list[str] = []
    for words_ in named:
        if words_:
            out.append(_named(words_, clean))
            if out[-1].endswith(" Anda"):
                break  # what follows tells more of that person's situation
    return tuple(out[:3])


# whose situation a worker passes on ("anak saya baru diwisuda …", "sa pu ade"): named as theirs
# (kin but not a parent the asker may be: "ibu rumah tangga" is the asker herself)
_RELATIVES = (_KIN - {"ayah", "bapak", "ibu", "keluarga", "tunangan"}) | {
    "adek", "keponakan", "ponakan", "sepupu", "teman", "temen", "kawan", "sahabat", "tetangga",
    "saudara", "sodara",
}


def _capitalised_places(said: list[str]) -> list[str]:
    """A place of data/places.txt typed in lowercase ("di indo", read as "indonesia") named back
    with its capitals."""
    out = list(said)
    i = 0
    while i < len(out):
        for n in (3, 2, 1):
            piece = out[i : i + n]
            if len(piece) == n and all(w.islower() for w in piece) and " ".join(piece) in places():
                out[i : i + n] = [w.capitalize() for w in piece]
                i += n - 1
                break
        i += 1
    return out


def _named(run: Sequence[Concept], clean: str = "") -> str:
    """A run of words as the answer names it: "anak diwisuda" is "keadaan anak Anda"; in "saya
    anak nelayan" the asker is the child, and the run is named as said."""
    said = _capitalised_places([c.surface for c in run])
    head = said[0].lower()
    own = re.search(rf"\b(?:saya|aku|gue|gua|gw) {re.escape(head)}\b", clean) is not None
    if head in _RELATIVES and not own and not (len(said) > 1 and said[1].lower() == "magang"):
        return f"{head} Anda" if len(said) == 1 else f"keadaan {head} Anda"
    return " ".join(said)


def _match(concept: Concept, have: set[str], related: float = 0.5) -> float:
    """1 when the passage says the concept in its own words, `related` through the glossary."""
    if not concept.terms & have:
        return 0.0
    if concept.glossary and not (concept.own & have):
        return related
    return 1.0


def _kind_asked(surface: str, clean: str) -> bool:
    """The question asks which one of a kind ("alat apa", "alatnya apa", "asuransi apa saja"): a
    passage naming one of the kind answers it."""
    # not "dapat THR apa tidak", a yes-or-no
    said = (
        rf"\b{re.escape(surface.lower())}(?:nya)? apa(?:an)?\b"
        r"(?! (?:tidak|belum|bukan|nggak|gak|ga)\b)"
    )
    return re.search(said, clean) is not None


def _said_otherwise(subject: Sequence[Concept], have: set[str]) -> tuple[str, ...]:
    """The subject words a passage speaks of only through a related glossary word ("THR" where
    the article says "tanpa tunjangan")."""
    return tuple(
        c.surface for c in subject
        if c.known and c.glossary and c.terms & have and not (c.own & have)
    )
