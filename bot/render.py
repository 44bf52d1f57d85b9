"""Answers and lists as Telegram HTML (and as plain text for the console chat).

Why a module of its own: everything that reaches Telegram passes through here, so this is the one
place that must escape every string that came from a user or an article, and the one place that
splits long replies. Telegram refuses messages over 4096 characters and refuses HTML whose tags
do not balance, so `split_html` cuts on sentence boundaries, never inside a tag or an entity, and
closes and reopens the tags that are open at a cut. Nothing here imports `telegram`: it is plain
string work, tested alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from knowledge.types import Answer, Source

if TYPE_CHECKING:
    from knowledge.service import ArticleInfo

TELEGRAM_LIMIT = 4096
_TITLE_MAX = 110

_TOKEN = re.compile(r"(<[^<>]*>|&#?\w+;)")
_TAG = re.compile(r"<[^<>]*>")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
# A sentence ends at . ! ? … followed by whitespace (so "US$900.000" is not cut), or at newlines.
_SENTENCE = re.compile(r".*?(?:[.!?\u2026]+(?:\s+|$)|\n+|$)", re.S)
_SENTENCE_END = re.compile(r"(?:[.!?\u2026]+|\n)\s*$")
_WORD = re.compile(r"\S+\s*|\s+")


def esc(text: str | None) -> str:
    """HTML-escape a string for Telegram (quotes too, so it is safe inside attributes)."""
    return html.escape(text or "", quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL when it is a plain http(s) link, else None (never a javascript: or tg: link)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def shorten(text: str, limit: int = _TITLE_MAX) -> str:
    """Cut a title to `limit` characters on a word boundary, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,.;:") + "\u2026"


def _link(title: str, url: str | None) -> str:
    href = safe_url(url)
    label = esc(shorten(title))
    return f'<a href="{esc(href)}">{label}</a>' if href else label


def _grouped_sources(sources: Sequence[Source]) -> list[tuple[list[int], Source]]:
    """One line per article: several passages of the same article share a line."""
    groups: dict[tuple[str, str | None], tuple[list[int], Source]] = {}
    for source in sorted(sources, key=lambda s: s.n):
        key = (source.path, None) if source.path else (source.title, source.url)
        if key in groups:
            groups[key][0].append(source.n)
        else:
            groups[key] = ([source.n], source)
    return list(groups.values())


def sources_html(sources: Sequence[Source]) -> str:
    """The short "Sumber" list: numbers, linked title, publisher."""
    lines = ["<b>Sumber</b>"]
    for numbers, source in _grouped_sources(sources):
        refs = "".join(f"[{n}]" for n in numbers)
        publisher = f" \u2014 {esc(source.publisher)}" if source.publisher else ""
        lines.append(f"{refs} {_link(source.title, source.url)}{publisher}")
    return "\n".join(lines)


def _text_without_note(answer: Answer) -> str:
    """The answer text; the LLM fallback note (also kept in the text for JSON users) is shown
    once, set apart, by the caller."""
    text = answer.text
    if answer.note:
        text = text.replace(answer.note, "")
    return text.strip()


def answer_html(answer: Answer, *, echo_question: bool = False) -> str:
    """One answer as HTML: optional question header, text with [n] citations, note, sources."""
    blocks: list[str] = []
    if echo_question:
        blocks.append(f"\u2753 <b>{esc(answer.question)}</b>")
    blocks.append(esc(_text_without_note(answer)))
    if answer.note:
        blocks.append(f"<i>\u2139\ufe0f {esc(shorten(answer.note, 200))}</i>")
    if answer.found and answer.sources:
        blocks.append(sources_html(answer.sources))
    return "\n\n".join(blocks)


def render_answer(
    answer: Answer, *, echo_question: bool = False, limit: int = TELEGRAM_LIMIT
) -> list[str]:
    """An answer as one or more Telegram-sized HTML messages."""
    return split_html(answer_html(answer, echo_question=echo_question), limit)


def articles_html(articles: Iterable[ArticleInfo], *, with_ids: bool = False) -> str:
    """Numbered article list with links (for /sumber), or with short ids (for /artikel)."""
    lines: list[str] = []
    for i, article in enumerate(articles, start=1):
        extra = " \u2014 ".join(esc(x) for x in (article.publisher, article.date) if x)
        extra = f" \u2014 {extra}" if extra else ""
        head = f"<code>{esc(article.doc_id)}</code>" if with_ids else f"{i}."
        lines.append(f"{head} {_link(article.title, article.url)}{extra}")
    return "\n".join(lines)


