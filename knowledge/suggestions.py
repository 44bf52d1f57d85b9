"""Suggested questions (for /start and /topik) that the current articles really answer.

Why not a fixed list: a suggestion the bot then answers with "I don't know" breaks trust at the
first tap. The candidates live in `data/suggestions.txt` (topic -> questions, edited by people);
`Suggestions.compute` asks every candidate through the live answerer and keeps only those
answered with found=True. It runs once at start and after every reindex (in a thread: it is CPU
work), and the result is swapped in whole, so readers always see one consistent set.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from knowledge.types import Answer

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Topic:
    """A group of questions shown under one button."""

    key: str
    label: str
    questions: tuple[str, ...]


def question_key(question: str) -> str:
    """Short stable id of a question (fits Telegram's 64-byte callback data)."""
    return hashlib.sha1(question.strip().encode("utf-8")).hexdigest()[:12]


def parse_candidates(text: str) -> list[Topic]:
    """Parse the suggestions file format ("## key | Label" then one question per line)."""
    topics: list[Topic] = []
    key = label = ""
    questions: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or (line.startswith("#") and not line.startswith("##")):
            continue
        if line.startswith("##"):
            if key and questions:
                topics.append(Topic(key, label, tuple(questions)))
            head, _, rest = line[2:].partition("|")
            key, label, questions = head.strip(), (rest.strip() or head.strip()), []
        elif key:
            questions.append(line)
    if key and questions:
        topics.append(Topic(key, label, tuple(questions)))
    return topics


def load_candidates(path: Path | None = None) -> list[Topic]:
    """The candidate topics from `path`, or from the bundled `knowledge/data/suggestions.txt`."""
    if path is not None:
        return parse_candidates(path.read_text(encoding="utf-8"))
    bundled = resources.files("knowledge.data").joinpath("suggestions.txt")
    return parse_candidates(bundled.read_text(encoding="utf-8"))


class Suggestions:
    """The answerable subset of the candidates, recomputed on demand, read lock-free."""

    def __init__(self, candidates: Sequence[Topic] | None = None) -> None:
        self.candidates: tuple[Topic, ...] = tuple(
            load_candidates() if candidates is None else candidates
        )
        self._by_key = {question_key(q): q for t in self.candidates for q in t.questions}
        self._answerable: tuple[Topic, ...] = ()
        self._cites: dict[str, tuple[str, ...]] = {}  # question -> article paths it cites
        self._lock = threading.Lock()  # one compute at a time; readers never wait

    def compute(self, ask: Callable[[str], Answer]) -> int:
        """Ask every candidate; keep those answered with found=True. Returns how many."""
        with self._lock:
            kept: list[Topic] = []
            cites: dict[str, tuple[str, ...]] = {}
            for topic in self.candidates:
                good: list[str] = []
                for question in topic.questions:
                    try:
                        answer = ask(question)
                        if answer.found:
                            good.append(question)
                            cites[question] = tuple(s.path for s in answer.sources if s.path)
                    except Exception:  # one bad candidate must not hide the others
                        logger.exception("suggestion check failed for %r", question)
                if good:
                    kept.append(Topic(topic.key, topic.label, tuple(good)))
            self._answerable = tuple(kept)  # swapped whole: readers see old or new, never half
            self._cites = cites
        total = sum(len(t.questions) for t in kept)
        logger.info("suggestions: %d answerable questions in %d topics", total, len(kept))
        return total

    def topics(self) -> list[Topic]:
        """Topics with at least one answerable question."""
        return list(self._answerable)

    def topic(self, key: str) -> Topic | None:
        """One answerable topic by key."""
        return next((t for t in self._answerable if t.key == key), None)

    def starters(self, n: int = 4) -> list[str]:
        """Up to n answerable questions, one per topic first, for /start."""
        answerable = self._answerable
        picked: list[str] = []
        depth = 0
        while len(picked) < n and any(depth < len(t.questions) for t in answerable):
            for topic in answerable:
                if depth < len(topic.questions) and len(picked) < n:
                    picked.append(topic.questions[depth])
            depth += 1
        return picked

    def question(self, key: str) -> str | None:
        """The candidate question with this key (also for buttons shown before a reindex)."""
        return self._by_key.get(key)

    def about(self, path: str, n: int = 2) -> list[str]:
        """Up to n answerable questions whose answers cite the article stored at `path`."""
        return [q for q, paths in self._cites.items() if path in paths][:n]

    def remember(self, question: str) -> str:
        """Make an extra question pressable as a button; returns its key."""
        key = question_key(question)
        self._by_key[key] = question
        return key
