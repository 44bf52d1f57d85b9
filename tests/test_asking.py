"""knowledge/asking.py: the one path from a typed question to a logged answer."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge.asking import STORE_DOWN, Asker, check_question, clean_question, decode_argument
from knowledge.questionlog import open_question_log
from knowledge.settings import Settings
from tests.support.bot_fakes import FakeKnowledge


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    """Settings with a short question limit."""
    return make_settings(max_question_chars=60)


def _asker(settings: Settings, knowledge: FakeKnowledge) -> Asker:
    return Asker.from_settings(settings, knowledge=knowledge, log=open_question_log(settings))


def test_argv_bytes_that_are_not_utf8_become_replacement_characters() -> None:
    """Python gives undecodable argv bytes as lone surrogates, which nothing downstream accepts."""
    raw = b"Berapa gaji pelatih AI\xff?".decode("utf-8", "surrogateescape")
    assert decode_argument(raw) == "Berapa gaji pelatih AI\ufffd?"
    assert clean_question(raw).encode("utf-8")  # encodable: no surrogate left
    assert decode_argument("\ud800x") == "?x"  # a surrogate from elsewhere


def test_clean_question_drops_control_characters_and_blank_runs() -> None:
    assert clean_question("  \x1b]0;judul\x07berapa   gaji\r\n\r\n pelatih? ") == (
        "]0;judul berapa gaji\npelatih?"
    )


def test_check_question_refuses_empty_and_over_long_text() -> None:
    empty = check_question(" \x00 ", 10)
    assert empty is not None
    assert empty.status == "empty"
    long = check_question("x" * 11, 10)
    assert long is not None
    assert long.status == "too_long"
    assert "terlalu panjang" in long.message
    assert check_question("x" * 10, 10) is None


def test_ask_remembers_found_turns_and_logs_every_answer(settings: Settings) -> None:
    knowledge = FakeKnowledge()
    asker = _asker(settings, knowledge)

    first = asker.ask("Berapa gaji pelatih AI?", chat="c1", chat_type="console")
    follow = asker.ask("kalau tunjangannya?", chat="c1", chat_type="console")
    other_chat = asker.ask("kalau tunjangannya?", chat="c2", chat_type="console")
    no_memory = asker.ask("kalau tunjangannya?", chat=None)

    assert first.answer is not None
    assert first.answer.found
    assert follow.answer is not None
    assert "tunjangan kesehatan" in follow.answer.text
    assert knowledge.calls[1][1][0].question == "Berapa gaji pelatih AI?"
    assert knowledge.calls[2][1] == []  # another chat has its own memory
    assert knowledge.calls[3][1] == []
    assert other_chat.answer is not None
    assert not other_chat.answer.found
    assert no_memory.entry_id is not None
    entries = asker.log.entries()  # type: ignore[attr-defined]
    assert [(e.chat_type, e.question) for e in entries] == [
        ("console", "Berapa gaji pelatih AI?"), ("console", "kalau tunjangannya?"),
        ("console", "kalau tunjangannya?"), ("cli", "kalau tunjangannya?"),
    ]


def test_refused_questions_are_neither_asked_nor_logged(settings: Settings) -> None:
    knowledge = FakeKnowledge()
    asker = _asker(settings, knowledge)
    outcome = asker.ask("gaji " * 40, chat="c1")
    assert outcome.status == "too_long"
    assert outcome.answer is None
    assert knowledge.calls == []
    assert asker.log.entries() == []  # type: ignore[attr-defined]


def test_store_unavailable_gives_the_kind_message(settings: Settings) -> None:
    knowledge = FakeKnowledge()
    asker = _asker(settings, knowledge)
    outcome = asker.ask("listrik padam?", chat="c1")
    assert outcome.status == "store_down"
    assert outcome.message == STORE_DOWN
    assert asker.conversations.history("c1") == []


def test_a_question_with_a_bad_byte_is_answered_and_logged(settings: Settings) -> None:
    knowledge = FakeKnowledge()
    asker = _asker(settings, knowledge)
    raw = b"serikat\xff?".decode("utf-8", "surrogateescape")
    outcome = asker.ask(raw, chat=None)
    assert outcome.answer is not None
    assert outcome.answer.found
    assert knowledge.calls[0][0] == "serikat\ufffd?"
    assert [e.question for e in asker.log.entries()] == ["serikat\ufffd?"]  # type: ignore[attr-defined]
