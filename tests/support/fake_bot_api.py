"""A small fake Telegram Bot API server on 127.0.0.1, for running the real PTB Application.

Why our own: the tests must exercise python-telegram-bot for real (HTTP requests, JSON parsing,
rate limiter, long polling) with no internet and nothing patched inside PTB. The bot reaches this
server through TELEGRAM_BASE_URL / TELEGRAM_BASE_FILE_URL. It implements the methods the bot uses,
records every call, serves getUpdates from a queue the test feeds, serves uploaded documents, and
can answer one call with 429 + retry_after to test flood-limit handling.

It is as strict as Telegram where the bot could get it wrong: a text over 4096 characters (UTF-16
units, counted after HTML parsing), callback data over 64 bytes, and a second answer to the same
callback query are refused with Telegram's own 400 errors.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-token_for-the-fake-server"
BOT_ID = 123456
BOT_USERNAME = "TanyaKerjaBot"

_JSON_FIELDS = {
    "reply_markup", "allowed_updates", "commands", "entities", "link_preview_options",
    "reply_parameters", "scope",
}
_INT_FIELDS = {
    "chat_id", "message_id", "offset", "limit", "timeout", "cache_time", "message_thread_id",
}
TEXT_LIMIT = 4096  # UTF-16 code units after entity parsing
CALLBACK_DATA_LIMIT = 64  # bytes
_TAG = re.compile(r"<[^<>]*>")


class BadRequest(Exception):
    """A request Telegram would refuse with 400 Bad Request."""

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.description = f"Bad Request: {description}"


@dataclass
class Call:
    """One recorded Bot API request."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    status: int = 200
    result: Any = None

    @property
    def text(self) -> str:
        """The message text sent or edited (empty for other methods)."""
        return str(self.params.get("text", ""))

    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback_data) of every inline button in the call's reply_markup."""
        markup = self.params.get("reply_markup") or {}
        return [
            (b["text"], b.get("callback_data", ""))
            for row in markup.get("inline_keyboard", []) for b in row
        ]


