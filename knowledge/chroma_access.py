"""How the store reaches Chroma: building the client, errors that mean "unreachable", reopening.

Why apart from `knowledge.store`: these are the failure rules, not the index layout. A Chroma
server can vanish or stall (every call gets a deadline, see `knowledge.deadline`); an embedded
store can be written by another process (the CLI's `ingest` beside a running bot), after which
this process's client holds a vector index older than the SQLite metadata it reads, so the
client is closed and opened again.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from knowledge.deadline import Deadline

if TYPE_CHECKING:
    from chromadb.api import ClientAPI

    from knowledge.settings import Settings


class StoreUnavailable(RuntimeError):
    """The Chroma store cannot be reached (server down, files locked)."""


class StoreTimeout(StoreUnavailable):
    """A store call did not answer within STORE_TIMEOUT_S (e.g. a stalled Chroma server)."""


def unreachable(exc: Exception) -> bool:
    """True for errors that mean "Chroma is not there (any more)", not "we made a mistake".

    httpx transport errors: the server is down or restarting. NotFoundError: the collection we
    held was deleted, i.e. a full rebuild in another process swapped collections.
    """
    import httpx
    from chromadb.errors import NotFoundError

    return isinstance(exc, httpx.TransportError | NotFoundError | ConnectionError)


def stale_files(exc: Exception) -> bool:
    """True for the error an embedded client raises after another process changed its files.

    The embedded client keeps the vector index in memory as it was when opened, while the
    metadata it reads from SQLite is current; ids written by another process are then known
    to one and missing in the other ("Error finding id").
    """
    from chromadb.errors import InternalError

    return isinstance(exc, InternalError)


class Gate:
    """Many store calls at once, or one client swap alone (a waiting swap goes first)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writers = 0  # waiting or active

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writers)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._writers += 1
            self._cond.wait_for(lambda: not self._readers)
        try:
            yield
        finally:
            with self._cond:
                self._writers -= 1
                self._cond.notify_all()


def make_client(settings: Settings) -> ClientAPI:
    """PersistentClient under CHROMA_PATH, or HttpClient when CHROMA_HOST is set. Telemetry off."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:  # the constructor already talks to the server, which may hang
            return Deadline(settings.store_timeout_s).call(
                chromadb.HttpClient,
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings,
            )
        except Exception as exc:
            raise StoreUnavailable(
                f"Chroma server {settings.chroma_host}:{settings.chroma_port}: {exc}"
            ) from exc
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def reopener(client: ClientAPI) -> Callable[[], ClientAPI] | None:
    """How to open a fresh client on the same folder (None: not an embedded store)."""
    try:
        chroma_settings = client.get_settings()
    except Exception:
        return None
    path = chroma_settings.persist_directory
    if not chroma_settings.is_persistent or not path:
        return None

    def reopen() -> ClientAPI:
        import chromadb

        return chromadb.PersistentClient(path=path, settings=chroma_settings)

    return reopen
