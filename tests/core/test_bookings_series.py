"""Recurring bookings on the core's clock (Tuesday 10 March 2026, 09:00 WIB), in
the small meeting room (open 08:00-21:00 Monday to Saturday, 15-minute
buffers, Rp300.000 an hour, no tax): the clashes shown before saving, skipped
on request, all or nothing, and the three scopes of a cancellation."""

from __future__ import annotations

from datetime import date

import pytest

from smesco_desk.domain.booking_policy import MISTAKE_MINUTES
from smesco_desk.domain.booking_series import SeriesRule
from smesco_desk.errors import AlreadyDone, PermissionDenied, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.bookings import BookingConflict
from smesco_desk.services.core import Core
from smesco_desk.values.bookings import SpaceInfo
from tests.core.helpers_bookings import booking_form, space_form
from tests.core.helpers_core import FakeClock, rows, scalar, table_counts, wib

MON_WED_4 = SeriesRule("weekly", weekdays=("mon", "wed"), count=4)


@pytest.fixture
def room(core: Core, admin: Actor) -> SpaceInfo:
    return core.bookings.save_space(admin, space_form())


def statuses(core: Core, series_id: str) -> list[str]:
    """The statuses of the series' occurrences, by start."""
    sql = "SELECT status FROM bookings WHERE series_id = :s ORDER BY starts_at"
    return [row[0] for row in rows(core, sql, s=series_id)]


# --- planning -------------------------------------------------------------------------------


