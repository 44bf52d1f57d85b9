"""An OpenAI-compatible HTTP server on 127.0.0.1 for tests and benchmarks.

Why a real server rather than patched clients: the LLM and embedding code goes through
langchain-openai, the openai SDK and httpx, and the faults we must survive (timeouts, refused
connections, 401/429/5xx, broken JSON) only look real when they really cross a socket. The stub
runs aiohttp on its own event loop in a daemon thread, so synchronous code under test can call it.

It serves `POST /v1/chat/completions` and `POST /v1/embeddings`, records every request (path,
headers, JSON body) and answers chat requests from a script of `Reply` values (then from a
default reply or responder). Embeddings are deterministic hashed bags of words, so retrieval
through them behaves sensibly.

`echo_passages` is a responder that answers with every passage it was given, verbatim and cited:
with it, an evaluation measures which facts reach the LLM. Run as a program
(`python -m tests.support.openai_stub --echo-passages`) it serves until interrupted and prints
its OPENAI_BASE_URL, so `tanyakerja eval FILE --llm-context` can be pointed at it.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from aiohttp import web

DEFAULT_TEXT = "Pelatih AI dibayar sekitar 15 dolar AS per jam [1]."
EMBED_DIM = 64
_WORD = re.compile(r"\w+", re.UNICODE)
_PASSAGE = re.compile(r"<kutipan nomor=\"(\d+)\"[^\n]*>\n(.*?)\n</kutipan>", re.DOTALL)
_REWRITE_QUESTION = re.compile(r"<pertanyaan_terakhir>\n(.*?)\n</pertanyaan_terakhir>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Reply:
    """One scripted answer to a chat completion request."""

    text: str | None = DEFAULT_TEXT  # assistant content; None sends `"content": null`
    status: int = 200
    delay: float = 0.0  # seconds to wait before answering
    headers: dict[str, str] = field(default_factory=dict)  # e.g. {"retry-after": "0"}
    body: str | None = None  # raw body instead of a completion (malformed JSON, errors)
    usage: dict[str, int] | None = field(
        default_factory=lambda: {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150}
    )

    @classmethod
    def error(cls, status: int, *, delay: float = 0.0, **headers: str) -> Reply:
        """An OpenAI-style error body with a status code (headers: retry_after="1" etc.)."""
        body = json.dumps({"error": {"message": f"stub error {status}", "type": "stub",
                                     "code": str(status)}})
        hdrs = {k.replace("_", "-"): v for k, v in headers.items()}
        return cls(text=None, status=status, delay=delay, headers=hdrs, body=body)


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """What really crossed the wire."""

    path: str
    headers: dict[str, str]  # lower-cased names
    body: dict[str, Any]
    at: float  # time.monotonic() when the request arrived

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The chat messages of a completion request."""
        return list(self.body.get("messages", []))

    def content(self, role: str) -> str:
        """Concatenated content of every message with this role."""
        return "\n".join(str(m.get("content", "")) for m in self.messages if m.get("role") == role)


def hashed_embedding(text: str, dim: int = EMBED_DIM) -> list[float]:
    """A deterministic bag-of-words vector: texts sharing words point the same way."""
    vec = np.zeros(dim, dtype=np.float64)
    for word in _WORD.findall(text.lower()):
        digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
        idx = int.from_bytes(digest[:4], "little") % dim
        vec[idx] += 1.0 if digest[4] % 2 else -1.0
    if not vec.any():
        vec[0] = 1.0
    return [float(x) for x in vec]


