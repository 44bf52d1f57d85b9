"""Every Indonesian sentence the Telegram bot says, in one place.

Why a module of its own: the people who polish the wording are not the people who read the
handlers, and one place makes the tone (warm, plain, "kamu") easy to keep consistent. Strings are
Telegram HTML; anything interpolated from a user or an article is escaped by the caller's helper
(`esc`) before it gets here or by the functions below.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.render import esc, shorten
from ingest.loaders import format_size
from knowledge.asking import STORE_DOWN as STORE_DOWN  # one wording for every front end
from knowledge.asking import too_long as too_long

TOPIC_LIST = (
    "gaji dan bayaran, tunjangan dan asuransi, serikat pekerja, platform dan perusahaan, "
    "jenis-jenis pekerjaan, sampai PHK"
)


def welcome(first_name: str | None, *, has_suggestions: bool) -> str:
    """The /start greeting."""
    hello = f"Halo, {esc(first_name)}! \U0001f44b" if first_name else "Halo! \U0001f44b"
    lines = [
        hello,
        "",
        "Saya <b>TanyaKerja</b>, teman tanya-jawab seputar kerja di dunia AI: "
        f"{TOPIC_LIST}.",
        "",
        "Jawaban saya diambil dari artikel-artikel berita yang saya simpan, dan selalu saya "
        "sertakan sumbernya supaya kamu bisa cek sendiri. Kalau jawabannya tidak ada di "
        "artikel, saya akan bilang terus terang.",
        "",
    ]
    if has_suggestions:
        lines.append("Tulis saja pertanyaanmu pakai bahasa sehari-hari, atau coba salah satu "
                     "pertanyaan di bawah ini \U0001f447")
    else:
        lines.append("Tulis saja pertanyaanmu pakai bahasa sehari-hari. Ketik /bantuan untuk "
                     "melihat apa saja yang bisa saya lakukan.")
    return "\n".join(lines)


def help_text(*, is_admin: bool) -> str:
    """The /bantuan text (admins also see their commands)."""
    lines = [
        "<b>Cara pakai TanyaKerja</b>",
        "Tulis pertanyaanmu seperti ngobrol biasa, misalnya: "
        "<i>berapa gaji pelatih AI per jam?</i> Kamu juga bisa bertanya lanjutan, misalnya "
        "<i>kalau tunjangannya?</i>",
        "",
        "/topik \u2014 pilih topik dan contoh pertanyaan",
        "/sumber \u2014 daftar artikel yang saya baca",
        "/baru \u2014 mulai percakapan baru (saya lupakan obrolan sebelumnya)",
        "/bantuan \u2014 pesan ini",
        "/privasi \u2014 data apa yang saya simpan dan berapa lama",
        "/hapusdata \u2014 hapus semua catatan pertanyaanmu",
        "",
        "Di grup, sebut saya (@nama bot), balas pesan saya, atau pakai "
        "<code>/tanya pertanyaanmu</code>.",
        "Tekan \U0001f44d atau \U0001f44e di bawah jawaban supaya saya tahu jawabannya membantu "
        "atau tidak.",
    ]
    if is_admin:
        lines += [
            "",
            "<b>Perintah admin</b>",
            "/reindex \u2014 baca ulang folder artikel",
            "/tambah \u2014 tambah artikel: kirim berkas .txt, .md atau .html, atau tempel "
            "tautan artikelnya",
            "/feed \u2014 feed berita yang menambah artikel sendiri",
            "/artikel \u2014 daftar artikel dengan id-nya",
            "/hapus <code>id</code> \u2014 hapus satu artikel",
            "/statistik \u2014 apa yang ditanyakan pekerja dan apa yang belum terjawab",
        ]
    return "\n".join(lines)


TOPICS_PROMPT = "Mau tanya soal apa? Pilih topiknya \U0001f447"
TOPICS_EMPTY = (
    "Maaf, saat ini belum ada contoh pertanyaan yang bisa saya tawarkan. "
    "Langsung tulis saja pertanyaanmu, ya."
)
BACK = "\u00ab Kembali"


def topic_prompt(label: str) -> str:
    """Header above one topic's question buttons."""
    return f"<b>{esc(label)}</b>\nPilih pertanyaan, nanti langsung saya jawab \U0001f447"


