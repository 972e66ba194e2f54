"""Migration 0005 from a 0003 database: visitors keep their rows (not merged),
and the desk gets its installation id (the linked one if it was enrolled)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from smesco_desk.db import migrate
from smesco_desk.db.engine import make_engine, sqlite_url

VISITOR = (
    "INSERT INTO visitors (id, origin_desk, version, created_at, updated_at, full_name,"
    " name_key, phone, phone_key, organisation, consent_at, consent_version, visit_count)"
    " VALUES ('0190a000-0000-7000-8000-000000000001', 'D01', 1, '2026-12-01 01:00:00',"
    " '2026-12-01 01:00:00', 'Siti Rahayu', 'siti rahayu', '+6281234567890', '6281234567890',"
    " '', '2026-12-01 01:00:00', '1', 1)"
)


def _database_at_0003(path: Path, linked: bool) -> None:
    engine = make_engine(sqlite_url(path))
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.execute(text(VISITOR))
        if linked:
            conn.execute(text("INSERT INTO sync_state VALUES ('instance_id', 'linked-instance')"))
    engine.dispose()


@pytest.mark.parametrize("linked", [False, True])
def test_a_0003_database_migrates(tmp_path: Path, linked: bool) -> None:
    path = tmp_path / "db.sqlite3"
    _database_at_0003(path, linked)
    engine = make_engine(sqlite_url(path))
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT full_name, merged_into, deleted_at FROM visitors"))
        assert rows.all() == [("Siti Rahayu", None, None)]
        instance = conn.execute(
            text("SELECT value FROM desk_settings WHERE key = 'instance_id'")
        ).scalar_one()
    assert instance == "linked-instance" if linked else len(instance) == 36
    engine.dispose()


def test_every_new_database_has_its_own_installation_id(tmp_path: Path) -> None:
    ids = []
    for name in ("a.sqlite3", "b.sqlite3"):
        engine = make_engine(sqlite_url(tmp_path / name))
        migrate.upgrade(engine)
        with engine.connect() as conn:
            ids.append(
                conn.execute(
                    text("SELECT value FROM desk_settings WHERE key = 'instance_id'")
                ).scalar_one()
            )
        engine.dispose()
    assert ids[0] != ids[1]
