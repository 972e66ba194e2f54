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


def _conflicted(desks: Desks, proxy: TcpProxy) -> tuple[Core, Core, str, str]:
    """D01 and D02 book Rapat A 09:00-11:00 offline; D01 reaches the server first."""
    d1, d2 = desks.first("D01"), desks.join("D02")
    _catalogue(d1)
    sync_all(d1, d2)
    proxy.go_offline()
    start = _day()
    won = d1.bookings.book(RECEPTION, booking_form("rapat_a", start, start + timedelta(hours=2)))
    lost = d2.bookings.book(
        RECEPTION, booking_form("rapat_a", start, start + timedelta(hours=2), title="Pelatihan")
    )
    proxy.go_online()
    sync_all(d1, d2)
    assert _statuses(d2, won.id, lost.id) == ["confirmed", "conflict"]
    return d1, d2, won.id, lost.id


def test_suggestions_are_free_slots_of_the_same_length(
    proxied_desks: Desks, proxy: TcpProxy
) -> None:
    d1, d2, won, lost = _conflicted(proxied_desks, proxy)
    booking = d2.bookings.booking(lost)
    moves = d2.bookings.suggest_moves(lost, limit=5)
    assert len(moves) == 5
    # The same time in a similar space first (the smallest with room for 6: Rapat B,
    # not Rapat C for 4 nor the classroom), then the nearest times in Rapat A itself.
    assert [(m.space_code, m.same_space) for m in moves[:2]] == [
        ("rapat_b", False),
        ("rapat_a", True),
    ]
    assert moves[0].starts_at == booking.starts_at
    for move in moves:
        assert move.ends_at - move.starts_at == booking.ends_at - booking.starts_at
        if move.same_space:  # clear of the winner and its 15-minute buffers
            w = d2.bookings.booking(won)
            assert move.starts_at >= w.ends_at + timedelta(minutes=30) or (
                move.ends_at <= w.starts_at - timedelta(minutes=30)
            )
    # The same at the winning desk, which knows the same bookings.
    assert d1.bookings.suggest_moves(lost, limit=5) == moves


def test_moving_makes_it_provisional_then_confirmed_everywhere(
    proxied_desks: Desks, proxy: TcpProxy
) -> None:
    d1, d2, won, lost = _conflicted(proxied_desks, proxy)
    move = d2.bookings.suggest_moves(lost)[0]
    moved = d2.bookings.move_conflicted(
        RECEPTION, lost, move.starts_at, move.ends_at, move.space_id, "pindah ruang"
    )
    assert moved.status == "provisional" and moved.space_code == "rapat_b"
    assert not [c for c in d2.sync.conflicts() if c.kind == BOOKING_OVERLAP]
    sync_all(d2, d1)
    for core in (d1, d2):
        assert _statuses(core, won, lost) == ["confirmed", "confirmed"]
        assert core.bookings.booking(lost).space_code == "rapat_b"
        assert not [c for c in core.sync.conflicts() if c.kind == BOOKING_OVERLAP]
        (resolved,) = [c for c in core.sync.conflicts(open_only=False) if c.kind == BOOKING_OVERLAP]
        assert resolved.resolution == "moved" and resolved.resolution_note == "pindah ruang"


def test_a_move_into_a_taken_slot_is_refused_and_a_cancel_resolves_it(
    proxied_desks: Desks, proxy: TcpProxy
) -> None:
    from smesco_desk.services.bookings import BookingConflict

    d1, d2, won, lost = _conflicted(proxied_desks, proxy)
    booking = d2.bookings.booking(lost)
    with pytest.raises(BookingConflict):
        d2.bookings.move_conflicted(RECEPTION, lost, booking.starts_at, booking.ends_at)
    assert d2.bookings.booking(lost).status == "conflict"
    cancelled = d1.bookings.cancel(RECEPTION, lost, "tidak jadi")
    assert cancelled.status == "cancelled"
    sync_all(d1, d2)
    for core in (d1, d2):
        assert _statuses(core, won, lost) == ["confirmed", "cancelled"]
        (resolved,) = [c for c in core.sync.conflicts(open_only=False) if c.kind == BOOKING_OVERLAP]
        assert resolved.status == "resolved" and resolved.resolution == "cancelled"
