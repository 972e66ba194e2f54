"""The application core: one database, one desk, and the services over them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from smesco_desk.clock import Clock, utc_now
from smesco_desk.db import migrate
from smesco_desk.db.engine import Database, sqlite_file, sqlite_url
from smesco_desk.db.lock import DatabaseLock
from smesco_desk.db.models import DeskSetting
from smesco_desk.errors import SetupRequired
from smesco_desk.i18n import _
from smesco_desk.paths import database_path, default_data_dir
from smesco_desk.private_files import create_private_file, make_private_dir, restrict


class Core:
    """Services over one database for one desk. Pass it to whoever needs services."""

    def __init__(self, db: Database, *, data_dir: Path | None = None, clock: Clock = utc_now):
        from smesco_desk.services.approvals import ApprovalService
        from smesco_desk.services.audit import AuditService
        from smesco_desk.services.bookings import BookingService
        from smesco_desk.services.foodcourt import FoodCourtService
        from smesco_desk.services.maintenance import MaintenanceService
        from smesco_desk.services.nik_key import NikKeyStore
        from smesco_desk.services.payments import PaymentService
        from smesco_desk.services.privacy import PrivacyService
        from smesco_desk.services.settings import SettingsService
        from smesco_desk.services.setup import SetupService
        from smesco_desk.services.users import UserService
        from smesco_desk.services.visitors import VisitorService
        from smesco_desk.services.watchlist import WatchlistService
        from smesco_desk.sync.service import SyncService

        self.db = db
        # `with core.changes.collect() as changed:` the tables a call's committed
        # transactions wrote (smesco_desk.db.changes).
        self.changes = db.changes
        self.data_dir = data_dir
        # Held while this core is open: `restore` refuses while anyone holds it.
        self.lock = DatabaseLock(db.path) if db.path is not None else None
        if self.lock is not None:
            self.lock.acquire_shared()
        self.clock = clock
        self._desk_code: str | None = None
        self.setup = SetupService(self)
        self.users = UserService(self)
        self.audit = AuditService(self)
        self.approvals = ApprovalService(self)
        self.watchlist = WatchlistService(self)
        self.settings = SettingsService(self)
        self.visitors = VisitorService(self)
        self.maintenance = MaintenanceService(self)
        self.nik_key = NikKeyStore(self)
        self.privacy = PrivacyService(self)
        self.payments = PaymentService(self)
        self.bookings = BookingService(self)
        self.foodcourt = FoodCourtService(self)
        self.sync = SyncService(self)
        # A tenant's documents are kept as files too: pulled ones are written out.
        from smesco_desk.services.foodcourt.attachments import write_pulled

        self.sync.after_pull.append(lambda tables: write_pulled(self, tables))

    def now(self) -> datetime:
        return self.clock()

    @property
    def desk_code(self) -> str:
        """This desk's code (e.g. D01); SetupRequired before the first set-up."""
        if self._desk_code is None:
            with self.db.read() as session:
                code = session.scalar(
                    select(DeskSetting.value).where(DeskSetting.key == "desk_code")
                )
            if code is None:
                raise SetupRequired(_("Desk ini belum disiapkan. Jalankan penyiapan awal."))
            self._desk_code = code
        return self._desk_code

    def after_erasure(self) -> None:
        """What an erasure leaves at this desk besides its rows goes too: the old
        pages in the write-ahead log, and NIK pseudonyms prepared ahead."""
        self.nik_key.forget()
        self.db.truncate_wal()

    def forget_desk_code(self) -> None:
        self._desk_code = None

    def close(self) -> None:
        self.db.dispose()
        if self.lock is not None:
            self.lock.release()


def open_core(
    data_dir: Path | None = None,
    database_url: str | None = None,
    *,
    clock: Clock = utc_now,
    upgrade: bool = True,
) -> Core:
    """Open (and create or upgrade) the database, backing the file up first, and
    remove the backups older than the backup retention period."""
    if database_url is None:
        data_dir = data_dir or default_data_dir()
        make_private_dir(data_dir)
        database_url = sqlite_url(database_path(data_dir))
    path = sqlite_file(database_url)
    if path is not None:
        # Created 0600 before SQLite opens it: its WAL and shared memory follow.
        create_private_file(path)
        for suffix in ("-wal", "-shm"):
            restrict(Path(f"{path}{suffix}"))
    core = Core(Database(database_url), data_dir=data_dir, clock=clock)
    if upgrade:
        try:
            core.maintenance.upgrade_schema()
        except BaseException:
            core.close()  # let go of the database lock
            raise
        # Backups past their retention period go at every start (UU PDP: they
        # hold copies of erased visitors' data until then).
        core.maintenance.purge_old_backups()
    return core


__all__ = ["Core", "open_core", "migrate"]
