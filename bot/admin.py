"""Admin handlers: manage the articles from chat (ADMIN_USER_IDS only).

Why in chat: the admins are not programmers; sending a file to the bot is the easiest way to add
an article. Every admin action is logged (user id, command, outcome), and anyone else gets a
polite refusal with nothing changed (logged without their id: only admins' ids are kept). Admin
commands and buttons work only in the admin's private chat with the bot: in a group their
replies (article lists, questions workers asked) would be read by every member. Ingest work is
CPU-bound and runs in a thread, and /reindex runs as a background task, so questions (the admin's
own included) keep being answered from the current index while it runs.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram import Document, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest

from bot import handlers, keyboards, texts
from bot.handlers import Context
from bot.render import articles_html, split_html
from bot.services import Services, get_services
from bot.users import real_user_id
from ingest.pipeline import IngestBusy, UploadRejected

logger = logging.getLogger(__name__)

Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]


def audit(update: Update, command: str, outcome: str) -> None:
    """One log line per admin action: who, what, how it ended."""
    logger.info(
        "admin action user=%s command=%s outcome=%s", real_user_id(update), command, outcome
    )


def is_private(update: Update) -> bool:
    """True in a private chat with the bot, the only place admin commands work."""
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


async def refuse(update: Update, text: str) -> None:
    """Say no: an alert for a button, a reply for a command."""
    if update.callback_query is not None:
        await update.callback_query.answer(text, show_alert=True)
    elif update.effective_message is not None:
        await update.effective_message.reply_text(text)


def admin_only(command: str) -> Callable[[Handler], Handler]:
    """Decorator: run the handler for admins in private chats; refuse politely otherwise."""

    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(update: Update, context: Context) -> None:
            if not is_private(update):
                logger.info("admin command refused in a group command=%s", command)
                await refuse(update, texts.ADMIN_PRIVATE_ONLY)
                return
            if get_services(context).is_admin(real_user_id(update)):
                await handler(update, context)
                return
            logger.warning("admin command refused (not an admin) command=%s", command)
            await refuse(update, texts.REFUSED)

        return guarded

    return wrap


# -- /reindex ----------------------------------------------------------------------------------
@admin_only("reindex")
async def reindex(update: Update, context: Context) -> None:
    """/reindex: incremental reindex in the background, then a summary."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_text(texts.REINDEX_STARTED)
    audit(update, "reindex", "started")
    # Not awaited here: the chat's next messages must not wait behind a long reindex.
    context.application.create_task(_reindex_job(update, context), update=update)


async def _reindex_job(update: Update, context: Context) -> None:
    services = get_services(context)
    message = update.effective_message
    assert message is not None
    try:
        report = await asyncio.to_thread(services.ingester.run)
    except IngestBusy:
        audit(update, "reindex", "busy")
        await message.reply_text(texts.BUSY)
        return
    await services.reload()
    audit(
        update, "reindex",
        f"added={len(report.added)} updated={len(report.updated)} removed={len(report.removed)} "
        f"rejected={len(report.rejected)}",
    )
    for part in split_html(texts.reindex_done(report.summary_lines())):
        await message.reply_text(part)


# -- uploads -----------------------------------------------------------------------------------
async def document(update: Update, context: Context) -> None:
    """A document: from an admin in a private chat it becomes an article; else a text-only hint."""
    services = get_services(context)
    message = update.effective_message
    if message is None or message.document is None:
        return
    chat = update.effective_chat
    if chat is None or chat.type != ChatType.PRIVATE:
        return  # groups: silent (admins share files in groups for other reasons)
    if not services.is_admin(real_user_id(update)):
        logger.info("document from a non-admin ignored")
        await message.reply_text(texts.TEXT_ONLY)
        return
    await _add_document(update, context, services, message.document)


@admin_only("tambah")
async def tambah(update: Update, context: Context) -> None:
    """/tambah: explain how to add an article, or add the document it replies to."""
    services = get_services(context)
    message = update.effective_message
    if message is None:
        return
    replied = message.reply_to_message
    if replied is not None and replied.document is not None:
        await _add_document(update, context, services, replied.document)
        return
    from bot.web import add_links, links_in  # bot.web builds on this module

    urls = links_in(" ".join(context.args or []))
    if urls:
        await add_links(update, context, urls)
        return
    if context.args:  # "/tambah situs.com/berita" or other text that is no link
        await message.reply_text(texts.link_failed(
            " ".join(context.args), "tautan harus diawali http:// atau https://"
        ))
        return
    await message.reply_text(texts.TAMBAH_HOWTO)


