"""OpenAIEmbedder over real HTTP: request shape, batching, normalisation, its own collection."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from knowledge.embedders import make_embedder
from knowledge.openai_embedder import EmbeddingUnavailable, OpenAIEmbedder
from knowledge.settings import Settings
from knowledge.store import ChromaStore, make_client
from tests.support.openai_stub import EMBED_DIM, OpenAIStub, Reply, closed_port_url

KEY = "sk-test-embed-SECRET-1234"


@pytest.fixture
def settings(stub: OpenAIStub, make_settings: Callable[..., Settings]) -> Settings:
    """EMBEDDING_BACKEND=openai against the stub."""
    return make_settings(
        embedding_backend="openai", openai_base_url=stub.base_url, openai_api_key=KEY
    )


def test_factory_builds_it_with_its_own_id(settings: Settings) -> None:
    embedder = make_embedder(settings)
    assert isinstance(embedder, OpenAIEmbedder)
    assert embedder.id == settings.embedder_id == "openai-text-embedding-3-small"
    e5_store = ChromaStore(client=make_client(settings), embedder_id="e5-small-q4")
    openai_store = ChromaStore(client=make_client(settings), embedder_id=embedder.id)
    assert openai_store.state().collection != e5_store.state().collection


def test_embeds_through_the_endpoint(stub: OpenAIStub, settings: Settings) -> None:
    vectors = OpenAIEmbedder.from_settings(settings).embed_documents(
        ["upah pelatih AI", "asuransi kesehatan", ""]
    )

    assert vectors.shape == (3, EMBED_DIM)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    (req,) = stub.embedding_requests
    assert req.body == {
        "model": "text-embedding-3-small",
        "input": ["upah pelatih AI", "asuransi kesehatan", " "],  # servers reject ""
        "encoding_format": "float",
    }
    assert req.headers["authorization"] == f"Bearer {KEY}"


def test_query_vector_and_model_setting(
    stub: OpenAIStub, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(embedding_backend="openai", openai_base_url=stub.base_url,
                             embedding_model="nomic-embed-text")
    embedder = OpenAIEmbedder.from_settings(settings)
    query = embedder.embed_query("Berapa upah pelatih AI?")
    docs = embedder.embed_documents(["Berapa upah pelatih AI?"])

    assert embedder.id == "openai-nomic-embed-text"
    assert query.shape == (EMBED_DIM,)
    np.testing.assert_allclose(query, docs[0], rtol=1e-6)
    assert stub.embedding_requests[0].body["model"] == "nomic-embed-text"


def test_batches(stub: OpenAIStub, settings: Settings) -> None:
    embedder = OpenAIEmbedder.from_settings(settings, batch_size=2)
    vectors = embedder.embed_documents([f"teks {i}" for i in range(5)])
    assert vectors.shape == (5, EMBED_DIM)
    assert [len(r.body["input"]) for r in stub.embedding_requests] == [2, 2, 1]
    assert embedder.embed_documents([]).shape == (0, EMBED_DIM)


def test_failure_is_reported_without_the_key(
    stub: OpenAIStub, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    stub.embedding_failures.extend([Reply.error(401)])
    with pytest.raises(EmbeddingUnavailable, match="auth"):
        OpenAIEmbedder.from_settings(settings).embed_query("halo")
    assert KEY not in caplog.text


def test_refused_connection(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(embedding_backend="openai", openai_base_url=closed_port_url(),
                             llm_max_retries=0)
    with pytest.raises(EmbeddingUnavailable, match="connection"):
        OpenAIEmbedder.from_settings(settings).embed_documents(["halo"])


def test_indexes_and_retrieves_through_the_stub(
    stub: OpenAIStub, settings: Settings, seed_corpus: Path
) -> None:
    from ingest.pipeline import Ingester
    from knowledge.retriever import HybridRetriever

    embedder = OpenAIEmbedder.from_settings(settings)
    store = ChromaStore(client=make_client(settings), embedder_id=embedder.id)
    report = Ingester(settings=settings, store=store, embedder=embedder).run()

    assert len(report.added) == len(list(seed_corpus.glob("*.md")))
    assert store.count() > 0
    assert store.prefix == "tk-openai-text-embedding-3-small"
    indexed = sum(len(r.body["input"]) for r in stub.embedding_requests)
    assert indexed == store.count()

    passages = HybridRetriever(store=store, embedder=embedder).retrieve(
        "Berapa upah Savreux melatih ChatGPT per jam?"
    )
    assert stub.embedding_requests[-1].body["input"] == [
        "Berapa upah Savreux melatih ChatGPT per jam?"
    ]
    assert passages
    assert "savreux" in passages[0].text.lower()
    assert all(p.dense is not None for p in passages)  # Chroma searched the stub's vectors

