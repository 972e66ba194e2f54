"""The migrated template the fixtures copy (tests/template_db.py) stands in for
a new database faithfully: private, at head, its own installation, no key."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from smesco_desk.db import migrate
from smesco_desk.paths import backups_dir, database_path, nik_key_path
from smesco_desk.services.core import open_core
from tests.template_db import seed_data_dir


def instance_id(folder: Path) -> str:
    with sqlite3.connect(database_path(folder)) as db:
        row = db.execute("SELECT value FROM desk_settings WHERE key = 'instance_id'").fetchone()
    db.close()
    return str(row[0])


def test_a_copy_is_private_at_head_and_its_own_installation(
    template_database: Path, tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        seed_data_dir(template_database, tmp_path / "a")
        seed_data_dir(template_database, tmp_path / "b")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE(database_path(tmp_path / "a").stat().st_mode) == 0o600
    assert instance_id(tmp_path / "a") != instance_id(tmp_path / "b")
    assert instance_id(tmp_path / "a") != instance_id(template_database.parent)
    assert not nik_key_path(template_database.parent).exists()
    core = open_core(tmp_path / "a")
    try:
        assert migrate.current_revision(core.db.engine) == migrate.head_revision()
        assert not backups_dir(tmp_path / "a").exists()
        assert not nik_key_path(tmp_path / "a").exists()
    finally:
        core.close()


def test_a_folder_with_a_database_is_left_alone(template_database: Path, tmp_path: Path) -> None:
    seed_data_dir(template_database, tmp_path)
    before = instance_id(tmp_path)
    seed_data_dir(template_database, tmp_path)
    assert instance_id(tmp_path) == before
