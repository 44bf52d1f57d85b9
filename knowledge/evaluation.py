"""Runs a QA file against the service and scores it (format and metrics: docs/evaluation.md).

Two views of the same run:
- pass/fail, as the first QA files were scored: a fact item passes when, for every group of
  alternatives, one alternative appears in the answer (case-insensitive); an out-of-scope item
  passes when the answer is not found; every found answer must cite a listed source;
- outcomes per question type, scored for truthfulness as the CRAG benchmark scores RAG systems:
  correct +1, partial or refused 0, wrong -1 (a confident wrong answer is worse than "I don't
  know"). A fact item is *correct* when found with every fact group matched, *partial* when found,
  marked partial and not every group matched, *refused* when not found, else *wrong*; an
  out-of-scope item is *correct* when refused, else *wrong*.

Items may carry `"history"`: earlier questions of the same chat, asked first in order through the
same follow-up memory the bot uses, so follow-ups are measured as users meet them.

Optional views: a naive "top chunk" baseline (the top retrieved passage as the answer, always
"found") scored the same way, and "facts reaching the LLM": for fact items, whether the expected
facts appear in the passages that were sent to the LLM (retrieval's ceiling for any LLM).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from knowledge.conversation import Conversations
from knowledge.types import Answer, Turn

OUTCOMES = ("correct", "partial", "refused", "wrong")
SCORE = {"correct": 1, "partial": 0, "refused": 0, "wrong": -1}


class Asker(Protocol):
    """Anything that answers a question with a chat's history (KnowledgeService)."""

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        """Answer one question."""
        ...


class QAFileError(ValueError):
    """A QA file that cannot be read; the message is one line naming the file (and line)."""


@dataclass(slots=True)
class ItemResult:
    """The outcome of one QA item."""

    id: str
    kind: str
    question: str
    passed: bool
    found: bool
    cites: bool
    answer: str
    missing: list[list[str]] = field(default_factory=list)
    latency_ms: float = 0.0
    type: str = ""
    partial: bool = False
    outcome: str = ""  # correct | partial | refused | wrong
    baseline: str | None = None  # the top-chunk baseline's outcome, when asked for
    context_has_facts: bool | None = None  # fact items, when the LLM context was recorded


def outcome_of(kind: str, found: bool, partial: bool, missing: Sequence[object]) -> str:
    """correct / partial / refused / wrong, by the definitions in the module docstring."""
    if kind != "fact":
        return "correct" if not found else "wrong"
    if not found:
        return "refused"
    if not missing:
        return "correct"
    return "partial" if partial else "wrong"


