"""Two desks book the same slot while offline (DESIGN.md, issue 11): a booking
made at an enrolled desk is provisional until the server accepts it; the one
that reaches the server second is kept with status "conflict" (its slot free,
its charge and payment untouched) and an open conflict names both bookings at
every desk, with free slots to move it to."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from smesco_desk.clock import WIB
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.sync import BOOKING_OVERLAP
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.core.helpers_core import cash
from tests.sync.helpers_sync import RECEPTION, Desks, server_rows, sync_all
from tests.sync.proxy import TcpProxy

pytestmark = pytest.mark.slow

ADMIN = Actor("admin", Role.ADMIN, "user", "Admin")
ALWAYS = {d: ["07:00", "22:00"] for d in WEEK}


def _day(days: int = 3, hour: int = 9) -> datetime:
    day = datetime.now(WIB) + timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def _catalogue(core: Core) -> None:
    for code, name, capacity in (
        ("rapat_a", "Rapat A", 8),
        ("rapat_b", "Rapat B", 12),
        ("rapat_c", "Rapat C", 4),
    ):
        core.bookings.save_space(
            ADMIN, space_form(code=code, name=name, capacity=capacity, opening_hours=ALWAYS)
        )
    core.bookings.save_space(
        ADMIN,
        space_form(code="kelas", name="Kelas", kind="classroom", capacity=30, opening_hours=ALWAYS),
    )


def _statuses(core: Core, *ids: str) -> list[str]:
    return [core.bookings.booking(i).status for i in ids]


def test_two_desks_book_one_slot_offline(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    d1, d2 = proxied_desks.first("D01"), proxied_desks.join("D02")
    _catalogue(d1)
    sync_all(d1, d2)
    for core in (d1, d2):
        core.payments.open_shift(RECEPTION, 100_000)
    proxy.go_offline()
    start = _day()
    first = d1.bookings.book(RECEPTION, booking_form("rapat_a", start, start + timedelta(hours=2)))
    second = d2.bookings.book(
        RECEPTION,
        booking_form(
            "rapat_a",
            start + timedelta(hours=1),
            start + timedelta(hours=3),
            title="Pelatihan foto",
        ),
    )
    assert first.status == second.status == "provisional"
    assert second.charge_id is not None
    paid = d2.payments.pay(RECEPTION, second.charge_id, cash(second.total))
    for core in (d1, d2):
        assert core.sync.run_once().error is not None  # offline: kept for later
    proxy.go_online()
    sync_all(d1, d2)
    for core in (d1, d2):
        assert _statuses(core, first.id, second.id) == ["confirmed", "conflict"]
        conflicts = [c for c in core.sync.conflicts() if c.kind == BOOKING_OVERLAP]
        assert len(conflicts) == 1 and conflicts[0].is_open
        assert conflicts[0].entity_id == second.id
        assert conflicts[0].server_payload is not None
        assert conflicts[0].server_payload["id"] == first.id
        assert "Pelatihan foto" in conflicts[0].message()
        receipt = core.payments.receipt(paid.id)
        assert receipt.total == paid.total and receipt.void is None
        assert core.payments.charge(second.charge_id).total == second.total
    rows = server_rows(server_url, "SELECT id, status FROM bookings ORDER BY id")
    assert dict(rows) == {first.id: "confirmed", second.id: "conflict"}
