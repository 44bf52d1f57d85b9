"""bot/ratelimit.py: per-user sliding window."""

from __future__ import annotations

from bot.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_allows_ten_a_minute_per_user_with_a_sliding_window() -> None:
    clock = Clock()
    limiter = RateLimiter(10, clock=clock)
    for second in range(10):
        clock.now = second * 5.0  # 0 … 45 s
        assert limiter.allow(1)
    assert not limiter.allow(1)
    assert limiter.allow(2)  # other users are not affected
    assert limiter.retry_after(1) == 15  # the first question leaves the window at 60 s
    clock.now = 59.9
    assert not limiter.allow(1)
    clock.now = 60.0
    assert limiter.allow(1)
    assert not limiter.allow(1)  # the one at 5 s is still inside the window
    clock.now = 65.0
    assert limiter.allow(1)


def test_refused_attempts_do_not_extend_the_wait() -> None:
    clock = Clock()
    limiter = RateLimiter(2, clock=clock)
    assert limiter.allow("u")
    assert limiter.allow("u")
    for t in (10.0, 20.0, 30.0):
        clock.now = t
        assert not limiter.allow("u")
    clock.now = 60.0
    assert limiter.allow("u")


def test_zero_turns_it_off_and_idle_users_are_pruned() -> None:
    assert all(RateLimiter(0).allow(1) for _ in range(100))
    assert RateLimiter(0).retry_after(1) == 0
    clock = Clock()
    limiter = RateLimiter(1, clock=clock, max_keys=3)
    for user in range(4):
        assert limiter.allow(user)
    clock.now = 120.0
    assert limiter.allow(99)
    assert len(limiter._events) <= 3
