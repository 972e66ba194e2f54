"""Schema upgrades, online backups, and restoring a backup.

A restore replaces the database file, so it must be the only user of it: it
takes the lock every open Core holds shared (smesco_desk.db.lock) exclusively,
then makes SQLite prove nobody else has the file open (leaving WAL mode needs
that) and holds the write lock until the restored file has taken its place.
A program still running on the old file would go on acknowledging work into a
file nobody reads; this refuses instead and says which program to close.

The restored file is prepared completely before it takes the live name
(checked, upgraded, its receipt series moved past every number the replaced
database issued, with the skipped range recorded: see receipt_series), so a
crash at any moment leaves the old database or the whole new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from smesco_desk.clock import iso
from smesco_desk.db import migrate
from smesco_desk.db.engine import Database, sqlite_url
from smesco_desk.db.lock import processes_using
from smesco_desk.db.models import DeskSetting
from smesco_desk.errors import DatabaseInUse, DomainError
from smesco_desk.i18n import _
from smesco_desk.paths import backups_dir
from smesco_desk.private_files import create_private_file, make_private_dir, sync_dir
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.payments import series as receipt_series
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.payments import ReceiptGap

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

IN_USE_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    previous: Path  # a backup of the database that was replaced
    receipts_held: bool  # linked to a server: receipts wait for a sync
    gaps: tuple[ReceiptGap, ...] = ()  # receipt numbers skipped (issued in the replaced file)
    erased_again: int = 0  # people erased in the replaced file, erased again in the restored one


@dataclass(frozen=True)
class BackupFile:
    """A backup in the data folder's backups/: it keeps a copy of everything in the
    database when it was made (erased visitors too) until it is removed."""

    path: Path
    made_at: datetime
    removed_after: datetime

    def to_json(self) -> dict[str, str]:
        return {
            "path": str(self.path),
            "made_at": iso(self.made_at) or "",  # WIB, as every time the desk shows
            "removed_after": iso(self.removed_after) or "",
        }


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size_bytes: int
    integrity: str


class MaintenanceService:
    def __init__(self, core: Core) -> None:
        self.core = core

    def sqlite_file(self) -> Path | None:
        return self.core.db.path

    def upgrade_schema(self) -> str | None:
        """Apply pending migrations; an existing SQLite file is backed up first.

        Returns the path of the pre-upgrade backup, if one was made.
        """
        engine = self.core.db.engine
        current = migrate.current_revision(engine)
        if current == migrate.head_revision():
            return None
        backup_path: str | None = None
        source = self.sqlite_file()
        if current is not None and source is not None and self.core.data_dir is not None:
            stamp = self.core.now().strftime("%Y%m%dT%H%M%SZ")
            dest = backups_dir(self.core.data_dir) / f"before-upgrade-{current}-{stamp}.sqlite3"
            backup_path = str(self._backup(dest).path)
        migrate.upgrade(engine)
        return backup_path

    def backup(self, actor: Actor, dest: Path) -> BackupResult:
        """A consistent copy made with SQLite's online backup API, then checked
        (a supervisor's or administrator's job; the command line's IT account).

        `dest` is a file or a folder (a dated name is made inside). An existing
        file is replaced only if it is itself a SQLite database (an older backup).
        """
        require(actor, Permission.BACKUP)
        return self._backup(Path(dest))

    def _backup(self, dest: Path) -> BackupResult:
        source = self.sqlite_file()
        if source is None:
            raise DomainError(_("Cadangan hanya untuk basis data SQLite lokal."))
        dest = self._backup_target(dest, source)
        tmp = dest.with_name(dest.name + ".part")
        try:
            make_private_dir(dest.parent)
            integrity = self._copy(source, tmp)
        except (OSError, sqlite3.Error) as exc:
            tmp.unlink(missing_ok=True)
            raise DomainError(
                _("Cadangan gagal ditulis ke {path}: {detail}").format(path=dest, detail=exc),
                "dest",
            ) from exc
        if integrity != "ok":
            tmp.unlink(missing_ok=True)
            raise DomainError(_("Cadangan rusak: {detail}").format(detail=integrity))
        tmp.replace(dest)
        return BackupResult(dest, dest.stat().st_size, integrity)

    def backup_retention_days(self) -> int:
        from smesco_desk.services.settings import SettingsService

        with self.core.db.read() as session:
            return int(SettingsService.get_in(session, "backup_retention_days"))

    def kept_backups(self) -> list[BackupFile]:
        """The backups in the data folder's backups/, oldest first, with the date each
        is removed after (when it was made plus the backup retention period)."""
        if self.core.data_dir is None:
            return []
        folder = backups_dir(self.core.data_dir)
        keep = timedelta(days=self.backup_retention_days())
        found = []
        for path in sorted(folder.glob("*.sqlite3")) if folder.is_dir() else []:
            if path.is_file() and _is_sqlite_file(path):
                made = datetime.fromtimestamp(path.stat().st_mtime, UTC)
                found.append(BackupFile(path, made, made + keep))
        return sorted(found, key=lambda b: b.made_at)

    def purge_old_backups(self) -> list[Path]:
        """Remove the backups older than the backup retention period an administrator
        set (run by purge-expired and at start-up); returns the removed files."""
        now = self.core.now()
        removed = []
        for backup in self.kept_backups():
            if backup.removed_after < now:
                backup.path.unlink(missing_ok=True)
                removed.append(backup.path)
        return removed

    def changed_elsewhere(self) -> bool:
        """Whether another program wrote to this desk's database since the last
        call (the views then reload what they show)."""
        return self.core.db.changed_elsewhere()

    def restore(self, actor: Actor, source: Path) -> RestoreResult:
        """Replace this desk's database with a backup (a supervisor's decision).

        Refused (DatabaseInUse) while another program has the database open.
        The current file is backed up first and the backup prepared beside it,
        then it takes the current file's place in one rename. Receipt numbers the
        replaced file issued after the backup are never issued again (the gap is
        recorded); on a desk linked to a server the restored file also issues no
        number until a sync has told it which numbers the server holds.
        """
        require(actor, Permission.BACKUP)
        target = self.sqlite_file()
        if target is None:
            raise DomainError(_("Pemulihan hanya untuk basis data SQLite lokal."))
        source = Path(source)
        if not source.is_file():
            raise DomainError(_("Berkas {path} tidak ada.").format(path=source), "source")
        if not _is_sqlite_file(source):
            raise DomainError(
                _("{path} bukan berkas cadangan Smesco Desk.").format(path=source), "source"
            )
        if source.resolve() == target.resolve():
            raise DomainError(_("Cadangan sama dengan basis data yang dipakai."), "source")
        stamp = self.core.now().strftime("%Y%m%dT%H%M%SZ")
        folder = backups_dir(self.core.data_dir or target.parent)
        with self._sole_user(target):
            previous = self._backup(folder / f"before-restore-{stamp}.sqlite3").path
            tmp = target.with_name(target.name + ".restore")
            try:
                held, gaps, erased = self._prepare(actor, source, tmp, previous)
            except sqlite3.Error as exc:
                tmp.unlink(missing_ok=True)
                raise DomainError(
                    _("{path} tidak dapat dibaca: {detail}").format(path=source, detail=exc),
                    "source",
                ) from exc
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
            self.core.db.dispose()
            # The old file's write-ahead log must not be replayed into the restored one.
            for suffix in ("-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            tmp.replace(target)
            sync_dir(target.parent)
            self.core.db.adopt_file()
        self.core.forget_desk_code()
        self.upgrade_schema()
        return RestoreResult(source, previous, held, tuple(gaps), erased)

    @contextmanager
    def _sole_user(self, target: Path) -> Iterator[None]:
        """Hold the database alone: DatabaseInUse if another program has it open."""
        lock = self.core.lock
        if lock is not None and not lock.try_exclusive():
            raise _in_use(target)
        guard: sqlite3.Connection | None = None
        try:
            self.core.db.dispose()  # our own pooled connections
            guard = sqlite3.connect(target, timeout=IN_USE_TIMEOUT_S, isolation_level=None)
            try:
                # Leaving WAL mode needs every other connection closed, idle ones
                # too; the IMMEDIATE transaction then keeps writers out until the
                # restored file has taken the old one's place.
                mode = guard.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
                if str(mode).lower() != "delete":
                    raise _in_use(target)
                guard.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise _in_use(target) from exc
            yield
        finally:
            if guard is not None:
                guard.close()  # nothing was written through it: a rollback
            if lock is not None:
                lock.back_to_shared()

    def _prepare(
        self, actor: Actor, source: Path, tmp: Path, previous: Path
    ) -> tuple[bool, list[ReceiptGap], int]:
        """Copy and check the backup at `tmp`, bring it to this version's schema,
        move its receipt series past the replaced file's (`previous`), and erase
        again the people erased there (UU PDP: a restore brings nobody back)."""
        integrity = self._copy(source, tmp)
        if integrity != "ok":
            raise DomainError(_("Cadangan rusak: {detail}").format(detail=integrity))
        db = Database(sqlite_url(tmp))
        try:
            migrate.upgrade(db.engine)
            with db.write() as session:
                desk = session.scalar(
                    select(DeskSetting.value).where(DeskSetting.key == "desk_code")
                )
                if desk is None:
                    raise DomainError(
                        _("{path} bukan cadangan desk yang sudah disiapkan.").format(path=source),
                        "source",
                    )
                tx = Transaction.joining(self.core, session, actor, desk)
                gaps = receipt_series.continue_after(
                    tx,
                    receipt_series.read_replaced(previous, desk),
                    replaced_at=tx.now,
                    kept_in=self._shown_path(previous),
                )
                self.core.payments.hold_after_restore(session)
                held = self.core.payments.held_in(session)
                erased = self.core.privacy.erase_again(
                    Transaction.joining(self.core, session, actor), _erased_in(previous)
                )
        finally:
            db.dispose()
        _self_contained(tmp)
        return held, gaps, erased

    def _shown_path(self, path: Path) -> str:
        """A kept file as people find it: relative to the data folder when inside it."""
        base = self.core.data_dir
        if base is not None:
            try:
                return str(path.resolve().relative_to(base.resolve()))
            except ValueError:
                pass
        return str(path)

    def _backup_target(self, dest: Path, source: Path) -> Path:
        if dest.is_dir():
            stamp = self.core.now().strftime("%Y%m%dT%H%M%SZ")
            dest = dest / f"smesco_desk-{stamp}.sqlite3"
        if dest.resolve() == source.resolve():
            raise DomainError(_("Tujuan cadangan sama dengan basis data yang dipakai."), "dest")
        if dest.exists() and not _is_sqlite_file(dest):
            raise DomainError(
                _("{path} sudah ada dan bukan basis data; pilih nama lain.").format(path=dest),
                "dest",
            )
        return dest

    @staticmethod
    def _copy(source: Path, tmp: Path) -> str:
        tmp.unlink(missing_ok=True)
        create_private_file(tmp)  # 0600 before SQLite writes a byte of it
        # A URI (for mode=ro) needs the path escaped: "#" or "?" in a folder name
        # would otherwise cut it short and back up some other, empty file.
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            out = sqlite3.connect(tmp)
            try:
                src.backup(out, pages=1024)
                out.execute("PRAGMA journal_mode=DELETE")
                return str(out.execute("PRAGMA integrity_check").fetchone()[0])
            finally:
                out.close()
        finally:
            src.close()


def _in_use(target: Path) -> DatabaseInUse:
    programs = processes_using(target)
    if programs:
        message = _(
            "Basis data sedang dibuka oleh {programs}. Tutup program itu dulu, lalu ulangi "
            "pemulihan; tidak ada yang diubah."
        ).format(programs=", ".join(programs))
    else:
        message = _(
            "Basis data sedang dibuka oleh program lain (aplikasi Smesco Desk, perintah "
            "smesco-desk-admin, atau program basis data). Tutup program itu dulu, lalu ulangi "
            "pemulihan; tidak ada yang diubah."
        )
    return DatabaseInUse(message, "database")


def _self_contained(path: Path) -> None:
    """Fold a prepared file's write-ahead log into it: it moves as one file."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def _is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _erased_in(path: Path) -> set[str]:
    """The visitors erased in the database at `path` (read-only)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "erasures" not in tables:
            return set()
        return {str(r[0]) for r in conn.execute("SELECT DISTINCT visitor_id FROM erasures")}
    finally:
        conn.close()
