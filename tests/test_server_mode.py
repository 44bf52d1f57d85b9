"""Store and retrieval against both an embedded Chroma and a real `chroma run` server.

Why both: with CHROMA_HOST set, everything goes over HTTP to a server that other bot processes
share, and the index must behave exactly as it does embedded (ingest, retrieve, incremental
reindex, the full-rebuild swap seen by a second reader). Server-only checks: an unreachable
server raises `StoreUnavailable`, and the same service answers again once the server is back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ingest.pipeline import Ingester
from knowledge.embedders import E5Embedder
from knowledge.service import KnowledgeService
from knowledge.settings import Settings
from knowledge.store import StoreUnavailable, make_client
from tests.support.chroma_server import (
    ChromaServer,
    chroma_server,  # noqa: F401 (fixture)
    free_port,
    running_chroma,
    wipe,
)

SAVREUX = "Berapa upah per jam pelatih AI seperti Alexej Savreux?"
SAVREUX_FILE = "corpus/001-pelatih-chatgpt-dibayar-per-jam.md"
NEW_ARTICLE = "---\ntitle: Kurir Data di Medan\n---\n" + (
    "Seorang kurir data bernama Wulandari Siregar di Medan melabeli ribuan foto jalan untuk "
    "mobil otonom setiap minggu. Ia dibayar Rp 40.000 per jam dan bekerja dari rumah tanpa "
    "kontrak tetap maupun tunjangan kesehatan."
)


class MemoEmbedder:
    """The real e5 embedder with a per-session memo, so both backends embed the seed once."""

    def __init__(self, inner: E5Embedder) -> None:
        self.inner = inner
        self.id = inner.id
        self._memo: dict[str, np.ndarray] = {}

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Embed only texts not seen before."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if missing:
            for text, vec in zip(missing, self.inner.embed_documents(missing), strict=True):
                self._memo[text] = vec
        return np.vstack([self._memo[t] for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        """Queries are cheap: no memo."""
        return self.inner.embed_query(text)


@pytest.fixture(scope="module")
def memo(embedder: E5Embedder) -> MemoEmbedder:
    """One memo embedder for the module."""
    return MemoEmbedder(embedder)


@pytest.fixture(params=["embedded", pytest.param("server", marks=pytest.mark.server)])
def backend(
    request: pytest.FixtureRequest, make_settings: Callable[..., Settings]
) -> Iterator[Callable[..., Settings]]:
    """A settings factory for an empty store: embedded under tmp_path, or the module's server."""
    if request.param == "embedded":
        yield make_settings
        return
    server: ChromaServer = request.getfixturevalue("chroma_server")
    wipe(server)
    yield lambda **kw: make_settings(chroma_host=server.host, chroma_port=server.port, **kw)
    wipe(server)


def _service(settings: Settings, embedder: Any) -> tuple[KnowledgeService, Ingester]:
    service = KnowledgeService.from_settings(settings, embedder=embedder)
    return service, Ingester(settings=settings, store=service.store, embedder=embedder)


def _paths(passages: Sequence[Any]) -> set[str]:
    return {p.path for p in passages}


def test_ingest_and_answer(
    backend: Callable[..., Settings], seed_corpus: Path, memo: MemoEmbedder
) -> None:
    service, ingester = _service(backend(), memo)
    report = ingester.run()
    assert len(report.added) == 5
    assert service.store.count() == report.chunks_written
    assert SAVREUX_FILE in _paths(service.retriever.retrieve(SAVREUX))
    answer = service.ask(SAVREUX)
    assert answer.found
    assert "15" in answer.text
    assert not service.ask("Siapa pemenang piala dunia sepak bola tahun 1998?").found


def test_incremental_reindex_reaches_another_reader(
    backend: Callable[..., Settings], seed_corpus: Path, memo: MemoEmbedder
) -> None:
    settings = backend()
    _writer, ingester = _service(settings, memo)
    ingester.run()
    reader, _ = _service(settings, memo)  # a second bot process on the same store
    assert SAVREUX_FILE in _paths(reader.retriever.retrieve(SAVREUX))

    again = ingester.run()
    assert len(again.unchanged) == 5
    assert again.chunks_written == 0
    assert not reader.refresh()

    (seed_corpus / "005-kurir-data.md").write_text(NEW_ARTICLE, encoding="utf-8")
    (seed_corpus / Path(SAVREUX_FILE).name).unlink()
    changed = ingester.run()
    assert changed.added == ["corpus/005-kurir-data.md"]
    assert changed.removed == [SAVREUX_FILE]
    assert reader.refresh()
    found = reader.retriever.retrieve("Berapa bayaran Wulandari Siregar per jam?")
    assert found[0].path == "corpus/005-kurir-data.md"
    assert SAVREUX_FILE not in _paths(reader.retriever.retrieve(SAVREUX))


def test_full_rebuild_swap_seen_by_reader(
    backend: Callable[..., Settings], seed_corpus: Path, memo: MemoEmbedder
) -> None:
    settings = backend()
    writer, ingester = _service(settings, memo)
    ingester.run()
    reader, _ = _service(settings, memo)
    assert reader.ask(SAVREUX).found  # the reader now holds the live collection
    before = writer.store.state()

    report = ingester.run(full=True)
    after = writer.store.state()
    assert after.collection != before.collection
    assert after.version > before.version
    assert writer.store.count() == report.chunks_written
    names = {c.name for c in make_client(settings).list_collections()}
    assert before.collection not in names
    # The reader's cached collection was deleted: it re-reads the registry and answers.
    answer = reader.ask(SAVREUX)
    assert answer.found
    assert reader.store.collection().name == after.collection


@pytest.mark.server
def test_unreachable_server_then_recovery(
    make_settings: Callable[..., Settings], seed_corpus: Path, memo: MemoEmbedder,
    tmp_path: Path,
) -> None:
    with running_chroma(tmp_path / "own-server" / "db") as server:
        settings = make_settings(chroma_host=server.host, chroma_port=server.port)
        service, ingester = _service(settings, memo)
        ingester.run()
        assert service.ask(SAVREUX).found

        server.stop()
        with pytest.raises(StoreUnavailable):
            service.ask(SAVREUX)
        service.retriever.refresh_every = 0.0  # also re-read the registry on the next question
        with pytest.raises(StoreUnavailable):
            service.ask(SAVREUX)
        with pytest.raises(StoreUnavailable):
            service.store.count()

        server.start()  # same port, same data folder
        answer = service.ask(SAVREUX)
        assert answer.found
        assert "15" in answer.text


@pytest.mark.server
def test_no_server_at_start_is_store_unavailable(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(chroma_host="127.0.0.1", chroma_port=free_port())
    with pytest.raises(StoreUnavailable):
        make_client(settings)
