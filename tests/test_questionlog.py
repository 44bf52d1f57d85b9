"""The question log: pseudonymous keys, retention, deletion, migration, and damaged files."""

from __future__ import annotations

import logging
import os
import sqlite3
import struct
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import knowledge.questionlog as ql
from knowledge.questionlog import (
    DB_NAME,
    SCHEMA_VERSION,
    SECRET_NAME,
    NullQuestionLog,
    SQLiteQuestionLog,
    open_question_log,
)
from knowledge.settings import Settings
from knowledge.types import Answer, Source

RAW_ID = 987654321012  # distinctive, so a byte search cannot match by accident
OTHER_ID = 555000111


def answer(question: str = "berapa gaji ojol?", *, found: bool = True) -> Answer:
    """An answer as the knowledge service returns it."""
    source = Source(n=1, title="Upah ojol 2024", url=None, path="corpus/a.md", text="…", score=0.8)
    return Answer(
        question=question,
        text="Upahnya sekitar Rp 900.000 [1]." if found else "Maaf, belum ada jawabannya.",
        found=found,
        mode="extractive",
        sources=[source] if found else [],
        latency_ms=12.5,
    )


def sqlite_log(settings: Settings, **overrides: Any) -> SQLiteQuestionLog:
    """Open the configured log and insist it is the SQLite one."""
    log = open_question_log(settings)
    assert isinstance(log, SQLiteQuestionLog)
    for name, value in overrides.items():
        setattr(log, name, value)
    return log


def file_bytes(data_dir: Path) -> bytes:
    """Everything SQLite keeps on disk for the log: main file, WAL and shared memory."""
    return b"".join(p.read_bytes() for p in data_dir.glob(DB_NAME + "*"))


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """Warnings the question log emitted."""
    return [r for r in caplog.records if r.name == ql.__name__ and r.levelno >= logging.WARNING]


