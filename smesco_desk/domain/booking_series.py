"""Recurring bookings: the rule of a series and the dates it falls on.

A series repeats a first booking: every occurrence has its start at the same
WIB time of day and the same length, on the dates of the rule (WIB dates;
WIB keeps UTC+7 all year, so a time of day never shifts). The rule is

- daily: every day from the first booking's date;
- weekly: on the chosen weekdays ("mon" .. "sun"), from the first booking's
  date (that date itself only when it is one of them);
- monthly: on a day of the month (1-31, the first booking's day unless
  chosen), from the first booking's month. A month that lacks that day (the
  31st in April, the 30th in February) is skipped: the series has no
  occurrence that month, and it does not count towards "N times";

and it ends either on a date (`until`, WIB, inclusive) or after `count`
occurrences, never both. A series has at most MAX_OCCURRENCES occurrences.

Invariants (tests/core/test_booking_series_property.py): the dates are
strictly increasing, none before the first date nor after `until`; with a
count there are exactly `count` of them; each is a chosen weekday (weekly) or
the chosen day of its month (monthly); and no date the rule names in that
range is left out.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from smesco_desk.clock import to_wib
from smesco_desk.domain.bookings import WEEKDAYS
from smesco_desk.i18n import N_, _

MAX_OCCURRENCES = 200


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


FREQUENCY_LABELS = {
    Frequency.DAILY: N_("Setiap hari"),
    Frequency.WEEKLY: N_("Setiap minggu"),
    Frequency.MONTHLY: N_("Setiap bulan"),
}


class SeriesScope(StrEnum):
    """Which occurrences a change of one occurrence reaches."""

    THIS = "this"
    FOLLOWING = "following"  # this one and the later ones
    ALL = "all"


@dataclass(frozen=True)
class SeriesRule:
    """How a booking repeats (see the module's docstring). `weekdays` for a
    weekly rule, `month_day` for a monthly one (None: the first booking's day);
    exactly one of `until` and `count`."""

    frequency: str  # a Frequency value
    weekdays: tuple[str, ...] = ()
    month_day: int | None = None
    until: date | None = None
    count: int | None = None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _month_day_ok(day: object) -> bool:
    return day is None or (_is_int(day) and 1 <= day <= 31)  # type: ignore[operator]


def rule_errors(rule: SeriesRule, first: date) -> dict[str, str]:
    """What is wrong with a rule whose series starts on `first`, by field."""
    errors: dict[str, str] = {}
    if not isinstance(rule.frequency, str) or rule.frequency not in {f.value for f in Frequency}:
        errors["frequency"] = _("Pengulangan tidak dikenal.")
    elif rule.frequency == Frequency.WEEKLY:
        days = rule.weekdays
        if not isinstance(days, tuple | list) or not days:
            errors["weekdays"] = _("Pilih paling sedikit satu hari.")
        elif any(d not in WEEKDAYS for d in days):
            errors["weekdays"] = _("Hari tidak dikenal.")
    elif rule.frequency == Frequency.MONTHLY and not _month_day_ok(rule.month_day):
        errors["month_day"] = _("Tanggal 1 sampai 31.")
    if (rule.until is None) == (rule.count is None):
        errors["until"] = _("Pilih sampai tanggal tertentu atau berapa kali.")
    elif rule.count is not None:
        if not _is_int(rule.count) or not 1 <= rule.count <= MAX_OCCURRENCES:
            errors["count"] = _("Antara 1 dan {n} kali.").format(n=MAX_OCCURRENCES)
    elif not isinstance(rule.until, date) or isinstance(rule.until, datetime):
        errors["until"] = _("Tanggal tidak dikenal.")
    elif rule.until < first:
        errors["until"] = _("Tanggal akhir sebelum pemesanan pertama.")
    return errors


def _candidates(first: date, rule: SeriesRule) -> Iterator[date]:
    """The dates the rule names from `first` on, without end (until the calendar's)."""
    try:
        if rule.frequency == Frequency.MONTHLY:
            day = rule.month_day if rule.month_day is not None else first.day
            year, month = first.year, first.month
            while True:
                if day <= calendar.monthrange(year, month)[1]:
                    candidate = date(year, month, day)
                    if candidate >= first:
                        yield candidate
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        wanted = set(rule.weekdays) if rule.frequency == Frequency.WEEKLY else set(WEEKDAYS)
        current = first
        while True:
            if WEEKDAYS[current.weekday()] in wanted:
                yield current
            current += timedelta(days=1)
    except (OverflowError, ValueError):  # past the year 9999
        return


def occurrence_dates(first: date, rule: SeriesRule) -> list[date]:
    """The WIB dates of the series that starts on `first` (see the module's
    docstring). ValueError when the rule is not valid, or would give more
    than MAX_OCCURRENCES dates."""
    errors = rule_errors(rule, first)
    if errors:
        raise ValueError(next(iter(errors.values())))
    dates: list[date] = []
    for candidate in _candidates(first, rule):
        if rule.until is not None and candidate > rule.until:
            break
        if len(dates) == MAX_OCCURRENCES:
            raise ValueError(_("Paling banyak {n} kali.").format(n=MAX_OCCURRENCES))
        dates.append(candidate)
        if rule.count is not None and len(dates) == rule.count:
            break
    return dates


def occurrences(
    starts: datetime, ends: datetime, rule: SeriesRule
) -> list[tuple[datetime, datetime]]:
    """The (start, end) of every occurrence of a first booking [starts, ends)
    (aware datetimes): the same WIB time of day and length on each date."""
    first = to_wib(starts).date()
    result = []
    for day in occurrence_dates(first, rule):
        shift = timedelta(days=(day - first).days)
        result.append((starts + shift, ends + shift))
    return result


def weekdays_of(text: Any) -> tuple[str, ...]:
    """ "mon,wed" as ("mon", "wed"): the weekdays of a weekly rule as typed."""
    if not isinstance(text, str):
        return ()
    return tuple(part.strip().lower() for part in text.split(",") if part.strip())
