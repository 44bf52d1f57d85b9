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
from tests.support.logs import logged_entries

SOURCE_KEYS = {"n", "title", "url", "path", "text", "score"}
ANSWER_KEYS = {
    "id", "question", "answer", "found", "partial", "mode", "note", "sources", "latency_ms"
}


def _run(
    settings: Settings, *args: str | bytes, cwd: Path | None = None,
    env: dict[str, str] | None = None, stdin: str | None = None, merge_stderr: bool = False,
) -> subprocess.CompletedProcess[str]:
    full_env = {
        **os.environ,
        "CORPUS_DIR": str(settings.corpus_dir),
        "DATA_DIR": str(settings.data_dir),
        "CHROMA_PATH": str(settings.chroma_path),
        "USER_KEY_SECRET": "test-secret",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "tanyakerja", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if merge_stderr else subprocess.PIPE,
        input=stdin,
        text=True,
        env=full_env,
        timeout=180,
        cwd=cwd,
        check=False,
    )


def _check_answer(obj: dict[str, Any]) -> None:
    assert set(obj) == ANSWER_KEYS
    assert obj["mode"] in ("extractive", "llm")
    assert isinstance(obj["found"], bool)
    assert isinstance(obj["partial"], bool)
    assert obj["note"] is None or isinstance(obj["note"], str)
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
    assert obj["note"] is None
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
    settings = make_settings(
        corpus_dir=seed_service.settings.corpus_dir, chroma_path=seed_service.settings.chroma_path
    )
    done = _run(settings, "ask", "Berapa gaji pelatih AI per jam?")
    assert done.returncode == 0, done.stderr
    assert "$15" in done.stdout
    entries = logged_entries(settings)
    assert [(e.chat_type, e.question, e.found) for e in entries] == [
        ("cli", "Berapa gaji pelatih AI per jam?", True)
    ]


def test_ask_json_note_says_the_ai_service_is_unavailable(
    seed_service: Any, seed_settings: Settings
) -> None:
    """The notice has a field of its own, not only text glued into the answer."""
    from knowledge.llm_answerer import UNAVAILABLE_NOTE
    from tests.support.openai_stub import closed_port_url

    done = _run(seed_settings, "ask", "--json", "Berapa gaji pelatih AI per jam?",
                env={"OPENAI_BASE_URL": closed_port_url(), "LLM_TIMEOUT_S": "2"})
    assert done.returncode == 0, done.stderr
    obj = json.loads(done.stdout)
    _check_answer(obj)
    assert obj["note"] == UNAVAILABLE_NOTE
    assert obj["found"] is True


def test_ask_batch_answers_every_good_line_and_reports_each_bad_one(
    seed_service: Any, seed_settings: Settings, tmp_path: Path
) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_bytes(
        b'{"id": "ok1", "question": "Mengapa ByteDance memecat karyawan magang?"}\n'
        b'{"id": "broken", "question": \n'
        b'{"id": "noq"}\n'
        b'{"id": "bytes", "question": "serikat \xff?"}\n'
        b'["not", "an", "object"]\n'
        b'{"id": "long", "question": "' + b"gaji " * 400 + b'"}\n'
        b'{"id": "ok2", "question": "Berapa gaji pelatih AI per jam?"}\n'
    )
    done = _run(seed_settings, "ask", "--batch", str(batch))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["id"] for o in lines] == ["ok1", None, "noq", "bytes", None, "long", "ok2"]
    assert [o.get("line") for o in lines] == [None, 2, 3, 4, 5, 6, None]
    for obj in (lines[0], lines[-1]):
        _check_answer(obj)
        assert obj["found"] is True
    errors = [o["error"] for o in lines[1:-1]]
    assert "JSON" in errors[0]
    assert "question" in errors[1]
    assert "UTF-8" in errors[2]
    assert "object" in errors[3]
    assert "terlalu panjang" in errors[4]
    assert "5 line(s)" in done.stderr


def test_ask_batch_of_good_lines_exits_zero_and_missing_file_is_one_line(
    seed_settings: Settings, tmp_path: Path
) -> None:
    done = _run(seed_settings, "ask", "--batch", str(tmp_path / "nope.jsonl"))
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "nope.jsonl" in done.stderr


@pytest.mark.parametrize("content", [None, b'{"id": "x", "question": \n', b"\xff\xfe\n"])
def test_eval_on_a_missing_or_bad_file_prints_one_line(
    seed_settings: Settings, tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "qa.jsonl"
    if content is not None:
        path.write_bytes(content)
    done = _run(seed_settings, "eval", str(path))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "qa.jsonl" in done.stderr


def test_ask_refuses_an_over_long_question_before_loading_anything(
    seed_settings: Settings,
) -> None:
    done = _run(seed_settings, "ask", "gaji " * 5_000)
    assert done.returncode == 2
    assert "terlalu panjang" in done.stderr
    assert "1.000" in done.stderr
    assert done.stdout == ""


def test_a_non_utf8_byte_in_the_question_is_replaced_at_the_edge(
    seed_service: Any, make_settings: Any
) -> None:
    """The byte used to make the embedder fail silently and the question log complain."""
    settings = make_settings(
        corpus_dir=seed_service.settings.corpus_dir, chroma_path=seed_service.settings.chroma_path
    )
    done = _run(settings, "ask", "--json", b"Berapa gaji pelatih AI per jam\xff?")
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
    obj = json.loads(done.stdout)
    assert obj["question"] == "Berapa gaji pelatih AI per jam\ufffd?"
    assert obj["found"] is True
    entries = logged_entries(settings)
    assert [e.question for e in entries] == ["Berapa gaji pelatih AI per jam\ufffd?"]


def test_console_chat_commands_logging_and_no_log_lines_in_the_prompt(
    seed_service: Any, make_settings: Any
) -> None:
    """`/topik` is a command, `/tanya serikat?` equals `serikat?`, questions are logged, and a
    warning (the LLM is unreachable) never lands after the "Kamu:" prompt."""
    from tests.support.openai_stub import closed_port_url

    settings = make_settings(
        corpus_dir=seed_service.settings.corpus_dir, chroma_path=seed_service.settings.chroma_path
    )
    done = _run(
        settings, "chat", stdin="/tanya serikat?\n/baru\nserikat?\n/topik\n/hapus 12\nkeluar\n",
        env={"OPENAI_BASE_URL": closed_port_url(), "LLM_TIMEOUT_S": "2"}, merge_stderr=True,
    )
    out = done.stdout
    assert done.returncode == 0, out
    assert "Traceback" not in out
    for line in out.splitlines():
        if "WARNING" in line:
            assert line.startswith("[log] WARNING"), line
    replies = [part.split("\nKamu:")[0] for part in out.split("\nTanyaKerja: ")[1:]]
    assert len(replies) == 2
    assert replies[0] == replies[1]
    assert "Contoh pertanyaan" in out
    assert "tanyakerja ingest" in out  # /hapus explained, not asked
    entries = logged_entries(settings)
    assert [(e.chat_type, e.question) for e in entries] == [
        ("console", "serikat?"), ("console", "serikat?")
    ]
