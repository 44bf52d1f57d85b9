"""Plain value types shared by the store, retriever, answerers and the bot.

Vendor types (Chroma's columnar results, LangChain messages) are converted to these at the
boundary, so the rest of the code never sees them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of an article ready to be embedded and stored."""

    id: str
    text: str
    doc_id: str
    doc_hash: str
    path: str
    title: str
    position: int
    n_chunks: int
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    tokens: str = (
        ""  # stemmed lexical tokens, space separated (BM25 loads them without re-stemming)
    )


@dataclass(frozen=True, slots=True)
class Passage:
    """A retrieved chunk with its score (higher is better)."""

    id: str
    text: str
    doc_id: str
    path: str
    title: str
    position: int
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    score: float = 0.0
    dense: float | None = None  # cosine similarity to the query, when dense retrieval saw it
    tokens: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """A passage an answer cites, numbered as the answer cites it."""

    n: int
    title: str
    url: str | None
    path: str
    text: str
    score: float
    publisher: str | None = None

    def to_json(self) -> dict[str, object]:
        """The `sources[]` item of docs/design.md's `ask --json` object."""
        return {
            "n": self.n,
            "title": self.title,
            "url": self.url,
            "path": self.path,
            "text": self.text,
            "score": round(float(self.score), 4),
        }


@dataclass(frozen=True, slots=True)
class Turn:
    """One exchange of a conversation, used to resolve follow-up questions."""

    question: str
    answer: str
    standalone: str = ""  # the question as it was resolved for retrieval


@dataclass(slots=True)
class Answer:
    """What every answerer returns."""

    question: str
    text: str
    found: bool
    mode: Literal["extractive", "llm"]
    partial: bool = False  # the subject is covered but a qualifier is not; the text says so first
    sources: list[Source] = field(default_factory=list)
    standalone_question: str = ""
    note: str | None = None  # e.g. "layanan AI sedang tidak tersedia"
    latency_ms: float = 0.0
    usage: dict[str, int] = field(default_factory=dict)

    def to_json(self, id_: str | None = None) -> dict[str, object]:
        """docs/design.md's `ask --json` object."""
        return {
            "id": id_,
            "question": self.question,
            "answer": self.text,
            "found": self.found,
            "partial": self.partial,
            "mode": self.mode,
            "note": self.note,
            "sources": [s.to_json() for s in self.sources],
            "latency_ms": round(self.latency_ms, 1),
        }
