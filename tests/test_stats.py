"""The admin report, with the real bundled e5 embedder for grouping unanswered questions."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from knowledge.embedders import E5Embedder
from knowledge.questionlog import LogEntry, SQLiteQuestionLog, open_question_log
from knowledge.settings import Settings
from knowledge.stats import build_report, group_questions, report_from_entries, topics_of
from knowledge.types import Answer, Source

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def entry(
    question: str,
    *,
    found: bool = False,
    feedback: int = 0,
    days_ago: float = 0,
    id_: int = 0,
) -> LogEntry:
    """A log entry as the log reads it back."""
    return LogEntry(
        id=id_,
        time=NOW - timedelta(days=days_ago),
        chat_type="private",
        question=question,
        found=found,
        mode="extractive",
        sources=[{"n": 1, "title": "Upah anotator", "url": "https://contoh.id/a", "path": "a.md"}]
        if found
        else [],
        answer="Upah anotator sekitar Rp 900.000 [1]." if found else "Maaf, belum ada.",
        latency_ms=10.0,
        feedback=feedback,
    )


def at(questions: list[str]) -> list[tuple[str, datetime]]:
    """Questions asked one minute apart, oldest first."""
    return [(q, NOW + timedelta(minutes=i)) for i, q in enumerate(questions)]


def test_near_identical_unanswered_questions_group(embedder: E5Embedder) -> None:
    groups = group_questions(at(["berapa gaji ojol?", "gaji ojol berapa ya?"]), embedder)
    assert len(groups) == 1
    assert groups[0].count == 2
    assert set(groups[0].variants) == {"berapa gaji ojol?", "gaji ojol berapa ya?"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("berapa gaji ojol?", "Berapa gaji ojol sekarang?"),
        ("berapa gaji ojol", "brp gaji ojol"),
        ("apakah pekerja AI dapat BPJS?", "pekerja AI dapet BPJS nggak?"),
        ("apakah ada serikat pekerja untuk anotator data?", "ada serikat buat anotator data ga?"),
        ("apa itu pelabelan data?", "pelabelan data itu apa sih?"),
    ],
)
def test_colloquial_rewordings_group(embedder: E5Embedder, first: str, second: str) -> None:
    assert len(group_questions(at([first, second]), embedder)) == 1


def test_unrelated_questions_stay_apart(embedder: E5Embedder) -> None:
    questions = [
        "berapa gaji ojol?",
        "berapa tarif ojol per km?",
        "berapa gaji anotator data",
        "apakah ada serikat pekerja untuk anotator data?",
        "apakah pekerja AI dapat BPJS?",
        "apakah pekerja AI boleh ikut serikat?",
        "magang di perusahaan AI",
        "PHK karena AI",
        "resep nasi goreng",
        "resep rendang",
        "kapan piala dunia",
    ]
    groups = group_questions(at(questions), embedder)
    assert len(groups) == len(questions)


def test_groups_most_asked_first_with_counts(embedder: E5Embedder) -> None:
    asked = at(
        ["resep rendang"]
        + ["berapa gaji ojol?", "gaji ojol berapa ya?", "Berapa gaji ojol?", "berapa gaji ojol"]
        + ["apakah pekerja AI dapat BPJS?", "pekerja AI dapet BPJS nggak?"]
    )
    groups = group_questions(asked, embedder)
    assert [g.count for g in groups] == [4, 2, 1]
    assert groups[0].representative.lower().startswith("berapa gaji ojol")  # most-asked wording
    assert groups[2].representative == "resep rendang"


def test_topics_from_stemmed_words() -> None:
    assert topics_of("gajinya ojol berapa sih?") == ["Gaji & bayaran", "Jenis pekerjaan"]
    assert "Serikat pekerja" in topics_of("boleh nggak saya berserikat?")
    assert "Tunjangan & asuransi" in topics_of("apakah dapat BPJS kesehatan?")
    assert "PHK & magang" in topics_of("saya dipecat karena AI")
    assert topics_of("resep nasi goreng") == []


def test_report_figures_and_review_list(embedder: E5Embedder) -> None:
    entries = [
        entry("berapa gaji ojol?", days_ago=2),
        entry("gaji ojol berapa ya?", days_ago=1),
        entry("resep nasi goreng", days_ago=1),
        entry("berapa upah anotator?", found=True, feedback=1, days_ago=1),
        entry("upah pelabel data per jam?", found=True, feedback=-1),
        entry("apa itu serikat?", found=True),
    ]
    report = report_from_entries(entries, embedder, since=NOW - timedelta(days=3), now=NOW)
    assert (report.total, report.answered, report.thumbs_up, report.thumbs_down) == (6, 3, 1, 1)
    assert report.share_answered == pytest.approx(0.5)
    assert [(d.day, d.asked, d.answered) for d in report.per_day] == [
        (date(2025, 3, 7), 0, 0),
        (date(2025, 3, 8), 1, 0),
        (date(2025, 3, 9), 3, 1),
        (date(2025, 3, 10), 2, 2),
    ]
    assert dict(report.topics)["Gaji & bayaran"] == 4
    assert report.topics[-1] == ("Lainnya", 1)
    assert [(g.count, g.representative) for g in report.unanswered][0][0] == 2
    assert len(report.unanswered) == 2
    assert [d.question for d in report.disliked] == ["upah pelabel data per jam?"]
    assert report.disliked[0].answer.startswith("Upah anotator")
    assert report.disliked[0].sources == ["[1] Upah anotator — https://contoh.id/a"]

    text = report.to_text()
    for expected in ("Pertanyaan      : 6", "50%", "👍 1   👎 1", "[2x]", "Sumber: [1] Upah"):
        assert expected in text


def test_csv_export(embedder: E5Embedder, tmp_path: Path) -> None:
    entries = [
        entry("berapa gaji ojol?"),
        entry("gaji ojol berapa ya?"),
        entry("upah, \"per jam\"?", found=True, feedback=-1),
    ]
    report = report_from_entries(entries, embedder, now=NOW)
    target = tmp_path / "laporan.csv"
    report.write_csv(target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sections = {r["bagian"] for r in rows}
    assert sections == {"ringkasan", "hari", "topik", "belum_terjawab", "dinilai_buruk"}
    group = next(r for r in rows if r["bagian"] == "belum_terjawab")
    assert group["jumlah"] == "2"
    assert "gaji ojol berapa ya?" in group["variasi"]
    disliked = next(r for r in rows if r["bagian"] == "dinilai_buruk")
    assert disliked["pertanyaan"] == 'upah, "per jam"?'
    assert "Upah anotator" in disliked["sumber"]


def test_empty_and_disabled_reports(
    embedder: E5Embedder, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings()
    empty = build_report(settings, open_question_log(settings), embedder, days=7)
    assert empty.total == 0
    assert "Belum ada pertanyaan" in empty.to_text()

    off = make_settings(question_log=False)
    disabled = build_report(off, open_question_log(off), embedder)
    assert not disabled.logging_on
    assert "QUESTION_LOG" in disabled.to_text()
    assert disabled.csv_rows()[1][2] == "0"


def test_build_report_reads_the_log_and_limits_days(
    embedder: E5Embedder, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings()
    clock = [datetime.now(UTC) - timedelta(days=20)]
    log = open_question_log(settings)
    assert isinstance(log, SQLiteQuestionLog)
    log._clock = lambda: clock[0]
    log.record(user_id=1, chat_type="private",
               answer=Answer(question="pertanyaan lama", text="-", found=False, mode="extractive"))
    clock[0] = datetime.now(UTC)
    for question in ("berapa gaji ojol?", "gaji ojol berapa ya?"):
        log.record(user_id=2, chat_type="group",
                   answer=Answer(question=question, text="-", found=False, mode="extractive"))
    source = Source(n=1, title="Artikel", url=None, path="corpus/a.md", text="…", score=0.5)
    liked = log.record(user_id=3, chat_type="private", answer=Answer(
        question="upah anotator", text="Rp 1 juta [1]", found=True, mode="llm", sources=[source]))
    assert liked is not None
    log.feedback(liked, user_id=3, value=-1)

    week = build_report(settings, log, embedder, days=7)
    assert (week.total, week.answered, week.thumbs_down) == (3, 1, 1)
    assert [g.count for g in week.unanswered] == [2]
    assert week.disliked[0].sources == ["[1] Artikel — corpus/a.md"]
    assert build_report(settings, log, embedder).total == 4
