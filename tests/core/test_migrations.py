"""Migrations: the quick head check agrees with Alembic, and models match the schema."""

from __future__ import annotations

from pathlib import Path

from smesco_desk.db import migrate
from smesco_desk.db.engine import make_engine, sqlite_url
from smesco_desk.db.models import Base


def test_head_constant_matches_alembic_scripts() -> None:
    assert migrate.script_head_revision() == migrate.HEAD_REVISION


def test_upgrade_creates_every_model_table_and_records_head(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "db.sqlite3"))
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    from sqlalchemy import inspect

    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_models_and_migrations_do_not_drift(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(sqlite_url(tmp_path / "db.sqlite3"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
