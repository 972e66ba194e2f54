"""Administering users (issue 13, point 11): rename, role, deactivate, a
temporary password, the lock after five wrong passwords, the last administrator."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from smesco_desk.errors import (
    DomainError,
    PasswordChangeRequired,
    PermissionDenied,
    ValidationError,
)
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core, open_core
from smesco_desk.services.logins import LOCK_FOR, MAX_FAILURES
from smesco_desk.values.audit import AuditFilter
from tests.core.helpers_core import ADMIN_PASSWORD, USER_PASSWORD, FakeClock

WRONG = "bukan-sandinya"


def _fail(core: Core, username: str, times: int) -> list[DomainError]:
    errors = []
    for _ in range(times):
        with pytest.raises(DomainError) as refused:
            core.users.authenticate(username, WRONG)
        errors.append(refused.value)
    return errors


def _user(core: Core, admin: Actor, username: str):  # type: ignore[no-untyped-def]
    return next(u for u in core.users.list(admin) if u.username == username)


# --- the lock -------------------------------------------------------------------------


def test_five_wrong_passwords_lock_even_the_right_one_out(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    errors = _fail(core, "resepsionis", MAX_FAILURES)
    assert "salah" in errors[0].message
    assert "terkunci" in errors[-1].message and "09:15" in errors[-1].message
    with pytest.raises(DomainError, match="terkunci"):
        core.users.authenticate("resepsionis", USER_PASSWORD)
    with pytest.raises(DomainError, match="terkunci"):
        core.users.check_password("resepsionis", USER_PASSWORD)  # the command line too
    assert _user(core, admin, "resepsionis").locked_until == core.now() + LOCK_FOR
    locked = core.audit.entries(admin, AuditFilter(kind="user.locked"))
    assert [(r.actor, r.entity_id) for r in locked] == [("system:system", receptionist.user_id)]


def test_four_wrong_then_a_right_one_starts_the_count_again(
    core: Core, receptionist: Actor
) -> None:
    _fail(core, "resepsionis", MAX_FAILURES - 1)
    core.users.authenticate("resepsionis", USER_PASSWORD)
    errors = _fail(core, "resepsionis", MAX_FAILURES - 1)
    assert all("terkunci" not in e.message for e in errors)
    assert core.users.authenticate("resepsionis", USER_PASSWORD).username == "resepsionis"


def test_the_lock_ends_after_its_time_on_the_clock(
    core: Core, clock: FakeClock, receptionist: Actor
) -> None:
    _fail(core, "resepsionis", MAX_FAILURES)
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(DomainError, match="terkunci"):
        core.users.authenticate("resepsionis", USER_PASSWORD)
    clock.advance(seconds=1)
    assert core.users.authenticate("resepsionis", USER_PASSWORD).username == "resepsionis"


def test_after_a_lock_ends_one_wrong_password_does_not_lock_again(
    core: Core, clock: FakeClock, receptionist: Actor
) -> None:
    _fail(core, "resepsionis", MAX_FAILURES)
    clock.advance(minutes=16)
    (error,) = _fail(core, "resepsionis", 1)
    assert "terkunci" not in error.message


def test_the_lock_survives_a_restart(
    core: Core, data_dir: Path, clock: FakeClock, receptionist: Actor
) -> None:
    _fail(core, "resepsionis", MAX_FAILURES)
    core.close()
    again = open_core(data_dir, clock=clock)
    try:
        with pytest.raises(DomainError, match="terkunci"):
            again.users.authenticate("resepsionis", USER_PASSWORD)
    finally:
        again.close()


def test_the_count_is_this_desks_and_never_synced(
    core: Core, data_dir: Path, receptionist: Actor
) -> None:
    _fail(core, "resepsionis", 2)
    db = sqlite3.connect(next(data_dir.glob("*.sqlite3")))
    try:
        (count,) = db.execute("SELECT failures FROM login_failures").fetchone()
        queued = db.execute("SELECT count(*) FROM outbox WHERE entity = 'login_failures'")
        assert (count, queued.fetchone()[0]) == (2, 0)
    finally:
        db.close()


def test_an_unknown_name_is_not_counted_nor_locked(core: Core, admin: Actor) -> None:
    errors = _fail(core, "nobody", MAX_FAILURES + 1)
    assert len({e.message for e in errors}) == 1 and "terkunci" not in errors[0].message


def test_an_administrator_unlocks_at_once(core: Core, admin: Actor, receptionist: Actor) -> None:
    _fail(core, "resepsionis", MAX_FAILURES)
    assert core.users.unlock(admin, receptionist.user_id or "").locked_until is None
    assert core.users.authenticate("resepsionis", USER_PASSWORD).username == "resepsionis"
    assert [r.action for r in core.audit.entries(admin, AuditFilter(kind="user.unlock"))] == [
        "user.unlock"
    ]


# --- deactivation ---------------------------------------------------------------------


def test_a_deactivated_user_is_refused_with_a_clear_message_and_keeps_history(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    info = core.users.set_active(admin, receptionist.user_id or "", False)
    assert not info.active
    with pytest.raises(DomainError, match="dinonaktifkan") as refused:
        core.users.authenticate("resepsionis", USER_PASSWORD)
    assert refused.value.field == "username"
    with pytest.raises(DomainError, match="dinonaktifkan"):
        core.users.check_password("resepsionis", USER_PASSWORD)
    # Someone without the password learns nothing about the account.
    with pytest.raises(DomainError, match="salah"):
        core.users.authenticate("resepsionis", WRONG)
    assert "resepsionis" in {u.username for u in core.users.list(admin)}
    logins = core.audit.entries(admin, AuditFilter(actor="resepsionis"))
    assert [r.action for r in logins] == ["user.login"]  # the history stays
    core.users.set_active(admin, receptionist.user_id or "", True)
    assert core.users.authenticate("resepsionis", USER_PASSWORD).username == "resepsionis"
    actions = [r.action for r in core.audit.entries(admin, AuditFilter(kind="user"))]
    assert actions[:3] == ["user.login", "user.reactivate", "user.deactivate"]


def test_the_last_administrator_is_neither_deactivated_nor_demoted(
    core: Core, admin: Actor, supervisor: Actor
) -> None:
    admin_id = admin.user_id or ""
    with pytest.raises(ValidationError) as demoted:
        core.users.update(admin, admin_id, "Administrator Gedung", Role.SUPERVISOR.value)
    assert "terakhir" in demoted.value.errors["role"]
    second = core.users.create(admin, "admin2", "Admin Dua", ADMIN_PASSWORD, Role.ADMIN.value)
    with pytest.raises(DomainError, match="sendiri"):
        core.users.set_active(admin, admin_id, False)
    two = core.users.authenticate("admin2", ADMIN_PASSWORD)
    core.users.set_active(two, admin_id, False)  # another admin is left: allowed
    with pytest.raises(DomainError, match="terakhir"):
        core.users.update(two, second.id, "Admin Dua", Role.RECEPTIONIST.value)
    assert _user(core, two, "admin2").role is Role.ADMIN


def test_only_an_administrator_administers(core: Core, supervisor: Actor, admin: Actor) -> None:
    for call in (
        lambda: core.users.update(supervisor, admin.user_id or "", "X", Role.ADMIN.value),
        lambda: core.users.set_active(supervisor, admin.user_id or "", False),
        lambda: core.users.unlock(supervisor, admin.user_id or ""),
    ):
        with pytest.raises(PermissionDenied):
            call()


# --- rename and role ----------------------------------------------------------------


def test_rename_keeps_the_login_and_the_audit_points_at_the_same_user(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    before = core.audit.entries(admin, AuditFilter(actor="resepsionis"))
    assert before and before[0].actor_name == "Resepsionis"
    info = core.users.update(admin, receptionist.user_id or "", " Sari Wulandari ",
                             Role.SUPERVISOR.value)  # fmt: skip
    assert (info.username, info.full_name, info.role) == (
        "resepsionis",
        "Sari Wulandari",
        Role.SUPERVISOR,
    )
    after = core.audit.entries(admin, AuditFilter(actor="resepsionis"))
    assert [r.id for r in after] == [r.id for r in before]
    assert after[0].actor_name == "Sari Wulandari"
    changes = core.audit.entries(admin, AuditFilter(kind="user", actor="admin"))
    details = {r.action: r.detail for r in changes}
    assert details["user.rename"]["from"] == "Resepsionis"
    assert details["user.role"] == {"username": "resepsionis", "from": "receptionist",
                                    "to": "supervisor"}  # fmt: skip
    assert core.users.authenticate("resepsionis", USER_PASSWORD).role is Role.SUPERVISOR


def test_a_bad_name_or_role_is_refused_at_the_field(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    with pytest.raises(ValidationError) as refused:
        core.users.update(admin, receptionist.user_id or "", "  ", "boss")
    assert set(refused.value.errors) == {"full_name", "role"}
    assert _user(core, admin, "resepsionis").full_name == "Resepsionis"


# --- a temporary password --------------------------------------------------------------


def test_a_reset_password_is_temporary_and_replaced_at_login(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    user_id = receptionist.user_id or ""
    core.users.set_password(admin, user_id, "sementara-1")
    assert _user(core, admin, "resepsionis").must_change_password
    with pytest.raises(DomainError, match="salah"):
        core.users.authenticate("resepsionis", USER_PASSWORD)  # the old one is gone
    with pytest.raises(PasswordChangeRequired):
        core.users.authenticate("resepsionis", "sementara-1")
    with pytest.raises(PasswordChangeRequired):
        core.users.check_password("resepsionis", "sementara-1")  # no command line with it
    with pytest.raises(ValidationError) as same:
        core.users.change_temporary_password("resepsionis", "sementara-1", "sementara-1")
    assert "new_password" in same.value.errors
    with pytest.raises(DomainError, match="salah"):
        core.users.change_temporary_password("resepsionis", WRONG, "milik-sendiri-1")
    actor = core.users.change_temporary_password("resepsionis", "sementara-1", "milik-sendiri-1")
    assert actor.username == "resepsionis"
    assert not _user(core, admin, "resepsionis").must_change_password
    assert core.users.authenticate("resepsionis", "milik-sendiri-1").username == "resepsionis"
    kinds = [r.action for r in core.audit.entries(admin, AuditFilter(kind="user.password_reset"))]
    assert kinds == ["user.password_reset"]


def test_a_reset_clears_the_lock_at_this_desk(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    _fail(core, "resepsionis", MAX_FAILURES)
    core.users.set_password(admin, receptionist.user_id or "", "sementara-1")
    with pytest.raises(PasswordChangeRequired):
        core.users.authenticate("resepsionis", "sementara-1")
