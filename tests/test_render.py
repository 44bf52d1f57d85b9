"""bot/render.py alone: escaping, citations and the Sumber list, and 4096-char splitting."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from bot.render import (
    answer_html,
    answer_plain,
    articles_html,
    render_answer,
    split_html,
    tg_len,
)
from knowledge.service import ArticleInfo
from knowledge.types import Answer, Source

TELEGRAM_TAGS = {"b", "i", "u", "s", "a", "code", "pre", "blockquote", "tg-spoiler", "span"}


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TELEGRAM_TAGS:
            self.errors.append(f"unexpected <{tag}>")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")

    def handle_data(self, data: str) -> None:
        self.text += data


def assert_valid_html(part: str) -> str:
    """Each part parses, uses only Telegram tags, balances, and has no bare < > &."""
    parser = _Balance()
    parser.feed(part)
    parser.close()
    assert not parser.errors, (parser.errors, part[:200])
    assert not parser.stack, (parser.stack, part[-200:])
    stripped = part
    for token in ("&lt;", "&gt;", "&amp;", "&quot;", "&#x27;"):
        stripped = stripped.replace(token, "")
    assert "&" not in stripped
    return parser.text


def _source(n: int, title: str, url: str | None = None, publisher: str | None = None) -> Source:
    return Source(n=n, title=title, url=url, path=f"corpus/{title}.md", text="t", score=1.0,
                  publisher=publisher)


def test_answer_escapes_user_and_article_strings() -> None:
    answer = Answer(
        question="<b>gaji</b> & tunjangan?",
        text="Upah <script>x</script> & bonus [1].",
        found=True, mode="llm",
        sources=[_source(1, 'Judul "A" & <B>', "https://x.id/a?b=1&c=2", "Media <X>")],
    )
    html = answer_html(answer, echo_question=True)
    assert "&lt;b&gt;gaji&lt;/b&gt; &amp; tunjangan?" in html
    assert "&lt;script&gt;" in html
    assert "<script>" not in html
    assert '<a href="https://x.id/a?b=1&amp;c=2">Judul &quot;A&quot; &amp; &lt;B&gt;</a>' in html
    assert "Media &lt;X&gt;" in html
    assert_valid_html(html)


def test_sources_grouped_by_article_and_unsafe_links_dropped() -> None:
    answer = Answer(
        question="q", text="A [1]. B [2]. C [3].", found=True, mode="extractive",
        sources=[
            _source(1, "Artikel Satu", "https://a.id/1", "Kompas"),
            _source(2, "Artikel Dua", "javascript:alert(1)"),
            _source(3, "Artikel Satu", "https://a.id/1", "Kompas"),
        ],
    )
    html = answer_html(answer)
    assert "<b>Sumber</b>" in html
    assert '[1][3] <a href="https://a.id/1">Artikel Satu</a> \u2014 Kompas' in html
    assert "[2] Artikel Dua" in html
    assert "javascript" not in html


def test_not_found_has_no_sources_and_note_is_one_line() -> None:
    answer = Answer(question="q", text="Maaf, belum ada.", found=False, mode="extractive",
                    sources=[_source(1, "x")], note="layanan AI sedang tidak tersedia")
    html = answer_html(answer)
    assert "Sumber" not in html
    assert html.count("\n\n") == 1
    assert "<i>" in html
    assert "tidak tersedia" in html


def test_plain_rendering_for_the_console() -> None:
    answer = Answer(question="q", text="Upah US$15 [1].", found=True, mode="extractive",
                    sources=[_source(1, "Judul", "https://a.id", "CNBC")])
    text = answer_plain(answer)
    assert "Sumber:" in text
    assert "[1] Judul \u2014 CNBC <https://a.id>" in text
    assert "<b>" not in text


def test_five_thousand_chars_split_on_sentences_with_valid_html() -> None:
    sentence = "Pekerja data <b>& mitra</b> dibayar US$900.000 per tahun [1]. "
    answer = Answer(question="q", text=sentence * 80, found=True, mode="extractive",
                    sources=[_source(1, "Judul <x>", "https://a.id", "Pub")])
    parts = render_answer(answer)
    assert len(parts) >= 2
    texts = []
    for part in parts:
        assert tg_len(part) <= 4096
        texts.append(assert_valid_html(part))
    for text in texts[:-1]:
        assert text.rstrip().endswith("[1].")  # cut after a sentence, not inside "900.000"
    joined = " ".join(t.strip() for t in texts)
    assert joined.count("dibayar US$900.000 per tahun [1].") == 80


def test_split_closes_and_reopens_open_tags() -> None:
    inner = "Kalimat panjang tentang upah pekerja. " * 30
    markup = f"<b>{inner}</b> akhir."
    parts = split_html(markup, limit=300)
    assert len(parts) > 3
    for part in parts:
        assert tg_len(part) <= 300
        assert_valid_html(part)
    assert parts[0].startswith("<b>")
    assert parts[1].startswith("<b>")


def test_split_never_breaks_a_link_or_entity() -> None:
    links = " ".join(f'<a href="https://a.id/{i}?x=1&amp;y=2">Judul &amp; {i}</a>.' for i in
                     range(60))
    for part in split_html(links, limit=200):
        assert tg_len(part) <= 200
        assert_valid_html(part)


def test_a_single_huge_word_is_cut_hard() -> None:
    parts = split_html("x" * 9000, limit=4096)
    assert [tg_len(p) <= 4096 for p in parts] == [True] * len(parts)
    assert "".join(parts) == "x" * 9000


def test_emoji_count_as_two_units() -> None:
    parts = split_html("\U0001f44d " * 3000, limit=4096)
    assert all(tg_len(p) <= 4096 for p in parts)
    assert len(parts) >= 3


def test_short_text_is_one_part() -> None:
    assert split_html("  <b>halo</b>  ") == ["<b>halo</b>"]
    assert split_html("   ") == []


@pytest.mark.parametrize("with_ids", [True, False])
def test_article_list(with_ids: bool) -> None:
    articles = [ArticleInfo("1a2b3c4d", "Judul <1>", "corpus/a.md", "https://a.id", "Kompas",
                            "2023-01-01", 3)]
    html = articles_html(articles, with_ids=with_ids)
    assert ("<code>1a2b3c4d</code>" in html) is with_ids
    assert "Judul &lt;1&gt;" in html
    assert "Kompas" in html
    assert_valid_html(html)


def test_llm_fallback_note_is_shown_once() -> None:
    note = "Layanan AI sedang tidak tersedia, jadi ini jawaban langsung dari artikel."
    answer = Answer(
        question="q", text=f"Upahnya $15 per jam. [1]\n\n{note}", found=True, mode="extractive",
        sources=[_source(1, "Judul")], note=note,
    )
    assert answer_html(answer).count("Layanan AI sedang tidak tersedia") == 1
    assert answer_plain(answer).count("Layanan AI sedang tidak tersedia") == 1
