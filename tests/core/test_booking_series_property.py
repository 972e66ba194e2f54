"""Properties of a recurring booking's rule (smesco_desk.domain.booking_series):
the dates increase strictly inside [first, until], a count gives exactly that
many, each date is one the rule names, and none it names in range is missing.
Then a few hand-checked examples."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smesco_desk.clock import to_wib
from smesco_desk.domain.booking_series import (
    MAX_OCCURRENCES,
    SeriesRule,
    occurrence_dates,
    occurrences,
    rule_errors,
    weekdays_of,
)
from smesco_desk.domain.bookings import WEEKDAYS
from tests.core.helpers_core import wib

firsts = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
weekday_sets = st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True)
month_days = st.one_of(st.none(), st.integers(1, 31))


@st.composite
def rules(draw: st.DrawFn) -> tuple[date, SeriesRule]:
    first = draw(firsts)
    frequency = draw(st.sampled_from(["daily", "weekly", "monthly"]))
    weekdays = tuple(draw(weekday_sets)) if frequency == "weekly" else ()
    month_day = draw(month_days) if frequency == "monthly" else None
    if draw(st.booleans()):
        return first, SeriesRule(frequency, weekdays, month_day, count=draw(st.integers(1, 60)))
    until = first + timedelta(days=draw(st.integers(0, 400)))
    return first, SeriesRule(frequency, weekdays, month_day, until=until)


def names(rule: SeriesRule, first: date, day: date) -> bool:
    """Whether the rule names `day` (leaving its start and end aside)."""
    if rule.frequency == "weekly":
        return WEEKDAYS[day.weekday()] in rule.weekdays
    if rule.frequency == "monthly":
        return day.day == (rule.month_day if rule.month_day is not None else first.day)
    return True


@given(rules())
def test_the_dates_are_exactly_those_the_rule_names(case: tuple[date, SeriesRule]) -> None:
    first, rule = case
    try:
        dates = occurrence_dates(first, rule)
    except ValueError:  # more than the most a series may have
        assert rule.until is not None
        named = sum(
            names(rule, first, first + timedelta(days=n))
            for n in range((rule.until - first).days + 1)
        )
        assert named > MAX_OCCURRENCES
        return
    assert dates == sorted(set(dates))
    assert all(d >= first and names(rule, first, d) for d in dates)
    last = rule.until if rule.until is not None else (dates[-1] if dates else first)
    assert all(d <= last for d in dates)
    if rule.count is not None:
        assert len(dates) == rule.count
    # Nothing the rule names between the first date and the last is left out.
    named = [
        first + timedelta(days=n)
        for n in range((last - first).days + 1)
        if names(rule, first, first + timedelta(days=n))
    ]
    assert dates == named


@given(firsts, st.integers(1, 31), st.integers(1, 40))
def test_a_month_without_the_day_is_skipped_and_not_counted(
    first: date, day: int, count: int
) -> None:
    dates = occurrence_dates(first, SeriesRule("monthly", month_day=day, count=count))
    assert len(dates) == count
    assert all(d.day == day for d in dates)
    months = {(d.year, d.month) for d in dates}
    assert len(months) == count  # one a month at most
    assert all(calendar.monthrange(d.year, d.month)[1] >= day for d in dates)


@given(rules(), st.integers(0, 23), st.integers(1, 600))
def test_every_occurrence_keeps_the_time_of_day_and_the_length(
    case: tuple[date, SeriesRule], hour: int, minutes: int
) -> None:
    first, rule = case
    if rule.until is not None and (rule.until - first).days > 200:
        return
    starts = wib(first.year, first.month, first.day, hour)
    ends = starts + timedelta(minutes=minutes)
    try:
        times = occurrences(starts, ends, rule)
    except ValueError:
        return
    days = occurrence_dates(first, rule)
    for (start, end), day in zip(times, days, strict=True):
        assert end - start == timedelta(minutes=minutes)
        local = to_wib(start)
        assert local.date() == day and local.time() == to_wib(starts).time()


def test_examples() -> None:
    wed = date(2026, 3, 11)
    assert occurrence_dates(wed, SeriesRule("weekly", ("mon", "wed"), count=4)) == [
        date(2026, 3, 11),
        date(2026, 3, 16),
        date(2026, 3, 18),
        date(2026, 3, 23),
    ]
    assert occurrence_dates(date(2026, 3, 12), SeriesRule("weekly", ("wed",), count=1)) == [
        date(2026, 3, 18)
    ]
    assert occurrence_dates(date(2026, 1, 31), SeriesRule("monthly", until=date(2026, 6, 30))) == [
        date(2026, 1, 31),
        date(2026, 3, 31),
        date(2026, 5, 31),
    ]
    assert occurrence_dates(date(2026, 1, 15), SeriesRule("monthly", month_day=10, count=2)) == [
        date(2026, 2, 10),
        date(2026, 3, 10),
    ]
    assert occurrence_dates(date(2028, 2, 29), SeriesRule("monthly", count=2))[1] == date(
        2028, 3, 29
    )
    assert occurrence_dates(wed, SeriesRule("daily", until=wed)) == [wed]
    assert weekdays_of(" Mon, wed ,") == ("mon", "wed")
    assert weekdays_of(None) == ()


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        (SeriesRule("weekly", count=2), "weekdays"),
        (SeriesRule("monthly", month_day=0, count=2), "month_day"),
        (SeriesRule("monthly", month_day=True, count=2), "month_day"),  # type: ignore[arg-type]
        (SeriesRule("daily", count=MAX_OCCURRENCES + 1), "count"),
        (SeriesRule("daily", count=1, until=date(2026, 4, 1)), "until"),
        (SeriesRule("daily", until="2026-04-01"), "until"),  # type: ignore[arg-type]
        (SeriesRule("hourly", count=1), "frequency"),
    ],
)
def test_bad_rules_name_their_field(rule: SeriesRule, field: str) -> None:
    assert field in rule_errors(rule, date(2026, 3, 11))
    with pytest.raises(ValueError):
        occurrence_dates(date(2026, 3, 11), rule)


def test_the_end_of_the_calendar_ends_a_series() -> None:
    assert occurrence_dates(date(9999, 12, 30), SeriesRule("daily", count=5)) == [
        date(9999, 12, 30),
        date(9999, 12, 31),
    ]
    assert occurrence_dates(date(9999, 11, 30), SeriesRule("monthly", count=5)) == [
        date(9999, 11, 30),
        date(9999, 12, 30),
    ]
