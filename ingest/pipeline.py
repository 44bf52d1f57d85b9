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
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.articles import Article, display_path, prepare, safe_filename
from ingest.loaders import SUPPORTED, BadInput, check_size, unsupported
from ingest.snapshot import IndexedFile, snapshot_of
from ingest.writer import ChunkWriter, copy_chunks
from knowledge.service import ArticleInfo

if TYPE_CHECKING:
    from knowledge.embedders import Embedder
    from knowledge.settings import Settings
    from knowledge.store import ChromaStore

logger = logging.getLogger(__name__)

_SHORT_ID = re.compile(r"^[0-9a-f]{4,64}$")


@dataclass(frozen=True)
class Rejected:
    """A file that was not indexed, and why (one line of Indonesian)."""

    path: str
    reason: str


@dataclass
class IngestReport:
    """What one ingest run did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rebuilt: list[str] = field(default_factory=list)  # --full: same content, embedded again
    removed: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    chunks_written: int = 0

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
    """An uploaded article, saved and indexed."""

    title: str
    path: str
    doc_id: str
    passages: int


class UploadRejected(ValueError):
    """An upload that was not saved; `reason` is one line of Indonesian."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _is_ignored(path: Path, root: Path) -> bool:
    """Hidden files/folders and README files are never articles."""
    parts = path.relative_to(root).parts
    return any(p.startswith(".") for p in parts) or path.stem.lower() == "readme"


