"""Real fakes for the bot tests: a rule-based knowledge service, a recording ingester, and a
harness that runs the real PTB Application against the fake Bot API server.

Why fakes here: most bot tests are about Telegram behaviour (buttons, groups, splitting,
escaping, flood limits), and a rule-based answerer makes them fast and exact. The tests that are
about answering for real (upload -> new fact answerable) use the real Ingester and
KnowledgeService instead.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from telegram.ext import Application

from bot.app import ALLOWED_UPDATES, build_application
from bot.conversation import Conversations
from bot.services import Services
from knowledge.questionlog import open_question_log
from knowledge.service import ArticleInfo
from knowledge.settings import Settings
from knowledge.store import StoreUnavailable
from knowledge.suggestions import Suggestions, Topic
from knowledge.types import Answer, Source, Turn
from tests.support.fake_bot_api import TOKEN, FakeBotAPI

NOT_FOUND = "Maaf, jawabannya belum ada di artikel-artikel yang saya punya."

SALARY = Source(
    n=1, title="Pekerja Kontrak di Balik ChatGPT Dibayar $15 per Jam", path="corpus/002.md",
    url="https://www.cnbc.com/2023/05/08/chatgpt-contractors.html", text="…", score=1.0,
    publisher="CNBC",
)
UNION = Source(
    n=1, title="Pekerja AI Kenya Bentuk Serikat", path="corpus/005.md", url=None, text="…",
    score=1.0, publisher="Kompas & <Mitra>",
)


@dataclass
class Rule:
    """Questions containing every keyword get this answer."""

    keywords: tuple[str, ...]
    text: str
    sources: tuple[Source, ...] = ()


DEFAULT_RULES = (
    Rule(("tunjangan", "pelatih"), "Pelatih AI kontrak jarang mendapat tunjangan kesehatan [1].",
         (SALARY,)),
    Rule(("gaji", "pelatih"), "Pelatih AI dibayar sekitar US$15 per jam [1].", (SALARY,)),
    Rule(("serikat",), "Pekerja AI di Kenya membentuk serikat pekerja [1].", (UNION,)),
)


@dataclass
class FakeKnowledge:
    """Answers by keyword rules; a follow-up (short question) borrows the previous question."""

    rules: Sequence[Rule] = DEFAULT_RULES
    calls: list[tuple[str, list[Turn]]] = field(default_factory=list)
    gate: threading.Event | None = None  # "lambat" questions wait for this
    refreshed: int = 0

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        """Answer from the rules (special words: "lambat", "panjang", "gema", "rusak", "padam")."""
        self.calls.append((question, list(history)))
        lowered = question.lower()
        if "lambat" in lowered and self.gate is not None:
            self.gate.wait(timeout=10)
        if "rusak" in lowered:
            raise RuntimeError("answerer exploded")
        if "padam" in lowered:
            raise StoreUnavailable("chroma server unreachable")
        if "panjang" in lowered:
            sentence = "Pekerja data <b>& mitra</b> dibayar per tugas, bukan per jam [1]. "
            return Answer(question, sentence * 75, True, "extractive", sources=[SALARY, UNION])
        if "gema" in lowered:
            return Answer(question, f"Kamu bertanya: {question}", True, "llm", sources=[SALARY])
        standalone = question
        if history and len(question.split()) <= 3:
            standalone = f"{question} {history[-1].standalone or history[-1].question}"
        for rule in self.rules:
            if all(k in standalone.lower() for k in rule.keywords):
                return Answer(question, rule.text, True, "extractive", sources=list(rule.sources),
                              standalone_question=standalone)
        return Answer(question, NOT_FOUND, False, "extractive", standalone_question=standalone)

    def articles(self) -> list[ArticleInfo]:
        """Two articles, one with a link."""
        return [
            ArticleInfo("1a2b3c4d", SALARY.title, SALARY.path, SALARY.url, "CNBC", None, 3),
            ArticleInfo("5e6f7a8b", UNION.title, UNION.path, None, UNION.publisher, None, 2),
        ]

    def refresh(self) -> bool:
        """Count refreshes."""
        self.refreshed += 1
        return True


@dataclass
class RecordingIngester:
    """Stands in for the Ingester where a test only checks that nothing is ingested."""

    calls: list[tuple[str, Any]] = field(default_factory=list)

    def run(self, paths: Sequence[Path] | None = None, *, full: bool = False,
            progress: bool = False) -> Any:
        """Record and fail: these tests never expect an ingest."""
        self.calls.append(("run", paths))
        raise AssertionError("ingest should not have run")

    def add_upload(self, filename: str, data: bytes) -> Any:
        """Record and fail."""
        self.calls.append(("add_upload", filename))
        raise AssertionError("upload should not have been ingested")

    def remove(self, doc_id: str) -> ArticleInfo | None:
        """Record and fail."""
        self.calls.append(("remove", doc_id))
        raise AssertionError("nothing should have been removed")

    def ensure_current(self, *, progress: bool = False) -> Any:
        """An index of today's text rules: nothing to do at start."""
        return None


SUGGESTION_TOPICS = (
    Topic("gaji", "Gaji & bayaran", ("Berapa gaji pelatih AI?", "Berapa gaji presiden?")),
    Topic("serikat", "Serikat pekerja", ("Di mana pekerja AI membentuk serikat?",)),
    Topic("togel", "Hiburan", ("Di mana main togel?",)),
)


def fake_services(
    settings: Settings, *, knowledge: Any = None, ingester: Any = None,
    candidates: Sequence[Topic] = SUGGESTION_TOPICS,
) -> Services:
    """Services with the fakes (and the real SQLite question log under DATA_DIR)."""
    return Services(
        settings=settings,
        knowledge=knowledge or FakeKnowledge(),
        ingester=ingester or RecordingIngester(),
        log=open_question_log(settings),
        conversations=Conversations.from_settings(settings),
        suggestions=Suggestions(candidates),
    )


def bot_settings(settings: Settings, api: FakeBotAPI) -> Settings:
    """`settings` pointed at the fake server, with the fake's token."""
    return settings.model_copy(update={
        "telegram_bot_token": SecretStr(TOKEN),
        "telegram_base_url": api.base_url,
        "telegram_base_file_url": api.base_file_url,
    })


@contextlib.asynccontextmanager
async def running_bot(services: Services) -> AsyncIterator[tuple[FakeBotAPI, Application]]:
    """Start the fake server and the real Application (long polling), in run_polling's order."""
    async with FakeBotAPI() as api:
        services.settings = bot_settings(services.settings, api)
        application = build_application(services.settings, services)
        await application.initialize()
        assert application.post_init is not None
        await application.post_init(application)
        if isinstance(services.knowledge, FakeKnowledge):
            services.knowledge.calls.clear()  # forget the suggestion checks made at start
        assert application.updater is not None
        await application.updater.start_polling(
            poll_interval=0.0, timeout=timedelta(seconds=0.2), allowed_updates=ALLOWED_UPDATES
        )
        await application.start()
        try:
            yield api, application
        finally:
            await application.updater.stop()
            await application.stop()
            await application.shutdown()
            assert application.post_shutdown is not None
            await application.post_shutdown(application)
