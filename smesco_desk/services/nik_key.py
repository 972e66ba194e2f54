"""The NIK key: the secret without which a stored NIK pseudonym is useless.

Where it lives, and why there:

- A file, `keys/nik.key` in the data folder (beside the database when the core
  was opened by URL): the folder 0700, the file 0600, made by the account that
  runs the application. It is never written to the database, so no backup,
  outbox row, change-log entry or synced row carries it. The application and
  the command line read it through this one class.
- Desks linked to one server share one key, so a returning visitor is found at
  any desk: the server keeps a copy in a server-only table that sync never
  reads or sends, and hands it over only at enrolment (smesco_desk/sync/enroll.py;
  the first desk to enrol uploads its key).
- A key is made only where no other key can exist yet: on a desk that is not
  linked to a server and holds no pseudonym. Anywhere else a missing file is an
  error that says what to do: a new key would silently stop returning visitors
  from being found.

Pseudonyms made ahead (`prepare`: while the receptionist still types) wait in
a small memo in memory (smesco_desk.domain.nik_memo); `pseudonym` takes one
from there when it is ready and computes it otherwise: the same value either way.
"""

from __future__ import annotations

import os
import secrets
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from smesco_desk.db.models import BookingAttendee, SyncState, Visitor
from smesco_desk.domain.nik import NIK_KEY_BYTES, nik_pseudonym, normalize_nik
from smesco_desk.domain.nik_memo import PseudonymMemo
from smesco_desk.errors import DomainError
from smesco_desk.i18n import _
from smesco_desk.paths import default_data_dir, nik_key_path

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

_POSIX = os.name == "posix"


class NikKeyMissing(DomainError):
    """The NIK key file is missing (and may not be made here) or unreadable."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "nik")


class NikKeyStore:
    """This desk's NIK key: read once from its file (made first where that is safe)."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self._key: bytes | None = None
        self._lock = threading.Lock()
        self._ready = PseudonymMemo()

    def path(self) -> Path:
        """Where the key file is: the data folder, else beside the SQLite file, else
        (a server database opened by URL) the application's default data folder."""
        folder = self.core.data_dir
        if folder is None:
            db_file = self.core.maintenance.sqlite_file()
            folder = default_data_dir() if db_file is None else db_file.parent
        return nik_key_path(folder)

    def key(self) -> bytes:
        """The key. NikKeyMissing when there is none and none may be made."""
        with self._lock:
            if self._key is None:
                self._key = self.read() or self._make()
            return self._key

    def pseudonym(self, nik: str) -> str:
        """The stored pseudonym of a (normalised) NIK: the one prepared for it if
        there is one, else one slow hash, done outside any write transaction by
        the callers so the write lock is not held for it."""
        key = self.key()
        return self._ready.get(key, nik) or nik_pseudonym(key, nik)

    def prepare(self, nik: str) -> str:
        """The pseudonym of a NIK as typed (spaces, dots, dashes allowed), made now
        and kept ready for `pseudonym` (a few minutes, in memory). InvalidNik when
        it is not a NIK."""
        digits, key = normalize_nik(nik), self.key()
        ready = self._ready.get(key, digits)
        if ready is None:
            ready = nik_pseudonym(key, digits)
            self._ready.put(key, digits, ready)
        return ready

    def forget(self, nik: str | None = None) -> None:
        """Drop the pseudonym prepared for this (normalised) NIK, or every one."""
        if nik is None:
            self._ready.clear()
        elif self._key is not None:
            self._ready.discard(self._key, nik)

    def read(self) -> bytes | None:
        """The key in the file, or None when there is no file."""
        path = self.path()
        try:
            text = path.read_text("ascii")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise NikKeyMissing(
                _("Kunci NIK {path} tidak dapat dibaca: {detail}").format(path=path, detail=exc)
            ) from exc
        _keep_private(path)
        return _parse(text, path)

    def adopt(self, key: bytes) -> None:
        """Make `key` this desk's key (enrolment: the key the server holds).

        Refused when this desk already holds pseudonyms made with another key:
        they would no longer find anyone.
        """
        current = self.read()
        if current != key:
            if current is not None and self.has_pseudonyms():
                raise DomainError(
                    _(
                        "Kunci NIK desk ini berbeda dari kunci server, dan desk ini sudah"
                        " menyimpan NIK tamu. Hubungi administrator."
                    )
                )
            _write_replacing(self.path(), key)
        with self._lock:
            self._key = key
        self._ready.clear()  # (an entry under another key is never found anyway)

    def has_pseudonyms(self) -> bool:
        """Whether this desk holds a pseudonym made with its key: a visitor's or an
        event participant's (both are found again by NIK only with the same key)."""
        with self.core.db.read() as session:
            for column in (Visitor.nik_hash, BookingAttendee.nik_hash):
                if session.scalar(select(column).where(column.is_not(None)).limit(1)):
                    return True
            return False

    def _is_linked(self) -> bool:
        with self.core.db.read() as session:
            return session.get(SyncState, "server_url") is not None

    def _make(self) -> bytes:
        path = self.path()
        if self.has_pseudonyms():
            raise NikKeyMissing(
                _(
                    "Kunci NIK tidak ada di {path}, padahal basis data ini menyimpan NIK tamu."
                    " Kembalikan berkas kunci dari komputer atau cadangan kunci semula;"
                    " tanpa kunci itu tamu lama tidak dapat dicari dengan NIK."
                ).format(path=path)
            )
        if self._is_linked():
            raise NikKeyMissing(
                _(
                    "Kunci NIK belum ada di desk ini ({path}). Desk yang tersambung ke server"
                    " memakai kunci server: jalankan `sync enroll` sekali lagi di desk ini."
                ).format(path=path)
            )
        return _write_new(path, secrets.token_bytes(NIK_KEY_BYTES))


def _parse(text: str, path: Path) -> bytes:
    value = text.strip()
    try:
        key = bytes.fromhex(value)
    except ValueError:
        key = b""
    if len(key) != NIK_KEY_BYTES:
        raise NikKeyMissing(_("Berkas kunci NIK {path} rusak.").format(path=path))
    return key


def encode_key(key: bytes) -> str:
    """The text of a key file (and of the server's copy): 64 hex digits."""
    return key.hex()


def decode_key(text: str) -> bytes:
    """A key from its text; ValueError when it is not one."""
    key = bytes.fromhex(text.strip())
    if len(key) != NIK_KEY_BYTES:
        raise ValueError("not a NIK key")
    return key


def _private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if _POSIX:
        os.chmod(folder, 0o700)


def _keep_private(path: Path) -> None:
    """A key file someone made readable to others is closed again (we own it)."""
    if _POSIX and path.stat().st_mode & 0o077:
        os.chmod(path, 0o600)


def _write_temp(folder: Path, key: bytes) -> Path:
    """The key in a new 0600 file in `folder`, flushed to disk."""
    _private_folder(folder)
    tmp = folder / f".nik.key.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        if _POSIX:
            os.fchmod(fd, 0o600)  # whatever the umask says
        os.write(fd, (encode_key(key) + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return tmp


def _write_new(path: Path, key: bytes) -> bytes:
    """Create the key file unless another process just did; returns the key on disk."""
    tmp = _write_temp(path.parent, key)
    try:
        os.link(tmp, path)  # never replaces: two first starts agree on one key
    except FileExistsError:
        return _parse(path.read_text("ascii"), path)
    finally:
        tmp.unlink(missing_ok=True)
    return key


def _write_replacing(path: Path, key: bytes) -> None:
    tmp = _write_temp(path.parent, key)
    try:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
