"""The admin report: what workers ask, how often the bot could answer, and what to add next.

The most useful part is the list of unanswered questions grouped by meaning: each group is an
article to look for. Grouping embeds each distinct question with the configured embedder and joins
a question to the most-asked group whose representative it matches. multilingual-e5 squeezes all
Indonesian questions into a narrow cosine band (unrelated ones still score ~0.80-0.93), so a
cosine alone either splits colloquial rewordings or merges different asks. The rule, calibrated
on the bundled e5 model: cosine >= 0.95, or cosine >= 0.925 with at least half of the stemmed
content words shared. "berapa gaji ojol?" / "gaji ojol berapa ya?" (0.99) group; "gaji ojol" /
"tarif ojol per km" (0.94, few shared words) do not.

Topics come from a small Indonesian keyword map matched on stemmed words (`knowledge.text`), so
"gajinya", "bayaran" and "upah" all count as pay. Pure: no Telegram, no printing.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from knowledge.questionlog import LogEntry, LogReader, strip_controls
from knowledge.text import terms, words

if TYPE_CHECKING:
    from knowledge.embedders import Embedder
    from knowledge.questionlog import QuestionLog
    from knowledge.settings import Settings

GROUP_COSINE = 0.95
GROUP_COSINE_WITH_WORDS = 0.925
GROUP_MIN_SHARED_WORDS = 0.5  # Jaccard of stemmed content words
MAX_GROUPED = 1000  # distinct unanswered questions embedded per report (most-asked first)
OTHER_TOPIC = "Lainnya"

TOPIC_KEYWORDS: dict[str, tuple[str, ...]] = {
    "Gaji & bayaran": (
        "gaji", "upah", "bayar", "honor", "pendapatan", "penghasilan", "tarif", "insentif",
        "bonus", "komisi", "uang", "rupiah", "dolar", "per jam", "potongan", "salary",
    ),
    "Tunjangan & asuransi": (
        "tunjangan", "asuransi", "bpjs", "jaminan", "kesehatan", "cuti", "pensiun", "thr",
        "kecelakaan", "sakit", "perlindungan",
    ),
    "Serikat pekerja": (
        "serikat", "union", "berserikat", "organisasi", "mogok", "advokasi", "perundingan",
        "kolektif", "hak", "protes", "demo",
    ),
    "Platform & perusahaan": (
        "platform", "perusahaan", "aplikasi", "gojek", "grab", "maxim", "shopee", "remotasks",
        "appen", "outlier", "scale", "mitra", "kontrak", "vendor", "outsourcing",
    ),
    "Jenis pekerjaan": (
        "anotator", "anotasi", "pelabelan", "label", "moderator", "konten", "ojol", "ojek",
        "kurir", "driver", "freelance", "lepas", "transkripsi", "pelatih", "trainer", "daftar",
        "lowongan", "syarat",
    ),
    "PHK & magang": ("phk", "pecat", "dipecat", "pemutusan", "pesangon", "magang", "berhenti"),
}


@lru_cache(maxsize=1)
def _topic_terms() -> dict[str, frozenset[str]]:
    """Each topic's keywords as raw lowercase words plus their stems."""
    out: dict[str, frozenset[str]] = {}
    for topic, keywords in TOPIC_KEYWORDS.items():
        forms: set[str] = set()
        for keyword in keywords:
            forms.update(words(keyword))
            forms.update(terms(keyword))
        out[topic] = frozenset(forms)
    return out


def topics_of(question: str) -> list[str]:
    """The topics a question touches (may be several; empty when none)."""
    tokens = set(words(question)) | set(terms(question))
    return [topic for topic, forms in _topic_terms().items() if tokens & forms]


@dataclass(frozen=True, slots=True)
class DayCount:
    """Questions asked on one UTC day."""

    day: date
    asked: int
    answered: int


