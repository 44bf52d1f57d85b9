"""The hybrid retriever as a LangChain `BaseRetriever`, so it plugs into LangChain code.

from knowledge.langchain_retriever import as_langchain_retriever
docs = as_langchain_retriever(service.retriever).invoke("berapa upah pelatih AI?")
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from knowledge.retriever import HybridRetriever


class TanyaKerjaRetriever(BaseRetriever):
    """Hybrid (dense + BM25) retrieval over the TanyaKerja corpus."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: HybridRetriever
    k: int = 5

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        passages = self.retriever.retrieve(query, k=self.k)
        return [
            Document(
                page_content=p.text,
                id=p.id,
                metadata={
                    key: value
                    for key, value in {
                        "title": p.title,
                        "path": p.path,
                        "url": p.url,
                        "publisher": p.publisher,
                        "date": p.date,
                        "position": p.position,
                        "score": p.score,
                        "dense": p.dense,
                    }.items()
                    if value is not None
                },
            )
            for p in passages
        ]


def as_langchain_retriever(retriever: HybridRetriever, **kwargs: Any) -> TanyaKerjaRetriever:
    """Wrap a HybridRetriever for LangChain chains and agents."""
    return TanyaKerjaRetriever(retriever=retriever, **kwargs)
