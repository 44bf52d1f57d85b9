"""The Telegram Application: wiring, lifecycle, and the two ways to run it (polling, webhook).

Why these choices:
- `AIORateLimiter(max_retries=...)`: when Telegram answers 429 with `retry_after`, the request
  waits that long and is retried, so a flood limit delays a reply instead of losing it.
- `PerChatUpdateProcessor`: updates run concurrently (one slow answer never blocks other users),
  but one chat's updates run one after another, so its answers arrive in the order asked. An
  update waits for its chat's turn *before* it takes one of the concurrency slots, so a chat with
  many queued messages cannot hold every slot while they wait behind its slow first answer.
- Services are built once in `post_init` (in a thread: loading the index takes a while) and
  closed in `post_shutdown`, as python-telegram-bot's own rules-bot does.
- Webhook mode always enforces a secret token: requests without Telegram's
  `X-Telegram-Bot-Api-Secret-Token` header get 403 from PTB's webhook server.
- Start-up survives an unreachable Telegram: `bot.reachability.wait_for_telegram` waits (one
  log line per attempt, with backoff) until getMe answers, and PTB's `bootstrap_retries=-1`
  covers a network drop between that check and the first getUpdates/setWebhook.
- The token must never reach a log: httpx logs request URLs (which contain it) at INFO, so httpx
  is set to WARNING, and a filter masks the token in any record that still carries it, tracebacks
  included (PTB's InvalidToken error quotes the token).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import secrets
from collections.abc import Awaitable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from telegram import BotCommand, BotCommandScopeChat, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    filters,
)

from bot import admin, handlers, insight, keyboards, texts, web
from bot.services import SERVICES_KEY, Services, build_services
from knowledge.settings import Settings

logger = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
RETRY_AFTER_RETRIES = 3
BOOTSTRAP_RETRIES = -1  # PTB: retry the bootstrap (initialize, deleteWebhook/setWebhook) forever
_SECRET_OK = re.compile(r"^[A-Za-z0-9_-]{1,256}$")

ANSWER_THREADS = 64

WORKER_COMMANDS = [
    BotCommand("start", "Mulai dan lihat contoh pertanyaan"),
    BotCommand("topik", "Pilih topik pertanyaan"),
    BotCommand("sumber", "Artikel yang saya baca"),
    BotCommand("baru", "Mulai percakapan baru"),
    BotCommand("bantuan", "Cara memakai bot ini"),
    BotCommand("privasi", "Data apa yang disimpan"),
    BotCommand("hapusdata", "Hapus catatan pertanyaanmu"),
]
ADMIN_COMMANDS = [
    BotCommand("reindex", "Baca ulang folder artikel"),
    BotCommand("tambah", "Tambah artikel (berkas atau tautan)"),
    BotCommand("feed", "Feed berita: daftar, tambah, hapus"),
    BotCommand("artikel", "Daftar artikel dengan id"),
    BotCommand("hapus", "Hapus artikel: /hapus id"),
    BotCommand("statistik", "Statistik pertanyaan"),
]


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Concurrent across chats, strictly in order within one chat."""

    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    # PTB marks process_update final; its version takes the concurrency slot first and only then
    # calls do_process_update, so updates waiting for their chat's lock would hold slots doing
    # nothing (head-of-line blocking for every other chat). Same bookkeeping, other order.
    async def process_update(  # type: ignore[misc]
        self, update: object, coroutine: Awaitable[Any]
    ) -> None:
        """Wait for the chat's earlier updates (FIFO lock), then take a slot and process it."""
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            async with self._semaphore:
                await self.do_process_update(update, coroutine)
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._waiting[chat.id] = self._waiting.get(chat.id, 0) + 1
        try:
            async with lock, self._semaphore:
                await self.do_process_update(update, coroutine)
        finally:
            self._waiting[chat.id] -= 1
            if self._waiting[chat.id] == 0:  # keep the dicts as small as the active chats
                del self._waiting[chat.id], self._locks[chat.id]

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Process the update (ordering and the concurrency limit are done by process_update)."""
        await coroutine

    async def initialize(self) -> None:
        """Nothing to allocate."""

    async def shutdown(self) -> None:
        """Nothing to free."""


class TokenFilter(logging.Filter):
    """Masks the bot token in every log record that passes through a handler."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message and traceback with the token masked; keep the record."""
        if not self.token:
            return True
        if record.exc_info:
            # Handlers format exc_info themselves, after every filter has run: format it here,
            # masked, and hand them the text instead (Formatter.format uses exc_text as is).
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = self._mask(record.exc_text)
        if record.stack_info:
            record.stack_info = self._mask(record.stack_info)
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call is the handler's problem, not ours
            return True
        if self.token in message:
            record.msg, record.args = self._mask(message), None
        return True

    def _mask(self, text: str) -> str:
        return text.replace(self.token, "<token>")


