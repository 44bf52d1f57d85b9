"""Scale: one bot process at the seed corpus, 1,000, 3,000 and 10,000 articles, embedded and server.

Why per size and per mode in fresh processes: see `bench.scale_worker`. The big indexes come
from `bench.corpora` (built once with pooled passage vectors, then copied per run); the seed
index is built with real vectors. Server mode starts `chroma run` on the copied Chroma folder
(the server and the embedded client share the on-disk format) and points the worker at it with
CHROMA_HOST, so the same index is measured both ways; the server's own RSS is reported beside
the bot's.

Targets (issue "ten thousand articles"): at 10,000 articles query p95 ≤ 150 ms, RSS ≤ 500 MB,
a new article answerable ≤ 5 s after its ingest, cold start ≤ 30 s, answer p95 during a
background ingest ≤ 2x idle; seed: p95 ≤ 60 ms, RSS ≤ 250 MB.

Run alone: `.venv/bin/python -m bench.scale [--scale 10000] [--mode embedded|server|both]
[--busy 100]` (`--scale` may be repeated; `0` is the seed corpus). After the cache is filled,
`--scale 10000 --mode both` takes about 10-15 minutes on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import REPO, Figure, Workspace, build_index, seed_workspace, table

SIZES = (0, 1000, 3000, 10000)


def say(text: str) -> None:
    """Progress on stderr."""
    print(text, file=sys.stderr, flush=True)


def workspace(size: int, target: Path) -> Workspace:
    """A private copy of the built index for `size` articles (0: the seed corpus)."""
    if size == 0:
        from bench.cache import CachingEmbedder
        from knowledge.embedders import E5Embedder

        ws = seed_workspace(target)
        embedder = CachingEmbedder(E5Embedder())
        build_index(ws, embedder)
        embedder.save()
        return ws
    from bench.corpora import copy_of

    return copy_of(size, target)


def _server_rss_mb(pid: int) -> float:
    """RSS of the server process and its children (the `chroma` CLI may fork)."""
    from bench.scale_worker import _rss

    total = _rss(pid=pid)
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        for child in children.read_text().split():
            total += _rss(pid=child)
    return total


def measure(size: int, mode: str, *, busy: int, root: Path) -> dict[str, Any]:
    """Copy the index, (start a server,) run one worker, return its figures."""
    ws = workspace(size, root / f"{mode}-{size}")
    cmd = [sys.executable, "-m", "bench.scale_worker", str(ws.root), "--busy", str(busy)]
    env = {"PYTHONPATH": str(REPO)}
    server = None
    if mode == "server":
        from tests.support.chroma_server import ChromaServer

        server = ChromaServer(ws.root / "data" / "chroma")
        server.start(timeout=300)
        env["BENCH_CHROMA_PORT"] = str(server.port)
    import os

    try:
        done = subprocess.run(cmd, cwd=REPO, env={**os.environ, **env}, capture_output=True,
                              text=True, timeout=3600, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"worker failed ({size}, {mode}):\n{done.stderr[-3000:]}")
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        if server is not None and server._proc is not None:
            result["server_rss_mb"] = _server_rss_mb(server._proc.pid)
    finally:
        if server is not None:
            server.stop()
    result["size"], result["mode"] = size, mode
    return result


def label(size: int) -> str:
    """"seed" or "10,000 articles"."""
    return "seed" if size == 0 else f"{size:,} articles"


def figures(results: list[dict[str, Any]]) -> list[Figure]:
    """Rows of the table, with the issue's targets where it sets one."""
    rows: list[Figure] = []
    for r in results:
        name = f"{label(r['size'])}, {r['mode']}"
        seed, big = r["size"] == 0, r["size"] >= 10000
        rows += [
            Figure(f"query p50, {name}", r["p50_ms"], "ms",
                   note=f"CPU {r['cpu_p50_ms']:.0f} ms, load {r['load']:.1f}"),
            Figure(f"query p95, {name}", r["p95_ms"], "ms", 60 if seed else 150 if big else None,
                   note=f"CPU {r['cpu_p95_ms']:.0f} ms; {r['chunks']:,} chunks"),
            Figure(f"RSS after 100 questions, {name}", r["rss_mb"], "MB",
                   250 if seed else 500 if big else None,
                   note=(f"first answer {r['rss_first_answer_mb']:.0f} MB, lexical "
                         f"{r['lexical_mb']:.0f} MB"
                         + (f", server {r['server_rss_mb']:.0f} MB" if "server_rss_mb" in r
                            else ""))),
            Figure(f"cold start to first answer, {name}", r["cold_start_s"], "s",
                   30 if big else None),
            Figure(f"new article answerable, {name}", r["add_one_s"], "s", 5 if big else None,
                   note=f"from another process: {r['add_other_process_s']:.1f} s"),
        ]
        if "busy_p95_ms" in r:
            rows.append(Figure(
                f"p95 during ingest / idle, {name}", r["busy_p95_ms"] / r["idle_p95_ms"], "x",
                2 if big else None,
                note=(f"{r['busy_p95_ms']:.0f} vs {r['idle_p95_ms']:.0f} ms, "
                      f"{r['busy_questions']} questions, ingest {r['busy_ingest_s']:.0f} s"),
            ))
    return rows


def growth(results: list[dict[str, Any]]) -> list[str]:
    """RSS growth per 1,000 chunks between the smallest and the largest size, per mode."""
    lines = []
    for mode in ("embedded", "server"):
        rows = sorted((r for r in results if r["mode"] == mode), key=lambda r: r["chunks"])
        if len(rows) >= 2 and rows[-1]["chunks"] > rows[0]["chunks"]:
            a, b = rows[0], rows[-1]
            per = (b["rss_mb"] - a["rss_mb"]) / ((b["chunks"] - a["chunks"]) / 1000)
            lines.append(f"RSS growth, {mode}: {per:.1f} MB per 1,000 passages "
                         f"({label(a['size'])} → {label(b['size'])})")
    return lines


def run(sizes: list[int], modes: list[str], busy: int) -> list[dict[str, Any]]:
    """Measure every (size, mode); the background-ingest figure only at the largest size."""
    results = []
    with tempfile.TemporaryDirectory(prefix="tk-scale-") as tmp:
        for size in sizes:
            from bench.corpora import built

            if size:
                built(size, say=say)
            for mode in modes:
                began = time.perf_counter()
                say(f"scale: {label(size)}, {mode}…")
                result = measure(size, mode, busy=busy if size == max(sizes) else 0,
                                 root=Path(tmp))
                results.append(result)
                say(f"  done in {time.perf_counter() - began:.0f} s: {json.dumps(result)}")
                shutil.rmtree(Path(tmp) / f"{mode}-{size}", ignore_errors=True)
    return results


def main(argv: list[str] | None = None) -> int:
    """Print the scale table."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.scale", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--scale", type=int, action="append", help="articles (0 = seed)")
    parser.add_argument("--mode", choices=("embedded", "server", "both"), default="both")
    parser.add_argument("--busy", type=int, default=100, help="articles ingested in background")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    args = parser.parse_args(argv)
    modes = ["embedded", "server"] if args.mode == "both" else [args.mode]
    results = run(sorted(args.scale or list(SIZES)), modes, args.busy)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    rows = figures(results)
    print(table(rows, markdown=args.markdown))
    for line in growth(results):
        print(f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
