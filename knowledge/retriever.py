"""Hybrid retrieval: dense (Chroma) + BM25 (bm25s), fused by reciprocal rank fusion.

Why hybrid: e5 finds paraphrases and English questions; BM25 finds exact names and numbers
("Savreux", "$15") that dense vectors blur. Near-duplicate passages (two outlets telling the same
story) are collapsed so they never fill the top results twice.

The lexical snapshot is rebuilt whenever the store's version changes, checked at most every
`refresh_every` seconds, so a reindex from another process is picked up without a restart.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from knowledge.embedders import Embedder
from knowledge.lexical import LexicalIndex
from knowledge.store import ChromaStore, passage_from
from knowledge.text import terms
from knowledge.types import Passage

logger = logging.getLogger(__name__)

RRF_K = 60


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything lexical retrieval needs, for one version of the index."""

    version: int
    passages: list[Passage]
    index: LexicalIndex
    by_id: dict[str, int]


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class HybridRetriever:
    """Ranks chunks for a question."""

    def __init__(
        self,
        *,
        store: ChromaStore,
        embedder: Embedder,
        candidates: int = 20,
        duplicate_cosine: float = 0.93,
        duplicate_jaccard: float = 0.6,
        refresh_every: float = 5.0,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.candidates = candidates
        self.duplicate_cosine = duplicate_cosine
        self.duplicate_jaccard = duplicate_jaccard
        self.refresh_every = refresh_every
        self._snapshot: Snapshot | None = None
        self._checked_at = 0.0
        self._lock = threading.Lock()

    # -- lexical snapshot -----------------------------------------------------------------
    def refresh(self, *, force: bool = False) -> bool:
        """Rebuild the lexical snapshot if the store changed; True when it was rebuilt."""
        with self._lock:
            self._checked_at = time.monotonic()
            version = self.store.state().version
            if not force and self._snapshot is not None and self._snapshot.version == version:
                return False
            started = time.perf_counter()
            passages = [passage_from(i, text, meta) for i, text, meta in self.store.iter_all()]
            index = LexicalIndex([p.tokens.split() for p in passages])
            self._snapshot = Snapshot(
                version=version,
                passages=passages,
                index=index,
                by_id={p.id: n for n, p in enumerate(passages)},
            )
            logger.info(
                "Lexical index v%d: %d chunks in %.0f ms",
                version, len(passages), (time.perf_counter() - started) * 1000,
            )
            return True

    def snapshot(self) -> Snapshot:
        """The current lexical snapshot (built on first use, re-checked every few seconds)."""
        if self._snapshot is None or time.monotonic() - self._checked_at > self.refresh_every:
            self.refresh()
        assert self._snapshot is not None
        return self._snapshot

    @property
    def lexical(self) -> LexicalIndex:
        """The BM25 index with its idf statistics."""
        return self.snapshot().index

    # -- retrieval ------------------------------------------------------------------------
    def retrieve(self, query: str, k: int = 5) -> list[Passage]:
        """The k best distinct passages for a question, best first."""
        snap = self.snapshot()
        if not snap.passages:
            return []
        query_vec = self.embedder.embed_query(query)
        dense = self.store.query(query_vec, self.candidates)
        lexical = snap.index.top(terms(query), self.candidates)

        fused: dict[str, float] = {}
        found: dict[str, Passage] = {}
        for rank, passage in enumerate(dense):
            fused[passage.id] = fused.get(passage.id, 0.0) + 1.0 / (RRF_K + rank + 1)
            found[passage.id] = passage
        for rank, (idx, _score) in enumerate(lexical):
            passage = snap.passages[idx]
            fused[passage.id] = fused.get(passage.id, 0.0) + 1.0 / (RRF_K + rank + 1)
            found.setdefault(passage.id, passage)

        order = sorted(fused, key=lambda pid: -fused[pid])
        vectors = self.store.embeddings_for(order)
        kept: list[Passage] = []
        kept_vecs: list[np.ndarray] = []
        kept_terms: list[set[str]] = []
        for pid in order:
            passage = found[pid]
            vec = vectors.get(pid)
            cosine = passage.dense
            if cosine is None and vec is not None:
                cosine = float(vec @ query_vec)
            own_terms = set(passage.tokens.split())
            if self._is_duplicate(vec, own_terms, kept_vecs, kept_terms):
                continue
            kept.append(replace(passage, score=fused[pid], dense=cosine))
            kept_vecs.append(vec if vec is not None else np.zeros_like(query_vec))
            kept_terms.append(own_terms)
            if len(kept) >= k:
                break
        return kept

    def _is_duplicate(
        self,
        vec: np.ndarray | None,
        own_terms: set[str],
        kept_vecs: Sequence[np.ndarray],
        kept_terms: Sequence[set[str]],
    ) -> bool:
        for other_vec, other_terms in zip(kept_vecs, kept_terms, strict=True):
            if vec is not None and float(vec @ other_vec) >= self.duplicate_cosine:
                return True
            if _jaccard(own_terms, other_terms) >= self.duplicate_jaccard:
                return True
        return False
