"""What every benchmark shares: workspaces (corpus + data folder), index builds, figures.

Why workspaces are chdir'd into: the pipeline stores paths relative to the working directory
("corpus/…"), exactly as `tanyakerja ingest` does from the repository root, so a benchmark that
builds an index and one that reindexes it must run from the same folder.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.embedders import Embedder
from knowledge.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SEED_CORPUS = REPO / "corpus"

SEED_QUESTIONS = (
    "Berapa upah per jam pelatih AI seperti Alexej Savreux?",
    "Berapa gaji tahunan manajer AI yang dicari Netflix?",
    "Apakah kontraktor AI mendapat jaminan kesehatan?",
    "Kenapa ByteDance memecat karyawan magang?",
    "Berapa bayaran pelatih AI profesional?",
    "Siapa yang melatih ChatGPT?",
    "Apakah pekerja kontrak pelatih AI punya asuransi?",
    "How much are ChatGPT trainers paid per hour?",
    "Siapa pemenang piala dunia sepak bola tahun 1998?",
    "Bagaimana resep rendang yang enak?",
)


@dataclass(frozen=True)
class Workspace:
    """A folder with `corpus/` and `data/` (Chroma under data/chroma), like a checkout."""

    root: Path

    @property
    def corpus(self) -> Path:
        """The article folder."""
        return self.root / "corpus"

    def settings(self, **overrides: Any) -> Settings:
        """Settings for this workspace (no .env, no question log unless asked)."""
        values: dict[str, Any] = {
            "corpus_dir": self.root / "corpus",
            "data_dir": self.root / "data",
            "chroma_path": self.root / "data" / "chroma",
            "question_log": False,
            "user_key_secret": "bench",
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)

    def inside(self) -> contextlib.chdir:
        """Run from the workspace root (stored paths are relative to it)."""
        return contextlib.chdir(self.root)


def seed_workspace(root: Path) -> Workspace:
    """A workspace holding a copy of the project's seed articles."""
    ws = Workspace(root)
    shutil.copytree(SEED_CORPUS, ws.corpus)
    return ws


def generated_workspace(root: Path, articles: int, seed: int = 42) -> Workspace:
    """A workspace holding `articles` generated articles."""
    from bench.generate import write_corpus

    ws = Workspace(root)
    write_corpus(ws.corpus, articles, seed)
    return ws


@dataclass(frozen=True)
class Build:
    """An index build: chunks written and wall time."""

    chunks: int
    articles: int
    seconds: float


def build_index(ws: Workspace, embedder: Embedder, *, full: bool = False) -> Build:
    """Run the real ingest pipeline over the workspace's corpus."""
    from ingest.pipeline import Ingester
    from knowledge.store import ChromaStore, make_client

    settings = ws.settings()
    with ws.inside():
        store = ChromaStore(client=make_client(settings), embedder_id=embedder.id)
        started = time.perf_counter()
        report = Ingester(settings=settings, store=store, embedder=embedder).run(full=full)
        seconds = time.perf_counter() - started
    return Build(report.chunks_written, len(report.added) + len(report.updated), seconds)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


@dataclass
class Figure:
    """One row of the table: a measured value against its target."""

    name: str
    measured: float | None
    unit: str
    target: float | None = None
    at_most: bool = True  # True: target is an upper bound; False: a lower bound
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """measured / target (≤ 1 meets an upper bound, ≥ 1 meets a lower bound)."""
        if self.measured is None or not self.target:
            return None
        return self.measured / self.target

    @property
    def verdict(self) -> str:
        """"ok", "MISS" or "" when there is no target."""
        if self.ratio is None:
            return ""
        met = self.ratio <= 1 if self.at_most else self.ratio >= 1
        return "ok" if met else "MISS"

    def cells(self) -> list[str]:
        """The row as strings: figure, target, measured, ratio, verdict, note."""
        def fmt(value: float | None) -> str:
            if value is None:
                return "-"
            return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"

        sign = "≤" if self.at_most else "≥"
        target = f"{sign} {fmt(self.target)} {self.unit}".strip() if self.target else "-"
        measured = f"{fmt(self.measured)} {self.unit}".strip()
        ratio = f"{self.ratio:.2f}" if self.ratio is not None else "-"
        return [self.name, target, measured, ratio, self.verdict, self.note]


def table(figures: Sequence[Figure], *, markdown: bool = False) -> str:
    """The figures as an aligned text table (or a Markdown table)."""
    head = ["figure", "target", "measured", "ratio", "", "note"]
    rows = [head] + [f.cells() for f in figures]
    if markdown:
        lines = ["| " + " | ".join(head[:4] + ["note"]) + " |", "|---|---|---|---|---|"]
        for f in figures:
            c = f.cells()
            lines.append("| " + " | ".join(c[:3] + [f"{c[3]} {c[4]}".strip(), c[5]]) + " |")
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows
    )
