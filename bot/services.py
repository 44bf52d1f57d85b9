"""The long-lived objects the handlers share, built once and kept in `application.bot_data`.

Why this shape (python-telegram-bot's rules-bot does the same): handlers stay thin and testable
because they never build anything; they read one typed `Services` through `get_services`. The
backends are typed as small Protocols so tests can hand in real fakes, and the production
`build_services` wires the real KnowledgeService, Ingester and QuestionLog. Nothing here imports
`telegram` at run time, so the console chat can use it too.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, cast

from bot.ratelimit import RateLimiter
from knowledge.asking import Asker
from knowledge.conversation import Conversations
from knowledge.suggestions import Suggestions
from knowledge.types import Answer, Turn

if TYPE_CHECKING:
    from pathlib import Path

    from telegram.ext import CallbackContext

    from knowledge.service import ArticleInfo
    from knowledge.settings import Settings

logger = logging.getLogger(__name__)

SERVICES_KEY = "services"


class KnowledgeBackend(Protocol):
    """What the bot needs from KnowledgeService."""

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer: ...

    def articles(self) -> list[ArticleInfo]: ...

    def refresh(self) -> bool: ...


class IngestBackend(Protocol):
    """What the bot needs from ingest.pipeline.Ingester."""

    def run(
        self, paths: Sequence[Path] | None = None, *, full: bool = False, progress: bool = False
    ) -> Any: ...

    def add_upload(self, filename: str, data: bytes) -> Any: ...

    def remove(self, doc_id: str) -> ArticleInfo | None: ...

    def ensure_current(self, *, progress: bool = False) -> Any: ...


class QuestionLogBackend(Protocol):
    """What the bot needs from knowledge.questionlog.QuestionLog (which never raises)."""

    def record(self, *, user_id: int | None, chat_type: str, answer: Answer) -> int | None: ...

    def feedback(self, entry_id: int, *, user_id: int | None, value: int) -> bool: ...

    def forget_user(self, user_id: int) -> int: ...

    def close(self) -> None: ...


@dataclass
class Services:
    """Everything the handlers use; one instance per running bot."""

    settings: Settings
    knowledge: KnowledgeBackend
    ingester: IngestBackend
    log: QuestionLogBackend
    conversations: Conversations
    suggestions: Suggestions = field(default_factory=Suggestions)
    limiter: RateLimiter | None = None

    def __post_init__(self) -> None:
        if self.limiter is None:
            self.limiter = RateLimiter(self.settings.rate_limit_per_minute)

    @property
    def rate_limiter(self) -> RateLimiter:
        """The per-user question limit (always set after construction)."""
        assert self.limiter is not None
        return self.limiter

    @property
    def asker(self) -> Asker:
        """The one path from question to logged answer, over these services."""
        return Asker(
            knowledge=self.knowledge, log=self.log, conversations=self.conversations,
            max_question_chars=self.settings.max_question_chars,
        )

    def is_admin(self, user_id: int | None) -> bool:
        """True for the Telegram user ids listed in ADMIN_USER_IDS."""
        return user_id is not None and user_id in self.settings.admin_user_ids

    def compute_suggestions(self) -> int:
        """Recompute which suggestions the current articles answer (CPU: call in a thread)."""
        return self.suggestions.compute(lambda question: self.knowledge.ask(question))

    def ensure_index(self) -> None:
        """Index the corpus folder when the index is empty (first start), or rebuild it once
        when an older version split its text into words differently (after an upgrade)."""
        if self.ingester.ensure_current() is not None:
            self.knowledge.refresh()

    async def reload(self) -> None:
        """After articles changed: reload the lexical index, then the suggestions."""
        await asyncio.to_thread(self.knowledge.refresh)
        await asyncio.to_thread(self.compute_suggestions)

    def close(self) -> None:
        """Release what needs releasing (the question log's database)."""
        self.log.close()


def build_services(settings: Settings) -> Services:
    """Production wiring: real KnowledgeService, Ingester, QuestionLog (slow: use a thread)."""
    from ingest.pipeline import Ingester
    from knowledge.questionlog import open_question_log
    from knowledge.service import KnowledgeService

    knowledge = KnowledgeService.from_settings(settings)
    ingester = Ingester(settings=settings, store=knowledge.store, embedder=knowledge.embedder)
    return Services(
        settings=settings,
        knowledge=knowledge,
        ingester=ingester,
        log=open_question_log(settings),
        conversations=Conversations.from_settings(settings),
    )


def get_services(context: CallbackContext[Any, Any, Any, Any]) -> Services:
    """The Services stored in bot_data by post_init (or handed to build_application)."""
    return cast(Services, context.bot_data[SERVICES_KEY])
