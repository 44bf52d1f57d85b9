"""Application-level behaviour: flood limits, per-chat ordering with concurrency, webhook
secret, and the token kept out of logs."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
from collections.abc import Callable

import aiohttp
import pytest

from bot import texts
from bot.app import (
    ALLOWED_UPDATES,
    PerChatUpdateProcessor,
    TokenFilter,
    build_application,
    protect_token_in_logs,
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