def protect_token_in_logs(token: str) -> None:
    """Mute httpx's URL logging and mask the token on every root handler."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, TokenFilter) for f in handler.filters):
            handler.addFilter(TokenFilter(token))


def _token(settings: Settings) -> str:
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    return settings.telegram_bot_token.get_secret_value()


def build_application(settings: Settings, services: Services | None = None) -> Application:
    """The configured Application; services are built in post_init unless given (tests)."""
    logging.getLogger("httpx").setLevel(logging.WARNING)

    async def post_init(application: Application) -> None:
        # Answers run in threads (asyncio.to_thread); an LLM call holds its thread for up to
        # LLM_TIMEOUT_S doing nothing but waiting, so the default pool (cores + 4) would make
        # the 50th of 50 simultaneous users wait nine LLM round-trips. Threads are cheap here:
        # CPU-bound embedding is serialised by the embedder's own lock.
        asyncio.get_running_loop().set_default_executor(
            ThreadPoolExecutor(max_workers=ANSWER_THREADS, thread_name_prefix="answer")
        )
        if SERVICES_KEY not in application.bot_data:
            built = await asyncio.to_thread(build_services, settings)
            await asyncio.to_thread(built.ensure_index)
            application.bot_data[SERVICES_KEY] = built
        ready: Services = application.bot_data[SERVICES_KEY]
        count = await asyncio.to_thread(ready.compute_suggestions)
        logger.info("bot ready: %d suggested questions", count)
        await _set_commands(application, settings)

    async def post_shutdown(application: Application) -> None:
        ready = application.bot_data.pop(SERVICES_KEY, None)
        if isinstance(ready, Services):
            ready.close()

    builder = (
        Application.builder()
        .token(_token(settings))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .rate_limiter(AIORateLimiter(max_retries=RETRY_AFTER_RETRIES))
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if settings.telegram_base_url:
        builder = builder.base_url(settings.telegram_base_url)
    if settings.telegram_base_file_url:
        builder = builder.base_file_url(settings.telegram_base_file_url)
    application = builder.build()
    if services is not None:
        application.bot_data[SERVICES_KEY] = services
    register_handlers(application)
    insight.register(application)  # /statistik, /hapusdata, /privasi
    web.register(application, settings)  # links in admin chats, /feed, the feed job
    register_fallbacks(application)  # last: they catch whatever nobody else handled
    application.add_error_handler(on_error)
    return application


def register_handlers(application: Application) -> None:
    """Workers' and admins' handlers, most specific first."""
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    add = application.add_handler
    for name, callback in (
        ("start", handlers.start), ("bantuan", handlers.bantuan), ("help", handlers.bantuan),
        ("topik", handlers.topik), ("sumber", handlers.sumber), ("baru", handlers.baru),
        ("tanya", handlers.tanya),
        ("reindex", admin.reindex), ("tambah", admin.tambah), ("artikel", admin.artikel),
        ("hapus", admin.hapus),
    ):
        add(CommandHandler(name, callback))
    add(CallbackQueryHandler(handlers.suggestion_pressed, pattern=f"^{keyboards.ASK}"))
    add(CallbackQueryHandler(handlers.topic_pressed, pattern=f"^{keyboards.TOPIC}"))
    add(CallbackQueryHandler(handlers.feedback_pressed, pattern=f"^{keyboards.FEEDBACK}"))
    add(CallbackQueryHandler(admin.hapus_pressed, pattern=f"^{keyboards.ARTICLE}"))
    add(MessageHandler(filters.TEXT & ~filters.COMMAND & private, handlers.private_text))
    add(MessageHandler(filters.TEXT & ~filters.COMMAND & groups, handlers.group_text))
    add(MessageHandler(filters.Document.ALL, admin.document))


def register_fallbacks(application: Application) -> None:
    """Unknown commands and non-text messages in private chats (groups stay silent)."""
    private = filters.ChatType.PRIVATE
    application.add_handler(MessageHandler(filters.COMMAND & private, handlers.unknown_command))
    application.add_handler(MessageHandler(~filters.TEXT & private, handlers.not_text))


async def _set_commands(application: Application, settings: Settings) -> None:
    """Command menus: workers' everywhere, workers' + admins' in each admin's private chat."""
    try:
        await application.bot.set_my_commands(WORKER_COMMANDS)
    except TelegramError as exc:
        logger.warning("could not set the command menu: %s", exc)
    for admin_id in sorted(settings.admin_user_ids):
        try:
            await application.bot.set_my_commands(
                WORKER_COMMANDS + ADMIN_COMMANDS, scope=BotCommandScopeChat(admin_id)
            )
        except TelegramError as exc:  # the admin has not opened a chat with the bot yet
            logger.info("admin command menu not set for %s: %s", admin_id, exc)


async def on_error(update: object, context: Any) -> None:
    """Log the traceback; tell the user something kind; keep running."""
    logger.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update):
        return
    if update.callback_query is not None:
        # stop the button's spinner, unless the handler already answered the query
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer()
    if update.effective_chat is not None:
        try:
            await context.bot.send_message(
                update.effective_chat.id, texts.ERROR,
                message_thread_id=handlers.topic_thread_id(update),
            )
        except TelegramError as exc:
            logger.warning("could not send the apology: %s", exc)


def webhook_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for run_webhook/start_webhook; the secret token is always set."""
    if not settings.webhook_url:
        raise ValueError("WEBHOOK_URL is not set")
    if settings.webhook_secret is not None:
        secret = settings.webhook_secret.get_secret_value()
        if not _SECRET_OK.match(secret):
            raise ValueError(
                "WEBHOOK_SECRET may only use letters, digits, '_' and '-' (1-256 characters)"
            )
    else:
        secret = secrets.token_urlsafe(32)
        logger.warning("WEBHOOK_SECRET is not set: using a random secret for this run")
    return {
        "listen": settings.webhook_listen,
        "port": settings.webhook_port,
        "url_path": urlsplit(settings.webhook_url).path.lstrip("/"),
        "webhook_url": settings.webhook_url,
        "secret_token": secret,
    }


