"""Tenants' turnover (daily sales) and turnover rent. Pure functions over plain
values; money is integer rupiah, rates integer basis points (1/100 of a
percent: 750 bp = 7.5 %). No float ever holds either.

Turnover
--------
The tenant manager types each tenant's sales of a day (WIB) into a grid of
tenants by days. A day's amount is 0 (closed, or sold nothing) to
MAX_DAY_TURNOVER; anything else is a typing error. There is one entry per
tenant and day: its id is derived from the two (`entry_id`, a UUIDv5), so
two desks that type the same tenant's day while offline write the *same* row,
and sync keeps one version of it: the usual rule for a row changed at two
desks (smesco_desk.sync.server): a cleared day (a tombstone) first, then the
higher version, then the later change wins, and the other version is kept in
the conflicts list (status "info") for a person to look at. A cleared cell
removes the entry (a tombstone); typing the day again brings the row back.

Turnover rent
-------------
A lease may carry a turnover-rent rate (`rate_bp`, 0 = none). The base rent is
what the rent schedule charges; turnover rent is the TOP-UP that makes the
tenant pay the higher of the two for a calendar month:

    turnover rent = max(0, round(rate x month's turnover) - base rent of the month)

- `round` is half up, to the whole rupiah (`percent_of`).
- The base rent of a month is the net amount (before tax) of the lease's rent
  charges, each counted for the share of its days that fall in the month
  (`base_rent_in_month`: a rent period of 15 January to 14 February counts
  17/31 in January and 14/31 in February), added exactly and rounded once.
  A month in which some of the lease's days have no rent charge yet is not
  assessed: the rent schedule has not run, and the base is not known.
- It is charged once, after the month has closed (the day after its last
  day, WIB), due on TURNOVER_DUE_DAY of the next month (or the day it is
  posted, if later).

Invariants (tests/core/test_turnover_property.py): the result is never
negative; base rent + turnover rent = max(base rent, round(rate x turnover));
at or below the breakpoint (round(rate x turnover) <= base) it is 0, above it
exactly the difference.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from datetime import date, timedelta
from fractions import Fraction

from smesco_desk.i18n import _

BP_PER_UNIT = 10_000  # basis points in a whole (100 %)
MAX_RATE_BP = 5_000  # 50 %: a higher share of sales is a typing error
MAX_DAY_TURNOVER = 1_000_000_000  # Rp1 miliar a day from one food stall: a typing error
MAX_GRID_DAYS = 62
MAX_CELLS = 5_000  # cells saved at once (a month of 150 tenants)
TURNOVER_DUE_DAY = 10

# Fixed forever: changing it would give the same tenant-day a second row.
_ENTRY_NAMESPACE = uuid.UUID("6f1c2a52-9d0e-5b8e-a3c4-7e1f0b2d4c61")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})", re.ASCII)
_PERCENT = re.compile(r"([0-9]{1,2})(?:[.,]([0-9]{1,2}))?\s*%?", re.ASCII)


def entry_id(tenant_id: str, day: date) -> str:
    """The id of a tenant's entry for a day: the same at every desk."""
    return str(uuid.uuid5(_ENTRY_NAMESPACE, f"{tenant_id}/{day.isoformat()}"))


def cell_key(tenant_id: str, day: object) -> str:
    """The key of a grid cell's error in a ValidationError: `<tenant id>/<YYYY-MM-DD>`."""
    text = day.isoformat() if isinstance(day, date) else str(day)[:40]
    return f"{tenant_id[:40]}/{text}"


def amount_error(amount: object) -> str | None:
    """What is wrong with a day's turnover as given (None: nothing)."""
    if not isinstance(amount, int) or isinstance(amount, bool):
        return _("Omzet dalam rupiah (angka bulat).")
    if amount < 0:
        return _("Omzet tidak boleh negatif.")
    if amount > MAX_DAY_TURNOVER:
        return _("Omzet sehari paling besar Rp1.000.000.000: periksa angkanya.")
    return None


