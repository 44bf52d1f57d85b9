"""Console chat: the same answers as the Telegram bot, in a terminal, with no token needed.

Why it exists: `tanyakerja run` without TELEGRAM_BOT_TOKEN must still do something useful, and
admins want to try questions before connecting Telegram. It uses the same KnowledgeService and
the same `Conversations` policy as the bot, so follow-ups behave identically; only the rendering
differs (plain text). No `telegram` import here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.conversation import Conversations
from bot.render import answer_plain, shorten
from bot.texts import STORE_DOWN
from knowledge.store import StoreUnavailable
from knowledge.types import Answer, Turn

if TYPE_CHECKING:
    from bot.services import KnowledgeBackend
    from knowledge.settings import Settings

CONSOLE_KEY = "console"
EXIT_WORDS = frozenset({"keluar", "exit", "quit", "/keluar"})

INTRO = (
    "TanyaKerja \u2014 tanya-jawab seputar kerja di dunia AI (gaji, tunjangan, serikat pekerja, "
    "platform, jenis pekerjaan, PHK), dijawab dari artikel berita.\n"
    "Tulis pertanyaanmu lalu tekan Enter. /baru untuk mulai dari awal, /sumber untuk daftar "
    "artikel, /bantuan untuk bantuan, 'keluar' (atau Ctrl+D) untuk berhenti."
)
NO_TOKEN = (
    "Catatan: bot Telegram belum tersambung karena TELEGRAM_BOT_TOKEN belum diisi. "
    "Untuk menyambungkannya: buat bot lewat @BotFather di Telegram, salin token-nya ke berkas "
    ".env sebagai TELEGRAM_BOT_TOKEN=..., lalu jalankan lagi `tanyakerja run` "
    "(langkah lengkapnya ada di README, bagian Telegram)."
)
HELP = (
    "Tulis pertanyaan seperti ngobrol biasa, misalnya: berapa gaji pelatih AI per jam?\n"
    "Pertanyaan lanjutan juga bisa, misalnya: kalau tunjangannya?\n"
    "/baru  mulai percakapan baru   /sumber  daftar artikel   keluar  berhenti"
)
FORGOT = "Oke, kita mulai dari awal."
BYE = "Sampai jumpa!"
EMPTY_INDEX = (
    "Belum ada artikel di indeks. Jalankan `tanyakerja ingest` dulu untuk membaca folder corpus."
)


def render_plain(answer: Answer) -> str:
    """One answer as the console shows it (used by `tanyakerja ask`)."""
    return answer_plain(answer)


def run_console(
    settings: Settings,
    *,
    knowledge: KnowledgeBackend | None = None,
    read: Callable[[str], str] = input,
    write: Callable[[str], None] = print,
) -> None:
    """Chat in the terminal until EOF or "keluar"."""
    if knowledge is None:
        from knowledge.service import KnowledgeService

        knowledge = KnowledgeService.from_settings(settings)
    conversations = Conversations.from_settings(settings)
    write(INTRO)
    if settings.telegram_bot_token is None:
        write(NO_TOKEN)
    if not knowledge.articles():
        write(EMPTY_INDEX)
    while True:
        try:
            line = read("\nKamu: ").strip()
        except (EOFError, KeyboardInterrupt):
            write(BYE)
            return
        if not line:
            continue
        command = line.lower()
        if command in EXIT_WORDS:
            write(BYE)
            return
        if command == "/baru":
            conversations.reset(CONSOLE_KEY)
            write(FORGOT)
        elif command in ("/bantuan", "/help", "/start"):
            write(HELP)
        elif command == "/sumber":
            write(_sources(knowledge))
        elif len(line) > settings.max_question_chars:
            write(f"Pertanyaannya terlalu panjang (lebih dari {settings.max_question_chars} "
                  "karakter). Boleh dipersingkat?")
        else:
            try:
                answer = knowledge.ask(line, conversations.history(CONSOLE_KEY))
            except StoreUnavailable:
                write("\nTanyaKerja: " + STORE_DOWN)
                continue
            if answer.found:
                conversations.add(
                    CONSOLE_KEY, Turn(line, answer.text, answer.standalone_question or line)
                )
            write("\nTanyaKerja: " + answer_plain(answer))


def _sources(knowledge: KnowledgeBackend) -> str:
    articles = knowledge.articles()
    if not articles:
        return EMPTY_INDEX
    lines = ["Artikel yang saya baca:"]
    for i, article in enumerate(articles, start=1):
        extra = f" \u2014 {article.publisher}" if article.publisher else ""
        url = f" <{article.url}>" if article.url else ""
        lines.append(f"{i}. {shorten(article.title)}{extra}{url}")
    return "\n".join(lines)
