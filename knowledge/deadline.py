"""Run a blocking call with a deadline, and never let stalled calls pile up.

Why: chromadb's HTTP client sends every request with no timeout, so a `chroma run` server that
stops answering (stopped, swapping, a hung disk) would hold a question, its chat's lock and a
worker thread forever. The call runs on a daemon thread; the caller waits at most `timeout_s` and
then gets `DeadlineExceeded`. The stalled thread cannot be killed, so it keeps its slot until the
call returns by itself; once `max_stalled` calls are stuck, a new call waits for a free slot
(within its own deadline) instead of starting one more thread. Daemon threads, so a stalled
call never keeps the process from exiting.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

_R = TypeVar("_R")

IDLE_EXIT_S = 30.0  # an idle worker thread ends after this long


class DeadlineExceeded(TimeoutError):
    """The call did not finish in time, or too many earlier calls are still stalled."""


class Deadline:
    """Runs calls with a time limit; `timeout_s` None or <= 0 means "call directly".

    Calls run on a few daemon threads (at most `max_stalled`, started on demand, ended after
    `IDLE_EXIT_S` idle), so a question does not pay for starting a thread per store call.
    """

    def __init__(self, timeout_s: float | None, *, max_stalled: int = 8) -> None:
        self.timeout_s = timeout_s if timeout_s and timeout_s > 0 else None
        self._slots = threading.BoundedSemaphore(max_stalled)
        self._tasks: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._workers = 0
        self._in_flight = 0

    @property
    def threads(self) -> int:
        """Worker threads alive now (never more than `max_stalled`)."""
        with self._lock:
            return self._workers

    def _work(self) -> None:
        while True:
            try:
                task = self._tasks.get(timeout=IDLE_EXIT_S)
            except queue.Empty:
                with self._lock:  # leave only while the others cover every call in flight
                    if self._workers > self._in_flight:
                        self._workers -= 1
                        return
                continue
            task()

    def call(self, fn: Callable[..., _R], *args: Any, **kwargs: Any) -> _R:
        """fn(*args, **kwargs), or DeadlineExceeded after `timeout_s` seconds."""
        if self.timeout_s is None:
            return fn(*args, **kwargs)
        ends = time.monotonic() + self.timeout_s
        if not self._slots.acquire(timeout=self.timeout_s):
            raise DeadlineExceeded("too many earlier calls are still waiting for an answer")
        outcome: dict[str, Any] = {}
        done = threading.Event()

        def task() -> None:
            try:
                outcome["value"] = fn(*args, **kwargs)
            except BaseException as exc:  # handed to the caller below
                outcome["error"] = exc
            finally:
                with self._lock:
                    self._in_flight -= 1
                self._slots.release()
                done.set()

        with self._lock:  # one worker per call in flight, so a queued call never waits
            self._in_flight += 1
            if self._workers < self._in_flight:
                self._workers += 1
                threading.Thread(target=self._work, name="store-call", daemon=True).start()
        self._tasks.put(task)
        if not done.wait(max(0.0, ends - time.monotonic())):
            raise DeadlineExceeded(f"no answer within {self.timeout_s:g} s")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]  # type: ignore[no-any-return]
