"""The meters' pure rules: readings kept exactly, block tariffs (monotone, the
blocks adding up to the price rounded once), usual consumption, anomalies and
the service charge."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smesco_desk.domain.meters import (
    MILLI,
    Anomaly,
    Block,
    anomaly,
    block_amounts,
    blocks_of,
    consumption,
    parse_reading,
    parse_tariff,
    price,
    reading_label,
    reading_text,
    service_charge,
    tariff_text,
    usual_consumption,
)

POWER = (Block(100, 1444), Block(None, 1699))


@st.composite
def tariffs(draw: st.DrawFn) -> tuple[Block, ...]:
    limits = sorted(draw(st.sets(st.integers(1, 5_000), max_size=4)))
    rates = draw(st.lists(st.integers(0, 50_000), min_size=len(limits) + 1,
                          max_size=len(limits) + 1))  # fmt: skip
    return tuple(Block(u, r) for u, r in zip([*limits, None], rates, strict=True))


used = st.integers(0, 10**9)


def test_readings_are_typed_with_a_dot_or_a_comma_and_kept_exactly() -> None:
    assert parse_reading("1234,5") == parse_reading("1234.5") == 1_234_500
    assert parse_reading("0.001") == 1 and parse_reading(12) == 12_000
    assert parse_reading(Decimal("7.25")) == 7_250
    assert reading_text(1_234_500) == "1234.5" and reading_label(1_234_500) == "1.234,5"
    for bad in ("1.234.5", "12,3456", "-1", "", "1e3", "abc", Decimal("0.0001"), 1.5, True):
        with pytest.raises(ValueError):
            parse_reading(bad)


@given(st.integers(0, 10**12))
def test_a_reading_written_back_reads_the_same(milli: int) -> None:
    assert parse_reading(reading_text(milli)) == milli


def test_the_example_block_tariff() -> None:
    assert price(150 * MILLI, POWER) == 100 * 1444 + 50 * 1699
    assert price(100 * MILLI, POWER) == 144_400
    assert price(0, POWER) == 0
    # 12.5 m³: 10 at 7.450, 2.5 at 12.550 = 74.500 + 31.375
    water = (Block(10, 7450), Block(None, 12550))
    assert price(12_500, water) == 105_875
    assert [(a.quantity, a.rate, a.amount) for a in block_amounts(12_500, water)] == [
        (10_000, 7450, 74_500),
        (2_500, 12550, 31_375),
    ]
    # rounded once: 0.3 kWh at Rp1.444 = Rp433.2 -> Rp433; 0.0005 kWh -> Rp0.7 -> Rp1
    assert price(300, POWER) == 433 and price(1, (Block(None, 500),)) == 1


@given(tariffs(), used, used)
def test_a_larger_consumption_never_costs_less(tariff: tuple[Block, ...], a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert price(low, tariff) <= price(high, tariff)


@given(tariffs(), used)
def test_the_blocks_add_up_to_the_price_rounded_once(tariff: tuple[Block, ...], u: int) -> None:
    parts = blocks_of(u, tariff)
    assert sum(q for q, _rate in parts) == u
    exact = sum(q * rate for q, rate in parts)
    assert price(u, tariff) == (exact + 500) // 1000
    amounts = block_amounts(u, tariff)
    assert sum(a.amount for a in amounts) == price(u, tariff)
    assert all(abs(a.amount * 1000 - a.quantity * a.rate) <= 1000 for a in amounts)


@given(tariffs())
def test_a_tariff_typed_reads_back(tariff: tuple[Block, ...]) -> None:
    assert parse_tariff(tariff_text(tariff)) == tariff
    assert parse_tariff([[b.up_to, b.rate] for b in tariff]) == tariff


@pytest.mark.parametrize(
    "bad",
    ["", "100:1444", "100:1444, 50:1500, 1699", "x", [[100, 1444]], [[None, -1]], [], "1:2:3"],
)
def test_a_bad_tariff_is_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        parse_tariff(bad)


def test_consumption_and_anomalies() -> None:
    assert consumption(1_500, 1_000, False) == 500
    assert consumption(1_500, None, False) == 0  # a series' first reading
    assert consumption(200, 1_000, True) == 0  # a new meter's base
    assert consumption(900, 1_000, False) == 0  # backwards, once confirmed
    assert anomaly(900, 1_000, False, None) is Anomaly.BACKWARDS
    assert anomaly(200, 1_000, True, None) is None  # a new meter is not backwards
    usual = usual_consumption([100_000, 120_000, 110_000])
    assert usual == 110_000
    assert anomaly(1_000 + 1_100_000, 1_000, False, usual) is None  # exactly ten times
    assert anomaly(1_000 + 1_100_001, 1_000, False, usual) is Anomaly.JUMP
    assert anomaly(10**9, 0, False, None) is None  # no history: no jump
    assert usual_consumption([5, 6]) is None
    assert usual_consumption([1, 2, 3, 4, 100, 200, 300]) == 52  # last six: (4 + 100) // 2
    # an idle stall (usual 0) is asked only above ten whole units
    assert anomaly(10_000, 0, False, 0) is None and anomaly(10_001, 0, False, 0) is Anomaly.JUMP


@given(st.integers(1, 10**9), st.integers(0, 10**7), st.integers(28, 31))
def test_the_service_charge_of_a_whole_month(size_cm2: int, rate: int, days: int) -> None:
    assert service_charge(size_cm2, rate, days, days) == (size_cm2 * rate * 2 + 10_000) // 20_000


def test_the_service_charge_is_rounded_once() -> None:
    assert service_charge(62_500, 25_000, 31, 31) == 156_250  # 6,25 m² x Rp25.000
    assert service_charge(62_500, 25_000, 16, 31) == 80_645  # 156.250 x 16/31 = 80.645,16
