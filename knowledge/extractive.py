"""The offline answerer: quotes the sentences that answer the question, with citations.

It also decides whether the corpus holds an answer at all. That decision is not taken from the
dense score alone: multilingual-e5 gives out-of-scope questions cosine scores (0.77-0.90) that
overlap answerable ones (0.82-0.93). The main signal is idf-weighted lexical coverage: how much
of the question's information (its rare words weigh most, words the corpus never uses weigh
the most) a retrieved passage actually contains, with the dense score as a second opinion.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.retriever import HybridRetriever
from knowledge.text import split_sentences, terms, words
from knowledge.types import Answer, Passage, Source, Turn

logger = logging.getLogger(__name__)

MAX_CHARS = 600

NOT_FOUND = (
    "Maaf, jawabannya belum ada di artikel-artikel yang saya punya, jadi saya tidak mau menebak. "
    "Saya bisa membantu soal kerja di industri AI: upah dan bayaran, tunjangan dan asuransi, "
    "serikat pekerja, perusahaan dan platform, jenis pekerjaan, serta PHK dan magang. "
    "Coba tanyakan misalnya: \u201cBerapa upah pelatih AI per jam?\u201d"
)

_ANAPHORA = {
    "dia",
    "ia",
    "mereka",
    "beliau",
    "itu",
    "tersebut",
    "nya",
    "sana",
    "situ",
    "he",
    "she",
    "they",
    "it",
    "them",
    "his",
    "her",
    "their",
    "that",
    "this",
}
_FOLLOWUP_OPENERS = (
    "kalau",
    "terus",
    "lalu",
    "trus",
    "bagaimana dengan",
    "gimana dengan",
    "dan ",
    "what about",
    "and ",
    "how about",
    "kalo",
)
_NUMBER_Q = {"berapa", "berapakah", "brp", "much", "many", "jumlah"}
_WHO_Q = {"siapa", "siapakah", "who"}
_WHY_Q = {"mengapa", "kenapa", "why", "alasan"}
_WHEN_Q = {"kapan", "when"}
_HAS_NUMBER = re.compile(r"\d")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


@dataclass(frozen=True, slots=True)
class _Scored:
    sentence: str
    passage_index: int
    score: float
    terms: frozenset[str]
    order: int


class ExtractiveAnswerer:
    """Grounded answers built from retrieved sentences; also the found/not-found judge."""

    def __init__(
        self,
        *,
        retriever: HybridRetriever,
        min_coverage: float = 0.5,
        min_dense: float = 0.80,
        min_coverage_strong: float = 0.3,
        min_dense_strong: float = 0.88,
        max_passages: int = 4,
    ) -> None:
        self.retriever = retriever
        self.min_coverage = min_coverage
        self.min_dense = min_dense
        self.min_coverage_strong = min_coverage_strong
        self.min_dense_strong = min_dense_strong
        self.max_passages = max_passages

    # -- weights --------------------------------------------------------------------------
    def _weights(self, text: str) -> dict[str, float]:
        index = self.retriever.lexical
        return {t: index.idf(t) for t in dict.fromkeys(terms(text))}

    def coverage(self, question: str, passage: Passage) -> float:
        """Share of the question's idf weight that the passage (with its title) contains."""
        weights = self._weights(question)
        total = sum(weights.values())
        if not total:
            return 0.0
        have = set(passage.tokens.split()) | set(terms(passage.title))
        return sum(w for t, w in weights.items() if t in have) / total

    # -- decisions ------------------------------------------------------------------------
    def is_answerable(self, question: str, passages: Sequence[Passage]) -> bool:
        """True when some retrieved passage really covers the question."""
        for passage in passages[: self.max_passages]:
            cov = self.coverage(question, passage)
            dense = passage.dense or 0.0
            if cov >= self.min_coverage and dense >= self.min_dense:
                return True
            # a strong semantic match with some lexical support (paraphrased questions)
            if cov >= self.min_coverage_strong and dense >= self.min_dense_strong:
                return True
        return False

    def not_found(self, question: str) -> Answer:
        """The kind "not in my articles" reply."""
        return Answer(question=question, text=NOT_FOUND, found=False, mode="extractive")

    def resolve_followup(self, question: str, history: Sequence[Turn]) -> str:
        """A standalone retrieval query: a follow-up borrows the previous question's words."""
        if not history:
            return question
        previous = history[-1].standalone or history[-1].question
        lowered = question.lower().strip()
        tokens = set(words(question))
        is_followup = (
            bool(tokens & _ANAPHORA)
            or any(w.endswith("nya") and len(w) > 5 for w in tokens)
            or lowered.startswith(_FOLLOWUP_OPENERS)
            or len(terms(question)) <= 2
        )
        if not is_followup:
            return question
        # keep the borrowed context short: a long chain of follow-ups must not drown the question
        borrowed = previous.split()[:24]
        return f"{question} {' '.join(borrowed)}"

    # -- answering ------------------------------------------------------------------------
    def answer(self, question: str, passages: Sequence[Passage], *, standalone: str = "") -> Answer:
        """Quote the best one to three sentences, citing their passages as [n]."""
        chosen = self.select(question, passages, standalone=standalone)
        if not chosen:
            return self.not_found(question)
        numbers: dict[int, int] = {}
        sources: list[Source] = []
        parts: list[str] = []
        for item in chosen:
            if item.passage_index not in numbers:
                passage = passages[item.passage_index]
                numbers[item.passage_index] = len(numbers) + 1
                sources.append(
                    Source(
                        n=numbers[item.passage_index],
                        title=passage.title,
                        url=passage.url,
                        path=passage.path,
                        text=passage.text,
                        score=passage.score,
                        publisher=passage.publisher,
                    )
                )
            parts.append(f"{item.sentence} [{numbers[item.passage_index]}]")
        docs = {passages[item.passage_index].doc_id for item in chosen}
        if len(docs) == 1:
            lead = f"Menurut {self._source_name(passages[chosen[0].passage_index])}:"
        else:  # one outlet's name must not be put on another outlet's sentence
            lead = f"Menurut {len(docs)} artikel yang saya punya:"
        text = f"{lead} " + " ".join(parts)
        return Answer(question=question, text=text, found=True, mode="extractive", sources=sources)

    @staticmethod
    def _source_name(passage: Passage) -> str:
        if passage.publisher:
            return passage.publisher
        title = passage.title if len(passage.title) <= 70 else passage.title[:67].rstrip() + "..."
        return f"artikel \u201c{title}\u201d"

    def _sentence_weights(self, question: str) -> dict[str, float]:
        """Term weights for picking sentences: flattened idf, doubled for the asked-about words.

        Rare names locate the right passage, but inside it the sentence that answers "berapa
        upah per jam ... Savreux" is the one about "upah per jam", not the one naming Savreux.
        The words right after a question word (or right before "apa": "serikat apa") are the focus.
        """
        index = self.retriever.lexical
        focus = focus_terms(question)
        return {
            t: (0.5 + min(index.idf(t), 3.0)) * (2.0 if t in focus else 1.0)
            for t in dict.fromkeys(terms(question))
        }

    def select(
        self, question: str, passages: Sequence[Passage], *, standalone: str = ""
    ) -> list[_Scored]:
        """The sentences that answer the question, in reading order, within MAX_CHARS."""
        weights = self._sentence_weights(question)
        if standalone and standalone != question:
            for t, w in self._sentence_weights(standalone).items():
                weights.setdefault(t, 0.35 * w)
        total = sum(weights.values()) or 1.0
        focus = focus_terms(question)
        q_words = set(words(question))
        candidates: list[_Scored] = []
        order = 0
        for p_index, passage in enumerate(passages[: self.max_passages]):
            rank_bonus = 0.15 * (1.0 - p_index / self.max_passages)
            context = set(passage.tokens.split()) | set(terms(passage.title))
            for sentence in split_sentences(passage.text):
                order += 1
                s_terms = frozenset(terms(sentence))
                if not s_terms:
                    continue
                own = sum(w for t, w in weights.items() if t in s_terms)
                near = sum(w for t, w in weights.items() if t not in s_terms and t in context)
                score = (own + 0.4 * near) / total + rank_bonus
                score += _type_bonus(q_words, focus, sentence)
                if len(sentence) < 25:
                    score -= 0.2
                # prefer the crisp sentence over a long one saying the same thing
                score -= 0.05 * max(0, len(sentence) - 160) / 100
                candidates.append(_Scored(sentence, p_index, score, s_terms, order))
        if not candidates:
            return []
        candidates.sort(key=lambda c: -c.score)
        logger.debug(
            "sentence candidates: %s",
            [(round(c.score, 2), c.sentence[:60]) for c in candidates[:6]],
        )
        best = candidates[0]
        chosen = [best]
        length = len(best.sentence)
        for cand in candidates[1:]:
            if len(chosen) >= 3 or cand.score < 0.75 * best.score:
                break
            if any(_overlap(cand.terms, c.terms) >= 0.5 for c in chosen):
                continue  # the same fact told twice (e.g. by two outlets)
            if length + len(cand.sentence) > MAX_CHARS:
                continue
            chosen.append(cand)
            length += len(cand.sentence)
        if len(best.sentence) > MAX_CHARS:
            chosen = [
                _Scored(
                    _shorten(best.sentence), best.passage_index, best.score, best.terms, best.order
                )
            ]
        chosen.sort(key=lambda c: (c.passage_index != best.passage_index, c.passage_index, c.order))
        return chosen


