"""Schema migrations (Alembic), applied automatically after a backup.

Alembic is imported only when a migration actually runs: checking the revision
on every start is a plain query, which keeps the application's start fast.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions; a test checks they agree.
HEAD_REVISION = "0026"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    return HEAD_REVISION


def script_head_revision() -> str | None:
    """The head according to Alembic's scripts (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates it on an empty database)."""
    from alembic import command

    cfg = alembic_config()
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            # Take the write lock first: a second process starting at the same
            # moment waits, then finds the schema at head and does nothing
            # (a deferred transaction would fail with "database is locked").
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        if cfg.attributes.get("compact_after") and conn.dialect.name == "sqlite":
            _compact(conn)


def _compact(conn: Connection) -> None:
    """Rewrite the file and empty its write-ahead log: a migration that removed
    secrets (0007: the old NIK key) leaves no copy of them in free pages or old
    log frames."""
    raw = conn.connection.driver_connection  # outside any transaction: VACUUM needs that
    assert raw is not None
    try:
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError as exc:  # busy: the start must not fail over it
        log.warning("could not compact the database after the upgrade: %s", exc)
