"""BM25 over stemmed Indonesian terms, kept as raw term counts so it can change in place.

Why not bm25s's index: bm25s precomputes every (chunk, term) score, and each score bakes in the
corpus size, the term's document frequency and the average chunk length, so adding or removing
one article changes every cell and forces a rebuild from all chunks (tens of seconds at 70,000
chunks). Here the index keeps only the term counts, as a sparse chunk x term matrix (compressed
by term, so a query reads just its terms' columns), plus the chunk lengths; the BM25 weights are
computed at query time for the few query terms, with exactly bm25s's defaults (Lucene idf,
k1 = 1.5, b = 0.75), so the ranking is the same as before. `changed()` drops and appends rows
in one sparse-matrix pass, and its result equals a fresh build over the same chunks.

Chunks carry their stemmed terms in Chroma metadata, so building needs no stemming; each
distinct term is interned once in the vocabulary.
"""

from __future__ import annotations

import math
import os
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

K1 = 1.5
B = 0.75
_BLOCK = 4096  # chunks turned into one sparse block at a time (bounds the temporary memory)


class LexicalIndex:
    """BM25 ranking and idf statistics over a list of token lists (one per chunk)."""

    def __init__(self, token_lists: Iterable[Sequence[str]] = ()) -> None:
        self.vocab: dict[str, int] = {}
        blocks = []
        lengths = []
        block: list[Sequence[str]] = []
        for tokens in token_lists:
            block.append(tokens)
            if len(block) >= _BLOCK:
                blocks.append(self._rows(block))
                lengths.append(_lengths(block))
                block = []
        if block or not blocks:
            blocks.append(self._rows(block))
            lengths.append(_lengths(block))
        self._set(blocks, lengths)

    # -- construction ----------------------------------------------------------------------
    def _rows(self, token_lists: Sequence[Sequence[str]]) -> sparse.csr_array:
        """Term counts of some chunks as CSR rows, interning new terms into the vocabulary."""
        vocab = self.vocab
        total = sum(len(t) for t in token_lists)
        cols = np.fromiter(
            (vocab.setdefault(term, len(vocab)) for tokens in token_lists for term in tokens),
            dtype=np.int32, count=total,
        )
        rows = np.repeat(np.arange(len(token_lists), dtype=np.int32), _lengths(token_lists))
        data = np.ones(total, dtype=np.float32)
        # duplicates (a term twice in a chunk) are summed into one count
        return sparse.csr_array((data, (rows, cols)), shape=(len(token_lists), len(vocab)))

    def _set(self, blocks: list[sparse.csr_array], lengths: list[np.ndarray]) -> None:
        width = len(self.vocab)
        for block in blocks:
            block.resize((block.shape[0], width))
        stacked = sparse.vstack(blocks, format="csr") if len(blocks) > 1 else blocks[0]
        self._counts: sparse.csc_array = sparse.csc_array(stacked)
        self._counts.sum_duplicates()
        self._lengths = np.concatenate(lengths).astype(np.float32)
        self.n_docs = int(self._counts.shape[0])
        self._df = np.diff(self._counts.indptr).astype(np.int32)
        self._avgdl = float(self._lengths.sum()) / self.n_docs if self.n_docs else 1.0
        # an unseen term is rarer than any seen one
        self.max_idf = self.idf_for_df(0)

    def changed(
        self, *, remove: Sequence[int] = (), add: Sequence[Sequence[str]] = ()
    ) -> LexicalIndex:
        """A new index without the rows `remove`, with `add` appended (this one is unchanged).

        Rows keep their order: kept rows first, as before, then the added ones.
        """
        new = LexicalIndex.__new__(LexicalIndex)
        new.vocab = dict(self.vocab)
        keep = np.ones(self.n_docs, dtype=bool)
        keep[np.asarray(remove, dtype=np.int64)] = False
        kept = sparse.csr_array(self._counts)[np.flatnonzero(keep)]
        added = new._rows(add)
        new._set([kept, added], [self._lengths[keep], _lengths(add)])
        return new

    # -- on disk ---------------------------------------------------------------------------
    def save(self, path: Path, ids: Sequence[str]) -> None:
        """Write the index and its row ids atomically (another process may read it)."""
        c = self._counts
        terms = sorted(self.vocab, key=self.vocab.__getitem__)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp.npz")
        np.savez(
            tmp, ids=np.array(ids, dtype=str), terms=np.array(terms, dtype=str), data=c.data,
            indices=c.indices, indptr=c.indptr, lengths=self._lengths,
            shape=np.array(c.shape, dtype=np.int64),
        )
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> tuple[LexicalIndex, list[str]]:
        """An index and its row ids written by `save`."""
        with np.load(path) as f:
            new = cls.__new__(cls)
            new.vocab = {str(t): n for n, t in enumerate(f["terms"].tolist())}
            counts = sparse.csc_array(
                (f["data"], f["indices"], f["indptr"]), shape=tuple(f["shape"].tolist())
            )
            new._set([sparse.csr_array(counts)], [f["lengths"]])
            return new, [str(i) for i in f["ids"].tolist()]

    # -- statistics ------------------------------------------------------------------------
    def idf_for_df(self, df: int) -> float:
        """BM25's (always positive) inverse document frequency."""
        return math.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5))

    def df(self, term: str) -> int:
        """How many chunks contain the term."""
        col = self.vocab.get(term)
        return int(self._df[col]) if col is not None else 0

    def terms(self) -> Collection[str]:
        """Every term in the vocabulary (a removed article's may remain, with df 0)."""
        return self.vocab.keys()

    def idf(self, term: str) -> float:
        """idf of a term; unseen terms get the highest value."""
        return self.idf_for_df(self.df(term))

    @property
    def nbytes(self) -> int:
        """Memory held by the arrays (the vocabulary dict is not counted)."""
        c = self._counts
        return int(c.data.nbytes + c.indices.nbytes + c.indptr.nbytes + self._lengths.nbytes
                   + self._df.nbytes)

    # -- ranking ---------------------------------------------------------------------------
    def scores(self, query_terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every chunk for the query terms (a repeated term counts again)."""
        out = np.zeros(self.n_docs, dtype=np.float32)
        c = self._counts
        for term in query_terms:
            col = self.vocab.get(term)
            if col is None or not self._df[col]:
                continue
            start, end = c.indptr[col], c.indptr[col + 1]
            rows = c.indices[start:end]
            tf = c.data[start:end]
            norm = K1 * ((1 - B) + B * self._lengths[rows] / self._avgdl)
            out[rows] += np.float32(self.idf_for_df(int(self._df[col]))) * (tf / (norm + tf))
        return out

    def top(self, query_terms: Sequence[str], k: int) -> list[tuple[int, float]]:
        """(chunk row, score) of the k best chunks with a positive score, best first."""
        if not self.n_docs or k <= 0:
            return []
        scores = self.scores(query_terms)
        k = min(k, len(scores))
        best = np.argpartition(-scores, k - 1)[:k]
        ranked = sorted(best.tolist(), key=lambda i: (-float(scores[i]), i))
        return [(i, float(scores[i])) for i in ranked if scores[i] > 0]


def _lengths(token_lists: Sequence[Sequence[str]]) -> np.ndarray:
    return np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
