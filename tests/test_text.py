"""Indonesian tokenising, stemming, lexicon and sentence splitting."""

from __future__ import annotations

import pytest

from knowledge.text import split_sentences, stem, terms, words


def test_numbers_lose_thousands_separators() -> None:
    assert words("gaji US$900.000 atau Rp 221.385, naik 1,5 persen") == [
        "gaji",
        "us",
        "900000",
        "atau",
        "rp",
        "221385",
        "naik",
        "1,5",
        "persen",
    ]


def test_terms_drop_stop_words_and_stem() -> None:
    assert terms("Berapa bayaran para pelatih di perusahaan itu?") == ["upah", "latih", "usaha"]


@pytest.mark.parametrize(
    ("colloquial", "formal"),
    [
        ("gaji AI trainer gede ga sih?", "upah pelatih AI besar tidak"),
        ("How much are AI trainers paid per hour?", "upah pelatih AI per jam"),
        ("pekerja kontrak dapet asuransi gak", "kerja kontrak asuransi tidak dapet"),
    ],
)
def test_colloquial_and_english_map_to_article_terms(colloquial: str, formal: str) -> None:
    assert set(terms(colloquial)) <= set(terms(formal)) | {"dapet"}


@pytest.mark.parametrize(
    ("typed", "article"),
    [
        # a lexicon word's canonical form is stemmed as the articles' words are
        ("prompt", "petunjuk"),
        ("user", "pengguna"),
        ("conversation", "percakapan"),
        ("beginner", "pemula"),
        ("flagged", "ditandai"),
        # a -nya Sastrawi keeps, on a word its dictionary lacks as a root
        ("karyawannya", "karyawan"),
        ("drivernya", "driver"),
    ],
)
def test_a_word_and_the_articles_form_share_a_term(typed: str, article: str) -> None:
    assert terms(typed) == terms(article)


def test_a_lexicon_word_for_a_function_word_stays_out_of_matching() -> None:
    # "lewat" is "melalui", a stop word: not the "lalu" its stem would be
    assert terms("lewat outsourcing") == terms("outsourcing")


def test_reduplication_and_clitics() -> None:
    assert stem("gara-gara") == "gara"
    assert stem("ai-nya") == "ai"


def test_sentences_respect_abbreviations_and_line_breaks() -> None:
    text = 'Bayarannya: $15 per jam. Dr. Sonam bilang "ok." Lalu Rp. 5.000 dibayar.\nBaris dua? Ya!'
    assert split_sentences(text) == [
        "Bayarannya: $15 per jam.",
        'Dr. Sonam bilang "ok."',
        "Lalu Rp. 5.000 dibayar.",
        "Baris dua?",
        "Ya!",
    ]


def test_sentence_split_keeps_decimal_numbers_and_lowercase_continuations() -> None:
    assert split_sentences("Upahnya 1.5 juta. dan seterusnya.") == [
        "Upahnya 1.5 juta. dan seterusnya."
    ]


def test_dotted_abbreviations_are_one_word_as_workers_type_them() -> None:
    assert words("profesional bergelar Ph.D.") == ["profesional", "bergelar", "phd"]
    assert terms("lulusan S.Pd. atau PhD") == terms("lulusan SPd atau Ph.D")
    # a missing space after a full stop is not an abbreviation
    assert words("pakai AI.Di Kenya") == ["pakai", "ai", "di", "kenya"]
    assert words("Rp 221.385 per jam.") == ["rp", "221385", "per", "jam"]


def test_everyday_and_formal_pay_words_are_read_as_pay() -> None:
    # "cuan" (chat), "fee" (English), "remunerasi", "honorarium", "kompensasi" (formal)
    for word in ("cuan", "fee", "remunerasi", "honorarium", "kompensasi"):
        assert terms(word) == terms("upah"), word


def test_as_in_capitals_is_the_united_states_not_english_as() -> None:
    assert "amerika_serikat" in terms("Pekerja kontrak di AS belum membentuk serikat.")
    assert terms("di AS") == terms("di Amerika Serikat")
    assert "amerika_serikat" not in terms("as good as it gets")
    assert "amerika_serikat" not in terms("PAID AS MUCH AS THAT")


def test_a_dash_between_words_breaks_them_apart() -> None:
    # news writing's "model AI—yaitu, informasi palsu": "AI" and "yaitu", no word "ai-yaitu"
    assert words("model AI\u2014yaitu informasi") == ["model", "ai", "yaitu", "informasi"]
    assert words("December \u2013 sebuah") == ["december", "sebuah"]
    assert words("kerja-kerja") == ["kerja-kerja"]  # a hyphen still joins