def test_records_round_trip_with_hashed_key(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    log = sqlite_log(settings)
    first = log.record(user_id=RAW_ID, chat_type="private", answer=answer())
    unanswered = answer("apa itu serikat?", found=False)
    second = log.record(user_id=None, chat_type="cli", answer=unanswered)
    assert first is not None
    assert second is not None
    assert second > first
    entries = log.entries()
    assert [e.question for e in entries] == ["berapa gaji ojol?", "apa itu serikat?"]
    assert entries[0].found
    assert entries[0].sources[0]["title"] == "Upah ojol 2024"
    assert entries[0].answer.startswith("Upahnya")
    assert not entries[1].found
    with sqlite3.connect(settings.data_dir / DB_NAME) as conn:
        keys = [row[0] for row in conn.execute("SELECT user_key FROM questions ORDER BY id")]
    assert keys == [log.user_key(RAW_ID), None]
    assert len(keys[0]) == 64
    assert log.schema_version() == SCHEMA_VERSION
    log.close()


def test_no_raw_user_id_in_database_files(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    log = sqlite_log(settings)
    for _ in range(3):
        log.record(user_id=RAW_ID, chat_type="private", answer=answer())
    data = file_bytes(settings.data_dir)
    assert b"berapa gaji ojol" in data  # the search itself works
    assert str(RAW_ID).encode() not in data
    assert struct.pack(">q", RAW_ID) not in data
    assert struct.pack("<q", RAW_ID) not in data


def test_secret_file_is_generated_private_and_stable(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = make_settings(user_key_secret=None)
    log = sqlite_log(settings)
    log.record(user_id=RAW_ID, chat_type="private", answer=answer())
    secret_file = settings.data_dir / SECRET_NAME
    assert secret_file.stat().st_mode & 0o777 == 0o600
    secret = secret_file.read_text().strip()
    assert len(secret) >= 32
    assert secret not in caplog.text
    key = log.user_key(RAW_ID)
    assert sqlite_log(settings).user_key(RAW_ID) == key  # reopening keeps the same key
    assert sqlite_log(make_settings(user_key_secret="other")).user_key(RAW_ID) != key


def test_logging_off_creates_nothing(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(question_log=False)
    log = open_question_log(settings)
    assert isinstance(log, NullQuestionLog)
    assert log.record(user_id=RAW_ID, chat_type="private", answer=answer()) is None
    assert log.feedback(1, user_id=RAW_ID, value=1) is False
    assert log.forget_user(RAW_ID) == 0
    log.close()
    assert not settings.data_dir.exists()


def test_logging_off_still_deletes_old_entries_on_request(
    make_settings: Callable[..., Settings],
) -> None:
    sqlite_log(make_settings()).record(user_id=RAW_ID, chat_type="private", answer=answer())
    off = open_question_log(make_settings(question_log=False))
    assert off.record(user_id=RAW_ID, chat_type="private", answer=answer()) is None
    assert off.forget_user(RAW_ID) == 1


def test_retention_deletes_old_rows_at_open_and_while_recording(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings(log_retention_days=90)
    now = datetime.now(UTC)
    clock = [now - timedelta(days=120)]
    log = sqlite_log(settings, _clock=lambda: clock[0])
    log.record(user_id=RAW_ID, chat_type="private", answer=answer("lama sekali"))
    clock[0] = now - timedelta(days=89)
    log.record(user_id=RAW_ID, chat_type="private", answer=answer("masih disimpan"))
    assert len(log.entries()) == 2

    reopened = sqlite_log(settings)  # open purges
    assert [e.question for e in reopened.entries()] == ["masih disimpan"]

    # while recording: purge runs when the hourly interval has passed
    clock[0] = now + timedelta(days=2)
    log._last_purge = float("-inf")
    log.record(user_id=RAW_ID, chat_type="private", answer=answer("baru"))
    assert [e.question for e in log.entries()] == ["baru"]


def test_forget_user_deletes_only_that_user(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    log = sqlite_log(settings)
    for _ in range(3):
        log.record(user_id=RAW_ID, chat_type="private", answer=answer("rahasia serikat saya"))
    log.record(user_id=OTHER_ID, chat_type="group", answer=answer("pertanyaan orang lain"))
    log.record(user_id=None, chat_type="cli", answer=answer("dari baris perintah"))
    assert log.forget_user(RAW_ID) == 3
    assert log.forget_user(RAW_ID) == 0
    assert [e.question for e in log.entries()] == ["pertanyaan orang lain", "dari baris perintah"]
    assert b"rahasia serikat saya" not in file_bytes(settings.data_dir)  # zeroed, not just unlinked


def test_feedback_only_on_own_entry(make_settings: Callable[..., Settings]) -> None:
    log = sqlite_log(make_settings())
    entry = log.record(user_id=RAW_ID, chat_type="private", answer=answer())
    assert entry is not None
    assert log.feedback(entry, user_id=OTHER_ID, value=-1) is False
    assert log.feedback(entry, user_id=None, value=-1) is False
    assert log.feedback(entry, user_id=RAW_ID, value=5) is False
    assert log.feedback(entry + 100, user_id=RAW_ID, value=1) is False
    assert log.feedback(entry, user_id=RAW_ID, value=-1) is True
    assert log.entries()[0].feedback == -1


def test_corrupted_file_does_not_raise_and_logs_once(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=ql.__name__)
    settings = make_settings()
    settings.data_dir.mkdir(parents=True)
    (settings.data_dir / DB_NAME).write_bytes(os.urandom(8192))
    log = open_question_log(settings)
    for _ in range(3):
        assert log.record(user_id=RAW_ID, chat_type="private", answer=answer()) is None
    assert log.feedback(1, user_id=RAW_ID, value=1) is False
    assert log.forget_user(RAW_ID) == 0
    warnings = warnings_of(caplog)
    assert len(warnings) == 1
    assert "move it aside" in warnings[0].getMessage()

    (settings.data_dir / DB_NAME).unlink()  # the admin moves it aside: logging resumes
    assert log.record(user_id=RAW_ID, chat_type="private", answer=answer()) is not None
    assert "works again" in caplog.text


def test_locked_database_does_not_block_answers(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings()
    log = sqlite_log(settings)
    holder = sqlite3.connect(settings.data_dir / DB_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert log.record(user_id=RAW_ID, chat_type="private", answer=answer()) is None
        assert log.record(user_id=RAW_ID, chat_type="private", answer=answer()) is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(warnings_of(caplog)) == 1
    assert log.record(user_id=RAW_ID, chat_type="private", answer=answer()) is not None


def test_read_only_database_does_not_raise(
    make_settings: Callable[..., Settings],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """SQLite's own read-only mode, since chmod does not stop root (tests may run as root)."""
    settings = make_settings()
    sqlite_log(settings).record(user_id=RAW_ID, chat_type="private", answer=answer())
    real_connect = sqlite3.connect

    def read_only(path: Any, **kwargs: Any) -> sqlite3.Connection:
        return real_connect(f"file:{path}?mode=ro", uri=True, **kwargs)

    monkeypatch.setattr(ql.sqlite3, "connect", read_only)
    log = open_question_log(settings)
    assert log.record(user_id=RAW_ID, chat_type="private", answer=answer()) is None
    assert log.forget_user(RAW_ID) == 0
    assert len(warnings_of(caplog)) == 1
    assert "readonly" in warnings_of(caplog)[0].getMessage()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores chmod")
def test_read_only_directory_does_not_raise(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    settings.data_dir.mkdir(parents=True)
    settings.data_dir.chmod(0o555)
    try:
        log = open_question_log(settings)
        assert log.record(user_id=RAW_ID, chat_type="private", answer=answer()) is None
    finally:
        settings.data_dir.chmod(0o755)


def test_unwritable_data_dir_does_not_raise(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data folder should be")
    log = open_question_log(make_settings(data_dir=blocker / "data"))
    assert log.record(user_id=RAW_ID, chat_type="private", answer=answer()) is None
    assert log.forget_user(RAW_ID) == 0


V1_SCHEMA = """
CREATE TABLE questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, user_key TEXT,
    chat_type TEXT NOT NULL, question TEXT NOT NULL, found INTEGER NOT NULL, mode TEXT NOT NULL,
    sources TEXT NOT NULL DEFAULT '[]', latency_ms REAL NOT NULL DEFAULT 0,
    feedback INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX questions_ts ON questions (ts);
PRAGMA user_version = 1;
"""


def test_upgrade_from_v1_keeps_rows(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    settings.data_dir.mkdir(parents=True)
    recent = ql.format_time(datetime.now(UTC) - timedelta(days=1))
    with sqlite3.connect(settings.data_dir / DB_NAME) as conn:  # a file written by version 1
        conn.executescript(V1_SCHEMA)
        conn.executemany(
            "INSERT INTO questions (ts, user_key, chat_type, question, found, mode, feedback)"
            " VALUES (?, ?, 'private', ?, ?, 'extractive', ?)",
            [(recent, "k1", "pertanyaan lama satu", 1, 1), (recent, "k2", "lama dua", 0, -1)],
        )
    log = sqlite_log(settings)
    assert log.schema_version() == SCHEMA_VERSION
    entries = log.entries()
    assert [(e.question, e.found, e.feedback, e.answer) for e in entries] == [
        ("pertanyaan lama satu", True, 1, ""),
        ("lama dua", False, -1, ""),
    ]
    assert log.record(user_id=RAW_ID, chat_type="private", answer=answer()) is not None
    assert log.entries()[-1].answer.startswith("Upahnya")


def test_newer_schema_is_left_alone(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings()
    settings.data_dir.mkdir(parents=True)
    with sqlite3.connect(settings.data_dir / DB_NAME) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    log = open_question_log(settings)
    assert log.record(user_id=RAW_ID, chat_type="private", answer=answer()) is None
    assert "newer" in caplog.text


def test_concurrent_records_from_threads(make_settings: Callable[..., Settings]) -> None:
    log = sqlite_log(make_settings())
    ids: list[int | None] = []

    def work(n: int) -> None:
        for i in range(20):
            ids.append(log.record(user_id=n, chat_type="private", answer=answer(f"q{n}-{i}")))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert None not in ids
    assert len(set(ids)) == 120
    assert len(log.entries()) == 120