@dataclass(frozen=True, slots=True)
class QuestionGroup:
    """Unanswered questions that ask the same thing; `representative` is the most-asked wording."""

    representative: str
    count: int
    variants: list[str]
    last_asked: datetime


@dataclass(frozen=True, slots=True)
class Disliked:
    """An answer a worker rated 👎, for review."""

    time: datetime
    question: str
    answer: str
    sources: list[str]


@dataclass(slots=True)
class Report:
    """Everything `tanyakerja stats` and /statistik show."""

    generated: datetime
    since: datetime | None
    logging_on: bool = True
    total: int = 0
    answered: int = 0
    thumbs_up: int = 0
    thumbs_down: int = 0
    per_day: list[DayCount] = field(default_factory=list)
    topics: list[tuple[str, int]] = field(default_factory=list)
    unanswered: list[QuestionGroup] = field(default_factory=list)
    disliked: list[Disliked] = field(default_factory=list)

    @property
    def share_answered(self) -> float:
        """Answered / asked (0 when nothing was asked)."""
        return self.answered / self.total if self.total else 0.0

    def period_text(self) -> str:
        """The period covered, in Indonesian."""
        if self.since is None:
            return "semua data yang tersimpan"
        return f"{self.since:%Y-%m-%d} s.d. {self.generated:%Y-%m-%d} (UTC)"

    def to_text(self, *, max_groups: int = 30, max_disliked: int = 20) -> str:
        """A plain-text report for the terminal."""
        if not self.logging_on:
            return (
                "Pencatatan pertanyaan nonaktif (QUESTION_LOG=false), jadi belum ada data.\n"
                "Aktifkan dengan QUESTION_LOG=true untuk mengumpulkan statistik."
            )
        lines = [
            "Statistik TanyaKerja",
            f"Periode: {self.period_text()}",
            "",
            f"Pertanyaan      : {self.total}",
            f"Terjawab        : {self.answered} ({self.share_answered:.0%})",
            f"Penilaian       : 👍 {self.thumbs_up}   👎 {self.thumbs_down}",
        ]
        if not self.total:
            lines += ["", "Belum ada pertanyaan tercatat pada periode ini."]
            return "\n".join(lines)
        lines += ["", "Pertanyaan per hari (UTC)   tanya  terjawab"]
        peak = max(d.asked for d in self.per_day) or 1
        first = next(i for i, d in enumerate(self.per_day) if d.asked)  # skip empty lead-in
        for day in self.per_day[max(first, len(self.per_day) - 31) :]:
            bar = "█" * round(20 * day.asked / peak)
            lines.append(f"  {day.day:%Y-%m-%d}{day.asked:19d}  {day.answered:8d}  {bar}")
        lines += ["", "Topik teratas"]
        for topic, count in self.topics:
            lines.append(f"  {topic:<24} {count:5d}  ({count / self.total:.0%})")
        lines += ["", "Belum terjawab, dikelompokkan (artikel yang perlu dicari)"]
        if not self.unanswered:
            lines.append("  Tidak ada. Semua pertanyaan terjawab.")
        for rank, group in enumerate(self.unanswered[:max_groups], start=1):
            lines.append(f"  {rank:2d}. [{group.count}x] {group.representative}")
            for variant in group.variants[1:4]:
                lines.append(f"        ~ {variant}")
            if len(group.variants) > 4:
                lines.append(f"        (+{len(group.variants) - 4} variasi lain)")
        if len(self.unanswered) > max_groups:
            lines.append(f"  … {len(self.unanswered) - max_groups} kelompok lain (lihat --csv)")
        lines += ["", "Jawaban yang dinilai 👎 (untuk ditinjau)"]
        if not self.disliked:
            lines.append("  Tidak ada.")
        for item in self.disliked[:max_disliked]:
            lines.append(f"  {item.time:%Y-%m-%d %H:%M}  T: {item.question}")
            lines.append(f"      J: {_shorten(item.answer, 300)}")
            for source in item.sources:
                lines.append(f"      Sumber: {source}")
        if len(self.disliked) > max_disliked:
            lines.append(f"  … {len(self.disliked) - max_disliked} lainnya (lihat --csv)")
        return strip_controls("\n".join(lines))  # workers' text never drives the terminal

    def csv_rows(self) -> list[list[str]]:
        """The report as rows: a header, then one row per figure; `bagian` names the section."""
        rows = [list(CSV_COLUMNS)]
        total = self.total or 1
        rows.append(_row("ringkasan", "pertanyaan", self.total))
        rows.append(_row("ringkasan", "terjawab", self.answered, _pct(self.share_answered)))
        rows.append(_row("ringkasan", "suka", self.thumbs_up))
        rows.append(_row("ringkasan", "tidak_suka", self.thumbs_down))
        for day in self.per_day:
            share = _pct(day.answered / day.asked) if day.asked else ""
            rows.append(_row("hari", day.day.isoformat(), day.asked, share))
        for topic, count in self.topics:
            rows.append(_row("topik", topic, count, _pct(count / total)))
        for rank, group in enumerate(self.unanswered, start=1):
            rows.append(
                _row("belum_terjawab", str(rank), group.count, question=group.representative,
                     variants=" | ".join(group.variants))
            )
        for item in self.disliked:
            rows.append(
                _row("dinilai_buruk", f"{item.time:%Y-%m-%d %H:%M}", 1, question=item.question,
                     answer=item.answer, sources=" | ".join(item.sources))
            )
        return rows

    def write_csv(self, path: Path | str) -> None:
        """Write `csv_rows()` as UTF-8 CSV (with a BOM, so spreadsheet apps read the emoji)."""
        with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(
                [[csv_safe(cell) for cell in row] for row in self.csv_rows()]
            )