TOKEN_REJECTED = (
    "Telegram rejected TELEGRAM_BOT_TOKEN — check the token from @BotFather and "
    "TELEGRAM_BASE_URL. / Telegram menolak TELEGRAM_BOT_TOKEN — periksa token dari "
    "@BotFather dan TELEGRAM_BASE_URL."
)


def run_bot(settings: Settings) -> None:
    """Run the bot until Ctrl+C: long polling, or a webhook when WEBHOOK_URL is set."""
    from bot.reachability import TokenRejected, wait_for_telegram

    token = _token(settings)
    protect_token_in_logs(token)
    try:
        me = wait_for_telegram(settings.telegram_base_url, token)
    except TokenRejected:
        raise SystemExit(TOKEN_REJECTED) from None
    logger.info("Telegram answers: this is @%s", me.username)
    application = build_application(settings)
    try:
        if settings.webhook_url:
            options = webhook_options(settings)
            logger.info("starting webhook on %s:%s", options["listen"], options["port"])
            application.run_webhook(
                allowed_updates=ALLOWED_UPDATES, bootstrap_retries=BOOTSTRAP_RETRIES, **options
            )
        else:
            logger.info("starting long polling")
            application.run_polling(
                allowed_updates=ALLOWED_UPDATES, bootstrap_retries=BOOTSTRAP_RETRIES
            )
    except InvalidToken:
        # InvalidToken's message quotes the token: end with a hint instead of its traceback.
        raise SystemExit(TOKEN_REJECTED) from None
