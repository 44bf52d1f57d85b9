"""The ingest pipeline: corpus files -> cleaned chunks -> vectors -> Chroma, incrementally.

Why it is shaped like this:
- Chroma is the source of truth (see `ingest.snapshot`): a file is skipped when the index holds
  exactly its raw-bytes hash with all chunks, so unchanged files are never re-embedded.
- Crash safety without a journal: a changed file's new chunks are written *before* its old ones
  are deleted, and chunk ids are content hashes. A `kill -9` at any point leaves every file with
  at least one complete version indexed, and the next run finishes the job.
- `full=True` builds a new collection and swaps it in only when complete, so readers never see
  a half-built index.
- Bad input never stops a run: each file is rejected with one Indonesian line, and whatever it
  had in the index stays there.
- One file lock (`DATA_DIR/ingest.lock`) serialises runs, uploads and removals across processes.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.articles import Article, prepare, safe_filename
from ingest.corpusfiles import (
    CorpusFolder,
    DiskSaver,
    FileSaver,
    SaveFailed,
    remove_stale_temporaries,
    save_atomically,
)
from ingest.loaders import SUPPORTED, BadInput, unsupported
from ingest.plan import Outcome, Plan, Rejected, make_plan
from ingest.snapshot import IndexedFile, snapshot_of
from ingest.writer import BATCH, ChunkWriter, copy_chunks
from knowledge.service import ArticleInfo
from knowledge.text import rules_fingerprint

if TYPE_CHECKING:
    from knowledge.embedders import Embedder
    from knowledge.settings import Settings
    from knowledge.store import ChromaStore

logger = logging.getLogger(__name__)

_SHORT_ID = re.compile(r"^[0-9a-f]{4,64}$")


def index_rules() -> str:
    """A hash of everything a chunk depends on besides its article: word rules, cleaner, chunker.

    An index built by a version that cut or cleaned articles differently would keep its old
    chunks forever under incremental ingest, so a change to any of these rebuilds it once.
    """
    digest = hashlib.sha256(rules_fingerprint().encode())
    for module in ("cleaning.py", "chunking.py"):
        digest.update(resources.files("ingest").joinpath(module).read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class IngestReport(Outcome):
    """What one ingest run did."""

    chunks_written: int = 0
    chunks_reused: int = 0

    @classmethod
    def of(cls, plan: Plan) -> IngestReport:
        """The report of a plan, before it is executed."""
        return cls(
            added=list(plan.added), updated=list(plan.updated), unchanged=list(plan.unchanged),
            rebuilt=list(plan.rebuilt), removed=list(plan.removed), rejected=list(plan.rejected),
        )

    @property
    def changed(self) -> bool:
        """True when the index content changed."""
        return bool(self.added or self.updated or self.removed or self.rebuilt)

    def summary_lines(self) -> list[str]:
        """A human summary in Indonesian: counts, then each changed or rejected file."""
        lines = [
            f"Selesai: {len(self.added)} ditambahkan, {len(self.updated)} diperbarui, "
            f"{len(self.unchanged)} tidak berubah, "
            + (f"{len(self.rebuilt)} dibangun ulang, " if self.rebuilt else "")
            + f"{len(self.removed)} dihapus, "
            f"{len(self.rejected)} ditolak ({self.chunks_written} potongan teks ditulis)."
        ]
        lines += [f"+ ditambahkan: {p}" for p in self.added]
        lines += [f"~ diperbarui: {p}" for p in self.updated]
        lines += [f"- dihapus: {p}" for p in self.removed]
        lines += [f"! ditolak: {r.path} — {r.reason}" for r in self.rejected]
        return lines


class IngestBusy(RuntimeError):
    """Another ingest (or upload/removal) holds the lock."""


@dataclass(frozen=True)
class AddResult:
    """One article saved into the corpus folder and indexed (new, or replacing a version)."""

    title: str
    path: str
    doc_id: str
    passages: int
    updated: bool = False
    url: str | None = None
    publisher: str | None = None
    date: str | None = None


class UploadRejected(ValueError):
    """An article that was not saved; `reason` is one line of Indonesian."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Ingester:
    """Indexes the corpus folder into the store; also adds and removes single articles."""

    def __init__(
        self, *, settings: Settings, store: ChromaStore, embedder: Embedder,
        saver: FileSaver | None = None, extract_timeout_s: float | None = None,
        batch_size: int = BATCH,
    ) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.batch_size = batch_size
        self.saver: FileSaver = saver or DiskSaver()
        self.extract_timeout_s = extract_timeout_s

    # -- locking ---------------------------------------------------------------------------
    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the ingest lock (runs, uploads, links, removals) or raise IngestBusy."""
        from filelock import FileLock, Timeout

        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.settings.data_dir / "ingest.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout as exc:
            raise IngestBusy(
                "Pengindeksan lain sedang berjalan. Tunggu sampai selesai, lalu coba lagi."
            ) from exc
        try:
            yield
        finally:
            lock.release()

    @property
    def folder(self) -> CorpusFolder:
        """The corpus folder and its rules (symlinks, hidden files, size)."""
        return CorpusFolder(self.settings.corpus_dir, self.settings.max_file_bytes)

    def _prepare(self, shown: str, data: bytes) -> Article:
        return prepare(
            data, name=Path(shown).name, path=shown, max_bytes=self.settings.max_file_bytes,
            timeout_s=self.extract_timeout_s,
        )

    # -- the run ---------------------------------------------------------------------------
    def run(
        self, paths: Sequence[Path] | None = None, *, full: bool = False, progress: bool = False
    ) -> IngestReport:
        """Incrementally index CORPUS_DIR (or just `paths`); `full` rebuilds a new collection."""
        if full and paths:
            raise ValueError("--full selalu membangun ulang seluruh folder corpus; tanpa PATH")
        with self.locked():
            plan = self.plan(list(paths or []), full=full)
            return self.execute(plan, progress=progress)

    def ensure_current(self, *, progress: bool = False) -> IngestReport | None:
        """At start-up: index CORPUS_DIR when the index is empty, or rebuild it once when an
        older version's text rules made it. None when there was nothing to do, or when another
        ingest holds the lock for a rebuild (the old index answers meanwhile)."""
        if self.store.count() == 0:
            logger.info("The index is empty: indexing %s first", self.folder.root)
            return self.run(progress=progress)
        if not self._other_rules():
            return None
        logger.warning("The index was built by an older version's text rules: rebuilding it once")
        try:
            return self.run(progress=progress)
        except IngestBusy:
            logger.warning("Another ingest is running: the old index answers until it finishes")
            return None

    def _other_rules(self) -> bool:
        """The live index's chunk terms came from other text rules than today's."""
        return self.store.built_with() != index_rules()

    def plan(
        self, paths: Sequence[Path], *, full: bool = False,
        prepared: dict[str, Article] | None = None,
    ) -> Plan:
        """Read the files (all of CORPUS_DIR when `paths` is empty) and plan against the index."""
        folder = self.folder
        remove_stale_temporaries(folder.root)
        if not paths and not folder.root.is_dir():  # a wrong CORPUS_DIR must not empty the index
            logger.warning("Corpus folder %s does not exist", folder.root)
            return Plan(full=False, rejected=[
                Rejected(folder.shown(folder.root), "folder corpus tidak ada")
            ])
        candidates, gone = folder.targets(paths) if paths else (folder.scan(), [])
        index = snapshot_of(self.store)
        if index and not paths and not full and self._other_rules():
            # Stored chunk terms come from the text rules of the build that wrote them.
            logger.info("The index was built with other text rules; rebuilding every article")
            full = True
        cache = prepared or {}

        def prep(shown: str, data: bytes) -> Article:
            known = cache.get(shown)
            if known is not None and known.doc_hash == hashlib.sha256(data).hexdigest():
                return known
            return self._prepare(shown, data)

        return make_plan(
            candidates, index, whole=not paths, full=full, gone=gone, prepare=prep
        )

    def execute(self, plan: Plan, *, progress: bool = False) -> IngestReport:
        """Apply a plan: new chunks first, old ones deleted only when a version is complete."""
        report = IngestReport.of(plan)
        index = plan.index
        if plan.full:
            self._write_full(plan, report, index, progress=progress)
        else:
            self._write_incremental(plan, report, index, progress=progress)
        logger.info(
            "Ingest done: %d added, %d updated, %d unchanged, %d removed, %d rejected",
            len(report.added), len(report.updated), len(report.unchanged),
            len(report.removed), len(report.rejected),
        )
        return report

    def _write_incremental(
        self, plan: Plan, report: IngestReport, index: dict[str, IndexedFile], *, progress: bool
    ) -> None:
        kept, resumed = [p for p in plan.kept if p in index], plan.resumed
        # Never delete an id another kept file still uses (a renamed file keeps its chunk ids).
        keep = {i for p in kept if p not in resumed for i in index[p].all_ids()}
        keep |= {i for p, h in resumed.items() if p in kept for i in index[p].ids.get(h, [])}
        keep |= {c.id for a in plan.write for c in a.chunks}

        def finish(article: Article) -> None:  # new version complete: drop the old ones
            old = index.get(article.path)
            if old is not None:
                self.store.delete_ids([i for i in old.stale_ids(article.doc_hash) if i not in keep])

        for shown, doc_hash in resumed.items():
            if shown in kept:
                stale = index[shown].stale_ids(doc_hash)
                self.store.delete_ids([i for i in stale if i not in keep])
        if not index and plan.write:  # every chunk about to be indexed uses today's rules
            self.store.record_rules(index_rules())
        writer = ChunkWriter(self.store, self.embedder, progress=progress,
                             batch_size=self.batch_size)
        report.chunks_written = writer.write(plan.write, on_article_done=finish)
        report.chunks_reused = writer.reused
        for shown in plan.removed + plan.dropped:
            if shown in index:
                self.store.delete_ids([i for i in index[shown].all_ids() if i not in keep])
                logger.info("Removed %s from the index", shown)
        if report.changed or plan.dropped:
            self.store.bump_version()

    def _write_full(
        self, plan: Plan, report: IngestReport, index: dict[str, IndexedFile], *, progress: bool
    ) -> None:
        build = self.store.new_build()
        writer = ChunkWriter(self.store, self.embedder, progress=progress, into=build)
        report.chunks_written = writer.write(plan.write)
        report.chunks_reused = writer.reused
        for shown in plan.kept:
            if shown in index:
                copy_chunks(self.store.collection(), build, index[shown].all_ids())
        self.store.swap_to(build, rules=index_rules())
        logger.info("Swapped to the new collection %s", build.name)

    # -- single articles: uploads, links, feed entries ----------------------------------------
    def add_upload(self, filename: str, data: bytes) -> AddResult:
        """Validate an uploaded file, save it under a generated name, index it."""
        suffix = Path(re.split(r"[\\/]", filename)[-1]).suffix.lower()
        if suffix not in SUPPORTED:
            raise UploadRejected(unsupported(suffix))
        return self.save_and_index(data, suffix=suffix)

    def save_and_index(
        self, data: bytes, *, suffix: str, same_url: Callable[[str | None], bool] | None = None,
    ) -> AddResult:
        """Save one article's bytes into the corpus folder, then index that file as any run would.

        With `same_url`, an indexed article whose URL it accepts is replaced (an updated page);
        the same text under another name is a duplicate and changes nothing.
        """
        with self.locked():
            try:
                article = self._prepare(f"upload{suffix}", data)
            except BadInput as exc:
                raise UploadRejected(exc.reason) from exc
            except Exception as exc:
                logger.exception("Could not prepare an upload")
                raise UploadRejected("tidak bisa diproses (lihat log)") from exc
            folder = self.folder
            index = snapshot_of(self.store)
            previous = next((
                e for _p, e in sorted(index.items())
                if same_url is not None and same_url(e.meta.get("url"))
            ), None)
            if previous is not None:
                complete = previous.complete_hash()
                if complete is not None and previous.doc_ids[complete] == article.doc_id:
                    raise UploadRejected(f"sudah ada, tidak berubah ({previous.path})")
                target = folder.file_of(previous.path)
            else:
                target = folder.root / safe_filename(article.title, article.doc_hash, suffix)
                # The same name holds the same bytes (the name carries their hash): a save that
                # was never indexed (a killed run) is indexed now; anything else is a duplicate.
                same = target.is_file() and not target.is_symlink() and target.read_bytes() == data
                indexed = index.get(folder.shown(target))
                if same and indexed is not None and indexed.is_current(article.doc_hash):
                    same = False  # saved and fully indexed: a plain duplicate
                if (target.exists() or target.is_symlink()) and not same:
                    raise UploadRejected(f"duplikat dari {folder.shown(target)}")
            return self._save_then_index(target, data, article)

    def _save_then_index(self, target: Path, data: bytes, article: Article) -> AddResult:
        folder = self.folder
        shown = folder.shown(target)
        old = target.read_bytes() if target.is_file() and not target.is_symlink() else None
        try:
            save_atomically(self.saver, target, data, article.doc_hash[:12])
        except SaveFailed as exc:
            raise UploadRejected(exc.reason) from exc
        plan = self.plan([target], prepared={shown: replace(article, path=shown, chunks=tuple(
            replace(c, path=shown) for c in article.chunks))})

        def restore() -> None:
            if old is None:
                target.unlink(missing_ok=True)
            else:
                save_atomically(self.saver, target, old, "restore")

        reason = plan.reason_for(shown)
        if reason is not None:
            restore()
            raise UploadRejected(reason)
        try:
            report = self.execute(plan)
        except BaseException:
            try:  # roll back; the store may be the thing that failed
                self.store.delete_ids([c.id for a in plan.write for c in a.chunks])
            except Exception:
                logger.warning("Rollback of %s chunks failed", shown, exc_info=True)
            finally:
                restore()
            raise
        written = next((a for a in plan.write if a.path == shown), None)
        final = written or replace(article, path=shown)
        logger.info("Article saved as %s (%d chunks)", shown, len(final.chunks))
        return AddResult(
            title=final.title, path=shown, doc_id=final.short_id, passages=len(final.chunks),
            updated=shown in report.updated, url=final.url, publisher=final.publisher,
            date=final.date,
        )

    def remove(self, doc_id: str) -> ArticleInfo | None:
        """Delete an article (file and chunks) by its short id; None when no article has it."""
        wanted = doc_id.strip().lower()
        if not _SHORT_ID.match(wanted):
            return None
        with self.locked():
            index = snapshot_of(self.store)
            matches = [
                e for e in index.values() if any(d.startswith(wanted) for d in e.doc_ids.values())
            ]
            if len({d for e in matches for d in e.doc_ids.values() if d.startswith(wanted)}) != 1:
                return None
            folder = self.folder
            for entry in matches:
                file = folder.file_of(entry.path)
                # Never follow a link: delete the link itself (it lives in the corpus folder),
                # never what it points to.
                if file.absolute().is_relative_to(folder.root):
                    file.unlink(missing_ok=True)
                self.store.delete_ids(entry.all_ids())
                logger.info("Removed article %s (%s)", wanted, entry.path)
            self.store.bump_version()
        return ArticleInfo.from_metadata({**matches[0].meta, "path": matches[0].path})
