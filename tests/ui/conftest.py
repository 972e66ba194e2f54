"""Fixtures for UI tests: real services over a temporary SQLite database, a
synchronous operation runner, and settings in a private file.

Widgets run offscreen (tests/conftest.py sets QT_QPA_PLATFORM). Every test
gets its own database, its own QSettings file, and a cheap password hasher.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QSettings

from smesco_desk.services import users as users_module
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core, open_core
from tests.template_db import seed_data_dir
from tests.ui.helpers_ui import ADMIN_PASSWORD, ADMIN_USERNAME, FakePrinter
from ui.app import load_style_sheet
from ui.context import AppContext
from ui.operations import OperationRunner
from ui.settings import UiSettings


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with tiny costs (logins still verify for real)."""
    monkeypatch.setattr(
        users_module, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    )


@pytest.fixture
def bare_core(tmp_path: Path, template_database: Path) -> Iterator[Core]:
    """A core over a new, empty database (needs the first-run set-up): a copy of
    the session's migrated template, so no migration runs per test."""
    seed_data_dir(template_database, tmp_path / "data")
    core = open_core(tmp_path / "data")
    yield core
    core.close()


@pytest.fixture
def core(bare_core: Core) -> Core:
    """Desk D01 initialised, with the first administrator."""
    bare_core.setup.initialize("D01")
    bare_core.setup.create_first_admin(ADMIN_USERNAME, "Administrator Gedung", ADMIN_PASSWORD)
    return bare_core


@pytest.fixture
def admin(core: Core) -> Actor:
    return core.users.authenticate(ADMIN_USERNAME, ADMIN_PASSWORD)


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def runner(qapp: object) -> Iterator[OperationRunner]:
    runner = OperationRunner(synchronous=True)
    yield runner
    runner.deleteLater()


@pytest.fixture
def ctx(core: Core, admin: Actor, ui_settings: UiSettings, runner: OperationRunner) -> AppContext:
    """Logged in as the administrator; operations run synchronously."""
    return AppContext(core, runner, ui_settings, admin)


@pytest.fixture
def bare_ctx(bare_core: Core, ui_settings: UiSettings, runner: OperationRunner) -> AppContext:
    """Nobody logged in, database not set up yet."""
    return AppContext(bare_core, runner, ui_settings, None)


@pytest.fixture
def printer() -> FakePrinter:
    """A fake printer for pages and dialogs that print (PaymentsPage(ctx, printer=...))."""
    return FakePrinter()


@pytest.fixture
def styled(qapp) -> Iterator[None]:
    """The application's real style sheet for one test (its paddings and focus ring)."""
    old = qapp.styleSheet()
    qapp.setStyleSheet(load_style_sheet())
    yield
    qapp.setStyleSheet(old)
