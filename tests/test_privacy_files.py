"""The question log on disk: owner-only files and folders, no deleted text left in the WAL."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

from knowledge.privacy import private_dir, private_file
from knowledge.settings import Settings
from tests.test_questionlog import OTHER_ID, RAW_ID, answer, file_bytes, sqlite_log


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_question_log_files_are_owner_only(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    log = sqlite_log(settings)
    log.record(user_id=RAW_ID, chat_type="private", answer=answer())
    assert mode(settings.data_dir) == 0o700
    files = list(settings.data_dir.glob("questions.sqlite3*"))
    assert files
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
    log.close()


def test_an_existing_world_readable_log_is_tightened(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings()
    settings.data_dir.mkdir()
    db = settings.data_dir / "questions.sqlite3"
    sqlite3.connect(db).close()
    db.chmod(0o644)
    sqlite_log(settings).record(user_id=1, chat_type="private", answer=answer())
    assert mode(db) == 0o600


def test_private_helpers_ignore_a_loose_umask(tmp_path: Path) -> None:
    import os

    old = os.umask(0)
    try:
        folder = private_dir(tmp_path / "a" / "b")
        file = private_file(folder / "f")
    finally:
        os.umask(old)
    assert (mode(tmp_path / "a"), mode(folder), mode(file)) == (0o700, 0o700, 0o600)


def test_deleted_text_leaves_the_wal_once_a_reader_is_done(
    make_settings: Callable[..., Settings],
) -> None:
    """A reader holding a snapshot blocks the WAL truncation; the wipe must be retried."""
    settings = make_settings()
    log = sqlite_log(settings)
    for _ in range(3):
        log.record(user_id=RAW_ID, chat_type="private", answer=answer("rahasia serikat saya"))
    reader = sqlite3.connect(settings.data_dir / "questions.sqlite3")
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM questions").fetchone()[0] == 3

    assert log.forget_user(RAW_ID) == 3
    # The reader's transaction ends, its connection stays open (so SQLite's own clean-up when the
    # last connection closes never runs); the next use of the log must finish the wipe.
    reader.rollback()
    try:
        log.record(user_id=OTHER_ID, chat_type="private", answer=answer("pertanyaan lain"))
        assert b"rahasia serikat saya" not in file_bytes(settings.data_dir)
    finally:
        reader.close()
        log.close()
