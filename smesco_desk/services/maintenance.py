"""Schema upgrades and online backups."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

from smesco_desk.db import migrate
from smesco_desk.errors import DomainError
from smesco_desk.i18n import _
from smesco_desk.paths import backups_dir

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    previous: Path  # a backup of the database that was replaced
    receipts_held: bool  # linked to a server: receipts wait for a sync


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
            "made_at": self.made_at.isoformat(),
            "removed_after": self.removed_after.isoformat(),
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
        url = make_url(self.core.db.url)
        if url.get_backend_name() != "sqlite" or not url.database:
            return None
        return Path(url.database)

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
            backup_path = str(self.backup(dest).path)
        migrate.upgrade(engine)
        return backup_path

    def backup(self, dest: Path) -> BackupResult:
        """A consistent copy made with SQLite's online backup API, then checked.

        `dest` is a file or a folder (a dated name is made inside). An existing
        file is replaced only if it is itself a SQLite database (an older backup).
        """
        source = self.sqlite_file()
        if source is None:
            raise DomainError(_("Cadangan hanya untuk basis data SQLite lokal."))
        dest = self._backup_target(Path(dest), source)
        tmp = dest.with_name(dest.name + ".part")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
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

    def restore(self, source: Path) -> RestoreResult:
        """Replace this desk's database with a backup (the application is closed).

        The current file is backed up first; the backup is copied and checked
        before it takes the current file's place in one rename, so a crash
        leaves one or the other, never a mix. On a desk linked to a server the
        restored file issues no receipt number until a sync has told it which
        numbers the server already holds from this desk (DESIGN.md: a desk
        restored from an old backup never reissues a number).
        """
        target = self.sqlite_file()
        if target is None:
            raise DomainError(_("Pemulihan hanya untuk basis data SQLite lokal."))
        source = Path(source)
        if not _is_sqlite_file(source):
            raise DomainError(
                _("{path} bukan berkas cadangan Smesco Desk.").format(path=source), "source"
            )
        if source.resolve() == target.resolve():
            raise DomainError(_("Cadangan sama dengan basis data yang dipakai."), "source")
        stamp = self.core.now().strftime("%Y%m%dT%H%M%SZ")
        folder = backups_dir(self.core.data_dir or target.parent)
        previous = self.backup(folder / f"before-restore-{stamp}.sqlite3").path
        tmp = target.with_name(target.name + ".restore")
        try:
            integrity = self._copy(source, tmp)
            if integrity != "ok":
                raise DomainError(_("Cadangan rusak: {detail}").format(detail=integrity))
            held = _hold_receipts_if_linked(tmp, self.core.now().isoformat())
        except sqlite3.Error as exc:
            tmp.unlink(missing_ok=True)
            raise DomainError(
                _("{path} tidak dapat dibaca: {detail}").format(path=source, detail=exc), "source"
            ) from exc
        except DomainError:
            tmp.unlink(missing_ok=True)
            raise
        self.core.db.dispose()
        # The old file's write-ahead log must not be replayed into the restored one.
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        tmp.replace(target)
        self.core.forget_desk_code()
        self.upgrade_schema()
        return RestoreResult(source, previous, held)

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


def _hold_receipts_if_linked(path: Path, now: str) -> bool:
    """Mark a restored copy that is linked to a server (see PaymentService)."""
    from smesco_desk.services.payments import RESTORED_HOLD

    conn = sqlite3.connect(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "sync_state" not in tables or "desk_settings" not in tables:
            return False
        linked = conn.execute("SELECT 1 FROM sync_state WHERE key = 'server_url'").fetchone()
        if not linked:
            return False
        with conn:
            conn.execute(
                "INSERT OR REPLACE INTO desk_settings (key, value) VALUES (?, ?)",
                (RESTORED_HOLD, now),
            )
        return True
    finally:
        conn.close()


def _is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False
