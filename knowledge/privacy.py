"""Owner-only files and folders for what workers asked (DATA_DIR).

Why explicit modes: the default umask (022) makes new files world-readable, so on a shared
server every local user could read the question log. Folders are created 0700 and files 0600
whatever the umask is; an existing file of ours that is looser is tightened. Existing folders
are left alone (DATA_DIR may be a folder the operator shares on purpose); `tanyakerja doctor`
says when DATA_DIR is readable by others.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) owner-only; existing folders are not changed."""
    missing = [p for p in [path, *path.parents] if not p.exists()]
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process made it first
            folder.mkdir(mode=DIR_MODE)
            os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask
    return path


def private_file(path: Path) -> Path:
    """Make sure `path` exists with mode 0600 (created so, or tightened) before others open it."""
    private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        tighten(path)
    else:
        os.close(fd)
    return path


def tighten(path: Path) -> None:
    """Remove group and other permissions from one of our files, if it has any."""
    with contextlib.suppress(FileNotFoundError):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, mode & 0o700)


def readable_by_others(path: Path) -> bool:
    """True when group or other users may list or read `path`."""
    try:
        return bool(stat.S_IMODE(path.stat().st_mode) & 0o077)
    except OSError:
        return False
