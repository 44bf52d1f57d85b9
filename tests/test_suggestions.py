"""knowledge/suggestions.py: only questions the live answerer answers are suggested."""

from __future__ import annotations

from knowledge.suggestions import (
    Suggestions,
    Topic,
    load_candidates,
    parse_candidates,
    question_key,
)
from knowledge.types import Answer


def _answers(*known: str) -> object:
    def ask(question: str) -> Answer:
        found = any(word in question for word in known)
        return Answer(question=question, text="x", found=found, mode="extractive")

    return ask


def test_parse_and_bundled_file() -> None:
    topics = parse_candidates("# komentar\n## gaji | Gaji & bayaran\nA?\nB?\n\n## kosong\n")
    assert topics == [Topic("gaji", "Gaji & bayaran", ("A?", "B?"))]
    bundled = load_candidates()
    assert len(bundled) >= 5
    assert all(t.questions for t in bundled)
    assert all(len(f"topik:{t.key}".encode()) <= 64 for t in bundled)


def test_only_answerable_questions_are_kept_and_recomputed() -> None:
    suggestions = Suggestions([
        Topic("gaji", "Gaji", ("gaji pelatih?", "gaji presiden?")),
        Topic("serikat", "Serikat", ("serikat Kenya?",)),
        Topic("togel", "Togel", ("togel?",)),
    ])
    assert suggestions.topics() == []
    assert suggestions.compute(_answers("pelatih", "Kenya")) == 2  # type: ignore[arg-type]
    assert [t.key for t in suggestions.topics()] == ["gaji", "serikat"]
    assert suggestions.starters(4) == ["gaji pelatih?", "serikat Kenya?"]
    assert suggestions.topic("togel") is None

    suggestions.compute(_answers("presiden"))  # type: ignore[arg-type]
    assert suggestions.starters() == ["gaji presiden?"]
    # a button shown before the change still resolves to its question
    assert suggestions.question(question_key("serikat Kenya?")) == "serikat Kenya?"


def test_a_failing_candidate_does_not_hide_the_others() -> None:
    def ask(question: str) -> Answer:
        if "rusak" in question:
            raise RuntimeError("boom")
        return Answer(question=question, text="x", found=True, mode="extractive")

    suggestions = Suggestions([Topic("a", "A", ("rusak?", "baik?"))])
    assert suggestions.compute(ask) == 1
    assert suggestions.starters() == ["baik?"]
