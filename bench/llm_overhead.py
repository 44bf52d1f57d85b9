"""How much time TanyaKerja adds on top of the LLM: p50/p95 overhead per question.

The OpenAI-compatible stub answers every chat request after a fixed delay (200 ms by default),
so whatever an answer takes beyond that delay is the project's own cost. Two numbers:
- end to end: `KnowledgeService.ask` (embedding the question, hybrid retrieval, the
  answerability check, prompt building, HTTP, citation checking);
- LLM path only: `LLMAnswerer.answer` on already retrieved passages (prompt building, LangChain,
  the openai SDK, HTTP on loopback, citation checking).

The index is the seed corpus, built with the real local embedder into a temporary folder.
Run: `.venv/bin/python -m bench.llm_overhead [--delay-ms 200] [--repeat 3]`.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import REPO, SEED_QUESTIONS
from knowledge.settings import Settings
from tests.support.openai_stub import RecordedRequest, Reply, running_stub

QUESTIONS = SEED_QUESTIONS[:6]  # in-scope ones: the LLM path is what this measures


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def report(label: str, overheads_ms: list[float]) -> None:
    """Print p50/p95 of one series."""
    if not overheads_ms:
        print(f"{label}: no LLM answers")
        return
    print(
        f"{label}: n={len(overheads_ms)} p50={percentile(overheads_ms, 50):.1f} ms "
        f"p95={percentile(overheads_ms, 95):.1f} ms max={max(overheads_ms):.1f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    """Build the index, start the stub, time the questions, print the overheads."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay-ms", type=float, default=200.0, help="stub reply delay")
    parser.add_argument("--repeat", type=int, default=3, help="rounds over the questions")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    delay = args.delay_ms / 1000

    from ingest.pipeline import Ingester
    from knowledge.service import KnowledgeService

    def responder(_req: RecordedRequest) -> Reply:
        return Reply(text="Menurut artikel, upahnya 15 dollar AS per jam [1].", delay=delay)

    with tempfile.TemporaryDirectory(prefix="tk-bench-") as tmp, \
            running_stub(responder=responder) as stub:
        values: dict[str, Any] = {
            "corpus_dir": REPO / "corpus", "data_dir": Path(tmp) / "data",
            "chroma_path": Path(tmp) / "data" / "chroma", "openai_base_url": stub.base_url,
            "openai_api_key": "sk-bench", "question_log": False,
        }
        settings = Settings(_env_file=None, **values)  # type: ignore[call-arg]
        service = KnowledgeService.from_settings(settings)
        started = time.perf_counter()
        Ingester(settings=settings, store=service.store, embedder=service.embedder).run()
        print(f"index: {service.store.count()} chunks in {time.perf_counter() - started:.1f} s")
        llm = service.llm
        assert llm is not None
        service.ask(QUESTIONS[0])  # warm-up: clients, lexical snapshot, first embedding

        end_to_end: list[float] = []
        llm_path: list[float] = []
        for _ in range(args.repeat):
            for question in QUESTIONS:
                t0 = time.perf_counter()
                answer = service.ask(question)
                elapsed = time.perf_counter() - t0
                if answer.mode == "llm":
                    end_to_end.append((elapsed - delay) * 1000)
                passages = service.retriever.retrieve(question)
                t0 = time.perf_counter()
                answer = llm.answer(question, passages, standalone=question)
                elapsed = time.perf_counter() - t0
                if answer.mode == "llm":
                    llm_path.append((elapsed - delay) * 1000)

        print(f"stub delay: {args.delay_ms:.0f} ms; {len(stub.chat_requests)} chat requests")
        report("overhead end to end (ask)", end_to_end)
        report("overhead LLM path (answer)", llm_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
