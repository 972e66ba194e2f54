"""Who has the database open: a lock file beside it, and the processes using it.

Every Core over a SQLite file holds a shared advisory lock (flock) on
`<database>.lock` for as long as it is open: the application for its whole
run, a command line call for its command. `restore` takes that lock
exclusively, so it refuses while anything of ours has the database open, and a
Core that starts during a restore waits for it to finish. The kernel drops the
lock of a killed process, so a crash never leaves a desk locked.

Programs that are not ours (an SQLite browser) take no such lock; the
restore finds them by SQLite's own locks (see MaintenanceService) and, on
Linux, by the files they hold open (`processes_using`), to name them.
"""

from __future__ import annotations

import os
import sys
import time
import weakref
from pathlib import Path
from typing import Any

from smesco_desk.errors import DomainError
from smesco_desk.i18n import _
from smesco_desk.private_files import FILE_MODE, restrict

if sys.platform != "win32":
    import fcntl

WAIT_FOR_RESTORE_S = 60.0


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def database_files(database: Path) -> list[Path]:
    """The database and the files SQLite and we keep beside it."""
    return [Path(f"{database}{suffix}") for suffix in ("", "-wal", "-shm", "-journal", ".lock")]


class DatabaseLock:
    """The shared lock a Core holds on its database file (none on Windows)."""

    def __init__(self, database: Path) -> None:
        self.path = lock_path(database)
        self._fd: int | None = None
        self._closer: weakref.finalize[Any, Any] | None = None

    def acquire_shared(self, timeout: float = WAIT_FOR_RESTORE_S) -> None:
        """Hold the lock shared; waits while a restore holds it exclusively."""
        if sys.platform == "win32" or self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        restrict(self.path)
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise DomainError(
                        _("Basis data sedang dipulihkan dari cadangan. Coba lagi sebentar lagi.")
                    ) from None
                time.sleep(0.05)
        self._fd = fd
        # A core dropped without close() lets go of the lock when it is collected.
        self._closer = weakref.finalize(self, os.close, fd)

    def try_exclusive(self) -> bool:
        """Turn the lock exclusive if nobody else holds it; False (and still
        shared) if another Core has the database open."""
        if sys.platform == "win32":
            return True
        if self._fd is None:
            self.acquire_shared()
        assert self._fd is not None
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            # Linux drops the shared lock while trying to convert it: take it back.
            fcntl.flock(self._fd, fcntl.LOCK_SH)
            return False

    def back_to_shared(self) -> None:
        if sys.platform != "win32" and self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_SH)

    def release(self) -> None:
        if self._closer is not None:
            self._closer()  # closes the file once, which drops the flock
        self._fd = self._closer = None


def processes_using(database: Path) -> list[str]:
    """Other processes holding the database (or its lock, WAL, journal) open, as
    "name (PID n)"; empty where /proc cannot tell (not Linux, other users)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    wanted = {str(p.resolve()) for p in database_files(database)}
    found: list[str] = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        if _holds_any(entry, wanted):
            found.append(f"{_program_name(entry)} (PID {entry.name})")
    return sorted(found)


def _holds_any(process: Path, wanted: set[str]) -> bool:
    try:
        for fd in (process / "fd").iterdir():
            try:
                if os.readlink(fd) in wanted:
                    return True
            except OSError:
                continue
    except OSError:
        pass
    return False


def _program_name(process: Path) -> str:
    """A name a person recognises: the application, our command line, or the program."""
    try:
        raw = (process / "cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return "?"
    args = [a for a in raw.split("\0") if a]
    if not args:
        return "?"
    joined = " ".join(args)
    if any(a.endswith("main.py") for a in args) or "ui.app" in joined:
        return _("aplikasi Smesco Desk")
    if "smesco_desk" in args or "smesco-desk-admin" in joined:
        return "smesco-desk-admin"
    program = Path(args[0]).name
    if "-c" in args:
        return program
    scripts = [Path(a).name for a in args[1:] if not a.startswith("-")]
    return f"{program} {scripts[0]}" if scripts and program.startswith("python") else program