def test_the_plan_shows_every_occurrence_with_its_clash_and_writes_nothing(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    taken = core.bookings.book(
        receptionist, booking_form(room.code, wib(2026, 3, 18, 10), wib(2026, 3, 18, 11))
    )
    before = table_counts(core)
    form = booking_form(room.code, wib(2026, 3, 11, 10), wib(2026, 3, 11, 11), "Kelas mingguan")
    plan = core.bookings.plan_series(form, MON_WED_4)
    assert table_counts(core) == before
    assert [o.starts_at for o in plan.occurrences] == [
        wib(2026, 3, 11, 10),
        wib(2026, 3, 16, 10),
        wib(2026, 3, 18, 10),
        wib(2026, 3, 23, 10),
    ]
    assert [o.number for o in plan.clashes] == [3]
    clash = plan.clashes[0]
    assert clash.clash is not None and clash.clash.id == taken.id
    assert "Rapat koperasi" in clash.problem
    assert all(o.clash is None and o.free for o in plan.occurrences if o.number != 3)


def test_the_plan_names_times_outside_opening_hours_and_in_the_past(
    core: Core, room: SpaceInfo
) -> None:
    # Daily from Tuesday 08:00 (already past at 09:00) over the closed Sunday.
    form = booking_form(room.code, wib(2026, 3, 10, 8), wib(2026, 3, 10, 9))
    plan = core.bookings.plan_series(form, SeriesRule("daily", until=date(2026, 3, 16)))
    assert len(plan.occurrences) == 7
    refused = {o.starts_at.date(): o.problem for o in plan.clashes}
    assert set(refused) == {date(2026, 3, 10), date(2026, 3, 15)}
    assert "lewat" in refused[date(2026, 3, 10)]
    assert "jam buka" in refused[date(2026, 3, 15)]
    assert all(o.clash is None for o in plan.occurrences)


def test_a_bad_rule_or_form_refuses_the_whole_series_at_its_field(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    form = booking_form(room.code, wib(2026, 3, 11, 10), wib(2026, 3, 11, 11))
    cases = [
        (SeriesRule("weekly", count=3), "weekdays"),
        (SeriesRule("weekly", weekdays=("mon", "xyz"), count=3), "weekdays"),
        (SeriesRule("daily", count=3, until=date(2026, 4, 1)), "until"),
        (SeriesRule("daily"), "until"),
        (SeriesRule("daily", until=date(2026, 3, 1)), "until"),
        (SeriesRule("daily", count=0), "count"),
        (SeriesRule("daily", until=date(2027, 12, 31)), "until"),  # over 200 times
        (SeriesRule("monthly", month_day=32, count=2), "month_day"),
        (SeriesRule("yearly", count=2), "frequency"),
    ]
    for rule, field in cases:
        with pytest.raises(ValidationError) as refused:
            core.bookings.plan_series(form, rule)
        assert field in refused.value.errors, rule
    too_many = booking_form(room.code, wib(2026, 3, 11, 10), wib(2026, 3, 11, 11), attendees=9)
    with pytest.raises(ValidationError) as refused:
        core.bookings.book_series(receptionist, too_many, MON_WED_4)
    assert set(refused.value.errors) == {"attendees"}
    assert scalar(core, "SELECT count(*) FROM bookings") == 0


# --- booking --------------------------------------------------------------------------------


def test_a_series_is_booked_with_a_charge_for_each_occurrence(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    form = booking_form(room.code, wib(2026, 3, 11, 10), wib(2026, 3, 11, 11), "Kelas mingguan")
    saved = core.bookings.book_series(receptionist, form, MON_WED_4)
    assert saved.skipped == ()
    assert [b.starts_at for b in saved.bookings] == [
        o.starts_at for o in core.bookings.plan_series(form, MON_WED_4).occurrences
    ]
    assert {b.series_id for b in saved.bookings} == {saved.series_id}
    assert all(b.total == 300_000 and b.charge_status == "open" for b in saved.bookings)
    assert len({b.charge_id for b in saved.bookings}) == 4
    assert scalar(core, "SELECT count(*) FROM booking_series") == 1
    assert scalar(core, "SELECT weekdays FROM booking_series") == "mon,wed"
    # Each occurrence is a booking of its own: now every one clashes.
    plan = core.bookings.plan_series(form, MON_WED_4)
    assert [o.clash.id for o in plan.occurrences if o.clash] == [b.id for b in saved.bookings]


def test_a_clash_refuses_the_whole_series_unless_skipped(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    taken = core.bookings.book(
        receptionist, booking_form(room.code, wib(2026, 3, 18, 10), wib(2026, 3, 18, 11))
    )
    before = table_counts(core)
    form = booking_form(room.code, wib(2026, 3, 11, 10), wib(2026, 3, 11, 11), "Kelas mingguan")
    with pytest.raises(BookingConflict) as refused:
        core.bookings.book_series(receptionist, form, MON_WED_4, skip_clashes=False)
    assert refused.value.booking.id == taken.id
    assert table_counts(core) == before  # the two occurrences before the clash too

    saved = core.bookings.book_series(receptionist, form, MON_WED_4, skip_clashes=True)
    assert [b.starts_at.date() for b in saved.bookings] == [
        date(2026, 3, 11),
        date(2026, 3, 16),
        date(2026, 3, 23),
    ]
    assert [(o.number, o.clash.id if o.clash else None) for o in saved.skipped] == [(3, taken.id)]
    assert scalar(core, "SELECT count(*) FROM bookings WHERE series_id IS NOT NULL") == 3


def test_a_refused_time_late_in_the_series_writes_nothing(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    before = table_counts(core)
    form = booking_form(room.code, wib(2026, 3, 13, 10), wib(2026, 3, 13, 11))
    with pytest.raises(ValidationError) as refused:  # Sunday the 15th is closed
        core.bookings.book_series(receptionist, form, SeriesRule("daily", count=4))
    assert "starts_at" in refused.value.errors
    assert table_counts(core) == before
    saved = core.bookings.book_series(
        receptionist, form, SeriesRule("daily", count=4), skip_clashes=True
    )
    assert [o.starts_at.date() for o in saved.skipped] == [date(2026, 3, 15)]
    assert len(saved.bookings) == 3
    # A series where every occurrence clashes books nothing at all.
    before = table_counts(core)
    with pytest.raises(ValidationError):
        core.bookings.book_series(
            receptionist, form, SeriesRule("daily", count=2), skip_clashes=True
        )
    assert table_counts(core) == before


def test_a_monthly_series_skips_the_months_without_its_day(
    core: Core, receptionist: Actor, admin: Actor
) -> None:
    core.bookings.save_space(
        admin,
        space_form(
            opening_hours={
                d: ["08:00", "21:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
            }
        ),
    )
    form = booking_form("rapat_kecil", wib(2026, 3, 31, 10), wib(2026, 3, 31, 11))
    saved = core.bookings.book_series(receptionist, form, SeriesRule("monthly", count=3))
    assert [b.starts_at.date() for b in saved.bookings] == [
        date(2026, 3, 31),
        date(2026, 5, 31),
        date(2026, 7, 31),
    ]


# --- cancelling -----------------------------------------------------------------------------


def test_cancel_this_following_and_all(core: Core, receptionist: Actor, room: SpaceInfo) -> None:
    form = booking_form(room.code, wib(2026, 3, 11, 10), wib(2026, 3, 11, 11))
    saved = core.bookings.book_series(
        receptionist, form, SeriesRule("weekly", weekdays=("mon", "wed"), count=5)
    )
    ids = [b.id for b in saved.bookings]
    one = core.bookings.cancel_series(receptionist, ids[1], "this", "libur")
    assert [b.id for b in one] == [ids[1]]
    assert statuses(core, saved.series_id) == ["confirmed", "cancelled", *["confirmed"] * 3]

    following = core.bookings.cancel_series(receptionist, ids[3], "following")
    assert [b.id for b in following] == ids[3:]
    assert statuses(core, saved.series_id) == [
        "confirmed",
        "cancelled",
        "confirmed",
        "cancelled",
        "cancelled",
    ]

    rest = core.bookings.cancel_series(receptionist, ids[4], "all")
    assert [b.id for b in rest] == [ids[0], ids[2]]
    assert set(statuses(core, saved.series_id)) == {"cancelled"}
    with pytest.raises(AlreadyDone):
        core.bookings.cancel_series(receptionist, ids[0], "all")
    with pytest.raises(AlreadyDone):
        core.bookings.cancel_series(receptionist, ids[0], "this")


def test_each_cancelled_occurrence_follows_the_cancellation_policy(
    core: Core, clock: FakeClock, receptionist: Actor, supervisor: Actor, room: SpaceInfo
) -> None:
    # Daily from today 14:00: the first is within the 24 free hours, the others not.
    form = booking_form(room.code, wib(2026, 3, 10, 14), wib(2026, 3, 10, 15))
    saved = core.bookings.book_series(receptionist, form, SeriesRule("daily", count=3))
    clock.advance(minutes=MISTAKE_MINUTES + 1)  # no longer a mistake put right
    with pytest.raises(PermissionDenied):
        core.bookings.cancel_series(receptionist, saved.bookings[0].id, "all", waive_fee=True)
    cancelled = core.bookings.cancel_series(receptionist, saved.bookings[0].id, "all", "batal")
    assert [(b.total, b.charge_status, b.owed) for b in cancelled] == [
        (150_000, "open", 150_000),  # the fee (50%) replaces the charge
        (0, "cancelled", 0),  # free: the charge is cancelled, nothing is owed
        (0, "cancelled", 0),
    ]
    assert all(b.cancel_reason == "batal" for b in cancelled)
    assert scalar(core, "SELECT count(*) FROM audit_log WHERE action = 'booking.cancel'") == 3


def test_following_and_all_leave_what_is_over_or_checked_in(
    core: Core, receptionist: Actor, room: SpaceInfo, clock: FakeClock
) -> None:
    form = booking_form(room.code, wib(2026, 3, 11, 10), wib(2026, 3, 11, 11))
    saved = core.bookings.book_series(receptionist, form, SeriesRule("daily", count=4))
    ids = [b.id for b in saved.bookings]
    clock.set_wib(2026, 3, 12, 10, 5)  # the 11th is over; the 12th is under way
    core.bookings.check_in(receptionist, ids[1])
    cancelled = core.bookings.cancel_series(receptionist, ids[1], "all")
    assert [b.id for b in cancelled] == ids[2:]
    assert statuses(core, saved.series_id) == ["confirmed", "checked_in", "cancelled", "cancelled"]
    # a checked-in occurrence has used its space: not even "this" cancels it
    with pytest.raises(AlreadyDone, match="sudah hadir"):
        core.bookings.cancel_series(receptionist, ids[1], "this")
    assert statuses(core, saved.series_id)[1] == "checked_in"


def test_cancel_scopes_of_a_booking_outside_any_series_and_a_bad_scope(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    single = core.bookings.book(
        receptionist, booking_form(room.code, wib(2026, 3, 11, 10), wib(2026, 3, 11, 11))
    )
    with pytest.raises(ValidationError) as refused:
        core.bookings.cancel_series(receptionist, single.id, "some")
    assert set(refused.value.errors) == {"scope"}
    done = core.bookings.cancel_series(receptionist, single.id, "following")
    assert [b.id for b in done] == [single.id] and done[0].status == "cancelled"


def test_series_info_names_the_rule_and_the_place_of_an_occurrence(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    form = booking_form(room.code, wib(2026, 3, 11, 10), wib(2026, 3, 11, 11))
    saved = core.bookings.book_series(
        receptionist, form, SeriesRule("weekly", weekdays=("wed", "mon"), count=5)
    )
    ids = [b.id for b in saved.bookings]
    before = table_counts(core)
    info = core.bookings.series_info(ids[2])
    assert info is not None and info.series_id == saved.series_id
    assert (info.frequency, info.weekdays, info.month_day) == ("weekly", ("mon", "wed"), None)
    assert (info.number, info.count) == (3, 5)
    assert (info.cancellable_following, info.cancellable_all) == (3, 5)
    core.bookings.cancel_series(receptionist, ids[3], "this")
    info = core.bookings.series_info(ids[2])
    assert info is not None and (info.number, info.count) == (3, 5)  # cancelled ones still count
    assert (info.cancellable_following, info.cancellable_all) == (2, 4)
    single = core.bookings.book(
        receptionist, booking_form(room.code, wib(2026, 3, 12, 10), wib(2026, 3, 12, 11))
    )
    assert core.bookings.series_info(single.id) is None
    assert table_counts(core)["bookings"] == before["bookings"] + 1
