"""Loaders: every supported format, and a clear one-line reason for every kind of bad input."""

from __future__ import annotations

import codecs

import pytest

from ingest.loaders import BadInput, format_size, load, looks_like_headline

MB = 2_000_000

HTML = """<!doctype html><html lang="id"><head><meta charset="{charset}">
<title>Gaji Anotator Data Naik | Warta Kerja</title>
<meta property="og:title" content="Gaji Anotator Data Naik">
<meta property="og:site_name" content="Warta Kerja">
<meta property="og:url" content="https://warta.example/anotator">
<meta property="article:published_time" content="2024-03-05T08:00:00+07:00">
</head><body><nav><a href="/">Beranda</a> <a href="/tekno">Tekno</a></nav>
<article><h1>Gaji Anotator Data Naik</h1>
<p>Perusahaan rintisan di Yogyakarta menaikkan bayaran anotator data menjadi Rp 60.000 per
jam karena permintaan model bahasa meningkat tajam. Kata José, ini kabar baik.</p>
<p>Para anotator bekerja dari rumah dan dibayar per tugas yang selesai.</p>
</article><footer>Hak cipta 2024 Warta Kerja</footer></body></html>"""


def _reason(data: bytes, suffix: str = ".md", max_bytes: int = MB) -> str:
    with pytest.raises(BadInput) as caught:
        load(data, suffix=suffix, max_bytes=max_bytes)
    assert "\n" not in caught.value.reason
    return caught.value.reason


def test_markdown_front_matter_fields() -> None:
    data = (
        b"---\ntitle: \"Judul: dengan titik dua\"\npublisher: Warta\n"
        b"url: https://warta.example/a\ndate: 2023-05-08\nlain: diabaikan\n---\nIsi artikel.\n"
    )
    loaded = load(data, suffix=".md", max_bytes=MB)
    assert loaded.title == "Judul: dengan titik dua"
    assert loaded.publisher == "Warta"
    assert loaded.url == "https://warta.example/a"
    assert loaded.date == "2023-05-08"  # YAML parses it as datetime.date: stored as ISO text
    assert loaded.text == "Isi artikel.\n"


def test_markdown_without_front_matter_and_with_bom_and_crlf() -> None:
    loaded = load(codecs.BOM_UTF8 + b"---\r\ntitle: A B\r\n---\r\nIsi.\r\n", suffix=".MD",
                  max_bytes=MB)
    assert loaded.title == "A B"
    assert loaded.text == "Isi.\n"
    plain = load(b"Bukan front matter\nIsi biasa.", suffix=".md", max_bytes=MB)
    assert plain.title is None
    assert plain.text.startswith("Bukan")


def test_an_opening_markdown_heading_is_the_title() -> None:
    loaded = load(b"\n# Koperasi Data Bayar Rp 35.000 per Jam\n\nIsi artikel.\n", suffix=".md",
                  max_bytes=MB)
    assert loaded.title == "Koperasi Data Bayar Rp 35.000 per Jam"
    assert "#" not in loaded.text
    assert "Isi artikel." in loaded.text
    # a front-matter title wins, and the heading stays part of the text
    both = load(b"---\ntitle: Judul\n---\n# Lain\nIsi.\n", suffix=".md", max_bytes=MB)
    assert both.title == "Judul"
    assert both.text.startswith("# Lain")
    # a heading alone is no article split into title and nothing
    assert load(b"# Hanya judul\n", suffix=".md", max_bytes=MB).title is None


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"---\ntitle: [rusak\n---\nIsi.", "front matter YAML rusak"),
        (b"---\ntitle: a: b\n---\nIsi.", "front matter YAML rusak"),
        (b"---\ntitle: Tanpa penutup\nIsi artikel.", "front matter YAML rusak: baris penutup"),
        (b"---\n- satu\n- dua\n---\nIsi.", "front matter YAML rusak: isinya harus"),
        (b"---\ntitle: [a, b]\n---\nIsi.", "front matter: nilai 'title' harus berupa teks"),
    ],
)
def test_broken_front_matter(data: bytes, expected: str) -> None:
    assert _reason(data).startswith(expected)


