"""The rent of a lease over time, arrears and late fees: pure functions over
dates and integer rupiah (no database, no services).

The rent schedule
-----------------
A lease's days (`starts_on`..`ends_on`, both included) are cut into periods
that tile them exactly: no day left out, none counted twice. Rent is paid in
advance: each period's rent falls due on its first day.

- month: a new period starts on the lease's `due_day` (1-31) of every month,
  clamped to a shorter month's last day. A lease starting 31 January is due on
  31 January, 28 February (29 in a leap year), 31 March, 30 April, 31 May...
  When `due_day` is not the first day's day of the month (a lease moved to be
  due on the 1st), the first period runs from the first day to the day before
  the next due day.
- week: a new period every seven days from the first day.
- day (trials, events): every day is a period.

The last period is cut at the lease's last day (as agreed, or moved earlier
when the lease was ended early).

A period shorter than a whole one is prorated by days: rent x days / the days
of the whole period it is part of, rounded half up to whole rupiah (never more
than the rent). The whole period of a monthly one runs from the due day on or
before its first day to the day before the next due day (so 28, 29, 30 or 31
days, as that month has them); a week has 7 days; a day 1.

Arrears
-------
A charge is in arrears from its due day while it is unpaid; `day - due_on`
is how many days past due it is. The ageing buckets: 0-30 days (a charge due
today is 0 days past due and counts here), 31-60, 61-90, over 90. A charge
not yet due is not in arrears.

Late fees
---------
An administrator sets them (settings): none, a percentage per month of the
overdue amount (in basis points: 200 = 2%), or a fixed amount per month
overdue; a grace of some days; and whether a late fee itself earns late fees
(compounding; off by default). The k-th month a charge is overdue (k = 1, 2,
...) runs from the day after `due_on` moved k-1 months (clamped, as rent is)
to `due_on` moved k months. Its fee falls due `grace` days after that month
starts: the k-th fee is charged when the charge is still unpaid on that day
(paid on that day or later: the fee stands). A percentage fee is the
charge's total x basis points / 10 000, rounded half up to whole rupiah.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from smesco_desk.domain.foodcourt import LeasePeriod

MAX_LATE_MONTHS = 120  # ten years of late fees on one charge at most
MAX_GRACE_DAYS = 60
MAX_LATE_FEE_BP = 10_000  # 100% a month
BUCKETS = ("d0_30", "d31_60", "d61_90", "over_90")


@dataclass(frozen=True)
class RentPeriod:
    """One period of a lease's rent: its days (both included), the day it falls
    due (its first day), and its rent (prorated when the period is cut)."""

    start: date
    end: date
    due_on: date
    rent: int
    days: int  # the days of this period
    full_days: int  # the days of the whole period it is part of

    @property
    def prorated(self) -> bool:
        return self.days != self.full_days


def month_day(year: int, month: int, day: int) -> date:
    """`day` of that month, clamped to the month's last day (31 -> 28 February)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def add_months(day: date, months: int, on_day: int | None = None) -> date:
    """The day `months` months after `day` (before, if negative) on the day of
    the month `on_day` (default: `day`'s own), clamped to that month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return month_day(year, month + 1, on_day if on_day is not None else day.day)


def prorate(rent: int, days: int, full_days: int) -> int:
    """rent x days / full_days, rounded half up to whole rupiah; the whole rent
    for a whole period (or more)."""
    if days >= full_days:
        return rent
    return (2 * rent * days + full_days) // (2 * full_days)


def _due_on_or_before(day: date, due_day: int) -> date:
    this_month = month_day(day.year, day.month, due_day)
    return this_month if this_month <= day else add_months(this_month, -1, due_day)


def rent_schedule(
    starts_on: date, ends_on: date, period: str, rent: int, due_day: int | None = None
) -> list[RentPeriod]:
    """The periods of a lease, first to last (see the module's docstring). Empty
    when the lease has no day (`ends_on` before `starts_on`)."""
    return list(rent_periods(starts_on, ends_on, period, rent, due_day))


def rent_periods(
    starts_on: date,
    ends_on: date,
    period: str,
    rent: int,
    due_day: int | None = None,
    since: date | None = None,
) -> Iterator[RentPeriod]:
    """The periods of a lease one by one, as `rent_schedule` lists them; with
    `since`, from the period that holds that day (or the first, if the lease
    starts later; none after the lease's end), without making the ones before."""
    for found in _periods(starts_on, ends_on, period, rent, due_day, since):
        if since is None or found.end >= since:
            yield found


def _periods(
    starts_on: date,
    ends_on: date,
    period: str,
    rent: int,
    due_day: int | None,
    since: date | None,
) -> Iterator[RentPeriod]:
    if ends_on < starts_on:
        return
    late = since is not None and since > starts_on
    if period == LeasePeriod.DAY:
        day = since if since is not None and late else starts_on
        while day <= ends_on:
            yield RentPeriod(day, day, day, rent, 1, 1)
            day += timedelta(days=1)
        return
    if period == LeasePeriod.WEEK:
        start = starts_on
        if since is not None and late:
            start += timedelta(days=7 * ((since - starts_on).days // 7))
        while start <= ends_on:
            end = min(start + timedelta(days=6), ends_on)
            days = (end - start).days + 1
            yield RentPeriod(start, end, start, prorate(rent, days, 7), days, 7)
            start += timedelta(days=7)
        return
    if period != LeasePeriod.MONTH:
        raise ValueError(f"not a lease period: {period!r}")
    on = due_day if due_day is not None else starts_on.day
    if not 1 <= on <= 31:
        raise ValueError(f"not a day of the month: {on!r}")
    start = starts_on
    whole_start = _due_on_or_before(start, on)
    if since is not None and late:
        due = _due_on_or_before(since, on)
        if due > starts_on:  # a due day after the first day: a period starts on it
            start = whole_start = due
    while start <= ends_on:
        following = add_months(whole_start, 1, on)  # the next due day
        end = min(following - timedelta(days=1), ends_on)
        days, full = (end - start).days + 1, (following - whole_start).days
        yield RentPeriod(start, end, start, prorate(rent, days, full), days, full)
        start = whole_start = following


def periods_until(starts_on: date, period: str, day: date, due_day: int | None = None) -> int:
    """How many periods of a lease start on or before `day` (at most its last
    day): the length of its schedule up to there, counted without making it."""
    if day < starts_on:
        return 0
    if period == LeasePeriod.DAY:
        return (day - starts_on).days + 1
    if period == LeasePeriod.WEEK:
        return (day - starts_on).days // 7 + 1
    on = due_day if due_day is not None else starts_on.day
    first = starts_on.year * 12 + starts_on.month - 1  # month indexes
    if month_day(starts_on.year, starts_on.month, on) <= starts_on:
        first += 1  # this month's due day is not after the first day
    last = day.year * 12 + day.month - 1
    if month_day(day.year, day.month, on) > day:
        last -= 1
    return 1 + max(0, last - first + 1)


# --- arrears --------------------------------------------------------------------------


def days_past_due(due_on: date, day: date) -> int:
    return (day - due_on).days


def ageing_bucket(days: int) -> str | None:
    """The bucket of a charge `days` past due (None: not yet due)."""
    if days < 0:
        return None
    if days <= 30:
        return "d0_30"
    if days <= 60:
        return "d31_60"
    if days <= 90:
        return "d61_90"
    return "over_90"


# --- late fees ------------------------------------------------------------------------


class LateFeeMode(StrEnum):
    NONE = "none"
    PERCENT = "percent"  # basis points of the overdue amount, per month
    FIXED = "fixed"  # rupiah per month overdue


@dataclass(frozen=True)
class LateMonth:
    """The k-th month a charge is overdue: its days, and the day its fee falls due."""

    k: int
    start: date
    end: date
    charged_on: date


def late_months(due_on: date, grace_days: int, day: date) -> list[LateMonth]:
    """The months overdue whose fee has fallen due by `day` (for a charge still
    unpaid then), first to last, at most MAX_LATE_MONTHS."""
    out = []
    for k in range(1, MAX_LATE_MONTHS + 1):
        start = add_months(due_on, k - 1) + timedelta(days=1)
        charged_on = start + timedelta(days=grace_days)
        if charged_on > day:
            break
        out.append(LateMonth(k, start, add_months(due_on, k), charged_on))
    return out


def late_fee(mode: str, percent_bp: int, fixed: int, amount: int) -> int:
    """The fee of one month overdue on `amount` (0: none)."""
    if mode == LateFeeMode.PERCENT:
        return max(0, (2 * amount * percent_bp + MAX_LATE_FEE_BP) // (2 * MAX_LATE_FEE_BP))
    if mode == LateFeeMode.FIXED:
        return max(0, fixed)
    return 0
