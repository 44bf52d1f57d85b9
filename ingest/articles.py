"""One article file -> a validated, cleaned `Article` with its chunks, without touching the store.

Why separate from the pipeline: the same preparation serves `tanyakerja ingest` (files on disk)
and admin uploads (bytes from Telegram), so both reject exactly the same bad input with the same
reasons. Identity is content-based:
- `doc_hash` = sha256 of the raw bytes: has this file changed since it was indexed?
- `doc_id` = sha256 of the cleaned, normalised body: is this the same article as another file?
  Its first 8 hex digits are the short id admins see.
Chunk ids are `doc_hash[:16]-NNNN`, so re-writing the same file is idempotent.
Each chunk's `tokens` are `terms(chunk.text)` (the stored text, without the title), so the lexical
index can always be rebuilt from the stored documents alone. The vector, by contrast, is computed
from "title\\ntext" (see `embedding_text`): the title gives e5 the article's topic.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ingest.chunking import chunk_text
from ingest.cleaning import clean
from ingest.loaders import BadInput, Loaded, load, looks_like_headline
from knowledge.text import normalize, terms
from knowledge.types import Chunk

MAX_TITLE_CHARS = 200
MAX_META_CHARS = 120
MAX_URL_CHARS = 2000
_NAME_NOISE = re.compile(r"^(?:\d+|[0-9a-f]{8,})$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article ready to be embedded and stored."""

    path: str
    title: str
    body: str
    doc_hash: str
    doc_id: str
    chunks: tuple[Chunk, ...]
    url: str | None = None
    publisher: str | None = None
    date: str | None = None

    @property
    def short_id(self) -> str:
        """The 8-hex id admins see and type."""
        return self.doc_id[:8]


def display_path(path: Path, root: Path | None = None) -> str:
    """The path as users see it and the index stores it: "corpus/a.md".

    Relative to the corpus folder's parent (so the stored path does not depend on the directory
    the bot was started from), else to the working directory, else absolute.
    """
    absolute = path.absolute()
    for base in ([root.absolute().parent] if root is not None else []) + [Path.cwd().absolute()]:
        try:
            return absolute.relative_to(base).as_posix()
        except ValueError:
            continue
    return absolute.as_posix()


def title_from_name(name: str) -> str | None:
    """A readable title from a file name like "012-gaji-pelatih-ai.md", or None."""
    words = [w for w in re.split(r"[-_\s.]+", Path(name).stem) if w and not _NAME_NOISE.match(w)]
    if not words:
        return None
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _first_sentence_title(body: str) -> str:
    first = body.split("\n", 1)[0]
    if len(first) <= 100:
        return first.rstrip(".")
    cut = first[:100].rsplit(" ", 1)[0]
    return cut + "…"


def slugify(text: str, max_len: int = 60) -> str:
    """ASCII, lowercase, dash-separated; never empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:max_len].rstrip("-")
    return slug or "artikel"


def safe_filename(title: str, doc_hash: str, suffix: str) -> str:
    """A generated file name for an upload: slug of the title + short hash + extension."""
    return f"{slugify(title)}-{doc_hash[:8]}{suffix.lower()}"


def embedding_text(chunk: Chunk) -> str:
    """What the embedder sees for a chunk: its article title, then its text."""
    return f"{chunk.title}\n{chunk.text}"


def body_id(body: str) -> str:
    """sha256 of the normalised body (whitespace and quotes folded, case kept)."""
    canonical = "\n".join(normalize(line) for line in body.split("\n") if line.strip())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def build_chunks(
    *, body: str, title: str, path: str, doc_hash: str, doc_id: str,
    url: str | None, publisher: str | None, date: str | None,
) -> tuple[Chunk, ...]:
    """Chunk a cleaned body and wrap each piece with the article's metadata."""
    texts = chunk_text(body)
    return tuple(
        Chunk(
            id=f"{doc_hash[:16]}-{position:04d}",
            text=text,
            doc_id=doc_id,
            doc_hash=doc_hash,
            path=path,
            title=title,
            position=position,
            n_chunks=len(texts),
            url=url,
            publisher=publisher,
            date=date,
            tokens=" ".join(terms(text)),
        )
        for position, text in enumerate(texts)
    )


def cap(text: str | None, limit: int) -> str | None:
    """`text` on one line, cut to `limit` characters on a word boundary with an ellipsis."""
    if text is None:
        return None
    text = " ".join(text.split())
    if len(text) <= limit:
        return text or None
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,.;:") + "\u2026"


def checked_url(url: str | None) -> str | None:
    """An article's link: None, or an http(s) URL of sane length; anything else is BadInput."""
    if url is None:
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise BadInput("url artikel harus diawali http:// atau https://")
    if len(url) > MAX_URL_CHARS or any(ch.isspace() for ch in url):
        raise BadInput(f"url artikel tidak sah (berspasi atau lebih dari {MAX_URL_CHARS} karakter)")
    return url


def prepare(
    data: bytes, *, name: str, path: str, max_bytes: int, timeout_s: float | None = None
) -> Article:
    """Validate, load, clean and chunk one file's bytes; raises BadInput with the reason."""
    loaded: Loaded = load(data, suffix=Path(name).suffix, max_bytes=max_bytes, timeout_s=timeout_s)
    title = cap(loaded.title, MAX_TITLE_CHARS)
    cleaned = clean(loaded.text, title=title)
    body = cleaned.text
    if not title:  # .md without a title, or .txt whose first line is not a headline
        first, _, rest = body.partition("\n")
        if looks_like_headline(first) and rest.strip():
            title, body = first, rest
    if not body.strip():
        raise BadInput("tidak ada teks artikel (kosong setelah dibersihkan)")
    # Every metadata field is capped: it is prepended to each chunk's embedding text and shown
    # in chat replies, where Telegram refuses messages over 4,096 characters.
    title = cap(normalize(title or title_from_name(name) or _first_sentence_title(body)),
                MAX_TITLE_CHARS) or "Artikel"
    doc_hash = hashlib.sha256(data).hexdigest()
    doc_id = body_id(body)
    url = checked_url(loaded.url) or _usable_url(cleaned.url)
    publisher, date = cap(loaded.publisher, MAX_META_CHARS), cap(loaded.date, MAX_META_CHARS)
    chunks = build_chunks(
        body=body, title=title, path=path, doc_hash=doc_hash, doc_id=doc_id,
        url=url, publisher=publisher, date=date,
    )
    if not chunks:
        raise BadInput("tidak ada teks artikel (kosong setelah dibersihkan)")
    return Article(
        path=path, title=title, body=body, doc_hash=doc_hash, doc_id=doc_id, chunks=chunks,
        url=url, publisher=publisher, date=date,
    )


def _usable_url(url: str | None) -> str | None:
    """A link found in the text itself is a hint, not a claim: dropped when it is not sane."""
    try:
        return checked_url(url)
    except BadInput:
        return None
