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

from ingest.articles import Article, embedding_text

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
                vectors = self.embedder.embed_documents([embedding_text(c) for c in chunks])
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
