"""BM25 over stemmed Indonesian terms (bm25s), plus the document frequencies the answerer uses.

Chunks carry their stemmed terms in Chroma metadata, so building this index at start-up is a
pass over stored strings with no stemming: fast enough to redo after every reindex.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Sequence

import numpy as np


class LexicalIndex:
    """BM25 ranking and idf statistics for a fixed list of token lists."""

    def __init__(self, token_lists: Sequence[Sequence[str]]) -> None:
        import bm25s

        # bm25s sets its own logger to DEBUG on import; keep our logs readable.
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        self.n_docs = len(token_lists)
        self._df: Counter[str] = Counter()
        for tokens in token_lists:
            self._df.update(set(tokens))
        self._bm25: bm25s.BM25 | None = None
        if self.n_docs:
            self._bm25 = bm25s.BM25()
            self._bm25.index([list(t) for t in token_lists], show_progress=False)
        # an unseen term is rarer than any seen one
        self.max_idf = self.idf_for_df(0)

    def idf_for_df(self, df: int) -> float:
        """BM25's (always positive) inverse document frequency."""
        return math.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5))

    def df(self, term: str) -> int:
        """How many chunks contain the term."""
        return self._df.get(term, 0)

    def idf(self, term: str) -> float:
        """idf of a term; unseen terms get the highest value."""
        return self.idf_for_df(self._df.get(term, 0))

    def scores(self, query_terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every chunk for the query terms."""
        if self._bm25 is None or not query_terms:
            return np.zeros(self.n_docs, dtype=np.float32)
        known = [t for t in query_terms if t in self._df]
        if not known:
            return np.zeros(self.n_docs, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)

    def top(self, query_terms: Sequence[str], k: int) -> list[tuple[int, float]]:
        """(chunk index, score) of the k best chunks with a positive score."""
        scores = self.scores(query_terms)
        if not len(scores):
            return []
        k = min(k, len(scores))
        best = np.argpartition(-scores, k - 1)[:k]
        ranked = sorted(best.tolist(), key=lambda i: -float(scores[i]))
        return [(i, float(scores[i])) for i in ranked if scores[i] > 0]
