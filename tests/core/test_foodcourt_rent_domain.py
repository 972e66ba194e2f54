"""The rent schedule, arrears buckets and late fees as pure rules
(smesco_desk.domain.foodcourt_rent): examples across month ends (31 January to
28/29 February), leap years, a lease cut short; and properties: the periods
tile the lease exactly, due days are clamped, prorating never charges more."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smesco_desk.domain.foodcourt_rent import (
    ageing_bucket,
    late_fee,
    late_months,
    month_day,
    periods_until,
    prorate,
    rent_periods,
    rent_schedule,
)

RENT = 3_000_000


def starts(schedule: list) -> list[date]:  # type: ignore[type-arg]
    return [p.start for p in schedule]


def test_a_lease_from_31_january_is_due_on_each_month_s_last_day_when_shorter() -> None:
    periods = rent_schedule(date(2027, 1, 31), date(2027, 7, 30), "month", RENT)
    assert starts(periods) == [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
        date(2027, 5, 31),
        date(2027, 6, 30),
    ]
    assert [p.end for p in periods][:2] == [date(2027, 2, 27), date(2027, 3, 30)]
    assert all(p.due_on == p.start for p in periods)
    assert [p.rent for p in periods] == [RENT] * 6  # whole months, whatever their length
    assert [p.full_days for p in periods][:3] == [28, 31, 30]


def test_in_a_leap_year_february_s_rent_falls_due_on_the_29th() -> None:
    periods = rent_schedule(date(2028, 1, 31), date(2028, 4, 29), "month", RENT)
    assert starts(periods) == [date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31)]
    assert periods[0].end == date(2028, 2, 28) and periods[0].days == 29
    leap_day = rent_schedule(date(2028, 2, 29), date(2029, 3, 28), "month", RENT)
    assert starts(leap_day)[:2] == [date(2028, 2, 29), date(2028, 3, 29)]
    assert date(2029, 2, 28) in starts(leap_day)  # no 29 February in 2029


def test_the_last_period_is_cut_at_the_lease_s_end_and_prorated_by_days() -> None:
    # 31 March to 15 April: 16 of the 30 days from 31 March to 29 April.
    periods = rent_schedule(date(2027, 1, 31), date(2027, 4, 15), "month", RENT)
    last = periods[-1]
    assert (last.start, last.end, last.days, last.full_days) == (
        date(2027, 3, 31),
        date(2027, 4, 15),
        16,
        30,
    )
    assert last.prorated and last.rent == 1_600_000
    # a lease ended early after one day of its second month
    ended = rent_schedule(date(2026, 3, 10), date(2026, 4, 10), "month", RENT)
    assert [(p.start, p.end, p.rent) for p in ended] == [
        (date(2026, 3, 10), date(2026, 4, 9), RENT),
        (date(2026, 4, 10), date(2026, 4, 10), 100_000),  # 1 of the 30 days to 9 May
    ]


def test_weekly_and_daily_leases() -> None:
    weeks = rent_schedule(date(2026, 3, 10), date(2026, 3, 26), "week", 900_000)
    assert [(p.start, p.end, p.rent) for p in weeks] == [
        (date(2026, 3, 10), date(2026, 3, 16), 900_000),
        (date(2026, 3, 17), date(2026, 3, 23), 900_000),
        (date(2026, 3, 24), date(2026, 3, 26), 385_714),  # 3/7, rounded half up
    ]
    days = rent_schedule(date(2026, 2, 27), date(2026, 3, 1), "day", 150_000)
    assert [(p.start, p.due_on, p.rent) for p in days] == [
        (date(2026, 2, 27), date(2026, 2, 27), 150_000),
        (date(2026, 2, 28), date(2026, 2, 28), 150_000),
        (date(2026, 3, 1), date(2026, 3, 1), 150_000),
    ]


def test_a_due_day_other_than_the_first_day_starts_with_a_short_period() -> None:
    periods = rent_schedule(date(2026, 3, 10), date(2026, 5, 31), "month", 3_100_000, due_day=1)
    assert starts(periods) == [date(2026, 3, 10), date(2026, 4, 1), date(2026, 5, 1)]
    assert (periods[0].days, periods[0].full_days, periods[0].rent) == (22, 31, 2_200_000)


def test_prorating_rounds_half_up_and_never_exceeds_the_rent() -> None:
    assert prorate(7, 1, 2) == 4  # 3.5 -> 4
    assert prorate(5, 1, 3) == 2  # 1.67 -> 2
    assert prorate(RENT, 31, 31) == RENT and prorate(RENT, 40, 31) == RENT


@pytest.mark.parametrize(
    ("days", "bucket"),
    [
        (-1, None),
        (0, "d0_30"),
        (30, "d0_30"),
        (31, "d31_60"),
        (60, "d31_60"),
        (61, "d61_90"),
        (90, "d61_90"),
        (91, "over_90"),
        (1000, "over_90"),
    ],
)
def test_ageing_buckets_at_their_edges(days: int, bucket: str | None) -> None:
    assert ageing_bucket(days) == bucket


def test_late_months_after_the_grace_and_their_fees() -> None:
    due = date(2026, 1, 31)
    assert late_months(due, 5, date(2026, 2, 5)) == []  # still within the grace
    first, second = late_months(due, 5, date(2026, 3, 6))
    assert (first.k, first.start, first.end, first.charged_on) == (
        1,
        date(2026, 2, 1),
        date(2026, 2, 28),
        date(2026, 2, 6),
    )
    assert (second.start, second.end, second.charged_on) == (
        date(2026, 3, 1),
        date(2026, 3, 31),
        date(2026, 3, 6),
    )
    assert late_fee("percent", 200, 0, 3_000_000) == 60_000
    assert late_fee("percent", 250, 0, 1_234_567) == 30_864  # 30 864.175
    assert late_fee("fixed", 0, 50_000, 3_000_000) == 50_000
    assert late_fee("none", 200, 50_000, 3_000_000) == 0


# --- properties ----------------------------------------------------------------------

lease_days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@given(lease_days, st.integers(0, 800), st.sampled_from(["day", "week", "month"]),
       st.integers(0, 10**10), st.one_of(st.none(), st.integers(1, 31)))  # fmt: skip
def test_periods_tile_the_lease_exactly(
    first: date, length: int, period: str, rent: int, due_day: int | None
) -> None:
    last = first + timedelta(days=length)
    schedule = rent_schedule(first, last, period, rent, due_day)
    assert schedule[0].start == first and schedule[-1].end == last
    for before, after in zip(schedule, schedule[1:], strict=False):
        assert after.start == before.end + timedelta(days=1)  # no gap, no overlap
    assert sum(p.days for p in schedule) == length + 1
    for p in schedule:
        assert p.start <= p.end and p.due_on == p.start and p.days == (p.end - p.start).days + 1
        assert 0 <= p.rent <= rent
        if not p.prorated:
            assert p.rent == rent
        assert 1 <= p.days <= p.full_days


@given(lease_days, st.integers(0, 800), st.integers(1, 31))
def test_monthly_due_days_are_the_due_day_clamped_to_the_month(
    first: date, length: int, due_day: int
) -> None:
    schedule = rent_schedule(first, first + timedelta(days=length), "month", RENT, due_day)
    for p in schedule[1:]:
        assert p.start == month_day(p.start.year, p.start.month, due_day)
        assert p.start.day == min(due_day, calendar.monthrange(p.start.year, p.start.month)[1])
    months = [(p.start.year, p.start.month) for p in schedule[1:]]
    assert len(months) == len(set(months))  # one due day a month
    for p in schedule[1:-1]:
        assert p.rent == RENT  # every period but the first and last is whole


@given(lease_days, st.integers(0, 400), st.integers(0, 400))
def test_a_lease_ended_early_keeps_the_same_periods_up_to_its_new_end(
    first: date, length: int, cut: int
) -> None:
    planned = rent_schedule(first, first + timedelta(days=length), "month", RENT)
    last = first + timedelta(days=min(cut, length))
    ended = rent_schedule(first, last, "month", RENT)
    assert [p.start for p in ended] == [p.start for p in planned if p.start <= last]
    assert ended[-1].end == last
    assert all(a == b for a, b in zip(ended[:-1], planned, strict=False))


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 60),
       st.integers(0, 2000))  # fmt: skip
def test_late_months_follow_each_other_and_start_after_the_grace(
    due: date, grace: int, after: int
) -> None:
    months = late_months(due, grace, due + timedelta(days=after))
    assert len(months) <= 120
    for m in months:
        assert m.charged_on == m.start + timedelta(days=grace) <= due + timedelta(days=after)
    for a, b in zip(months, months[1:], strict=False):
        assert b.start == a.end + timedelta(days=1) and b.k == a.k + 1
    if months:
        assert months[0].start == due + timedelta(days=1)


@given(lease_days, st.integers(0, 800), st.sampled_from(["day", "week", "month"]),
       st.one_of(st.none(), st.integers(1, 31)), st.integers(-40, 900))  # fmt: skip
def test_periods_from_a_day_and_their_count_agree_with_the_whole_schedule(
    first: date, length: int, period: str, due_day: int | None, offset: int
) -> None:
    last = first + timedelta(days=length)
    since = first + timedelta(days=offset)
    whole = rent_schedule(first, last, period, RENT, due_day)
    later = list(rent_periods(first, last, period, RENT, due_day, since))
    holding = [p for p in whole if p.end >= since]
    assert later == holding  # from the period holding `since` (all of them before the start)
    upto = min(since, last)
    assert periods_until(first, period, upto, due_day) == len([p for p in whole if p.start <= upto])
