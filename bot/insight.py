"""Telegram side of the question log: /statistik for admins, /hapusdata and /privasi for everyone.

Why here and not in bot/handlers.py: these commands are about the log and workers' privacy, not
about answering, and they change together with knowledge/questionlog.py and knowledge/stats.py.
The report is built by `knowledge.stats` (pure, in a thread: it embeds questions); this module
only renders it as compact Telegram HTML, and only in an admin's private chat (in a group, every
member would read the workers' questions). /hapusdata asks for confirmation and only the person
who asked may press the button, so nobody can erase (or be tricked into erasing) someone else's
data in a group; anonymous admins share one Telegram id, so they cannot use it at all. No user id
is ever logged here.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
from collections.abc import Awaitable
from typing import TYPE_CHECKING, cast

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.admin import admin_only
from bot.render import tg_len
from bot.services import get_services
from bot.users import real_user_id
from knowledge.stats import Report, build_report

if TYPE_CHECKING:
    from bot.services import Services
    from knowledge.embedders import Embedder
    from knowledge.questionlog import QuestionLog

logger = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE

HAPUSDATA = "hapusdata:"
HAPUSDATA_PATTERN = re.compile(r"^hapusdata:(ya|batal):(\d+)$")
TELEGRAM_LIMIT = 4096
DEFAULT_DAYS = 30
MAX_DAYS = 3650
_EMBEDDER_KEY = "insight_embedder"

# --- texts (Indonesian, Telegram HTML) -----------------------------------------------------------
BAD_DAYS = "Tulis jumlah hari sebagai angka, misalnya <code>/statistik 7</code>."
WORKING = "Sedang menyusun statistik\u2026"
CONFIRM = (
    "Hapus semua catatan pertanyaanmu di TanyaKerja?\n\n"
    "Semua pertanyaan yang pernah kamu kirim, jawaban saya, dan penilaian \U0001f44d/\U0001f44e "
    "darimu akan dihapus dari catatan. Ini tidak bisa dibatalkan."
)
YES = "Ya, hapus"
NO = "Batal"
CANCELLED = "Dibatalkan. Tidak ada yang dihapus."
NOT_YOURS = "Tombol ini untuk orang yang mengetik /hapusdata. Ketik /hapusdata sendiri, ya."
FAILED = (
    "Maaf, catatanmu belum bisa dihapus karena ada gangguan teknis \U0001f64f "
    "Coba lagi nanti, ya."
)
NO_USER = "Maaf, saya tidak bisa mengenali akunmu dari pesan ini."


def deleted_text(count: int, *, logging_on: bool) -> str:
    """The reply after /hapusdata was confirmed."""
    if count:
        return f"Selesai. {count} catatan tentangmu sudah dihapus. \u2705"
    if not logging_on:
        return "Pencatatan pertanyaan sedang dimatikan, dan tidak ada catatan tentangmu."
    return "Selesai. Tidak ada catatan tentangmu yang tersimpan."


def privacy_text(*, retention_days: int, logging_on: bool) -> str:
    """The /privasi explanation."""
    lines = ["<b>Privasi di TanyaKerja</b>", ""]
    if not logging_on:
        lines += [
            "Saat ini pencatatan pertanyaan <b>dimatikan</b>: pertanyaanmu dijawab, lalu tidak "
            "disimpan. Kalau nanti dinyalakan lagi, begini aturannya:",
            "",
        ]
    lines += [
        "<b>Apa yang disimpan?</b> Pertanyaanmu, jawaban saya beserta artikel sumbernya, apakah "
        "saya bisa menjawab, waktunya, jenis obrolan (pribadi atau grup), dan penilaian "
        "\U0001f44d/\U0001f44e kalau kamu memberikannya.",
        "",
        "<b>Apakah identitasmu disimpan?</b> Saya <b>tidak</b> menyimpan nama, username, "
        "nomor HP, atau ID Telegram-mu. Yang disimpan hanya kode samaran yang dibuat dari ID-mu "
        "dengan kunci rahasia; tanpa kunci itu, kode tidak bisa dicocokkan kembali dengan "
        "akunmu. Kode ini hanya dipakai supaya kamu bisa menghapus catatanmu sendiri.",
        "",
        "<b>Untuk apa?</b> Supaya admin tahu pertanyaan apa yang belum bisa saya jawab, lalu "
        "menambahkan artikel yang tepat, dan supaya jawaban yang dinilai \U0001f44e bisa "
        "diperbaiki.",
        "",
        "<b>Siapa yang melihat?</b> Admin hanya melihat statistik gabungan (jumlah pertanyaan, "
        "topik, penilaian), pertanyaan yang belum terjawab, dan pertanyaan yang jawabannya "
        "dinilai \U0001f44e \u2014 tanpa tahu siapa yang bertanya.",
        "",
        f"<b>Berapa lama?</b> Paling lama {retention_days} hari, lalu terhapus otomatis.",
        "",
        "<b>Mau dihapus sekarang?</b> Ketik /hapusdata untuk menghapus semua catatan tentangmu.",
        "",
        "Saran: jangan tulis nama, nomor HP, atau data pribadi lain di dalam pertanyaan.",
    ]
    return "\n".join(lines)


# --- rendering ------------------------------------------------------------------------------------
def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _esc(text: str, limit: int) -> str:
    return html.escape(_short(text, limit), quote=False)


def render_report_html(
    report: Report, *, limit: int = TELEGRAM_LIMIT, groups: int = 10, disliked: int = 5
) -> str:
    """A compact, escaped HTML version of the report that fits one Telegram message."""
    while True:
        text = _report_html(report, groups=groups, disliked=disliked)
        if tg_len(text) <= limit or (groups == 0 and disliked == 0):
            return text if tg_len(text) <= limit else _short(text, limit // 2)
        if disliked > groups // 2:
            disliked -= 1
        else:
            groups -= 1


def _report_html(report: Report, *, groups: int, disliked: int) -> str:
    if not report.logging_on:
        return "Pencatatan pertanyaan nonaktif (<code>QUESTION_LOG=false</code>), belum ada data."
    lines = [
        f"<b>Statistik TanyaKerja</b> \u2014 {html.escape(report.period_text())}",
        f"Pertanyaan: <b>{report.total}</b> \u00b7 terjawab: <b>{report.share_answered:.0%}</b>"
        f" \u00b7 \U0001f44d {report.thumbs_up} \u00b7 \U0001f44e {report.thumbs_down}",
    ]
    if not report.total:
        return "\n".join([*lines, "", "Belum ada pertanyaan tercatat pada periode ini."])
    recent = [f"{d.day:%d/%m} {d.asked}" for d in report.per_day[-7:]]
    lines += ["", "<b>Per hari (UTC)</b>: " + " \u00b7 ".join(recent)]
    top = [f"{html.escape(topic)} {count}" for topic, count in report.topics[:6]]
    lines += ["<b>Topik</b>: " + " \u00b7 ".join(top)]
    lines += ["", "<b>Belum terjawab</b> (artikel yang perlu dicari)"]
    if not report.unanswered:
        lines.append("Tidak ada \U0001f389")
    for rank, group in enumerate(report.unanswered[:groups], start=1):
        lines.append(f"{rank}. [{group.count}\u00d7] {_esc(group.representative, 110)}")
    if len(report.unanswered) > groups:
        lines.append(f"\u2026 dan {len(report.unanswered) - groups} kelompok lain")
    if report.disliked:
        lines += ["", "<b>Dinilai \U0001f44e</b> (perlu ditinjau)"]
        for item in report.disliked[:disliked]:
            source = f" \u2014 <i>{_esc(item.sources[0], 70)}</i>" if item.sources else ""
            lines.append(f"\u2022 {_esc(item.question, 100)}{source}")
            lines.append(f"  \u21b3 {_esc(item.answer, 140)}")
        if len(report.disliked) > disliked:
            lines.append(f"\u2026 dan {len(report.disliked) - disliked} lainnya")
    lines += ["", "Laporan lengkap: <code>tanyakerja stats --csv laporan.csv</code>"]
    return "\n".join(lines)


# --- handlers -------------------------------------------------------------------------------------
def _embedder(services: Services, context: Context) -> Embedder:
    """The knowledge service's embedder, or one built once for the report."""
    found = getattr(services.knowledge, "embedder", None)
    if found is not None:
        return cast("Embedder", found)
    if _EMBEDDER_KEY not in context.bot_data:
        from knowledge.embedders import make_embedder

        context.bot_data[_EMBEDDER_KEY] = make_embedder(services.settings)
    return cast("Embedder", context.bot_data[_EMBEDDER_KEY])


