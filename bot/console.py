"""Console chat: the same answers as the Telegram bot, in a terminal, with no token needed.

Why it exists: `tanyakerja run` without TELEGRAM_BOT_TOKEN must still do something useful, and
admins want to try questions before connecting Telegram. Questions take the one asking path
(knowledge.asking: length limit, follow-ups, store errors, question log), so they behave as in
Telegram; only the rendering differs (plain text). The bot's slash commands are commands here
too (`/tanya serikat?` is the question "serikat?"), never questions.

Log lines are held back while the chat runs and printed on their own lines just before the reply
they came with (or before the next prompt), so they never land after the "Kamu:" prompt (stdin
piped, or a warning arriving while the prompt waits). No `telegram` import here.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from bot.render import answer_plain, shorten
from knowledge.asking import Asker, Log
from knowledge.suggestions import Suggestions
from knowledge.types import Answer

if TYPE_CHECKING:
    from bot.services import KnowledgeBackend
    from knowledge.settings import Settings

CONSOLE_KEY = "console"
EXIT_WORDS = frozenset({"keluar", "exit", "quit", "/keluar"})

INTRO = (
    "TanyaKerja \u2014 tanya-jawab seputar kerja di dunia AI (gaji, tunjangan, serikat pekerja, "
    "platform, jenis pekerjaan, PHK), dijawab dari artikel berita.\n"
    "Tulis pertanyaanmu lalu tekan Enter. /topik untuk contoh pertanyaan, /baru untuk mulai dari "
    "awal, /sumber untuk daftar artikel, /bantuan untuk bantuan, 'keluar' (atau Ctrl+D) untuk "
    "berhenti."
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
    "/topik  contoh pertanyaan   /baru  mulai percakapan baru   /sumber  daftar artikel\n"
    "/tanya pertanyaan  sama dengan menulis pertanyaannya langsung   keluar  berhenti"
)
FORGOT = "Oke, kita mulai dari awal."
BYE = "Sampai jumpa!"
EMPTY_INDEX = (
    "Belum ada artikel di indeks. Jalankan `tanyakerja ingest` dulu untuk membaca folder corpus."
)
TANYA_EMPTY = "Tulis pertanyaannya setelah /tanya, misalnya: /tanya berapa gaji pelatih AI?"
CHECKING_TOPICS = "Sebentar, saya cek dulu pertanyaan mana saja yang bisa saya jawab\u2026"
TOPICS_EMPTY = "Belum ada contoh pertanyaan yang bisa saya jawab. Langsung tulis saja pertanyaanmu."
UNKNOWN_COMMAND = "Perintah itu tidak saya kenal. Ketik /bantuan untuk melihat daftar perintah."
PRIVACY = (
    "Pertanyaan di konsol dicatat di log pertanyaan (tanpa identitas pengguna, dengan jenis "
    "obrolan \"console\") supaya admin tahu apa yang belum terjawab; catatan terhapus otomatis "
    "setelah LOG_RETENTION_DAYS hari. QUESTION_LOG=false mematikan pencatatan."
)
ADMIN_IN_TERMINAL = {
    "/reindex": "Di terminal, baca ulang artikel dengan: tanyakerja ingest",
    "/tambah": "Di terminal, simpan berkasnya di folder corpus lalu jalankan: tanyakerja ingest",
    "/artikel": "Daftar artikel: /sumber (atau tanyakerja ingest untuk ringkasannya).",
    "/hapus": "Di terminal, hapus berkasnya dari folder corpus lalu jalankan: tanyakerja ingest",
    "/statistik": "Di terminal, lihat statistik dengan: tanyakerja stats",
    "/hapusdata": "Pertanyaan dari konsol dicatat tanpa identitas, jadi tidak ada catatan "
    "pribadi yang bisa dihapus.",
}


def render_plain(answer: Answer) -> str:
    """One answer as the console shows it (used by `tanyakerja ask`)."""
    return answer_plain(answer)


class HeldLogs(logging.Handler):
    """Collects log lines while the chat runs, so they are printed only between turns."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter("[log] %(levelname)s %(name)s: %(message)s"))
        self._lines: list[str] = []
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        """Keep one formatted line."""
        line = self.format(record)
        with self._guard:
            self._lines.append(line)

    def drain(self) -> list[str]:
        """The lines held so far (and forget them)."""
        with self._guard:
            lines, self._lines = self._lines, []
        return lines


