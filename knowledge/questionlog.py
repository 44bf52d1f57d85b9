"""The question log: what workers asked and how the bot did, kept so admins know what to add.

Workers ask about pay and unions, so the log is built to protect them:
- users are a pseudonymous key (HMAC-SHA256 of the Telegram user id with a secret), never the raw
  id or name, and any user can delete their rows (`forget_user`, behind /hapusdata);
- rows older than LOG_RETENTION_DAYS are deleted at open and at most hourly while recording;
- deleted content is zeroed (`secure_delete`) and the WAL truncated after a user's deletion;
  while another connection reads, SQLite cannot truncate the WAL (its old frames still hold the
  deleted text), so the wipe stays pending and is retried before every later call and at close;
- DATA_DIR folders are created 0700 and the database 0600 (`knowledge.privacy`);
- control characters (terminal escapes) are stripped from questions and answers before storing;
- QUESTION_LOG=false records nothing and creates no file.

The log must never stop an answer: every public method catches database and file errors, logs the
problem once (until the log works again) and returns a neutral value. Each call opens its own
short-lived SQLite connection, so the bot may call from any thread, and a file that was broken or
locked recovers without a restart.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

from knowledge.privacy import private_dir, private_file, tighten

if TYPE_CHECKING:
    from knowledge.settings import Settings
    from knowledge.types import Answer

logger = logging.getLogger(__name__)
T = TypeVar("T")

DB_NAME = "questions.sqlite3"
SECRET_NAME = "user_key.secret"
BUSY_TIMEOUT_MS = 250
PURGE_INTERVAL_S = 3600.0
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # fixed width, so text comparison orders by time

# One entry per schema version; index i upgrades version i to i + 1. Never edit a shipped entry:
# append a new one, so every existing file upgrades in place without losing rows.
MIGRATIONS: tuple[str, ...] = (
    # v1: the first log
    """
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts TEXT NOT NULL,
        user_key TEXT,
        chat_type TEXT NOT NULL,
        question TEXT NOT NULL,
        found INTEGER NOT NULL,
        mode TEXT NOT NULL,
        sources TEXT NOT NULL DEFAULT '[]',
        latency_ms REAL NOT NULL DEFAULT 0,
        feedback INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX questions_ts ON questions (ts);
    """,
    # v2: keep the answer text (to review 👎 answers) and find a user's rows quickly
    """
    ALTER TABLE questions ADD COLUMN answer TEXT NOT NULL DEFAULT '';
    CREATE INDEX questions_user_key ON questions (user_key);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One logged question, as the report reads it (no user key)."""

    id: int
    time: datetime
    chat_type: str
    question: str
    found: bool
    mode: str
    sources: list[dict[str, object]]
    answer: str
    latency_ms: float
    feedback: int


class QuestionLog(Protocol):
    """Where the bot and the command line record questions; every method is safe to call."""

    def record(self, *, user_id: int | None, chat_type: str, answer: Answer) -> int | None:
        """Log one answered question; returns the entry id, or None when off or failing."""
        ...

    def feedback(self, entry_id: int, *, user_id: int | None, value: int) -> bool:
        """Store +1 / -1 on the asker's own entry; False if not allowed or failing."""
        ...

    def forget_user(self, user_id: int) -> int:
        """Delete every entry of one user; returns how many were deleted."""
        ...

    def close(self) -> None:
        """Release resources (connections are per call, so this is cheap)."""
        ...


@runtime_checkable
class LogReader(Protocol):
    """A log the report can read."""

    def entries(self, *, since: datetime | None = None) -> list[LogEntry]:
        """Entries at or after `since` (all when None), oldest first."""
        ...


class NullQuestionLog:
    """The log when QUESTION_LOG=false: records nothing, creates nothing."""

    def record(self, *, user_id: int | None, chat_type: str, answer: Answer) -> int | None:
        """Record nothing."""
        return None

    def feedback(self, entry_id: int, *, user_id: int | None, value: int) -> bool:
        """Store nothing."""
        return False

    def forget_user(self, user_id: int) -> int:
        """Nothing is stored, so nothing to delete."""
        return 0

    def entries(self, *, since: datetime | None = None) -> list[LogEntry]:
        """No entries."""
        return []

    def close(self) -> None:
        """Nothing to close."""


# C0 and C1 controls and DEL, except newline and tab: ESC sequences could retitle, clear or
# rewrite an admin's terminal when `tanyakerja stats` prints a worker's question.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """`text` without terminal control characters (newlines and tabs kept)."""
    return _CONTROLS.sub("", text)


