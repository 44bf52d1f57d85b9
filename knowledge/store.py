"""Chroma behind a small wrapper: one active collection per embedder, swapped atomically.

Why a pointer instead of writing into one fixed collection: `ingest --full` builds a whole new
collection and only then points readers at it, so answers never see a half-built index, and a
`kill -9` mid-build leaves the old one answering. The pointer (and a version counter that tells
readers to reload their lexical index) lives in a tiny registry collection inside Chroma itself,
so it works the same for the embedded store and for several bot processes sharing a `chroma run`
server.

Chroma's columnar results become `Passage` values right here.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import numpy as np

from knowledge.chroma_access import (  # re-exported: callers import them from here
    Gate,
    StoreTimeout,
    StoreUnavailable,
    make_client,
    reopener,
    stale_files,
    unreachable,
)
from knowledge.deadline import Deadline, DeadlineExceeded
from knowledge.types import Chunk, Passage

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection


logger = logging.getLogger(__name__)

__all__ = [
    "REGISTRY", "ChromaStore", "IndexState", "StoreTimeout", "StoreUnavailable", "chunk_metadata",
    "make_client", "passage_from",
]

REGISTRY = "tanyakerja-registry"
_GET_PAGE = 2000
_ID_PAGE = 50_000


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _guarded(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run a store method through `ChromaStore._call` (deadline, reopen, StoreUnavailable)."""

    @functools.wraps(method)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        store: ChromaStore = args[0]  # type: ignore[assignment]
        return store._call(method, *args, **kwargs)

    return wrapper


@dataclass(frozen=True, slots=True)
class IndexState:
    """Which collection is live for an embedder, and how many times the index has changed."""

    collection: str
    version: int


def _folder(client: ClientAPI) -> Path | None:
    """The embedded store's folder (None for a Chroma server)."""
    with contextlib.suppress(Exception):
        chroma_settings = client.get_settings()
        if chroma_settings.is_persistent and chroma_settings.persist_directory:
            return Path(chroma_settings.persist_directory)
    return None


def _safe_name(embedder_id: str) -> str:
    """A Chroma-safe name for an embedder id; distinct ids never share a name."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in embedder_id).strip("-_")
    if cleaned == embedder_id and len(cleaned) <= 40:
        return cleaned
    digest = hashlib.sha1(embedder_id.encode("utf-8")).hexdigest()[:8]
    return f"{cleaned[:31].strip('-_') or 'x'}-{digest}"


def chunk_metadata(chunk: Chunk) -> dict[str, Any]:
    """Chroma metadata for a chunk (Chroma rejects None values, so they are left out)."""
    meta: dict[str, Any] = {
        "doc_id": chunk.doc_id,
        "doc_hash": chunk.doc_hash,
        "path": chunk.path,
        "title": chunk.title,
        "position": chunk.position,
        "n_chunks": chunk.n_chunks,
        "tokens": chunk.tokens,
    }
    for key in ("url", "publisher", "date"):
        value = getattr(chunk, key)
        if value:
            meta[key] = value
    return meta


def passage_from(id_: str, text: str, meta: dict[str, Any], dense: float | None = None) -> Passage:
    """Build a Passage from Chroma's id, document and metadata."""
    return Passage(
        id=id_,
        text=text,
        doc_id=str(meta.get("doc_id", "")),
        path=str(meta.get("path", "")),
        title=str(meta.get("title", "")),
        position=int(meta.get("position", 0)),
        url=meta.get("url"),
        publisher=meta.get("publisher"),
        date=meta.get("date"),
        score=dense or 0.0,
        dense=dense,
        tokens=str(meta.get("tokens", "")),
    )


