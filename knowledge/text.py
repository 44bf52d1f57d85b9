"""Indonesian text handling shared by ingest and retrieval: sentences, tokens, stems.

The same `terms()` runs on article chunks at ingest time (stored with each chunk so the lexical
index loads without re-stemming) and on questions at query time, so both sides always agree.
Sastrawi does the stemming; a small lexicon maps colloquial and English words to the forms the
articles use ("gede" -> "besar", "salary" -> "upah").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

# A dotted abbreviation ("Ph.D.", "S.Pd.", "M.Sc") is one word, as a worker types it ("PhD"):
# short letter groups joined by dots, ending in a dot or a single letter, so that a missing
# space after a sentence ("pakai AI.Di Kenya") is not read as one.
_DOTTED = r"(?:[^\W\d_]{1,2}\.)+(?:[^\W\d_]{1,2}\.|[^\W\d_](?![^\W\d_]))"
_WORD = re.compile(
    r"[0-9]+(?:[.,][0-9]{3})+(?![0-9])|[0-9]+(?:[.,][0-9]+)?|"
    + _DOTTED
    + r"|[^\W\d_]+(?:-[^\W\d_]+)*"
)
_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")
# An em or en dash between words is a break in the sentence ("model AI—yaitu, informasi
# palsu"), not a hyphen joining one word: read as a space, or "AI" and "yaitu" are lost in
# "ai-yaitu"
_DASH_BREAK = re.compile(r"\s*[\u2013\u2014]\s*")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "rp",
    "dll",
    "dsb",
    "dst",
    "no",
    "dr",
    "drs",
    "ir",
    "prof",
    "mr",
    "mrs",
    "ms",
    "st",
    "jl",
    "tn",
    "ny",
    "sdr",
    "bpk",
    "kec",
    "kab",
    "kel",
    "tel",
    "tlp",
    "hlm",
    "vol",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "ph",
    "d",
    "s",
    "u",
    "a.s",
    "sd",
    "smp",
    "sma",
    "pt",
    "cv",
    "tbk",
    "m",
    "k",
}
_US = re.compile(r"\bAS\b")  # Amerika Serikat, as Indonesian news writes it
_SENT_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """A hash of everything `terms()` depends on: this module and its word lists.

    Chunks keep the terms they were given at ingest time, so an index built before an upgrade
    that changed these rules would no longer match the questions' terms; ingest compares this
    fingerprint with the one the index was built with and rebuilds when they differ.
    """
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for name in ("lexicon.txt", "phrases.txt", "stopwords.txt"):
        digest.update(resources.files("knowledge.data").joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def _read_lines(name: str) -> list[str]:
    text = resources.files("knowledge.data").joinpath(name).read_text(encoding="utf-8")
    return [
        line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()
    ]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words, question words and chat particles."""
    return frozenset(word for line in _read_lines("stopwords.txt") for word in line.split())


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Our stopwords plus Sastrawi's Indonesian stop-word list (Tala's), which also holds words
    that carry a topic in this corpus ("kerja", "jam", "tanpa"): only for telling whether a word
    the articles never use is a topic or the sentence's glue ("dulu", "sampai", "punya")."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return stopwords() | frozenset(StopWordRemoverFactory().get_stop_words())


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """variant -> canonical form."""
    pairs = (line.split() for line in _read_lines("lexicon.txt"))
    return {p[0]: p[1] for p in pairs if len(p) == 2}


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


def sastrawi_root(word: str) -> str:
    """Sastrawi's root of one lowercase word, before the lexicon ("petunjuk" -> "tunjuk")."""
    return _stemmer().stem(word) or word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Sastrawi stem of one lowercase word, mapped through the lexicon."""
    lex = lexicon()
    if word in lex:
        canonical = lex[word]
        if canonical.isalpha() and canonical not in lex and canonical not in stopwords():
            # "conversation" -> "percakapan", which the articles' "percakapan" stems to: "cakap"
            stemmed = sastrawi_root(canonical)
            return lex.get(stemmed, stemmed)
        return canonical
    if not word.isalpha() and "-" not in word:
        return word
    if "-" in word:  # "AI-nya", "gara-gara": stem the parts, keep reduplication as one form
        parts = [p for p in word.split("-") if p]
        if len(parts) == 2 and parts[0] == parts[1]:
            return stem(parts[0])
        parts = [stem(p) for p in parts if p not in ("nya", "lah", "kah")]
        if len(set(parts)) == 1:
            return parts[0]  # "nama-namanya", "orang-orangnya": the root, as "nama-nama" is
        return "-".join(p for p in parts if p)
    stemmed = _stemmer().stem(word) or word
    if stemmed == word and word.endswith("nya") and (word[:-3] in lex or len(word) > 6):
        # "gamenya", "promptnya", "karyawannya": Sastrawi keeps -nya on a borrowed word, or on
        # one its dictionary lacks as a root ("karyawan" is "karya" + "-wan"); the word without
        # it is the one to match
        return stem(word[:-3])
    return lex.get(stemmed, stemmed)


def normalize(text: str) -> str:
    """NFKC, straight quotes, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"[ \t\r\f\v]+", " ", text).strip()


def words(text: str) -> list[str]:
    """Lowercase word and number tokens; "900.000" -> "900000".

    "AS" in capitals, in a text that is not all capitals, is Indonesian for the United States
    ("di AS"), not English "as": it becomes the two words of "Amerika Serikat".
    """
    text = normalize(_DASH_BREAK.sub(" ", text))
    if "AS" in text and re.search(r"[a-z]", text):
        text = _US.sub("Amerika Serikat", text)
    out = []
    for match in _WORD.finditer(text.lower()):
        token = match.group(0)
        if token[0].isdigit():
            token = _THOUSANDS.sub("", token)
        elif "." in token:
            token = token.replace(".", "")
        out.append(token)
    return out


@lru_cache(maxsize=1)
def phrases() -> dict[str, list[tuple[str, ...]]]:
    """Multi-word names read as one unit, keyed by their first word, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for line in _read_lines("phrases.txt"):
        parts = tuple(words(line))
        if len(parts) > 1:
            table.setdefault(parts[0], []).append(parts)
    for entries in table.values():
        entries.sort(key=len, reverse=True)
    return table


def join_phrases(tokens: list[str]) -> list[str]:
    """Tokens with every listed multi-word name joined by "_" ("amerika_serikat")."""
    table = phrases()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for phrase in table.get(tokens[i], ()):
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                out.append("_".join(phrase))
                i += len(phrase)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def terms(text: str) -> list[str]:
    """Stemmed content terms (stop words dropped), the unit of lexical matching."""
    stop = stopwords()
    out = []
    for word in join_phrases(words(text)):
        if "_" in word:
            out.append(word)
            continue
        if word in stop:
            continue
        term = stem(word)
        if term and term not in stop and (len(term) > 1 or term.isdigit()):
            out.append(term)
    return out


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph-structured text; each line break ends a sentence too."""
    sentences: list[str] = []
    for line in normalize_lines(text):
        start = 0
        for match in _SENT_END.finditer(line):
            before = line[start : match.start()].rstrip("\"'”’)]")
            last = before.rsplit(" ", 1)[-1].rstrip(".").lower()
            nxt = line[match.end() : match.end() + 1]
            if last in _ABBREV or (nxt and nxt.islower()):
                continue
            piece = line[start : match.end()].strip()
            if piece:
                sentences.append(piece)
            start = match.end()
        tail = line[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


def normalize_lines(text: str) -> list[str]:
    """Non-empty normalised lines."""
    return [line for line in (normalize(raw) for raw in text.splitlines()) if line]
