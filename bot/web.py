"""Admins add articles by link, and news feeds bring articles in by themselves.

Why here and not in `bot/admin.py`: links and feeds share their own long-lived objects (one
Fetcher whose per-site pacing must be shared, the feed list, the checker), built lazily from the
running Services and kept in `bot_data` under their own key. Links pasted in an admin's private
chat are caught in a handler group *before* the question handlers; anything that is not an
admin's link message falls through to them untouched. The feed job runs on PTB's JobQueue;
fetching and indexing happen in a thread, so questions keep being answered meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot import handlers, keyboards, texts
from bot.admin import admin_only, audit
from bot.handlers import Context
from bot.render import esc, shorten, split_html
from bot.services import Services, get_services
from bot.users import real_user_id
from ingest.feeds import FeedBook, FeedChecker, load_keywords
from ingest.fetch import Fetcher, FetchError
from ingest.links import LinkAdder, LinkFailed, LinkResult
from ingest.pipeline import IngestBusy, Ingester
from knowledge.settings import Settings

logger = logging.getLogger(__name__)

WEB_KEY = "web"
MAX_LINKS = 10
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_LINK_GROUP = -1  # before the question handlers in group 0


@dataclass
class Web:
    """The link adder and the feed machinery of one running bot."""

    adder: LinkAdder
    book: FeedBook
    checker: FeedChecker


BACKGROUND_BATCH = 4  # chunks per embedding call while workers are asking questions


def build_web(settings: Settings, ingester: Ingester, **fetcher_options: Any) -> Web:
    """Production wiring: one Fetcher shared by links and feeds."""
    # Links and feeds index while the bot answers: the embedder serves one call at a time, so
    # small batches keep a worker's question from waiting behind a long embedding call.
    ingester = Ingester(
        settings=ingester.settings, store=ingester.store, embedder=ingester.embedder,
        saver=ingester.saver, extract_timeout_s=ingester.extract_timeout_s,
        batch_size=BACKGROUND_BATCH,
    )
    fetcher = Fetcher(
        max_bytes=settings.max_file_bytes, allow_private=settings.fetch_allow_private,
        **fetcher_options,
    )
    adder = LinkAdder(ingester=ingester, fetcher=fetcher)
    book = FeedBook(settings.data_dir, settings.feeds)
    checker = FeedChecker(
        book=book, adder=adder, fetcher=fetcher, keywords=load_keywords(settings.feed_keywords)
    )
    return Web(adder=adder, book=book, checker=checker)


def get_web(application: Application) -> Web | None:
    """The Web objects (built on first use); None when the ingester cannot add files."""
    web = application.bot_data.get(WEB_KEY)
    if isinstance(web, Web):
        return web
    services: Services = application.bot_data["services"]
    if not isinstance(services.ingester, Ingester):
        return None
    web = build_web(services.settings, services.ingester)
    application.bot_data[WEB_KEY] = web
    return web


def links_in(text: str) -> list[str]:
    """The http(s) links of a message, trailing punctuation removed, each once."""
    return list(dict.fromkeys(u.rstrip(".,;:!?)]}") for u in _URL.findall(text)))[:MAX_LINKS]


def is_link_message(text: str) -> bool:
    """A message that is mostly links (a few words around them at most), not a question."""
    links = _URL.findall(text)
    return bool(links) and len(_URL.sub(" ", text).split()) <= 6 and "?" not in _URL.sub("", text)


# -- adding links ------------------------------------------------------------------------------
async def link_message(update: Update, context: Context) -> None:
    """An admin's link message in a private chat: add the links; anything else falls through."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or not message.text or chat is None or chat.type != ChatType.PRIVATE:
        return
    services = get_services(context)
    if not services.is_admin(real_user_id(update)) or not is_link_message(message.text):
        return  # group 0's question handler answers it as usual
    await add_links(update, context, links_in(message.text))
    raise ApplicationHandlerStop


async def add_links(update: Update, context: Context, urls: list[str]) -> None:
    """Fetch, save and index each link; one reply per link (buttons: two questions it answers)."""
    message = update.effective_message
    assert message is not None
    services = get_services(context)
    web = get_web(context.application)
    if web is None:
        await message.reply_text(texts.link_failed(urls[0], "penambahan lewat tautan tidak aktif"))
        return
    results: list[LinkResult] = []
    replies: list[str] = []
    async with handlers.typing(context.bot, message.chat_id):
        for url in urls:
            try:
                result = await asyncio.to_thread(web.adder.add, url)
            except LinkFailed as exc:
                audit(update, "tambah-link", f"rejected: {exc.reason}")
                replies.append(texts.link_failed(exc.url, exc.reason))
                continue
            except IngestBusy:
                audit(update, "tambah-link", "busy")
                replies.append(texts.BUSY)
                break
            audit(update, "tambah-link", f"added doc_id={result.article.doc_id}")
            results.append(result)
        if results:
            await services.reload()
    for result in results:
        questions = await asyncio.to_thread(_questions_about, services, result)
        article = result.article
        await message.reply_text(
            texts.link_added(
                title=article.title, doc_id=article.doc_id, passages=article.passages,
                publisher=article.publisher, date=article.date, updated=article.updated,
                has_questions=bool(questions),
            ),
            reply_markup=_buttons(services, questions),
        )
    for text in replies:
        await message.reply_text(text)