class ChromaStore:
    """The article index for one embedder."""

    def __init__(
        self, *, client: ClientAPI, embedder_id: str, timeout_s: float | None = 10.0
    ) -> None:
        self._client = client
        self.embedder_id = embedder_id
        self.prefix = f"tk-{_safe_name(embedder_id)}"
        self._cached: tuple[str, Collection] | None = None
        self._deadline = Deadline(timeout_s)
        self._reopen = reopener(client)
        self.folder = _folder(client)
        self._gate = Gate()
        self._depth = threading.local()
        self._seen_version: int | None = None
        self._stale = False

    def close(self) -> None:
        """Release the client. Chroma shares one in-memory system among the embedded clients
        of a folder; one left open keeps it alive, and a later reopen after another process
        wrote would get that stale system back ("Error finding id" on every question)."""
        close = getattr(self._client, "close", None)  # Client has it; the Protocol does not
        with contextlib.suppress(Exception):
            if callable(close):
                close()

    @property
    def call_threads(self) -> int:
        """Threads running store calls now, stalled ones included (bounded by the deadline)."""
        return self._deadline.threads

    @property
    def embedded(self) -> bool:
        """True for an embedded (PersistentClient) store, False for a Chroma server."""
        return self._reopen is not None

    # -- every call goes through here ----------------------------------------------------
    def _call(self, method: Callable[..., _R], *args: Any, **kwargs: Any) -> _R:
        """Run a store method with the deadline, reopening a stale embedded client once.

        Nested calls (a method calling another) run inline under the outer call's deadline.
        """
        if getattr(self._depth, "n", 0):
            return method(*args, **kwargs)
        for attempt in (1, 2):
            if self._stale:
                self._reopen_client()
            try:
                return self._deadline.call(self._inside, method, *args, **kwargs)
            except DeadlineExceeded as exc:
                self._cached = None
                raise StoreTimeout(f"Chroma tidak menjawab: {exc}") from exc
            except StoreUnavailable:
                self._cached = None
                raise
            except Exception as exc:
                if stale_files(exc) and self._reopen is not None and attempt == 1:
                    logger.info("Chroma files changed under this process (%s); reopening", exc)
                    self._stale = True
                    continue
                if not (unreachable(exc) or stale_files(exc)):
                    raise
                self._cached = None
                raise StoreUnavailable(f"Chroma tidak bisa dihubungi: {exc}") from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _inside(self, method: Callable[..., _R], *args: Any, **kwargs: Any) -> _R:
        self._depth.n = 1
        try:
            with self._gate.shared():
                return method(*args, **kwargs)
        finally:
            self._depth.n = 0

    def _reopen_client(self) -> None:
        """A fresh embedded client: the old one's vector index predates another process's writes.

        Exclusive: no call of this store is running on the old client while it is closed.
        """
        assert self._reopen is not None
        with self._gate.exclusive():
            if not self._stale:
                return
            self.close()  # the next client must not share its (stale) in-memory system
            self._client = self._reopen()
            self._cached = None
            self._stale = False
            logger.info("Reopened the embedded Chroma client after another process wrote")

    # -- registry -------------------------------------------------------------------------
    def _registry(self) -> Collection:
        return self._client.get_or_create_collection(REGISTRY, embedding_function=None)

    def state(self) -> IndexState:
        """The live collection's name and the index version (creates the first collection)."""
        try:
            return self._call(self._state)
        except StoreUnavailable:
            raise
        except Exception as exc:  # chromadb raises many types; all mean "store unreachable"
            self._cached = None
            raise StoreUnavailable(str(exc)) from exc

    def _state(self) -> IndexState:
        meta = dict(self._registry().metadata or {})
        name = meta.get(f"{self.prefix}:active")
        if not name:
            name = f"{self.prefix}-g1"
            self._set_registry(active=name, version=int(meta.get(f"{self.prefix}:version", 0)))
        state = IndexState(collection=str(name), version=int(meta.get(f"{self.prefix}:version", 0)))
        if self._cached is not None and self._cached[0] != state.collection:
            self._cached = None  # a full rebuild swapped collections: reopen on next use
        if self._seen_version is not None and state.version != self._seen_version and self.embedded:
            self._stale = True  # another process wrote: reopen before the next call
        self._seen_version = state.version
        return state

    @_guarded
    def _set_registry(self, *, active: str, version: int, rules: str | None = None) -> None:
        registry = self._registry()
        meta = dict(registry.metadata or {})
        meta[f"{self.prefix}:active"] = active
        meta[f"{self.prefix}:version"] = version
        if rules is not None:
            meta[f"{self.prefix}:rules"] = rules
        registry.modify(metadata=meta)
        self._seen_version = version  # our own change: nothing to reopen

    @_guarded
    def bump_version(self) -> int:
        """Tell every reader (in any process) that the live index changed."""
        state = self.state()
        self._set_registry(active=state.collection, version=state.version + 1)
        return state.version + 1

    def _open(self, name: str) -> Collection:
        return self._client.get_or_create_collection(
            name, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
        )

    @_guarded
    def collection(self, *, recheck: bool = False) -> Collection:
        """The live collection (the registry is re-read only on `recheck` or first use).

        Readers re-check through `state()` every few seconds (see HybridRetriever.refresh), so
        a query does not pay a registry round-trip.
        """
        if self._cached is not None and not recheck:
            return self._cached[1]
        name = self.state().collection
        if self._cached is None or self._cached[0] != name:
            self._cached = (name, self._open(name))
        return self._cached[1]

    # -- full rebuild ---------------------------------------------------------------------
    @_guarded
    def new_build(self) -> Collection:
        """A fresh, empty collection for `ingest --full`; leftovers of killed builds are removed."""
        live = self.state().collection
        for col in self._client.list_collections():
            name = col.name if hasattr(col, "name") else str(col)
            # exactly our generations: another embedder's prefix may start with ours
            if re.fullmatch(re.escape(self.prefix) + r"-g\d+", name) and name != live:
                logger.info("Removing unfinished build %s", name)
                self._client.delete_collection(name)
        return self._open(f"{self.prefix}-g{int(time.time() * 1000)}")

    @_guarded
    def built_with(self) -> str | None:
        """The text rules the live index was fully built with (None: never recorded)."""
        meta = dict(self._registry().metadata or {})
        rules = meta.get(f"{self.prefix}:rules")
        return str(rules) if rules is not None else None

    @_guarded
    def record_rules(self, rules: str) -> None:
        """Note that every chunk of the live index was made with text `rules`."""
        state = self.state()
        self._set_registry(active=state.collection, version=state.version, rules=rules)

    @_guarded
    def swap_to(self, build: Collection, *, rules: str | None = None) -> None:
        """Point readers at a finished build (made with text `rules`), drop the old collection."""
        old = self.state()
        self._set_registry(active=build.name, version=old.version + 1, rules=rules)
        self._cached = None
        try:
            self._client.delete_collection(old.collection)
        except Exception:  # the old one may never have been created
            logger.debug("old collection %s not deleted", old.collection, exc_info=True)

    # -- writes ---------------------------------------------------------------------------
    @_guarded
    def upsert(
        self, chunks: Sequence[Chunk], embeddings: np.ndarray, *, into: Collection | None = None
    ) -> None:
        """Write chunks with their vectors (ids are content hashes, so re-writing is harmless)."""
        if not chunks:
            return
        target = into or self.collection()
        target.upsert(
            ids=[c.id for c in chunks],
            embeddings=np.asarray(embeddings, dtype=np.float32),
            documents=[c.text for c in chunks],
            metadatas=[chunk_metadata(c) for c in chunks],
        )

    @_guarded
    def delete_ids(self, ids: Sequence[str], *, into: Collection | None = None) -> None:
        """Remove chunks by id."""
        if ids:
            (into or self.collection()).delete(ids=list(ids))

    # -- reads ----------------------------------------------------------------------------
    def iter_all(
        self,
        *,
        with_documents: bool = True,
        with_metadata: bool = True,
        where: dict[str, Any] | None = None,
        ids: Sequence[str] | None = None,
        of: Collection | None = None,
    ) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """Every (id, text, metadata) in the live collection (optionally filtered), paged."""
        if of is None:
            self.collection(recheck=True)
        include: list[Any] = (["metadatas"] if with_metadata else []) + (
            ["documents"] if with_documents else []
        )
        if ids is not None and not ids:
            return
        # ids alone are tiny: big pages mean few round trips (and Chroma's OFFSET rescans)
        size = _GET_PAGE if include else _ID_PAGE
        offset = 0
        while True:
            page = self._page(of, include, offset, where, ids, size)
            got = page["ids"]
            if not got:
                return
            docs = page.get("documents") or [""] * len(got)
            metas = page.get("metadatas") or [{}] * len(got)
            for id_, doc, meta in zip(got, docs, metas, strict=True):
                yield id_, doc or "", dict(meta or {})
            offset += len(got)
            if len(got) < size:
                return

    @_guarded
    def _page(
        self,
        of: Collection | None,
        include: list[Any],
        offset: int,
        where: dict[str, Any] | None = None,
        ids: Sequence[str] | None = None,
        size: int = _GET_PAGE,
    ) -> Any:
        # the live collection is looked up per page: a reopened client has a new one
        return (of or self.collection()).get(
            ids=list(ids) if ids is not None else None,
            where=where,
            include=include,
            limit=size,
            offset=offset,
        )

    def ids(self) -> list[str]:
        """Every chunk id of the live collection (no documents, no metadata: cheap)."""
        return [i for i, _t, _m in self.iter_all(with_documents=False, with_metadata=False)]

    @_guarded
    def passages(self, ids: Sequence[str]) -> dict[str, Passage]:
        """Text and metadata of some chunks, by id (ids no longer stored are left out)."""
        if not ids:
            return {}
        res = self.collection().get(ids=list(ids), include=["documents", "metadatas"])
        docs = res.get("documents") or [""] * len(res["ids"])
        metas = res.get("metadatas") or [{}] * len(res["ids"])
        return {
            i: passage_from(i, d or "", dict(m or {}))
            for i, d, m in zip(res["ids"], docs, metas, strict=True)
        }

    @_guarded
    def count(self) -> int:
        """Number of chunks in the live collection."""
        return int(self.collection(recheck=True).count())

    @_guarded
    def query(self, embedding: np.ndarray, k: int) -> list[Passage]:
        """The k chunks nearest to a query vector, best first, `dense` = cosine similarity."""
        if k <= 0:
            return []
        res = self.collection().query(
            query_embeddings=np.asarray(embedding, dtype=np.float32).reshape(1, -1),
            n_results=k,
            include=["documents", "metadatas", "distances"],
        )
        ids = res["ids"][0]
        docs = (res.get("documents") or [[]])[0]
        metas = (res.get("metadatas") or [[]])[0]
        dists = (res.get("distances") or [[]])[0]
        return [
            passage_from(i, d or "", dict(m or {}), dense=1.0 - float(dist))
            for i, d, m, dist in zip(ids, docs, metas, dists, strict=True)
        ]

    @_guarded
    def embeddings_for(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored vectors for some chunk ids (used to collapse near-duplicate passages)."""
        if not ids:
            return {}
        res = self.collection().get(ids=list(ids), include=["embeddings"])
        embs = res.get("embeddings")
        if embs is None:
            return {}
        return {i: np.asarray(e, dtype=np.float32) for i, e in zip(res["ids"], embs, strict=True)}
