"""Unchanged reindex: `tanyakerja ingest` over an index that already holds every file.

Why it matters: admins run `/reindex` (or cron runs `tanyakerja ingest`) after adding a few
articles to a large corpus; the cost must be the hash check, not the corpus size times the
model. The run reads every file, hashes its bytes and compares with the chunk metadata read
back from Chroma; nothing may be embedded. Besides the total, the benchmark times the parts
(index state read from Chroma, file hashing) so a miss points at its cause.

Run alone: `.venv/bin/python -m bench.reindex WORKSPACE` (a folder with corpus/ and data/).
"""

from __future__ import annotations

import cProfile
import hashlib
import io
import pstats
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bench.common import Workspace, percentile


class ForbiddenEmbedder:
    """Fails the benchmark if an unchanged reindex tries to embed anything."""

    id = "e5-small-q4"

    def embed_documents(self, texts: object) -> np.ndarray:
        """Never allowed here."""
        raise AssertionError("an unchanged reindex must not embed")

    def embed_query(self, text: str) -> np.ndarray:
        """Never allowed here."""
        raise AssertionError("an unchanged reindex must not embed")


@dataclass
class Reindex:
    """Timings of unchanged reindex runs and of their parts, in seconds."""

    runs: list[float]
    unchanged: int
    parts: dict[str, float] = field(default_factory=dict)
    profile: str = ""

    @property
    def median(self) -> float:
        """Median of the runs."""
        return percentile(self.runs, 50)


def measure(ws: Workspace, *, repeat: int = 3, profile: bool = True) -> Reindex:
    """Time `repeat` unchanged runs through a fresh Ingester, then time the parts."""
    from ingest.pipeline import Ingester
    from ingest.snapshot import snapshot_of
    from knowledge.store import ChromaStore, make_client

    settings = ws.settings()
    with ws.inside():
        store = ChromaStore(client=make_client(settings), embedder_id=ForbiddenEmbedder.id)
        ingester = Ingester(settings=settings, store=store, embedder=ForbiddenEmbedder())
        runs = []
        unchanged = 0
        for _ in range(repeat):
            started = time.perf_counter()
            report = ingester.run()
            runs.append(time.perf_counter() - started)
            unchanged = len(report.unchanged)
            if report.changed or report.chunks_written:
                raise RuntimeError("\n".join(report.summary_lines()))

        parts: dict[str, float] = {}
        t0 = time.perf_counter()
        snapshot_of(store)
        parts["index state from Chroma (ids + first chunks)"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        list(store.iter_all(with_documents=False))
        parts["for comparison: every chunk's metadata"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        for path in sorted(settings.corpus_dir.rglob("*")):
            if path.is_file():
                hashlib.sha256(path.read_bytes()).hexdigest()
        parts["scan + read + sha256 files"] = time.perf_counter() - t0

        text = ""
        if profile:
            prof = cProfile.Profile()
            prof.enable()
            ingester.run()
            prof.disable()
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(12)
            text = out.getvalue()
    return Reindex(runs=runs, unchanged=unchanged, parts=parts, profile=text)


def main(argv: list[str] | None = None) -> int:
    """Reindex an existing workspace and print the timings."""
    args = sys.argv[1:] if argv is None else argv
    result = measure(Workspace(Path(args[0]).absolute()))
    print(f"unchanged reindex of {result.unchanged} files: "
          + ", ".join(f"{r:.2f} s" for r in result.runs))
    for name, seconds in result.parts.items():
        print(f"  {name}: {seconds * 1000:.0f} ms")
    print(result.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
