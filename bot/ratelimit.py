"""Per-user question limit: a sliding window of the last minute.

Why: answering costs CPU (and LLM money when one is configured), and one user pasting questions
in a loop must not slow the bot down for everyone else. A sliding window (not a fixed minute)
means a burst at 12:00:59 cannot be followed by another burst at 12:01:00. Memory only, per
process; a limit of 0 or less turns it off.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Hashable


class RateLimiter:
    """Allows at most `per_window` events per key in any `window_seconds`."""

    def __init__(
        self,
        per_window: int = 10,
        *,
        window_seconds: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 50_000,
    ) -> None:
        self.per_window = per_window
        self.window_seconds = window_seconds
        self.max_keys = max_keys
        self._clock = clock
        self._events: dict[Hashable, deque[float]] = {}

    def _recent(self, key: Hashable, now: float) -> deque[float]:
        events = self._events.setdefault(key, deque())
        while events and now - events[0] >= self.window_seconds:
            events.popleft()
        return events

    def allow(self, key: Hashable) -> bool:
        """Count one event for `key` and say whether it is within the limit."""
        if self.per_window <= 0:
            return True
        now = self._clock()
        events = self._recent(key, now)
        if len(events) >= self.per_window:
            return False
        events.append(now)
        if len(self._events) > self.max_keys:
            self._prune(now)
        return True

    def retry_after(self, key: Hashable) -> int:
        """Whole seconds until `key` may ask again (0 when it may now)."""
        if self.per_window <= 0:
            return 0
        now = self._clock()
        events = self._recent(key, now)
        if len(events) < self.per_window:
            return 0
        return max(1, math.ceil(self.window_seconds - (now - events[0])))

    def _prune(self, now: float) -> None:
        for key in list(self._events):
            if not self._recent(key, now):
                del self._events[key]
