"""bot/console.py: same answers as Telegram (follow-ups included), plain text, clean exit."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence

import pytest

from bot.console import BYE, FORGOT, NO_TOKEN, TANYA_EMPTY, UNKNOWN_COMMAND, run_console
from knowledge.settings import Settings
from knowledge.types import Answer, Turn
from tests.support.bot_fakes import FakeKnowledge
from tests.support.logs import logged_entries


def _script(*lines: str) -> Callable[[str], str]:
    feed: Iterator[str] = iter(lines)

    def read(prompt: str) -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    return read


def test_console_chat_with_follow_ups_and_eof(make_settings: Callable[..., Settings]) -> None:
    out: list[str] = []
    knowledge = FakeKnowledge()
    run_console(
        make_settings(), knowledge=knowledge, write=out.append,
        read=_script("Berapa gaji pelatih AI?", "kalau tunjangannya?", "/baru", "tunjangannya?",
                     "/sumber", "", "x" * 2000),
    )
    text = "\n".join(out)
    assert NO_TOKEN in out
    assert "US$15 per jam [1]" in text
    assert "Sumber:\n  [1] Pekerja Kontrak di Balik ChatGPT" in text
    assert "tunjangan kesehatan" in out[3]
    assert FORGOT in out
    assert "belum ada di artikel" in out[5]
    assert "https://www.cnbc.com/2023/05/08/chatgpt-contractors.html" in out[6]
    assert "terlalu panjang" in out[7]
    assert out[-1] == BYE
    assert "<b>" not in text


def test_console_exits_on_keluar_and_is_quiet_about_telegram_when_connected(
    make_settings: Callable[..., Settings],
) -> None:
    out: list[str] = []
    run_console(make_settings(telegram_bot_token="1:x"), knowledge=FakeKnowledge(),
                write=out.append, read=_script("keluar", "Berapa gaji pelatih AI?"))
    assert NO_TOKEN not in out
    assert out[-1] == BYE
    assert len(out) == 2


class LoggingKnowledge(FakeKnowledge):
    """Logs a warning while answering, as the LLM answerer does when the service is down."""

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        """Warn, then answer by the rules."""
        logging.getLogger("knowledge.llm_answerer").warning("LLM answer failed: connection")
        return super().ask(question, history)


def test_slash_commands_are_commands_and_tanya_is_a_question(
    make_settings: Callable[..., Settings],
) -> None:
    out: list[str] = []
    knowledge = FakeKnowledge()
    run_console(
        make_settings(), knowledge=knowledge, write=out.append,
        read=_script("/topik", "/tanya serikat?", "/baru", "serikat?", "/tanya", "/statistik",
                     "/apaini", "/tanya@TanyaKerjaBot\nserikat?"),
    )
    asked = [q for q, _ in knowledge.calls]
    suggestions = [q for q in asked if q not in ("serikat?",)]
    assert "/topik" not in asked
    assert all(not q.startswith("/") for q in asked)
    assert asked.count("serikat?") == 3
    assert suggestions  # /topik checked its candidate questions with the answerer
    replies = [o for o in out if o.startswith("\nTanyaKerja:")]
    assert len(replies) == 3
    assert replies[0] == replies[1] == replies[2]
    assert "Serikat pekerja" in "\n".join(out)  # the topic shown by /topik
    assert TANYA_EMPTY in out
    assert "tanyakerja stats" in "\n".join(out)
    assert UNKNOWN_COMMAND in out


def test_console_questions_are_logged_like_telegram_ones(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings()
    run_console(settings, knowledge=FakeKnowledge(), write=lambda _: None,
                read=_script("Berapa gaji pelatih AI?", "/sumber", "x" * 5000))
    entries = logged_entries(settings)
    assert [(e.chat_type, e.question, e.found) for e in entries] == [
        ("console", "Berapa gaji pelatih AI?", True)
    ]


def test_log_lines_wait_for_the_end_of_the_turn(
    make_settings: Callable[..., Settings], capsys: pytest.CaptureFixture[str]
) -> None:
    """A warning while answering is printed as its own line just before the reply, never into
    the prompt (stderr stays silent while the chat runs)."""
    out: list[str] = []
    root = logging.getLogger()
    before = list(root.handlers)
    run_console(make_settings(), knowledge=LoggingKnowledge(), write=out.append,
                read=_script("Berapa gaji pelatih AI?"))
    assert root.handlers == before  # restored after the chat
    assert capsys.readouterr().err == ""
    logs = [o for o in out if "[log]" in o]
    assert logs == ["\n[log] WARNING knowledge.llm_answerer: LLM answer failed: connection"]
    assert out.index(logs[0]) + 1 == next(i for i, o in enumerate(out) if "TanyaKerja:" in o)


class InterruptedKnowledge(FakeKnowledge):
    """The user presses Ctrl+C while an answer is being prepared."""

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        """Interrupted."""
        raise KeyboardInterrupt


def test_ctrl_c_while_answering_says_goodbye(make_settings: Callable[..., Settings]) -> None:
    out: list[str] = []
    run_console(make_settings(), knowledge=InterruptedKnowledge(), write=out.append,
                read=_script("Berapa gaji pelatih AI?", "tidak dibaca"))
    assert out[-1] == BYE