class FakeBotAPI:
    """The server; use `async with FakeBotAPI() as api:` and read `api.base_url`."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.updates: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, data)
        self._failures: dict[str, int] = {}  # method -> retry_after of the next call
        self._ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._chats: dict[int, dict[str, Any]] = {}
        self._answered: set[str] = set()  # callback query ids already answered
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle ------------------------------------------------------------------------
    async def __aenter__(self) -> FakeBotAPI:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._method)
        app.router.add_get("/bot{token}/{method}", self._method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server: Any = site._server  # aiohttp has no public accessor for the bound port
        self.port = int(server.sockets[0].getsockname()[1])
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        """TELEGRAM_BASE_URL for the bot (PTB appends the token)."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """TELEGRAM_BASE_FILE_URL for the bot."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    # -- test controls --------------------------------------------------------------------
    def fail_next(self, method: str, retry_after: int) -> None:
        """Answer the next `method` call with 429 Too Many Requests and this retry_after."""
        self._failures[method] = retry_after

    def _chat(self, chat_id: int, chat_type: str) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "Pekerja"
        else:
            chat["title"] = "Grup Pekerja"
        self._chats[chat_id] = chat
        return chat

    def send_message(
        self, text: str, *, user_id: int = 111, chat_id: int | None = None,
        chat_type: str = "private", first_name: str = "Sari",
        entities: list[dict[str, Any]] | None = None, reply_to: dict[str, Any] | None = None,
        document: dict[str, Any] | None = None, extra: dict[str, Any] | None = None,
        thread_id: int | None = None,
    ) -> dict[str, Any]:
        """Queue a user's message (commands get their bot_command entity automatically).

        `thread_id` makes it a message in that topic of a forum supergroup.
        """
        chat = self._chat(chat_id if chat_id is not None else user_id, chat_type)
        if thread_id is not None:
            chat["is_forum"] = True
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": {"id": user_id, "is_bot": False, "first_name": first_name},
        }
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        if document is not None:
            message["document"] = document
            if text:
                message["caption"] = text
        elif text or not extra:
            message["text"] = text
            if entities is None and text.startswith("/"):
                command = text.split()[0]
                entities = [{"type": "bot_command", "offset": 0, "length": _u16(command)}]
            if entities:
                message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        message.update(extra or {})
        self._put({"message": message})
        return message

    def send_document(
        self, filename: str, data: bytes, *, user_id: int = 111, caption: str = "",
        mime_type: str = "text/plain",
    ) -> dict[str, Any]:
        """Queue a private document upload; its bytes are served by the file route."""
        file_id = f"file{next(self._ids)}"
        self.files[file_id] = (f"documents/{file_id}.bin", data)
        document = {
            "file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": filename,
            "mime_type": mime_type, "file_size": len(data),
        }
        return self.send_message(caption, user_id=user_id, document=document)

    def press(
        self, data: str, *, message: dict[str, Any], user_id: int = 111
    ) -> str:
        """Queue a press of an inline button under `message` (a message the bot sent)."""
        query_id = f"cq{next(self._ids)}"
        self._put({
            "callback_query": {
                "id": query_id,
                "from": {"id": user_id, "is_bot": False, "first_name": "Sari"},
                "chat_instance": "ci",
                "data": data,
                "message": message,
            }
        })
        return query_id

    def _put(self, update: dict[str, Any]) -> None:
        update["update_id"] = next(self._ids)
        self.updates.put_nowait(update)

    # -- inspection -----------------------------------------------------------------------
    def sent(self, chat_id: int | None = None) -> list[Call]:
        """Successful sendMessage calls (optionally to one chat), in order."""
        return [
            c for c in self.calls
            if c.method == "sendMessage" and c.status == 200
            and (chat_id is None or c.params.get("chat_id") == chat_id)
        ]

    async def wait_for(
        self, predicate: Callable[[Call], bool], *, count: int = 1, within: float = 10.0
    ) -> list[Call]:
        """Wait until `count` recorded calls match; fail the test after `within` seconds."""
        deadline = time.monotonic() + within
        while True:
            matched = [c for c in self.calls if c.status == 200 and predicate(c)]
            if len(matched) >= count:
                return matched
            if time.monotonic() > deadline:
                seen = [(c.method, c.params.get("text", "")[:80]) for c in self.calls]
                raise AssertionError(f"timed out waiting for calls; recorded: {seen}")
            await asyncio.sleep(0.02)

    async def wait_sent(
        self, chat_id: int, *, count: int = 1, within: float = 10.0
    ) -> list[Call]:
        """Wait for `count` messages sent to `chat_id`; returns all of them so far."""
        return await self.wait_for(
            lambda c: c.method == "sendMessage" and c.params.get("chat_id") == chat_id,
            count=count, within=within,
        )

    # -- HTTP -----------------------------------------------------------------------------
    async def _method(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await _params(request)
        call = Call(method, params)
        self.calls.append(call)
        retry_after = self._failures.pop(method, None)
        if retry_after is not None:
            call.status = 429
            return web.json_response(
                {
                    "ok": False, "error_code": 429,
                    "description": f"Too Many Requests: retry after {retry_after}",
                    "parameters": {"retry_after": retry_after},
                },
                status=429,
            )
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            call.status = 404
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found: method not found"},
                status=404,
            )
        try:
            _check(method, params)
            result = await handler(params)
        except BadRequest as exc:
            call.status = 400
            return web.json_response(
                {"ok": False, "error_code": 400, "description": exc.description}, status=400
            )
        call.result = result
        return web.json_response({"ok": True, "result": result})

    async def _file(self, request: web.Request) -> web.Response:
        wanted = request.match_info["path"]
        self.calls.append(Call("file", {"path": wanted}))
        for path, data in self.files.values():
            if path == wanted:
                return web.Response(body=data)
        return web.Response(status=404)

    # -- methods --------------------------------------------------------------------------
    async def _m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": BOT_ID, "is_bot": True, "first_name": "TanyaKerja", "username": BOT_USERNAME,
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        timeout = float(params.get("timeout") or 0)
        batch: list[dict[str, Any]] = []
        with contextlib.suppress(asyncio.TimeoutError):
            batch.append(await asyncio.wait_for(self.updates.get(), timeout=max(timeout, 0.01)))
        while not self.updates.empty():
            batch.append(self.updates.get_nowait())
        return batch

    def _message(self, params: dict[str, Any], **fields: Any) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        chat = self._chats.get(chat_id) or {"id": chat_id, "type": "private", "first_name": "x"}
        message: dict[str, Any] = {
            "message_id": params.get("message_id") or next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "TanyaKerja",
                     "username": BOT_USERNAME},
        }
        message.update(fields)
        if params.get("message_thread_id") is not None:
            message["message_thread_id"] = params["message_thread_id"]
            message["is_topic_message"] = True
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    async def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._message(params, text=params.get("text", ""))

    async def _m_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._message(params, text=params.get("text", ""))

    async def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._message(params, text="")

    async def _m_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id in self._answered:
            raise BadRequest(
                "query is too old and response timeout expired or query ID is invalid"
            )
        self._answered.add(query_id)
        return True

    async def _m_sendChatAction(self, params: dict[str, Any]) -> bool:
        return True

    async def _m_deleteWebhook(self, params: dict[str, Any]) -> bool:
        return True

    async def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        return True

    async def _m_setMyCommands(self, params: dict[str, Any]) -> bool:
        return True

    async def _m_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params["file_id"])
        path, data = self.files[file_id]
        return {
            "file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(data),
            "file_path": path,
        }


def _check(method: str, params: dict[str, Any]) -> None:
    """Refuse what Telegram refuses: over-long texts and over-long callback data."""
    if method in ("sendMessage", "editMessageText"):
        text = str(params.get("text", ""))
        if str(params.get("parse_mode", "")).upper() == "HTML":
            text = html.unescape(_TAG.sub("", text))
        if _u16(text) > TEXT_LIMIT:
            raise BadRequest("message is too long")
    markup = params.get("reply_markup") or {}
    for row in markup.get("inline_keyboard", []) if isinstance(markup, dict) else []:
        for button in row:
            data = button.get("callback_data")
            if data is not None and len(str(data).encode("utf-8")) > CALLBACK_DATA_LIMIT:
                raise BadRequest("BUTTON_DATA_INVALID")


async def _params(request: web.Request) -> dict[str, Any]:
    """PTB sends form fields (JSON-encoded when structured) or a JSON body."""
    if request.content_type == "application/json":
        raw: dict[str, Any] = await request.json()
    elif request.can_read_body:
        raw = dict(await request.post())
    else:
        raw = dict(request.query)
    params: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str) and key in _JSON_FIELDS:
            params[key] = json.loads(value)
        elif isinstance(value, str) and key in _INT_FIELDS:
            try:
                params[key] = int(value)
            except ValueError:
                params[key] = value
        else:
            params[key] = value
    return params


def _u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
