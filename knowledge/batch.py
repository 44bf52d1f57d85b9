"""`ask --batch`: one JSON answer per line of a JSONL file, and one bad line never stops the rest.

Why line by line from bytes: a batch is often a log export or a hand-edited file, so a broken
line (invalid JSON, no "question", a byte that is not UTF-8, a question over MAX_QUESTION_CHARS)
must cost only that line. Such a line prints an error object in its place,
`{"id": …, "line": n, "error": "…"}` (id when it could be read, else null), and the caller's exit
code says that some lines failed. Every line goes through the shared asking path, so batch
questions are cleaned, length-checked and logged like any other.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from knowledge.asking import Asker

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BatchLine:
    """The JSON object printed for one input line, and whether it is an error."""

    obj: dict[str, Any]
    failed: bool


def _error(id_: Any, line: int, message: str) -> BatchLine:
    return BatchLine({"id": id_, "line": line, "error": message}, failed=True)


def _readable_id(raw: bytes) -> Any:
    """The line's "id" if the line is a JSON object once bad bytes are replaced, else None."""
    try:
        item = json.loads(raw.decode("utf-8", "replace"))
    except ValueError:
        return None
    return item.get("id") if isinstance(item, dict) else None


def answer_line(asker: Asker, raw: bytes, line: int) -> BatchLine:
    """The answer object for one JSONL line, or an error object saying what is wrong with it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _error(_readable_id(raw), line, f"not valid UTF-8 (byte {exc.start + 1})")
    try:
        item = json.loads(text)
    except ValueError as exc:
        return _error(None, line, f"not valid JSON ({exc})")
    if not isinstance(item, dict):
        return _error(None, line, 'not a JSON object like {"id": "q1", "question": "…"}')
    id_ = item.get("id")
    question = item.get("question")
    if not isinstance(question, str) or not question.strip():
        return _error(id_, line, 'no "question" text')
    try:
        outcome = asker.ask(question, chat=None, chat_type="cli")
    except Exception:  # one failing question must not lose the rest of the batch
        logger.exception("batch line %d could not be answered", line)
        return _error(id_, line, "could not be answered (internal error, see the log)")
    if outcome.answer is None:
        return _error(id_, line, outcome.message)
    return BatchLine(outcome.answer.to_json(id_), failed=False)


def answer_lines(asker: Asker, lines: Iterable[bytes]) -> Iterator[BatchLine]:
    """One BatchLine per non-blank input line, in order."""
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield answer_line(asker, raw, number)