SOURCES_EMPTY = "Saya belum punya artikel apa pun. Minta admin menambahkan artikel dulu, ya."
SOURCES_HEAD = "<b>Artikel yang saya baca</b>"
FORGOT = "Oke, kita mulai dari awal. Obrolan sebelumnya sudah saya lupakan. Silakan bertanya!"
NOTHING_TO_FORGET = "Oke, kita mulai dari awal. Silakan bertanya!"
EMPTY_QUESTION = (
    "Tulis pertanyaanmu setelah /tanya, misalnya: "
    "<code>/tanya berapa gaji pelatih AI per jam?</code>"
)
TEXT_ONLY = "Maaf, saya hanya bisa menjawab pertanyaan dalam bentuk teks, ya \U0001f64f"
UNKNOWN_COMMAND = "Perintah itu tidak saya kenal. Ketik /bantuan untuk melihat daftar perintah."
ERROR = (
    "Maaf, ada gangguan di pihak saya waktu memproses pesanmu \U0001f64f "
    "Coba kirim ulang beberapa saat lagi, ya."
)
FEEDBACK_THANKS = "Terima kasih atas masukannya! \U0001f64f"
FEEDBACK_FAILED = "Maaf, masukan ini tidak bisa dicatat."  # the log is off or failing
FEEDBACK_NOT_ASKER = "Penilaian hanya bisa diberikan oleh orang yang bertanya."
FEEDBACK_DONE_UP = "\U0001f44d Tercatat, terima kasih!"
FEEDBACK_DONE_DOWN = "\U0001f44e Tercatat, terima kasih!"
SUGGESTION_GONE = "Pertanyaan ini sudah tidak tersedia. Coba /topik lagi, ya."


def rate_limited(seconds: int) -> str:
    """Polite "slow down" message."""
    return (
        "Wah, kamu mengirim banyak sekali pertanyaan dalam waktu singkat \U0001f605 "
        f"Tunggu sekitar {seconds} detik, lalu tanya lagi, ya."
    )


# -- admin -----------------------------------------------------------------------------------
REFUSED = "Maaf, perintah ini khusus untuk admin TanyaKerja."
ADMIN_PRIVATE_ONLY = "Perintah admin hanya bisa dipakai di chat pribadi dengan saya."
REINDEX_STARTED = (
    "Mulai membaca ulang folder artikel\u2026 Pertanyaan tetap dijawab selama proses berjalan."
)
BUSY = "Sedang ada proses pembaruan artikel lain. Tunggu sebentar, lalu coba lagi."
TAMBAH_HOWTO = (
    "Kirim berkas artikelnya ke sini (<b>.txt</b>, <b>.md</b> atau <b>.html</b>), atau tempel "
    "tautan artikelnya (misalnya <code>/tambah https://\u2026</code>), nanti langsung saya baca "
    "dan simpan."
)
HAPUS_USAGE = "Tulis id artikelnya, misalnya <code>/hapus 1a2b3c4d</code>. Lihat id di /artikel."
CANCELLED = "Dibatalkan. Tidak ada yang dihapus."
YES_DELETE = "Ya, hapus"
CANCEL = "Batal"


def reindex_done(summary: Sequence[str]) -> str:
    """The /reindex result: the ingest summary (counts, then each changed or rejected file)."""
    return "\n".join(["<b>Membaca ulang artikel selesai.</b>", *(esc(s) for s in summary)])


def upload_ok(title: str, passages: int, doc_id: str) -> str:
    """Reply after a successful upload."""
    return (
        f"Artikel <b>{esc(shorten(title, 150))}</b> sudah saya simpan "
        f"(id <code>{esc(doc_id)}</code>), "
        f"{passages} bagian teks ditambahkan. Sekarang saya bisa menjawab dari artikel ini."
    )


def upload_rejected(reason: str) -> str:
    """Reply when an upload is refused, with the exact reason."""
    return f"Berkas tidak bisa ditambahkan: {esc(shorten(reason, 300))}"


def upload_too_big(size_bytes: int, limit_bytes: int) -> str:
    """Reply when a document is over MAX_FILE_BYTES (checked before downloading it)."""
    # the same words as ingest's own size check, so both paths read alike
    return upload_rejected(
        f"terlalu besar ({format_size(size_bytes)}; batas {format_size(limit_bytes)})"
    )


def articles_head(count: int) -> str:
    """Header of /artikel."""
    return f"<b>{count} artikel</b> (pakai id-nya untuk /hapus):"


