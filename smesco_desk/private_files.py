"""Files only their owner can read: the database, its backups, exported documents.

The database holds personal data (UU PDP) and money; backups and PDFs are
copies of it. On a PC shared by several accounts nobody else may read them, so
they are created 0600 and the folders the application creates 0700, whatever
the umask says (a umask of 022 would leave them readable by every account).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def make_private_dir(path: Path) -> None:
    """Create `path` and its missing parents as 0700; existing folders are left alone
    (a folder the person chose, such as a USB stick, is theirs to set)."""
    missing: list[Path] = []
    probe = Path(path)
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        os.chmod(folder, DIR_MODE)


def restrict(path: Path) -> None:
    """Take group and other permissions off an existing file of ours (older
    installations created the database 0644); a file we cannot change stays."""
    try:
        mode = path.stat().st_mode
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
    except OSError:
        pass


def create_private_file(path: Path) -> None:
    """Create `path` empty and 0600 if it is missing (SQLite then gives its WAL,
    shared-memory and journal files the same permissions); restrict it otherwise."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    restrict(path)


def write_private(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Write `data` to `path`, 0600, through a temporary file in the same folder
    renamed into place: a reader sees the old file or the new one, and a failure
    leaves no temporary file. The temporary name is new each time (created
    exclusively, never through a link someone left there). With `durable` the
    file and its folder are flushed to the disk before this returns."""
    path = Path(path)
    make_private_dir(path.parent)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    tmp = Path(name)
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        sync_dir(path.parent)


def sync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename into it) to the disk, where that exists."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