def parse_days(arg: str) -> int | None:
    """The /statistik period: ASCII digits only ("²" is a digit to Python), 1 to MAX_DAYS."""
    if not (arg.isascii() and arg.isdigit()) or len(arg) > len(str(MAX_DAYS)):
        return None
    days = int(arg)
    return days if 1 <= days <= MAX_DAYS else None


@admin_only("statistik")
async def statistik(update: Update, context: Context) -> None:
    """/statistik [days]: the admin report (admins only, private chat only)."""
    message = update.effective_message
    if message is None:
        return
    services = get_services(context)
    days: int | None = DEFAULT_DAYS
    if context.args:
        days = parse_days(context.args[0])
        if days is None:
            await message.reply_text(BAD_DAYS)
            return
    embedder = _embedder(services, context)
    report = await asyncio.to_thread(
        build_report, services.settings, services.log, embedder, days=days
    )
    logger.info("admin action command=statistik days=%d questions=%d", days, report.total)
    await message.reply_text(render_report_html(report))


async def hapusdata(update: Update, context: Context) -> None:
    """/hapusdata: ask for confirmation before deleting everything logged about the user."""
    message, user_id = update.effective_message, real_user_id(update)
    if message is None:
        return
    if user_id is None:  # anonymous admin or channel: the id is shared, never one person's
        await message.reply_text(NO_USER)
        return
    keyboard = InlineKeyboardMarkup(
        [[
            InlineKeyboardButton(YES, callback_data=f"{HAPUSDATA}ya:{user_id}"),
            InlineKeyboardButton(NO, callback_data=f"{HAPUSDATA}batal:{user_id}"),
        ]]
    )
    await message.reply_text(CONFIRM, reply_markup=keyboard)


