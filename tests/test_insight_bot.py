"""/statistik, /hapusdata, /privasi and the question log, through the real PTB Application.

The bot talks HTTP to the fake Bot API (tests/support/fake_bot_api.py) on 127.0.0.1 through the
bot engineer's harness (tests/support/bot_fakes.py); the log is the real SQLite one; answers come
from the rule-based fake knowledge (pay questions about "pelatih" and union questions are found),
and the report groups questions with the real bundled embedder.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from bot import insight
from bot.render import tg_len
from bot.services import Services
from knowledge.embedders import E5Embedder
from knowledge.questionlog import DB_NAME, SQLiteQuestionLog
from knowledge.settings import Settings
from knowledge.stats import DayCount, Disliked, QuestionGroup, Report
from tests.support.bot_fakes import FakeKnowledge, fake_services, running_bot
from tests.support.fake_bot_api import Call, FakeBotAPI

ADMIN = 900100200300
WORKER = 777000111222  # distinctive: searched for in the database bytes
OTHER = 655000111333


# --- pure rendering -----------------------------------------------------------------------------
def big_report() -> Report:
    """A report far larger than one Telegram message, with HTML in user text."""
    now = datetime(2025, 3, 10, tzinfo=UTC)
    groups = [
        QuestionGroup(f"<b>pertanyaan {i}</b> " + "panjang " * 30, 50 - i, [f"v{i}"], now)
        for i in range(40)
    ]
    disliked = [
        Disliked(now, f"tanya {i} <script>", "jawab & " * 80, [f"[1] Artikel <{i}>"])
        for i in range(20)
    ]
    return Report(
        generated=now, since=now, total=999, answered=500, thumbs_up=3, thumbs_down=20,
        per_day=[DayCount(now.date(), 999, 500)], topics=[("Gaji & bayaran", 400)],
        unanswered=groups, disliked=disliked,
    )


def test_report_html_fits_one_message_and_is_escaped() -> None:
    text = insight.render_report_html(big_report())
    assert len(text) <= 4096
    assert "&lt;b&gt;pertanyaan 0&lt;/b&gt;" in text
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert "kelompok lain" in text  # says that more groups exist
    assert "[50×]" in text


def test_report_of_emoji_questions_fits_telegrams_utf16_limit() -> None:
    report = big_report()
    report.unanswered[:] = [
        QuestionGroup("\U0001f62d" * 200, 9, ["v"], report.generated) for _ in range(40)
    ]
    text = insight.render_report_html(report)
    assert tg_len(text) <= 4096  # Telegram counts UTF-16 units: each emoji is two


def test_privacy_texts() -> None:
    text = insight.privacy_text(retention_days=45, logging_on=True)
    for expected in (
        "45 hari", "/hapusdata", "tidak</b> menyimpan nama", "statistik gabungan",
        "<b>Apakah identitasmu disimpan?</b>",
    ):
        assert expected in text
    assert "dimatikan" in insight.privacy_text(retention_days=90, logging_on=False)
    assert "3 catatan" in insight.deleted_text(3, logging_on=True)


# --- the bot through the fake Bot API -------------------------------------------------------------
@dataclass
class EmbeddingKnowledge(FakeKnowledge):
    """The bot engineer's rule-based fake, plus the embedder /statistik groups with."""

    embedder: E5Embedder | None = None


@dataclass
class Bot:
    """A running bot and what the test needs to drive and inspect it."""

    api: FakeBotAPI
    log: SQLiteQuestionLog
    services: Services

    async def ask(
        self, text: str, user_id: int, *, count: int = 1, within: float = 30.0
    ) -> list[Call]:
        """Send a private message and wait for the `count`-th reply in that chat."""
        self.api.send_message(text, user_id=user_id)
        return await self.api.wait_sent(user_id, count=count, within=within)

    def press(self, call: Call, button: int, user_id: int) -> None:
        """Press button `button` of the keyboard the bot sent in `call`."""
        data = call.params["reply_markup"]["inline_keyboard"][0][button]["callback_data"]
        chat_id = int(call.params["chat_id"])
        message = {
            "message_id": 5000 + len(self.api.calls), "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Sari"},
            "text": call.params.get("text", ""),
        }
        self.api.press(data, message=message, user_id=user_id)


