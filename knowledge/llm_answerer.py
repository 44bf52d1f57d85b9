"""LLM answers that stay grounded: numbered passages in, checked citations out, never a dead end.

Why each rule:
- The system prompt (knowledge/prompts/answer.txt) is constant; passages and the question travel
  in the user message inside <kutipan>/<pertanyaan> delimiters, with any look-alike delimiters
  removed from them, so an article that says "abaikan instruksi" is just more data.
- Every value placed in the prompt (passage text, title, publisher, date) goes through the same
  cleaning, and attribute values lose quotes and angle brackets, so front matter cannot open or
  close a block either.
- The model answers "TIDAK_ADA_JAWABAN" (NOT_FOUND_MARKER) when the passages lack the answer, or
  says so in a sentence (knowledge.llm_reply reads both, in Indonesian and English); either gives
  `found` False with the extractive answerer's kind Indonesian text: the model's judgement is
  never overridden by an extractive answer. A reply that opens by saying the passages do not
  cover part of the question is a partial answer (`partial` True).
- A reply is cut at a sentence end to LLM_MAX_ANSWER_CHARS (and the call capped at
  LLM_MAX_TOKENS) before citations are checked, so a runaway reply never floods a phone.
- Citations are rewritten, not trusted: numbers that point at no given passage are removed, the
  rest renumbered 1..k in order of first use, and `sources` holds exactly those passages. A
  found answer with no valid citation is not shown: the offline answer is (the caller's
  `offline`, with its own found/not-found decision, or else the extractive answer).
- Any LLM fault (timeout, refused connection, 401, 429, 5xx, malformed or empty reply) gives the
  offline answer plus one Indonesian line saying so (also in `note`). After a fault the LLM is
  skipped for a short cool-down, so a follow-up's rewrite timing out does not make the answer
  wait again.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Protocol

from knowledge.llm import (
    ChatModel,
    ChatReply,
    LLMUnavailable,
    OpenAIChatModel,
    complete_with_retries,
)
from knowledge.llm_reply import cut_to_length, read_reply
from knowledge.types import Answer, Passage, Source, Turn

if TYPE_CHECKING:
    from knowledge.settings import Settings

logger = logging.getLogger(__name__)

NOT_FOUND_MARKER = "TIDAK_ADA_JAWABAN"
UNAVAILABLE_NOTE = "Layanan AI sedang tidak tersedia, jadi ini jawaban langsung dari artikel."

_MARKER_RE = re.compile(r"TIDAK[\s_]+ADA[\s_]+JAWABAN\.?", re.IGNORECASE)
# [1], [1, 3], [2-4]; in [1][2] each bracket is a group of its own.
_CITATION_RE = re.compile(r"\[\s*(\d+(?:\s*[-–,;]\s*\d+)*)\s*[,;]?\s*\]")
# Other ways models write a citation, normalised to [n] before checking.
_ODD_CITATION = re.compile(
    r"【\s*(\d+)\s*】|\[\s*(?:kutipan|sumber|passage|source)\s+(\d+)\s*\]", re.IGNORECASE
)
_REPEATED_CITATION = re.compile(r"(\[\d+\])(?:\s*\1)+")
# A delimiter tag, also unterminated ("</kutipan" at the end of a value).
_DELIMITER_RE = re.compile(
    r"</?\s*(?:kutipan|pertanyaan|percakapan|pertanyaan_terakhir)\b[^<>\n]{0,200}>?",
    re.IGNORECASE,
)
_ATTRIBUTE_MAX = 300
_PASSAGE_BLOCK = re.compile(r"<kutipan nomor=\"(\d+)\"[^\n]*>\n(.*?)\n</kutipan>", re.DOTALL)
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([.,;:!?])")
_QUERY_PREFIX = re.compile(r"^(?:kueri(?: pencarian)?|query|pertanyaan(?: mandiri)?)\s*:\s*",
                           re.IGNORECASE)
_QUOTES = "\"'`“”‘’«»*"
_MIN_TAIL_CHARS = 200  # a truncated last passage shorter than this is not worth sending
_HISTORY_ANSWER_CHARS = 400
_MAX_QUERY_CHARS = 300
_DOWN_REASONS = frozenset({"timeout", "connection", "auth", "rate_limit", "server_error"})


@cache
def load_prompt(name: str) -> str:
    """A prompt from knowledge/prompts/, read once."""
    return resources.files("knowledge.prompts").joinpath(name).read_text(encoding="utf-8").strip()


class Fallback(Protocol):
    """What the LLM answerer needs from the extractive answerer."""

    def answer(self, question: str, passages: list[Passage], *, standalone: str) -> Answer:
        """A grounded extractive answer."""
        ...

    def not_found(self, question: str) -> Answer:
        """The kind "not in my articles" answer."""
        ...

    def resolve_followup(self, question: str, history: Sequence[Turn]) -> str:
        """Offline follow-up resolution."""
        ...


@dataclass(frozen=True, slots=True)
class Cited:
    """An LLM reply after citation checking."""

    text: str
    order: list[int]  # given passage numbers (1-based), in order of first citation


def _clean(text: str) -> str:
    """Passage or question text with our delimiters removed, so it cannot close a data block."""
    return _DELIMITER_RE.sub(" ", text).strip()


def _attribute(value: str | None) -> str:
    """A metadata value for a tag attribute: cleaned like text, one line, no quotes or brackets."""
    text = _clean(value or "").replace('"', "'").replace("<", "‹").replace(">", "›")
    return _truncate(" ".join(text.split()), _ATTRIBUTE_MAX)


def passages_in(user_message: str) -> list[str]:
    """The passage texts of a rendered user message, in order (what the LLM was given)."""
    return [m.group(2) for m in _PASSAGE_BLOCK.finditer(user_message)]


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def select_context(passages: Sequence[Passage], *, max_passages: int, max_chars: int) -> list[str]:
    """The passage texts to send: at most max_passages, max_chars in total (last one trimmed)."""
    texts: list[str] = []
    left = max_chars
    for passage in passages[: max(max_passages, 1)]:
        text = _clean(passage.text)
        if len(text) > left:
            if texts and left < _MIN_TAIL_CHARS:
                break
            text = _truncate(text, left)
        texts.append(text)
        left -= len(text)
        if left <= 0:
            break
    return texts


def render_user_message(question: str, passages: Sequence[Passage], texts: Sequence[str]) -> str:
    """The data message: numbered passages in delimiters, then the question."""
    blocks = []
    for n, (passage, text) in enumerate(zip(passages, texts, strict=False), start=1):
        about = ", ".join(a for a in (_attribute(passage.publisher), _attribute(passage.date)) if a)
        title = _attribute(passage.title)
        head = f'<kutipan nomor="{n}" judul="{title}"' + (f' sumber="{about}">' if about else ">")
        blocks.append(f"{head}\n{text}\n</kutipan>")
    return "\n\n".join(blocks) + f"\n\n<pertanyaan>\n{_clean(question)}\n</pertanyaan>"


def _numbers(group: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*[,;]\s*", group):
        bounds = [int(x) for x in re.split(r"\s*[-–]\s*", part) if x]
        if len(bounds) == 2 and 0 < bounds[1] - bounds[0] <= 10:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return out


def check_citations(text: str, n_given: int) -> Cited:
    """Drop citations to passages not given; renumber the rest 1..k in order of first use."""
    order: list[int] = []

    def replace(match: re.Match[str]) -> str:
        new: list[int] = []
        for n in _numbers(match.group(1)):
            if not 1 <= n <= n_given:
                continue
            if n not in order:
                order.append(n)
            m = order.index(n) + 1
            if m not in new:
                new.append(m)
        return "".join(f"[{m}]" for m in new)

    text = _ODD_CITATION.sub(lambda m: f"[{m.group(1) or m.group(2)}]", text)
    cited = _REPEATED_CITATION.sub(r"\1", _CITATION_RE.sub(replace, text))
    cited = _SPACE_BEFORE_PUNCT.sub(r"\1", cited)
    cited = re.sub(r"[ \t]{2,}", " ", cited).strip()
    return Cited(text=cited, order=order)


def clean_query(reply: str) -> str:
    """The standalone query from a rewrite reply: first line, no label, no quotes."""
    lines = [line.strip() for line in reply.strip().splitlines() if line.strip()]
    if not lines:
        return ""
    query = _QUERY_PREFIX.sub("", lines[0]).strip().strip(_QUOTES).strip()
    query = _QUERY_PREFIX.sub("", query).strip().strip(_QUOTES).strip()
    return "" if _MARKER_RE.search(query) else query


class LLMAnswerer:
    """Answers from retrieved passages through a ChatModel, falling back to extractive answers."""

    def __init__(
        self,
        *,
        chat: ChatModel,
        fallback: Fallback,
        timeout_s: float = 30.0,
        max_retries: int = 2,
        max_passages: int = 5,
        max_context_chars: int = 6000,
        max_answer_chars: int = 900,
        backoff_s: float = 0.5,
        cooldown_s: float = 30.0,
    ) -> None:
        self.chat = chat
        self.fallback = fallback
        self.timeout_s = timeout_s
        self.max_retries = max_retries
        self.max_passages = max_passages
        self.max_context_chars = max_context_chars
        self.max_answer_chars = max_answer_chars
        self.backoff_s = backoff_s
        self.cooldown_s = cooldown_s
        self._down_until = 0.0
        self.system_prompt = load_prompt("answer.txt")
        self.rewrite_prompt = load_prompt("rewrite.txt")

    @classmethod
    def from_settings(cls, settings: Settings, *, fallback: Fallback) -> LLMAnswerer:
        """ChatOpenAI on the configured endpoint, with the settings' budgets."""
        return cls(
            chat=OpenAIChatModel.from_settings(settings),
            fallback=fallback,
            timeout_s=settings.llm_timeout_s,
            max_retries=settings.llm_max_retries,
            max_passages=settings.llm_max_passages,
            max_context_chars=settings.llm_max_context_chars,
            max_answer_chars=settings.llm_max_answer_chars,
        )

    # -- the LLM call ---------------------------------------------------------------------
    def _call(self, purpose: str, system: str, user: str) -> ChatReply:
        if time.monotonic() < self._down_until:
            logger.info("LLM %s skipped: cooling down after a recent failure", purpose)
            raise LLMUnavailable("cooling_down")
        started = time.perf_counter()
        try:
            reply, attempts = complete_with_retries(
                self.chat, system, user, timeout=self.timeout_s, max_retries=self.max_retries,
                backoff_s=self.backoff_s,
            )
        except LLMUnavailable as exc:
            if exc.reason in _DOWN_REASONS:
                self._down_until = time.monotonic() + self.cooldown_s
            logger.warning(
                "LLM %s failed after %.0f ms: %s", purpose, (time.perf_counter() - started) * 1000,
                exc,
            )
            raise
        logger.info(
            "LLM %s: model=%s attempts=%d latency_ms=%.0f input_tokens=%s output_tokens=%s "
            "total_tokens=%s", purpose, reply.model or "?", attempts,
            (time.perf_counter() - started) * 1000, reply.usage.get("input_tokens", "?"),
            reply.usage.get("output_tokens", "?"), reply.usage.get("total_tokens", "?"),
        )
        return reply

    # -- public ---------------------------------------------------------------------------
    def rewrite(self, question: str, history: Sequence[Turn]) -> str:
        """A standalone retrieval query for a follow-up; offline resolution if the LLM fails."""
        if not history:
            return question
        lines = []
        for turn in history:
            lines.append(f"Pengguna: {_clean(turn.question)}")
            lines.append(f"TanyaKerja: {_truncate(_clean(turn.answer), _HISTORY_ANSWER_CHARS)}")
        user = (
            "<percakapan>\n" + "\n".join(lines) + "\n</percakapan>\n\n"
            f"<pertanyaan_terakhir>\n{_clean(question)}\n</pertanyaan_terakhir>"
        )
        try:
            reply = self._call("rewrite", self.rewrite_prompt, user)
        except LLMUnavailable:
            return self.fallback.resolve_followup(question, history)
        query = clean_query(reply.text)
        if not query or len(query) > _MAX_QUERY_CHARS:
            logger.warning("LLM rewrite unusable (%d chars); using offline resolution", len(query))
            return self.fallback.resolve_followup(question, history)
        return query

    def answer(
        self, question: str, passages: list[Passage], *, standalone: str,
        offline: Callable[[], Answer] | None = None,
    ) -> Answer:
        """A cited LLM answer (mode "llm"), or the offline one when the LLM cannot give it.

        `offline` is the answer without an LLM (the caller's own found/partial/not-found decision
        included); without it, the fallback's extractive answer.
        """
        without_llm = offline or (
            lambda: self.fallback.answer(question, passages, standalone=standalone)
        )
        if not passages:
            return self.fallback.not_found(question)
        texts = select_context(
            passages, max_passages=self.max_passages, max_chars=self.max_context_chars
        )
        given = passages[: len(texts)]
        # the resolved question: "Berapa umurnya?" alone would leave the model guessing who
        user = render_user_message(standalone or question, given, texts)
        try:
            reply = self._call("answer", self.system_prompt, user)
        except LLMUnavailable:
            return self._unavailable(without_llm())

        text = cut_to_length(reply.text, self.max_answer_chars)
        cited = check_citations(_MARKER_RE.sub("", text), len(given))
        reading = read_reply(cited.text)
        if (_MARKER_RE.search(text) and not cited.order) or reading == "refusal":
            answer = self.fallback.not_found(question)
            answer.mode = "llm"
            answer.usage = dict(reply.usage)
            return answer
        if not cited.order or not cited.text:
            logger.warning("LLM answer cited no given passage; using the extractive answer")
            answer = without_llm()
            answer.usage = dict(reply.usage)
            return answer
        sources = [
            Source(
                n=new, title=given[old - 1].title, url=given[old - 1].url,
                path=given[old - 1].path, text=texts[old - 1], score=given[old - 1].score,
                publisher=given[old - 1].publisher,
            )
            for new, old in enumerate(cited.order, start=1)
        ]
        return Answer(
            question=question, text=cited.text, found=True, mode="llm", sources=sources,
            partial=reading == "partial", standalone_question=standalone,
            usage=dict(reply.usage),
        )

    def _unavailable(self, answer: Answer) -> Answer:
        answer.note = UNAVAILABLE_NOTE
        answer.text = f"{answer.text.rstrip()}\n\n{UNAVAILABLE_NOTE}"
        return answer
