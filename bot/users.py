"""Who sent an update: the one place that decides whether a Telegram user id is a real person.

Why: anonymous group admins all write as GroupAnonymousBot (one shared id), channel posts arrive
from a placeholder user, and Telegram's service account is shared too. Keyed on those ids, one
group's anonymous admin could delete, rate or use up the quota of another group's. So per-person
things (the question log's key, /hapusdata, 👍/👎) get `None` for them, and the rate limiter
counts the chat they speak for instead.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatID

SHARED_USER_IDS = frozenset({ChatID.ANONYMOUS_ADMIN, ChatID.FAKE_CHANNEL, ChatID.SERVICE_CHAT})


def real_user_id(update: Update) -> int | None:
    """The sender's own Telegram id, or None when it is anonymous or shared by many people."""
    user = update.effective_user
    if user is None or user.id in SHARED_USER_IDS:
        return None
    message = update.message or update.edited_message
    if message is not None and message.sender_chat is not None:
        return None  # sent on behalf of a chat (anonymous admin, linked channel)
    return user.id


def sender_key(update: Update) -> int | None:
    """A key for per-sender limits: the person, else the chat they write as, else the chat."""
    user_id = real_user_id(update)
    if user_id is not None:
        return user_id
    message = update.effective_message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id
    return update.effective_chat.id if update.effective_chat else None
