"""Reading an LLM's reply: did it refuse, did it answer only in part, and is it phone-sized?

Why not trust the marker alone: models asked to answer "TIDAK_ADA_JAWABAN" often write a polite
sentence instead ("Kutipan tidak menyebutkan UMR Jakarta.", "The passages do not mention it.").
That sentence is the model's judgement that the articles hold no answer, so it must give
`found` false rather than fall back to an extractive answer that overrides the judgement.

Three readings, by sentence:
- *refusal*: every sentence only says the passages lack the answer (no "tetapi/but" followed by
  what they do say);
- *partial*: the reply opens with such a statement and then gives what the passages say
  ("Artikel tidak membahas ibu rumah tangga secara khusus, tetapi … [1]");
- *answer*: anything else.

And a cap: a runaway reply (tens of thousands of characters) is cut at the last sentence end
that fits, before citations are checked, so the sources match what is shown.
"""

from __future__ import annotations

import re
from typing import Literal

Reading = Literal["refusal", "partial", "answer"]

_ID_SUBJECT = r"(?:kutipan|artikel|teks|bacaan|informasi|keterangan|sumber)"
_ID_VERB = (
    r"(?:memuat|menyebut(?:kan)?|membahas|berisi|mengandung|menjelaskan|memberi(?:kan)?|"
    r"mencantumkan|menyinggung|mengatakan|menyediakan|menjawab|mengulas|merinci)"
)
_EN_SUBJECT = (
    r"(?:passages?|excerpts?|articles?|sources?|context|texts?|documents?|quotes?|"
    r"(?:provided\s+)?information)"
)
_EN_VERB = (
    r"(?:contain|mention|say|state|specify|cover|include|provide|address|discuss|give|answer|"
    r"describe|explain|tell)"
)
# Between the subject and the negation: a few words, but no reporting verb ("the article says
# that companies do not provide …" is a fact, not a refusal).
_GAP = (
    r"(?:(?!\b(?:bahwa|that|says?|said|states?|reports?|menurut|menyebut\w*|mengatakan|"
    r"melaporkan|according)\b)[^.!?\n]){0,50}?"
)
_REFUSAL = re.compile(
    "|".join([
        # "Kutipan (yang diberikan) tidak menyebutkan …", "Artikel tidak membahas … secara khusus"
        rf"\b{_ID_SUBJECT}\b{_GAP}\b(?:tidak|tak|belum)\s+"
        rf"(?:secara\s+\w+\s+)?{_ID_VERB}\b",
        r"\b(?:tidak|tak|belum)\s+(?:ada|terdapat|ditemukan)\s+(?:informasi|keterangan|"
        r"penjelasan|jawaban|rincian|detail|info|data)\b",
        r"\b(?:tidak|tak|belum)\s+(?:disebutkan|dibahas|dijelaskan|tercantum|disinggung|"
        r"dirinci)\b",
        r"\b(?:tidak|tak)\s+(?:dapat|bisa)\s+(?:menemukan|menjawab|memastikan)\b",
        # "Informasi soal UMR tidak tersedia", "… tidak ditemukan dalam kutipan"
        rf"\b(?:informasi|keterangan|jawaban)\b{_GAP}\b(?:tidak|tak|belum)\s+"
        r"(?:tersedia|ada|ditemukan)\b",
        r"\b(?:tidak|tak|belum)\s+(?:tersedia|ditemukan|ada|disebut(?:kan)?|dibahas)\s+"
        rf"(?:dalam|di|pada)\s+(?:\w+\s+){{0,2}}?{_ID_SUBJECT}\b",
        r"\bsaya\s+(?:tidak|tak|belum)\s+(?:tahu|menemukan)\b",
        # "The passages do not mention …", "The articles don't specifically cover …"
        rf"\b{_EN_SUBJECT}\b{_GAP}\b(?:do|does|did)\s*(?:not|n't)\s+"
        rf"(?:\w+ly\s+)?{_EN_VERB}\b",
        r"\b(?:no|not\s+any)\s+(?:information|mention|details?|answer)\b",
        rf"\bnone\s+of\s+the\s+(?:provided\s+|given\s+)?{_EN_SUBJECT}\b",
        rf"\bnot\s+(?:found\s+|mentioned\s+|covered\s+)?in\s+the\s+(?:provided\s+|given\s+)?"
        rf"{_EN_SUBJECT}\b",
        r"\b(?:is|are|was|were)\s*(?:not|n't)\s+(?:\w+ly\s+)?(?:mentioned|covered|specified|"
        r"stated|discussed|provided|given|addressed)\b",
        r"\bI\s+(?:do\s+not|don't|cannot|can't|could\s+not|couldn't)\s+(?:know|find|answer|"
        r"determine)\b",
    ]),
    re.IGNORECASE,
)
# After a refusal clause, these words bring what the passages do say.
_CONTRAST = re.compile(
    r"\b(?:tetapi|tapi|namun|meski(?:pun)?|walau(?:pun)?|hanya|but|however|although|though|"
    r"only|yet)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…](?:\s*\[[\d,\s\-–]+\])*(?=\s|$)|\n")
_CITATION = re.compile(r"\[\s*\d")


def sentences(text: str) -> list[str]:
    """The reply's sentences (citations after a full stop stay with their sentence)."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        piece = text[start:match.end()].strip()
        if piece:
            out.append(piece)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def _refuses(sentence: str) -> bool:
    return _REFUSAL.search(sentence) is not None


def _only_refuses(sentence: str) -> bool:
    """A refusal with nothing after it: no "tetapi …" bringing a cited fact."""
    match = _REFUSAL.search(sentence)
    if match is None:
        return False
    rest = sentence[match.end():]
    contrast = _CONTRAST.search(rest)
    return contrast is None or not _CITATION.search(rest[contrast.end():])


def read_reply(text: str) -> Reading:
    """Refusal, partial answer or answer (see the module docstring)."""
    parts = sentences(text)
    if all(_only_refuses(s) for s in parts):
        return "refusal"
    if parts and _refuses(parts[0]):
        return "partial"
    return "answer"


def cut_to_length(text: str, limit: int) -> str:
    """The text cut at the last sentence end within `limit` characters (at a word if none)."""
    text = text.strip()
    if limit <= 0 or len(text) <= limit:
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text) if m.end() <= limit]
    if ends and ends[-1] >= limit // 3:
        return text[: ends[-1]].rstrip()
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:") + "…"