@contextlib.contextmanager
def held_logs() -> Iterator[HeldLogs]:
    """Route the root logger to a HeldLogs for the duration of the chat."""
    root = logging.getLogger()
    saved = root.handlers[:]
    held = HeldLogs()
    root.handlers = [held]
    try:
        yield held
    finally:
        root.handlers = saved


def split_command(line: str) -> tuple[str, str]:
    """("/tanya", "serikat?") for "/tanya@Bot serikat?"; ("", line) for a plain question."""
    if not line.startswith("/"):
        return "", line
    head, _, rest = line.partition(" ")
    if "\n" in head:  # "/tanya\nserikat?", as Telegram allows
        head, _, first = head.partition("\n")
        rest = f"{first} {rest}".strip()
    return head.split("@", 1)[0].lower(), rest.strip()


def run_console(
    settings: Settings,
    *,
    knowledge: KnowledgeBackend | None = None,
    log: Log | None = None,
    read: Callable[[str], str] = input,
    write: Callable[[str], None] = print,
) -> None:
    """Chat in the terminal until EOF or "keluar" (questions are logged as chat type console)."""
    if knowledge is None:
        from knowledge.service import KnowledgeService

        knowledge = KnowledgeService.from_settings(settings)
    owned_log = None
    if log is None:
        from knowledge.questionlog import open_question_log

        log = owned_log = open_question_log(settings)
    asker = Asker.from_settings(settings, knowledge=knowledge, log=log)
    chat = _Console(asker=asker, knowledge=knowledge, write=write)
    try:
        with held_logs() as held:
            chat.run(settings, read=read, held=held)
    finally:
        if owned_log is not None:
            owned_log.close()


class _Console:
    """One console conversation: commands and questions."""

    def __init__(
        self, *, asker: Asker, knowledge: KnowledgeBackend, write: Callable[[str], None]
    ) -> None:
        self.asker = asker
        self.knowledge = knowledge
        self.write = write
        self.suggestions: Suggestions | None = None  # computed at the first /topik

    def run(self, settings: Settings, *, read: Callable[[str], str], held: HeldLogs) -> None:
        write = self.write
        write(INTRO)
        if settings.telegram_bot_token is None:
            write(NO_TOKEN)
        if not self.knowledge.articles():
            write(EMPTY_INDEX)
        while True:
            self._flush(held)
            try:
                line = read("\nKamu: ").strip()
            except (EOFError, KeyboardInterrupt):
                write(BYE)
                break
            if not line:
                continue
            if line.lower() in EXIT_WORDS:
                write(BYE)
                break
            try:
                reply = self.handle(line)
            except KeyboardInterrupt:  # Ctrl+C while answering: leave as quietly as at the prompt
                write(BYE)
                break
            self._flush(held)
            write(reply)
        self._flush(held)

    def _flush(self, held: HeldLogs) -> None:
        lines = held.drain()
        if lines:
            self.write("\n" + "\n".join(lines))

    def handle(self, line: str) -> str:
        """The reply to one line: a command's output, or the answer to a question."""
        command, rest = split_command(line)
        match command:
            case "":
                return self.ask(line)
            case "/tanya":
                return self.ask(rest) if rest else TANYA_EMPTY
            case "/baru":
                self.asker.forget(CONSOLE_KEY)
                return FORGOT
            case "/bantuan" | "/help" | "/start":
                return HELP
            case "/sumber":
                return _sources(self.knowledge)
            case "/topik":
                return self.topics()
            case "/privasi":
                return PRIVACY
            case _ if command in ADMIN_IN_TERMINAL:
                return ADMIN_IN_TERMINAL[command]
        return UNKNOWN_COMMAND

    def ask(self, question: str) -> str:
        """One question through the shared asking path."""
        outcome = self.asker.ask(question, chat=CONSOLE_KEY, chat_type="console")
        if outcome.answer is None:
            return "\nTanyaKerja: " + outcome.message
        return "\nTanyaKerja: " + answer_plain(outcome.answer)

    def topics(self) -> str:
        """Example questions per topic that the articles answer (checked at the first /topik)."""
        if self.suggestions is None:
            self.write(CHECKING_TOPICS)
            self.suggestions = Suggestions()
            self.suggestions.compute(lambda question: self.knowledge.ask(question))
        topics = self.suggestions.topics()
        if not topics:
            return TOPICS_EMPTY
        lines = ["Contoh pertanyaan yang bisa saya jawab (salin salah satu, lalu tekan Enter):"]
        for topic in topics:
            lines.append(f"\n{topic.label}")
            lines.extend(f"  - {question}" for question in topic.questions)
        return "\n".join(lines)


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