def table(outcomes: Iterable[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    """Per type (and "all"): n, each outcome's count, and the truthfulness score."""
    rows: dict[str, dict[str, Any]] = {}
    for type_, outcome in outcomes:
        for key in (type_, "all"):
            row = rows.setdefault(key, {"n": 0, **dict.fromkeys(OUTCOMES, 0)})
            row["n"] += 1
            row[outcome] += 1
    for row in rows.values():
        row["truthfulness"] = round(sum(SCORE[o] * row[o] for o in OUTCOMES) / row["n"], 3)
    return dict(sorted(rows.items(), key=lambda kv: (kv[0] == "all", kv[0])))


@dataclass(slots=True)
class EvalReport:
    """Per-item results and totals."""

    items: list[ItemResult]

    def totals(self) -> dict[str, Any]:
        """Counts by kind, plus how many found answers cite a source."""
        facts = [i for i in self.items if i.kind == "fact"]
        oos = [i for i in self.items if i.kind == "out_of_scope"]
        found = [i for i in self.items if i.found]
        return {
            "facts_passed": sum(i.passed for i in facts),
            "facts_total": len(facts),
            "refused_passed": sum(i.passed for i in oos),
            "refused_total": len(oos),
            "found_with_citation": sum(i.cites for i in found),
            "found_total": len(found),
            "mean_latency_ms": round(
                sum(i.latency_ms for i in self.items) / max(len(self.items), 1), 1
            ),
        }

    def types(self) -> dict[str, dict[str, Any]]:
        """The system's outcome table per question type."""
        return table((i.type, i.outcome) for i in self.items)

    def baseline_types(self) -> dict[str, dict[str, Any]] | None:
        """The top-chunk baseline's table, when it was run."""
        if any(i.baseline is None for i in self.items) or not self.items:
            return None
        return table((i.type, i.baseline or "wrong") for i in self.items)

    def llm_context(self) -> dict[str, Any] | None:
        """Fact items whose facts all appear in the passages sent to the LLM, when recorded."""
        facts = [i for i in self.items if i.kind == "fact" and i.context_has_facts is not None]
        if not facts:
            return None
        reached = sum(bool(i.context_has_facts) for i in facts)
        return {"facts_reaching": reached, "facts_total": len(facts),
                "share": round(reached / len(facts), 3)}

    def to_json(self) -> dict[str, Any]:
        """Machine-readable report."""
        out: dict[str, Any] = {"totals": self.totals(), "types": self.types()}
        if (baseline := self.baseline_types()) is not None:
            out["baseline_types"] = baseline
        if (context := self.llm_context()) is not None:
            out["llm_context"] = context
        out["items"] = [vars_of(i) for i in self.items]
        return out

    def to_text(self) -> str:
        """Per-item lines, the per-type table (typed files, baseline, context) and totals."""
        lines = []
        for item in self.items:
            mark = "PASS" if item.passed else "FAIL"
            detail = (
                ""
                if item.passed
                else f"  missing={item.missing}"
                if item.kind == "fact"
                else "  (answered)"
            )
            lines.append(f"{mark} {item.id:<6} {item.question}{detail}")
        baseline = self.baseline_types()
        if any(i.type not in ("fact", "out_of_scope") for i in self.items) or baseline:
            lines.extend(_table_lines(self.types(), baseline))
        if (context := self.llm_context()) is not None:
            lines.append(
                f"facts reaching the LLM: {context['facts_reaching']}/{context['facts_total']} "
                f"({context['share']:.0%})"
            )
        t = self.totals()
        lines.append(
            f"facts {t['facts_passed']}/{t['facts_total']}, refused {t['refused_passed']}/"
            f"{t['refused_total']}, found answers citing a source {t['found_with_citation']}/"
            f"{t['found_total']}, mean latency {t['mean_latency_ms']} ms"
        )
        return "\n".join(lines)

    @property
    def all_passed(self) -> bool:
        """Every item passed and every found answer cites."""
        t = self.totals()
        return all(i.passed for i in self.items) and t["found_with_citation"] == t["found_total"]


def _table_lines(
    types: dict[str, dict[str, Any]], baseline: dict[str, dict[str, Any]] | None
) -> list[str]:
    head = f"{'type':<13}{'n':>4}{'correct':>9}{'partial':>9}{'refused':>9}{'wrong':>7}{'truth':>8}"
    if baseline:
        head += f"{'top chunk':>11}"
    lines = ["", head]
    for type_, row in types.items():
        line = (
            f"{type_:<13}{row['n']:>4}{row['correct']:>9}{row['partial']:>9}{row['refused']:>9}"
            f"{row['wrong']:>7}{row['truthfulness']:>8.2f}"
        )
        if baseline:
            line += f"{baseline[type_]['truthfulness']:>11.2f}"
        lines.append(line)
    lines.append("")
    return lines


def vars_of(item: ItemResult) -> dict[str, Any]:
    """A dataclass-with-slots as a dict."""
    return {name: getattr(item, name) for name in item.__slots__}  # type: ignore[attr-defined]


def load_items(path: Path) -> list[dict[str, Any]]:
    """Read a QA jsonl file, skipping blank lines; QAFileError (one line) when it cannot."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise QAFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    items = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise QAFileError(f"{path} line {number}: not valid JSON ({exc})") from None
        if not isinstance(item, dict) or not isinstance(item.get("question"), str):
            raise QAFileError(f'{path} line {number}: expected an object with a "question"')
        if item.get("kind", "fact") not in ("fact", "out_of_scope"):
            raise QAFileError(f'{path} line {number}: "kind" must be "fact" or "out_of_scope"')
        items.append(item)
    return items


_CITATION = re.compile(r"\[(\d+)\]")


def cites(answer: Answer) -> bool:
    """True when the text cites at least one [n] and every [n] maps to a listed source."""
    numbers = {int(n) for n in _CITATION.findall(answer.text)}
    listed = {s.n for s in answer.sources}
    return bool(numbers) and numbers <= listed


def missing_facts(item: dict[str, Any], text: str) -> list[list[str]]:
    """The fact groups none of whose alternatives appear in `text` (case-insensitive)."""
    lowered = text.lower()
    return [g for g in item.get("facts", []) if not any(alt.lower() in lowered for alt in g)]


def _ask_in_chat(
    asker: Asker, item: dict[str, Any], memory: Conversations, before_last: Callable[[], object]
) -> Answer:
    """Ask the item's history first (remembering found answers, as the bot does), then it."""
    key = str(item.get("id", ""))
    memory.reset(key)
    for earlier in item.get("history") or []:
        answer = asker.ask(str(earlier), memory.history(key))
        if answer.found:
            memory.add(key, Turn(str(earlier), answer.text, answer.standalone_question))
    before_last()
    return asker.ask(item["question"], memory.history(key))


def evaluate(
    asker: Asker,
    items: Iterable[dict[str, Any]],
    *,
    top_chunk: Callable[[str], str | None] | None = None,
    llm_context: Callable[[], list[str]] | None = None,
    memory: Conversations | None = None,
) -> EvalReport:
    """Ask every item's question (after its history) and score the answers.

    `top_chunk(question)` gives the baseline's answer ("" or None when nothing is retrieved);
    `llm_context()` gives the passages sent to the LLM since it was last called.
    """
    memory = memory or Conversations(max_turns=3)
    results = []
    for item in items:
        kind = item.get("kind", "fact")
        # what the history's questions sent to the LLM is not this item's context
        answer = _ask_in_chat(asker, item, memory, llm_context or (lambda: None))
        missing = missing_facts(item, answer.text) if kind == "fact" else []
        passed = answer.found and not missing if kind == "fact" else not answer.found
        result = ItemResult(
            id=str(item.get("id", "")),
            kind=kind,
            question=item["question"],
            passed=passed,
            found=answer.found,
            cites=cites(answer) if answer.found else False,
            answer=answer.text,
            missing=missing,
            latency_ms=answer.latency_ms,
            type=str(item.get("type") or kind),
            partial=answer.partial,
            outcome=outcome_of(kind, answer.found, answer.partial, missing),
        )
        if llm_context is not None and kind == "fact":
            context = "\n".join(llm_context())
            result.context_has_facts = bool(context) and not missing_facts(item, context)
        if top_chunk is not None:
            text = top_chunk(item["question"]) or ""
            gap = missing_facts(item, text) if kind == "fact" else []
            result.baseline = outcome_of(kind, True, False, gap)  # the baseline never refuses
        results.append(result)
    return EvalReport(results)


def record_llm_context(service: Any) -> Callable[[], list[str]]:
    """Record the passages `service` sends to its LLM; without one, an echoing LLM is used.

    Returns a function giving the passage texts sent since its last call. The echoing model
    (knowledge.llm.EchoPassagesChat) answers with every passage it was given, so answers then
    show what an ideal LLM could have used.
    """
    from knowledge.llm import EchoPassagesChat, RecordingChat
    from knowledge.llm_answerer import LLMAnswerer, passages_in

    if service.llm is None:
        settings = service.settings
        service.llm = LLMAnswerer(
            chat=EchoPassagesChat(), fallback=service.extractive,
            max_passages=settings.llm_max_passages,
            max_context_chars=settings.llm_max_context_chars,
            max_answer_chars=0,  # never cut: the echo is long by design
        )
    recorder = RecordingChat(service.llm.chat)
    service.llm.chat = recorder
    return lambda: [text for message in recorder.take() for text in passages_in(message)]


def top_chunk_of(service: Any) -> Callable[[str], str]:
    """The naive baseline: the top retrieved passage's text for a question ("" when none)."""

    def top(question: str) -> str:
        passages = service.retriever.retrieve(question)
        return str(passages[0].text) if passages else ""

    return top
