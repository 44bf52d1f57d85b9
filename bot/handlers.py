"""Handlers for workers: commands, questions, suggestion and feedback buttons.

Each handler is thin: read the update, call a service (CPU-bound answering runs in a thread so
the event loop keeps serving other chats), render with `bot.render`, reply. Group chats are
quiet by design: the bot answers only when it is mentioned, replied to, or asked with /tanya,
and says nothing otherwise. In a forum supergroup every message of an answer goes to the topic
the question was asked in (Telegram would put all but a reply in the General topic).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from telegram import InlineKeyboardMarkup, Message, MessageEntity, ReplyParameters, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot import keyboards, texts
from bot.render import articles_html, render_answer, split_html
from bot.services import Services, get_services
from bot.users import real_user_id, sender_key

if TYPE_CHECKING:
    from telegram import Bot

logger = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
_TYPING_EVERY_S = 4.5  # Telegram shows "typing…" for about 5 seconds per action


def _is_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


def topic_thread_id(update: Update) -> int | None:
    """The forum topic of the update's message (for buttons: of the message under them)."""
    message = update.effective_message
    if message is not None and message.is_topic_message:
        return message.message_thread_id
    return None


@contextlib.asynccontextmanager
async def typing(
    bot: Bot, chat_id: int, *, thread_id: int | None = None
) -> AsyncIterator[None]:
    """Show "typing…" in the chat (or forum topic) until the block ends (repeated)."""

    async def send() -> None:
        try:
            await bot.send_chat_action(chat_id, ChatAction.TYPING, message_thread_id=thread_id)
        except TelegramError as exc:  # cosmetic: never let it fail an answer
            logger.debug("send_chat_action failed: %s", exc)

    async def keep_typing() -> None:
        while True:
            await asyncio.sleep(_TYPING_EVERY_S)
            await send()

    # The first "typing…" starts at once but the answer's work does not wait for it (under load
    # the rate limiter would queue the work behind the chat action); it is awaited only when the
    # work is done, so it is never cancelled and always reaches the chat before the answer.
    first = asyncio.create_task(send())
    repeat = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        repeat.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await repeat
        await first


async def respond(
    update: Update, context: Context, question: str, *, reply_to: Message | None = None,
    echo: bool = False,
) -> None:
    """Check, answer and send one question (knowledge.asking does the work; this renders)."""
    services = get_services(context)
    chat, user_id = update.effective_chat, real_user_id(update)
    if chat is None:
        return
    thread_id = topic_thread_id(update)

    async def say(text: str) -> None:
        await context.bot.send_message(
            chat.id, text, reply_parameters=_reply(reply_to), message_thread_id=thread_id
        )

    refusal = services.asker.check(question)  # empty or over MAX_QUESTION_CHARS
    if refusal is not None:
        await say(texts.EMPTY_QUESTION if refusal.status == "empty" else refusal.message)
        return
    who = sender_key(update) or chat.id  # anonymous admins: their group's shared quota
    if not services.rate_limiter.allow(who):
        await say(texts.rate_limited(services.rate_limiter.retry_after(who)))
        return

    async with typing(context.bot, chat.id, thread_id=thread_id):
        outcome = await asyncio.to_thread(
            services.asker.ask, question, chat=chat.id, user_id=user_id, chat_type=chat.type
        )
    answer = outcome.answer
    if answer is None:  # the article store is unreachable
        await say(outcome.message)
        return
    entry_id = outcome.entry_id
    parts = render_answer(answer, echo_question=echo)
    # Under an answer: 👍/👎. Under "not in my articles": questions the articles do answer.
    markup: InlineKeyboardMarkup | None = None
    if not answer.found:
        markup = keyboards.questions(services.suggestions.starters(3))
    elif entry_id is not None and user_id is not None:  # nobody could rate an anonymous asker's
        markup = keyboards.feedback(entry_id)
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        await context.bot.send_message(
            chat.id,
            part,
            reply_parameters=_reply(reply_to) if i == 0 else None,
            reply_markup=markup if last else None,
            message_thread_id=thread_id,
        )


def _reply(message: Message | None) -> ReplyParameters | None:
    if message is None:
        return None
    return ReplyParameters(message.message_id, allow_sending_without_reply=True)


# -- commands ----------------------------------------------------------------------------------
async def start(update: Update, context: Context) -> None:
    """/start: warm welcome and a few questions the articles answer."""
    services = get_services(context)
    message = update.effective_message
    if message is None:
        return
    starters = services.suggestions.starters(4)
    user = update.effective_user
    await message.reply_text(
        texts.welcome(user.first_name if user else None, has_suggestions=bool(starters)),
        reply_markup=keyboards.questions(starters),
    )


async def bantuan(update: Update, context: Context) -> None:
    """/bantuan: how to use the bot (admins also see their commands)."""
    services = get_services(context)
    if update.effective_message is None:
        return
    await update.effective_message.reply_text(
        texts.help_text(is_admin=services.is_admin(real_user_id(update)) and not _is_group(update))
    )


async def topik(update: Update, context: Context) -> None:
    """/topik: topic buttons, each leading to questions the articles answer."""
    services = get_services(context)
    if update.effective_message is None:
        return
    topics = services.suggestions.topics()
    text = texts.TOPICS_PROMPT if topics else texts.TOPICS_EMPTY
    await update.effective_message.reply_text(text, reply_markup=keyboards.topics(topics))


