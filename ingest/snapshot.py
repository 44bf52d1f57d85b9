"""What the index currently holds, per file, read back from Chroma's chunk metadata.

Why no side manifest: Chroma is the source of truth. A manifest written next to it could
disagree after a crash; the chunk metadata cannot, because it is written in the same call as
the chunks. Reading only metadata (no documents, no vectors) of a few thousand chunks is fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class IndexedFile:
    """The chunks one path has in the index, grouped by file version (doc_hash)."""

    path: str
    ids: dict[str, list[str]] = field(default_factory=dict)  # doc_hash -> chunk ids
    expected: dict[str, int] = field(default_factory=dict)  # doc_hash -> n_chunks
    doc_ids: dict[str, str] = field(default_factory=dict)  # doc_hash -> doc_id
    meta: dict[str, Any] = field(default_factory=dict)  # metadata of one chunk (for listings)

    def is_current(self, doc_hash: str) -> bool:
        """True iff exactly this file version is indexed, with all of its chunks present."""
        return (
            set(self.ids) == {doc_hash}
            and len(set(self.ids[doc_hash])) == self.expected.get(doc_hash, -1)
        )

    def all_ids(self) -> list[str]:
        """Every chunk id of this path, whatever version it came from."""
        return [i for ids in self.ids.values() for i in ids]

    def stale_ids(self, keep_hash: str) -> list[str]:
        """Chunk ids of every version except `keep_hash`."""
        return [i for h, ids in self.ids.items() if h != keep_hash for i in ids]

    def complete_hash(self, doc_hash: str | None = None) -> str | None:
        """A version of this file (`doc_hash`, or any) whose chunks are all present."""
        candidates = [doc_hash] if doc_hash is not None else list(self.ids)
        for h in candidates:
            if h in self.ids and len(set(self.ids[h])) == self.expected.get(h, -1):
                return h
        return None


def read_snapshot(rows: Iterable[tuple[str, str, dict[str, Any]]]) -> dict[str, IndexedFile]:
    """Group (id, text, metadata) rows from `ChromaStore.iter_all` by path."""
    files: dict[str, IndexedFile] = {}
    for id_, _text, meta in rows:
        path = str(meta.get("path", ""))
        doc_hash = str(meta.get("doc_hash", ""))
        entry = files.setdefault(path, IndexedFile(path=path))
        entry.ids.setdefault(doc_hash, []).append(id_)
        entry.expected[doc_hash] = int(meta.get("n_chunks", 0))
        entry.doc_ids[doc_hash] = str(meta.get("doc_id", ""))
        if not entry.meta or int(meta.get("position", 0)) == 0:
            entry.meta = meta
    return files