def rate_error(rate_bp: object) -> str | None:
    """What is wrong with a turnover-rent rate in basis points (None: nothing)."""
    if not isinstance(rate_bp, int) or isinstance(rate_bp, bool):
        return _("Persentase sewa omzet dalam basis poin (angka bulat).")
    if not 0 <= rate_bp <= MAX_RATE_BP:
        return _("Persentase sewa omzet 0% sampai 50%.")
    return None


def parse_percent(text: str) -> int:
    """A percentage as typed ("7,5", "7.5 %", "10") in basis points; ValueError."""
    match = _PERCENT.fullmatch(text.strip())
    if match is None:
        raise ValueError(_("Persentase seperti 7,5 (paling banyak dua angka desimal)."))
    value = int(match.group(1)) * 100 + int((match.group(2) or "").ljust(2, "0"))
    if value > MAX_RATE_BP:
        raise ValueError(_("Persentase sewa omzet 0% sampai 50%."))
    return value


def format_percent(rate_bp: int) -> str:
    """Basis points as an Indonesian percentage: 750 -> "7,5%", 1000 -> "10%"."""
    whole, part = divmod(rate_bp, 100)
    return f"{whole},{part:02d}".rstrip("0").rstrip(",") + "%" if part else f"{whole}%"


# --- months -------------------------------------------------------------------------------


def month_bounds(month: date) -> tuple[date, date]:
    """The first and last day of the month holding `month`."""
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def parse_month(text: str) -> date:
    """`YYYY-MM` as the first day of that month; ValueError."""
    match = _MONTH.fullmatch(text.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise ValueError(_("Bulan seperti 2026-11."))
    return date(int(match.group(1)), int(match.group(2)), 1)


def month_closed(month: date, today: date) -> bool:
    """Whether the month is over (today is after its last day)."""
    return today > month_bounds(month)[1]


def due_on(month: date, today: date) -> date:
    """When a month's turnover rent falls due: TURNOVER_DUE_DAY of the next month,
    or today if that is already past."""
    following = month_bounds(month)[1] + timedelta(days=1)
    return max(following.replace(day=TURNOVER_DUE_DAY), today)


# --- turnover rent ------------------------------------------------------------------------


def _round_half_up(value: Fraction) -> int:
    return int((value + Fraction(1, 2)) // 1)


def percent_of(rate_bp: int, amount: int) -> int:
    """rate x amount, rounded half up to the rupiah (both non-negative)."""
    return _round_half_up(Fraction(rate_bp * amount, BP_PER_UNIT))


def base_rent_in_month(charges: Iterable[tuple[int, date, date]], month: date) -> int:
    """The base rent of a month from rent charges (net amount, first day, last day
    of the period charged): each counted for the share of its days in the month."""
    first, last = month_bounds(month)
    total = Fraction(0)
    for net, start, end in charges:
        days = (end - start).days + 1
        inside = (min(end, last) - max(start, first)).days + 1
        if days > 0 and inside > 0:
            total += Fraction(net * inside, days)
    return _round_half_up(total)


def uncovered_days(
    lease_days: tuple[date, date], charged: Iterable[tuple[date, date]], month: date
) -> int:
    """How many of the lease's days in the month no rent charge covers yet."""
    first, last = month_bounds(month)
    start, end = max(lease_days[0], first), min(lease_days[1], last)
    if end < start:
        return 0
    days = {start + timedelta(days=n) for n in range((end - start).days + 1)}
    for period_start, period_end in charged:
        day = max(period_start, start)
        while day <= min(period_end, end):
            days.discard(day)
            day += timedelta(days=1)
    return len(days)


def turnover_rent(rate_bp: int, turnover: int, base_rent: int) -> int:
    """The top-up over the base rent: max(0, round(rate x turnover) - base rent)."""
    return max(0, percent_of(rate_bp, turnover) - base_rent)


def average(total: int, days: int) -> int:
    """The average of a day, rounded half up (0 for no day)."""
    return _round_half_up(Fraction(total, days)) if days else 0
