"""Can the bot reach Telegram, and is its token accepted? (`getMe`, before the Application starts)

Why before the Application: python-telegram-bot's own bootstrap retries log each failed attempt
at DEBUG and, when they give up, several tracebacks. A service started while the network (or
Telegram) is down should instead say, once per attempt, what failed and what to check, and keep
trying with backoff until it works. The same `get_me` call serves `tanyakerja doctor`.
The token is part of every Bot API URL: it never appears in anything this module logs or raises.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

logger = logging.getLogger(__name__)

TELEGRAM_API = "https://api.telegram.org/bot"
TOKEN_SHAPE = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{20,}$")
FIRST_DELAY_S = 1.0
MAX_DELAY_S = 60.0


class TokenRejected(Exception):
    """Telegram answered, and refused the token (401 / 404)."""


class TelegramUnreachable(Exception):
    """No answer from the Bot API: network, DNS, proxy, firewall, or a wrong TELEGRAM_BASE_URL."""


@dataclass(frozen=True)
class BotIdentity:
    """Who the token belongs to."""

    id: int
    username: str
    can_read_all_group_messages: bool


def token_shape_ok(token: str) -> bool:
    """True when the token looks like BotFather's `<digits>:<secret>`."""
    return bool(TOKEN_SHAPE.match(token))


def get_me(base_url: str | None, token: str, *, timeout_s: float = 10.0) -> BotIdentity:
    """Call getMe; raise TokenRejected or TelegramUnreachable (messages never hold the token)."""
    url = f"{base_url or TELEGRAM_API}{token}/getMe"
    try:
        response = httpx.get(url, timeout=timeout_s)
    except httpx.HTTPError as exc:
        raise TelegramUnreachable(_clean(f"{type(exc).__name__}: {exc}", token)) from None
    if response.status_code in (401, 404):
        raise TokenRejected(f"HTTP {response.status_code}")
    try:
        body: dict[str, Any] = response.json()
        result = body["result"]
        return BotIdentity(
            id=int(result["id"]),
            username=str(result.get("username", "")),
            can_read_all_group_messages=bool(result.get("can_read_all_group_messages")),
        )
    except (ValueError, KeyError, TypeError):
        raise TelegramUnreachable(
            f"HTTP {response.status_code} without a Bot API answer (is TELEGRAM_BASE_URL right?)"
        ) from None


def wait_for_telegram(
    base_url: str | None,
    token: str,
    *,
    sleep: Callable[[float], None] = time.sleep,
    max_attempts: int | None = None,
) -> BotIdentity:
    """getMe until it works: one warning line per failed attempt, backoff up to a minute."""
    delay = FIRST_DELAY_S
    attempt = 0
    while True:
        attempt += 1
        try:
            return get_me(base_url, token)
        except TelegramUnreachable as exc:
            if max_attempts is not None and attempt >= max_attempts:
                raise
            logger.warning(
                "Telegram is unreachable at %s (attempt %d: %s); retrying in %.0f s. Check the"
                " network, DNS, any proxy or firewall, and TELEGRAM_BASE_URL;"
                " `tanyakerja doctor` checks everything.",
                base_url or TELEGRAM_API, attempt, exc, delay,
            )
        sleep(delay)
        delay = min(MAX_DELAY_S, delay * 2)


def _clean(text: str, token: str) -> str:
    return text.replace(token, "<token>") if token else text
