"""Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint (EMBEDDING_BACKEND=openai).

Why these LangChain settings: `check_embedding_ctx_length=False` sends raw text, which every
compatible server accepts, and avoids tiktoken (it downloads its encodings on first use);
`encoding_format="float"` because not every server speaks the SDK's default base64. Vectors are
L2-normalised here, so cosine distances in Chroma mean the same for every backend. The id comes
from Settings.embedder_id, so this backend writes its own Chroma collection and never mixes
vectors with the local e5 index.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from knowledge.llm import PLACEHOLDER_API_KEY, classify

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from knowledge.settings import Settings

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "text-embedding-3-small"


class EmbeddingUnavailable(RuntimeError):
    """The embeddings endpoint failed; the message is a category, never the server's body."""


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32)


class OpenAIEmbedder:
    """Embedder Protocol over LangChain's OpenAIEmbeddings, batched and normalised."""

    def __init__(self, *, embeddings: Embeddings, id: str, batch_size: int = 64) -> None:
        self.id = id
        self._embeddings = embeddings
        self._batch_size = batch_size
        self.dim = 0  # known after the first call

    @classmethod
    def from_settings(cls, settings: Settings, *, batch_size: int = 64) -> OpenAIEmbedder:
        """OpenAIEmbeddings on OPENAI_BASE_URL / OPENAI_API_KEY / EMBEDDING_MODEL."""
        from langchain_openai import OpenAIEmbeddings
        from pydantic import SecretStr

        embeddings = OpenAIEmbeddings(
            model=settings.embedding_model or DEFAULT_MODEL,
            base_url=settings.openai_base_url,
            api_key=settings.openai_api_key or SecretStr(PLACEHOLDER_API_KEY),
            check_embedding_ctx_length=False,
            chunk_size=batch_size,
            timeout=settings.llm_timeout_s,
            max_retries=settings.llm_max_retries,
            model_kwargs={"encoding_format": "float"},
        )
        return cls(embeddings=embeddings, id=settings.embedder_id, batch_size=batch_size)

    def _embed(self, texts: list[str]) -> np.ndarray:
        # Servers reject empty strings; a single space embeds to "nothing in particular".
        batch = [text if text.strip() else " " for text in texts]
        try:
            vectors = self._embeddings.embed_documents(batch)
        except Exception as exc:  # SDK, transport and parsing failures alike
            reason = classify(exc)
            logger.warning("Embedding request for %d texts failed: %s", len(batch), reason)
            raise EmbeddingUnavailable(f"embeddings endpoint failed: {reason}") from exc
        array = np.asarray(vectors, dtype=np.float32)
        if array.ndim != 2 or array.shape[0] != len(batch):
            raise EmbeddingUnavailable(
                f"embeddings endpoint returned {array.shape} for {len(batch)} texts"
            )
        if self.dim and array.shape[1] != self.dim:
            raise EmbeddingUnavailable(
                f"embedding size changed from {self.dim} to {array.shape[1]}"
            )
        self.dim = int(array.shape[1])
        return _normalise(array)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Embed passages in batches; returns an (n, dim) float32 array of unit vectors."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [
            self._embed(list(texts[start : start + self._batch_size]))
            for start in range(0, len(texts), self._batch_size)
        ]
        return np.vstack(parts)

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one question; returns a (dim,) unit vector."""
        return self._embed([text])[0]
