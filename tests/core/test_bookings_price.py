"""The price of a booking from a space's rates (the cheapest combination of day,
half-day and hour rates covering it), the UMKM discount and the kind's tax,
against hand-computed tables; its invariants as properties; and the checks of
a booking's times, attendees and a space's form (smesco_desk.domain.bookings)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smesco_desk.domain.bookings import (
    DAY_MINUTES,
    HALF_DAY_MINUTES,
    MAX_BOOKING_MINUTES,
    Rates,
    SpaceNumbers,
    booking_errors,
    booking_totals,
    opening_hours_errors,
    rental_price,
    space_errors,
    within_opening_hours,
)
from smesco_desk.domain.charges import TaxRule
from tests.core.helpers_core import wib

ROOM = Rates(hour=300_000, half_day=1_000_000, day=1_800_000)
PPN = (TaxRule("ppn", "PPN", 1100),)
OPEN = {d: ["08:00", "21:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat")}
ALL_DAY = {d: ["00:00", "24:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


@pytest.mark.parametrize(
    ("minutes", "days", "halves", "hours", "amount"),
    [
        (0, 0, 0, 0, 0),
        (1, 0, 0, 1, 300_000),
        (60, 0, 0, 1, 300_000),
        (61, 0, 0, 2, 600_000),
        (180, 0, 0, 3, 900_000),
        (181, 0, 1, 0, 1_000_000),  # four hours would be 1.200.000
        (240, 0, 1, 0, 1_000_000),
        (300, 0, 1, 1, 1_300_000),
        (360, 0, 1, 2, 1_600_000),
        (361, 1, 0, 0, 1_800_000),  # half day + 3 hours would be 1.900.000
        (480, 1, 0, 0, 1_800_000),
        (540, 1, 0, 1, 2_100_000),
        (720, 1, 1, 0, 2_800_000),
        (900, 2, 0, 0, 3_600_000),  # day + half + 3 hours would be 3.700.000
    ],
)
def test_room_prices_by_hand(minutes: int, days: int, halves: int, hours: int, amount: int) -> None:
    price = rental_price(minutes, ROOM)
    assert (price.days, price.half_days, price.hours, price.amount) == (days, halves, hours, amount)


def test_rates_not_offered_are_not_used() -> None:
    workshop = Rates(hour=150_000, half_day=0, day=0)  # the bengkel, by the hour
    assert rental_price(90, workshop).amount == 300_000
    assert rental_price(600, workshop).amount == 1_500_000
    hall = Rates(hour=0, half_day=0, day=15_000_000)  # the event hall, by the day
    assert (rental_price(30, hall).days, rental_price(30, hall).amount) == (1, 15_000_000)
    assert rental_price(481, hall).amount == 30_000_000
    assert rental_price(300, Rates(0, 0, 0)).amount == 0  # a free space


def test_umkm_discount_then_tax_by_hand() -> None:
    plain = booking_totals("Ruang Rapat Kecil", 300, ROOM, 0, PPN)
    assert (plain.taxable, plain.tax_total, plain.total) == (1_300_000, 143_000, 1_443_000)
    umkm = booking_totals("Ruang Rapat Kecil", 300, ROOM, 2000, PPN)  # 20% off each line
    assert [(ln.line.quantity, ln.line.unit, ln.amount) for ln in umkm.lines] == [
        (1, "setengah hari", 800_000),
        (1, "jam", 240_000),
    ]
    assert (umkm.discount_total, umkm.tax_total, umkm.total) == (260_000, 114_400, 1_154_400)
    assert [ln.line.description for ln in umkm.lines] == [
        "Ruang Rapat Kecil (per setengah hari, 4 jam)",
        "Ruang Rapat Kecil (per jam)",  # 5 hours: a half day and a whole hour
    ]
    odd = booking_totals("Bengkel", 60, Rates(150_001, 0, 0), 1500, ())  # 22.500,15 off
    assert (odd.discount_total, odd.total) == (22_500, 127_501)
    free = booking_totals("Lounge", 60, Rates(0, 0, 0), 0, PPN)
    assert (len(free.lines), free.total) == (1, 0)


# --- invariants ---------------------------------------------------------------------------

rates_st = st.builds(
    Rates,
    st.one_of(st.just(0), st.integers(1, 5_000_000)),
    st.one_of(st.just(0), st.integers(1, 20_000_000)),
    st.one_of(st.just(0), st.integers(1, 40_000_000)),
)
durations = st.one_of(st.integers(0, 3 * DAY_MINUTES), st.integers(0, MAX_BOOKING_MINUTES))


def _cheapest_by_hours(minutes: int, rates: Rates) -> int:
    """An independent answer: covering `minutes` is covering ceil(minutes/60) hour
    blocks; the cheapest cover of k blocks, unit by unit (dynamic programming)."""
    blocks = -(-minutes // 60)
    never = 10**30
    units = [(n, r) for n, r in ((1, rates.hour), (4, rates.half_day), (8, rates.day)) if r]
    best = [0] + [never] * blocks
    for k in range(1, blocks + 1):
        best[k] = min((best[max(0, k - n)] + r for n, r in units), default=never)
    return best[blocks]


@given(st.integers(0, 2 * DAY_MINUTES), rates_st)
def test_the_price_is_the_cheapest_cover(minutes: int, rates: Rates) -> None:
    price = rental_price(minutes, rates)
    assert price.amount == (0 if rates.free else _cheapest_by_hours(minutes, rates))


@given(durations, rates_st)
def test_the_price_covers_and_never_costs_more_than_one_unit_alone(
    minutes: int, rates: Rates
) -> None:
    price = rental_price(minutes, rates)
    assert isinstance(price.amount, int) and price.amount >= 0
    if rates.free:
        assert price.amount == 0
        return
    assert price.minutes >= minutes
    assert price.amount == price.days * rates.day + price.half_days * rates.half_day + (
        price.hours * rates.hour
    )
    for unit, rate in (
        (60, rates.hour),
        (HALF_DAY_MINUTES, rates.half_day),
        (DAY_MINUTES, rates.day),
    ):
        if rate:
            assert price.amount <= -(-minutes // unit) * rate
    if minutes:
        assert price.amount > 0


@given(durations, st.integers(0, 600), rates_st)
def test_the_price_is_monotone_in_the_duration(minutes: int, more: int, rates: Rates) -> None:
    assert rental_price(minutes, rates).amount <= rental_price(minutes + more, rates).amount


@given(durations, rates_st, st.integers(0, 10_000))
def test_the_discount_never_raises_the_price(minutes: int, rates: Rates, bp: int) -> None:
    full = booking_totals("Ruang", minutes, rates, 0, PPN)
    off = booking_totals("Ruang", minutes, rates, bp, PPN)
    assert 0 <= off.total <= full.total
    assert full.subtotal == rental_price(minutes, rates).amount


# --- opening hours, times and attendees ------------------------------------------------------


def test_opening_hours_are_checked_day_by_day() -> None:
    # Tuesday 10 March 2026; the space is closed on Sundays.
    assert within_opening_hours(wib(2026, 3, 10, 8), wib(2026, 3, 10, 21), OPEN)
    assert not within_opening_hours(wib(2026, 3, 10, 7, 59), wib(2026, 3, 10, 9), OPEN)
    assert not within_opening_hours(wib(2026, 3, 10, 20), wib(2026, 3, 10, 21, 1), OPEN)
    assert not within_opening_hours(wib(2026, 3, 15, 9), wib(2026, 3, 15, 10), OPEN)  # Sunday
    assert not within_opening_hours(wib(2026, 3, 10, 20), wib(2026, 3, 11, 9), OPEN)  # overnight
    assert within_opening_hours(wib(2026, 3, 10, 22), wib(2026, 3, 11, 2), ALL_DAY)
    assert within_opening_hours(wib(2026, 3, 10, 22), wib(2026, 3, 11, 0), ALL_DAY)
    late = {"tue": ["08:00", "24:00"], "wed": ["08:00", "24:00"]}
    assert not within_opening_hours(wib(2026, 3, 10, 22), wib(2026, 3, 11, 2), late)


def test_opening_hours_form_errors() -> None:
    assert opening_hours_errors(OPEN) == {}
    assert opening_hours_errors({"mon": None}) == {}
    assert set(opening_hours_errors({"mon": ["09:00", "08:00"]})) == {"opening_hours.mon"}
    assert set(opening_hours_errors({"mon": ["9:00", "21:00"]})) == {"opening_hours.mon"}
    assert set(opening_hours_errors({"mon": ["08:00", "24:01"]})) == {"opening_hours.mon"}
    assert set(opening_hours_errors({"mon": ["٠٨:00", "21:00"]})) == {"opening_hours.mon"}
    assert set(opening_hours_errors({"senin": ["08:00", "21:00"]})) == {"opening_hours"}
    assert set(opening_hours_errors(["08:00"])) == {"opening_hours"}


def test_booking_errors_name_their_field() -> None:
    now = wib(2026, 3, 10, 9)

    def errors(starts: object, ends: object, attendees: object = 4) -> set[str]:
        return set(booking_errors(starts, ends, attendees, 8, OPEN, now))  # type: ignore[arg-type]

    assert errors(wib(2026, 3, 10, 10), wib(2026, 3, 10, 12)) == set()
    assert errors(wib(2026, 3, 10, 10), wib(2026, 3, 10, 12), 9) == {"attendees"}
    assert errors(wib(2026, 3, 10, 10), wib(2026, 3, 10, 12), 0) == {"attendees"}
    assert errors(wib(2026, 3, 10, 10), wib(2026, 3, 10, 12), True) == {"attendees"}
    assert errors(wib(2026, 3, 10, 12), wib(2026, 3, 10, 10)) == {"ends_at"}
    assert errors(wib(2026, 3, 10, 12), wib(2026, 3, 10, 12)) == {"ends_at"}
    assert errors(wib(2026, 3, 10, 8), wib(2026, 3, 10, 10)) == {"starts_at"}  # past
    assert errors(wib(2026, 3, 10, 20), wib(2026, 3, 10, 22)) == {"ends_at"}  # closes 21:00
    assert errors(wib(2026, 3, 10, 21), wib(2026, 3, 10, 22)) == {"starts_at"}  # closed then
    assert errors(wib(2026, 3, 15, 10), wib(2026, 3, 15, 12)) == {"starts_at"}  # Sunday


def test_space_errors() -> None:
    good = SpaceNumbers(8, 15, 15, 300_000, 1_000_000, 1_800_000, 1000)
    assert space_errors("meeting_room", good, OPEN) == {}
    bad = SpaceNumbers(0, -1, "15", -5, True, 10**13, 10_001)
    assert set(space_errors("ruang", bad, {"mon": ["x", "y"]})) == {
        "kind",
        "capacity",
        "setup_minutes",
        "cleanup_minutes",
        "rate_hour",
        "rate_half_day",
        "rate_day",
        "umkm_discount_bp",
        "opening_hours.mon",
    }


@pytest.mark.parametrize(
    ("minutes", "rates", "said"),
    [
        (90, Rates(250_000, 0, 0), ["Studio (per jam; 1,5 jam dihitung 2 jam)"]),
        (45, Rates(250_000, 0, 0), ["Studio (per jam; 45 menit dihitung 1 jam)"]),
        (120, Rates(250_000, 0, 0), ["Studio (per jam)"]),  # whole hours: nothing to say
        (
            8 * 60 + 100,
            Rates(300_000, 1_000_000, 1_800_000),
            ["Studio (per hari, 8 jam)", "Studio (per jam; 1 jam 40 menit dihitung 2 jam)"],
        ),
        (3 * 60, Rates(0, 1_000_000, 0), ["Studio (per setengah hari, 4 jam)"]),
    ],
)
def test_price_lines_say_what_the_units_are(minutes: int, rates: Rates, said: list[str]) -> None:
    totals = booking_totals("Studio", minutes, rates, 0, ())
    assert [ln.line.description for ln in totals.lines] == said
