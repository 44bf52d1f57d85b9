"""Runs a QA file (docs/design.md's format) against the service and scores it.

A fact item passes when, for every group of alternatives, one alternative appears in the answer
(case-insensitive); an out-of-scope item passes when the answer is not found. A found answer must
also cite: every found answer carries at least one [n] that maps to a source.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from knowledge.types import Answer


class Asker(Protocol):
    """Anything that answers a question (KnowledgeService)."""

    def ask(self, question: str) -> Answer:
        """Answer one question."""
        ...


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

    def to_json(self) -> dict[str, Any]:
        """Machine-readable report."""
        return {"totals": self.totals(), "items": [vars_of(i) for i in self.items]}

    def to_text(self) -> str:
        """Per-item lines and a totals line for a terminal."""
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


def vars_of(item: ItemResult) -> dict[str, Any]:
    """A dataclass-with-slots as a dict."""
    return {name: getattr(item, name) for name in item.__slots__}  # type: ignore[attr-defined]


def load_items(path: Path) -> list[dict[str, Any]]:
    """Read a QA jsonl file, skipping blank lines."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


_CITATION = re.compile(r"\[(\d+)\]")


def cites(answer: Answer) -> bool:
    """True when the text cites at least one [n] and every [n] maps to a listed source."""
    numbers = {int(n) for n in _CITATION.findall(answer.text)}
    listed = {s.n for s in answer.sources}
    return bool(numbers) and numbers <= listed


def evaluate(asker: Asker, items: Iterable[dict[str, Any]]) -> EvalReport:
    """Ask every item's question and score the answers."""
    results = []
    for item in items:
        answer = asker.ask(item["question"])
        kind = item.get("kind", "fact")
        text = answer.text.lower()
        missing = []
        if kind == "fact":
            missing = [
                g for g in item.get("facts", []) if not any(alt.lower() in text for alt in g)
            ]
            passed = answer.found and not missing
        else:
            passed = not answer.found
        results.append(
            ItemResult(
                id=str(item.get("id", "")),
                kind=kind,
                question=item["question"],
                passed=passed,
                found=answer.found,
                cites=cites(answer) if answer.found else False,
                answer=answer.text,
                missing=missing,
                latency_ms=answer.latency_ms,
            )
        )
    return EvalReport(results)
