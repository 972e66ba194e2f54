"""Online backups and the backup made before a schema upgrade."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from smesco_desk.db import migrate
from smesco_desk.errors import DomainError
from smesco_desk.paths import backups_dir
from smesco_desk.services.actors import SYSTEM, Actor
from smesco_desk.services.core import Core, open_core
from smesco_desk.values.visitors import VisitFilter, VisitScope
from tests.core.helpers_core import (
    FakeClock,
    db_file,
    integrity,
    raw_sqlite,
    visitor_form,
)

IN_BUILDING = VisitFilter(VisitScope.IN_BUILDING)


def visit_ids(path: Path) -> set[str]:
    with raw_sqlite(path) as conn:
        return {r[0] for r in conn.execute("SELECT id FROM visits")}


@pytest.fixture
def registered(core: Core, receptionist: Actor) -> set[str]:
    return {
        core.visitors.register(receptionist, visitor_form(name=f"Tamu {i}")).id for i in range(5)
    }


def test_backup_is_checked_and_complete(core: Core, registered: set[str], tmp_path: Path) -> None:
    result = core.maintenance.backup(SYSTEM, tmp_path / "copies" / "copy.sqlite3")
    assert result.path == tmp_path / "copies" / "copy.sqlite3"
    assert result.integrity == "ok"
    assert result.size_bytes == result.path.stat().st_size > 0
    assert integrity(result.path) == "ok"
    assert visit_ids(result.path) == registered
    with raw_sqlite(result.path) as conn:  # a single self-contained file
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not list(result.path.parent.glob("*.part"))


def test_backup_while_another_connection_holds_a_write_transaction(
    core: Core, registered: set[str], tmp_path: Path
) -> None:
    """A writer in another thread keeps its transaction open during the backup:
    the copy has everything committed before, nothing of the open transaction."""
    started, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            with raw_sqlite(db_file(core)) as conn:
                conn.isolation_level = None
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("UPDATE visits SET host = 'uncommitted'")
                conn.execute("INSERT INTO desk_counters (name, value) VALUES ('x', 1)")
                started.set()
                release.wait(30)
                conn.execute("COMMIT")
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
            started.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert started.wait(30)
        result = core.maintenance.backup(SYSTEM, tmp_path / "during-write.sqlite3")
    finally:
        release.set()
        thread.join(30)
    assert errors == []
    assert result.integrity == "ok" and integrity(result.path) == "ok"
    assert visit_ids(result.path) == registered
    with raw_sqlite(result.path) as conn:
        assert (
            conn.execute("SELECT count(*) FROM visits WHERE host = 'uncommitted'").fetchone()[0]
            == 0
        )
    # The writer committed after the backup; the live database has it.
    assert {v.host for v in core.visitors.list_visits(IN_BUILDING)} == {"uncommitted"}


def test_backup_while_the_desk_keeps_registering(
    core: Core, receptionist: Actor, tmp_path: Path
) -> None:
    stop = threading.Event()
    done: list[str] = []
    errors: list[BaseException] = []

    def desk() -> None:
        try:
            i = 0
            while not stop.is_set() and i < 400:
                done.append(
                    core.visitors.register(receptionist, visitor_form(name=f"Antre {i}")).id
                )
                i += 1
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    thread = threading.Thread(target=desk)
    thread.start()
    try:
        backups = [core.maintenance.backup(SYSTEM, tmp_path / f"b{n}.sqlite3") for n in range(3)]
    finally:
        stop.set()
        thread.join(60)
    assert errors == []
    for result in backups:
        assert integrity(result.path) == "ok"
        copied = visit_ids(result.path)
        assert copied <= set(done)
        # Whatever a backup holds is a prefix of what was registered (whole registrations).
        assert copied == set(done[: len(copied)])
        with raw_sqlite(result.path) as conn:
            assert conn.execute(
                "SELECT count(*) FROM audit_log WHERE action = 'visit.check_in'"
            ).fetchone()[0] == len(copied)


def test_backup_into_a_folder_gets_a_dated_name(
    core: Core, registered: set[str], tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    result = core.maintenance.backup(SYSTEM, folder)
    assert result.path.parent == folder
    assert result.path.name == "smesco_desk-20260310T020000Z.sqlite3"
    assert visit_ids(result.path) == registered


def test_backup_replaces_an_older_copy(
    core: Core, receptionist: Actor, registered: set[str], tmp_path: Path
) -> None:
    dest = tmp_path / "copy.sqlite3"
    core.maintenance.backup(SYSTEM, dest)
    more = core.visitors.register(receptionist, visitor_form(name="Tamu Baru")).id
    core.maintenance.backup(SYSTEM, dest)
    assert visit_ids(dest) == registered | {more}


def test_backup_onto_the_database_itself_is_refused(core: Core, registered: set[str]) -> None:
    source = db_file(core)
    size = source.stat().st_size
    for dest in (source, source.parent / ".." / source.parent.name / source.name):
        with pytest.raises(DomainError) as caught:
            core.maintenance.backup(SYSTEM, dest)
        assert caught.value.field == "dest"
    assert source.stat().st_size == size
    assert integrity(source) == "ok"
    assert visit_ids(source) == registered


@pytest.mark.parametrize("folder", ["data #1", "data?mode=rw", "data%20x", "Data Kantor"])
def test_backup_from_a_folder_with_special_characters(
    tmp_path: Path, clock: FakeClock, folder: str
) -> None:
    core = open_core(tmp_path / folder, clock=clock)
    try:
        core.setup.initialize("D01")
        core.setup.create_first_admin("admin", "Admin", "rahasia-admin-1")
        admin = core.users.authenticate("admin", "rahasia-admin-1")
        visit = core.visitors.register(admin, visitor_form())
        result = core.maintenance.backup(SYSTEM, tmp_path / "copy.sqlite3")
        assert visit_ids(result.path) == {visit.id}
    finally:
        core.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([folder, "copy.sqlite3"])


# --- schema upgrades ------------------------------------------------------------


def test_open_at_head_makes_no_backup(
    core: Core, registered: set[str], data_dir: Path, clock: FakeClock
) -> None:
    core.close()
    again = open_core(data_dir, clock=clock)
    try:
        assert again.maintenance.upgrade_schema() is None
        assert not backups_dir(data_dir).exists()
        assert {v.id for v in again.visitors.list_visits(IN_BUILDING)} == registered
    finally:
        again.close()


def test_a_new_database_needs_no_backup(tmp_path: Path, clock: FakeClock) -> None:
    core = open_core(tmp_path / "fresh", clock=clock)
    try:
        assert migrate.current_revision(core.db.engine) == migrate.head_revision()
        assert not backups_dir(tmp_path / "fresh").exists()
    finally:
        core.close()


def test_an_older_schema_is_backed_up_before_the_upgrade(
    core: Core,
    registered: set[str],
    data_dir: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pretend a newer release is installed: the file is copied before migrating."""
    old_revision = migrate.current_revision(core.db.engine)
    seen_before_upgrade: list[list[Path]] = []

    def fake_upgrade(engine: object) -> None:
        seen_before_upgrade.append(sorted(backups_dir(data_dir).glob("*")))

    monkeypatch.setattr(migrate, "head_revision", lambda: "9999_future")
    monkeypatch.setattr(migrate, "upgrade", fake_upgrade)
    path = core.maintenance.upgrade_schema()

    assert path is not None
    backup = Path(path)
    assert backup.name == f"before-upgrade-{old_revision}-20260310T020000Z.sqlite3"
    assert seen_before_upgrade == [[backup]]
    assert integrity(backup) == "ok"
    assert visit_ids(backup) == registered
