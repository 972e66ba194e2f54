"""Checking visitors out: by scan, id or badge number; automatically at closing time."""

from __future__ import annotations

import pytest

from smesco_desk.errors import AlreadyDone, NotFound, PermissionDenied, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitFilter, VisitRecord, VisitScope
from tests.core.helpers_core import (
    FakeClock,
    assert_outbox_gap_free,
    counts_delta,
    rows,
    table_counts,
    visitor_form,
    wib,
)


@pytest.fixture
def visit(core: Core, receptionist: Actor, clock: FakeClock) -> VisitRecord:
    registered = core.visitors.register(receptionist, visitor_form())
    clock.advance(hours=1, minutes=30)
    return registered


def checkouts(core: Core) -> list[tuple[str, str, str]]:
    return [
        tuple(r)
        for r in rows(
            core,
            "SELECT visit_id, method, checked_out_by FROM visit_checkouts ORDER BY checked_out_at",
        )
    ]


def test_check_out_by_visit_id(
    core: Core, receptionist: Actor, visit: VisitRecord, clock: FakeClock
) -> None:
    before = table_counts(core)
    result = core.visitors.check_out(receptionist, visit.id, method="list")
    assert result.method == "list"
    assert result.visit.id == visit.id
    assert result.visit.checked_out_at == clock.now == wib(2026, 3, 10, 10, 30)
    assert not result.visit.in_building
    assert counts_delta(before, table_counts(core)) == {
        "visit_checkouts": 1,
        "audit_log": 1,
        "outbox": 3,
    }
    assert checkouts(core) == [(visit.id, "list", "resepsionis")]
    assert core.visitors.get_visit(visit.id).checked_out_at == clock.now
    assert_outbox_gap_free(core)


@pytest.mark.parametrize(
    "qr",
    [
        "{id}",
        "{ID}",
        "SMESCO:VISIT:{id}",
        "https://desk.smesco.local/v/{id}?b=D01-260310-001",
        "  {id}\n",
    ],
)
def test_check_out_by_qr_text(core: Core, receptionist: Actor, visit: VisitRecord, qr: str) -> None:
    result = core.visitors.check_out(receptionist, qr.format(id=visit.id, ID=visit.id.upper()))
    assert (result.visit.id, result.method) == (visit.id, "scan")
    assert checkouts(core) == [(visit.id, "scan", "resepsionis")]


@pytest.mark.parametrize("typed", ["D01-260310-001", "d01-260310-001", " D01-260310-001 "])
def test_check_out_by_badge_number(
    core: Core, receptionist: Actor, visit: VisitRecord, typed: str
) -> None:
    result = core.visitors.check_out(receptionist, typed)
    assert (result.visit.id, result.method) == (visit.id, "badge")


def test_check_out_twice_is_already_done(
    core: Core, receptionist: Actor, visit: VisitRecord
) -> None:
    core.visitors.check_out(receptionist, visit.badge_number)
    before = table_counts(core)
    for key in (visit.badge_number, visit.id):
        with pytest.raises(AlreadyDone) as caught:
            core.visitors.check_out(receptionist, key)
        assert caught.value.field == "scan"
        assert visit.name in caught.value.message
        assert visit.badge_number in caught.value.message
        assert "10-03-2026 10:30" in caught.value.message  # when, in WIB
    assert table_counts(core) == before


@pytest.mark.parametrize(
    "key",
    ["D01-260310-999", "D02-260310-001", "01900000-0000-7000-8000-000000000000", "nonsense"],
)
def test_check_out_unknown_is_not_found(
    core: Core, receptionist: Actor, visit: VisitRecord, key: str
) -> None:
    before = table_counts(core)
    with pytest.raises(NotFound) as caught:
        core.visitors.check_out(receptionist, key)
    assert caught.value.field == "scan"
    assert table_counts(core) == before


def test_check_out_of_nothing_typed(core: Core, receptionist: Actor) -> None:
    with pytest.raises(ValidationError) as caught:
        core.visitors.check_out(receptionist, "   ")
    assert set(caught.value.errors) == {"scan"}


def test_check_out_needs_permission(core: Core, tenant_manager: Actor, visit: VisitRecord) -> None:
    with pytest.raises(PermissionDenied):
        core.visitors.check_out(tenant_manager, visit.badge_number)
    assert core.visitors.get_visit(visit.id).in_building


# --- automatic check-out at closing time -------------------------------------------


def open_ids(core: Core) -> set[str]:
    return {v.id for v in core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))}


