"""UU PDP: export-visitor lists every place a person's data is kept (backups with
their dates), and backups older than the retention period an administrator sets
are removed (by purge-expired and at start-up)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from smesco_desk.errors import ValidationError
from smesco_desk.paths import backups_dir
from smesco_desk.services.actors import SYSTEM, Actor
from smesco_desk.services.core import Core, open_core
from tests.core.helpers_core import FakeClock, visitor_form


def aged_backup(core: Core, name: str, days: float, clock: FakeClock) -> Path:
    """A backup in the data folder's backups/ made `days` before the clock's now."""
    assert core.data_dir is not None
    path = core.maintenance.backup(SYSTEM, backups_dir(core.data_dir) / name).path
    stamp = (clock.now - timedelta(days=days)).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def test_export_lists_every_place_the_data_is_kept(
    core: Core, receptionist: Actor, supervisor: Actor, clock: FakeClock
) -> None:
    visit = core.visitors.register(receptionist, visitor_form())
    backups_dir(core.data_dir or Path()).mkdir()
    older = aged_backup(core, "before-her.sqlite3", 2, clock)  # made before she came
    newer = aged_backup(core, "with-her.sqlite3", -0.01, clock)
    stored = core.privacy.export_visitor(supervisor, visit.visitor_id)["stored_in"]
    assert stored["tables"] == {"visitors": 1, "visits": 1, "audit_log": 1}
    assert stored["copies"] == {"outbox": 2}  # the registration, not yet sent
    assert stored["server"] is None
    assert [b["path"] for b in stored["backups"]] == [str(newer)]
    (listed,) = stored["backups"]
    assert listed["removed_after"] > listed["made_at"]
    assert stored["backup_retention_days"] == 30 and "30" in stored["backups_note"]
    assert older.exists()


def test_backups_past_the_retention_period_are_removed(
    core: Core, admin: Actor, supervisor: Actor, clock: FakeClock, data_dir: Path
) -> None:
    backups_dir(data_dir).mkdir()
    old = aged_backup(core, "old.sqlite3", 31, clock)
    recent = aged_backup(core, "recent.sqlite3", 29, clock)
    other = backups_dir(data_dir) / "notes.txt"
    other.write_text("not a backup")
    assert core.maintenance.purge_old_backups() == [old]
    assert recent.exists() and other.exists() and not old.exists()
    with pytest.raises(ValidationError) as caught:
        core.settings.set(admin, "backup_retention_days", 3)
    assert "backup_retention_days" in caught.value.errors
    core.settings.set(admin, "backup_retention_days", 10)
    core.close()
    reopened = open_core(data_dir, clock=clock)  # at start-up
    try:
        assert not recent.exists() and other.exists()
    finally:
        reopened.close()
