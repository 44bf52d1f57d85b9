"""OpenAIChatModel and the retry policy, over real HTTP against the OpenAI-compatible stub."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from knowledge.llm import (
    PLACEHOLDER_API_KEY,
    ChatReply,
    LLMUnavailable,
    OpenAIChatModel,
    complete_with_retries,
)
from knowledge.settings import Settings
from tests.support.openai_stub import OpenAIStub, Reply, closed_port_url

KEY = "sk-test-llm-0123456789abcdef"


@pytest.fixture
def model(stub: OpenAIStub, make_settings: Callable[..., Settings]) -> OpenAIChatModel:
    """ChatOpenAI pointed at the stub."""
    settings = make_settings(openai_base_url=stub.base_url, openai_api_key=KEY, llm_model="m-test")
    return OpenAIChatModel.from_settings(settings)


def test_request_carries_system_user_model_and_key(
    stub: OpenAIStub, model: OpenAIChatModel
) -> None:
    reply = model.complete("SISTEM {tidak_ada_variabel}", "PENGGUNA {x}", timeout=2)

    assert reply == ChatReply(
        text="Pelatih AI dibayar sekitar 15 dolar AS per jam [1].",
        usage={"input_tokens": 120, "output_tokens": 30, "total_tokens": 150},
        model="m-test",
    )
    (req,) = stub.chat_requests
    assert req.body["model"] == "m-test"
    assert req.messages == [
        {"role": "system", "content": "SISTEM {tidak_ada_variabel}"},
        {"role": "user", "content": "PENGGUNA {x}"},
    ]
    assert req.headers["authorization"] == f"Bearer {KEY}"


def test_base_url_without_key_sends_placeholder(
    stub: OpenAIStub, make_settings: Callable[..., Settings]
) -> None:
    # Ollama and friends need no key; the SDK still wants one.
    model = OpenAIChatModel.from_settings(make_settings(openai_base_url=stub.base_url))
    model.complete("s", "u", timeout=2)
    assert stub.chat_requests[0].headers["authorization"] == f"Bearer {PLACEHOLDER_API_KEY}"
    assert stub.chat_requests[0].body["model"] == "gpt-4o-mini"


def test_runnable_is_prompt_piped_into_chat_openai(model: OpenAIChatModel) -> None:
    message = model.runnable.invoke({"system": "s", "user": "u"})
    assert "15 dolar" in message.text


@pytest.mark.parametrize(
    ("reply", "reason", "status"),
    [
        (Reply.error(401), "auth", 401),
        (Reply.error(403), "auth", 403),
        (Reply.error(429, retry_after="3"), "rate_limit", 429),
        (Reply.error(500), "server_error", 500),
        (Reply.error(503), "server_error", 503),
        (Reply.error(400), "rejected", 400),
        (Reply(body="{not json"), "malformed", None),
        (Reply(body='{"object": "chat.completion"}'), "malformed", None),
        (Reply(body="<html>Bad gateway</html>"), "malformed", None),
        (Reply(text=""), "empty", None),
        (Reply(text=None), "empty", None),
        (Reply(text="   \n"), "empty", None),
    ],
)
def test_faults_are_classified(
    stub: OpenAIStub, model: OpenAIChatModel, reply: Reply, reason: str, status: int | None
) -> None:
    stub.script(reply)
    with pytest.raises(LLMUnavailable) as info:
        model.complete("s", "u", timeout=2)
    assert info.value.reason == reason
    assert info.value.status == status
    if reason == "rate_limit":
        assert info.value.retry_after == 3.0


def test_timeout_is_classified_and_respected(stub: OpenAIStub, model: OpenAIChatModel) -> None:
    stub.script(Reply(delay=3))
    started = time.monotonic()
    with pytest.raises(LLMUnavailable) as info:
        model.complete("s", "u", timeout=0.4)
    assert info.value.reason == "timeout"
    assert time.monotonic() - started < 1.5


def test_connection_refused(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(openai_base_url=closed_port_url(), openai_api_key=KEY)
    with pytest.raises(LLMUnavailable) as info:
        OpenAIChatModel.from_settings(settings).complete("s", "u", timeout=2)
    assert info.value.reason == "connection"


# -- retry policy ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 500, 503])
def test_retries_rate_limits_and_server_errors(
    stub: OpenAIStub, model: OpenAIChatModel, status: int
) -> None:
    stub.script(Reply.error(status, retry_after="0"), Reply.error(status, retry_after="0"))
    reply, attempts = complete_with_retries(model, "s", "u", timeout=3, max_retries=2)
    assert attempts == 3
    assert len(stub.chat_requests) == 3
    assert reply.text.startswith("Pelatih AI")


def test_backoff_grows_without_retry_after(stub: OpenAIStub, model: OpenAIChatModel) -> None:
    stub.script(Reply.error(503), Reply.error(503))
    complete_with_retries(model, "s", "u", timeout=3, max_retries=2, backoff_s=0.1)
    first, second, third = (r.at for r in stub.chat_requests)
    assert second - first >= 0.07
    assert third - second > second - first  # exponential, not constant


def test_gives_up_after_max_retries(stub: OpenAIStub, model: OpenAIChatModel) -> None:
    stub.script(*[Reply.error(429, retry_after="0")] * 5)
    with pytest.raises(LLMUnavailable) as info:
        complete_with_retries(model, "s", "u", timeout=3, max_retries=2)
    assert info.value.reason == "rate_limit"
    assert len(stub.chat_requests) == 3


@pytest.mark.parametrize("reply", [Reply.error(401), Reply(body="{oops"), Reply(text="")])
def test_no_retry_for_auth_or_bad_replies(
    stub: OpenAIStub, model: OpenAIChatModel, reply: Reply
) -> None:
    stub.script(reply)
    with pytest.raises(LLMUnavailable):
        complete_with_retries(model, "s", "u", timeout=3, max_retries=2)
    assert len(stub.chat_requests) == 1


def test_no_retry_after_timeout(stub: OpenAIStub, model: OpenAIChatModel) -> None:
    stub.script(Reply(delay=3), Reply(delay=3))
    started = time.monotonic()
    with pytest.raises(LLMUnavailable):
        complete_with_retries(model, "s", "u", timeout=0.5, max_retries=2)
    assert time.monotonic() - started < 1.2
    assert len(stub.chat_requests) == 1


def test_retry_never_passes_the_deadline(stub: OpenAIStub, model: OpenAIChatModel) -> None:
    # The server asks for 5 s; the budget is 0.8 s: give up now rather than overrun.
    stub.script(Reply.error(503, retry_after="5"))
    started = time.monotonic()
    with pytest.raises(LLMUnavailable):
        complete_with_retries(model, "s", "u", timeout=0.8, max_retries=3)
    assert time.monotonic() - started < 0.8
    assert len(stub.chat_requests) == 1


def test_slow_retries_share_one_budget(stub: OpenAIStub, model: OpenAIChatModel) -> None:
    # Each 503 takes 0.3 s to arrive; the third attempt only gets what is left of 1 s.
    stub.script(*[Reply.error(503, delay=0.3, retry_after="0")] * 2, Reply(delay=2))
    started = time.monotonic()
    with pytest.raises(LLMUnavailable):
        complete_with_retries(model, "s", "u", timeout=1.0, max_retries=5)
    assert time.monotonic() - started < 1.5
