"""First start, logins, roles and settings."""

from __future__ import annotations

from datetime import time

import pytest

from smesco_desk.errors import DomainError, PermissionDenied, SetupRequired, ValidationError
from smesco_desk.services.actors import Actor, Permission, Role
from smesco_desk.services.core import Core
from smesco_desk.services.payments.catalogue import DEFAULT_KINDS, DEFAULT_PRICES
from smesco_desk.services.setup import DEFAULT_PURPOSES
from tests.core.helpers_core import (
    ADMIN_PASSWORD,
    USER_PASSWORD,
    assert_outbox_gap_free,
    counts_delta,
    rows,
    table_counts,
    visitor_form,
)

# --- the first start ------------------------------------------------------------


def test_needs_setup_until_desk_and_first_admin_exist(bare_core: Core) -> None:
    setup = bare_core.setup
    assert (setup.needs_setup(), setup.is_initialized(), setup.needs_admin()) == (True, False, True)
    with pytest.raises(SetupRequired):
        _ = bare_core.desk_code

    assert setup.initialize("d01") == "D01"
    assert (setup.needs_setup(), setup.is_initialized(), setup.needs_admin()) == (True, True, True)
    assert bare_core.desk_code == "D01"

    setup.create_first_admin("admin", "Administrator", ADMIN_PASSWORD)
    assert (setup.needs_setup(), setup.is_initialized(), setup.needs_admin()) == (
        False,
        True,
        False,
    )


def test_initialize_seeds_the_desk_purposes_and_nik_key(core: Core) -> None:
    codes = [p.code for p in core.visitors.purposes()]
    assert codes == [code for code, _, _ in DEFAULT_PURPOSES]
    assert rows(core, "SELECT code FROM desks") == [("D01",)]
    # The NIK key is a file of its own, never a setting (tests/core/test_nik_key.py).
    assert core.nik_key.path().is_file()
    assert rows(core, "SELECT key FROM app_settings") == []
    # One audit row per change, every change queued for sync.
    actions = [r[0] for r in rows(core, "SELECT action FROM audit_log")]
    assert sorted(set(actions)) == [
        "charge_kind.create",
        "desk.create",
        "price_item.create",
        "purpose.create",
    ]
    assert len(actions) == 1 + len(DEFAULT_PURPOSES) + len(DEFAULT_KINDS) + len(DEFAULT_PRICES)
    assert_outbox_gap_free(core)


def test_initialize_is_idempotent(core: Core) -> None:
    before = table_counts(core)
    assert core.setup.initialize("D01") == "D01"
    assert core.setup.initialize(" d01 ") == "D01"
    assert table_counts(core) == before


def test_initialize_refuses_another_desk_code(core: Core) -> None:
    before = table_counts(core)
    with pytest.raises(DomainError) as caught:
        core.setup.initialize("D02")
    assert caught.value.field == "desk"
    assert "D01" in caught.value.message
    assert table_counts(core) == before
    assert core.desk_code == "D01"


@pytest.mark.parametrize("code", ["", "1D", "D", "D-01", "DESK00001", "D 1"])
def test_initialize_rejects_a_malformed_desk_code(bare_core: Core, code: str) -> None:
    before = table_counts(bare_core)
    with pytest.raises(ValidationError) as caught:
        bare_core.setup.initialize(code)
    assert set(caught.value.errors) == {"desk"}
    assert "D01" in caught.value.errors["desk"]  # the message shows an example
    assert table_counts(bare_core) == before


def test_create_first_admin_before_initialize_is_refused(bare_core: Core) -> None:
    before = table_counts(bare_core)
    with pytest.raises(SetupRequired):
        bare_core.setup.create_first_admin("admin", "Administrator", ADMIN_PASSWORD)
    assert table_counts(bare_core) == before


def test_create_first_admin_validates_every_field(core: Core) -> None:
    before = table_counts(core)
    with pytest.raises(ValidationError) as caught:
        core.setup.create_first_admin("a", "  ", "short")
    assert set(caught.value.errors) == {"username", "full_name", "password"}
    assert table_counts(core) == before


def test_create_first_admin_is_refused_the_second_time(core: Core) -> None:
    first = core.setup.create_first_admin("Admin", "Administrator", ADMIN_PASSWORD)
    assert (first.username, first.role, first.active) == ("admin", Role.ADMIN, True)
    before = table_counts(core)
    with pytest.raises(DomainError) as caught:
        core.setup.create_first_admin("admin2", "Another Admin", ADMIN_PASSWORD)
    assert "sudah" in caught.value.message
    assert table_counts(core) == before
    audit = rows(core, "SELECT actor, action FROM audit_log WHERE action = 'user.create'")
    assert audit == [("system:system", "user.create")]


# --- logins ---------------------------------------------------------------------


def test_authenticate_returns_the_actor(core: Core, admin: Actor) -> None:
    actor = core.users.authenticate("  ADMIN ", ADMIN_PASSWORD)
    assert (actor.username, actor.role, actor.kind) == ("admin", Role.ADMIN, "user")
    assert actor.full_name == "Administrator Gedung"
    assert actor.user_id == admin.user_id
    (user,) = core.users.list(actor)
    assert user.last_login_at == core.now()


