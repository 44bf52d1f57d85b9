"""`tanyakerja doctor` against real peers: the fake Bot API, the OpenAI stub, Chroma."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pydantic import SecretStr

from knowledge.settings import Settings
from tanyakerja.doctor import corpus_status, doctor, open_store
from tests.support.fake_bot_api import TOKEN, FakeBotAPI
from tests.support.openai_stub import Reply, closed_port_url, running_stub
from tests.test_bot_app import _api_in_a_thread


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotAPI]:
    with _api_in_a_thread() as server:
        yield server


def _lines(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    out = capsys.readouterr().out
    return {line.split(":")[0][2:]: line for line in out.splitlines() if line[:1] in "✔✘"}


def test_all_good(
    seed_service: Any, seed_settings: Settings, api: FakeBotAPI,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed_settings.data_dir.chmod(0o700)  # as the command line creates it
    with running_stub() as stub:
        settings = seed_settings.model_copy(update={
            "telegram_bot_token": SecretStr(TOKEN), "telegram_base_url": api.base_url,
            "openai_base_url": stub.base_url,
        })
        assert doctor(settings) == 0
        assert len(stub.chat_requests) == 1  # one tiny request
        assert stub.chat_requests[0].body["max_tokens"] == 1
    lines = _lines(capsys)
    assert set(lines) == {"settings", "Telegram", "LLM", "store", "corpus", "disk"}
    assert all(line.startswith("✔") for line in lines.values()), lines
    assert "@TanyaKerjaBot" in lines["Telegram"]
    assert "group privacy on" in lines["Telegram"]
    assert "5 files" in lines["corpus"]


def test_blocking_problems_exit_1_with_the_fix(
    make_settings: Callable[..., Settings], api: FakeBotAPI,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = make_settings(
        telegram_bot_token=SecretStr("7123456789:AAH-wrong-token-for-the-fake-xx"),
        telegram_base_url=api.base_url,
    )
    assert doctor(settings) == 1
    lines = _lines(capsys)
    assert lines["Telegram"].startswith("✘")
    assert "@BotFather" in lines["Telegram"]
    assert lines["store"].startswith("✘")
    assert "tanyakerja ingest" in lines["store"]
    assert lines["corpus"].startswith("✘")
    assert "does not exist" in lines["corpus"]
    assert "AAH-wrong" not in capsys.readouterr().out


def test_unreachable_telegram_badly_shaped_token_and_failing_llm(
    seed_service: Any, seed_settings: Settings, capsys: pytest.CaptureFixture[str],
) -> None:
    base = closed_port_url().removesuffix("/v1") + "/bot"
    settings = seed_settings.model_copy(update={
        "telegram_bot_token": SecretStr(TOKEN), "telegram_base_url": base,
        "openai_base_url": closed_port_url(),
    })
    assert doctor(settings) == 1
    lines = _lines(capsys)
    assert lines["Telegram"].startswith("✘")
    assert "TELEGRAM_BASE_URL" in lines["Telegram"]
    assert lines["LLM"].startswith("✘")
    assert "OPENAI_BASE_URL" in lines["LLM"]

    with running_stub(default=Reply.error(401)) as stub:
        settings = seed_settings.model_copy(update={
            "telegram_bot_token": SecretStr("nicht-ein-token"), "openai_base_url": stub.base_url,
        })
        assert doctor(settings) == 1
    lines = _lines(capsys)
    assert "does not look like a bot token" in lines["Telegram"]
    assert "HTTP 401" in lines["LLM"]
    assert "fall back" in lines["LLM"]


def test_unreachable_chroma_server_blocks(
    make_settings: Callable[..., Settings], capsys: pytest.CaptureFixture[str],
) -> None:
    port = int(closed_port_url().rsplit(":", 1)[1].split("/")[0])
    assert doctor(make_settings(chroma_host="127.0.0.1", chroma_port=port)) == 1
    assert "chroma run" in _lines(capsys)["store"]


def test_corpus_vs_index_new_changed_missing(
    make_settings: Callable[..., Settings], embedder: Any, capsys: pytest.CaptureFixture[str],
) -> None:
    from ingest.pipeline import Ingester

    settings = make_settings()
    settings.corpus_dir.mkdir()
    files = [settings.corpus_dir / f"{i}.md" for i in range(5)]
    for i, file in enumerate(files):
        file.write_text(f"# Artikel {i}\n\nAnotator ke-{i} dibayar Rp {i}0.000 per jam.\n",
                        encoding="utf-8")
    store = open_store(settings)
    Ingester(settings=settings, store=store, embedder=embedder).run(files[:3])
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\nTambahan.\n", encoding="utf-8")
    files[1].unlink()
    status = corpus_status(settings, store)
    assert status.new == ["corpus/3.md", "corpus/4.md"]
    assert status.changed == ["corpus/0.md"]
    assert status.missing == ["corpus/1.md"]
    assert doctor(settings) == 0  # answering still works; the line says what to run
    line = _lines(capsys)["corpus"]
    assert line.startswith("✘")
    assert "2 baru, 1 berubah, 1 sudah dihapus" in line


def test_a_data_dir_others_can_read_is_flagged(
    make_settings: Callable[..., Settings], capsys: pytest.CaptureFixture[str],
) -> None:
    settings = make_settings()
    settings.data_dir.mkdir(mode=0o755)
    settings.data_dir.chmod(0o755)
    doctor(settings)
    line = _lines(capsys)["disk"]
    assert line.startswith("✘")
    assert f"chmod 700 {settings.data_dir}" in line


def test_openai_embeddings_are_checked(
    make_settings: Callable[..., Settings], capsys: pytest.CaptureFixture[str],
) -> None:
    with running_stub() as stub:
        doctor(make_settings(embedding_backend="openai", openai_base_url=stub.base_url))
        assert len(stub.embedding_requests) >= 1
    assert _lines(capsys)["embeddings"].startswith("✔")
    doctor(make_settings(embedding_backend="openai", openai_base_url=closed_port_url()))
    assert "EMBEDDING_MODEL" in _lines(capsys)["embeddings"]
