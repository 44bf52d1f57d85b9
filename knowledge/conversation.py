"""Per-chat memory of recent turns, so follow-up questions ("berapa gajinya?") can be resolved.

Why bounded and expiring: a worker who comes back tomorrow asks a new question, not a follow-up
of yesterday's, and a bot in many chats must not grow without limit. Each chat keeps at most
`max_turns` turns, forgets them after `ttl` of silence, and only the most recently active
`max_chats` chats are kept at all. Used through knowledge.asking by Telegram, the console chat
and the command line, so all of them resolve follow-ups the same way. Memory only: a restart
forgets every conversation, on purpose.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from knowledge.types import Turn

if TYPE_CHECKING:
    from knowledge.settings import Settings


@dataclass(slots=True)
class _Chat:
    turns: deque[Turn]
    last_seen: float = field(default=0.0)


class Conversations:
    """Recent turns per chat key (a Telegram chat id, or "console")."""

    def __init__(
        self,
        *,
        max_turns: int = 3,
        ttl_seconds: float = 30 * 60,
        max_chats: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_turns = max(0, max_turns)
        self.ttl_seconds = ttl_seconds
        self.max_chats = max_chats
        self._clock = clock
        self._chats: OrderedDict[Hashable, _Chat] = OrderedDict()

    @classmethod
    def from_settings(cls, settings: Settings) -> Conversations:
        """Bounded by HISTORY_TURNS, expiring after HISTORY_TTL_MINUTES."""
        return cls(
            max_turns=settings.history_turns, ttl_seconds=settings.history_ttl_minutes * 60.0
        )

    def history(self, key: Hashable) -> list[Turn]:
        """The chat's recent turns, oldest first; empty when it expired or never existed."""
        chat = self._chats.get(key)
        if chat is None:
            return []
        if self._clock() - chat.last_seen > self.ttl_seconds:
            del self._chats[key]
            return []
        return list(chat.turns)

    def add(self, key: Hashable, turn: Turn) -> None:
        """Remember one exchange (dropping the oldest beyond max_turns)."""
        if self.max_turns == 0:
            return
        now = self._clock()
        chat = self._chats.get(key)
        if chat is None or now - chat.last_seen > self.ttl_seconds:
            chat = _Chat(turns=deque(maxlen=self.max_turns))
            self._chats[key] = chat
        chat.turns.append(turn)
        chat.last_seen = now
        self._chats.move_to_end(key)
        while len(self._chats) > self.max_chats:
            self._chats.popitem(last=False)

    def reset(self, key: Hashable) -> bool:
        """Forget a chat's conversation; True when there was something to forget."""
        return self._chats.pop(key, None) is not None

    def __len__(self) -> int:
        return len(self._chats)