def _questions_about(services: Services, result: LinkResult, n: int = 2) -> list[str]:
    """Suggested questions whose answers cite the new article; its title as a last resort."""
    picked = services.suggestions.about(result.article.path, n)
    if len(picked) < n:
        fallback = f"Apa isi artikel \u201c{shorten(result.article.title, 60)}\u201d?"
        try:
            answer = services.knowledge.ask(fallback)
        except Exception:  # a suggestion is optional; the article is already added
            logger.warning("fallback suggestion failed", exc_info=True)
            return picked
        if answer.found and any(s.path == result.article.path for s in answer.sources):
            picked.append(fallback)
    return picked[:n]


def _buttons(services: Services, questions: list[str]) -> InlineKeyboardMarkup | None:
    if not questions:
        return None
    rows = [[InlineKeyboardButton(
        shorten(q, 60), callback_data=f"{keyboards.ASK}{services.suggestions.remember(q)}"
    )] for q in questions]
    return InlineKeyboardMarkup(rows)


# -- /feed -------------------------------------------------------------------------------------
@admin_only("feed")
async def feed(update: Update, context: Context) -> None:
    """/feed, /feed tambah URL, /feed hapus N, /feed cek."""
    message = update.effective_message
    if message is None:
        return
    web = get_web(context.application)
    if web is None:
        await message.reply_text(texts.feed_rejected("feed tidak aktif di bot ini"))
        return
    args = context.args or []
    action = args[0].lower() if args else ""
    if action in ("tambah", "add") and len(args) >= 2:
        try:
            state = await asyncio.to_thread(web.book.add, args[1])
        except FetchError as exc:
            await message.reply_text(texts.feed_rejected(exc.reason))
            return
        except ValueError as exc:
            await message.reply_text(texts.feed_rejected(str(exc)))
            return
        audit(update, "feed", "added")
        await message.reply_text(texts.feed_added(state.url))
    elif action in ("hapus", "remove") and len(args) >= 2:
        number = int(args[1]) if args[1].isdigit() and len(args[1]) < 6 else 0
        removed = await asyncio.to_thread(web.book.remove, number)
        if removed is None:
            await message.reply_text(texts.feed_rejected(
                f"tidak ada feed nomor {esc(shorten(args[1], 12))}; lihat /feed"))
            return
        audit(update, "feed", "removed")
        await message.reply_text(texts.feed_removed(removed.url))
    elif action in ("cek", "periksa", "check"):
        await message.reply_text(texts.FEED_CHECK_STARTED)
        context.application.create_task(_check_and_report(context.application, message.chat_id))
    elif action:
        await message.reply_text(texts.FEED_USAGE)
    else:
        await _list(update, web)


async def _list(update: Update, web: Web) -> None:
    message = update.effective_message
    assert message is not None
    if not web.book.feeds:
        await message.reply_text(texts.FEEDS_EMPTY)
        return
    lines = []
    for i, state in enumerate(web.book.feeds, start=1):
        checked = state.last_checked.replace("T", " ")[:16] if state.last_checked else "belum"
        problem = f" \u2014 \u26a0\ufe0f {esc(state.last_error)}" if state.last_error else ""
        lines.append(f"{i}. {esc(shorten(state.url, 100))}\n   diperiksa: {checked} UTC, "
                     f"{state.added} artikel ditambahkan{problem}")
    for part in split_html(texts.feeds_list(lines)):
        await message.reply_text(part)


# -- the feed job --------------------------------------------------------------------------
async def run_feeds(application: Application) -> list[LinkResult]:
    """One pass over the feeds; reloads the index and sends the admins one digest if it added."""
    web = get_web(application)
    if web is None or not web.book.feeds:
        return []
    services: Services = application.bot_data["services"]
    try:
        run = await asyncio.to_thread(web.checker.check)
    except IngestBusy:
        logger.info("feed check skipped: another ingest is running")
        return []
    logger.info("feed check: %s", run.summary_lines()[0])
    if run.added:
        await services.reload()
        digest = texts.feed_digest([
            (r.article.title, r.article.doc_id, r.article.publisher) for r in run.added
        ])
        for admin_id in sorted(services.settings.admin_user_ids):
            for part in split_html(digest):
                try:
                    await application.bot.send_message(admin_id, part)
                except TelegramError as exc:  # the admin never opened a chat with the bot
                    logger.info("digest not delivered to an admin: %s", exc)
    return run.added


async def _check_and_report(application: Application, chat_id: int) -> None:
    web = get_web(application)
    if web is None:
        return
    services: Services = application.bot_data["services"]
    try:
        run = await asyncio.to_thread(web.checker.check)
    except IngestBusy:
        await application.bot.send_message(chat_id, texts.BUSY)
        return
    if run.added:
        await services.reload()
    for part in split_html(texts.feed_check_done(run.summary_lines())):
        await application.bot.send_message(chat_id, part)


async def feed_job(context: Context) -> None:
    """The JobQueue callback: every FEED_INTERVAL_MINUTES."""
    await run_feeds(context.application)


def register(application: Application, settings: Settings) -> None:
    """Link messages (before questions), /feed, and the repeating feed job."""
    private_text = filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE
    application.add_handler(
        MessageHandler(private_text & filters.Regex(_URL), link_message), group=_LINK_GROUP
    )
    application.add_handler(CommandHandler("feed", feed))
    if application.job_queue is None:
        logger.warning("no JobQueue (python-telegram-bot[job-queue]): feeds are checked only "
                       "with /feed cek or `tanyakerja feeds check`")
        return
    application.job_queue.run_repeating(
        feed_job, interval=max(1, settings.feed_interval_minutes) * 60, first=60, name="feeds"
    )
