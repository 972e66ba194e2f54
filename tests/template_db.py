"""A migrated template database, copied into a test's data folder instead of
running every Alembic migration again for each test.

The template is made once per session by opening a core on an empty folder
and closing it: schema only, never set up, so it carries no desk code, no user
and no NIK key (the key file lives beside the database, not in it, and is made
at the first set-up). Its one per-installation value, `desk_settings.instance_id`
(migration 0005), gets a new id in every copy, as a new installation would.

Tests about migrations, upgrade backups, file permissions or the first run of an
empty folder keep opening a truly empty folder: they do not use this.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from smesco_desk.ids import new_id
from smesco_desk.paths import database_path
from smesco_desk.private_files import create_private_file, make_private_dir
from smesco_desk.services.core import open_core


def make_template(folder: Path) -> Path:
    """Migrate a new database in `folder` to head and return its file."""
    open_core(folder).close()
    path = database_path(folder)
    # Closing the last connection checkpoints the write-ahead log into the file;
    # a copy of the file alone must be the whole database.
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "template left a write-ahead log"
    return path


def seed_data_dir(template: Path, data_dir: Path) -> None:
    """Put a copy of the template where `open_core(data_dir)` looks for its
    database: 0600 in a 0700 folder, as open_core itself would create them.
    A folder that already has a database (a desk opened again) is left alone."""
    target = database_path(data_dir)
    if target.exists():
        return
    make_private_dir(data_dir)
    create_private_file(target)
    shutil.copyfile(template, target)  # into the 0600 file: its mode stays
    with sqlite3.connect(target) as db:
        db.execute("UPDATE desk_settings SET value = ? WHERE key = 'instance_id'", (new_id(),))
    db.close()
