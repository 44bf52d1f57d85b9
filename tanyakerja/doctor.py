"""`tanyakerja doctor`, and the start-up checks `run`, `chat` and `ask` share with it.

Why a separate command: a service that will not answer should say why in one screen, without
the operator reading logs. Each check prints one line, ✔ or ✘, and for ✘ the fix. A check is
*blocking* when answering cannot work without the fix (bad settings, an unreachable store, an
empty index, a rejected token); the exit code is then 1. Everything else (an unreachable LLM, a
few files not yet indexed, a disk filling up) is a ✘ line with exit code 0: the bot still answers.

The corpus-versus-index comparison reuses ingest's snapshot of the index (`ingest.snapshot`) and
its file rules, so "new / changed / missing" here means what `tanyakerja ingest` would do.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.settings import Settings
    from knowledge.store import ChromaStore

MIN_FREE_BYTES = 200 * 1024 * 1024
OK, FAIL = "✔", "✘"


class NotReady(Exception):
    """Answering cannot work yet; the message is one line saying what to do."""


@dataclass
class CorpusStatus:
    """Corpus files compared with the index (paths as the index stores them)."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # indexed, but the file is gone
    old_rules: bool = False  # indexed by a version that cut or split text differently

    @property
    def pending(self) -> int:
        """How many files an ingest would add, update or remove."""
        return len(self.new) + len(self.changed) + len(self.missing)

    def describe(self) -> str:
        """One Indonesian line for the operator."""
        parts = [
            f"{len(self.new)} baru" if self.new else "",
            f"{len(self.changed)} berubah" if self.changed else "",
            f"{len(self.missing)} sudah dihapus dari folder" if self.missing else "",
        ]
        examples = (self.new + self.changed + self.missing)[:3]
        return f"{', '.join(p for p in parts if p)} (mis. {', '.join(examples)})"


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The files an ingest of CORPUS_DIR looks at (hidden files and README skipped)."""
    from ingest.loaders import SUPPORTED

    files = []
    for path in sorted(corpus_dir.rglob("*")):
        parts = path.relative_to(corpus_dir).parts
        if any(p.startswith(".") for p in parts) or path.stem.lower() == "readme":
            continue
        if path.is_file() and path.suffix.lower() in SUPPORTED:
            files.append(path)
    return files


def corpus_status(settings: Settings, store: ChromaStore) -> CorpusStatus:
    """Which corpus files are not indexed, indexed in another version, or indexed but gone."""
    from ingest.articles import display_path
    from ingest.pipeline import index_rules
    from ingest.snapshot import snapshot_of

    root = settings.corpus_dir
    index = snapshot_of(store)
    status = CorpusStatus()
    seen = set()
    for path in corpus_files(root) if root.is_dir() else []:
        shown = display_path(path, root)
        seen.add(shown)
        entry = index.get(shown)
        if entry is None:
            status.new.append(shown)
            continue
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue  # ingest reports unreadable files itself
        if not entry.is_current(digest) and entry.complete_hash(digest) is None:
            status.changed.append(shown)
    status.missing = sorted(set(index) - seen)
    status.old_rules = bool(index) and store.built_with() != index_rules()
    return status


def open_store(settings: Settings) -> ChromaStore:
    """The store the settings name, without loading an embedder."""
    from knowledge.store import ChromaStore, make_client

    return ChromaStore(client=make_client(settings), embedder_id=settings.embedder_id)


def check_can_answer(settings: Settings, store: ChromaStore) -> None:
    """Raise NotReady when the index is empty and there is no corpus folder to build it from."""
    if store.count() > 0:
        return
    if not settings.corpus_dir.is_dir():
        raise NotReady(
            f"No articles to answer from: the index is empty and CORPUS_DIR {settings.corpus_dir}"
            " does not exist. Set CORPUS_DIR (or TANYAKERJA_HOME) to the folder with the"
            " articles, then run `tanyakerja ingest`."
        )
    if not corpus_files(settings.corpus_dir):
        raise NotReady(
            f"No articles to answer from: CORPUS_DIR {settings.corpus_dir} holds no .md, .txt"
            " or .html file. Put the articles there, then run `tanyakerja ingest`."
        )


def unindexed_warning(status: CorpusStatus, corpus_dir: Path) -> str | None:
    """The start-up warning about corpus files the index does not reflect, if any."""
    if status.old_rules:
        return ("indeks dibuat oleh versi lama yang memotong teks dengan aturan lain: "
                "jalankan `tanyakerja ingest` (atau /reindex di Telegram) sekali.")
    if not status.new and not status.changed:
        return None
    count = len(status.new) + len(status.changed)
    return (
        f"{count} berkas di {corpus_dir} belum diindeks ({status.describe()}): "
        "jalankan `tanyakerja ingest` (atau /reindex di Telegram)."
    )


# -- the doctor -------------------------------------------------------------------------------


@dataclass
class Check:
    """One line of the doctor's report."""

    ok: bool
    name: str
    detail: str
    fix: str = ""
    blocking: bool = False

    def line(self) -> str:
        """`✔ name: detail` or `✘ name: detail — fix`."""
        text = f"{OK if self.ok else FAIL} {self.name}: {self.detail}"
        return text if self.ok or not self.fix else f"{text} — {self.fix}"


