"""News feeds that bring new relevant articles in by themselves.

Why it works this way:
- The feed list and what each feed has already shown live in one small JSON file in DATA_DIR
  (`feeds.json`), written atomically after every entry, so a restart (or a `kill -9` in the
  middle of a run) forgets nothing and never adds an entry twice. FEEDS in .env seeds the list;
  a feed an admin removed stays removed even while it is still in FEEDS.
- Conditional requests (ETag / Last-Modified) make an unchanged feed cost one 304.
- Only entries about work and AI are fetched: a word list (`knowledge/data/feed_keywords.txt`,
  or FEED_KEYWORDS) is matched against the entry's title and summary.
- Each entry goes through `LinkAdder`, i.e. "save the file, then the normal incremental path".
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ingest.fetch import Fetcher, FetchError, check_url
from ingest.links import LinkAdder, LinkFailed, LinkResult, canonical
from ingest.pipeline import IngestBusy

logger = logging.getLogger(__name__)

STATE_FILE = "feeds.json"
_TRANSIENT = ("coba lagi", "tepat waktu", "tidak bisa dihubungi", "tidak ditemukan nama")
_SEEN_MAX = 2000  # entry ids remembered per feed (feeds show their last 10–100 entries)


def load_keywords(override: Sequence[str] | None = None) -> list[str]:
    """FEED_KEYWORDS when set, else the bundled list (one keyword per line, # comments)."""
    if override:
        return [k.strip().lower() for k in override if k.strip()]
    text = resources.files("knowledge.data").joinpath("feed_keywords.txt").read_text("utf-8")
    return [line.strip().lower() for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def keyword_matcher(keywords: Sequence[str]) -> Callable[[str], bool]:
    """A test "does this text mention any keyword" on word boundaries ("ai" is not "pakai")."""
    if not keywords:
        return lambda _text: True
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(keywords, key=len, reverse=True))
        + r")(?!\w)", re.IGNORECASE,
    )
    return lambda text: bool(pattern.search(text))


def json_feed_entries(body: bytes) -> list[dict[str, str]] | None:
    """Entries of a JSON Feed (jsonfeed.org), which feedparser 6.0 does not read; None when
    `body` is not one."""
    if not body.lstrip().startswith(b"{"):
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict) or "jsonfeed.org" not in str(data.get("version", "")):
        return None
    entries = []
    for item in data.get("items") or []:
        if isinstance(item, dict) and (item.get("url") or item.get("external_url")):
            entries.append({
                "link": str(item.get("url") or item.get("external_url")),
                "id": str(item.get("id") or ""),
                "title": str(item.get("title") or ""),
                "summary": str(item.get("summary") or item.get("content_text") or "")[:2000],
            })
    return entries