def not_found_article(doc_id: str) -> str:
    """/hapus with an unknown id."""
    shown = doc_id if len(doc_id) <= 20 else doc_id[:16] + "\u2026"  # ids are 8 hex digits
    return f"Tidak ada artikel dengan id <code>{esc(shown)}</code>. Lihat daftar id di /artikel."


def confirm_delete(title: str, doc_id: str) -> str:
    """Confirmation question for /hapus."""
    return (
        f"Hapus artikel <b>{esc(shorten(title, 150))}</b> (id <code>{esc(doc_id)}</code>)?\n"
        "Berkasnya akan dihapus dari folder artikel dan dari indeks, jadi tidak dipakai lagi "
        "untuk menjawab."
    )


def deleted(title: str) -> str:
    """Result of a confirmed /hapus."""
    return f"Artikel <b>{esc(shorten(title, 150))}</b> sudah dihapus."


def delete_missing(doc_id: str) -> str:
    """The article disappeared between /hapus and the confirmation."""
    return f"Artikel dengan id <code>{esc(doc_id)}</code> sudah tidak ada."


# -- links and feeds (admin) ---------------------------------------------------------------------
LINKS_WORKING = "Sedang membaca tautan\u2026"
FEED_USAGE = (
    "<b>Feed berita</b>\n"
    "/feed \u2014 daftar feed\n"
    "/feed tambah <code>URL</code> \u2014 tambah feed (RSS, Atom atau JSON Feed)\n"
    "/feed hapus <code>nomor</code> \u2014 hapus feed dari daftar\n"
    "/feed cek \u2014 periksa semua feed sekarang"
)
FEEDS_EMPTY = (
    "Belum ada feed. Tambahkan dengan <code>/feed tambah https://situs-berita/rss</code>."
)
FEED_CHECK_STARTED = "Memeriksa semua feed\u2026 Pertanyaan tetap dijawab selama proses berjalan."


def link_added(
    *, title: str, doc_id: str, passages: int, publisher: str | None, date: str | None,
    updated: bool, has_questions: bool,
) -> str:
    """Reply after an article was added (or updated) from a link."""
    head = "Artikel diperbarui" if updated else "Artikel ditambahkan"
    facts = [f"\U0001f4f0 {esc(shorten(publisher, 60))}" if publisher else None,
             f"\U0001f4c5 {esc(shorten(date, 40))}" if date else None,
             f"{passages} bagian teks", f"id <code>{esc(doc_id)}</code>"]
    lines = [f"\u2705 {head}: <b>{esc(shorten(title, 150))}</b>",
             " \u00b7 ".join(f for f in facts if f)]
    if has_questions:
        lines.append("Coba tanyakan \U0001f447")
    return "\n".join(lines)


def link_failed(url: str, reason: str) -> str:
    """One line per link that did not become an article."""
    return f"\u274c Tautan tidak bisa ditambahkan ({esc(shorten(url, 80))}): {esc(reason)}"


def feeds_list(lines: Sequence[str]) -> str:
    """/feed: the numbered feed list (lines are already escaped)."""
    return "\n".join(["<b>Feed berita</b>", *lines, "", "Hapus dengan /feed hapus nomor."])


def feed_added(url: str) -> str:
    """A feed was added to the list."""
    return (f"Feed ditambahkan: {esc(shorten(url, 120))}\n"
            "Saya periksa pada putaran berikutnya, atau sekarang dengan /feed cek.")


def feed_removed(url: str) -> str:
    """A feed was removed from the list."""
    return f"Feed dihapus dari daftar: {esc(shorten(url, 120))}"


def feed_rejected(reason: str) -> str:
    """A /feed tambah or /feed hapus that did nothing."""
    return f"Feed tidak diubah: {esc(reason)}"


def feed_digest(items: Sequence[tuple[str, str, str | None]]) -> str:
    """The digest sent to admins after a feed run that added articles: (title, id, outlet)."""
    lines = [f"<b>{len(items)} artikel baru dari feed:</b>"]
    for title, doc_id, outlet in items:
        extra = f" \u2014 {esc(shorten(outlet, 40))}" if outlet else ""
        lines.append(f"\u2022 {esc(shorten(title, 110))}{extra} (id <code>{esc(doc_id)}</code>)")
    lines.append("Hapus yang tidak cocok dengan /hapus id.")
    return "\n".join(lines)


def feed_check_done(summary: Sequence[str]) -> str:
    """The result of /feed cek."""
    return "\n".join(esc(s) for s in summary)
