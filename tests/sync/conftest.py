"""Sync tests: cheap password hashing. The server, desk and proxy fixtures live in
tests/sync/fixtures_sync.py (a plugin of the root conftest, shared with the UI)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from smesco_desk.services import users as users_module


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        users_module, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    )
