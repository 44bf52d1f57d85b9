"""Hybrid retrieval: dense (Chroma) + BM25 (bm25s), fused by reciprocal rank fusion.

Why hybrid: e5 finds paraphrases and English questions; BM25 finds exact names and numbers
("Savreux", "$15") that dense vectors blur. Near-duplicate passages (two outlets telling the same
story, an article re-uploaded with small edits) are collapsed so they never fill the top results
twice; sentence-level repeats inside an answer are removed by the answerer.

The lexical snapshot is rebuilt whenever the store's version changes, checked at most every
`refresh_every` seconds, so a reindex from another process is picked up without a restart.

When a store call fails, retrieval re-reads the registry and tries once more (a full rebuild in
another process may have swapped collections under us); a second failure raises
`StoreUnavailable`, which callers turn into a clear message. Nothing broken is cached, so the
next question works again as soon as the Chroma server is back.
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
from knowledge.store import ChromaStore, StoreUnavailable, passage_from
from knowledge.text import split_sentences, terms
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


class HybridRetriever:
    """Ranks chunks for a question."""

    def __init__(
        self,
        *,
        store: ChromaStore,
        embedder: Embedder,
        candidates: int = 20,
        duplicate_overlap: float = 0.7,
        duplicate_share: float = 0.5,
        refresh_every: float = 5.0,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.candidates = candidates
        self.duplicate_overlap = duplicate_overlap
        self.duplicate_share = duplicate_share
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
        """The k best distinct passages for a question, best first; may raise StoreUnavailable."""
        try:
            return self._retrieve(query, k)
        except StoreUnavailable as exc:
            logger.warning("Store call failed (%s); re-reading the registry and retrying", exc)
        self.store.collection(recheck=True)
        self.refresh()
        return self._retrieve(query, k)

    def _retrieve(self, query: str, k: int) -> list[Passage]:
        snap = self.snapshot()
        if not snap.passages:
            return []
        try:
            query_vec: np.ndarray | None = self.embedder.embed_query(query)
        except Exception:  # a remote embedder may be down: lexical retrieval still answers
            logger.warning("Query embedding failed; answering from BM25 only", exc_info=True)
            query_vec = None
        dense = (
            self.store.query(query_vec, min(self.candidates, len(snap.passages)))
            if query_vec is not None
            else []
        )
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
        # Chroma gave cosine scores for dense hits; lexical-only hits need their stored vectors.
        missing = [pid for pid in order[: k * 3] if found[pid].dense is None]
        vectors = self.store.embeddings_for(missing) if query_vec is not None else {}
        kept: list[Passage] = []
        kept_sentences: list[frozenset[str]] = []
        for pid in order:
            passage = found[pid]
            cosine = passage.dense
            if cosine is None and query_vec is not None and pid in vectors:
                cosine = float(vectors[pid] @ query_vec)
            sentences = _sentence_terms(passage.text)
            if self._is_duplicate(sentences, kept_sentences):
                continue
            kept.append(replace(passage, score=fused[pid], dense=cosine))
            kept_sentences.extend(sentences)
            if len(kept) >= k:
                break
        return kept

    def _is_duplicate(
        self, sentences: Sequence[frozenset[str]], kept: Sequence[frozenset[str]]
    ) -> bool:
        """True when most of a passage's sentences already stand in the kept passages.

        Lexical on purpose: e5 puts any two chunks of one article at cosine 0.95+, so vector
        similarity cannot tell "the same story retold" from "the next paragraph".
        """
        if not sentences or not kept:
            return False
        repeated = sum(
            1
            for s in sentences
            if any(_overlap(s, other) >= self.duplicate_overlap for other in kept)
        )
        return repeated / len(sentences) >= self.duplicate_share


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient of two term sets (1.0 when one contains the other)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _sentence_terms(text: str) -> list[frozenset[str]]:
    """Term sets of a passage's informative sentences (four terms or more)."""
    out = []
    for sentence in split_sentences(text):
        t = frozenset(terms(sentence))
        if len(t) >= 4:
            out.append(t)
    return out