BotFactory = Callable[..., Awaitable[Bot]]


@pytest.fixture
async def bot(
    make_settings: Callable[..., Settings], embedder: E5Embedder
) -> AsyncIterator[BotFactory]:
    """Starts the real Application on the fake Bot API (bot engineer's harness); prepare first."""
    async with contextlib.AsyncExitStack() as stack:

        async def start(prepare: Callable[[Settings], None] | None = None) -> Bot:
            settings = make_settings(admin_user_ids=str(ADMIN), rate_limit_per_minute=100)
            if prepare is not None:
                prepare(settings)
            services = fake_services(settings, knowledge=EmbeddingKnowledge(embedder=embedder))
            log = services.log
            assert isinstance(log, SQLiteQuestionLog)
            api, _ = await stack.enter_async_context(running_bot(services))
            return Bot(api=api, log=log, services=services)

        yield start


async def test_question_through_the_bot_is_logged_with_hashed_key(bot: BotFactory) -> None:
    running: Bot = await bot()
    reply = (await running.ask("berapa gaji pelatih AI?", WORKER))[-1]
    assert "US$15" in reply.params["text"]
    entries = running.log.entries()
    assert [(e.question, e.found, e.chat_type) for e in entries] == [
        ("berapa gaji pelatih AI?", True, "private")
    ]

    running.press(reply, 1, WORKER)  # 👎 under the answer
    await running.api.wait_for(lambda c: c.method == "editMessageReplyMarkup")
    assert running.log.entries()[0].feedback == -1

    data = b"".join(p.read_bytes() for p in running.services.settings.data_dir.glob(DB_NAME + "*"))
    assert running.log.user_key(WORKER).encode() in data
    assert str(WORKER).encode() not in data


async def test_hapusdata_deletes_only_that_users_rows(bot: BotFactory) -> None:
    running: Bot = await bot()
    await running.ask("berapa gaji ojol?", WORKER)
    await running.ask("apa itu serikat?", WORKER, count=2)
    await running.ask("berapa gaji ojol?", OTHER)

    confirm = (await running.ask("/hapusdata", WORKER, count=3))[-1]
    assert "tidak bisa dibatalkan" in confirm.params["text"]
    buttons = confirm.params["reply_markup"]["inline_keyboard"][0]
    assert [b["text"] for b in buttons] == ["Ya, hapus", "Batal"]
    assert all(b["callback_data"].startswith("hapusdata:") for b in buttons)

    running.press(confirm, 0, OTHER)  # someone else cannot press it
    alert = await running.api.wait_for(lambda c: c.method == "answerCallbackQuery")
    assert alert[-1].params.get("show_alert") in (True, "true", "True")
    assert len(running.log.entries()) == 3

    assert running.services.conversations.history(WORKER)  # "serikat" was answered
    running.press(confirm, 0, WORKER)
    done = await running.api.wait_for(lambda c: c.method == "editMessageText")
    assert "2 catatan" in done[-1].params["text"]
    assert [e.question for e in running.log.entries()] == ["berapa gaji ojol?"]
    assert running.services.conversations.history(WORKER) == []  # private chat memory too
    assert running.log.forget_user(OTHER) == 1


async def test_hapusdata_cancel_keeps_rows(bot: BotFactory) -> None:
    running: Bot = await bot()
    await running.ask("berapa gaji ojol?", WORKER)
    confirm = (await running.ask("/hapusdata", WORKER, count=2))[-1]
    running.press(confirm, 1, WORKER)
    done = await running.api.wait_for(lambda c: c.method == "editMessageText")
    assert "Tidak ada yang dihapus" in done[-1].params["text"]
    assert len(running.log.entries()) == 1


async def test_statistik_for_admins_only(bot: BotFactory) -> None:
    running: Bot = await bot()
    await running.ask("berapa gaji ojol?", WORKER)
    await running.ask("gaji ojol berapa ya?", WORKER, count=2)
    await running.ask("resep rendang", OTHER)
    await running.ask("berapa gaji pelatih AI?", OTHER, count=2)

    refused = (await running.ask("/statistik", WORKER, count=3))[-1]
    assert "khusus untuk admin" in refused.params["text"]

    shown = (await running.ask("/statistik", ADMIN))[-1]
    text = shown.params["text"]
    assert shown.params.get("parse_mode") == "HTML"
    assert len(text) <= 4096
    assert "Pertanyaan: <b>4</b>" in text
    assert "1. [2×] " in text  # the two wordings are one group
    assert "gaji ojol" in text
    assert "2. [1×] resep rendang" in text