async def sumber(update: Update, context: Context) -> None:
    """/sumber: the articles the bot knows, with links."""
    services = get_services(context)
    if update.effective_message is None:
        return
    articles = await asyncio.to_thread(services.knowledge.articles)
    if not articles:
        await update.effective_message.reply_text(texts.SOURCES_EMPTY)
        return
    for part in split_html(f"{texts.SOURCES_HEAD}\n{articles_html(articles)}"):
        await update.effective_message.reply_text(part)


async def baru(update: Update, context: Context) -> None:
    """/baru: forget this chat's conversation."""
    services = get_services(context)
    if update.effective_chat is None or update.effective_message is None:
        return
    forgot = services.conversations.reset(update.effective_chat.id)
    await update.effective_message.reply_text(texts.FORGOT if forgot else texts.NOTHING_TO_FORGET)


async def tanya(update: Update, context: Context) -> None:
    """/tanya <question>: ask explicitly (the way to ask in groups)."""
    message = update.effective_message
    if message is None or not message.text:
        return
    parts = message.text.split(maxsplit=1)  # "/tanya q", "/tanya\nq", "/tanya@Bot q"
    question = parts[1] if len(parts) > 1 else ""
    await respond(update, context, question, reply_to=message if _is_group(update) else None)


async def unknown_command(update: Update, context: Context) -> None:
    """Private chat, unknown /command: point at /bantuan."""
    if update.effective_message is not None:
        await update.effective_message.reply_text(texts.UNKNOWN_COMMAND)


# -- messages ----------------------------------------------------------------------------------
async def private_text(update: Update, context: Context) -> None:
    """Any text in a private chat is a question."""
    message = update.effective_message
    if message is not None and message.text:
        await respond(update, context, message.text)


def addressed_question(message: Message, bot_id: int, username: str | None) -> str | None:
    """In a group: the question when the message mentions or replies to the bot, else None."""
    text = message.text or ""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return text
    handle = f"@{username}".lower() if username else None
    for entity, value in message.parse_entities(
        [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
    ).items():
        is_me = (entity.type == MessageEntity.MENTION and value.lower() == handle) or bool(
            entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id
        )
        if is_me:
            at = text.lower().find(value.lower())  # by value: entity offsets are UTF-16 units
            if at >= 0:
                text = text[:at] + text[at + len(value):]
            return " ".join(text.split())
    return None


async def group_text(update: Update, context: Context) -> None:
    """Group text: answer only when addressed to the bot; stay silent otherwise."""
    message = update.effective_message
    if message is None or not message.text:
        return
    question = addressed_question(message, context.bot.id, context.bot.username)
    if question is None:
        return
    await respond(update, context, question, reply_to=message)


async def not_text(update: Update, context: Context) -> None:
    """Photos, stickers, voice and other media in a private chat: a one-line hint."""
    if update.effective_message is not None:
        await update.effective_message.reply_text(texts.TEXT_ONLY)


# -- buttons -----------------------------------------------------------------------------------
async def suggestion_pressed(update: Update, context: Context) -> None:
    """A suggested-question button: ask that question in the chat."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    match = keyboards.ASK_PATTERN.match(query.data)
    question = get_services(context).suggestions.question(match.group(1)) if match else None
    if question is None:
        await query.answer(texts.SUGGESTION_GONE, show_alert=True)
        return
    await query.answer()
    await respond(update, context, question, echo=True)


async def topic_pressed(update: Update, context: Context) -> None:
    """A topic button: show its questions in place (or the topic list for "back")."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    services = get_services(context)
    match = keyboards.TOPIC_PATTERN.match(query.data)
    topic = services.suggestions.topic(match.group(1)) if match and match.group(1) else None
    await query.answer()
    if topic is None:
        topics = services.suggestions.topics()
        text = texts.TOPICS_PROMPT if topics else texts.TOPICS_EMPTY
        markup = keyboards.topics(topics)
    else:
        text, markup = texts.topic_prompt(topic.label), keyboards.questions(
            topic.questions, back=True
        )
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as exc:  # "message is not modified" when pressed twice
        logger.debug("topic edit skipped: %s", exc)


async def feedback_pressed(update: Update, context: Context) -> None:
    """👍/👎 under an answer: store it with the answer's log entry and acknowledge."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    match = keyboards.FEEDBACK_PATTERN.match(query.data)
    if match is None or match.group(2) == "done":
        await query.answer(texts.FEEDBACK_THANKS if match else None)
        return
    services: Services = get_services(context)
    entry_id, value = int(match.group(1)), 1 if match.group(2) == "up" else -1
    stored = await asyncio.to_thread(
        services.log.feedback, entry_id, user_id=real_user_id(update), value=value
    )
    if not stored:
        # A working log refuses only a press by someone other than the asker.
        logging_works = services.settings.question_log and not getattr(
            services.log, "failing", False
        )
        await query.answer(texts.FEEDBACK_NOT_ASKER if logging_works else texts.FEEDBACK_FAILED)
        return
    await query.answer(texts.FEEDBACK_THANKS)
    try:
        await query.edit_message_reply_markup(keyboards.feedback_done(entry_id, value))
    except BadRequest as exc:
        logger.debug("feedback markup edit skipped: %s", exc)
