"""Turn the bytes of one article file into text plus metadata, or a one-line reason why not.

Why a separate step from cleaning: every way a file can be unusable (too big, binary, not
UTF-8, broken front matter, HTML without an article) is decided here, from the bytes, with a
reason an admin can act on. Cleaning then only ever sees decoded text.

Formats:
- `.md`: optional YAML front matter (`title`, `publisher`, `url`, `date`), then the article;
  without a front-matter title, an opening "# heading" is the title.
- `.txt`: plain text; the first line is the title when it looks like a headline.
- `.html` / `.htm`: the article and its metadata extracted by trafilatura.
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

MARKDOWN = (".md", ".markdown")
TEXT = (".txt",)
HTML = (".html", ".htm")
SUPPORTED = MARKDOWN + TEXT + HTML

_FRONT_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_META_KEYS = ("title", "publisher", "url", "date")


class BadInput(ValueError):
    """A file that cannot be ingested; `reason` is one line of Indonesian for the admin."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Loaded:
    """Decoded article text and whatever metadata the file itself carried."""

    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    date: str | None = None


def unsupported(suffix: str) -> str:
    """The rejection reason for a file extension we do not read."""
    return f"jenis file tidak didukung ({suffix or 'tanpa ekstensi'}); pakai .md, .txt atau .html"


def format_size(size: int) -> str:
    """A byte count the Indonesian way: 3100000 -> "3,1 MB", 68000 -> "68 KB"."""
    if size >= 1_000_000:
        value = f"{size / 1_000_000:.1f}".removesuffix(".0")
        return value.replace(".", ",") + " MB"
    return f"{max(1, round(size / 1000))} KB"


def check_size(size: int, max_bytes: int) -> None:
    """Reject files over the configured size limit."""
    if size > max_bytes:
        raise BadInput(f"terlalu besar ({format_size(size)}; batas {format_size(max_bytes)})")


def _looks_binary(text: str) -> bool:
    control = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    return control > max(2, len(text[:4096]) // 100)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is rejected."""
    if not data.strip():
        raise BadInput("file kosong")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BadInput("bukan teks UTF-16 yang sah meski diawali BOM UTF-16") from exc
    else:
        if b"\x00" in data:
            raise BadInput("bukan file teks (biner)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            control = sum(1 for b in data[:4096] if b < 32 and b not in b"\n\r\t\f")
            if control > max(2, len(data[:4096]) // 100):
                raise BadInput("bukan file teks (biner)") from exc
            raise BadInput(
                "bukan teks UTF-8 (simpan ulang file sebagai UTF-8)"
            ) from exc
    if _looks_binary(text):
        raise BadInput("bukan file teks (biner)")
    if not text.strip():
        raise BadInput("file kosong")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _meta_value(key: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        raise BadInput(f"front matter: nilai '{key}' harus berupa teks")
    text = str(value).strip()
    return text or None


def split_front_matter(text: str) -> tuple[dict[str, str | None], str]:
    """Split optional YAML front matter from a Markdown text."""
    opening = _FRONT_OPEN.match(text)
    if not opening:
        return {}, text
    closing = _FRONT_CLOSE.search(text, opening.end())
    if not closing:
        raise BadInput("front matter YAML rusak: baris penutup '---' tidak ada")
    raw = text[opening.end() : closing.start()]
    body = text[closing.end() :].lstrip("\n")
    from frontmatter.default_handlers import YAMLHandler
    from yaml import YAMLError

    try:
        parsed = YAMLHandler().load(raw) if raw.strip() else {}
    except YAMLError as exc:
        problem = str(getattr(exc, "problem", "") or "").strip()
        mark = getattr(exc, "problem_mark", None)
        where = f" (baris {mark.line + 2})" if mark is not None else ""
        raise BadInput(f"front matter YAML rusak: {problem or 'sintaks salah'}{where}") from exc
    except ValueError as exc:  # PyYAML builds dates itself: "date: 2023-02-30" is a ValueError
        raise BadInput(f"front matter YAML rusak: nilai tidak valid ({exc})") from exc
    if parsed is None:
        parsed = {}
    if not isinstance(parsed, dict):
        raise BadInput("front matter YAML rusak: isinya harus pasangan 'kunci: nilai'")
    meta = {key: _meta_value(key, parsed.get(key)) for key in _META_KEYS}
    return meta, body


_HEADLINE_END = re.compile(r"[.,;:!…]$")


def looks_like_headline(line: str) -> bool:
    """A short line without sentence-final punctuation: how scraped titles look."""
    line = line.strip()
    if not 10 <= len(line) <= 160 or not 2 <= len(line.split()) <= 25:
        return False
    if _HEADLINE_END.search(line) or line.startswith(("-", "•", "*", "http://", "https://")):
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"


_MD_HEADING = re.compile(r"#{1,2}[ \t]+(\S.*?)[ \t#]*")


def load_markdown(text: str) -> Loaded:
    """Markdown with optional front matter; without a title there, an opening heading
    ("# Judul") is the title, as an admin who writes one means it."""
    meta, body = split_front_matter(text)
    if meta.get("title") is None:
        first, _sep, rest = body.lstrip("\n").partition("\n")
        heading = _MD_HEADING.fullmatch(first.strip())
        if heading and rest.strip():
            meta["title"] = _meta_value("title", heading.group(1))
            body = rest
    return Loaded(text=body, **meta)


def load_text(text: str) -> Loaded:
    """Plain text; a headline-like first line becomes the title."""
    lines = text.lstrip("\n").split("\n")
    first = lines[0].strip() if lines else ""
    rest = "\n".join(lines[1:])
    if looks_like_headline(first) and rest.strip():
        return Loaded(text=rest, title=first)
    return Loaded(text=text)


def load_html(data: bytes, text: str | None, *, timeout_s: float | None = None) -> Loaded:
    """The article text and metadata of an HTML page, via trafilatura (in a bounded child)."""
    from ingest.extract import EXTRACT_TIMEOUT_S, extract

    doc = extract(text if text is not None else data, timeout_s=timeout_s or EXTRACT_TIMEOUT_S)
    body = str(doc.get("text") or "").strip()
    if len(body) < 40:
        raise BadInput("HTML tanpa teks artikel")
    return Loaded(
        text=body,
        title=_meta_value("title", doc.get("title")),
        url=_meta_value("url", doc.get("url")),
        publisher=_meta_value("publisher", doc.get("sitename")),
        date=_meta_value("date", doc.get("date")),
    )


def load(
    data: bytes, *, suffix: str, max_bytes: int, timeout_s: float | None = None
) -> Loaded:
    """Validate and parse one file's bytes according to its extension."""
    suffix = suffix.lower()
    if suffix not in SUPPORTED:
        raise BadInput(unsupported(suffix))
    check_size(len(data), max_bytes)
    if suffix in HTML:
        from ingest.extract import inflate

        data = inflate(data, max_bytes)  # never let trafilatura inflate a bomb itself
        if not data.strip():
            raise BadInput("file kosong")
        if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise BadInput("bukan file teks (biner)")
        try:
            text: str | None = decode(data)
        except BadInput as exc:
            if exc.reason.startswith("bukan teks UTF"):
                text = None  # a legacy charset: trafilatura reads the page's <meta charset>
            else:
                raise
        return load_html(data, text, timeout_s=timeout_s)
    text = decode(data)
    if suffix in MARKDOWN:
        return load_markdown(text)
    return load_text(text)
