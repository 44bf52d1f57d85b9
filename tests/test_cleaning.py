"""Cleaning rules, each tested on examples written for the purpose (noise that must go, article
lines that must survive), plus a check that no chunk of the seed corpus carries known noise."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.articles import prepare
from ingest.cleaning import (
    clean,
    is_byline,
    is_image_credit,
    is_navigation,
    is_spam,
    strip_bullet,
    strip_dateline,
)

SEED = Path(__file__).resolve().parent.parent / "corpus"
PROSE = "Pekerja kontrak itu dibayar Rp 50.000 per jam tanpa tunjangan kesehatan apa pun."


def _lines(text: str, title: str | None = None) -> list[str]:
    return clean(text, title=title).text.split("\n")


@pytest.mark.parametrize(
    "line",
    [
        "Situs Bandar Togel Online Terpercaya bisa anda akses langsung di TOTOCC.COM",
        "Daftar slot gacor hari ini, maxwin dijamin!",
        "SBOBET88 link alternatif resmi",
        "Main di situs judi online terpercaya, bonus deposit 100%",
        "KASINOKU.NET",
        "Casino terpercaya dengan jackpot dan bonus terlengkap",
    ],
)
def test_spam_lines_are_detected(line: str) -> None:
    assert is_spam(line)


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "Pemerintah menyebut judi daring merugikan banyak keluarga pekerja lepas.",
        "Slot wawancara untuk pelatih AI dibuka bulan depan.",
        "Situs lowongan itu mencantumkan gaji mulai $15 per jam.",
        "OpenAI mendapat bonus dari investor, kata laporan Time.",
        "AI generatif adalah jenis AI yang dapat menghasilkan teks, gambar, dan video.",
    ],
)
def test_ordinary_sentences_are_not_spam(line: str) -> None:
    assert not is_spam(line)


def test_related_headline_blocks_go_but_the_article_after_them_stays() -> None:
    text = "\n".join([
        PROSE,
        "Terkini Lainnya",
        "- iPhone 16 Masih Ilegal, Samsung Galaxy S25 Ultra Siap Meluncur",
        "- Apa Itu VPN? Pengertian, Fungsi, Cara Kerja",
        "Bagaimana Cara Membuat Audio di WhatsApp?",
        "Berita Terkait:",
        "1. Harga HP Turun Bulan Ini",
        "Populer",
        "Menurut Jindal, pekerja data di Kenya membentuk serikat pada hari Senin.",
    ])
    assert _lines(text) == [
        PROSE, "Menurut Jindal, pekerja data di Kenya membentuk serikat pada hari Senin."
    ]


def test_a_heading_that_merely_contains_populer_survives() -> None:
    text = f"Pekerjaan Populer di Kalangan Mahasiswa\n{PROSE}"
    assert _lines(text) == ["Pekerjaan Populer di Kalangan Mahasiswa", PROSE]


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga: 14 Juta Orang Diprediksi Nganggur pada 2027 gara-gara AI",
        "BACA JUGA: Tim Cook Puji AI",
        "Baca Juga Pelatih AI Bergaji Tinggi",
        "Lihat juga: Daftar Pekerjaan Sambilan AI",
    ],
)
def test_read_also_lines_go(line: str) -> None:
    assert _lines(f"{PROSE}\n{line}\n{PROSE}") == [PROSE, PROSE]


def test_inline_read_also_is_cut_but_the_sentence_before_it_stays() -> None:
    assert _lines(f"{PROSE} Baca juga: Harga HP Turun") == [PROSE]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Simak selengkapnya di halaman berikutnya.", True),
        ("Halaman selanjutnya", True),
        ("1 2 3 Selanjutnya", True),
        ("Baca selengkapnya", True),
        ("ADVERTISEMENT", True),
        ("Scroll to continue with content", True),
        ("Selanjutnya, perusahaan itu merekrut 5.000 pelatih profesional di seluruh dunia.", False),
        ("Sebelumnya ia bekerja sebagai penjaga dan pengangkut sampah di Kansas City.", False),
        ("Iklan lowongan itu menawarkan $15 per jam untuk pelatih data tingkat pemula.", False),
    ],
)
def test_navigation(line: str, expected: bool) -> None:
    assert is_navigation(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Bloomberg | Bloomberg | Gambar Getty", True),
        ("Catatan sumber gambar: Gambar dihasilkan oleh AI oleh Midjourney", True),
        ("Foto: Savreux bekerja dari rumah (Dok. CNBC)", True),
        ("Ilustrasi: pelatih AI di depan laptop", True),
        ("Foto (Reuters): Kantor OpenAI", True),
        ("REUTERS/Dado Ruvic", True),
        ("Getty Images/iStockphoto", True),
        ("Ia memberi label pada foto dan membuat prediksi tentang teks.", False),
        ("Foto-foto itu dilabeli oleh pekerja kontrak di Kenya.", False),
        ("Getty Images menggugat perusahaan AI karena memakai fotonya.", False),
    ],
)
def test_image_credits(line: str, expected: bool) -> None:
    assert is_image_credit(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Reporter magang: Nadya Nur Aulia", True),
        ("Penulis: Budi Santoso", True),
        ("Editor : Sari", True),
        ("(mdk/rka)", True),
        ("Editor Downcodes akan memberi Anda pemahaman mendalam tentang industri ini.", False),
        ("Penulis video game juga menyatakan keprihatinan tentang kehilangan pekerjaan.", False),
    ],
)
def test_bylines(line: str, expected: bool) -> None:
    assert is_byline(line) is expected


def test_teaser_fragments_between_separators_go() -> None:
    text = "\n".join([
        "ByteDance memecat karyawan magang karena mengganggu pelatihan AI.",
        "Namun, perusahaan membantah klaim kerugian besar itu.",
        "-",
        "Apa yang dilakukan teknologi AI? Mengutip sebuah situs, dokumen ini menunjukkan iklan.",
        "-",
        "Siapa yang membuat AI ini? Malas menemukan sebuah alat AI.",
        "—",
        "Apa saja pekerjaan sambilan AI? Daftar Pekerjaan Sambilan AI, Gajinya Bisa Rp17 Juta",
        "Insiden ini menjadi viral di media sosial sepanjang akhir pekan.",
    ])
    assert _lines(text) == [
        "ByteDance memecat karyawan magang karena mengganggu pelatihan AI.",
        "Namun, perusahaan membantah klaim kerugian besar itu.",
        "Insiden ini menjadi viral di media sosial sepanjang akhir pekan.",
    ]


def test_a_question_in_prose_survives() -> None:
    text = f"Apa artinya bagi pekerja? Menurut Jindal, upah harus adil.\n{PROSE}"
    assert _lines(text) == ["Apa artinya bagi pekerja? Menurut Jindal, upah harus adil.", PROSE]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ANDALPOST.COM – Raksasa streaming Netflix hendak merekrut.",
         "Raksasa streaming Netflix hendak merekrut."),
        ("JAKARTA, KOMPAS.com - Pelatih AI dibayar per jam.", "Pelatih AI dibayar per jam."),
        ("Jakarta, CNN Indonesia -- Pelatih AI dibayar per jam.", "Pelatih AI dibayar per jam."),
        ("TEMPO.CO, Jakarta - Pelatih AI dibayar per jam.", "Pelatih AI dibayar per jam."),
        ("JAKARTA - pelatih AI dibayar per jam.", "Pelatih AI dibayar per jam."),
        ("Netflix – raksasa streaming – merekrut manajer AI.",
         "Netflix – raksasa streaming – merekrut manajer AI."),
        ("Savreux - pria 34 tahun - melatih AI.", "Savreux - pria 34 tahun - melatih AI."),
    ],
)
def test_dateline(line: str, expected: str) -> None:
    assert strip_dateline(line) == expected


def test_dateline_only_on_the_first_line() -> None:
    second = "JAKARTA - Pelatih AI dibayar per jam di Jakarta."
    assert _lines(f"{PROSE}\n{second}") == [PROSE, second]


def test_leading_bullet_on_prose_is_stripped_but_lists_stay() -> None:
    assert strip_bullet(f"- {PROSE}") == PROSE
    assert strip_bullet("- dokter") == "- dokter"
    numbered = "1. Pelatih AI dibayar $15 per jam."
    assert strip_bullet(numbered) == numbered


def test_title_repeated_as_first_line_goes() -> None:
    title = "Sosok Penting di Balik ChatGPT Dibayar Rp 200.000 Per Jam"
    text = f"{title}\n- {PROSE}"
    assert _lines(text, title=title) == [PROSE]
    assert _lines(f"{PROSE}\n{title}", title=title) == [PROSE, title]  # only at the top


def test_trailing_url_becomes_the_url_and_leaves_the_text() -> None:
    url = "https://www.cnbc.com/2023/05/08/chatgpt-contractors.html"
    cleaned = clean(f"{PROSE}\n\n{url}\n")
    assert cleaned.text == PROSE
    assert cleaned.url == url
    middle = clean(f"{PROSE}\n{url}\n{PROSE}")
    assert middle.text == f"{PROSE}\n{PROSE}"
    assert middle.url is None
    assert clean(f"Lihat {url} untuk detail.").text == f"Lihat {url} untuk detail."


def test_separators_and_blank_lines_go_and_quotes_are_normalised() -> None:
    assert _lines("“Kami adalah buruh,” katanya.\n\n***\n\n-\n" + PROSE) == [
        '"Kami adalah buruh," katanya.', PROSE
    ]


@pytest.mark.parametrize("path", sorted(SEED.glob("*.md")), ids=lambda p: p.name[:3])
def test_no_seed_chunk_carries_noise(path: Path) -> None:
    article = prepare(path.read_bytes(), name=path.name, path=path.name, max_bytes=2_000_000)
    banned = [
        "togel", "iphone", "samsung", "whatsapp", "vpn", "baca juga", "terkini lainnya",
        "simak selengkapnya", "getty", "reporter magang", "dailymail", "project december",
        "totocc", "catatan sumber gambar", "halaman berikutnya",
    ]
    for chunk in article.chunks:
        lowered = chunk.text.lower()
        found = [word for word in banned if word in lowered]
        assert not found, (chunk.position, found)


def test_footnote_markers_are_removed_so_they_never_look_like_citations() -> None:
    cleaned = clean(
        "Gajinya 91 dolar per jam menurut survei.[3] Kerja dari rumah.[7]\nBaris [1-2] dua."
    )
    assert cleaned.text == "Gajinya 91 dolar per jam menurut survei. Kerja dari rumah.\nBaris dua."
