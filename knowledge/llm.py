"""Chat models behind one small Protocol, and the retry policy shared by all of them.

Why our own Protocol: the answerer only needs "system prompt + one user message in, text and
token usage out". Keeping that to one method lets tests and other backends plug in without
LangChain, while the production backend is a real LangChain runnable
(`ChatPromptTemplate | ChatOpenAI`) that LangChain users can reuse.

Why our own retry loop instead of the SDK's or `Runnable.with_retry`: the openai SDK also retries
refused connections and timeouts, and neither honours one overall deadline. Here a backend makes
exactly one attempt and classifies its failure as `LLMUnavailable`; `complete_with_retries`
retries only rate limits (429) and server errors (5xx), with exponential backoff (or the
server's Retry-After), and never lets the total time pass the timeout.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.runnables import Runnable

    from knowledge.settings import Settings

logger = logging.getLogger(__name__)

# Local servers (Ollama, llama.cpp, vLLM) ignore the key, but the openai SDK refuses to build a
# client without one.
PLACEHOLDER_API_KEY = "not-needed"
_MIN_ATTEMPT_S = 0.05  # never start an attempt with less time than this left
_MAX_BACKOFF_S = 8.0


@dataclass(frozen=True, slots=True)
class ChatReply:
    """The text of one completion and its token usage."""

    text: str
    usage: dict[str, int] = field(default_factory=dict)
    model: str = ""


class LLMUnavailable(Exception):
    """One attempt failed; `reason` is a short category, safe to log (never the server's body)."""

    RETRYABLE = frozenset({"rate_limit", "server_error"})

    def __init__(self, reason: str, *, status: int | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(reason if status is None else f"{reason} (HTTP {status})")
        self.reason = reason
        self.status = status
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        """True for 429 and 5xx, the only faults worth another attempt."""
        return self.reason in self.RETRYABLE


class ChatModel(Protocol):
    """A chat model: one constant system prompt and one user message in, one reply out."""

    def complete(self, system: str, user: str, *, timeout: float) -> ChatReply:
        """Make exactly one attempt within `timeout` seconds; raise LLMUnavailable on failure."""
        ...


def complete_with_retries(
    model: ChatModel,
    system: str,
    user: str,
    *,
    timeout: float,
    max_retries: int,
    backoff_s: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[ChatReply, int]:
    """One completion within `timeout` seconds overall; returns the reply and attempts made."""
    deadline = time.monotonic() + timeout
    attempt = 0
    while True:
        attempt += 1
        remaining = deadline - time.monotonic()
        try:
            return model.complete(system, user, timeout=max(remaining, _MIN_ATTEMPT_S)), attempt
        except LLMUnavailable as exc:
            if not exc.retryable or attempt > max_retries:
                raise
            wait = exc.retry_after
            if wait is None:
                wait = backoff_s * (2 ** (attempt - 1)) * random.uniform(0.75, 1.0)
            wait = min(max(wait, 0.0), _MAX_BACKOFF_S)
            if time.monotonic() + wait + _MIN_ATTEMPT_S >= deadline:
                logger.warning("LLM %s; no time left for a retry", exc)
                raise
            logger.warning("LLM %s; retry %d/%d in %.2f s", exc, attempt, max_retries, wait)
            sleep(wait)


def _retry_after(headers: Any) -> float | None:
    """Seconds from `retry-after-ms` or `retry-after` (HTTP dates are ignored: backoff instead)."""
    if headers is None:
        return None
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return float(value) * scale
        except ValueError:
            continue
    return None


def classify(exc: BaseException) -> LLMUnavailable:
    """Map an openai/langchain/httpx/JSON failure to an LLMUnavailable category."""
    import openai

    if isinstance(exc, LLMUnavailable):
        return exc
    if isinstance(exc, openai.APITimeoutError):
        return LLMUnavailable("timeout")
    if isinstance(exc, openai.APIConnectionError):
        return LLMUnavailable("connection")
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        after = _retry_after(getattr(exc.response, "headers", None))
        if status in (401, 403):
            return LLMUnavailable("auth", status=status)
        if status == 429:
            return LLMUnavailable("rate_limit", status=status, retry_after=after)
        if status >= 500:
            return LLMUnavailable("server_error", status=status, retry_after=after)
        return LLMUnavailable("rejected", status=status)
    if isinstance(exc, TimeoutError):
        return LLMUnavailable("timeout")
    if isinstance(exc, ConnectionError):
        return LLMUnavailable("connection")
    # JSONDecodeError, missing/null `choices`, a non-JSON body: the server answered nonsense.
    return LLMUnavailable("malformed")


class OpenAIChatModel:
    """Any OpenAI-compatible chat endpoint through `ChatPromptTemplate | ChatOpenAI`."""

    def __init__(self, *, llm: BaseChatModel) -> None:
        from langchain_core.prompts import ChatPromptTemplate

        self.llm = llm
        # The system text and the user text are template *values*, so braces inside passages
        # are never parsed as template variables.
        self.prompt = ChatPromptTemplate.from_messages(
            [("system", "{system}"), ("human", "{user}")]
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAIChatModel:
        """ChatOpenAI on OPENAI_BASE_URL / OPENAI_API_KEY / LLM_MODEL, SDK retries off."""
        from langchain_openai import ChatOpenAI
        from pydantic import SecretStr

        key = settings.openai_api_key or SecretStr(PLACEHOLDER_API_KEY)
        llm = ChatOpenAI(
            model=settings.llm_model,
            base_url=settings.openai_base_url,
            api_key=key,
            timeout=settings.llm_timeout_s,
            max_retries=0,  # complete_with_retries decides what deserves another attempt
            temperature=0.2,
            max_completion_tokens=settings.llm_max_tokens,  # a runaway reply costs time and money
            use_responses_api=False,  # compatible servers only speak chat completions
        )
        return cls(llm=llm)

    @property
    def runnable(self) -> Runnable[Any, Any]:
        """The LangChain runnable (`{"system", "user"}` in, AIMessage out) for LangChain users."""
        return self.prompt | self.llm

    def complete(self, system: str, user: str, *, timeout: float) -> ChatReply:
        """One attempt through the runnable, with this call's own timeout."""
        chain = self.prompt | self.llm.bind(timeout=timeout)
        try:
            message = chain.invoke({"system": system, "user": user})
        except Exception as exc:  # every SDK, transport and parsing failure is classified
            raise classify(exc) from exc
        text = str(getattr(message, "text", "") or "").strip()
        if not text:
            raise LLMUnavailable("empty")
        raw_usage = getattr(message, "usage_metadata", None) or {}
        usage = {
            key: int(raw_usage[key])
            for key in ("input_tokens", "output_tokens", "total_tokens")
            if isinstance(raw_usage.get(key), int)
        }
        model_name = str(getattr(message, "response_metadata", {}).get("model_name", ""))
        return ChatReply(text=text, usage=usage, model=model_name)


class EchoPassagesChat:
    """A ChatModel that answers with every passage it was given, verbatim and cited.

    It measures retrieval, not language: with it, every fact in the context reaches the answer,
    so an evaluation shows what an ideal LLM could have used ("facts reaching the LLM").
    """

    def complete(self, system: str, user: str, *, timeout: float) -> ChatReply:
        """Each <kutipan> block's text followed by its [n]; the question itself for a rewrite."""
        from knowledge.llm_answerer import passages_in

        texts = passages_in(user)
        if not texts:  # a follow-up rewrite: keep the question as it was asked
            last = user.rsplit("<pertanyaan_terakhir>", 1)[-1]
            return ChatReply(text=last.split("</pertanyaan_terakhir>", 1)[0].strip() or user)
        return ChatReply(text="\n".join(f"{t} [{n}]" for n, t in enumerate(texts, start=1)))


@dataclass
class RecordingChat:
    """Wraps a ChatModel and keeps every user message sent through it (for evaluation)."""

    inner: ChatModel
    sent: list[str] = field(default_factory=list)

    def complete(self, system: str, user: str, *, timeout: float) -> ChatReply:
        """Record the user message, then delegate."""
        self.sent.append(user)
        return self.inner.complete(system, user, timeout=timeout)

    def take(self) -> list[str]:
        """The messages recorded since the last take."""
        sent, self.sent = self.sent, []
        return sent