async def _add_document(
    update: Update, context: Context, services: Services, doc: Document
) -> None:
    message = update.effective_message
    assert message is not None
    name = doc.file_name or ""
    limit = services.settings.max_file_bytes
    if doc.file_size is not None and doc.file_size > limit:
        audit(update, "tambah", f"rejected too large ({doc.file_size} bytes)")
        await message.reply_text(texts.upload_too_big(doc.file_size, limit))
        return
    async with handlers.typing(context.bot, message.chat_id):
        data = bytes(await (await doc.get_file()).download_as_bytearray())
        try:
            result = await asyncio.to_thread(services.ingester.add_upload, name, data)
        except UploadRejected as exc:
            audit(update, "tambah", f"rejected {name!r}: {exc.reason}")
            await message.reply_text(texts.upload_rejected(exc.reason))
            return
        except IngestBusy:
            audit(update, "tambah", "busy")
            await message.reply_text(texts.BUSY)
            return
        await services.reload()
    audit(update, "tambah", f"added doc_id={result.doc_id} path={result.path}")
    await message.reply_text(texts.upload_ok(result.title, result.passages, result.doc_id))


# -- /artikel and /hapus -----------------------------------------------------------------------
@admin_only("artikel")
async def artikel(update: Update, context: Context) -> None:
    """/artikel: every article with its short id."""
    services = get_services(context)
    if update.effective_message is None:
        return
    articles = await asyncio.to_thread(services.knowledge.articles)
    audit(update, "artikel", f"listed {len(articles)}")
    if not articles:
        await update.effective_message.reply_text(texts.SOURCES_EMPTY)
        return
    body = f"{texts.articles_head(len(articles))}\n{articles_html(articles, with_ids=True)}"
    for part in split_html(body):
        await update.effective_message.reply_text(part)


@admin_only("hapus")
async def hapus(update: Update, context: Context) -> None:
    """/hapus <id>: ask for confirmation before removing an article."""
    services = get_services(context)
    message = update.effective_message
    if message is None:
        return
    wanted = (context.args[0] if context.args else "").strip().lower()
    if not wanted:
        await message.reply_text(texts.HAPUS_USAGE)
        return
    articles = await asyncio.to_thread(services.knowledge.articles)
    matches = [a for a in articles if a.doc_id.lower().startswith(wanted)]
    if len(matches) != 1:
        audit(update, "hapus", f"no unique article for {wanted!r}")
        await message.reply_text(texts.not_found_article(wanted))
        return
    article = matches[0]
    audit(update, "hapus", f"confirmation asked for {article.doc_id}")
    await message.reply_text(
        texts.confirm_delete(article.title, article.doc_id),
        reply_markup=keyboards.confirm_delete(article.doc_id),
    )


@admin_only("hapus-konfirmasi")
async def hapus_pressed(update: Update, context: Context) -> None:
    """The confirmation buttons of /hapus."""
    services = get_services(context)
    query = update.callback_query
    if query is None or query.data is None:
        return
    match = keyboards.ARTICLE_PATTERN.match(query.data)
    await query.answer()
    if match is None or match.group(1) == "batal" or not match.group(2):
        audit(update, "hapus", "cancelled")
        await _edit(query.edit_message_text(texts.CANCELLED))
        return
    doc_id = match.group(2)
    if query.message is not None:
        await context.bot.send_chat_action(query.message.chat.id, ChatAction.TYPING)
    try:
        removed = await asyncio.to_thread(services.ingester.remove, doc_id)
    except IngestBusy:
        audit(update, "hapus", "busy")
        await _edit(query.edit_message_text(texts.BUSY))
        return
    if removed is None:
        audit(update, "hapus", f"{doc_id} already gone")
        await _edit(query.edit_message_text(texts.delete_missing(doc_id)))
        return
    await services.reload()
    audit(update, "hapus", f"removed {doc_id} path={removed.path}")
    await _edit(query.edit_message_text(texts.deleted(removed.title)))


async def _edit(call: Awaitable[object]) -> None:
    try:
        await call
    except BadRequest as exc:  # e.g. the confirmation was pressed twice
        logger.debug("edit skipped: %s", exc)
