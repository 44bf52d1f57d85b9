"""The corpus folder on disk: which files are articles, reading them, and saving new ones.

Why one module: the rules about the folder must be the same for a full scan, for `ingest PATH`,
for uploads, links and feeds, and for /hapus. In particular symbolic links are never followed
(a link could point anywhere on the machine, and a link that one path treats as an article and
another as "outside the corpus" makes /hapus report a deletion that the next scan undoes).
Saving goes through a small `FileSaver` seam: write to a hidden temporary file, then rename, so
a half-written article never appears under its real name, and a failed write (a full disk)
removes its temporary file and says so in one line.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from ingest.articles import display_path
from ingest.loaders import SUPPORTED, BadInput, check_size, unsupported
from ingest.plan import Candidate

logger = logging.getLogger(__name__)

TMP_PREFIX = ".upload-"
SYMLINK = "tautan simbolik (symlink) tidak dibaca; salin berkas aslinya ke folder corpus"


class SaveFailed(OSError):
    """A file could not be saved; `reason` is one line of Indonesian."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class FileSaver(Protocol):
    """Writes bytes to a path (the seam tests use to simulate a full disk)."""

    def write(self, path: Path, data: bytes) -> None: ...


class DiskSaver:
    """Plain file writes with fsync, so a rename never exposes an empty file after a crash."""

    def write(self, path: Path, data: bytes) -> None:
        """Write `data` to `path` (created or truncated) and flush it to disk."""
        with open(path, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())


def save_atomically(saver: FileSaver, target: Path, data: bytes, tag: str) -> None:
    """Write via a hidden temporary file and rename; on failure nothing is left behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f"{TMP_PREFIX}{tag}.tmp"
    try:
        saver.write(tmp, data)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        logger.warning("saving %s failed: %s", target.name, exc)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise SaveFailed("disk penyimpanan penuh; kosongkan ruang disk lalu coba lagi") from exc
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise SaveFailed("folder artikel tidak bisa ditulisi (izin akses)") from exc
        raise SaveFailed(f"berkas tidak bisa disimpan ({exc.strerror or exc})") from exc


def remove_stale_temporaries(root: Path) -> None:
    """Delete temporary files a killed save left in the corpus folder."""
    if root.is_dir():
        for tmp in root.glob(f"{TMP_PREFIX}*.tmp"):
            if tmp.is_file() and not tmp.is_symlink():
                tmp.unlink(missing_ok=True)


def linked_part(path: Path, root: Path) -> bool:
    """True when `path` or any folder between `root` and it is a symbolic link."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root.absolute())
    except ValueError:
        return absolute.is_symlink()
    current = root.absolute()
    for part in relative.parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


def is_ignored(path: Path, root: Path) -> bool:
    """Hidden files/folders and README files are never articles."""
    parts = path.relative_to(root).parts
    return any(p.startswith(".") for p in parts) or path.stem.lower() == "readme"


class CorpusFolder:
    """Finds and reads the article files under one corpus root."""

    def __init__(self, root: Path, max_bytes: int) -> None:
        self.root = root.absolute()
        self.max_bytes = max_bytes

    def shown(self, path: Path) -> str:
        """The stored/displayed path ("corpus/a.md"), independent of the working directory."""
        return display_path(path, self.root)

    def file_of(self, shown: str) -> Path:
        """The file a stored path names."""
        path = Path(shown)
        return path if path.is_absolute() else self.root.parent / path

    def scan(self, folder: Path | None = None) -> list[Candidate]:
        """Every article file under `folder` (default: the root), read; symlinks rejected."""
        found: list[Candidate] = []
        for path in sorted((folder or self.root).rglob("*")):
            if is_ignored(path, self.root):
                continue
            if path.is_symlink():
                if path.is_file() or not path.exists():
                    found.append(Candidate(self.shown(path), reason=SYMLINK))
                continue  # rglob does not descend into linked folders
            if path.is_file():
                found.append(self.read(path))
        return found

    def targets(self, paths: Sequence[Path]) -> tuple[list[Candidate], list[str]]:
        """The named files (folders scanned), read; plus the stored paths of missing ones."""
        found: list[Candidate] = []
        gone: list[str] = []
        for given in paths:
            path = Path(os.path.abspath(given))  # ".." folded, links not followed
            if linked_part(path, self.root):
                found.append(Candidate(self.shown(path), reason=SYMLINK))
            elif not path.is_relative_to(self.root):
                found.append(Candidate(self.shown(Path(given).absolute()), reason=(
                    f"di luar folder corpus ({self.shown(self.root)}); salin file ke sana dulu"
                )))
            elif path.is_dir():
                found += self.scan(path)
            elif path.is_file():
                found.append(self.read(path))
            else:
                gone.append(self.shown(path))
        unique = {c.path: c for c in found}
        return list(unique.values()), gone

    def read(self, path: Path) -> Candidate:
        """One file's bytes, or why not (unsupported type, too big, unreadable)."""
        shown = self.shown(path)
        if path.suffix.lower() not in SUPPORTED:
            return Candidate(shown, reason=unsupported(path.suffix))
        try:
            check_size(path.stat().st_size, self.max_bytes)
            return Candidate(shown, data=path.read_bytes())
        except BadInput as exc:
            return Candidate(shown, reason=exc.reason)
        except OSError as exc:
            return Candidate(shown, reason=f"tidak bisa dibaca ({exc.strerror})")
