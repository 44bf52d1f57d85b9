"""Concurrency: 50 workers ask at the same moment, through the real Telegram stack.

Why end to end: what a worker feels is the time from sending a message until the bot's answer
arrives, and that passes through python-telegram-bot (long polling, the per-chat update
processor, the rate limiter), `asyncio.to_thread` around the CPU-bound `KnowledgeService.ask`,
and, with an LLM, one HTTP call per question. The fake Bot API (tests/support/fake_bot_api.py)
hands all 50 messages to the bot in one getUpdates batch and timestamps every sendMessage; the
OpenAI-compatible stub (tests/support/openai_stub.py) answers each chat request after 1 s.
A serial bot would need about 50 s; the target is every answer within 3 s.

The bot's post_init gives the event loop a 64-thread default pool (an LLM call holds a thread
while it waits); `--workers N` sets another size before start-up, for experiments, but
post_init's pool replaces it.

Run alone: `.venv/bin/python -m bench.concurrency [--users 50] [--delay 1.0] [--workers 64]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench.common import SEED_QUESTIONS, Workspace, build_index, percentile, seed_workspace

ANSWERABLE = SEED_QUESTIONS[:8]


@dataclass(frozen=True)
class Concurrency:
    """Per-user latencies (s) from the moment all messages were queued to each answer."""

    label: str
    users: int
    latencies: list[float]
    llm_requests: int

    @property
    def answered(self) -> int:
        """How many users got an answer."""
        return len(self.latencies)

    @property
    def max(self) -> float:
        """The slowest answer."""
        return max(self.latencies) if self.latencies else float("nan")

    @property
    def p50(self) -> float:
        """Median."""
        return percentile(self.latencies, 50)


async def _run(
    ws: Workspace, *, users: int, llm_delay: float | None, workers: int | None, label: str
) -> Concurrency:
    from bot.conversation import Conversations
    from bot.services import Services
    from ingest.pipeline import Ingester
    from knowledge.embedders import E5Embedder
    from knowledge.questionlog import open_question_log
    from knowledge.service import KnowledgeService
    from knowledge.suggestions import Suggestions
    from tests.support.bot_fakes import running_bot
    from tests.support.openai_stub import RecordedRequest, Reply, running_stub

    def responder(_req: RecordedRequest) -> Reply:
        return Reply(text="Menurut artikel, pelatih AI dibayar 15 dolar AS per jam [1].",
                     delay=llm_delay or 0.0)

    with running_stub(responder=responder) as stub, ws.inside():
        extra = (
            {"openai_base_url": stub.base_url, "openai_api_key": "sk-bench"} if llm_delay else {}
        )
        settings = ws.settings(rate_limit_per_minute=1000, **extra)
        knowledge = KnowledgeService.from_settings(settings, embedder=E5Embedder())
        knowledge.ask(ANSWERABLE[0])  # warm: lexical snapshot, engine, HTTP client
        services = Services(
            settings=settings, knowledge=knowledge,
            ingester=Ingester(
                settings=settings, store=knowledge.store, embedder=knowledge.embedder
            ),
            log=open_question_log(settings), conversations=Conversations.from_settings(settings),
            suggestions=Suggestions(()),  # post_init would otherwise ask every suggestion
        )
        if workers:
            asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(workers))
        async with running_bot(services) as (api, _application):
            chats = {10_000 + n for n in range(users)}
            started = time.monotonic()
            for n, chat in enumerate(sorted(chats)):
                api.send_message(ANSWERABLE[n % len(ANSWERABLE)], user_id=chat)
            with contextlib.suppress(AssertionError):  # timed out: report how many answered
                await api.wait_for(
                    lambda c: c.method == "sendMessage" and c.params.get("chat_id") in chats,
                    count=users, within=120,
                )
            first: dict[int, float] = {}
            for call in api.sent():
                chat = call.params.get("chat_id")
                if chat in chats and chat not in first:
                    first[chat] = call.at - started
        llm_requests = len(stub.chat_requests) - (1 if llm_delay else 0)  # minus the warm-up
    return Concurrency(label, users, sorted(first.values()), llm_requests)


def measure(
    ws: Workspace, *, users: int = 50, llm_delay: float | None = 1.0, workers: int | None = None,
    label: str = "",
) -> Concurrency:
    """One case in a fresh event loop."""
    return asyncio.run(
        _run(ws, users=users, llm_delay=llm_delay, workers=workers, label=label)
    )


def main(argv: list[str] | None = None) -> int:
    """LLM case, extractive case (and a bigger thread pool if asked), printed."""
    from bench.cache import CachingEmbedder
    from knowledge.embedders import E5Embedder

    parser = argparse.ArgumentParser(description="50 users at once through the fake Bot API")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--delay", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tk-bench-") as tmp:
        ws = seed_workspace(Path(tmp) / "seed")
        embedder = CachingEmbedder(E5Embedder())
        build_index(ws, embedder)
        embedder.save()
        cases = [
            measure(ws, users=args.users, llm_delay=args.delay, label="llm"),
            measure(ws, users=args.users, llm_delay=None, label="extractive"),
        ]
        if args.workers:
            cases.append(measure(ws, users=args.users, llm_delay=args.delay,
                                 workers=args.workers, label=f"llm, {args.workers} threads"))
    for case in cases:
        print(f"{case.label}: {case.answered}/{case.users} answered, p50 {case.p50:.2f} s, "
              f"max {case.max:.2f} s, LLM requests {case.llm_requests}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
