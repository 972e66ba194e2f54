"""Migrations: the quick head check agrees with Alembic, and models match the schema."""

from __future__ import annotations

import subprocess
import sys
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


def test_importing_one_area_of_the_models_registers_every_table() -> None:
    """The models are split by area; any one of them brings in the whole schema."""
    code = (
        "from smesco_desk.db.models.sync import Base; print(' '.join(sorted(Base.metadata.tables)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == sorted(Base.metadata.tables)
    assert {"visitors", "receipts", "audit_log", "sync_conflicts"} <= set(Base.metadata.tables)


def test_a_0003_database_with_receipts_upgrades_to_receipt_gaps(tmp_path: Path) -> None:
    """0004 adds receipt_number_gaps; the receipts and the series of a 0003 desk go on."""
    from alembic import command
    from sqlalchemy import inspect

    from smesco_desk.services.actors import SYSTEM
    from smesco_desk.services.core import open_core
    from tests.core.helpers_core import cash, sale_form

    core = open_core(tmp_path)
    core.setup.initialize("D01")
    core.payments.open_shift(SYSTEM, 0)
    core.payments.sell(SYSTEM, sale_form(), cash())
    cfg = migrate.alembic_config()
    with core.db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    core.close()
    assert (
        "receipt_number_gaps"
        not in inspect(make_engine(sqlite_url(core.db.path))).get_table_names()
    )

    again = open_core(tmp_path)
    try:
        assert migrate.current_revision(again.db.engine) == migrate.head_revision()
        assert "receipt_number_gaps" in inspect(again.db.engine).get_table_names()
        assert again.payments.sell(SYSTEM, sale_form(), cash()).number.endswith("/000002")
        assert list((tmp_path / "backups").glob("before-upgrade-0003-*.sqlite3"))
    finally:
        again.close()
