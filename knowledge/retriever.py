"""Hybrid retrieval: dense (Chroma) + BM25 (bm25s), fused by reciprocal rank fusion.

Why hybrid: e5 finds paraphrases and English questions; BM25 finds exact names and numbers
("Savreux", "$15") that dense vectors blur. Near-duplicate passages (two outlets telling the same
story, an article re-uploaded with small edits) are collapsed so they never fill the top results
twice; sentence-level repeats inside an answer are removed by the answerer.

The lexical snapshot follows the store's version, checked at most every `refresh_every`
seconds, so a reindex from another process is picked up without a restart; a change updates
only the changed chunks' rows, and questions keep using the previous snapshot meanwhile.

When a store call fails, retrieval re-reads the registry and tries once more (a full rebuild in
another process may have swapped collections under us); a second failure raises
`StoreUnavailable`, which callers turn into a clear message. Nothing broken is cached, so the
next question works again as soon as the Chroma server is back.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from knowledge.embedders import Embedder
from knowledge.lexical import LexicalIndex
from knowledge.store import ChromaStore, StoreTimeout, StoreUnavailable
from knowledge.text import split_sentences, terms
from knowledge.types import Passage

logger = logging.getLogger(__name__)

RRF_K = 60
# A BM25 hit scoring this many times the runner-up holds the question's rare word almost alone
# ("THR" -> the one "tanpa tunjangan" chunk); it is ranked second at worst even when the dense
# ranker puts it low, which plain rank fusion would not give it (answerers read the top few).
LEXICAL_LEAD = 1.8
LEAD_PLACE = 1


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything lexical retrieval needs, for one version of the index.

    Only chunk ids and term counts live here; texts and metadata stay in Chroma and are fetched
    for the few candidates a question needs (`HybridRetriever.lexical_candidates`).
    """

    version: int
    collection: str
    ids: list[str]  # row of the lexical index -> chunk id
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
        refresh_every: float = 2.0,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.candidates = candidates
        self.duplicate_overlap = duplicate_overlap
        self.duplicate_share = duplicate_share
        self.refresh_every = refresh_every
        self._snapshot: Snapshot | None = None
        self._checked_at = 0.0
        self._lock = threading.Lock()  # one refresh at a time; readers never wait for it

    # -- lexical snapshot -----------------------------------------------------------------
    def refresh(self, *, force: bool = False) -> bool:
        """Bring the lexical snapshot up to the store's version; True when it changed.

        An incremental change (articles added, updated or removed) touches only the changed
        chunks: their ids come from a cheap id listing, their terms from their metadata. At
        start-up the index saved beside an embedded store is loaded and updated the same way.
        A swap to a new collection (`ingest --full`) with nothing saved, or `force`, rebuilds
        from every chunk.
        """
        with self._lock:
            self._checked_at = time.monotonic()
            state = self.store.state()
            old = self._snapshot
            if (
                not force and old is not None and old.version == state.version
                and old.collection == state.collection
            ):
                return False
            started = time.perf_counter()
            if not force and old is not None and old.collection == state.collection:
                snap, how = self._incremental(old, state.version), "updated"
            elif not force and (saved := self._load(state.collection)) is not None:
                snap, how = self._incremental(saved, state.version), "loaded and updated"
            else:
                snap, how = self._full(state.version, state.collection), "rebuilt"
            self._snapshot = snap
            self._save(snap)
            _return_freed_memory()
            logger.info(
                "Lexical index v%d %s: %d chunks in %.0f ms",
                snap.version, how, snap.index.n_docs, (time.perf_counter() - started) * 1000,
            )
            return True

    # The saved index only spares reading every chunk's metadata at start-up: it is always
    # brought up to date against the store's current chunk ids, and a chunk id (a content hash)
    # always has the same terms, so a stale or foreign file can cost time, never correctness.
    def _saved_path(self, collection: str) -> Path | None:
        folder = self.store.folder
        return folder / f"lexical-{collection}.npz" if folder is not None else None

    def _load(self, collection: str) -> Snapshot | None:
        path = self._saved_path(collection)
        if path is None or not path.exists():
            return None
        try:
            index, ids = LexicalIndex.load(path)
        except Exception:  # unreadable or from another version: rebuild
            logger.warning("Ignoring the saved lexical index %s", path, exc_info=True)
            return None
        return Snapshot(-1, collection, ids, index, {i: n for n, i in enumerate(ids)})

    def _save(self, snap: Snapshot) -> None:
        path = self._saved_path(snap.collection)
        if path is None:
            return
        try:
            snap.index.save(path, snap.ids)
            for other in path.parent.glob(f"lexical-{self.store.prefix}-g*.npz"):
                if other != path:  # a collection swapped out by a full rebuild
                    other.unlink(missing_ok=True)
        except OSError:
            logger.warning("Could not save the lexical index to %s", path, exc_info=True)

    def _full(self, version: int, collection: str) -> Snapshot:
        ids: list[str] = []

        def tokens() -> Iterator[list[str]]:
            for id_, _text, meta in self.store.iter_all(with_documents=False):
                ids.append(id_)
                yield str(meta.get("tokens", "")).split()

        index = LexicalIndex(tokens())
        return Snapshot(version, collection, ids, index, {i: n for n, i in enumerate(ids)})

    def _incremental(self, old: Snapshot, version: int) -> Snapshot:
        now = self.store.ids()
        present = set(now)
        removed = [row for row, id_ in enumerate(old.ids) if id_ not in present]
        wanted = [id_ for id_ in now if id_ not in old.by_id]
        added: list[str] = []
        token_lists: list[list[str]] = []
        for id_, _text, meta in self.store.iter_all(with_documents=False, ids=wanted):
            added.append(id_)
            token_lists.append(str(meta.get("tokens", "")).split())
        if not removed and not added:
            return replace(old, version=version)
        index = old.index.changed(remove=removed, add=token_lists)
        gone = set(removed)
        ids = [id_ for row, id_ in enumerate(old.ids) if row not in gone] + added
        return Snapshot(version, old.collection, ids, index, {i: n for n, i in enumerate(ids)})

    def snapshot(self) -> Snapshot:
        """The current lexical snapshot (built on first use, re-checked every few seconds).

        While one thread brings it up to date, the others keep answering from the previous one.
        """
        if self._snapshot is None:
            self.refresh()
        elif time.monotonic() - self._checked_at > self.refresh_every and self._lock.acquire(
            blocking=False
        ):
            self._lock.release()  # nobody is refreshing: do it here (refresh takes the lock)
            self.refresh()
        assert self._snapshot is not None
        return self._snapshot

    @property
    def lexical(self) -> LexicalIndex:
        """The BM25 index with its idf statistics."""
        return self.snapshot().index

    def lexical_candidates(self, query_terms: Sequence[str], n: int) -> list[Passage]:
        """The n best BM25 chunks as passages (text and metadata fetched from the store).

        `score` is the BM25 score; chunks deleted since the snapshot are left out.
        """
        snap = self.snapshot()
        hits = snap.index.top(query_terms, n)
        fetched = self.store.passages([snap.ids[row] for row, _score in hits])
        return [
            replace(fetched[snap.ids[row]], score=score)
            for row, score in hits
            if snap.ids[row] in fetched
        ]

    # -- retrieval ------------------------------------------------------------------------
    def retrieve(self, query: str, k: int = 5, *, depth: int | None = None) -> list[Passage]:
        """The k best distinct passages for a question, best first; may raise StoreUnavailable.

        `depth` is how many candidates each ranker contributes to the fusion (default
        `self.candidates`): deeper pools let a chunk that only one ranker finds (the one chunk
        saying "tanpa tunjangan") be ranked by both.
        """
        try:
            return self._retrieve(query, k, depth or self.candidates)
        except StoreTimeout:
            raise  # a stalled store: retrying would only double the wait
        except StoreUnavailable as exc:
            logger.warning("Store call failed (%s); re-reading the registry and retrying", exc)
        self.store.collection(recheck=True)
        self.refresh()
        return self._retrieve(query, k, depth or self.candidates)

    def _retrieve(self, query: str, k: int, depth: int) -> list[Passage]:
        snap = self.snapshot()
        if not snap.index.n_docs:
            return []
        try:
            query_vec: np.ndarray | None = self.embedder.embed_query(query)
        except Exception:  # a remote embedder may be down: lexical retrieval still answers
            logger.warning("Query embedding failed; answering from BM25 only", exc_info=True)
            query_vec = None
        dense = (
            self.store.query(query_vec, min(depth, snap.index.n_docs))
            if query_vec is not None
            else []
        )
        lexical = self.lexical_candidates(terms(query), depth)

        fused: dict[str, float] = {}
        found: dict[str, Passage] = {}
        for rank, passage in enumerate(dense):
            fused[passage.id] = fused.get(passage.id, 0.0) + 1.0 / (RRF_K + rank + 1)
            found[passage.id] = passage
        for rank, passage in enumerate(lexical):
            fused[passage.id] = fused.get(passage.id, 0.0) + 1.0 / (RRF_K + rank + 1)
            found.setdefault(passage.id, passage)

        order = sorted(fused, key=lambda pid: -fused[pid])
        if _clear_lead(lexical) and lexical[0].id not in order[: LEAD_PLACE + 1]:
            fused[lexical[0].id] = fused[order[LEAD_PLACE]] + 1e-9
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


def _clear_lead(lexical: Sequence[Passage]) -> bool:
    """True when the best BM25 hit scores `LEXICAL_LEAD` times the second (or stands alone)."""
    if not lexical or lexical[0].score <= 0:
        return False
    if len(lexical) == 1:
        return True
    return lexical[0].score >= LEXICAL_LEAD * lexical[1].score


def _return_freed_memory() -> None:
    """Hand freed heap pages back to the OS (glibc only; elsewhere a no-op).

    Reading every chunk's metadata from Chroma allocates tens of MB of short-lived objects;
    glibc keeps the freed pages, so without this the process's RSS stays at that peak.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


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