def test_utf16_with_bom_is_accepted() -> None:
    text = "Judul Artikel Tentang Pekerja\nIsi artikel yang cukup panjang.\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        loaded = load(bom + text.encode(encoding), suffix=".txt", max_bytes=MB)
        assert loaded.title == "Judul Artikel Tentang Pekerja"


@pytest.mark.parametrize(
    ("data", "suffix", "expected"),
    [
        (b"", ".md", "file kosong"),
        (b" \n\t\r\n", ".txt", "file kosong"),
        (codecs.BOM_UTF8 + b"\n\n", ".txt", "file kosong"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ".md", "bukan file teks (biner)"),
        (bytes(range(1, 32)) * 10, ".txt", "bukan file teks (biner)"),
        (b"\xfa\xfb\xfc" + bytes(range(1, 30)) * 20, ".txt", "bukan file teks (biner)"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8a", ".txt", "bukan teks UTF-16"),
        ("Kata José: bayaran naik.".encode("cp1252"), ".txt", "bukan teks UTF-8"),
        ("Pekerja dibayar Rp 50.000.".encode("utf-16-le"), ".txt", "bukan file teks (biner)"),
        (b"%PDF-1.4", ".pdf", "jenis file tidak didukung (.pdf)"),
        (b"isi", "", "jenis file tidak didukung (tanpa ekstensi)"),
        (b"<html><body><nav>Menu</nav><p>Hai</p></body></html>", ".html", "HTML tanpa teks"),
        (b"", ".html", "file kosong"),
    ],
)
def test_bad_input_reasons(data: bytes, suffix: str, expected: str) -> None:
    assert _reason(data, suffix).startswith(expected)


def test_size_limit_is_checked_first_and_formatted_in_indonesian() -> None:
    assert _reason(b"a" * 3_100_000) == "terlalu besar (3,1 MB; batas 2 MB)"
    assert _reason(b"a" * 68_000, max_bytes=50_000) == "terlalu besar (68 KB; batas 50 KB)"
    assert format_size(2_000_000) == "2 MB"
    assert load(b"Isi pas di batas.", suffix=".txt", max_bytes=17).text == "Isi pas di batas."


def test_txt_title_is_a_headline_first_line_only() -> None:
    loaded = load(
        b"ByteDance Pecat Karyawan Magang Gara-gara AI\nByteDance memecat karyawan.\n",
        suffix=".txt", max_bytes=MB,
    )
    assert loaded.title == "ByteDance Pecat Karyawan Magang Gara-gara AI"
    assert loaded.text == "ByteDance memecat karyawan.\n"
    prose = "Raksasa streaming Netflix hendak mempekerjakan manajer AI.\nKalimat kedua.\n"
    assert load(prose.encode(), suffix=".txt", max_bytes=MB).title is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sosok Penting di Balik ChatGPT Dibayar Rp 200.000 Per Jam", True),
        ("Apa Itu Pelatih AI?", True),
        ("Raksasa streaming Netflix hendak mempekerjakan manajer AI.", False),
        ("- iPhone 16 Masih Ilegal", False),
        ("Judul", False),
        ("https://www.cnbc.com/2023/05/08/a.html", False),
        ("kalimat dengan huruf kecil di awal tanpa titik", False),
    ],
)
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


def test_html_article_and_metadata() -> None:
    loaded = load(HTML.format(charset="utf-8").encode(), suffix=".html", max_bytes=MB)
    assert loaded.title == "Gaji Anotator Data Naik"
    assert loaded.publisher == "Warta Kerja"
    assert loaded.url == "https://warta.example/anotator"
    assert loaded.date == "2024-03-05"
    assert "Rp 60.000" in loaded.text
    assert "Beranda" not in loaded.text
    assert "Hak cipta" not in loaded.text


def test_html_in_a_legacy_charset_is_read_through_its_meta_charset() -> None:
    page = HTML.format(charset="windows-1252").encode("cp1252")
    loaded = load(page, suffix=".htm", max_bytes=MB)
    assert "José" in loaded.text
