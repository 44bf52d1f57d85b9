"""`tanyakerja add URL…` and `tanyakerja feeds check`: links and feeds from the command line.

Why here: the CLI module only parses arguments; the work is the same objects the bot uses
(Fetcher, LinkAdder, FeedChecker over the one Ingester), so both paths save and index alike.
Output: one line per link or entry on stdout, in Indonesian, then a summary; exit code 1 when
anything failed, so scripts and cron can tell.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ingest.feeds import FeedBook, FeedChecker, load_keywords
from ingest.fetch import Fetcher
from ingest.links import LinkAdder, LinkFailed
from ingest.pipeline import IngestBusy, Ingester

if TYPE_CHECKING:
    from knowledge.settings import Settings


def _adder(settings: Settings) -> tuple[LinkAdder, Fetcher]:
    from knowledge.service import KnowledgeService

    service = KnowledgeService.from_settings(settings)
    ingester = Ingester(settings=settings, store=service.store, embedder=service.embedder)
    fetcher = Fetcher(max_bytes=settings.max_file_bytes, allow_private=settings.fetch_allow_private)
    return LinkAdder(ingester=ingester, fetcher=fetcher), fetcher


def add_urls(settings: Settings, urls: Sequence[str]) -> int:
    """Add each link as an article; prints one line per link."""
    adder, fetcher = _adder(settings)
    failed = 0
    try:
        for url in urls:
            try:
                result = adder.add(url)
            except LinkFailed as exc:
                failed += 1
                print(f"! gagal: {exc.url} — {exc.reason}")
                continue
            except IngestBusy as exc:
                print(str(exc), file=sys.stderr)
                return 1
            a = result.article
            verb = "diperbarui" if a.updated else "ditambahkan"
            extra = ", ".join(x for x in (a.publisher, a.date) if x)
            print(f"+ {verb}: {a.title}{f' ({extra})' if extra else ''} — {a.passages} bagian "
                  f"teks, id {a.doc_id}, {a.path}")
    finally:
        fetcher.close()
    return 1 if failed else 0


def check_feeds(settings: Settings, *, progress: bool) -> int:
    """One pass over the feeds (FEEDS plus those added in Telegram) with a progress bar."""
    from tqdm import tqdm

    adder, fetcher = _adder(settings)
    book = FeedBook(settings.data_dir, settings.feeds)
    if not book.feeds:
        print("Belum ada feed: isi FEEDS di .env, atau /feed tambah URL di Telegram.")
        return 0
    checker = FeedChecker(
        book=book, adder=adder, fetcher=fetcher, keywords=load_keywords(settings.feed_keywords)
    )
    bar = tqdm(total=len(book.feeds), disable=not progress, file=sys.stderr,
               desc="Memeriksa feed", unit="feed")
    try:
        run = checker.check(on_feed_done=lambda _state: bar.update(1))
    except IngestBusy as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        bar.close()
        fetcher.close()
    for line in run.summary_lines():
        print(line)
    return 1 if run.failed or run.feed_errors else 0