async def hapusdata_pressed(update: Update, context: Context) -> None:
    """The Ya, hapus / Batal buttons of /hapusdata; only the asker's press counts."""
    query, user_id = update.callback_query, real_user_id(update)
    if query is None or query.data is None:
        return
    match = HAPUSDATA_PATTERN.match(query.data)
    if match is None:
        await query.answer()
        return
    if user_id is None or int(match.group(2)) != user_id:
        await query.answer(NOT_YOURS, show_alert=True)
        return
    await query.answer()
    if match.group(1) == "batal":
        await _edit(query.edit_message_text(CANCELLED))
        return
    services = get_services(context)
    log = cast("QuestionLog", services.log)  # the real log has forget_user (see report)
    count = await asyncio.to_thread(log.forget_user, user_id)
    chat = update.effective_chat
    if chat is not None and chat.type == ChatType.PRIVATE:  # a group's memory is shared: keep it
        services.conversations.reset(chat.id)
    if getattr(log, "failing", False):
        await _edit(query.edit_message_text(FAILED))
        return
    logger.info("privacy: a user deleted their question log (%d entries)", count)
    await _edit(
        query.edit_message_text(
            deleted_text(count, logging_on=services.settings.question_log)
        )
    )


async def privasi(update: Update, context: Context) -> None:
    """/privasi: what is stored, why, for how long, and how to delete it."""
    message = update.effective_message
    if message is None:
        return
    settings = get_services(context).settings
    await message.reply_text(
        privacy_text(
            retention_days=max(1, settings.log_retention_days),
            logging_on=settings.question_log,
        )
    )


async def _edit(call: Awaitable[object]) -> None:
    try:
        await call
    except BadRequest as exc:  # e.g. the button was pressed twice
        logger.debug("edit skipped: %s", exc)


def register(application: Application) -> None:  # type: ignore[type-arg]
    """Add /statistik, /hapusdata (with its buttons) and /privasi to the application."""
    application.add_handler(CommandHandler("statistik", statistik))
    application.add_handler(CommandHandler("hapusdata", hapusdata))
    application.add_handler(CommandHandler("privasi", privasi))
    application.add_handler(CallbackQueryHandler(hapusdata_pressed, pattern=f"^{HAPUSDATA}"))
