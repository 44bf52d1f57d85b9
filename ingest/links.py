"""Add an article from a link: fetch the page, extract it, save it as Markdown, index it.

Why Markdown with front matter in the corpus folder: the folder stays the one source of truth.
A page added by link is afterwards an ordinary file an admin can read, fix, or delete, and a full
reindex rebuilds it from the file without the network. The file goes through the same
`Ingester.save_and_index` as an upload, so duplicates and rollbacks follow one rule: the same
canonical URL with new text replaces the old version, the same text from anywhere is a duplicate.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

from ingest.cleaning import clean
from ingest.extract import EXTRACT_TIMEOUT_S, extract, inflate
from ingest.fetch import Fetcher, FetchError, check_url
from ingest.loaders import BadInput
from ingest.pipeline import AddResult, UploadRejected

if TYPE_CHECKING:
    from ingest.pipeline import Ingester

logger = logging.getLogger(__name__)

MIN_ARTICLE_CHARS = 400  # less text than this after extraction is a menu, a teaser or a wall
_LOGIN_HINTS = ('type="password"', "type='password'", "type=password")


class LinkFailed(ValueError):
    """A link that did not become an article; `reason` is one line of Indonesian."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(reason)
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class LinkResult:
    """A link that became (or replaced) an article."""

    url: str
    article: AddResult


def canonical(url: str | None) -> str | None:
    """A URL normalised for comparison (scheme/host case, default port, fragment, trackers)."""
    if not url:
        return None
    from courlan import normalize_url

    try:
        return str(normalize_url(url.strip(), strict=True)).split("#", 1)[0]
    except (ValueError, TypeError):
        return url.strip().split("#", 1)[0]


def to_markdown(doc: dict[str, str | None], url: str) -> bytes:
    """The article as a Markdown file with YAML front matter (what an admin would write)."""
    meta = {
        "title": doc.get("title"),
        "publisher": doc.get("sitename") or doc.get("hostname"),
        "url": url,
        "date": doc.get("date"),
        "author": doc.get("author"),
    }
    front = yaml.safe_dump(
        {k: v for k, v in meta.items() if v}, allow_unicode=True, sort_keys=False, width=10_000
    )
    # Cleaned before saving, so the file an admin opens is the text the bot answers from.
    body = clean(doc.get("text") or "", title=doc.get("title")).text.strip()
    return f"---\n{front}---\n{body}\n".encode()


class LinkAdder:
    """Turns links into corpus articles through one Fetcher and the Ingester."""

    def __init__(
        self, *, ingester: Ingester, fetcher: Fetcher, timeout_s: float = EXTRACT_TIMEOUT_S
    ) -> None:
        self.ingester = ingester
        self.fetcher = fetcher
        self.timeout_s = timeout_s

    def add(self, url: str) -> LinkResult:
        """Fetch, extract, save and index one link; LinkFailed (or IngestBusy) otherwise."""
        shown = url.strip()[:200]
        try:
            url = check_url(url)
            page = self.fetcher.get(url, kind="page")
            html = inflate(page.body, self.ingester.settings.max_file_bytes)
            doc = extract(html, url=page.url, timeout_s=self.timeout_s)
        except (FetchError, BadInput) as exc:
            raise LinkFailed(shown, exc.reason) from exc
        text = (doc.get("text") or "").strip()
        if len(text) < MIN_ARTICLE_CHARS:
            lowered = html[:200_000].decode("utf-8", "replace").lower()
            if any(hint in lowered for hint in _LOGIN_HINTS):
                raise LinkFailed(shown, "halaman meminta login; artikelnya tidak bisa dibaca")
            raise LinkFailed(shown, "bukan halaman artikel (teksnya terlalu sedikit)")
        # The page's own canonical link names the article; the fetched address is the fallback.
        link = _sane(doc.get("url")) or page.url
        wanted = {canonical(link), canonical(page.url), canonical(url)} - {None}
        try:
            article = self.ingester.save_and_index(
                to_markdown(doc, link), suffix=".md",
                same_url=lambda stored: canonical(stored) in wanted,
            )
        except UploadRejected as exc:
            raise LinkFailed(shown, exc.reason) from exc
        logger.info("link added as %s (%s)", article.path, "updated" if article.updated else "new")
        return LinkResult(url=link, article=article)


def _sane(url: str | None) -> str | None:
    try:
        return check_url(url) if url else None
    except FetchError:
        return None
