"""What the index currently holds, per file, read back from Chroma's chunk metadata.

Why no side manifest: Chroma is the source of truth. A manifest written next to it could
disagree after a crash; the chunk metadata cannot, because it is written in the same call as
the chunks.

Why `snapshot_of` reads so little: every chunk's metadata carries its stemmed tokens, so reading
all of it for a 1,000-article corpus took most of an unchanged reindex (about 1 s). Chunk ids
are `<doc_hash[:16]>-<position>`, so the ids alone say which versions are present and how many
chunks each has; the per-version facts (path, hashes, n_chunks) come from the first chunk of
each version, checked against the last chunk. Only ids whose version has no first chunk, or
whose first and last chunks disagree (a write killed half-way), are read in full.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.store import ChromaStore

_CHUNK_ID = re.compile(r"^([0-9a-f]{16})-\d{4}$")


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


def snapshot_of(store: ChromaStore) -> dict[str, IndexedFile]:
    """`read_snapshot` of the live collection, reading ids plus one metadata row per version."""
    ids = [i for i, _t, _m in store.iter_all(with_documents=False, with_metadata=False)]
    firsts: dict[str, dict[str, Any]] = {}
    for id_, _text, first in store.iter_all(with_documents=False, where={"position": 0}):
        match = _CHUNK_ID.match(id_)
        if match:
            firsts[match.group(1)] = first
    # A version whose first and last chunks disagree on the path was being rewritten under a
    # new name (a rename) when a run was killed: read all of its chunks in full. The writer
    # writes positions in order, so when first and last agree, every chunk between does too.
    lasts = [f"{prefix}-{int(meta.get('n_chunks', 1)) - 1:04d}" for prefix, meta in firsts.items()]
    for id_, _text, last in store.iter_all(with_documents=False, ids=lasts):
        prefix = id_.rsplit("-", 1)[0]
        if prefix in firsts and last.get("path") != firsts[prefix].get("path"):
            del firsts[prefix]
    rows: list[tuple[str, str, dict[str, Any]]] = []
    orphans: list[str] = []
    for id_ in ids:
        match = _CHUNK_ID.match(id_)
        meta = firsts.get(match.group(1)) if match else None
        if meta is None:
            orphans.append(id_)
        else:
            rows.append((id_, "", {**meta, "position": int(id_.rsplit("-", 1)[1])}))
    rows += store.iter_all(with_documents=False, ids=orphans)
    return read_snapshot(rows)
