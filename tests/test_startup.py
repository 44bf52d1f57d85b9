"""Starting from anywhere: the project home, refusing to answer from nothing, unreachable
Telegram, corpus files not yet indexed, and ingest's exit codes. Real subprocesses."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.reachability import TelegramUnreachable, TokenRejected, get_me, wait_for_telegram
from knowledge.settings import Settings
from tests.support.fake_bot_api import TOKEN
from tests.support.openai_stub import closed_port_url
from tests.test_bot_app import _api_in_a_thread

REPO = Path(__file__).resolve().parent.parent
ARTICLE = """---
title: Upah anotator data
---
Seorang anotator data di Jakarta menerima upah Rp 50.000 per jam dari platform pelabelan.
Serikat pekerja digital mendesak platform memberi jaminan kesehatan bagi para anotator.
"""


def _cli(*args: str, cwd: Path, stdin: str | None = None, **env: str) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "tanyakerja", *args], capture_output=True, text=True,
        input=stdin, env={**os.environ, "PYTHONPATH": str(REPO), **env}, cwd=cwd, timeout=300,
        check=False,
    )


def test_ask_from_another_directory_uses_the_home(
    seed_service: Any, seed_settings: Settings, tmp_path: Path
) -> None:
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    shutil.copytree(seed_settings.corpus_dir, home / "corpus")
    elsewhere.mkdir()
    (home / ".env").write_text(
        f"CHROMA_PATH={seed_settings.chroma_path}\nUSER_KEY_SECRET=test-secret\n", encoding="utf-8"
    )
    done = _cli("ask", "--json", "Berapa gaji pelatih AI per jam?", cwd=elsewhere,
                TANYAKERJA_HOME=str(home))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["found"] is True
    assert list(elsewhere.iterdir()) == []  # no ./data appears where it was started
    assert (home / "data" / "questions.sqlite3").is_file()
    assert (home / "data").stat().st_mode & 0o777 == 0o700  # workers' questions: owner only


def test_missing_corpus_is_one_clear_line_not_a_refusal(tmp_path: Path) -> None:
    home = tmp_path / "kosong"
    home.mkdir()
    done = _cli("ask", "serikat?", cwd=tmp_path, TANYAKERJA_HOME=str(home))
    assert done.returncode == 1
    assert done.stdout == ""
    [line] = done.stderr.strip().splitlines()
    assert "CORPUS_DIR" in line
    assert str(home / "corpus") in line


def test_ingest_exit_code_says_files_were_rejected(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(ARTICLE, encoding="utf-8")
    clean = _cli("ingest", "--quiet", cwd=tmp_path)
    assert clean.returncode == 0, clean.stderr
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4 not an article")
    rejected = _cli("ingest", "--quiet", cwd=tmp_path)
    assert rejected.returncode == 3, rejected.stderr
    assert "! ditolak: corpus/scan.pdf" in rejected.stdout
    full = _cli("ingest", "--quiet", "--full", cwd=tmp_path)
    assert "1 dibangun ulang" in full.stdout
    assert "1 tidak berubah" not in full.stdout

    # start-up of `run` (console chat: no token) warns about files never indexed
    (corpus / "b.md").write_text(ARTICLE.replace("Jakarta", "Bandung"), encoding="utf-8")
    (corpus / "c.txt").write_text("Upah kurir data\n\nKurir data dibayar per paket.\n",
                                  encoding="utf-8")
    run = _cli("run", cwd=tmp_path, stdin="")
    assert run.returncode == 0, run.stderr
    assert "2 berkas di" in run.stderr
    assert "belum diindeks" in run.stderr
    assert "tanyakerja ingest" in run.stderr


def test_an_index_made_with_an_older_versions_text_rules_is_rebuilt_once(tmp_path: Path) -> None:
    from knowledge.store import ChromaStore, make_client

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(ARTICLE, encoding="utf-8")
    assert _cli("ingest", "--quiet", cwd=tmp_path).returncode == 0
    # what an older version leaves behind: an index whose words came from other text rules
    settings = Settings(_env_file=None, chroma_path=tmp_path / "data" / "chroma")  # type: ignore[call-arg]
    ChromaStore(client=make_client(settings), embedder_id=settings.embedder_id).record_rules("old")

    doctor = _cli("doctor", cwd=tmp_path)
    assert "older version" in doctor.stdout
    asked = _cli("ask", "--json", "Berapa upah anotator data per jam?", cwd=tmp_path)
    assert asked.returncode == 0, asked.stderr
    assert "1 dibangun ulang" in asked.stderr
    assert json.loads(asked.stdout)["found"] is True
    again = _cli("ask", "--json", "Berapa upah anotator data per jam?", cwd=tmp_path)
    assert "dibangun ulang" not in again.stderr
    assert "older version" not in _cli("doctor", cwd=tmp_path).stdout


def test_wait_for_telegram_logs_one_line_per_attempt_with_backoff(
    caplog: pytest.LogCaptureFixture,
) -> None:
    base = closed_port_url().removesuffix("/v1") + "/bot"
    delays: list[float] = []
    caplog.set_level(logging.INFO)
    with pytest.raises(TelegramUnreachable):
        wait_for_telegram(base, TOKEN, sleep=delays.append, max_attempts=5)
    assert delays == [1, 2, 4, 8]
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.reachability"]
    assert len(lines) == 4
    assert all("TELEGRAM_BASE_URL" in line and TOKEN not in line for line in lines)


def test_get_me_against_the_fake_bot_api() -> None:
    with _api_in_a_thread() as api:
        assert get_me(api.base_url, TOKEN).username == "TanyaKerjaBot"
        with pytest.raises(TokenRejected):
            get_me(api.base_url, "7123456789:AAH-wrong-token-for-the-fake-xx")


def test_run_keeps_retrying_while_telegram_is_unreachable(
    make_settings: Callable[..., Settings], seed_corpus: Path, tmp_path: Path
) -> None:
    base = closed_port_url().removesuffix("/v1") + "/bot"
    env = {**os.environ, "PYTHONPATH": str(REPO), "TELEGRAM_BOT_TOKEN": TOKEN,
           "TELEGRAM_BASE_URL": base}
    process = subprocess.Popen(
        [sys.executable, "-m", "tanyakerja", "run"], cwd=tmp_path, env=env, text=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    killer = threading.Timer(120, process.kill)  # a hung start must not hang the suite
    killer.start()
    seen: list[str] = []
    try:
        assert process.stderr is not None
        for line in process.stderr:
            seen.append(line)
            if sum("Telegram is unreachable" in s for s in seen) == 3:
                break
        still_running = process.poll() is None
    finally:
        process.terminate()
        process.wait(30)
        killer.cancel()
    output = "".join(seen)
    assert still_running, output
    assert "Traceback" not in output
    assert TOKEN not in output
    retries = [s for s in seen if "Telegram is unreachable" in s]
    assert all("TELEGRAM_BASE_URL" in s and "doctor" in s for s in retries)
    assert "retrying in 1 s" in retries[0]
    assert "retrying in 4 s" in retries[2]


def test_unreachable_chroma_server_is_one_line(tmp_path: Path) -> None:
    port = closed_port_url().rsplit(":", 1)[1].split("/")[0]
    done = _cli("ask", "serikat?", cwd=tmp_path, CHROMA_HOST="127.0.0.1", CHROMA_PORT=port)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "CHROMA_HOST" in done.stderr.strip().splitlines()[-1]