def test_wrong_password_and_unknown_user_get_the_same_message(core: Core, admin: Actor) -> None:
    with pytest.raises(DomainError) as wrong_password:
        core.users.authenticate("admin", "not-the-password")
    with pytest.raises(DomainError) as unknown_user:
        core.users.authenticate("nobody", ADMIN_PASSWORD)
    with pytest.raises(DomainError) as empty:
        core.users.authenticate("", "")
    messages = {e.value.message for e in (wrong_password, unknown_user, empty)}
    assert len(messages) == 1
    assert {e.value.field for e in (wrong_password, unknown_user, empty)} == {"password"}
    assert not isinstance(wrong_password.value, ValidationError | PermissionDenied)


# --- users ----------------------------------------------------------------------


def test_admin_creates_users_of_every_role(core: Core, admin: Actor) -> None:
    for role in Role:
        core.users.create(
            admin, f"user.{role.value}", f"User {role.value}", USER_PASSWORD, role.value
        )
        actor = core.users.authenticate(f"user.{role.value}", USER_PASSWORD)
        assert actor.role is role
    assert len(core.users.list(admin)) == 1 + len(Role)
    assert_outbox_gap_free(core)


def test_create_user_rejects_duplicates_and_bad_roles(core: Core, admin: Actor) -> None:
    before = table_counts(core)
    with pytest.raises(ValidationError) as duplicate:
        core.users.create(admin, "ADMIN", "Someone", USER_PASSWORD, "receptionist")
    assert set(duplicate.value.errors) == {"username"}
    with pytest.raises(ValidationError) as bad_role:
        core.users.create(admin, "budi", "Budi", USER_PASSWORD, "janitor")
    assert set(bad_role.value.errors) == {"role"}
    assert table_counts(core) == before


# --- roles ----------------------------------------------------------------------


def test_receptionist_cannot_manage_users_or_settings(core: Core, receptionist: Actor) -> None:
    before = table_counts(core)
    attempts = [
        lambda: core.users.create(receptionist, "budi", "Budi", USER_PASSWORD, "admin"),
        lambda: core.users.list(receptionist),
        lambda: core.settings.set(receptionist, "closing_time", "22:00"),
        lambda: core.visitors.save_purpose(receptionist, "expo", "Pameran", "Expo"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied) as caught:
            attempt()
        assert "Resepsionis" in caught.value.message
    assert table_counts(core) == before
    assert core.settings.get("closing_time") == "21:00"


def test_tenant_manager_cannot_register_or_check_out_visitors(
    core: Core, receptionist: Actor, tenant_manager: Actor
) -> None:
    visit = core.visitors.register(receptionist, visitor_form())
    before = table_counts(core)
    attempts = [
        lambda: core.visitors.register(tenant_manager, visitor_form(name="Budi")),
        lambda: core.visitors.check_out(tenant_manager, visit.badge_number),
        lambda: core.visitors.suggest(tenant_manager, "Siti"),
        lambda: core.visitors.visitor_details(tenant_manager, visit.visitor_id),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    assert table_counts(core) == before
    # ...but may see who is in the building (evacuation).
    assert tenant_manager.can(Permission.VIEW_VISITORS)
    assert tenant_manager.can(Permission.PRINT_MUSTER)


def test_supervisor_manages_purposes_but_not_users(core: Core, supervisor: Actor) -> None:
    purpose = core.visitors.save_purpose(supervisor, "Expo", "Pameran", "Exhibition")
    assert (purpose.code, purpose.label_id, purpose.active) == ("expo", "Pameran", True)
    with pytest.raises(PermissionDenied):
        core.users.list(supervisor)
    with pytest.raises(PermissionDenied):
        core.settings.set(supervisor, "building_name", "Gedung SMESCO")


# --- settings -------------------------------------------------------------------


def test_admin_changes_settings_with_an_audit_row(core: Core, admin: Actor) -> None:
    before = table_counts(core)
    core.settings.set(admin, "closing_time", "20.30")
    assert core.settings.get("closing_time") == "20:30"
    assert core.settings.closing_time() == time(20, 30)
    core.settings.set(admin, "closing_time", "22:00")
    assert core.settings.closing_time() == time(22, 0)
    assert counts_delta(before, table_counts(core)) == {
        "app_settings": 1,
        "audit_log": 2,
        "outbox": 4,
    }
    assert rows(core, "SELECT version FROM app_settings WHERE key = 'closing_time'") == [(2,)]
    details = rows(
        core, "SELECT actor, detail FROM audit_log WHERE action = 'setting.set' AND actor = 'admin'"
    )
    assert len(details) == 2
    assert_outbox_gap_free(core)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("closing_time", "25:00"),
        ("closing_time", "nine"),
        ("visitor_retention_days", 5),
        ("visitor_retention_days", "x"),
        ("building_name", "  "),
        ("no_such_key", "1"),
    ],
)
def test_invalid_settings_are_refused(core: Core, admin: Actor, key: str, value: object) -> None:
    before = table_counts(core)
    with pytest.raises(ValidationError) as caught:
        core.settings.set(admin, key, value)
    assert set(caught.value.errors) == {key}
    assert table_counts(core) == before
