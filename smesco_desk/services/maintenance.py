"""Schema upgrades and online backups."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
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


def _is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False
