"""Reading the question log back in tests (each test opens, reads and closes it the same way)."""

from __future__ import annotations

from typing import Any

from knowledge.questionlog import open_question_log
from knowledge.settings import Settings


def logged_entries(settings: Settings) -> list[Any]:
    """Every entry of the settings' question log, oldest first."""
    log = open_question_log(settings)
    try:
        return list(log.entries())  # type: ignore[attr-defined]
    finally:
        log.close()
