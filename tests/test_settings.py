"""Settings: one home for `.env` and relative paths, and one clear line per bad setting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.settings import ConfigError, Settings, load_settings

REPO = Path(__file__).resolve().parent.parent


def _cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tanyakerja", *args], capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), **env}, cwd=cwd, timeout=180, check=False,
    )


@pytest.mark.parametrize(
    ("raw", "ids"),
    [
        ("123456789 987654321", {123456789, 987654321}),
        ("123456789,987654321", {123456789, 987654321}),
        (" 123456789 , 987654321 ,", {123456789, 987654321}),
        ("123456789\t987654321", {123456789, 987654321}),
        ("", set()),
    ],
)
def test_admin_ids_accept_commas_and_spaces(
    raw: str, ids: set[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADMIN_USER_IDS", raw)
    assert load_settings().admin_user_ids == ids


@pytest.mark.parametrize("raw", ["@budi", "123 budi", "12.5", "123;456"])
def test_bad_admin_ids_are_one_line_naming_the_setting(
    raw: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADMIN_USER_IDS", raw)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    [line] = caught.value.lines
    assert line.startswith("Setting ADMIN_USER_IDS=")
    assert "commas or spaces" in line


def test_every_bad_setting_is_one_line_without_traceback(tmp_path: Path) -> None:
    done = _cli(
        "ask", "serikat?", cwd=tmp_path, ADMIN_USER_IDS="@budi", WEBHOOK_PORT="delapan",
        EMBEDDING_BACKEND="bert", TELEGRAM_BOT_TOKEN="", LOG_RETENTION_DAYS="1.5",
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert [line.split("=")[0] for line in lines] == [
        "Setting ADMIN_USER_IDS", "Setting WEBHOOK_PORT", "Setting EMBEDDING_BACKEND",
        "Setting LOG_RETENTION_DAYS",
    ]
    assert "Traceback" not in done.stderr
    assert "pydantic" not in done.stderr


def test_secrets_are_not_echoed_in_setting_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "x" * 5000)
    monkeypatch.setenv("WEBHOOK_PORT", "x-rahasia-x")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert "x" * 100 not in str(caught.value)


def test_env_file_and_relative_paths_come_from_the_home_not_the_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    (home / ".env").write_text("CORPUS_DIR=artikel\nADMIN_USER_IDS=42\n", encoding="utf-8")
    (elsewhere / ".env").write_text("ADMIN_USER_IDS=666\n", encoding="utf-8")
    monkeypatch.setenv("TANYAKERJA_HOME", str(home))
    monkeypatch.chdir(elsewhere)
    settings = load_settings()
    assert settings.admin_user_ids == {42}
    assert settings.corpus_dir == home / "artikel"
    assert settings.data_dir == home / "data"
    assert settings.chroma_path == home / "data" / "chroma"


def test_without_tanyakerja_home_the_checkout_is_the_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TANYAKERJA_HOME")
    monkeypatch.chdir(tmp_path)
    settings = Settings(_env_file=None)
    assert settings.corpus_dir == REPO / "corpus"
    assert settings.data_dir == REPO / "data"


def test_webhook_listens_on_loopback_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.app import webhook_options

    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/tanyakerja")
    settings = load_settings()
    assert settings.webhook_listen == "127.0.0.1"
    assert webhook_options(settings)["listen"] == "127.0.0.1"
    example = (REPO / ".env.example").read_text(encoding="utf-8")
    assert "WEBHOOK_LISTEN=127.0.0.1" in example