@dataclass
class FeedState:
    """One feed: its URL, what the last check said, and the entries already handled."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_checked: str | None = None
    last_error: str | None = None
    added: int = 0
    seen: list[str] = field(default_factory=list)


@dataclass
class FeedRun:
    """What one pass over the feeds did."""

    added: list[LinkResult] = field(default_factory=list)
    skipped_known: int = 0
    skipped_irrelevant: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    feed_errors: list[tuple[str, str]] = field(default_factory=list)

    def summary_lines(self) -> list[str]:
        """Counts, then every added article and every failure, in Indonesian."""
        lines = [
            f"Feed selesai diperiksa: {len(self.added)} artikel baru, {self.skipped_known} sudah "
            f"dikenal, {self.skipped_irrelevant} tidak relevan, {len(self.failed)} gagal."
        ]
        lines += [f"+ {r.article.title} (id {r.article.doc_id})" for r in self.added]
        lines += [f"! {url[:120]} — {reason}" for url, reason in self.failed]
        lines += [f"! feed {url[:120]} — {reason}" for url, reason in self.feed_errors]
        return lines


class FeedBook:
    """The persistent feed list (DATA_DIR/feeds.json); thread-safe, saved atomically."""

    def __init__(self, data_dir: Path, seeds: Sequence[str] = ()) -> None:
        self.path = data_dir / STATE_FILE
        self._lock = threading.Lock()
        self.feeds: list[FeedState] = []
        self.removed: list[str] = []
        self._load()
        known = {f.url for f in self.feeds} | set(self.removed)
        new = [url for url in seeds if url not in known]
        if new:
            self.feeds += [FeedState(url=url) for url in dict.fromkeys(new)]
            self.save()

    def _load(self) -> None:
        try:
            raw: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            logger.warning("feed state %s unreadable; starting from FEEDS", self.path)
            return
        fields = set(FeedState.__dataclass_fields__)
        self.feeds = [FeedState(**{k: v for k, v in f.items() if k in fields})
                      for f in raw.get("feeds", []) if isinstance(f, dict) and f.get("url")]
        self.removed = [str(u) for u in raw.get("removed", [])]

    def save(self) -> None:
        """Write the state atomically (a crash leaves the old file or the new one)."""
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            data = {"feeds": [asdict(f) for f in self.feeds], "removed": self.removed}
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)

    def add(self, url: str) -> FeedState:
        """Add a feed (FetchError for a bad URL, ValueError when it is already listed)."""
        url = check_url(url)
        if any(f.url == url for f in self.feeds):
            raise ValueError("feed ini sudah ada di daftar")
        state = FeedState(url=url)
        self.feeds.append(state)
        self.removed = [u for u in self.removed if u != url]
        self.save()
        return state

    def remove(self, number: int) -> FeedState | None:
        """Remove the feed shown as `number` (1-based) in the list; None when there is none."""
        if not 1 <= number <= len(self.feeds):
            return None
        state = self.feeds.pop(number - 1)
        self.removed.append(state.url)
        self.save()
        return state


class FeedChecker:
    """One pass over every feed: fetch, parse, filter, add new relevant entries."""

    def __init__(
        self, *, book: FeedBook, adder: LinkAdder, fetcher: Fetcher, keywords: Sequence[str]
    ) -> None:
        self.book = book
        self.adder = adder
        self.fetcher = fetcher
        self.relevant = keyword_matcher(keywords)

    def entries_total(self) -> int:
        """A rough count for a progress bar: feeds to check."""
        return len(self.book.feeds)

    def check(self, on_feed_done: Callable[[FeedState], None] | None = None) -> FeedRun:
        """Check every feed once; IngestBusy when another ingest holds the lock."""
        run = FeedRun()
        for state in list(self.book.feeds):
            self._check_feed(state, run)
            if on_feed_done is not None:
                on_feed_done(state)
        return run

    def _check_feed(self, state: FeedState, run: FeedRun) -> None:
        import feedparser

        state.last_checked = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        try:
            got = self.fetcher.get(
                state.url, kind="feed", etag=state.etag, last_modified=state.last_modified
            )
        except FetchError as exc:
            state.last_error = exc.reason
            run.feed_errors.append((state.url, exc.reason))
            self.book.save()
            return
        if got.not_modified:
            state.last_error = None
            self.book.save()
            return
        json_entries = json_feed_entries(got.body)
        if json_entries is not None:
            usable, broken = json_entries, False
        else:
            parsed = feedparser.parse(got.body)
            usable = [e for e in parsed.entries if e.get("link")]
            broken = bool(parsed.bozo and not usable) or not parsed.get("version")
        if broken:
            reason = "feed rusak atau bukan RSS/Atom/JSON Feed"
            state.last_error = reason
            run.feed_errors.append((state.url, reason))
            self.book.save()
            return
        state.last_error = None
        for entry in usable:
            self._entry(state, entry, run)
        # Validators only after every entry was handled: a killed run re-reads the feed.
        state.etag, state.last_modified = got.etag, got.last_modified
        self.book.save()

    def _entry(self, state: FeedState, entry: Any, run: FeedRun) -> None:
        link = str(entry.get("link") or "")
        key = canonical(link) or str(entry.get("id") or "")
        if not key:
            return
        if key in state.seen:
            run.skipped_known += 1
            return
        about = " ".join(str(entry.get(k) or "") for k in ("title", "summary"))
        if not self.relevant(about):
            run.skipped_irrelevant += 1
            self._seen(state, key)
            return
        try:
            result = self.adder.add(link)
        except IngestBusy:
            raise
        except LinkFailed as exc:
            if exc.reason.startswith(("sudah ada", "duplikat")):
                run.skipped_known += 1
            else:
                run.failed.append((link, exc.reason))
            if not any(hint in exc.reason for hint in _TRANSIENT):
                self._seen(state, key)  # a passing failure is retried by the next run
            return
        run.added.append(result)
        state.added += 1
        self._seen(state, key)

    def _seen(self, state: FeedState, key: str) -> None:
        state.seen = (state.seen + [key])[-_SEEN_MAX:]
        self.book.save()
