"""Application-level behaviour: flood limits, per-chat ordering with concurrency, webhook
secret, the token kept out of logs (tracebacks too), and the fake Bot API's Telegram-like
strictness."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import datetime

import aiohttp
import pytest
from pydantic import SecretStr
from telegram import Bot, Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, User
from telegram.error import BadRequest, InvalidToken

from bot import texts
from bot.app import (
    ALLOWED_UPDATES,
    TOKEN_REJECTED,
    PerChatUpdateProcessor,
    TokenFilter,
    build_application,
    protect_token_in_logs,
    run_bot,
    webhook_options,
)
from knowledge.settings import Settings
from tests.support.bot_fakes import FakeKnowledge, bot_settings, fake_services, running_bot
from tests.support.fake_bot_api import TOKEN, FakeBotAPI

USER = 111


async def test_retry_after_from_telegram_is_honoured(
    make_settings: Callable[..., Settings],
) -> None:
    services = fake_services(make_settings())
    async with running_bot(services) as (api, _app):
        api.fail_next("sendMessage", retry_after=1)
        api.send_message("/start")
        [welcome] = await api.wait_sent(USER)
        [refused] = [c for c in api.calls if c.method == "sendMessage" and c.status == 429]
        assert welcome.text.startswith("Halo")
        assert welcome.at - refused.at >= 1.0  # waited retry_after before trying again


async def test_slow_answer_blocks_nobody_else_and_one_chat_stays_in_order(
    make_settings: Callable[..., Settings],
) -> None:
    gate = threading.Event()
    services = fake_services(make_settings(), knowledge=FakeKnowledge(gate=gate))
    async with running_bot(services) as (api, _app):
        api.send_message("pertanyaan lambat tentang gaji pelatih", user_id=USER)
        api.send_message("Berapa gaji pelatih AI?", user_id=USER)
        api.send_message("Di mana serikat pekerja?", user_id=222)
        [other] = await api.wait_sent(222)  # answered while USER's first answer is still stuck
        assert "Kenya" in other.text
        assert api.sent(USER) == []
        gate.set()
        first, second = await api.wait_sent(USER, count=2)
        assert first.at <= second.at
        assert "pertanyaan lambat" not in second.text
        assert services.knowledge.calls[-1][0] == "Berapa gaji pelatih AI?"  # type: ignore[attr-defined]


async def test_per_chat_processor_forgets_idle_chats() -> None:
    processor = PerChatUpdateProcessor(4)
    order: list[int] = []

    async def work(i: int) -> None:
        await asyncio.sleep(0.01 * (3 - i))
        order.append(i)

    async with processor:
        await asyncio.gather(*(processor.process_update(object(), work(i)) for i in range(3)))
    assert sorted(order) == [0, 1, 2]  # non-Update objects are not serialised
    assert processor._locks == {}


def _update(update_id: int, chat_id: int) -> Update:
    message = Message(
        message_id=update_id, date=datetime.now(), chat=Chat(chat_id, "private"),
        from_user=User(chat_id, "Sari", False), text="tanya",
    )
    return Update(update_id, message=message)


async def test_one_busy_chat_does_not_hold_every_slot() -> None:
    # 1 slow + 4 quick updates of chat A with 4 slots: before the fix the quick ones held every
    # slot while waiting for A's lock, and chat B waited for A's slow answer.
    processor = PerChatUpdateProcessor(4)
    release_a = asyncio.Event()
    done: list[str] = []

    async def work(name: str, gate: asyncio.Event | None = None) -> None:
        if gate is not None:
            await gate.wait()
        done.append(name)

    async with processor:
        slow = processor.process_update(_update(1, 1), work("A1", release_a))
        a_tasks = [asyncio.create_task(slow)]
        a_tasks += [
            asyncio.create_task(processor.process_update(_update(i, 1), work(f"A{i}")))
            for i in range(2, 7)
        ]
        await asyncio.sleep(0.05)
        b_task = asyncio.create_task(processor.process_update(_update(99, 2), work("B")))
        await asyncio.wait_for(b_task, timeout=5)  # answered while A1 is still stuck
        assert done == ["B"]
        assert processor.current_concurrent_updates == 1  # only A1 holds a slot
        release_a.set()
        await asyncio.gather(*a_tasks)
    assert done == ["B", "A1", "A2", "A3", "A4", "A5", "A6"]  # chat A kept its order
    assert processor.current_concurrent_updates == 0
    assert processor._locks == {}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_webhook_refuses_requests_without_the_right_secret(
    make_settings: Callable[..., Settings],
) -> None:
    port = _free_port()
    base = make_settings(
        webhook_url="https://bot.example.com/tanyakerja/hook", webhook_secret="rahasia_123",
        webhook_listen="127.0.0.1", webhook_port=port,
    )
    async with FakeBotAPI() as api:
        services = fake_services(bot_settings(base, api))
        application = build_application(services.settings, services)
        options = webhook_options(services.settings)
        assert options["url_path"] == "tanyakerja/hook"
        assert options["secret_token"] == "rahasia_123"
        async with application:
            assert application.updater is not None
            await application.updater.start_webhook(allowed_updates=ALLOWED_UPDATES, **options)
            await application.start()
            try:
                [set_hook] = await api.wait_for(lambda c: c.method == "setWebhook")
                assert set_hook.params["secret_token"] == "rahasia_123"
                assert set_hook.params["url"] == "https://bot.example.com/tanyakerja/hook"
                url = f"http://127.0.0.1:{port}/tanyakerja/hook"
                update = {"update_id": 1, "message": {
                    "message_id": 1, "date": 0, "chat": {"id": USER, "type": "private"},
                    "from": {"id": USER, "is_bot": False, "first_name": "Sari"},
                    "text": "/start",
                    "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
                }}
                body = json.dumps(update)
                headers = {"Content-Type": "application/json"}
                async with aiohttp.ClientSession() as http:
                    for secret in (None, "salah"):
                        sent_headers = dict(headers)
                        if secret:
                            sent_headers["X-Telegram-Bot-Api-Secret-Token"] = secret
                        async with http.post(url, data=body, headers=sent_headers) as response:
                            assert response.status == 403
                    await asyncio.sleep(0.2)
                    assert api.sent() == []
                    headers["X-Telegram-Bot-Api-Secret-Token"] = "rahasia_123"
                    async with http.post(url, data=body, headers=headers) as response:
                        assert response.status == 200
                [welcome] = await api.wait_sent(USER)
                assert welcome.text.startswith("Halo")
            finally:
                await application.updater.stop()
                await application.stop()


def test_webhook_secret_is_always_set_and_checked(make_settings: Callable[..., Settings]) -> None:
    generated = webhook_options(make_settings(webhook_url="https://x.example/hook"))
    assert len(generated["secret_token"]) >= 32
    with pytest.raises(ValueError, match="WEBHOOK_SECRET"):
        webhook_options(make_settings(webhook_url="https://x.example/h", webhook_secret="a b"))


async def test_token_never_reaches_the_logs(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    protect_token_in_logs(TOKEN)
    try:
        services = fake_services(make_settings())
        async with running_bot(services) as (api, _app):
            logging.getLogger("test").info("url was https://api.telegram.org/bot%s/getMe", TOKEN)
            api.send_message("Berapa gaji pelatih AI?")
            await api.wait_sent(USER)
        assert caplog.records
        assert TOKEN not in caplog.text
        assert "bot<token>/getMe" in caplog.text
    finally:
        for handler in logging.getLogger().handlers:
            for log_filter in [f for f in handler.filters if isinstance(f, TokenFilter)]:
                handler.removeFilter(log_filter)


def test_token_is_masked_in_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(TokenFilter(TOKEN))
    log = logging.getLogger("test.tokenfilter")
    log.addHandler(handler)
    log.propagate = False
    try:
        try:
            raise InvalidToken(f"The token `{TOKEN}` was rejected by the server.")
        except InvalidToken:
            log.exception("startup failed")
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", None, None)
        record.exc_text = f"Traceback: token {TOKEN}"  # already formatted by someone else
        log.handle(record)
        log.error("args %s", TOKEN)
    finally:
        log.removeHandler(handler)
        log.propagate = True
    output = stream.getvalue()
    assert TOKEN not in output
    assert "The token `<token>` was rejected" in output
    assert "Traceback: token <token>" in output
    assert "args <token>" in output


@contextlib.contextmanager
def _api_in_a_thread() -> Iterator[FakeBotAPI]:
    """The fake Bot API on its own loop, for code that runs its own loop (run_polling)."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    api = FakeBotAPI()
    asyncio.run_coroutine_threadsafe(api.__aenter__(), loop).result(10)
    try:
        yield api
    finally:
        asyncio.run_coroutine_threadsafe(api.__aexit__(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


def test_rejected_token_stops_with_a_hint_and_never_logs_the_token(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture,
) -> None:
    wrong = "7123456789:AAH-REAL-SECRET-token_xyz"  # the fake answers 401 to any other token
    caplog.set_level(logging.DEBUG)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)  # run_polling runs on the current loop (pytest may leave none)
    try:
        with _api_in_a_thread() as api:
            settings = make_settings(
                telegram_bot_token=SecretStr(wrong), telegram_base_url=api.base_url,
                telegram_base_file_url=api.base_file_url,
            )
            with pytest.raises(SystemExit) as stopped:
                run_bot(settings)
        assert stopped.value.code == TOKEN_REJECTED
        assert wrong not in str(stopped.value.code)
        assert "@BotFather" in TOKEN_REJECTED
        assert "periksa token" in TOKEN_REJECTED
        assert wrong not in caplog.text
    finally:
        asyncio.set_event_loop(None)
        if not loop.is_closed():
            loop.close()
        for handler in logging.getLogger().handlers:
            for log_filter in [f for f in handler.filters if isinstance(f, TokenFilter)]:
                handler.removeFilter(log_filter)


async def test_fake_bot_api_refuses_what_telegram_refuses() -> None:
    async with FakeBotAPI() as api:
        bot = Bot(TOKEN, base_url=api.base_url)
        async with bot:
            await bot.send_message(USER, "x" * 4096)
            await bot.send_message(USER, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
            with pytest.raises(BadRequest, match="(?i)message is too long"):
                await bot.send_message(USER, "\U0001f44d" * 2049)  # 4098 UTF-16 units
            long_data = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="d" * 65)]])
            with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
                await bot.send_message(USER, "tombol", reply_markup=long_data)
            await bot.answer_callback_query("cq1")
            with pytest.raises(BadRequest, match="(?i)query is too old"):
                await bot.answer_callback_query("cq1")


async def test_apology_for_a_failing_button(make_settings: Callable[..., Settings]) -> None:
    services = fake_services(make_settings())
    services.suggestions.compute(lambda q: FakeKnowledge().ask(q))
    async with running_bot(services) as (api, _app):
        api.send_message("/start")
        [welcome] = await api.wait_sent(USER)
        services.knowledge = FakeKnowledge(rules=())  # answers nothing
        services.knowledge.ask = None  # type: ignore[assignment, method-assign]  # makes it fail
        api.press(welcome.buttons()[0][1], message=welcome.result)
        await api.wait_sent(USER, count=2)
        assert api.sent(USER)[1].text == texts.ERROR