def run_checks(settings: Settings) -> list[Check]:
    """Every check, in the order an operator would fix them."""
    checks = [_check_config(settings), _check_telegram(settings), _check_llm(settings)]
    if settings.embedding_backend == "openai":
        checks.append(_check_embeddings(settings))
    store_check, store = _check_store(settings)
    checks.append(store_check)
    checks.append(_check_corpus(settings, store))
    checks.append(_check_disk(settings))
    return checks


def _check_config(settings: Settings) -> Check:
    from knowledge.settings import project_home

    env = project_home() / ".env"
    where = f"{env}" if env.is_file() else f"no {env}, environment and defaults only"
    admins = len(settings.admin_user_ids)
    return Check(True, "settings", f"valid ({where}; {admins} admin id(s))")


def _check_telegram(settings: Settings) -> Check:
    from bot.reachability import TelegramUnreachable, TokenRejected, get_me, token_shape_ok

    if settings.telegram_bot_token is None:
        return Check(True, "Telegram", "no TELEGRAM_BOT_TOKEN: `tanyakerja run` starts the"
                     " console chat")
    token = settings.telegram_bot_token.get_secret_value()
    if not token_shape_ok(token):
        return Check(False, "Telegram", "TELEGRAM_BOT_TOKEN does not look like a bot token",
                     "copy it again from @BotFather (digits, a colon, then the secret)", True)
    try:
        me = get_me(settings.telegram_base_url, token)
    except TokenRejected as exc:
        return Check(False, "Telegram", f"the token was rejected ({exc})",
                     "get the current token from @BotFather (/token) and check"
                     " TELEGRAM_BASE_URL", True)
    except TelegramUnreachable as exc:
        return Check(False, "Telegram", f"unreachable ({exc})",
                     "check the network, DNS, proxy/firewall and TELEGRAM_BASE_URL", True)
    privacy = ("group privacy off: plain @mentions in groups reach it"
               if me.can_read_all_group_messages
               else "group privacy on: in groups only /tanya and replies surely reach it;"
               " BotFather /setprivacy to change")
    return Check(True, "Telegram", f"token accepted, this is @{me.username} ({privacy})")


