"""The lexical index: BM25 equal to bm25s's, and incremental updates equal to a full rebuild.

Why the comparison with a rebuild: the retriever updates its lexical snapshot in place when
articles are added, updated or removed (it no longer rebuilds from every chunk), so the only
acceptable result is exactly what a fresh build over the same chunks gives.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import bm25s
import numpy as np
import pytest

from ingest.pipeline import Ingester
from knowledge.embedders import E5Embedder
from knowledge.lexical import LexicalIndex
from knowledge.retriever import HybridRetriever
from knowledge.service import KnowledgeService
from knowledge.settings import Settings
from knowledge.text import terms

DOCS = [
    "Pelatih AI dibayar 15 dolar per jam tanpa tunjangan kesehatan.",
    "Serikat pekerja data di Nairobi menuntut upah layak dari platform.",
    "Pengemudi ojek daring tidak mendapat BPJS Ketenagakerjaan dari platform.",
    "Upah pelabel data turun, pelabel data di Jakarta kehilangan penghasilan.",
    "ByteDance memecat karyawan magang setelah insiden model AI.",
    "Moderator konten meminta layanan konseling dan upah lebih tinggi.",
]
QUERIES = ["upah pelabel data", "platform BPJS", "serikat upah layak", "magang ByteDance", "zebra"]


def _tokens(texts: list[str]) -> list[list[str]]:
    return [terms(t) for t in texts]


def test_scores_equal_bm25s() -> None:
    docs = _tokens(DOCS)
    ours = LexicalIndex(docs)
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    reference = bm25s.BM25()
    reference.index(docs, show_progress=False)
    for query in QUERIES:
        known = [t for t in terms(query) if ours.df(t)]
        expected = reference.get_scores(known) if known else np.zeros(len(docs))
        np.testing.assert_allclose(ours.scores(terms(query)), expected, rtol=1e-5, atol=1e-6)
    assert ours.n_docs == len(docs)
    assert ours.df("upah") == sum("upah" in d for d in docs) > 1
    assert ours.idf("zebra") == ours.max_idf > ours.idf("upah")


def test_changed_equals_a_fresh_build() -> None:
    docs = _tokens(DOCS)
    added = _tokens(["Zebra pelabel data baru dengan upah rendah.", DOCS[0]])
    changed = LexicalIndex(docs).changed(remove=[1, 3], add=added)
    fresh = LexicalIndex([d for i, d in enumerate(docs) if i not in (1, 3)] + added)
    assert changed.n_docs == fresh.n_docs == len(docs)
    for query in QUERIES:
        assert np.array_equal(changed.scores(terms(query)), fresh.scores(terms(query)))
        assert changed.top(terms(query), 3) == fresh.top(terms(query), 3)
    for term in {t for d in docs + added for t in d} | {"zebra", "tidakada"}:
        assert changed.df(term) == fresh.df(term)
        assert changed.idf(term) == fresh.idf(term)


def test_empty_index_ranks_nothing() -> None:
    empty = LexicalIndex([])
    assert empty.n_docs == 0
    assert empty.top(["upah"], 5) == []
    grown = empty.changed(add=_tokens(DOCS[:2]))
    assert grown.top(terms("upah dolar"), 5)[0][0] == 0


def _by_id(retriever: HybridRetriever, query: str) -> dict[str, float]:
    snap = retriever.snapshot()
    scores = snap.index.scores(terms(query))
    return {snap.ids[row]: float(s) for row, s in enumerate(scores) if s > 0}


@pytest.mark.slow
def test_added_updated_removed_articles_match_a_full_rebuild(
    make_settings: Callable[..., Settings], seed_corpus: Path, embedder: E5Embedder,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = make_settings()
    service = KnowledgeService.from_settings(settings, embedder=embedder)
    ingester = Ingester(settings=settings, store=service.store, embedder=embedder)
    ingester.run()
    live = service.retriever
    live.refresh()
    before = live.snapshot()

    files = sorted(seed_corpus.glob("*.md"))
    (seed_corpus / "009-kurir-data.md").write_text(  # added
        "---\ntitle: Kurir Data di Medan\n---\nSeorang kurir data bernama Wulandari Siregar di "
        "Medan dibayar Rp 40.000 per jam untuk melabeli foto jalan, tanpa kontrak tetap.\n",
        encoding="utf-8",
    )
    updated = files[1]
    updated.write_text(  # updated: a new sentence with a rare name
        updated.read_text(encoding="utf-8") + "\nPerwakilan Zulkarnaen Hutapea ikut menanggapi.\n",
        encoding="utf-8",
    )
    files[0].unlink()  # removed
    report = ingester.run()
    assert (len(report.added), len(report.updated), len(report.removed)) == (1, 1, 1)

    # a process started now finds the index saved before the changes, and updates it
    cold = HybridRetriever(store=service.store, embedder=embedder)
    with caplog.at_level(logging.INFO, logger="knowledge.retriever"):
        assert cold.refresh()
        assert "loaded and updated" in caplog.text
        caplog.clear()
        assert live.refresh()
        assert "updated" in caplog.text  # in place
        assert "rebuilt" not in caplog.text
    after = live.snapshot()
    assert after.version > before.version

    fresh = HybridRetriever(store=service.store, embedder=embedder)
    fresh.refresh(force=True)  # rebuilt from every chunk
    full = fresh.snapshot()
    questions = [
        "Berapa bayaran Wulandari Siregar per jam?", "Zulkarnaen Hutapea",
        "Berapa upah per jam pelatih AI seperti Alexej Savreux?", "serikat pekerja Kenya",
    ]
    vocabulary = {t for q in questions for t in terms(q)} | {"savreux", "kurir"}
    for other in (live, cold):
        snap = other.snapshot()
        assert sorted(snap.ids) == sorted(full.ids)
        assert snap.index.n_docs == full.index.n_docs
        for question in questions:
            assert _by_id(other, question) == _by_id(fresh, question)
            assert [p.id for p in other.retrieve(question)] == [
                p.id for p in fresh.retrieve(question)
            ]
        for term in vocabulary:
            assert snap.index.df(term) == full.index.df(term)
    assert "Wulandari" in live.retrieve("Berapa bayaran Wulandari Siregar per jam?")[0].text
    assert _by_id(live, "Zulkarnaen Hutapea")  # the updated article's new words are indexed