async def test_privasi(bot: BotFactory) -> None:
    running: Bot = await bot()
    reply = (await running.ask("/privasi", WORKER))[-1]
    assert "90 hari" in reply.params["text"]
    assert "/hapusdata" in reply.params["text"]


async def test_corrupted_log_does_not_stop_answers(bot: BotFactory) -> None:
    def corrupt(settings: Settings) -> None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        (settings.data_dir / DB_NAME).write_bytes(os.urandom(4096))

    running: Bot = await bot(corrupt)
    reply = (await running.ask("berapa gaji pelatih AI?", WORKER))[-1]
    assert "US$15" in reply.params["text"]
    assert "reply_markup" not in reply.params  # no log entry, so no 👍/👎 to attach
    assert running.log.failing


def test_parse_days() -> None:
    assert insight.parse_days("7") == 7
    assert insight.parse_days("3650") == 3650
    for bad in ("0", "3651", "1000000", "9" * 400, "\u00b2", "\u0667", "-1", "7.5", "x"):
        assert insight.parse_days(bad) is None, bad


async def test_statistik_rejects_odd_periods_without_crashing(bot: BotFactory) -> None:
    running: Bot = await bot()
    for arg in ("1000000", "\u00b2", "0"):
        running.api.send_message(f"/statistik {arg}", user_id=ADMIN)
    replies = await running.api.wait_sent(ADMIN, count=3)
    assert [c.params["text"] for c in replies] == [insight.BAD_DAYS] * 3
    assert not any(c.method == "sendMessage" and c.status != 200 for c in running.api.calls)


async def test_statistik_in_a_group_shows_nothing(bot: BotFactory) -> None:
    group = -100555
    running: Bot = await bot()
    await running.ask("resep rendang nenek saya si Budi", WORKER)  # unanswered: in the report
    running.api.send_message("/statistik", user_id=ADMIN, chat_id=group, chat_type="supergroup")
    [reply] = await running.api.wait_sent(group)
    assert reply.params["text"] == "Perintah admin hanya bisa dipakai di chat pribadi dengan saya."
    shown = (await running.ask("/statistik", ADMIN))[-1]  # in private it still works
    assert "rendang" in shown.params["text"]


ANONYMOUS_ADMIN = 1087968824  # GroupAnonymousBot: every anonymous admin's messages come from it


async def test_anonymous_admin_cannot_delete_another_groups_rows(bot: BotFactory) -> None:
    running: Bot = await bot()
    api = running.api

    def as_anonymous_admin(text: str, group: int) -> None:
        api.send_message(
            text, user_id=ANONYMOUS_ADMIN, chat_id=group, chat_type="supergroup",
            extra={"sender_chat": {"id": group, "type": "supergroup", "title": "Grup"}},
        )

    as_anonymous_admin("/tanya berapa gaji pelatih AI?", -1001)
    await api.wait_sent(-1001)
    as_anonymous_admin("/hapusdata", -1002)
    [reply] = await api.wait_sent(-1002)
    assert reply.params["text"] == insight.NO_USER
    assert "reply_markup" not in reply.params  # no button to press
    assert len(running.log.entries()) == 1  # group A's question is still logged...
    keys = sqlite3.connect(running.services.settings.data_dir / DB_NAME).execute(
        "SELECT user_key FROM questions"
    ).fetchall()
    assert keys == [(None,)]  # ...under nobody's key: the shared id is not a person

    # A forged button with the shared id does nothing either.
    api.press(f"hapusdata:ya:{ANONYMOUS_ADMIN}", user_id=ANONYMOUS_ADMIN, message={
        "message_id": 1, "date": int(time.time()),
        "chat": {"id": -1002, "type": "supergroup", "title": "Grup"}, "text": "x",
    })
    await api.wait_for(lambda c: c.method == "answerCallbackQuery")
    assert len(running.log.entries()) == 1
    assert not any(c.method == "editMessageText" for c in api.calls)
