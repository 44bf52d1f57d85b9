"""knowledge/conversation.py: per-chat recent turns, bounded and expiring."""

from __future__ import annotations

from collections.abc import Callable

from knowledge.conversation import Conversations
from knowledge.settings import Settings
from knowledge.types import Turn


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _turn(i: int) -> Turn:
    return Turn(question=f"q{i}", answer=f"a{i}", standalone=f"s{i}")


def test_keeps_only_the_last_turns_per_chat() -> None:
    conversations = Conversations(max_turns=2, clock=Clock())
    for i in range(4):
        conversations.add(1, _turn(i))
    conversations.add(2, _turn(9))
    assert [t.question for t in conversations.history(1)] == ["q2", "q3"]
    assert [t.question for t in conversations.history(2)] == ["q9"]
    assert conversations.history(3) == []


def test_expires_after_inactivity_and_reset_forgets() -> None:
    clock = Clock()
    conversations = Conversations(max_turns=3, ttl_seconds=60, clock=clock)
    conversations.add("console", _turn(1))
    clock.now += 59
    conversations.add("console", _turn(2))  # activity extends the window
    clock.now += 59
    assert len(conversations.history("console")) == 2
    clock.now += 61
    assert conversations.history("console") == []
    conversations.add("console", _turn(3))
    assert [t.question for t in conversations.history("console")] == ["q3"]
    assert conversations.reset("console") is True
    assert conversations.reset("console") is False


def test_number_of_chats_is_bounded() -> None:
    conversations = Conversations(max_turns=1, max_chats=3, clock=Clock())
    for chat in range(5):
        conversations.add(chat, _turn(chat))
    assert len(conversations) == 3
    assert conversations.history(0) == []
    assert conversations.history(4)


def test_from_settings(make_settings: Callable[..., Settings]) -> None:
    conversations = Conversations.from_settings(
        make_settings(history_turns=5, history_ttl_minutes=2)
    )
    assert conversations.max_turns == 5
    assert conversations.ttl_seconds == 120
    off = Conversations.from_settings(make_settings(history_turns=0))
    off.add(1, _turn(1))
    assert off.history(1) == []
