"""One Settings object, read from the environment and `.env`, built once in `main()`.

An empty value falls back to the default, so a blank line in `.env` means "not set".

Why one home: a service manager (systemd, cron) starts the program from another working
directory, so nothing may depend on it. `.env` is read from the project home, and relative
paths (CORPUS_DIR, DATA_DIR, CHROMA_PATH) resolve against it; see `project_home`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import SecretStr, ValidationError, field_validator, model_validator
from pydantic_core import PydanticUseDefault
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

HOME_VARIABLE = "TANYAKERJA_HOME"
_PATH_FIELDS = ("corpus_dir", "data_dir", "chroma_path")


def project_home() -> Path:
    """TANYAKERJA_HOME, else the checkout this code runs from (never the working directory)."""
    configured = os.environ.get(HOME_VARIABLE, "").strip()
    if configured:
        return Path(configured).expanduser().absolute()
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file():
        return checkout
    # Installed as a plain wheel: there is no project folder to find.
    return Path.cwd()


class Settings(BaseSettings):
    """Every setting of TanyaKerja; see `.env.example` for what each one means."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    def __init__(self, **values: Any) -> None:
        values.setdefault("_env_file", project_home() / ".env")
        super().__init__(**values)

    # Telegram
    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str | None = None
    telegram_base_file_url: str | None = None
    admin_user_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_port: int = 8443
    webhook_listen: str = "127.0.0.1"  # behind a reverse proxy
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
    llm_max_passages: int = 8
    llm_max_context_chars: int = 8000
    llm_max_tokens: int = 500
    llm_max_answer_chars: int = 900

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

    # Articles from links and news feeds
    feeds: Annotated[tuple[str, ...], NoDecode] = ()
    feed_interval_minutes: int = 60
    feed_keywords: Annotated[tuple[str, ...] | None, NoDecode] = None
    fetch_allow_private: bool = False

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
            parts = [part for part in re.split(r"[\s,]+", value) if part]
            bad = [part for part in parts if not re.fullmatch(r"-?\d{1,20}", part)]
            if bad:
                raise ValueError(
                    f"{bad[0]!r} is not a Telegram user id; list numeric ids separated by commas"
                    " or spaces (find yours with @userinfobot)"
                )
            return frozenset(int(part) for part in parts)
        return value

    @model_validator(mode="after")
    def _resolve_paths(self) -> Settings:
        home = project_home()
        for name in _PATH_FIELDS:
            path = Path(getattr(self, name)).expanduser()
            if not path.is_absolute():
                setattr(self, name, home / path)
        return self
    @field_validator("feeds", mode="before")
    @classmethod
    def _parse_feeds(cls, value: Any) -> Any:
        if isinstance(value, str):  # URLs never contain commas or spaces unescaped
            return tuple(part for part in re.split(r"[,\s]+", value) if part)
        return value

    @field_validator("feed_keywords", mode="before")
    @classmethod
    def _parse_keywords(cls, value: Any) -> Any:
        if isinstance(value, str):  # a keyword may be two words ("serikat pekerja")
            return tuple(part.strip() for part in value.split(",") if part.strip())
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


class ConfigError(Exception):
    """Bad settings; `lines` says what is wrong, one line per setting, no traceback."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def load_settings() -> Settings:
    """Settings from the environment and the home's `.env`; ConfigError when any is invalid."""
    try:
        return Settings()
    except ValidationError as exc:
        raise ConfigError(describe_errors(exc)) from None


def describe_errors(exc: ValidationError) -> list[str]:
    """One line per bad setting: its name, the value given (never a secret) and what is wanted."""
    lines = []
    for error in exc.errors():
        name = str(error["loc"][0]).upper() if error["loc"] else "?"
        secret = any(word in name for word in ("TOKEN", "KEY", "SECRET"))
        given = "" if secret else f"={_short(error.get('input'))}"
        message = str(error["msg"]).removeprefix("Value error, ")
        lines.append(f"Setting {name}{given} is invalid: {message}. Fix it in the environment or"
                     f" in {project_home() / '.env'}.")
    return lines


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."
