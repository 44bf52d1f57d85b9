"""The `tanyakerja` command line, run as a real subprocess (docs/design.md's JSON contract)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from knowledge.settings import Settings

SOURCE_KEYS = {"n", "title", "url", "path", "text", "score"}
ANSWER_KEYS = {"id", "question", "answer", "found", "mode", "sources", "latency_ms"}


def _run(
    settings: Settings, *args: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CORPUS_DIR": str(settings.corpus_dir),
        "DATA_DIR": str(settings.data_dir),
        "CHROMA_PATH": str(settings.chroma_path),
        "USER_KEY_SECRET": "test-secret",
    }
    return subprocess.run(
        [sys.executable, "-m", "tanyakerja", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        cwd=cwd,
        check=False,
    )


def _check_answer(obj: dict[str, Any]) -> None:
    assert set(obj) == ANSWER_KEYS
    assert obj["mode"] in ("extractive", "llm")
    assert isinstance(obj["found"], bool)
    assert isinstance(obj["latency_ms"], float)
    for n, source in enumerate(obj["sources"], start=1):
        assert set(source) == SOURCE_KEYS
        assert source["n"] == n
        assert source["url"] is None or source["url"].startswith("http")
        assert f"[{n}]" in obj["answer"]


def test_ask_json_follows_design(seed_service: Any, seed_settings: Settings) -> None:
    done = _run(seed_settings, "ask", "--json", "Berapa gaji pelatih AI per jam?")
    assert done.returncode == 0, done.stderr
    obj = json.loads(done.stdout)
    _check_answer(obj)
    assert obj["found"] is True
    assert obj["id"] is None
    assert "$15" in obj["answer"]
    assert obj["sources"]


def test_ask_batch_echoes_ids(seed_service: Any, seed_settings: Settings, tmp_path: Path) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        '{"id": "a1", "question": "Mengapa ByteDance memecat karyawan magang?"}\n\n'
        '{"id": "a2", "question": "Siapa presiden pertama Amerika Serikat?"}\n',
        encoding="utf-8",
    )
    done = _run(seed_settings, "ask", "--batch", str(batch))
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["id"] for o in lines] == ["a1", "a2"]
    for obj in lines:
        _check_answer(obj)
    assert lines[0]["found"] is True
    assert lines[1]["found"] is False
    assert lines[1]["sources"] == []


def test_eval_command_reports_totals(seed_service: Any, seed_settings: Settings) -> None:
    dev = Path(__file__).resolve().parent.parent / "eval" / "dev.jsonl"
    done = _run(seed_settings, "eval", str(dev), "--json")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    totals = json.loads(done.stdout)["totals"]
    assert totals["facts_passed"] == 12
    assert totals["refused_passed"] == 3


@pytest.mark.parametrize("args", [["ask"], ["ask", ""]])
def test_ask_without_question_explains_in_indonesian(
    seed_service: Any, seed_settings: Settings, args: list[str]
) -> None:
    done = _run(seed_settings, *args)
    assert done.returncode == 2
    assert "Tulis pertanyaannya" in done.stderr


def test_ask_writes_a_pseudonymous_log_entry(seed_service: Any, make_settings: Any) -> None:
    """`tanyakerja ask` logs like the bot does (chat type "cli", no user)."""
    from knowledge.questionlog import open_question_log

    settings = make_settings(
        corpus_dir=seed_service.settings.corpus_dir, chroma_path=seed_service.settings.chroma_path
    )
    done = _run(settings, "ask", "Berapa gaji pelatih AI per jam?")
    assert done.returncode == 0, done.stderr
    assert "$15" in done.stdout
    log = open_question_log(settings)
    try:
        entries = log.entries()  # type: ignore[attr-defined]
    finally:
        log.close()
    assert [(e.chat_type, e.question, e.found) for e in entries] == [
        ("cli", "Berapa gaji pelatih AI per jam?", True)
    ]
