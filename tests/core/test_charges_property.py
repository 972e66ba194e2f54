"""Properties of charge totals: integer rupiah everywhere, the sums add up, taxes
round half up, and bad amounts are refused naming their field. Then the same
through the payment service: what is stored and queued is what was quoted."""

from __future__ import annotations

import json
from fractions import Fraction
from math import floor
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smesco_desk.domain.charges import (
    MAX_QUANTITY,
    MAX_RATE_BP,
    MAX_TOTAL,
    MAX_UNIT_PRICE,
    AmountError,
    ChargeTotals,
    LineInput,
    TaxRule,
    compute_totals,
    tax_amount,
)
from smesco_desk.errors import ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from tests.core.helpers_core import cash, rows, sale_form

SERVICE_SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Prices as a desk sees them, and now and then a huge one (up to the limit).
prices = st.one_of(
    st.integers(0, 2_000_000),
    st.sampled_from([0, 1, 500, 999, 1_000, 150_000, 1_250_000]),
    st.integers(0, MAX_UNIT_PRICE),
)
quantities = st.one_of(st.integers(1, 20), st.integers(1, MAX_QUANTITY))
rates = st.one_of(
    st.sampled_from([0, 1, 1000, 1100, 1150, 1125, 5000, MAX_RATE_BP]), st.integers(0, MAX_RATE_BP)
)


@st.composite
def lines(draw: st.DrawFn) -> LineInput:
    quantity = draw(quantities)
    unit_price = draw(prices)
    gross = quantity * unit_price
    discount = draw(st.one_of(st.just(0), st.just(gross), st.integers(0, gross)))
    return LineInput(
        draw(st.sampled_from(["Sewa ruang", "Cetak warna A4", "Studio foto", "Kopi"])),
        quantity,
        unit_price,
        discount,
    )


@st.composite
def taxes(draw: st.DrawFn) -> list[TaxRule]:
    codes = draw(
        st.lists(st.sampled_from(["ppn", "pb1", "pph", "retribusi"]), unique=True, max_size=3)
    )
    return [TaxRule(code, code.upper(), draw(rates)) for code in codes]


def half_up(value: Fraction) -> int:
    return floor(value + Fraction(1, 2))


def is_int(value: object) -> bool:
    return type(value) is int


def every_amount(totals: ChargeTotals) -> list[object]:
    amounts: list[object] = [
        totals.subtotal,
        totals.discount_total,
        totals.taxable,
        totals.tax_total,
        totals.total,
    ]
    for ln in totals.lines:
        amounts += [ln.gross, ln.amount]
    for tax in totals.taxes:
        amounts += [tax.base, tax.amount, tax.rate_bp]
    return amounts


# --- compute_totals -----------------------------------------------------------------


@given(st.lists(lines(), min_size=1, max_size=8), taxes())
def test_totals_add_up_in_integer_rupiah(items: list[LineInput], rules: list[TaxRule]) -> None:
    taxable = sum(ln.quantity * ln.unit_price - ln.discount for ln in items)
    expected_taxes = [half_up(Fraction(taxable * t.rate_bp, 10_000)) for t in rules]
    if taxable + sum(expected_taxes) >= MAX_TOTAL:
        with pytest.raises(AmountError) as refused:
            compute_totals(items, rules)
        assert set(refused.value.errors) == {"lines"}
        return
    totals = compute_totals(items, rules)
    amounts = every_amount(totals)
    assert all(is_int(a) for a in amounts), [type(a) for a in amounts]
    assert totals.subtotal == sum(ln.quantity * ln.unit_price for ln in items)
    assert totals.discount_total == sum(ln.discount for ln in items)
    assert totals.taxable == totals.subtotal - totals.discount_total == taxable
    assert [ln.amount for ln in totals.lines] == [
        ln.quantity * ln.unit_price - ln.discount for ln in items
    ]
    assert all(ln.amount >= 0 for ln in totals.lines)
    assert [t.amount for t in totals.taxes] == expected_taxes
    assert all(t.base == taxable for t in totals.taxes)
    assert [(t.code, t.rate_bp) for t in totals.taxes] == [(t.code, t.rate_bp) for t in rules]
    assert totals.tax_total == sum(t.amount for t in totals.taxes)
    assert totals.total == totals.taxable + sum(t.amount for t in totals.taxes)
    assert 0 <= totals.total < MAX_TOTAL


@given(st.integers(0, 10**15), st.integers(0, MAX_RATE_BP))
def test_a_tax_rounds_half_up_to_the_rupiah(base: int, rate_bp: int) -> None:
    amount = tax_amount(base, rate_bp)
    assert is_int(amount)
    assert amount == half_up(Fraction(base * rate_bp, 10_000))
    exact = Fraction(base * rate_bp, 10_000)
    assert -Fraction(1, 2) < amount - exact <= Fraction(1, 2)


def test_known_roundings() -> None:
    ppn = [TaxRule("ppn", "PPN", 1100)]
    assert compute_totals([LineInput("x", 1, 50)], ppn).tax_total == 6  # 5,5 -> 6
    assert compute_totals([LineInput("x", 1, 40)], ppn).tax_total == 4  # 4,4 -> 4
    assert compute_totals([LineInput("x", 1, 1_000_050)], ppn).tax_total == 110_006
    assert compute_totals([LineInput("x", 1, 0)], ppn).total == 0


# --- invalid inputs name their field ----------------------------------------------------

