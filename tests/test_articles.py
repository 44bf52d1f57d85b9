"""Article preparation: content-hash identities, chunk metadata, titles and safe file names."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ingest.articles import (
    display_path,
    embedding_text,
    prepare,
    safe_filename,
    slugify,
    title_from_name,
)
from ingest.loaders import BadInput
from knowledge.text import terms

BODY = (
    "Pekerja data di Medan melabeli ribuan foto jalan untuk mobil otonom setiap minggu. "
    "Ia dibayar Rp 40.000 per jam dan bekerja dari rumah tanpa kontrak tetap.\n"
)


def test_ids_and_chunk_metadata() -> None:
    data = f"---\ntitle: Kurir Data\nurl: https://a.example/x\ndate: 2024-01-02\n---\n{BODY}"
    article = prepare(data.encode(), name="a.md", path="corpus/a.md", max_bytes=2_000_000)
    assert article.doc_hash == hashlib.sha256(data.encode()).hexdigest()
    assert len(article.doc_id) == 64
    assert article.short_id == article.doc_id[:8]
    (chunk,) = article.chunks
    assert chunk.id == f"{article.doc_hash[:16]}-0000"
    assert (chunk.path, chunk.title, chunk.position, chunk.n_chunks) == (
        "corpus/a.md", "Kurir Data", 0, 1
    )
    assert (chunk.url, chunk.date, chunk.publisher) == ("https://a.example/x", "2024-01-02", None)
    assert chunk.tokens == " ".join(terms(chunk.text))
    assert embedding_text(chunk) == f"Kurir Data\n{chunk.text}"


def test_doc_id_follows_the_article_text_not_the_file() -> None:
    plain = prepare(BODY.encode(), name="a.txt", path="a.txt", max_bytes=2_000_000)
    with_meta = prepare(
        f"---\ntitle: Lain\n---\n{BODY}\n\n".replace("\n", "\r\n").encode(),
        name="b.md", path="b.md", max_bytes=2_000_000,
    )
    assert plain.doc_hash != with_meta.doc_hash
    assert plain.doc_id == with_meta.doc_id
    edited = prepare(BODY.replace("Medan", "Palu").encode(), name="a.txt", path="a.txt",
                     max_bytes=2_000_000)
    assert edited.doc_id != plain.doc_id


def test_title_fallbacks() -> None:
    headline = prepare(f"Kurir Data di Medan\n{BODY}".encode(), name="x.md", path="x.md",
                       max_bytes=2_000_000)
    assert headline.title == "Kurir Data di Medan"
    assert not headline.body.startswith("Kurir Data di Medan")
    from_name = prepare(BODY.encode(), name="012-gaji_pelatih-ai.txt", path="p",
                        max_bytes=2_000_000)
    assert from_name.title == "Gaji pelatih ai"
    from_text = prepare(BODY.encode(), name="000_c54c98f3ad08ed80.txt", path="p",
                        max_bytes=2_000_000)
    assert from_text.title.startswith("Pekerja data di Medan melabeli")
    assert len(from_text.title) <= 101


def test_trailing_url_is_used_when_front_matter_has_none() -> None:
    article = prepare(f"{BODY}\nhttps://b.example/berita\n".encode(), name="a.txt", path="a",
                      max_bytes=2_000_000)
    assert article.url == "https://b.example/berita"
    assert "https://" not in article.body


def test_nothing_left_after_cleaning_is_rejected() -> None:
    data = b"---\ntitle: Iklan\n---\nBaca juga: Harga HP\nFoto: Getty\n-\n"
    with pytest.raises(BadInput, match="kosong setelah dibersihkan"):
        prepare(data, name="a.md", path="a.md", max_bytes=2_000_000)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("012-gaji-pelatih-ai.md", "Gaji pelatih ai"), ("0001.txt", None), ("abcdef0123.md", None)],
)
def test_title_from_name(name: str, expected: str | None) -> None:
    assert title_from_name(name) == expected


def test_safe_filename_never_escapes_the_folder() -> None:
    assert slugify("Gaji Pelatih AI: Rp 200.000/Jam!") == "gaji-pelatih-ai-rp-200-000-jam"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("„…“") == "artikel"
    assert slugify("Café déjà vu") == "cafe-deja-vu"
    name = safe_filename("../" * 50 + "x" * 200, "ab" * 32, ".MD")
    assert "/" not in name
    assert not name.startswith(".")
    assert name.endswith("-abababab.md")
    assert len(name) <= 72


def test_display_path_is_relative_to_the_working_directory(tmp_path: Path) -> None:
    assert display_path(tmp_path / "corpus" / "a.md") == "corpus/a.md"  # cwd is tmp_path
    assert display_path(Path("corpus/b.md")) == "corpus/b.md"
    assert display_path(Path("/elsewhere/c.md")) == "/elsewhere/c.md"
