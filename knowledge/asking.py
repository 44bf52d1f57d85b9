"""One path from a typed question to a logged answer, shared by Telegram, the console and the CLI.

Why one path: each front end used to do part of the work (the length limit only in Telegram, no
logging in the console, no follow-up memory on the command line), so the same question behaved
differently depending on where it was typed. `Asker.ask` does every step in one order:

1. clean the text at the edge (undecodable bytes become U+FFFD, control characters go), so the
   embedder, the question log and the terminal only ever see valid text;
2. refuse empty and over-long questions (MAX_QUESTION_CHARS) with one clear Indonesian line;
3. answer with the chat's recent turns, so follow-ups resolve;
4. turn an unreachable article store into a kind message instead of an error;
5. remember the turn (only found answers: a refusal would mislead the next follow-up) and log it.

Nothing here knows Telegram: the front ends render `Outcome.answer` or show `Outcome.message`.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from knowledge.conversation import Conversations
from knowledge.store import StoreUnavailable
from knowledge.types import Answer, Turn

if TYPE_CHECKING:
    from knowledge.settings import Settings

logger = logging.getLogger(__name__)

STORE_DOWN = (
    "Maaf, kumpulan artikel saya sedang tidak bisa diakses. "
    "Coba tanyakan lagi dalam beberapa menit, ya \U0001f64f"
)
EMPTY = "Tulis pertanyaanmu dulu, misalnya: berapa gaji pelatih AI per jam?"

Status = Literal["answered", "empty", "too_long", "store_down"]

# C0/C1 controls except tab and newline, plus DEL: ESC sequences could retitle a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANKS = re.compile(r"[ \t]+")


def too_long(limit: int) -> str:
    """Asks to shorten a question over the limit (Indonesian thousands separator)."""
    count = f"{limit:,}".replace(",", ".")
    return (
        f"Pertanyaannya terlalu panjang untuk saya (lebih dari {count} karakter). "
        "Boleh dipersingkat jadi satu atau dua kalimat saja?"
    )


def decode_argument(text: str) -> str:
    """A command-line string with undecodable bytes replaced by U+FFFD.

    Python hands argv over with bytes that are not valid UTF-8 as lone surrogates
    (surrogateescape); those cannot be encoded again, so the embedder and SQLite reject them.
    """
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # surrogates that did not come from surrogateescape
        return text.encode("utf-8", "replace").decode("utf-8", "replace")


def clean_question(text: str) -> str:
    """The question as every later step sees it: valid Unicode, no control characters, trimmed."""
    text = unicodedata.normalize("NFC", decode_argument(text))
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_BLANKS.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def check_question(raw: str, limit: int) -> Outcome | None:
    """The refusal for an empty question or one over `limit` characters, else None."""
    question = clean_question(raw)
    if not question:
        return Outcome("empty", question, message=EMPTY)
    if len(question) > limit:
        return Outcome("too_long", question[:200], message=too_long(limit))
    return None


class Knowledge(Protocol):
    """What asking needs from KnowledgeService."""

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        """Answer one question with the chat's earlier turns."""
        ...


class Log(Protocol):
    """What asking needs from the question log (which never raises)."""

    def record(self, *, user_id: int | None, chat_type: str, answer: Answer) -> int | None:
        """Log one answered question; returns its entry id (None when not logged)."""
        ...


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one question: an answer to render, or a message to show instead."""

    status: Status
    question: str  # cleaned
    answer: Answer | None = None
    message: str = ""  # for every status but "answered"
    entry_id: int | None = None  # the question log's id (feedback buttons)


class Asker:
    """Question -> cleaned, checked, answered, remembered and logged."""

    def __init__(
        self,
        *,
        knowledge: Knowledge,
        log: Log,
        conversations: Conversations,
        max_question_chars: int,
    ) -> None:
        self.knowledge = knowledge
        self.log = log
        self.conversations = conversations
        self.max_question_chars = max_question_chars

    @classmethod
    def from_settings(cls, settings: Settings, *, knowledge: Knowledge, log: Log) -> Asker:
        """An asker with the settings' length limit and follow-up memory."""
        return cls(
            knowledge=knowledge, log=log, conversations=Conversations.from_settings(settings),
            max_question_chars=settings.max_question_chars,
        )

    def check(self, raw: str) -> Outcome | None:
        """The refusal for an empty or over-long question, else None (nothing is asked)."""
        return check_question(raw, self.max_question_chars)

    def ask(
        self,
        raw: str,
        *,
        chat: Hashable | None,
        user_id: int | None = None,
        chat_type: str = "cli",
    ) -> Outcome:
        """Answer one question in `chat` (None: no follow-up memory) and log it.

        Blocking (CPU and store work): async callers run it in a thread. Front ends with a rate
        limit call `check` first, so an invalid question never costs quota.
        """
        refusal = self.check(raw)
        if refusal is not None:
            return refusal
        question = clean_question(raw)
        history = self.conversations.history(chat) if chat is not None else []
        try:
            answer = self.knowledge.ask(question, history)
        except StoreUnavailable as exc:  # e.g. the Chroma server is down; the next one retries
            logger.warning("Article store unavailable: %s", exc)
            return Outcome("store_down", question, message=STORE_DOWN)
        if chat is not None and answer.found:
            self.conversations.add(
                chat, Turn(question, answer.text, answer.standalone_question or question)
            )
        entry_id = self.log.record(user_id=user_id, chat_type=chat_type, answer=answer)
        return Outcome("answered", question, answer=answer, entry_id=entry_id)

    def forget(self, chat: Hashable) -> bool:
        """Forget a chat's conversation (/baru); True when there was something to forget."""
        return self.conversations.reset(chat)