def test_auto_check_out_after_closing(core: Core, receptionist: Actor, clock: FakeClock) -> None:
    clock.set_wib(2026, 3, 10, 10, 0)
    morning = [
        core.visitors.register(receptionist, visitor_form(name=f"Pagi {i}")) for i in range(2)
    ]
    clock.set_wib(2026, 3, 10, 15, 0)
    left = core.visitors.register(receptionist, visitor_form(name="Sudah Pulang"))
    core.visitors.check_out(receptionist, left.badge_number)
    clock.set_wib(2026, 3, 10, 21, 10)
    late = core.visitors.register(receptionist, visitor_form(name="Malam"))
    assert late.valid_until == wib(2026, 3, 11, 21, 0)
    assert all(v.valid_until == wib(2026, 3, 10, 21, 0) for v in morning)

    clock.set_wib(2026, 3, 10, 21, 30)
    before = table_counts(core)
    assert core.visitors.auto_check_out() == 2
    assert counts_delta(before, table_counts(core)) == {
        "visit_checkouts": 2,
        "audit_log": 2,
        "outbox": 6,
    }
    for v in morning:
        assert core.visitors.get_visit(v.id).checked_out_at == wib(2026, 3, 10, 21, 0)
    assert core.visitors.get_visit(left.id).checked_out_at == wib(2026, 3, 10, 15, 0)
    assert open_ids(core) == {late.id}
    methods = rows(core, "SELECT method, checked_out_by FROM visit_checkouts WHERE method = 'auto'")
    assert methods == [("auto", "system:system")] * 2
    audit = rows(
        core,
        "SELECT actor, at FROM audit_log WHERE action = 'visit.check_out' "
        "AND actor = 'system:system'",
    )
    assert len(audit) == 2
    assert_outbox_gap_free(core)

    # Running again changes nothing; the late visitor goes at the next closing.
    assert core.visitors.auto_check_out() == 0
    clock.set_wib(2026, 3, 11, 20, 59)
    assert core.visitors.auto_check_out() == 0
    clock.set_wib(2026, 3, 11, 21, 0)
    assert core.visitors.auto_check_out() == 1
    assert core.visitors.get_visit(late.id).checked_out_at == wib(2026, 3, 11, 21, 0)


def test_auto_check_out_the_next_morning(core: Core, receptionist: Actor, clock: FakeClock) -> None:
    clock.set_wib(2026, 3, 10, 18, 0)
    evening = core.visitors.register(receptionist, visitor_form())
    clock.set_wib(2026, 3, 11, 7, 30)  # the desk PC is switched on next morning
    assert core.visitors.auto_check_out() == 1
    assert core.visitors.get_visit(evening.id).checked_out_at == wib(2026, 3, 10, 21, 0)


def test_auto_check_out_after_days_off_uses_each_visits_own_closing(
    core: Core, receptionist: Actor, clock: FakeClock
) -> None:
    """A visit ends at the closing after its check-in, even if the desk was off for days."""
    clock.set_wib(2026, 3, 13, 11, 0)  # Friday
    friday = core.visitors.register(receptionist, visitor_form(name="Tamu Jumat"))
    clock.set_wib(2026, 3, 13, 22, 0)  # after Friday's closing
    late_friday = core.visitors.register(receptionist, visitor_form(name="Tamu Larut"))
    clock.set_wib(2026, 3, 16, 8, 0)  # Monday morning
    assert core.visitors.auto_check_out() == 2
    assert core.visitors.get_visit(friday.id).checked_out_at == wib(2026, 3, 13, 21, 0)
    assert core.visitors.get_visit(late_friday.id).checked_out_at == wib(2026, 3, 14, 21, 0)
    # The audit says when the automatic check-out actually ran.
    ats = {
        r[0]
        for r in rows(
            core,
            "SELECT at FROM audit_log WHERE actor = 'system:system' AND action = 'visit.check_out'",
        )
    }
    assert len(ats) == 1
    (at,) = ats
    assert at.startswith("2026-03-16 01:00")  # 08:00 WIB, stored as naive UTC


def test_auto_check_out_follows_the_closing_time_setting(
    core: Core, admin: Actor, receptionist: Actor, clock: FakeClock
) -> None:
    core.settings.set(admin, "closing_time", "17:00")
    clock.set_wib(2026, 3, 10, 10, 0)
    visit = core.visitors.register(receptionist, visitor_form())
    assert visit.valid_until == wib(2026, 3, 10, 17, 0)
    clock.set_wib(2026, 3, 10, 17, 30)
    assert core.visitors.auto_check_out() == 1
    assert core.visitors.get_visit(visit.id).checked_out_at == wib(2026, 3, 10, 17, 0)


def test_auto_check_out_then_manual_is_already_done(
    core: Core, receptionist: Actor, clock: FakeClock
) -> None:
    visit = core.visitors.register(receptionist, visitor_form())
    clock.set_wib(2026, 3, 11, 8, 0)
    core.visitors.auto_check_out()
    with pytest.raises(AlreadyDone):
        core.visitors.check_out(receptionist, visit.badge_number)
