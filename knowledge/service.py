"""KnowledgeService: the one object the bot and the command line talk to.

ask() = resolve a follow-up -> retrieve -> decide whether the corpus holds an answer -> answer
with the LLM when configured (falling back to the extractive answerer on any failure), else
extractively. Everything here is synchronous and CPU-bound; async callers use
`asyncio.to_thread(service.ask, ...)` so the event loop never blocks.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from knowledge.types import Answer, Turn

if TYPE_CHECKING:
    from knowledge.embedders import Embedder
    from knowledge.extractive import ExtractiveAnswerer
    from knowledge.llm_answerer import LLMAnswerer
    from knowledge.retriever import HybridRetriever
    from knowledge.settings import Settings
    from knowledge.store import ChromaStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """One indexed article, as listed by /sumber, /artikel and `tanyakerja ingest`."""

    doc_id: str  # short stable id (first 8 hex of the content hash)
    title: str
    path: str
    url: str | None
    publisher: str | None
    date: str | None
    n_chunks: int

    @classmethod
    def from_metadata(cls, meta: dict[str, Any]) -> ArticleInfo:
        """Build from any one of the article's chunk metadata."""
        path = str(meta.get("path", ""))
        return cls(
            doc_id=str(meta.get("doc_id", ""))[:8],
            title=str(meta.get("title", path)),
            path=path,
            url=meta.get("url"),
            publisher=meta.get("publisher"),
            date=meta.get("date"),
            n_chunks=int(meta.get("n_chunks", 0)),
        )


class KnowledgeService:
    """Answers questions from the indexed corpus."""

    def __init__(
        self,
        *,
        settings: Settings,
        store: ChromaStore,
        embedder: Embedder,
        retriever: HybridRetriever,
        extractive: ExtractiveAnswerer,
        llm: LLMAnswerer | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.retriever = retriever
        self.extractive = extractive
        self.llm = llm

    @classmethod
    def from_settings(
        cls, settings: Settings, *, embedder: Embedder | None = None
    ) -> KnowledgeService:
        """Build every backend the settings name (no network unless an LLM/server is configured)."""
        from knowledge.embedders import make_embedder
        from knowledge.extractive import ExtractiveAnswerer
        from knowledge.retriever import HybridRetriever
        from knowledge.store import ChromaStore, make_client

        embedder = embedder or make_embedder(settings)
        store = ChromaStore(
            client=make_client(settings), embedder_id=embedder.id,
            timeout_s=settings.store_timeout_s,
        )
        retriever = HybridRetriever(store=store, embedder=embedder)
        if embedder.id.startswith("e5"):
            extractive = ExtractiveAnswerer(retriever=retriever)
        else:
            # The dense floors (0.80 / 0.88) are calibrated for e5's compressed cosine scale;
            # other models score on other scales, so the found-decision rests on lexical
            # coverage alone there.
            extractive = ExtractiveAnswerer(
                retriever=retriever, min_dense=-1.0, min_coverage_strong=1.1, min_dense_strong=1.1
            )
        llm = None
        if settings.llm_enabled:
            from knowledge.llm_answerer import LLMAnswerer

            llm = LLMAnswerer.from_settings(settings, fallback=extractive)
        return cls(
            settings=settings,
            store=store,
            embedder=embedder,
            retriever=retriever,
            extractive=extractive,
            llm=llm,
        )

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        """Answer one question, using earlier turns of the same chat to resolve follow-ups."""
        started = time.perf_counter()
        standalone = question
        if history:
            if self.llm is not None:
                standalone = self.llm.rewrite(question, history)
            else:
                standalone = self.extractive.resolve_followup(question, history)
        passages = self.retriever.retrieve(standalone)
        if not self.extractive.is_answerable(standalone, passages):
            answer = self.extractive.not_found(question)
        elif self.llm is not None:
            answer = self.llm.answer(question, passages, standalone=standalone)
        else:
            answer = self.extractive.answer(question, passages, standalone=standalone)
        answer.standalone_question = standalone
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer

    def refresh(self) -> bool:
        """Reload the lexical index if the store changed (another process may have ingested)."""
        return self.retriever.refresh()

    def articles(self) -> list[ArticleInfo]:
        """Every indexed article, sorted by path."""
        seen: dict[str, ArticleInfo] = {}
        for _id, _text, meta in self.store.iter_all(with_documents=False):
            path = str(meta.get("path", ""))
            if path not in seen:
                seen[path] = ArticleInfo.from_metadata(meta)
        return sorted(seen.values(), key=lambda a: a.path)