# A cell starting with one of these is a formula in Excel, LibreOffice and Google Sheets; a
# worker's question `=HYPERLINK("http://…"&A1)` would run in the admin's spreadsheet. OWASP's
# advice: prefix such cells with a single quote, which shows the text as typed.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(cell: str) -> str:
    """The cell as text no spreadsheet evaluates (a leading ' where it would be a formula)."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


CSV_COLUMNS = ("bagian", "label", "jumlah", "persen", "pertanyaan", "jawaban", "sumber", "variasi")


def _row(
    section: str,
    label: str,
    count: int,
    share: str = "",
    *,
    question: str = "",
    answer: str = "",
    sources: str = "",
    variants: str = "",
) -> list[str]:
    return [section, label, str(count), share, question, answer, sources, variants]


def _pct(share: float) -> str:
    return f"{share * 100:.1f}"


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _source_label(source: dict[str, object]) -> str:
    title = str(source.get("title") or source.get("path") or "?")
    where = source.get("url") or source.get("path")
    return strip_controls(f"[{source.get('n', '?')}] {title}" + (f" — {where}" if where else ""))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def group_questions(
    asked: Sequence[tuple[str, datetime]], embedder: Embedder
) -> list[QuestionGroup]:
    """Group (question, time) pairs that ask the same thing; most-asked group first."""
    # Identical after lowercasing and dropping punctuation: one variant, counted.
    variants: dict[str, tuple[str, int, datetime]] = {}
    for question, moment in asked:
        text = " ".join(question.split())
        key = " ".join(words(text))
        if not key:
            continue
        _, count, last = variants.get(key, (text, 0, moment))
        variants[key] = (text, count + 1, max(last, moment))  # keep the latest wording
    ordered = sorted(variants.values(), key=lambda v: (-v[1], -v[2].timestamp()))[:MAX_GROUPED]
    if not ordered:
        return []
    raw = np.vstack([embedder.embed_query(text) for text, _, _ in ordered]).astype(np.float64)
    norms = np.linalg.norm(raw, axis=1, keepdims=True)
    vectors = raw / np.where(norms == 0, 1.0, norms)
    words_of = [frozenset(terms(text)) for text, _, _ in ordered]

    reps: list[int] = []  # index of each group's representative (its most-asked variant)
    members: list[list[int]] = []
    for i in range(len(ordered)):
        best, best_cos = -1, -1.0
        if reps:
            cosines = vectors[reps] @ vectors[i]
            for g, rep in enumerate(reps):
                cos = float(cosines[g])
                joins = cos >= GROUP_COSINE or (
                    cos >= GROUP_COSINE_WITH_WORDS
                    and _jaccard(words_of[i], words_of[rep]) >= GROUP_MIN_SHARED_WORDS
                )
                if joins and cos > best_cos:
                    best, best_cos = g, cos
        if best < 0:
            reps.append(i)
            members.append([i])
        else:
            members[best].append(i)

    groups = []
    for idx in members:
        # Show the most-asked wording; among equals, the most central one (the medoid), which
        # reads better than whichever colloquial variant happened to come first.
        centrality = (vectors[idx] @ vectors[idx].T).mean(axis=1)
        order = sorted(range(len(idx)), key=lambda k: (-ordered[idx[k]][1], -centrality[k]))
        idx = [idx[k] for k in order]
        groups.append(
            QuestionGroup(
                representative=ordered[idx[0]][0],
                count=sum(ordered[j][1] for j in idx),
                variants=[ordered[j][0] for j in idx],
                last_asked=max(ordered[j][2] for j in idx),
            )
        )
    groups.sort(key=lambda g: (-g.count, -g.last_asked.timestamp()))
    return groups


def report_from_entries(
    entries: Sequence[LogEntry],
    embedder: Embedder,
    *,
    since: datetime | None = None,
    now: datetime | None = None,
) -> Report:
    """Build the report from log entries (already limited to the period)."""
    now = now or datetime.now(UTC)
    report = Report(generated=now, since=since)
    report.total = len(entries)
    report.answered = sum(e.found for e in entries)
    report.thumbs_up = sum(e.feedback > 0 for e in entries)
    report.thumbs_down = sum(e.feedback < 0 for e in entries)
    if not entries:
        return report

    asked: Counter[date] = Counter(e.time.date() for e in entries)
    answered: Counter[date] = Counter(e.time.date() for e in entries if e.found)
    first = since.date() if since else min(asked)
    span = (now.date() - first).days
    report.per_day = [
        DayCount(day=d, asked=asked[d], answered=answered[d])
        for d in (first + timedelta(days=n) for n in range(span + 1))
    ]

    topic_counts: Counter[str] = Counter()
    for entry in entries:
        topics = topics_of(entry.question)
        topic_counts.update(topics or [OTHER_TOPIC])
    report.topics = sorted(topic_counts.items(), key=lambda kv: (kv[0] == OTHER_TOPIC, -kv[1]))

    report.unanswered = group_questions(
        [(e.question, e.time) for e in entries if not e.found], embedder
    )
    report.disliked = [
        Disliked(
            time=e.time,
            question=e.question,
            answer=e.answer,
            sources=[_source_label(s) for s in e.sources if isinstance(s, dict)],
        )
        for e in sorted(entries, key=lambda e: e.time, reverse=True)
        if e.feedback < 0
    ]
    return report


def build_report(
    settings: Settings,
    log: QuestionLog | object,
    embedder: Embedder,
    *,
    days: int | None = None,
    now: datetime | None = None,
) -> Report:
    """The admin report over the last `days` days (all retained entries when None).

    `log` is what `open_question_log` returned; any log that cannot be read (the no-op log)
    gives an empty report that says logging is off.
    """
    now = now or datetime.now(UTC)
    since = None if days is None else now - timedelta(days=max(1, days))
    if not settings.question_log or not isinstance(log, LogReader):
        return Report(generated=now, since=since, logging_on=False)
    return report_from_entries(log.entries(since=since), embedder, since=since, now=now)