# -- plain text (console) --------------------------------------------------------------------
def answer_plain(answer: Answer) -> str:
    """One answer as plain text for the console chat: same content, no markup."""
    blocks = [_text_without_note(answer)]
    if answer.note:
        blocks.append(f"({answer.note})")
    if answer.found and answer.sources:
        lines = ["Sumber:"]
        for numbers, source in _grouped_sources(answer.sources):
            refs = "".join(f"[{n}]" for n in numbers)
            publisher = f" \u2014 {source.publisher}" if source.publisher else ""
            url = f" <{source.url}>" if safe_url(source.url) else ""
            lines.append(f"  {refs} {shorten(source.title)}{publisher}{url}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


# -- splitting -------------------------------------------------------------------------------
def tg_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units: an emoji can count twice)."""
    return len(text.encode("utf-16-le")) // 2


def _pieces(markup: str) -> list[str]:
    """Tags and entities whole; text cut into sentences."""
    out: list[str] = []
    for token in _TOKEN.split(markup):
        if not token:
            continue
        if _TOKEN.fullmatch(token):
            out.append(token)
        else:
            out.extend(s for s in _SENTENCE.findall(token) if s)
    return out


def _smaller(piece: str, room: int) -> list[str]:
    """A text piece too long for an empty message: words, and as a last resort characters."""
    out: list[str] = []
    for word in _WORD.findall(piece):
        while tg_len(word) > room:
            out.append(word[: room // 2])  # UTF-16 safe: a character is at most two units
            word = word[room // 2 :]
        out.append(word)
    return out


def _units(markup: str) -> list[list[str]]:
    """Pieces grouped into sentences: a sentence with its tags and entities is cut as a whole."""
    units: list[list[str]] = []
    current: list[str] = []
    for piece in _pieces(markup):
        if piece.startswith("</") and not current and units:
            units[-1].append(piece)  # "…kalimat.</b>": the closing tag belongs to the sentence
            continue
        current.append(piece)
        if not _TOKEN.fullmatch(piece) and _SENTENCE_END.search(piece):
            units.append(current)
            current = []
    if current:
        units.append(current)
    return units


def _after(stack: list[tuple[str, str]], piece: str) -> list[tuple[str, str]]:
    """The open-tag stack after `piece`."""
    tag = _TAG_NAME.match(piece) if piece.startswith("<") else None
    if tag is None:
        return stack
    stack = list(stack)
    if tag.group(1) == "/":
        name = tag.group(2).lower()
        while stack and stack.pop()[0] != name:
            pass
    else:
        stack.append((tag.group(2).lower(), piece))
    return stack


def _closing(stack: list[tuple[str, str]]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _has_text(markup: str) -> bool:
    return bool(_TAG.sub("", markup).strip())  # entities count as text


def _without_huge_tags(markup: str, limit: int) -> str:
    """Drop every tag longer than a quarter message (e.g. a link with a 4,000-character URL)
    together with its closing tag, keeping the text between: a reply always goes out."""
    if not any(tg_len(t) > limit // 4 for t in _TAG.findall(markup)):
        return markup
    out: list[str] = []
    open_tags: list[tuple[str, bool]] = []  # (name, dropped)
    for token in _TOKEN.split(markup):
        tag = _TAG_NAME.match(token) if _TAG.fullmatch(token) else None
        if tag is None:
            out.append(token)
            continue
        name = tag.group(2).lower()
        if tag.group(1) == "/":
            dropped = False
            for i in range(len(open_tags) - 1, -1, -1):
                if open_tags[i][0] == name:
                    dropped = open_tags.pop(i)[1]
                    break
            if not dropped:
                out.append(token)
            continue
        huge = tg_len(token) > limit // 4
        open_tags.append((name, huge))
        if not huge:
            out.append(token)
    return "".join(out)


def split_html(markup: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split HTML into messages of at most `limit` characters, each with balanced tags.

    Cuts between sentences when it can, else between words, else between characters; never
    inside a tag or an entity. Tags open at a cut are closed, and reopened in the next message.
    Never raises: a tag too long for any message is dropped with its closing tag.
    """
    markup = _without_huge_tags(markup, limit)
    if tg_len(markup) <= limit:
        return [markup.strip()] if markup.strip() else []
    parts: list[str] = []
    stack: list[tuple[str, str]] = []  # (name, opening tag as written)
    current = ""
    queue = _units(markup)
    while queue:
        unit = queue.pop(0)
        after = stack
        for piece in unit:
            after = _after(after, piece)
        chunk = "".join(unit)
        if tg_len(current + chunk + _closing(after)) <= limit:
            current, stack = current + chunk, after
        elif _has_text(current) and not unit[0].startswith("</"):
            text = (current.rstrip() + _closing(stack)).strip()
            parts.append(text)
            current = "".join(tag for _, tag in stack)
            queue.insert(0, unit)
        elif len(unit) > 1:
            queue[:0] = [[piece] for piece in unit]
        elif unit[0].startswith("</"):  # a closing tag always fits after its content
            current, stack = current + chunk, after
        elif unit[0].startswith("<"):  # cannot happen after _without_huge_tags; never raise
            continue
        else:
            room = max(limit - tg_len(current) - tg_len(_closing(stack)), 2)
            queue[:0] = [[word] for word in _smaller(unit[0], room)]
    text = (current.rstrip() + _closing(stack)).strip()
    if _has_text(text):
        parts.append(text)
    return parts
