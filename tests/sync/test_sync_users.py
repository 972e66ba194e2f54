"""Users across desks (issue 13, point 11): a rename, a role and a deactivation
travel to every desk; a lock after wrong passwords stays at its desk, and its
audit row travels."""

from __future__ import annotations

import pytest

from smesco_desk.errors import DomainError
from smesco_desk.services.actors import SYSTEM, Role
from smesco_desk.services.logins import MAX_FAILURES
from smesco_desk.values.audit import AuditFilter
from tests.sync.helpers_sync import Desks, sync_all

PASSWORD = "rahasia-user-1"


def test_user_changes_sync_and_a_lock_stays_at_its_desk(desks: Desks) -> None:
    d1 = desks.first("D01")
    user = d1.users.create(SYSTEM, "sari", "Sari", PASSWORD, Role.RECEPTIONIST.value)
    d2 = desks.join("D02")
    d1.users.update(SYSTEM, user.id, "Sari Wulandari", Role.SUPERVISOR.value)
    for _ in range(MAX_FAILURES):
        with pytest.raises(DomainError):
            d1.users.authenticate("sari", "bukan-sandinya")
    sync_all(d1, d2)
    (there,) = [u for u in d2.users.list(SYSTEM) if u.username == "sari"]
    assert (there.full_name, there.role, there.locked_until) == (
        "Sari Wulandari", Role.SUPERVISOR, None)  # fmt: skip
    assert d2.users.authenticate("sari", PASSWORD).role is Role.SUPERVISOR
    with pytest.raises(DomainError, match="terkunci"):
        d1.users.authenticate("sari", PASSWORD)
    locked = d2.audit.entries(SYSTEM, AuditFilter(kind="user.locked"))
    assert [(r.desk, r.entity_id) for r in locked] == [("D01", user.id)]
    d2.users.set_active(SYSTEM, user.id, False)
    sync_all(d2, d1)
    d1.users.unlock(SYSTEM, user.id)
    with pytest.raises(DomainError, match="dinonaktifkan"):
        d1.users.authenticate("sari", PASSWORD)
