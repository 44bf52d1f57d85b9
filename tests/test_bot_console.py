"""bot/console.py: same answers as Telegram (follow-ups included), plain text, clean exit."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from bot.console import BYE, FORGOT, NO_TOKEN, run_console
from knowledge.settings import Settings
from tests.support.bot_fakes import FakeKnowledge


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