class Ingester:
    """Indexes the corpus folder into the store; also adds and removes single articles."""

    def __init__(self, *, settings: Settings, store: ChromaStore, embedder: Embedder) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder

    # -- locking ---------------------------------------------------------------------------
    @contextmanager
    def _locked(self) -> Iterator[None]:
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

    # -- file discovery --------------------------------------------------------------------
    def _corpus_root(self) -> Path:
        return self.settings.corpus_dir.absolute()

    def _shown(self, path: Path) -> str:
        """The stored/displayed path, independent of the working directory."""
        return display_path(path, self._corpus_root())

    def _file_of(self, shown: str) -> Path:
        """The file a stored path names."""
        path = Path(shown)
        return path if path.is_absolute() else self._corpus_root().parent / path

    def _scan_dir(self, folder: Path, rejected: list[Rejected]) -> list[Path]:
        root = self._corpus_root()
        files = []
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or _is_ignored(path, root):
                continue
            files += self._check_suffix(path, rejected)
        return files

    def _resolve_targets(
        self, paths: Sequence[Path], rejected: list[Rejected], gone: list[str]
    ) -> list[Path]:
        root = self._corpus_root()
        files: list[Path] = []
        for given in paths:
            path = Path(given).absolute()
            if not path.resolve().is_relative_to(root.resolve()):
                rejected.append(Rejected(self._shown(path), (
                    f"di luar folder corpus ({self._shown(root)}); salin file ke sana dulu"
                )))
            elif path.is_dir():
                files += self._scan_dir(path, rejected)
            elif path.is_file():
                files += self._check_suffix(path, rejected)
            else:
                gone.append(self._shown(path))
        return list(dict.fromkeys(files))

    def _check_suffix(self, path: Path, rejected: list[Rejected]) -> list[Path]:
        if path.suffix.lower() not in SUPPORTED:
            rejected.append(Rejected(self._shown(path), unsupported(path.suffix)))
            return []
        return [path]

    # -- reading ---------------------------------------------------------------------------
    def _read(self, path: Path) -> bytes:
        check_size(path.stat().st_size, self.settings.max_file_bytes)
        return path.read_bytes()

    def _prepare(self, path: Path, data: bytes) -> Article:
        return prepare(
            data, name=path.name, path=self._shown(path), max_bytes=self.settings.max_file_bytes
        )

    # -- the run ---------------------------------------------------------------------------
    def run(
        self, paths: Sequence[Path] | None = None, *, full: bool = False, progress: bool = False
    ) -> IngestReport:
        """Incrementally index CORPUS_DIR (or just `paths`); `full` rebuilds a new collection."""
        if full and paths:
            raise ValueError("--full selalu membangun ulang seluruh folder corpus; tanpa PATH")
        with self._locked():
            return self._run(list(paths or []), full=full, progress=progress)

    def _run(self, paths: list[Path], *, full: bool, progress: bool) -> IngestReport:
        report = IngestReport()
        whole = not paths
        gone: list[str] = []
        if whole:
            root = self._corpus_root()
            if not root.is_dir():  # a wrong CORPUS_DIR must not empty the index
                logger.warning("Corpus folder %s does not exist", root)
                report.rejected.append(Rejected(self._shown(root), "folder corpus tidak ada"))
                return report
            files = self._scan_dir(root, report.rejected)
        else:
            files = self._resolve_targets(paths, report.rejected, gone)
        index = snapshot_of(self.store)

        # 1. Read every file; skip unchanged ones by hash, prepare the rest.
        fresh: dict[str, Article] = {}
        unchanged: dict[str, str] = {}  # path -> doc_id (already fully indexed)
        resumed: dict[str, str] = {}  # path -> doc_hash, indexed but old versions remain
        scanned = {r.path for r in report.rejected}
        for path in files:
            shown = self._shown(path)
            scanned.add(shown)
            try:
                data = self._read(path)
                indexed = index.get(shown)
                doc_hash = hashlib.sha256(data).hexdigest()
                if not full and indexed is not None and indexed.is_current(doc_hash):
                    unchanged[shown] = indexed.doc_ids[doc_hash]
                    continue
                if not full and indexed is not None and indexed.complete_hash(doc_hash):
                    # A killed run wrote this version but not yet deleted the old one.
                    resumed[shown] = doc_hash
                    unchanged[shown] = indexed.doc_ids[doc_hash]
                    continue
                fresh[shown] = self._prepare(path, data)
            except BadInput as exc:
                report.rejected.append(Rejected(shown, exc.reason))
            except OSError as exc:
                report.rejected.append(Rejected(shown, f"tidak bisa dibaca ({exc.strerror})"))
            except Exception:  # a loader bug must not stop the other files
                logger.exception("Could not prepare %s", shown)
                report.rejected.append(Rejected(shown, "tidak bisa diproses (lihat log)"))

        # 2. Duplicates: an article already indexed under its path wins, then by path order.
        removed = sorted(set(index) - scanned) if whole else [p for p in gone if p in index]
        owners: dict[str, str] = {}
        if not whole:
            for shown, entry in index.items():
                if shown not in scanned and shown not in removed and (h := entry.complete_hash()):
                    owners[entry.doc_ids[h]] = shown

        def priority(candidate: tuple[str, str]) -> tuple[bool, str]:
            entry = index.get(candidate[0])
            return (entry is None or candidate[1] not in entry.doc_ids.values(), candidate[0])

        duplicates: list[str] = []
        candidates = list(unchanged.items()) + [(p, a.doc_id) for p, a in fresh.items()]
        for shown, doc_id in sorted(candidates, key=priority):
            owner = owners.setdefault(doc_id, shown)
            if owner != shown:
                report.rejected.append(Rejected(shown, f"duplikat dari {owner}"))
                duplicates.append(shown)
                fresh.pop(shown, None)
                unchanged.pop(shown, None)

        # 3. Classify (relative to the live index) and write.
        for shown, article in sorted(fresh.items()):
            if shown not in index:
                report.added.append(shown)
            elif index[shown].is_current(article.doc_hash):  # only in a full rebuild
                report.rebuilt.append(shown)
            else:
                report.updated.append(shown)
        report.updated = sorted(report.updated + [p for p in resumed if p in unchanged])
        report.unchanged = sorted(report.unchanged + [p for p in unchanged if p not in resumed])
        report.removed = removed
        report.rejected += [Rejected(p, "file tidak ditemukan") for p in gone if p not in index]
        report.rejected.sort(key=lambda r: r.path)

        articles = [fresh[p] for p in sorted(fresh)]
        # Old chunks of a rejected file stay (nothing indexed is lost), except for duplicates.
        kept = [r.path for r in report.rejected if r.path in index and r.path not in duplicates]
        dropped = [p for p in duplicates if p in index]
        if full:
            self._write_full(articles, report, index, kept, progress=progress)
        else:
            self._write_incremental(
                articles, report, index, list(unchanged) + kept, dropped, resumed,
                progress=progress,
            )
        logger.info(
            "Ingest done: %d added, %d updated, %d unchanged, %d removed, %d rejected",
            len(report.added), len(report.updated), len(report.unchanged),
            len(report.removed), len(report.rejected),
        )
        return report

    def _write_incremental(
        self, articles: list[Article], report: IngestReport, index: dict[str, IndexedFile],
        kept: list[str], dropped: list[str], resumed: dict[str, str], *, progress: bool,
    ) -> None:
        # Never delete an id another kept file still uses (a renamed file keeps its chunk ids).
        keep = {i for p in kept if p not in resumed for i in index[p].all_ids()}
        keep |= {i for p, h in resumed.items() if p in kept for i in index[p].ids[h]}
        keep |= {c.id for a in articles for c in a.chunks}

        def finish(article: Article) -> None:  # new version complete: drop the old ones
            old = index.get(article.path)
            if old is not None:
                self.store.delete_ids([i for i in old.stale_ids(article.doc_hash) if i not in keep])

        for shown, doc_hash in resumed.items():
            if shown in kept:
                stale = index[shown].stale_ids(doc_hash)
                self.store.delete_ids([i for i in stale if i not in keep])
        writer = ChunkWriter(self.store, self.embedder, progress=progress)
        report.chunks_written = writer.write(articles, on_article_done=finish)
        for shown in report.removed + dropped:
            self.store.delete_ids([i for i in index[shown].all_ids() if i not in keep])
            logger.info("Removed %s from the index", shown)
        if report.changed or dropped:
            self.store.bump_version()

    def _write_full(
        self, articles: list[Article], report: IngestReport, index: dict[str, IndexedFile],
        kept: list[str], *, progress: bool,
    ) -> None:
        build = self.store.new_build()
        writer = ChunkWriter(self.store, self.embedder, progress=progress, into=build)
        report.chunks_written = writer.write(articles)
        for shown in kept:
            copy_chunks(self.store.collection(), build, index[shown].all_ids())
        self.store.swap_to(build)
        logger.info("Swapped to the new collection %s", build.name)

    # -- single-article admin operations ---------------------------------------------------
    def add_upload(self, filename: str, data: bytes) -> AddResult:
        """Validate an uploaded file, save it under a generated name, index it."""
        suffix = Path(re.split(r"[\\/]", filename)[-1]).suffix.lower()
        if suffix not in SUPPORTED:
            raise UploadRejected(unsupported(suffix))
        with self._locked():
            try:
                article = prepare(
                    data, name=f"upload{suffix}", path="", max_bytes=self.settings.max_file_bytes
                )
            except BadInput as exc:
                raise UploadRejected(exc.reason) from exc
            except Exception as exc:
                logger.exception("Could not prepare an upload")
                raise UploadRejected("tidak bisa diproses (lihat log)") from exc
            index = snapshot_of(self.store)
            for path, entry in sorted(index.items()):
                if article.doc_id in entry.doc_ids.values():
                    raise UploadRejected(f"duplikat dari {path}")
            root = self._corpus_root()
            target = root / safe_filename(article.title, article.doc_hash, suffix)
            shown = self._shown(target)
            if target.exists():
                raise UploadRejected(f"duplikat dari {shown}")
            article = replace(article, path=shown, chunks=tuple(
                replace(c, path=shown) for c in article.chunks
            ))
            root.mkdir(parents=True, exist_ok=True)
            tmp = root / f".upload-{article.doc_hash[:12]}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, target)
            try:
                ChunkWriter(self.store, self.embedder).write([article])
            except BaseException:
                try:  # roll back; the store may be the thing that failed
                    self.store.delete_ids([c.id for c in article.chunks])
                except Exception:
                    logger.warning("Rollback of %s chunks failed", shown, exc_info=True)
                finally:
                    target.unlink(missing_ok=True)
                raise
            self.store.bump_version()
        logger.info("Uploaded article saved as %s (%d chunks)", shown, len(article.chunks))
        return AddResult(
            title=article.title, path=shown, doc_id=article.short_id, passages=len(article.chunks)
        )

    def remove(self, doc_id: str) -> ArticleInfo | None:
        """Delete an article (file and chunks) by its short id; None when no article has it."""
        wanted = doc_id.strip().lower()
        if not _SHORT_ID.match(wanted):
            return None
        with self._locked():
            index = snapshot_of(self.store)
            matches = [
                e for e in index.values() if any(d.startswith(wanted) for d in e.doc_ids.values())
            ]
            if len({d for e in matches for d in e.doc_ids.values() if d.startswith(wanted)}) != 1:
                return None
            root = self._corpus_root()
            for entry in matches:
                file = self._file_of(entry.path)
                if file.resolve().is_relative_to(root.resolve()):
                    file.unlink(missing_ok=True)
                self.store.delete_ids(entry.all_ids())
                logger.info("Removed article %s (%s)", wanted, entry.path)
            self.store.bump_version()
        return ArticleInfo.from_metadata({**matches[0].meta, "path": matches[0].path})
