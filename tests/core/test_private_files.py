"""The database, its WAL and shared memory, backups and exported files are readable
only by their owner (0600), the folders the application creates 0700, whatever the
umask (issue 9, item 7): on a shared PC another account must not read them."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from smesco_desk.paths import backups_dir, database_path
from smesco_desk.services.actors import SYSTEM
from smesco_desk.services.core import open_core
from tests.core.helpers_cli import run
from tests.core.helpers_core import FakeClock, cash, sale_form, visitor_form

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """The usual umask, which leaves new files readable by everyone (0644)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_database_wal_and_backups_are_private(tmp_path: Path, clock: FakeClock) -> None:
    mine = tmp_path / "home"
    mine.mkdir(mode=0o755)
    data = mine / "new" / "SmescoDesk"
    core = open_core(data, clock=clock)
    try:
        core.setup.initialize("D01")
        core.visitors.register(SYSTEM, visitor_form())
        db = database_path(data)
        assert Path(f"{db}-wal").exists()
        for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}.lock")):
            assert mode(path) == 0o600, path
        assert mode(data) == 0o700 and mode(data.parent) == 0o700
        backup = core.maintenance.backup(SYSTEM, data / "backups" / "b.sqlite3").path
        assert mode(backup) == 0o600 and mode(backups_dir(data)) == 0o700
        result = core.maintenance.restore(SYSTEM, backup)
        assert mode(result.previous) == 0o600
        assert mode(db) == 0o600
    finally:
        core.close()
    assert mode(mine) == 0o755  # a folder the person made is left as it was


def test_an_older_world_readable_database_is_tightened(tmp_path: Path, clock: FakeClock) -> None:
    core = open_core(tmp_path, clock=clock)
    core.setup.initialize("D01")
    core.close()
    db = database_path(tmp_path)
    os.chmod(db, 0o644)
    again = open_core(tmp_path, clock=clock)
    try:
        assert mode(db) == 0o600
    finally:
        again.close()


def test_files_the_command_line_writes_are_private(tmp_path: Path, clock: FakeClock) -> None:
    core = open_core(tmp_path / "desk", clock=clock)
    try:
        core.setup.initialize("D01")
        core.payments.open_shift(SYSTEM, 0)
        number = core.payments.sell(SYSTEM, sale_form(), cash()).number
        visit = core.visitors.register(SYSTEM, visitor_form())
    finally:
        core.close()
    out = tmp_path / "out"
    commands = [
        ["receipt", number, "--output", str(out / "kw.pdf")],
        ["badge", visit.id, "--output", str(out / "badge.pdf")],
        ["muster", "--output", str(out / "muster.pdf")],
        ["backup", str(out / "copy.sqlite3")],
    ]
    for args in commands:  # in this process, under the umask above (as a child's)
        result = run(tmp_path / "desk", *args)
        assert result.returncode == 0, result.stderr
    assert {p.name: mode(p) for p in out.iterdir()} == {
        "kw.pdf": 0o600,
        "badge.pdf": 0o600,
        "muster.pdf": 0o600,
        "copy.sqlite3": 0o600,
    }
    assert mode(out) == 0o700
