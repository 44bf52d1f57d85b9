"""Memory: resident set size of a fresh process after it answered 100 questions.

Why a separate process: the benchmark runner itself holds generators, caches and several
indexes, so its RSS says nothing about the bot. The worker imports what the running bot imports
(python-telegram-bot included, via `bot.app`), opens the index with the real embedder, answers
100 questions, and reports its current RSS and its peak (VmHWM), read from /proc.

Run alone: `.venv/bin/python -m bench.memory WORKSPACE` (a folder with corpus/ and data/).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.common import REPO, Workspace


@dataclass(frozen=True)
class Memory:
    """RSS figures of the worker, in MB."""

    rss_mb: float
    peak_mb: float
    chunks: int
    questions: int


def _proc_status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def worker(root: Path, questions: int = 100) -> dict[str, float]:
    """Inside the child: load like the bot, answer, report."""
    import bot.app  # noqa: F401  (the running bot has Telegram loaded too)
    from bench.common import SEED_QUESTIONS
    from bench.generate import QUESTIONS
    from knowledge.service import KnowledgeService

    ws = Workspace(root)
    pool = list(SEED_QUESTIONS) + list(QUESTIONS)
    with ws.inside():
        service = KnowledgeService.from_settings(ws.settings())
        for n in range(questions):
            service.ask(pool[n % len(pool)])
        chunks = service.store.count()
    return {
        "rss_mb": _proc_status_mb("VmRSS"), "peak_mb": _proc_status_mb("VmHWM"),
        "chunks": chunks, "questions": questions,
    }


def measure(ws: Workspace, questions: int = 100) -> Memory:
    """Run the worker in a fresh interpreter and parse its report."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.memory", "--worker", str(ws.root), str(questions)],
        cwd=REPO, capture_output=True, text=True, check=True, timeout=600,
    )
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return Memory(
        rss_mb=data["rss_mb"], peak_mb=data["peak_mb"], chunks=int(data["chunks"]),
        questions=int(data["questions"]),
    )


def main(argv: list[str] | None = None) -> int:
    """`--worker ROOT [N]` inside the child; `ROOT` from the command line prints the figures."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "--worker":
        count = int(args[2]) if len(args) > 2 else 100
        print(json.dumps(worker(Path(args[1]), count)))
        return 0
    result = measure(Workspace(Path(args[0]).absolute()))
    print(f"{result.chunks} chunks, {result.questions} questions: RSS {result.rss_mb:.0f} MB "
          f"(peak {result.peak_mb:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