_QUESTION_WORDS = {
    "apa",
    "apakah",
    "siapa",
    "siapakah",
    "berapa",
    "berapakah",
    "seberapa",
    "mengapa",
    "kenapa",
    "bagaimana",
    "gimana",
    "kapan",
    "mana",
    "what",
    "who",
    "how",
    "why",
    "when",
    "where",
    "which",
}


def focus_terms(question: str) -> set[str]:
    """Stemmed terms next to the question word: what is being asked about."""
    raw = words(question)
    focus: set[str] = set()
    for i, word in enumerate(raw):
        if word not in _QUESTION_WORDS or word == "apakah":
            continue
        if i > 0 and word in ("apa", "mana", "what", "which"):
            focus.update(terms(raw[i - 1]))
        after = [t for w in raw[i + 1 : i + 5] for t in terms(w)]
        focus.update(after[:3])
    return focus


def _type_bonus(q_words: set[str], focus: set[str], sentence: str) -> float:
    bonus = 0.0
    if q_words & _NUMBER_Q and _HAS_NUMBER.search(sentence):
        bonus += 0.08
        sent_words = words(sentence)
        stems = [terms(w) for w in sent_words]
        for i, word in enumerate(sent_words):
            if word[0].isdigit() and any(
                t in focus for ts in stems[max(0, i - 4) : i + 5] for t in ts
            ):
                bonus += 0.2
                break
    if q_words & _WHO_Q and _NAME.search(sentence):
        bonus += 0.15
    if q_words & _WHY_Q and re.search(
        r"\b(karena|sebab|akibat|gara-gara|alasan)\b", sentence, re.I
    ):
        bonus += 0.15
    if q_words & _WHEN_Q and re.search(
        r"\b(19|20)\d\d\b|\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Januari|Februari|Maret|April"
        r"|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)\b",
        sentence,
    ):
        bonus += 0.15
    return bonus


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _shorten(sentence: str) -> str:
    cut = sentence[: MAX_CHARS - 3]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "..."
