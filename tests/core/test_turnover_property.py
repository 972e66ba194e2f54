"""Properties of turnover rent (smesco_desk.domain.turnover): exact integer
rupiah on both sides of the breakpoint, the base rent of a month from rent
periods that cross it, and the small parsers and labels."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smesco_desk.domain.turnover import (
    MAX_DAY_TURNOVER,
    MAX_RATE_BP,
    amount_error,
    base_rent_in_month,
    due_on,
    entry_id,
    format_percent,
    month_bounds,
    month_closed,
    parse_month,
    parse_percent,
    percent_of,
    rate_error,
    turnover_rent,
    uncovered_days,
)

rates = st.integers(min_value=0, max_value=MAX_RATE_BP)
turnovers = st.integers(min_value=0, max_value=31 * MAX_DAY_TURNOVER)
rents = st.integers(min_value=0, max_value=10**11)


@given(rates, turnovers, rents)
def test_the_tenant_pays_the_higher_of_base_rent_and_its_share(
    rate: int, turnover: int, base: int
) -> None:
    top_up = turnover_rent(rate, turnover, base)
    share = percent_of(rate, turnover)
    assert isinstance(top_up, int) and top_up >= 0
    assert base + top_up == max(base, share)
    assert abs(Fraction(share) - Fraction(rate * turnover, 10_000)) <= Fraction(1, 2)


@given(rates.filter(bool), rents)
def test_both_sides_of_the_breakpoint(rate: int, base: int) -> None:
    """The smallest turnover whose share reaches the base rent is the breakpoint:
    one rupiah of share below it nothing is due, above it exactly the excess."""
    guess = max(2 * base - 1, 0) * 5_000 // rate  # share >= base from (base - 1/2) / rate
    at = next(t for t in range(max(guess - 1, 0), guess + 3) if percent_of(rate, t) >= base)
    assert at == 0 or percent_of(rate, at - 1) < base  # the smallest such turnover
    assert turnover_rent(rate, max(at - 1, 0), base) == 0
    assert turnover_rent(rate, at, base) == percent_of(rate, at) - base
    above = at + 10_000  # one more rupiah of share per basis point of rate
    assert turnover_rent(rate, above, base) == percent_of(rate, above) - base > 0


def test_the_examples_of_the_breakpoint() -> None:
    assert turnover_rent(1_000, 30_000_000, 3_000_000) == 0  # exactly at it
    assert turnover_rent(1_000, 30_000_010, 3_000_000) == 1
    assert turnover_rent(1_000, 29_999_990, 3_000_000) == 0
    assert turnover_rent(750, 50_000_000, 3_000_000) == 750_000
    assert percent_of(750, 5) == 0 and percent_of(1_000, 5) == 1  # half up: 0.375, 0.5
    assert turnover_rent(0, 10**12, 0) == 0


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 1)),
    st.integers(min_value=1, max_value=10**10),
    st.integers(min_value=1, max_value=400),
)
def test_a_rent_period_is_shared_by_its_months_in_proportion(
    start: date, net: int, days: int
) -> None:
    end = start + timedelta(days=days - 1)
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = month_bounds(month)[1] + timedelta(days=1)
    shares = [base_rent_in_month([(net, start, end)], m) for m in months]
    assert abs(sum(shares) - net) <= len(months)  # each rounded once, half up
    for m, share in zip(months, shares, strict=True):
        first, last = month_bounds(m)
        inside = (min(end, last) - max(start, first)).days + 1
        assert abs(Fraction(share) - Fraction(net * inside, days)) <= Fraction(1, 2)


def test_the_days_no_rent_charge_covers() -> None:
    feb = date(2026, 2, 1)
    lease = (date(2026, 1, 15), date(2027, 1, 14))
    assert uncovered_days(lease, [], feb) == 28
    assert uncovered_days(lease, [(date(2026, 1, 15), date(2026, 2, 14))], feb) == 14
    both = [(date(2026, 1, 15), date(2026, 2, 14)), (date(2026, 2, 15), date(2026, 3, 14))]
    assert uncovered_days(lease, both, feb) == 0
    assert uncovered_days((date(2026, 2, 20), date(2026, 2, 21)), [], feb) == 2


def test_months_and_due_days() -> None:
    assert month_bounds(date(2024, 2, 10)) == (date(2024, 2, 1), date(2024, 2, 29))
    assert month_bounds(date(2026, 12, 31)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert parse_month(" 2026-11 ") == date(2026, 11, 1)
    for bad in ("2026-13", "26-11", "2026/11", "1899-01", ""):
        with pytest.raises(ValueError):
            parse_month(bad)
    assert not month_closed(date(2026, 2, 1), date(2026, 2, 28))
    assert month_closed(date(2026, 2, 1), date(2026, 3, 1))
    assert due_on(date(2026, 2, 1), date(2026, 3, 2)) == date(2026, 3, 10)
    assert due_on(date(2026, 12, 1), date(2027, 2, 2)) == date(2027, 2, 2)


def test_rates_and_amounts() -> None:
    assert parse_percent("7,5") == 750 and parse_percent("10 %") == 1_000
    assert parse_percent("0.25") == 25 and parse_percent("0") == 0
    for bad in ("51", "7,555", "-1", "abc", "1e2"):
        with pytest.raises(ValueError):
            parse_percent(bad)
    assert [format_percent(x) for x in (750, 1_000, 25, 0)] == ["7,5%", "10%", "0,25%", "0%"]
    assert rate_error(750) is None and rate_error(-1) and rate_error(True) and rate_error("5")
    assert amount_error(0) is None and amount_error(MAX_DAY_TURNOVER) is None
    assert amount_error(-1) and amount_error(MAX_DAY_TURNOVER + 1) and amount_error(1.5)


def test_a_tenant_day_has_one_id_at_every_desk() -> None:
    day = date(2026, 3, 2)
    assert entry_id("t1", day) == entry_id("t1", date(2026, 3, 2))
    assert len({entry_id("t1", day), entry_id("t2", day), entry_id("t1", date(2026, 3, 3))}) == 3
