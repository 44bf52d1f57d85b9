"""The store under faults that need real processes: a second writer process, a stalled server.

- `tanyakerja ingest` run beside a running `tanyakerja chat` (or `run`) on the same embedded folder:
  the chat process holds a vector index from before the ingest, and used to fail every question
  about the new article ("Error finding id") until restarted. It must answer it.
- A `chroma run` server that stops answering (SIGSTOP) must not hang a question: every store
  call has a deadline (STORE_TIMEOUT_S) and the question fails with StoreUnavailable, stalled
  calls do not pile up, and after SIGCONT the same service answers again.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ingest.pipeline import Ingester
from knowledge.embedders import E5Embedder
from knowledge.service import KnowledgeService
from knowledge.settings import Settings
from knowledge.store import StoreTimeout, StoreUnavailable
from tests.conftest import REPO
from tests.support.chroma_server import running_chroma

SAVREUX = "Berapa upah per jam pelatih AI seperti Alexej Savreux?"
NEW_QUESTION = "Berapa bayaran Wulandari Siregar per jam?"
NEW_ARTICLE = "---\ntitle: Kurir Data di Medan\n---\n" + (
    "Seorang kurir data bernama Wulandari Siregar di Medan melabeli ribuan foto jalan untuk "
    "mobil otonom setiap minggu. Ia dibayar Rp 40.000 per jam dan bekerja dari rumah tanpa "
    "kontrak tetap maupun tunjangan kesehatan."
)
WAIT = 240.0  # generous: other work on the machine slows model loading; never a timing assert


def _env(root: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "TANYAKERJA_HOME": str(root),
        "CORPUS_DIR": str(root / "corpus"),
        "DATA_DIR": str(root / "data"),
        "CHROMA_PATH": str(root / "data" / "chroma"),
        "QUESTION_LOG": "false",
        "USER_KEY_SECRET": "test-secret",
    }


def _ingest(root: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "tanyakerja", "ingest"], cwd=root, env=_env(root),
        capture_output=True, text=True, timeout=WAIT, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class Chat:
    """`tanyakerja chat` in a child process, driven line by line through its stdin."""

    PROMPT = "Kamu: "

    def __init__(self, root: Path, command: str = "chat") -> None:
        env = _env(root)
        env.pop("TELEGRAM_BOT_TOKEN", None)  # `run` without a token is the console chat
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tanyakerja", command], cwd=root, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.out = ""
        self._changed = threading.Condition()
        threading.Thread(target=self._pump, daemon=True).start()
        self._wait_prompts(1)

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        while ch := self.proc.stdout.read(1):
            with self._changed:
                self.out += ch
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def _wait_prompts(self, n: int) -> None:
        with self._changed:
            self._changed.wait_for(
                lambda: self.out.count(self.PROMPT) >= n or self.proc.poll() is not None,
                timeout=WAIT,
            )

    def ask(self, question: str) -> str:
        """Send one question and return what the chat printed before its next prompt."""
        assert self.proc.stdin is not None
        before = self.out.count(self.PROMPT)
        start = len(self.out)
        self.proc.stdin.write(question + "\n")
        self.proc.stdin.flush()
        self._wait_prompts(before + 1)
        return self.out[start:]

    def close(self) -> str:
        """End the chat; returns its stderr."""
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        assert self.proc.stderr is not None
        return self.proc.stderr.read()


# `run` (what `make run` starts) first checks the index with a client of its own: left open,
# it kept Chroma's shared in-memory system alive, so the chat's reopen got the stale one back
@pytest.mark.parametrize("command", ["chat", "run"])
def test_cli_ingest_beside_running_chat(seed_corpus: Path, tmp_path: Path, command: str) -> None:
    _ingest(tmp_path)
    chat = Chat(tmp_path, command)
    try:
        assert "15" in chat.ask(SAVREUX)
        (seed_corpus / "005-kurir-data.md").write_text(NEW_ARTICLE, encoding="utf-8")
        assert "1 ditambahkan" in _ingest(tmp_path)  # a second process writes the same folder

        # the chat re-checks the index version every 2 s: ask until it has noticed
        for _attempt in range(20):
            reply = chat.ask(NEW_QUESTION)
            if "40.000" in reply or chat.proc.poll() is not None:
                break
            time.sleep(0.5)
        assert chat.proc.poll() is None, chat.close()
        assert "40.000" in reply, reply
        assert "15" in chat.ask(SAVREUX)  # older articles still answer
    finally:
        stderr = chat.close()
    assert "Traceback" not in stderr, stderr[-3000:]


def _ask_in_thread(service: KnowledgeService, question: str) -> tuple[threading.Thread, list[Any]]:
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(service.ask(question))
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


@pytest.mark.server
def test_stalled_server_answers_store_unavailable_then_recovers(
    make_settings: Callable[..., Settings], seed_corpus: Path, embedder: E5Embedder,
    tmp_path: Path,
) -> None:
    with running_chroma(tmp_path / "stall" / "db") as server:
        settings = make_settings(
            chroma_host=server.host, chroma_port=server.port, store_timeout_s=2.0
        )
        service = KnowledgeService.from_settings(settings, embedder=embedder)
        Ingester(settings=settings, store=service.store, embedder=embedder).run()
        assert service.ask(SAVREUX).found

        server.pause()
        try:
            service.retriever.refresh_every = 0.0  # every question also re-checks the version
            asks = [_ask_in_thread(service, SAVREUX) for _ in range(12)]
            for thread, _outcome in asks:
                thread.join(WAIT)  # bounded by the deadline; without one this never returns
            assert not any(thread.is_alive() for thread, _ in asks)
            outcomes = [outcome[0] for _thread, outcome in asks]
            assert all(isinstance(o, StoreUnavailable) for o in outcomes), outcomes
            assert any(isinstance(o, StoreTimeout) for o in outcomes)
            assert 0 < service.store.call_threads <= 8  # capped, not one more per question
        finally:
            server.resume()

        answer = service.ask(SAVREUX)
        assert answer.found
        assert "15" in answer.text
