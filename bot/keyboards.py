"""Inline keyboards and the callback-data formats behind their buttons.

Why one module: callback data is a tiny protocol (Telegram allows 64 bytes), and the code that
writes it and the handler patterns that read it must agree. Prefixes in use here: "ask:",
"topik:", "fb:", "artikel:". ("hapusdata:" belongs to bot/insight.py.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import texts
from bot.render import shorten
from knowledge.suggestions import Topic, question_key

ASK = "ask:"
TOPIC = "topik:"
FEEDBACK = "fb:"
ARTICLE = "artikel:"

ASK_PATTERN = re.compile(r"^ask:([0-9a-f]{1,16})$")
TOPIC_PATTERN = re.compile(r"^topik:(\w*)$")
FEEDBACK_PATTERN = re.compile(r"^fb:(\d+):(up|down|done)$")
ARTICLE_PATTERN = re.compile(r"^artikel:(hapus|batal):([0-9a-zA-Z]{0,16})$")

_LABEL_MAX = 60


def questions(items: Sequence[str], *, back: bool = False) -> InlineKeyboardMarkup | None:
    """One button per suggested question; pressing it asks it."""
    rows = [
        [InlineKeyboardButton(shorten(q, _LABEL_MAX), callback_data=f"{ASK}{question_key(q)}")]
        for q in items
    ]
    if back:
        rows.append([InlineKeyboardButton(texts.BACK, callback_data=TOPIC)])
    return InlineKeyboardMarkup(rows) if rows else None


def topics(items: Sequence[Topic]) -> InlineKeyboardMarkup | None:
    """Topic buttons, two per row (short labels fit a small phone screen)."""
    buttons = [InlineKeyboardButton(t.label, callback_data=f"{TOPIC}{t.key}") for t in items]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    return InlineKeyboardMarkup(rows) if rows else None


def feedback(entry_id: int) -> InlineKeyboardMarkup:
    """The 👍/👎 pair under an answer."""
    return InlineKeyboardMarkup(
        [[
            InlineKeyboardButton("\U0001f44d", callback_data=f"{FEEDBACK}{entry_id}:up"),
            InlineKeyboardButton("\U0001f44e", callback_data=f"{FEEDBACK}{entry_id}:down"),
        ]]
    )


def feedback_done(entry_id: int, value: int) -> InlineKeyboardMarkup:
    """What replaces the pair after a press: one inert button that says it was recorded."""
    label = texts.FEEDBACK_DONE_UP if value > 0 else texts.FEEDBACK_DONE_DOWN
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=f"{FEEDBACK}{entry_id}:done")]]
    )


def confirm_delete(doc_id: str) -> InlineKeyboardMarkup:
    """Yes / cancel for /hapus."""
    return InlineKeyboardMarkup(
        [[
            InlineKeyboardButton(texts.YES_DELETE, callback_data=f"{ARTICLE}hapus:{doc_id}"),
            InlineKeyboardButton(texts.CANCEL, callback_data=f"{ARTICLE}batal:"),
        ]]
    )
