"""One Settings object, read from the environment and `.env`, built once in `main()`.

An empty value falls back to the default, so a blank line in `.env` means "not set".
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import SecretStr, field_validator
from pydantic_core import PydanticUseDefault
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting of TanyaKerja; see `.env.example` for what each one means."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Telegram
    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str | None = None
    telegram_base_file_url: str | None = None
    admin_user_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_port: int = 8443
    webhook_listen: str = "0.0.0.0"
    rate_limit_per_minute: int = 10
    max_question_chars: int = 1000
    history_turns: int = 3
    history_ttl_minutes: int = 30

    # LLM
    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_timeout_s: float = 30.0
    llm_max_retries: int = 2
    llm_max_passages: int = 5
    llm_max_context_chars: int = 6000

    # Embeddings and store
    embedding_backend: Literal["e5-local", "openai"] = "e5-local"
    embedding_model: str | None = None
    chroma_path: Path = Path("data/chroma")
    chroma_host: str | None = None
    chroma_port: int = 8000
    store_timeout_s: float = 10.0

    # Corpus and state
    corpus_dir: Path = Path("corpus")
    data_dir: Path = Path("data")
    max_file_bytes: int = 2_000_000

    # Question log (admin insight)
    question_log: bool = True
    log_retention_days: int = 90
    user_key_secret: SecretStr | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip() == "":
            raise PydanticUseDefault()
        return value

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _parse_ids(cls, value: Any) -> Any:
        if value is None:
            return frozenset()
        if isinstance(value, int):
            return frozenset({value})
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(" ", "").split(",") if part)
        return value

    @property
    def llm_enabled(self) -> bool:
        """True when an OpenAI-compatible endpoint is configured."""
        return self.openai_api_key is not None or self.openai_base_url is not None

    @property
    def embedder_id(self) -> str:
        """Stable id of the configured embedder, part of the Chroma collection name."""
        if self.embedding_backend == "openai":
            return f"openai-{self.embedding_model or 'text-embedding-3-small'}"
        return "e5-small-q4"