class OpenAIStub:
    """A scripted OpenAI-compatible server; use `running_stub()` or start()/stop()."""

    def __init__(
        self,
        *,
        default: Reply | None = None,
        responder: Callable[[RecordedRequest], Reply] | None = None,
        embed_dim: int = EMBED_DIM,
    ) -> None:
        self.default = default or Reply()
        self.responder = responder
        self.embed_dim = embed_dim
        self.requests: list[RecordedRequest] = []
        self.embedding_failures: deque[Reply] = deque()
        self._script: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None
        self._closing: asyncio.Event | None = None
        self.port = 0

    # -- control --------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """The OPENAI_BASE_URL pointing at this stub."""
        return f"http://127.0.0.1:{self.port}/v1"

    def script(self, *replies: Reply) -> None:
        """Queue replies for the next chat requests, in order."""
        with self._lock:
            self._script.extend(replies)

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        """Recorded chat completion requests."""
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    @property
    def embedding_requests(self) -> list[RecordedRequest]:
        """Recorded embedding requests."""
        return [r for r in self.requests if r.path.endswith("/embeddings")]

    def start(self) -> OpenAIStub:
        """Bind a random port on 127.0.0.1 and serve in a background thread."""
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)
        return self

    def stop(self) -> None:
        """Stop serving; pending delayed replies are cut short."""
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

    # -- server ---------------------------------------------------------------------------
    async def _start(self) -> None:
        self._closing = asyncio.Event()
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._chat)
        app.router.add_post("/v1/embeddings", self._embeddings)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def _stop(self) -> None:
        assert self._closing is not None
        assert self._runner is not None
        self._closing.set()
        await self._runner.cleanup()

    async def _record(self, request: web.Request) -> RecordedRequest:
        raw = await request.read()
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            body = {"_raw": raw.decode("utf-8", "replace")}
        rec = RecordedRequest(
            path=request.path,
            headers={k.lower(): v for k, v in request.headers.items()},
            body=body,
            at=time.monotonic(),
        )
        with self._lock:
            self.requests.append(rec)
        return rec

    async def _wait(self, delay: float) -> None:
        if delay > 0:
            assert self._closing is not None
            with suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), timeout=delay)

    def _next_reply(self, rec: RecordedRequest) -> Reply:
        with self._lock:
            if self._script:
                return self._script.popleft()
        if self.responder is not None:
            return self.responder(rec)
        return self.default

    async def _chat(self, request: web.Request) -> web.Response:
        rec = await self._record(request)
        reply = self._next_reply(rec)
        await self._wait(reply.delay)
        if reply.body is not None:
            return web.Response(
                status=reply.status, text=reply.body, headers=reply.headers,
                content_type="application/json",
            )
        payload: dict[str, Any] = {
            "id": f"chatcmpl-stub-{len(self.requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": rec.body.get("model", "stub"),
            "choices": [{
                "index": 0,
                "message": {"role": "assistant", "content": reply.text},
                "finish_reason": "stop",
            }],
        }
        if reply.usage is not None:
            payload["usage"] = reply.usage
        return web.json_response(payload, status=reply.status, headers=reply.headers)

    async def _embeddings(self, request: web.Request) -> web.Response:
        rec = await self._record(request)
        with self._lock:
            failure = self.embedding_failures.popleft() if self.embedding_failures else None
        if failure is not None:
            await self._wait(failure.delay)
            return web.Response(status=failure.status, text=failure.body or "",
                                headers=failure.headers, content_type="application/json")
        inputs = rec.body.get("input", [])
        if isinstance(inputs, str):
            inputs = [inputs]
        as_base64 = rec.body.get("encoding_format") == "base64"
        data = []
        for i, text in enumerate(inputs):
            vec = hashed_embedding(str(text), self.embed_dim)
            emb: Any = vec
            if as_base64:
                emb = base64.b64encode(np.asarray(vec, dtype=np.float32).tobytes()).decode()
            data.append({"object": "embedding", "index": i, "embedding": emb})
        tokens = sum(len(_WORD.findall(str(t))) for t in inputs)
        return web.json_response({
            "object": "list",
            "data": data,
            "model": rec.body.get("model", "stub"),
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        })


def echo_passages(request: RecordedRequest) -> Reply:
    """Every passage of the answer request, verbatim, each cited with its number.

    A follow-up rewrite request (no passages) gets its last question back unchanged.
    """
    user = request.content("user")
    blocks = _PASSAGE.findall(user)
    if blocks:
        return Reply(text="\n".join(f"{text} [{n}]" for n, text in blocks))
    rewrite = _REWRITE_QUESTION.search(user)
    return Reply(text=rewrite.group(1) if rewrite else DEFAULT_TEXT)


@contextmanager
def running_stub(
    *, default: Reply | None = None, responder: Callable[[RecordedRequest], Reply] | None = None
) -> Iterator[OpenAIStub]:
    """Start a stub for the duration of a `with` block."""
    stub = OpenAIStub(default=default, responder=responder).start()
    try:
        yield stub
    finally:
        stub.stop()


def closed_port_url() -> str:
    """A base URL on 127.0.0.1 where nothing listens, so connecting is refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="OpenAI-compatible stub on 127.0.0.1")
    parser.add_argument("--echo-passages", action="store_true",
                        help="answer with every passage given (to measure facts reaching the LLM)")
    args = parser.parse_args()
    server = OpenAIStub(responder=echo_passages if args.echo_passages else None).start()
    print(f"OPENAI_BASE_URL={server.base_url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()
