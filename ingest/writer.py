"""Embed chunks in batches and write them to Chroma, reporting each finished article.

Why batches across articles: the e5 engine is much faster per chunk on a batch than on one
text, and one upsert per batch keeps Chroma writes few. Why a per-article callback: the pipeline
may delete a file's old chunks only once *all* of its new chunks are stored (crash safety).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ingest.articles import Article, embedding_text
from knowledge.types import Chunk

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

    from knowledge.embedders import Embedder
    from knowledge.store import ChromaStore

logger = logging.getLogger(__name__)

BATCH = 16  # small batches: frequent progress, little lost work if killed


class ChunkWriter:
    """Embeds and upserts the chunks of many articles, each chunk exactly once."""

    def __init__(
        self,
        store: ChromaStore,
        embedder: Embedder,
        *,
        progress: bool = False,
        into: Collection | None = None,
        batch_size: int = BATCH,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.progress = progress
        self.into = into
        self.batch_size = batch_size
        self.reused = 0  # chunks whose stored vector was reused instead of re-embedded

    def write(
        self,
        articles: Sequence[Article],
        on_article_done: Callable[[Article], None] | None = None,
    ) -> int:
        """Write every chunk of `articles`; returns the number of chunks written."""
        from tqdm import tqdm

        queue = [(a, c) for a in articles for c in a.chunks]
        if not queue:
            return 0
        remaining = {id(a): len(a.chunks) for a in articles}
        bar = tqdm(
            total=len(queue), disable=not self.progress, file=sys.stderr,
            desc="Mengindeks", unit="potongan",
        )
        written = 0
        try:
            for start in range(0, len(queue), self.batch_size):
                batch = queue[start : start + self.batch_size]
                chunks = [c for _a, c in batch]
                vectors = self._vectors(chunks)
                self.store.upsert(chunks, vectors, into=self.into)
                written += len(chunks)
                bar.update(len(chunks))
                logger.info("Wrote %d chunks (%d/%d)", len(chunks), written, len(queue))
                for article, _chunk in batch:
                    remaining[id(article)] -= 1
                    if remaining[id(article)] == 0 and on_article_done is not None:
                        on_article_done(article)
        finally:
            bar.close()
        return written


    def _vectors(self, chunks: Sequence[Chunk]) -> np.ndarray:
        """Vectors for `chunks`: stored ones reused when the same chunk is already in the live
        collection (a run killed half-way through an article), the rest embedded."""
        stored = self._stored(chunks) if self.into is None else {}
        missing = [c for c in chunks if c.id not in stored]
        fresh: Any = (
            self.embedder.embed_documents([embedding_text(c) for c in missing]) if missing else []
        )
        by_id = dict(zip([c.id for c in missing], fresh, strict=True))
        self.reused += len(chunks) - len(missing)
        return np.asarray([stored.get(c.id, by_id.get(c.id)) for c in chunks], dtype=np.float32)

    def _stored(self, chunks: Sequence[Chunk]) -> dict[str, Any]:
        """Stored vectors of chunks whose id, text and title (what was embedded) all match."""
        got: Any = self.store.collection().get(
            ids=[c.id for c in chunks], include=["embeddings", "documents", "metadatas"]
        )
        embeddings = got.get("embeddings")
        if not got["ids"] or embeddings is None:
            return {}
        wanted = {c.id: c for c in chunks}
        reuse: dict[str, Any] = {}
        for id_, vector, text, meta in zip(
            got["ids"], embeddings, got["documents"], got["metadatas"], strict=True
        ):
            chunk = wanted.get(id_)
            same = chunk is not None and text == chunk.text
            if chunk is not None and same and (meta or {}).get("title") == chunk.title:
                reuse[id_] = vector
        return reuse


def copy_chunks(source: Collection, target: Collection, ids: Sequence[str]) -> None:
    """Copy chunks with their stored vectors from one collection to another (no re-embedding)."""
    if not ids:
        return
    got: Any = source.get(ids=list(ids), include=["embeddings", "documents", "metadatas"])
    if not got["ids"]:
        return
    target.upsert(
        ids=got["ids"],
        embeddings=got["embeddings"],
        documents=got["documents"],
        metadatas=got["metadatas"],
    )