def _check_llm(settings: Settings) -> Check:
    if not settings.llm_enabled:
        return Check(True, "LLM", "none configured: extractive answers quoted from the articles")
    import openai

    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "unused"
    client = openai.OpenAI(
        api_key=key, base_url=settings.openai_base_url, timeout=min(settings.llm_timeout_s, 20),
        max_retries=0,
    )
    try:
        client.chat.completions.create(
            model=settings.llm_model, max_tokens=1,
            messages=[{"role": "user", "content": "Jawab: ok"}],
        )
    except openai.APIError as exc:
        status = getattr(exc, "status_code", None)
        reason = f"HTTP {status}" if status else type(exc).__name__
        return Check(False, "LLM", f"{settings.llm_model} at {_llm_where(settings)} failed"
                     f" ({reason}); answers fall back to quoting the articles",
                     "check OPENAI_BASE_URL, OPENAI_API_KEY and LLM_MODEL")
    return Check(True, "LLM", f"{settings.llm_model} at {_llm_where(settings)} answers")


def _check_embeddings(settings: Settings) -> Check:
    from knowledge.embedders import make_embedder

    try:
        make_embedder(settings).embed_query("tes")
    except Exception as exc:  # whatever the endpoint or client raised, in one line
        return Check(False, "embeddings", f"{settings.embedder_id} failed ({type(exc).__name__});"
                     " questions fall back to keyword search",
                     "check OPENAI_BASE_URL, OPENAI_API_KEY and EMBEDDING_MODEL")
    return Check(True, "embeddings", f"{settings.embedder_id} answers")


def _llm_where(settings: Settings) -> str:
    return settings.openai_base_url or "api.openai.com"


def _check_store(settings: Settings) -> tuple[Check, ChromaStore | None]:
    where = (f"Chroma server {settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host
             else f"Chroma at {settings.chroma_path}")
    try:
        store = open_store(settings)
        count = store.count()
    except Exception as exc:  # any failure here is the operator's to read, in one line
        fix = ("start `chroma run` or fix CHROMA_HOST/CHROMA_PORT" if settings.chroma_host
               else "check CHROMA_PATH's permissions and free space")
        return Check(False, "store", f"{where}: {type(exc).__name__}: {exc}", fix, True), None
    if count == 0:
        return Check(False, "store", f"{where}: the index is empty",
                     "run `tanyakerja ingest`", True), store
    return Check(True, "store", f"{where}: {count} passages indexed"), store


def _check_corpus(settings: Settings, store: ChromaStore | None) -> Check:
    root = settings.corpus_dir
    if not root.is_dir():
        return Check(False, "corpus", f"CORPUS_DIR {root} does not exist",
                     "set CORPUS_DIR or TANYAKERJA_HOME to the folder with the articles")
    files = len(corpus_files(root))
    if store is None:
        return Check(False, "corpus", f"{files} files in {root}; index not readable",
                     "fix the store first")
    status = corpus_status(settings, store)
    if status.old_rules:
        return Check(False, "corpus", f"{files} files in {root}; indexed by an older version"
                     " that cut text into chunks or words differently",
                     "run `tanyakerja ingest` once")
    if status.pending:
        return Check(False, "corpus", f"{files} files in {root}; not in the index:"
                     f" {status.describe()}", "run `tanyakerja ingest`")
    return Check(True, "corpus", f"{files} files in {root}, all indexed")


def _check_disk(settings: Settings) -> Check:
    folder = settings.data_dir
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    free = shutil.disk_usage(folder).free
    detail = f"{free / 1024**3:.1f} GB free for DATA_DIR {settings.data_dir}"
    if free < MIN_FREE_BYTES:
        return Check(False, "disk", detail, "free some space: the index and the question log"
                     " grow with every article and question")
    from knowledge.privacy import readable_by_others

    if readable_by_others(settings.data_dir):
        return Check(False, "disk", f"{detail}; other users may read DATA_DIR (workers'"
                     " questions)", f"chmod 700 {settings.data_dir}")
    return Check(True, "disk", detail)


def doctor(settings: Settings) -> int:
    """Print one line per check; 1 when something blocks answering, else 0."""
    checks = run_checks(settings)
    for check in checks:
        print(check.line(), flush=True)
    blocked = [c for c in checks if c.blocking]
    if blocked:
        print(f"Answering is blocked: fix the {len(blocked)} blocking ✘ line(s) above.")
        return 1
    return 0
