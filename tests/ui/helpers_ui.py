"""Constants and small helpers shared by the UI tests."""

from __future__ import annotations

from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "rahasia-admin-1"
USER_PASSWORD = "rahasia-user-1"


def make_actor(core: Core, admin: Actor, role: Role, username: str) -> Actor:
    """A user of `role`, created by the administrator, logged in."""
    core.users.create(admin, username, username.title(), USER_PASSWORD, role.value)
    return core.users.authenticate(username, USER_PASSWORD)
