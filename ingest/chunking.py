"""Sentence-aware chunking of cleaned Indonesian article text.

Why small, sentence-aligned chunks (about 350–600 characters): the extractive answerer quotes
sentences out of the top chunks, so a chunk must never end mid-sentence, and a small chunk keeps
one topic, which sharpens both the dense and the lexical match. One sentence of overlap keeps a
sentence that depends on its predecessor ("Bayarannya: $15 per jam") findable with its context.
A single huge sentence is the only thing ever cut: on clause boundaries first, then on words.
A short heading line (no final punctuation) starts a new chunk rather than ending one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text import split_sentences

MIN_CHARS = 350
MAX_CHARS = 600
_TAIL_CHARS = 150  # a last chunk with less new text than this is merged into the previous one
_CLAUSE = re.compile(r"(?<=[,;:])\s+|\s+(?=[-–—]\s)")
_SENTENCE_END = re.compile(r"[.!?…]['\")\]]*$")


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    line: int  # index of the source line: pieces of different lines are joined by "\n"
    heading: bool = False


def split_long(sentence: str, max_chars: int = MAX_CHARS) -> list[str]:
    """Cut an over-long sentence on clause boundaries, then on words, into pieces <= max_chars."""
    if len(sentence) <= max_chars:
        return [sentence]
    parts: list[str] = []
    current = ""
    for clause in _CLAUSE.split(sentence):
        for word in [clause] if len(clause) <= max_chars else clause.split():
            joined = f"{current} {word}".strip()
            if len(joined) <= max_chars:
                current = joined
                continue
            if current:
                parts.append(current)
            while len(word) > max_chars:  # a "word" longer than a chunk (e.g. a URL)
                parts.append(word[:max_chars])
                word = word[max_chars:]
            current = word
    if current:
        parts.append(current)
    return parts


def _pieces(text: str, max_chars: int) -> list[_Piece]:
    pieces: list[_Piece] = []
    for n, line in enumerate(line for line in text.split("\n") if line.strip()):
        sentences = split_sentences(line)
        heading = (
            len(sentences) == 1 and len(line) <= 120 and not _SENTENCE_END.search(line.strip())
        )
        for sentence in sentences:
            for part in split_long(sentence, max_chars):
                pieces.append(_Piece(part, n, heading))
    return pieces


def _join(pieces: list[_Piece]) -> str:
    out = ""
    for i, piece in enumerate(pieces):
        if i:
            out += "\n" if piece.line != pieces[i - 1].line else " "
        out += piece.text
    return out


def _size(pieces: list[_Piece]) -> int:
    return sum(len(p.text) + 1 for p in pieces) - 1 if pieces else 0


def chunk_text(
    text: str, *, min_chars: int = MIN_CHARS, max_chars: int = MAX_CHARS, overlap: int = 1
) -> list[str]:
    """Split cleaned text into sentence-aligned chunks with `overlap` sentences repeated."""
    pieces = _pieces(text, max_chars)
    chunks: list[list[_Piece]] = []
    current: list[_Piece] = []
    fresh = 0  # pieces in `current` that are not overlap from the previous chunk
    for piece in pieces:
        size = _size(current)
        full = fresh and (size + 1 + len(piece.text) > max_chars and size >= min_chars)
        heading_break = piece.heading and fresh and size >= min_chars // 2
        if full or heading_break:
            chunks.append(current)
            carried = current[-overlap:] if overlap and not piece.heading else []
            if carried and (
                carried[-1].heading or _size(carried) + 1 + len(piece.text) > max_chars
            ):
                carried = []
            current, fresh = list(carried), 0
        current.append(piece)
        fresh += 1
    if fresh:
        new_text = _size(current[len(current) - fresh :])
        if chunks and new_text < _TAIL_CHARS and _size(chunks[-1]) + new_text <= max_chars + 150:
            chunks[-1].extend(current[len(current) - fresh :])
        else:
            chunks.append(current)
    return [_join(chunk) for chunk in chunks]
