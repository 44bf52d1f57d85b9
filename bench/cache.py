"""An Embedder wrapper that remembers passage vectors on disk, keyed by the text's hash.

Why: building the 1,000-article index embeds ~7k chunks, minutes of CPU on a 2-core machine,
and that cost is measured once (the ingest-throughput benchmark embeds for real). Every other
benchmark only needs the index to exist, so the second `make bench` reuses the vectors and still
runs the real pipeline (loading, cleaning, chunking, stemming, Chroma writes) around them.
Questions are never cached: query embedding is part of the latency being measured.

The cache is one `.npz` per embedder id under `bench/.cache/` (git-ignored): the same text with
another embedder is a different vector.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from knowledge.embedders import Embedder

CACHE_DIR = Path(__file__).resolve().parent / ".cache"


def text_key(text: str) -> str:
    """The cache key of a passage: sha256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CachingEmbedder:
    """Looks passages up in the cache and embeds only the misses with the wrapped embedder."""

    def __init__(
        self, inner: Embedder, cache_dir: Path = CACHE_DIR, *, autosave_every: int = 1000
    ) -> None:
        self.inner = inner
        self.autosave_every = autosave_every  # a killed first run keeps most of its work
        self._unsaved = 0
        self.id = inner.id
        self.path = cache_dir / f"embeddings-{inner.id}.npz"
        self._vectors: dict[str, np.ndarray] = {}
        self._dirty = False
        self.hits = 0
        self.misses = 0
        if self.path.exists():
            with np.load(self.path) as stored:
                keys, matrix = stored["keys"], stored["vectors"]
            self._vectors = {str(k): matrix[i] for i, k in enumerate(keys)}

    def __len__(self) -> int:
        return len(self._vectors)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Cached vectors for known texts; the rest embedded in one batch call and remembered."""
        keys = [text_key(t) for t in texts]
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._vectors}
        self.hits += len(keys) - len(missing)
        self.misses += len(missing)
        if missing:
            vectors = self.inner.embed_documents(list(missing.values()))
            for key, vector in zip(missing, vectors, strict=True):
                self._vectors[key] = np.asarray(vector, dtype=np.float32)
            self._dirty = True
            self._unsaved += len(missing)
            if self._unsaved >= self.autosave_every:
                self.save()
        if not keys:
            return self.inner.embed_documents([])
        return np.vstack([self._vectors[k] for k in keys])

    def embed_query(self, text: str) -> np.ndarray:
        """Questions always go to the real embedder."""
        return self.inner.embed_query(text)

    def save(self) -> None:
        """Write the cache if it grew (atomically: a killed run never leaves half a file)."""
        if not self._dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = np.array(list(self._vectors), dtype="U64")
        matrix = np.vstack(list(self._vectors.values())).astype(np.float32)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=keys, vectors=matrix)
        os.replace(tmp, self.path)
        self._dirty = False
        self._unsaved = 0
