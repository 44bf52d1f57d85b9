"""Feeds: how long until a new feed entry can be asked about, and what a feed run costs the
workers who are asking questions meanwhile.

Two figures, on the seed index plus a loopback news site (`tests/support/news_site.py`, real
HTTP on 127.0.0.1) whose feed gains 20 relevant articles:
- entry -> answerable: the 20 entries appear, one feed run fetches, extracts, saves and indexes
  them, the lexical index is refreshed, and a question about the last entry is answered. The
  run keeps the product's pacing (one request per second per site), so with every entry on one
  site most of this time is deliberate waiting, which is also reported separately.
- answer latency p95 while a second feed run (20 more entries) indexes in a background thread,
  against the same questions asked idle; the ratio is printed (target: at most 2x).

Run alone: `.venv/bin/python -m bench.feeds [--entries N]`.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import SEED_QUESTIONS, Workspace, build_index, percentile, seed_workspace
from knowledge.embedders import E5Embedder


@dataclass(frozen=True)
class FeedFigures:
    """What one measurement found."""

    entries: int
    to_answerable_s: float
    run_s: float
    pacing_s: float
    idle_p95_ms: float
    busy_p95_ms: float
    busy_samples: int

    @property
    def ratio(self) -> float:
        """Busy p95 over idle p95."""
        return self.busy_p95_ms / self.idle_p95_ms if self.idle_p95_ms else float("inf")


CITIES = ("Medan", "Padang", "Kupang", "Ambon", "Palu", "Jambi", "Sorong", "Kendari")


def _pages(prefix: str, count: int) -> list[object]:
    from tests.support.news_pages import LABELERS, grown

    return [
        grown(LABELERS, f"{prefix}-{i}", f"Pelabel Data {CITIES[i % 8]} {prefix.title()} {i}",
              f"Pelabel data nomor {i} di {CITIES[i % 8]} ({prefix}) dibayar Rp {3000 + i * 7} "
              "per gambar oleh platform kecerdasan buatan sejak bulan lalu.")
        for i in range(count)
    ]


def _asks(service: object, questions: list[str], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for question in questions:
            started = time.perf_counter()
            service.ask(question)  # type: ignore[attr-defined]
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def measure(ws: Workspace, *, entries: int = 20) -> FeedFigures:
    """Both figures on workspace `ws` (its index is extended by 2 x `entries` articles)."""
    from ingest.feeds import FeedBook, FeedChecker, load_keywords
    from ingest.fetch import Fetcher
    from ingest.links import LinkAdder
    from ingest.pipeline import Ingester
    from knowledge.service import KnowledgeService
    from tests.support.news_site import NewsSite

    site = NewsSite().start()
    embedder = E5Embedder()
    try:
        with ws.inside():
            settings = ws.settings(fetch_allow_private=True)
            service = KnowledgeService.from_settings(settings, embedder=embedder)
            ingester = Ingester(settings=settings, store=service.store, embedder=embedder,
                                batch_size=4)
            fetcher = Fetcher(max_bytes=settings.max_file_bytes, allow_private=True)
            checker = FeedChecker(
                book=FeedBook(settings.data_dir, (f"{site.base}/feed.xml",)),
                adder=LinkAdder(ingester=ingester, fetcher=fetcher), fetcher=fetcher,
                keywords=load_keywords(),
            )
            questions = list(SEED_QUESTIONS)
            _asks(service, questions, 1)  # warm-up
            idle = _asks(service, questions, 5)

            pages = _pages("baru", entries)
            appeared = time.perf_counter()
            for page in pages:
                site.publish(page, in_feed=True)  # type: ignore[arg-type]
            run = checker.check()
            ran = time.perf_counter() - appeared
            service.refresh()
            answer = service.ask(f"Berapa bayaran pelabel data nomor {entries - 1} "
                                 f"di {CITIES[(entries - 1) % 8]} per gambar?")
            answerable = time.perf_counter() - appeared
            if len(run.added) != entries or not answer.found:
                logging.warning("feed run added %d of %d; last entry answered: %s",
                                len(run.added), entries, answer.found)

            for page in _pages("lagi", entries):
                site.publish(page, in_feed=True)  # type: ignore[arg-type]
            background = threading.Thread(target=checker.check, daemon=True)
            background.start()
            busy: list[float] = []
            while background.is_alive():
                busy += _asks(service, questions, 1)
            background.join()
            service.refresh()  # as the bot does after a run; then idle again (load drifts)
            _asks(service, questions, 1)
            idle += _asks(service, questions, 5)
    finally:
        site.stop()
    return FeedFigures(
        entries=entries, to_answerable_s=answerable, run_s=ran,
        pacing_s=float(entries),  # one request per second to the one site, after the feed
        idle_p95_ms=percentile(idle, 95), busy_p95_ms=percentile(busy, 95),
        busy_samples=len(busy),
    )


def main(argv: list[str] | None = None) -> int:
    """Seed index plus a growing feed; prints both figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.feeds")
    parser.add_argument("--entries", type=int, default=20)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    for noisy in ("chromadb", "httpx", "bm25s", "aiohttp", "trafilatura", "htmldate"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    from bench.cache import CachingEmbedder

    with tempfile.TemporaryDirectory(prefix="tk-bench-") as tmp:
        ws = seed_workspace(Path(tmp) / "seed")
        embedder = CachingEmbedder(E5Embedder())
        build_index(ws, embedder)
        embedder.save()
        f = measure(ws, entries=args.entries)
    from bench.__main__ import machine

    print(f"machine: {machine()}")
    print(f"feed entry -> answerable ({f.entries} new entries, one run): "
          f"{f.to_answerable_s:.1f} s (feed run {f.run_s:.1f} s, of which about "
          f"{f.pacing_s:.0f} s is the 1 request/s/site pacing)")
    print(f"answer p95 idle {f.idle_p95_ms:.0f} ms, during a feed run {f.busy_p95_ms:.0f} ms "
          f"(n={f.busy_samples}); ratio {f.ratio:.2f} (target <= 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
