"""Chunking: sentence-aligned, roughly 350–600 characters, one sentence of overlap."""

from __future__ import annotations

import pytest

from ingest.chunking import MAX_CHARS, chunk_text, split_long
from knowledge.text import split_sentences


def _sentences(n: int) -> list[str]:
    return [
        f"Kalimat nomor {i} menjelaskan bahwa pelatih AI di kota ke-{i} dibayar sekitar "
        f"Rp {i + 10}.000 per jam untuk melabeli data."
        for i in range(n)
    ]


def test_short_text_is_one_chunk() -> None:
    assert chunk_text("Satu kalimat pendek saja.") == ["Satu kalimat pendek saja."]
    assert chunk_text("") == []


def test_chunks_are_sized_sentence_aligned_and_overlap_by_one_sentence() -> None:
    sentences = _sentences(30)
    chunks = chunk_text(" ".join(sentences))
    assert len(chunks) > 3
    for chunk in chunks[:-1]:
        assert 350 <= len(chunk) <= MAX_CHARS
    for chunk in chunks:
        assert all(s in sentences for s in split_sentences(chunk))  # no sentence is cut
    for before, after in zip(chunks, chunks[1:], strict=False):
        assert split_sentences(after)[0] == split_sentences(before)[-1]
    covered = {s for chunk in chunks for s in split_sentences(chunk)}
    assert covered == set(sentences)  # nothing lost


def test_line_structure_is_kept_inside_a_chunk() -> None:
    text = "Baris pertama berakhir di sini.\nBaris kedua juga.\nBaris ketiga, yang terakhir."
    assert chunk_text(text) == [text]


def test_heading_starts_a_new_chunk_without_overlap() -> None:
    first = " ".join(_sentences(4))
    second = " ".join(_sentences(6)[4:])
    chunks = chunk_text(f"{first}\nJurang antara AI dan para pekerjanya\n{second}")
    assert len(chunks) == 2
    assert chunks[1].startswith("Jurang antara AI dan para pekerjanya\n")
    assert not chunks[0].endswith("pekerjanya")


def test_small_tail_is_merged_into_the_previous_chunk() -> None:
    chunks = chunk_text(" ".join(_sentences(4)) + " Selesai.")
    assert chunks[-1].endswith("Selesai.")
    assert all(len(split_sentences(c)) > 1 for c in chunks)


def test_huge_sentence_is_split_on_clauses_then_words() -> None:
    clauses = ", ".join(f"bagian klausa nomor {i} yang cukup panjang" for i in range(40)) + "."
    parts = split_long(clauses)
    assert all(len(p) <= MAX_CHARS for p in parts)
    assert " ".join(parts) == clauses
    assert all(p.endswith((",", ".")) for p in parts)  # cut after a comma, not mid-clause
    words = " ".join(["kata"] * 400)
    assert all(len(p) <= MAX_CHARS for p in split_long(words))
    assert " ".join(split_long(words)) == words
    assert split_long("x" * 1300) == ["x" * 600, "x" * 600, "x" * 100]


@pytest.mark.parametrize("overlap", [0, 1])
def test_every_chunk_adds_new_text(overlap: int) -> None:
    long_sentence = "Kalimat yang sangat panjang " * 20 + "berakhir di sini."
    text = " ".join([long_sentence, *_sentences(3), long_sentence])
    chunks = chunk_text(text, overlap=overlap)
    seen: set[str] = set()
    for chunk in chunks:
        new = set(split_sentences(chunk)) - seen
        assert new, chunk
        seen |= set(split_sentences(chunk))