def format_time(moment: datetime) -> str:
    """UTC timestamp as stored in the `ts` column."""
    return moment.astimezone(UTC).strftime(TIME_FORMAT)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class SQLiteQuestionLog:
    """The question log in one SQLite file; see the module docstring for the guarantees."""

    def __init__(
        self,
        *,
        path: Path,
        secret: bytes | None,
        secret_path: Path,
        retention_days: int,
        recording: bool = True,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.path = path
        self.retention = timedelta(days=max(1, retention_days))
        self.recording = recording
        self._secret = secret
        self._secret_path = secret_path
        self._clock = clock
        self._lock = threading.Lock()
        self._ready = False
        self._failing = False
        self._last_purge = float("-inf")
        self._wipe_pending = False

    # --- the QuestionLog protocol -------------------------------------------------------------

    def record(self, *, user_id: int | None, chat_type: str, answer: Answer) -> int | None:
        """Log one answered question; returns the entry id, or None when off or failing."""
        if not self.recording:
            return None
        sources = [
            {"n": s.n, "title": s.title, "url": s.url, "path": s.path, "score": round(s.score, 4)}
            for s in answer.sources
        ]
        row = [
            format_time(self._clock()),
            None,  # the user key, computed inside the guarded call (it may need the secret file)
            chat_type,
            strip_controls(answer.question),
            int(answer.found),
            answer.mode,
            json.dumps(sources, ensure_ascii=False),
            strip_controls(answer.text),
            float(answer.latency_ms),
        ]

        def insert(conn: sqlite3.Connection) -> int | None:
            row[1] = None if user_id is None else self.user_key(user_id)
            if time.monotonic() - self._last_purge >= PURGE_INTERVAL_S:
                self._purge(conn)
            return conn.execute(
                "INSERT INTO questions (ts, user_key, chat_type, question, found, mode, sources,"
                " answer, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            ).lastrowid

        return self._run("record", insert, None)

    def feedback(self, entry_id: int, *, user_id: int | None, value: int) -> bool:
        """Store +1 / -1 on the asker's own entry; False if not allowed or failing."""
        if not self.recording or user_id is None or value not in (1, -1):
            return False
        return self._run(
            "feedback",
            lambda conn: conn.execute(
                "UPDATE questions SET feedback = ? WHERE id = ? AND user_key = ?",
                (value, int(entry_id), self.user_key(user_id)),
            ).rowcount
            > 0,
            False,
        )

    def forget_user(self, user_id: int) -> int:
        """Delete every entry of one user (content zeroed, WAL truncated); returns the count."""
        deleted = self._run(
            "forget_user",
            lambda conn: int(
                conn.execute(
                    "DELETE FROM questions WHERE user_key = ?", (self.user_key(user_id),)
                ).rowcount
            ),
            0,
        )
        if deleted:
            self._wipe_pending = True
            self._wipe()
            logger.info("Question log: deleted %d entries at a user's request", deleted)
        return deleted

    def close(self) -> None:
        """Nothing is held open between calls; fold the WAL back into the main file."""
        if self._ready or self._wipe_pending:
            self._checkpoint()

    @property
    def failing(self) -> bool:
        """True while the last database call failed (answers go on; the log does not)."""
        return self._failing

    # --- reading and upkeep -------------------------------------------------------------------

    def entries(self, *, since: datetime | None = None) -> list[LogEntry]:
        """Entries at or after `since` (all when None), oldest first; [] when failing."""
        cutoff = "" if since is None else format_time(since)
        rows: list[sqlite3.Row] = self._run(
            "entries",
            lambda conn: conn.execute(
                "SELECT id, ts, chat_type, question, found, mode, sources, answer, latency_ms,"
                " feedback FROM questions WHERE ts >= ? ORDER BY ts, id",
                (cutoff,),
            ).fetchall(),
            [],
        )
        return [_entry(row) for row in rows]

    def purge_expired(self) -> int:
        """Delete entries older than the retention period now; returns the count."""
        return self._run("purge", self._purge, 0)

    def user_key(self, user_id: int) -> str:
        """The pseudonymous key stored instead of a Telegram user id."""
        secret = self._secret if self._secret is not None else self._load_secret()
        self._secret = secret
        return hmac.new(secret, str(int(user_id)).encode(), hashlib.sha256).hexdigest()

    def schema_version(self) -> int:
        """The file's schema version (0 when it cannot be read)."""
        return self._run(
            "schema_version", lambda conn: int(conn.execute("PRAGMA user_version").fetchone()[0]), 0
        )

    # --- internals ----------------------------------------------------------------------------

    def _run(self, action: str, work: Callable[[sqlite3.Connection], T], default: T) -> T:
        """Run `work` in one transaction; on failure log once and return `default`."""
        if self._wipe_pending:
            self._wipe()
        with self._lock:
            try:
                conn = self._connect()
                try:
                    if not self._ready:
                        self._prepare(conn)
                    with conn:  # commit on success, roll back on error
                        result = work(conn)
                finally:
                    conn.close()
            except Exception as exc:  # logging must never cost an answer, whatever went wrong
                if not self._failing:
                    expected = isinstance(exc, sqlite3.Error | OSError | ValueError)
                    logger.warning(
                        "Question log at %s is unusable during %s (%s: %s); answers continue"
                        " without logging. If the file is damaged, move it aside to start a new"
                        " log.",
                        self.path, action, type(exc).__name__, exc, exc_info=not expected,
                    )
                self._failing = True
                return default
            if self._failing:
                logger.info("Question log at %s works again", self.path)
                self._failing = False
            return result

    def _connect(self) -> sqlite3.Connection:
        if not self.recording and not self.path.exists():
            raise FileNotFoundError(f"no question log at {self.path}")
        # SQLite gives the -wal and -shm files the main file's mode: create that one 0600.
        private_file(self.path)
        for companion in ("-wal", "-shm"):
            tighten(self.path.with_name(self.path.name + companion))
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA secure_delete = ON")  # deleted questions are overwritten, not kept
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL-safe; no fsync per logged question
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        """First successful contact: key secret, WAL, schema upgrade, retention."""
        if self._secret is None:
            self._secret = self._load_secret()
        if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            logger.info("Question log at %s is not in WAL mode; continuing", self.path)
        migrate(conn)
        self._purge(conn)
        self._ready = True

    def _purge(self, conn: sqlite3.Connection) -> int:
        cutoff = format_time(self._clock() - self.retention)
        deleted = conn.execute("DELETE FROM questions WHERE ts < ?", (cutoff,)).rowcount
        self._last_purge = time.monotonic()
        if deleted:
            logger.info("Question log: deleted %d entries past the retention period", deleted)
        return int(deleted)

    def _checkpoint(self) -> bool:
        """Fold the WAL into the main file and truncate it; False while a reader prevents it."""
        try:
            conn = self._connect()
            try:
                busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            finally:
                conn.close()
        except (sqlite3.Error, OSError) as exc:
            logger.debug("Question log checkpoint skipped: %s", exc)
            return False
        return not busy

    def _wipe(self) -> None:
        """Retry the checkpoint that clears deleted rows out of the WAL, until it succeeds."""
        with self._lock:
            if self._checkpoint():
                self._wipe_pending = False

    def _load_secret(self) -> bytes:
        """Read the key secret from its file, creating it (mode 0600) the first time."""
        path = self._secret_path
        if not path.exists():
            private_dir(path.parent)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass  # another process created it first; read theirs
            else:
                with os.fdopen(fd, "w", encoding="ascii") as handle:
                    handle.write(secrets.token_hex(32) + "\n")
                logger.info("Created a new user-key secret file at %s", path)
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
        value = path.read_text(encoding="ascii").strip()
        if len(value) < 32:
            raise ValueError(f"user-key secret file {path} is empty or too short")
        return value.encode("ascii")


def migrate(conn: sqlite3.Connection) -> int:
    """Upgrade the schema to SCHEMA_VERSION in place; returns the version found before."""
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            f"schema version {found} is newer than this program's {SCHEMA_VERSION}"
        )
    for version in range(found, SCHEMA_VERSION):
        # One transaction per step, user_version included: a failed step leaves the file at the
        # previous version (the connection closes without COMMIT, which rolls back).
        conn.executescript(
            f"BEGIN; {MIGRATIONS[version]}; PRAGMA user_version = {version + 1}; COMMIT;"
        )
    if found < SCHEMA_VERSION:
        logger.info("Question log schema upgraded from version %d to %d", found, SCHEMA_VERSION)
    return found


def _entry(row: sqlite3.Row) -> LogEntry:
    try:
        sources = json.loads(row["sources"])
    except (TypeError, ValueError):
        sources = []
    return LogEntry(
        id=int(row["id"]),
        time=datetime.strptime(row["ts"], TIME_FORMAT).replace(tzinfo=UTC),
        chat_type=str(row["chat_type"]),
        question=strip_controls(str(row["question"])),  # rows logged before stripping existed
        found=bool(row["found"]),
        mode=str(row["mode"]),
        sources=sources if isinstance(sources, list) else [],
        answer=strip_controls(str(row["answer"])),
        latency_ms=float(row["latency_ms"]),
        feedback=int(row["feedback"]),
    )


def open_question_log(settings: Settings) -> QuestionLog:
    """The configured log: SQLite under DATA_DIR, or a no-op if QUESTION_LOG=false. Never raises."""
    try:
        path = Path(settings.data_dir) / DB_NAME
        if not settings.question_log and not path.exists():
            return NullQuestionLog()
        secret_value = settings.user_key_secret
        log = SQLiteQuestionLog(
            path=path,
            secret=None if secret_value is None else secret_value.get_secret_value().encode(),
            secret_path=Path(settings.data_dir) / SECRET_NAME,
            retention_days=settings.log_retention_days,
            # Logging off but an old file exists: record nothing, still honour deletion/retention.
            recording=settings.question_log,
        )
        log.purge_expired()  # prepares the file (schema, retention); failures are logged once
        return log
    except Exception:  # the log must never stop the bot from starting
        logger.warning("Question log disabled: could not be set up", exc_info=True)
        return NullQuestionLog()
