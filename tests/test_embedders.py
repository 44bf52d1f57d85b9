"""The engine lock: a waiting question goes before the next passage batch."""

from __future__ import annotations

import threading
import time

from knowledge.embedders import QueriesFirst


def test_waiting_question_goes_before_the_next_passage_batch() -> None:
    lock = QueriesFirst()
    order: list[str] = []
    batch_running = threading.Event()
    release_batch = threading.Event()

    def first_batch() -> None:
        with lock.documents():
            batch_running.set()
            release_batch.wait(5)
            order.append("batch-1")

    def next_batch() -> None:
        with lock.documents():
            order.append("batch-2")

    def question() -> None:
        with lock.query():
            order.append("question")

    t1 = threading.Thread(target=first_batch)
    t1.start()
    assert batch_running.wait(5)
    t2 = threading.Thread(target=next_batch)
    t2.start()
    t3 = threading.Thread(target=question)
    t3.start()
    deadline = time.monotonic() + 5  # until the question is queued behind the running batch
    while lock._waiting_queries == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.05)  # and the second batch has reached its wait too
    release_batch.set()
    for t in (t1, t2, t3):
        t.join(5)
    assert order == ["batch-1", "question", "batch-2"]


def test_passage_batches_wait_while_a_question_is_answered() -> None:
    lock = QueriesFirst(max_yield_s=30)
    order: list[str] = []

    def batch() -> None:
        with lock.documents():
            order.append("batch")

    with lock.answering():
        worker = threading.Thread(target=batch)
        worker.start()
        worker.join(0.3)
        assert worker.is_alive()  # held back for the whole answer
        order.append("answer done")
    worker.join(5)
    assert order == ["answer done", "batch"]


def test_a_long_answer_never_starves_the_ingest() -> None:
    lock = QueriesFirst(max_yield_s=0.05)
    with lock.answering(), lock.documents():  # gets the engine after at most max_yield_s
        pass
