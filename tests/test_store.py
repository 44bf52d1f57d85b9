"""The Chroma wrapper: collection naming per embedder and the full-rebuild swap."""

from __future__ import annotations

from typing import Any

import numpy as np

from knowledge.store import ChromaStore, _safe_name, make_client
from knowledge.types import Chunk


def _chunk(n: int) -> Chunk:
    return Chunk(
        id=f"{'a' * 16}-{n:04d}", text=f"teks {n}", doc_id="d" * 64, doc_hash="a" * 64,
        path="corpus/a.md", title="Judul", position=n, n_chunks=1,
    )


def test_names_of_distinct_embedders_never_collide() -> None:
    long_a = "openai-" + "m" * 40 + "-small"
    long_b = "openai-" + "m" * 40 + "-large"
    assert _safe_name(long_a) != _safe_name(long_b)
    assert _safe_name("openai-nomic-embed-text:v1.5") != _safe_name("openai-nomic-embed-text")
    assert _safe_name("e5-small-q4") == "e5-small-q4"  # existing indexes keep their names
    assert all(len(_safe_name(x)) <= 40 for x in (long_a, long_b))


def test_full_rebuild_of_one_embedder_leaves_another_embedders_index_alone(
    make_settings: Any,
) -> None:
    client = make_client(make_settings())
    short = ChromaStore(client=client, embedder_id="openai-nomic-embed-text")
    longer = ChromaStore(client=client, embedder_id="openai-nomic-embed-text-v2")
    longer.upsert([_chunk(0)], np.ones((1, 4), dtype=np.float32))
    build = short.new_build()
    short.upsert([_chunk(0)], np.ones((1, 4), dtype=np.float32), into=build)
    short.swap_to(build)
    assert longer.count() == 1
    assert short.count() == 1
