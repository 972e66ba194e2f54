"""Editing a recurring series on the core's clock (Tuesday 10 March 2026, 09:00
WIB), in the small meeting room (open 08:00-21:00 Monday to Saturday,
15-minute buffers, Rp300.000 an hour): this occurrence, this and the
following ones, or all; times shifted on each occurrence's own day, the price
following; a clash in any occurrence refuses the whole change."""

from __future__ import annotations

from datetime import time

import pytest

from smesco_desk.domain.booking_series import SeriesRule
from smesco_desk.errors import ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.bookings import BookingConflict
from smesco_desk.services.core import Core
from smesco_desk.values.bookings import SeriesBooking, SpaceInfo
from tests.core.helpers_bookings import booking_form, space_form
from tests.core.helpers_core import FakeClock, rows, table_counts, wib


@pytest.fixture
def room(core: Core, admin: Actor) -> SpaceInfo:
    return core.bookings.save_space(admin, space_form())


@pytest.fixture
def series(core: Core, receptionist: Actor, room: SpaceInfo) -> SeriesBooking:
    """Four Mondays and Wednesdays from 11 March, 10:00-11:00."""
    form = booking_form(room.code, wib(2026, 3, 11, 10), wib(2026, 3, 11, 11), "Kelas mingguan")
    return core.bookings.book_series(
        receptionist, form, SeriesRule("weekly", weekdays=("mon", "wed"), count=4)
    )


def stored(core: Core, series_id: str) -> list[tuple[str, str, str]]:
    """(title, start, end) of every occurrence, by start (UTC as stored)."""
    sql = "SELECT title, starts_at, ends_at FROM bookings WHERE series_id = :s ORDER BY starts_at"
    return [(r[0], str(r[1])[:16], str(r[2])[11:16]) for r in rows(core, sql, s=series_id)]


def test_this_changes_only_that_occurrence_and_leaves_it_in_its_series(
    core: Core, receptionist: Actor, series: SeriesBooking
) -> None:
    ids = [b.id for b in series.bookings]
    (changed,) = core.bookings.update_series(
        receptionist, ids[1], "this", title="Kelas khusus", start_time=time(13), end_time=time(15)
    )
    assert (changed.id, changed.title, changed.series_id) == (
        ids[1],
        "Kelas khusus",
        series.series_id,
    )
    assert (changed.starts_at, changed.ends_at, changed.total) == (
        wib(2026, 3, 16, 13),
        wib(2026, 3, 16, 15),
        600_000,
    )
    assert [t for t, _s, _e in stored(core, series.series_id)] == [
        "Kelas mingguan",
        "Kelas khusus",
        "Kelas mingguan",
        "Kelas mingguan",
    ]


def test_following_shifts_each_occurrence_on_its_own_day(
    core: Core, receptionist: Actor, series: SeriesBooking
) -> None:
    ids = [b.id for b in series.bookings]
    changed = core.bookings.update_series(
        receptionist, ids[2], "following", start_time=time(14), end_time=time(16, 30)
    )
    assert [b.id for b in changed] == ids[2:]
    assert [(b.starts_at, b.ends_at) for b in changed] == [
        (wib(2026, 3, 18, 14), wib(2026, 3, 18, 16, 30)),
        (wib(2026, 3, 23, 14), wib(2026, 3, 23, 16, 30)),
    ]
    assert all(b.total == 900_000 for b in changed)  # 2.5 h: three hours started
    first = core.bookings.booking(ids[0])
    assert (first.starts_at, first.total) == (wib(2026, 3, 11, 10), 300_000)


def test_all_changes_every_live_occurrence_and_the_series_title(
    core: Core, receptionist: Actor, series: SeriesBooking
) -> None:
    ids = [b.id for b in series.bookings]
    core.bookings.cancel_series(receptionist, ids[0], "this")
    changed = core.bookings.update_series(
        receptionist, ids[3], "all", title="Kelas digital", attendees=7, notes=" proyektor "
    )
    assert [b.id for b in changed] == ids[1:]  # the cancelled one is left alone
    assert all(
        (b.title, b.attendees, b.notes) == ("Kelas digital", 7, "proyektor") for b in changed
    )
    assert all(b.starts_at.hour == 3 for b in changed)  # 10:00 WIB: times stay
    title = rows(core, "SELECT title FROM booking_series WHERE id = :i", i=series.series_id)
    assert title[0][0] == "Kelas digital"


def test_a_clash_in_any_occurrence_refuses_the_whole_change(
    core: Core, receptionist: Actor, room: SpaceInfo, series: SeriesBooking
) -> None:
    ids = [b.id for b in series.bookings]
    other = core.bookings.book(
        receptionist,
        booking_form(room.code, wib(2026, 3, 23, 13), wib(2026, 3, 23, 14), "Rapat RT"),
    )
    before, kept = table_counts(core), stored(core, series.series_id)
    with pytest.raises(BookingConflict) as clash:
        core.bookings.update_series(
            receptionist, ids[0], "all", title="Baru", start_time=time(12), end_time=time(13)
        )
    assert clash.value.booking.id == other.id and "Rapat RT" in clash.value.message
    assert table_counts(core) == before and stored(core, series.series_id) == kept


def test_an_occurrence_outside_opening_hours_refuses_the_change_naming_its_date(
    core: Core, receptionist: Actor, series: SeriesBooking
) -> None:
    kept = stored(core, series.series_id)
    with pytest.raises(ValidationError) as refused:
        core.bookings.update_series(
            receptionist, series.bookings[0].id, "all", start_time=time(20), end_time=time(22)
        )
    assert refused.value.errors["ends_at"].startswith("11-03-2026: Di luar jam buka")
    assert stored(core, series.series_id) == kept


def test_a_series_moved_where_its_own_old_slots_lay(
    core: Core, receptionist: Actor, series: SeriesBooking
) -> None:
    changed = core.bookings.update_series(
        receptionist, series.bookings[0].id, "all", start_time=time(10, 30), end_time=time(12)
    )
    assert [b.starts_at.minute for b in changed] == [30] * 4


def test_title_only_edits_reach_an_occurrence_under_way_but_not_its_time(
    core: Core, receptionist: Actor, series: SeriesBooking, clock: FakeClock
) -> None:
    clock.set_wib(2026, 3, 11, 10, 30)  # the first occurrence is under way
    first = series.bookings[0].id
    (changed,) = core.bookings.update_series(receptionist, first, "this", title="Kelas pagi")
    assert changed.title == "Kelas pagi"
    with pytest.raises(ValidationError):
        core.bookings.update_series(receptionist, first, "this", end_time=time(12))


def test_bad_arguments(core: Core, receptionist: Actor, series: SeriesBooking) -> None:
    first = series.bookings[0].id
    with pytest.raises(ValidationError) as refused:
        core.bookings.update_series(receptionist, first, "one", title="x")
    assert "scope" in refused.value.errors
    with pytest.raises(ValidationError):
        core.bookings.update_series(receptionist, first, "all")  # nothing to change
    with pytest.raises(ValidationError) as refused:
        core.bookings.update_series(receptionist, first, "all", title="   ")
    assert "title" in refused.value.errors
