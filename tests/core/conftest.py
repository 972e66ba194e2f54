"""Fixtures for core tests: a fresh SQLite database per test, a fixed clock, actors.

No Qt here. Every `core` is `open_core(tmp_path)` over a copy of the session's
migrated template (tests/template_db.py) + `initialize("D01")`; the actor
fixtures add the first administrator and users of the other roles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from smesco_desk.services import users as users_module
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core, open_core
from tests.core.helpers_core import ADMIN_PASSWORD, USER_PASSWORD, FakeClock, wib
from tests.template_db import seed_data_dir


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with tiny costs: the same code path, a fraction of the time.

    (Verification reads its parameters from the stored hash, so logins still
    go through argon2 for real.)
    """
    monkeypatch.setattr(
        users_module, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    )


@pytest.fixture
def clock() -> FakeClock:
    """Tuesday 10 March 2026, 09:00 in Jakarta."""
    return FakeClock(wib(2026, 3, 10, 9, 0))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def bare_core(data_dir: Path, clock: FakeClock, template_database: Path) -> Iterator[Core]:
    """A core over a new, empty (schema only) database: a copy of the session's
    migrated template, so no migration runs per test."""
    seed_data_dir(template_database, data_dir)
    core = open_core(data_dir, clock=clock)
    yield core
    core.close()


@pytest.fixture
def core(bare_core: Core) -> Core:
    """A core whose desk D01 is initialised (no users yet)."""
    bare_core.setup.initialize("D01")
    return bare_core


@pytest.fixture
def admin(core: Core) -> Actor:
    core.setup.create_first_admin("admin", "Administrator Gedung", ADMIN_PASSWORD)
    return core.users.authenticate("admin", ADMIN_PASSWORD)


@pytest.fixture
def make_actor(core: Core, admin: Actor) -> Callable[[Role, str], Actor]:
    """Create a user of a role (by the admin) and log them in."""

    def make(role: Role, username: str) -> Actor:
        core.users.create(admin, username, username.title(), USER_PASSWORD, role.value)
        return core.users.authenticate(username, USER_PASSWORD)

    return make


@pytest.fixture
def receptionist(make_actor: Callable[[Role, str], Actor]) -> Actor:
    return make_actor(Role.RECEPTIONIST, "resepsionis")


@pytest.fixture
def tenant_manager(make_actor: Callable[[Role, str], Actor]) -> Actor:
    return make_actor(Role.TENANT_MANAGER, "pengelola")


@pytest.fixture
def supervisor(make_actor: Callable[[Role, str], Actor]) -> Actor:
    return make_actor(Role.SUPERVISOR, "supervisor")
