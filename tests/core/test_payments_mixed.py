"""A sale mixing kinds of charge, quotes while typing, every error of a sale at
once, the day's summary, and the open shifts a supervisor can close."""

from __future__ import annotations

import pytest

from smesco_desk.domain.charges import LineInput, TaxRule
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.payments import PaymentForm, ReceiptFilter
from tests.core.helpers_core import cash, sale_form, table_counts

PPN = TaxRule("ppn", "PPN", 1100)


@pytest.fixture
def cashier(receptionist: Actor, core: Core) -> Actor:
    core.payments.open_shift(receptionist, 200_000)
    return receptionist


@pytest.fixture
def taxed_room(core: Core, admin: Actor) -> None:
    core.payments.save_charge_kind(admin, "room", "Sewa ruang", [PPN])
    core.payments.save_price_item(admin, "hall", "Hall B (1 hari)", 5_000_000, "hari", "room")


ROOM = LineInput("Hall B (1 hari)", 1, 5_000_000, item_code="hall")
PRINTS = LineInput("Cetak warna A4", 10, 3_000, 3_000, "lembar", "print_color")


def test_each_line_takes_the_taxes_of_its_items_kind(core: Core, taxed_room: None) -> None:
    quote = core.payments.quote("service", [ROOM, PRINTS])
    assert quote.taxable == 5_027_000
    assert [(t.code, t.base, t.amount) for t in quote.taxes] == [("ppn", 5_000_000, 550_000)]
    assert quote.total == 5_577_000
    # Untaxed alone; a free line takes the taxes of the kind the sale names.
    assert core.payments.quote("service", [PRINTS]).taxes == ()
    free = LineInput("Dekorasi", 1, 100_000)
    assert core.payments.quote("room", [free]).tax_total == 11_000


def test_a_mixed_sale_is_stored_as_quoted(core: Core, cashier: Actor, taxed_room: None) -> None:
    receipt = core.payments.sell(cashier, sale_form(ROOM, PRINTS), cash(6_000_000))
    assert receipt.total == 5_577_000
    assert receipt.change_given == 423_000
    assert [(t.base, t.amount) for t in receipt.taxes] == [(5_000_000, 550_000)]
    assert receipt.needs_meterai


def test_a_quote_while_typing_ignores_missing_descriptions(core: Core) -> None:
    typing = LineInput("", 2, 150_000)
    assert core.payments.quote("service", [typing]).total == 300_000
    with pytest.raises(ValidationError) as bad:
        core.payments.quote("service", [LineInput("", 0, 150_000)])
    assert set(bad.value.errors) == {"lines.0.quantity"}


def test_a_sale_reports_every_error_at_once_and_writes_nothing(core: Core, cashier: Actor) -> None:
    before = table_counts(core)
    form = sale_form(LineInput("Cetak", 2, 3_000), payer="  ")
    with pytest.raises(ValidationError) as short:
        core.payments.sell(cashier, form, cash(1_000))
    assert {"payer_name", "tendered"} <= set(short.value.errors)
    with pytest.raises(ValidationError) as no_ref:
        core.payments.sell(
            cashier, sale_form(LineInput("", 1, 1_000), payer=""), PaymentForm("qris")
        )
    assert {"payer_name", "lines.0.description", "reference"} <= set(no_ref.value.errors)
    assert table_counts(core) == before


def test_the_days_summary_counts_voids_apart(core: Core, cashier: Actor, supervisor: Actor) -> None:
    first = core.payments.sell(cashier, sale_form(), cash())
    core.payments.sell(cashier, sale_form(), PaymentForm("qris", None, "QR-123456"))
    core.payments.sell(cashier, sale_form(), cash(10_000))
    core.payments.void(supervisor, first.number, "Salah input pembayar")
    summary = core.payments.receipts_summary(ReceiptFilter())
    assert (summary.count, summary.voided, summary.total) == (3, 1, 12_000)
    assert summary.by_method == {"qris": 6_000, "cash": 6_000}
    assert core.payments.count_receipts(ReceiptFilter()) == summary.count
    found = core.payments.receipts_summary(ReceiptFilter(text=first.number))
    assert (found.count, found.voided, found.total) == (1, 1, 0)


def test_a_supervisor_sees_and_closes_every_open_shift(
    core: Core, cashier: Actor, supervisor: Actor
) -> None:
    core.payments.sell(cashier, sale_form(), cash())
    core.payments.open_shift(supervisor, 0)
    shifts = core.payments.open_shifts(supervisor)
    assert [s.operator for s in shifts] == [cashier.username, supervisor.username]
    closed = core.payments.close_shift(
        supervisor, shifts[0].id, {"100000": 2, "5000": 1, "1000": 1}
    )
    assert closed.difference == 0 and not closed.is_open
    assert [s.operator for s in core.payments.open_shifts(cashier)] == [supervisor.username]


def test_voiding_cash_of_a_closed_shift_refunds_from_the_voiders_drawer(
    core: Core, cashier: Actor, supervisor: Actor
) -> None:
    shift = core.payments.current_shift(cashier)
    assert shift is not None
    paid = core.payments.sell(cashier, sale_form(), cash(10_000))  # Rp6.000 in the drawer
    closed = core.payments.close_shift(cashier, shift.id, {"100000": 2, "5000": 1, "1000": 1})
    assert closed.expected_cash == 206_000 and closed.difference == 0
    # Nobody's drawer to pay the refund from: refused, nothing written.
    with pytest.raises(DomainError) as refused:
        core.payments.void(supervisor, paid.number, "Pelanggan membatalkan")
    assert refused.value.field == "shift"
    assert not core.payments.receipt(paid.number).voided
    mine = core.payments.open_shift(supervisor, 50_000)
    core.payments.void(supervisor, paid.number, "Pelanggan membatalkan")
    # The closed shift's figures stay as counted; the refund leaves the voider's drawer.
    after = core.payments.shift(shift.id)
    assert (after.expected_cash, after.cash_in, after.void_count) == (206_000, 6_000, 0)
    now = core.payments.shift(mine.id)
    assert (now.cash_refunds, now.expected_cash) == (6_000, 44_000)
    pdf = core.payments.cashup_pdf(supervisor, mine.id)
    assert pdf.startswith(b"%PDF")


def test_a_provisional_report_shows_the_cash_being_counted(core: Core, cashier: Actor) -> None:
    import io

    from pypdf import PdfReader

    shift = core.payments.current_shift(cashier)
    assert shift is not None
    core.payments.sell(cashier, sale_form(), cash())
    pdf = core.payments.cashup_pdf(cashier, shift.id, {"100000": 2, "1000": 4})
    text = " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert "Rp204.000" in text  # counted
    assert "Rp2.000 kurang" in text  # against the expected Rp206.000
    assert core.payments.shift(shift.id).counted is None  # nothing was saved


def test_search_by_reference_and_by_the_numbers_digits_not_the_year(
    core: Core, cashier: Actor
) -> None:
    for _ in range(21):
        core.payments.sell(cashier, sale_form(), cash())
    qris = core.payments.sell(cashier, sale_form(), PaymentForm("qris", None, "QR-778899"))
    twenty = [r.number for r in core.payments.receipts(ReceiptFilter(text="20"))]
    assert [n[-6:] for n in twenty] == ["000020"]
    assert [r.number for r in core.payments.receipts(ReceiptFilter(text="qr-7788"))] == [
        qris.number
    ]
    assert len(core.payments.receipts(ReceiptFilter(text="KW/D01"))) == 22
    assert len(core.payments.receipts(ReceiptFilter(text="6.000"))) == 22  # the amount