BAD_VALUES: dict[str, list[Any]] = {
    "quantity": [0, -1, MAX_QUANTITY + 1, 1.0, 2.5, True, False, "2", None],
    "unit_price": [-1, -1_000, MAX_UNIT_PRICE + 1, 1000.0, 0.5, True, False, "1000", None],
    "discount": [-1, 0.0, 1.5, True, False, "0", None],
}


@given(
    st.lists(lines(), min_size=1, max_size=5),
    st.data(),
    st.sampled_from(sorted(BAD_VALUES)),
)
def test_a_bad_line_amount_is_refused_by_its_field(
    items: list[LineInput], data: st.DataObject, field: str
) -> None:
    index = data.draw(st.integers(0, len(items) - 1), label="index")
    bad = data.draw(st.sampled_from(BAD_VALUES[field]), label="bad")
    line = items[index]
    changed = LineInput(
        line.description,
        bad if field == "quantity" else line.quantity,
        bad if field == "unit_price" else line.unit_price,
        bad if field == "discount" else line.discount,
    )
    items[index] = changed
    with pytest.raises(AmountError) as refused:
        compute_totals(items, [])
    assert f"lines.{index}.{field}" in refused.value.errors, refused.value.errors
    assert isinstance(refused.value, ValueError)


@given(st.lists(lines(), min_size=1, max_size=5), st.data())
def test_a_discount_above_the_line_is_refused(items: list[LineInput], data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(items) - 1), label="index")
    line = items[index]
    gross = line.quantity * line.unit_price
    over = data.draw(st.integers(gross + 1, gross + 10**9), label="discount")
    items[index] = LineInput(line.description, line.quantity, line.unit_price, over)
    with pytest.raises(AmountError) as refused:
        compute_totals(items, [])
    assert f"lines.{index}.discount" in refused.value.errors


@given(st.sampled_from([-1, MAX_RATE_BP + 1, 11.0, 1100.5, True, False, "1100", None]))
def test_a_bad_tax_rate_is_refused_by_its_field(rate: Any) -> None:
    rules = [TaxRule("pb1", "PB1", 1000), TaxRule("ppn", "PPN", rate)]
    with pytest.raises(AmountError) as refused:
        compute_totals([LineInput("Kopi", 1, 20_000)], rules)
    assert set(refused.value.errors) == {"taxes.1"}


def test_no_lines_or_too_many() -> None:
    with pytest.raises(AmountError) as none:
        compute_totals([], [])
    assert set(none.value.errors) == {"lines"}
    with pytest.raises(AmountError) as many:
        compute_totals([LineInput("Kopi", 1, 1)] * 51, [])
    assert set(many.value.errors) == {"lines"}


# --- through the service ------------------------------------------------------------------


@pytest.fixture
def cashier(core: Core, receptionist: Actor) -> Actor:
    core.payments.open_shift(receptionist, 0)
    return receptionist


def assert_ints(payload: dict[str, Any], *fields: str) -> None:
    for name in fields:
        assert is_int(payload[name]), (name, payload[name])


@SERVICE_SETTINGS
@given(
    items=st.lists(
        lines().filter(lambda ln: ln.quantity * ln.unit_price < 10**11), min_size=1, max_size=4
    ),
    rate=rates,
)
def test_a_sale_stores_and_queues_what_was_quoted(
    core: Core, cashier: Actor, supervisor: Actor, admin: Actor, items: list[LineInput], rate: int
) -> None:
    # Any discount at all: the limit that needs a supervisor is tested in test_price_approval.
    core.settings.set(admin, "sale_discount_limit_percent", 100)
    core.payments.save_charge_kind(supervisor, "room", "Sewa ruang", [TaxRule("ppn", "PPN", rate)])
    quote = core.payments.quote("room", items)
    form = sale_form(*items, kind="room")
    if quote.total == 0:
        with pytest.raises(ValidationError):
            core.payments.sell(cashier, form, cash())
        return
    receipt = core.payments.sell(cashier, form, cash())
    assert receipt.total == quote.total
    assert (receipt.subtotal, receipt.discount_total, receipt.tax_total) == (
        quote.subtotal,
        quote.discount_total,
        quote.tax_total,
    )
    assert receipt.taxes == quote.taxes
    assert [ln.amount for ln in receipt.lines] == [ln.amount for ln in quote.lines]
    stored = rows(
        core,
        "SELECT r.total, typeof(r.total), c.total, typeof(c.tax_total) FROM receipts r "
        "JOIN charges c ON c.id = r.charge_id WHERE r.id = :i",
        i=receipt.id,
    )
    assert stored == [(quote.total, "integer", quote.total, "integer")]

    # What goes to the server: every amount an integer, none a float or a bool.
    queued = rows(
        core,
        "SELECT entity, payload FROM outbox WHERE entity_id = :r OR entity_id = :c "
        "OR entity_id IN (SELECT id FROM charge_lines WHERE charge_id = :c)",
        r=receipt.id,
        c=receipt.charge_id,
    )
    assert sorted({e for e, _ in queued}) == ["charge_lines", "charges", "receipts"]
    for entity, raw in queued:
        payload = json.loads(raw)
        if entity == "receipts":
            assert_ints(payload, "total", "tendered", "change_given", "seq", "year")
            assert payload["total"] == quote.total
        elif entity == "charges":
            assert_ints(payload, "subtotal", "discount_total", "tax_total", "total")
            assert payload["total"] == quote.total
            for tax in payload["taxes"]:
                assert_ints(tax, "rate_bp", "base", "amount")
        else:
            assert_ints(payload, "quantity", "unit_price", "discount", "amount")
