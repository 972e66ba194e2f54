"""Issue 13, point 7 (the cash-up: a difference needs a note; full names and both
signatories) and the rule that official documents print in Indonesian whatever
language the interface speaks (cash-up, lease agreement, statement, reminder)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from smesco_desk import i18n
from smesco_desk.domain.payments import cashup_note_errors
from smesco_desk.errors import ValidationError
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from tests.core.helpers_core import FakeClock, cash, sale_form, table_counts
from tests.core.helpers_foodcourt import stall_form, tenant_form
from tests.core.test_foodcourt_tenancy import lease, pdf_text

SHORT = {"100000": 1}  # Rp100.000 counted against Rp106.000 expected: Rp6.000 short


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language("en")
    try:
        assert i18n._("Laporan Tutup Kas") == "Cash-up report"
        yield
    finally:
        i18n.set_language("id")


@pytest.fixture
def named(core: Core, admin: Actor) -> Callable[[Role, str, str], Actor]:
    def make(role: Role, username: str, full_name: str) -> Actor:
        core.users.create(admin, username, full_name, "rahasia-sekali-2026", role.value)
        return core.users.authenticate(username, "rahasia-sekali-2026")

    return make


@pytest.fixture
def sari(core: Core, named: Callable[[Role, str, str], Actor]) -> Actor:
    """A receptionist with a Rp100.000 float and one Rp6.000 cash sale: Rp106.000 expected."""
    sari = named(Role.RECEPTIONIST, "sari", "Sari Wulandari")
    core.payments.open_shift(sari, 100_000)
    core.payments.sell(sari, sale_form(), cash())
    return sari


def test_the_rule_asks_for_a_note_only_when_the_drawer_differs() -> None:
    assert cashup_note_errors(0, "") == {}
    assert cashup_note_errors(-1_000, "Kembalian salah") == {}
    assert cashup_note_errors(-1_000, "   ") == {
        "note": "Kurang Rp1.000: tulis catatan penyebab selisih."
    }
    assert cashup_note_errors(2_500, "")["note"].startswith("Lebih Rp2.500")


@pytest.mark.parametrize("note", ["", "  \n "])
def test_a_difference_without_a_note_is_refused_at_the_note_and_writes_nothing(
    core: Core, sari: Actor, note: str
) -> None:
    shift = core.payments.current_shift(sari)
    assert shift is not None and shift.expected_cash == 106_000
    before = table_counts(core)
    with pytest.raises(ValidationError) as refused:
        core.payments.close_shift(sari, shift.id, SHORT, note)
    assert refused.value.errors == {"note": "Kurang Rp6.000: tulis catatan penyebab selisih."}
    assert table_counts(core) == before
    assert core.payments.shift(shift.id).is_open


def test_a_difference_with_a_note_and_an_exact_count_without_one_close(
    core: Core, sari: Actor, named: Callable[[Role, str, str], Actor]
) -> None:
    shift = core.payments.current_shift(sari)
    assert shift is not None
    closed = core.payments.close_shift(sari, shift.id, SHORT, "Kembalian tamu terakhir")
    assert (closed.difference, closed.note) == (-6_000, "Kembalian tamu terakhir")
    rudi = named(Role.RECEPTIONIST, "rudi", "Rudi Hartono")
    other = core.payments.open_shift(rudi, 6_000)
    exact = core.payments.close_shift(rudi, other.id, {"5000": 1, "1000": 1})
    assert (exact.difference, exact.note) == (0, "")


def test_the_cashup_report_names_both_signatories_in_full(
    core: Core, sari: Actor, named: Callable[[Role, str, str], Actor]
) -> None:
    hendra = named(Role.SUPERVISOR, "hendra", "Hendra Gunawan")
    shift = core.payments.current_shift(sari)
    assert shift is not None
    closed = core.payments.close_shift(hendra, shift.id, SHORT, "Selisih dicatat supervisor")
    assert (closed.closed_by, closed.closed_by_name) == ("hendra", "Hendra Gunawan")
    assert closed.receiver_name == "Hendra Gunawan"
    text = pdf_text(core.payments.cashup_pdf(hendra, shift.id))
    assert "Penerima Hendra Gunawan" in text and "hendra" not in text
    assert "Kasir yang menyerahkan Supervisor yang menerima" in text
    assert "Sari Wulandari Hendra Gunawan" in text  # the two names under the signatures
    assert "Catatan: Selisih dicatat supervisor" in text


def test_a_cashier_who_closes_her_own_shift_leaves_the_receiver_to_write(
    core: Core, sari: Actor
) -> None:
    shift = core.payments.current_shift(sari)
    assert shift is not None
    closed = core.payments.close_shift(sari, shift.id, {"100000": 1, "5000": 1, "1000": 1})
    assert (closed.closed_by_name, closed.receiver_name) == ("Sari Wulandari", "")
    text = pdf_text(core.payments.cashup_pdf(sari, shift.id))
    assert "Sari Wulandari" in text and "(....." in text and "Penerima" not in text


@pytest.mark.usefixtures("english")
def test_the_cashup_report_prints_in_indonesian_under_an_english_interface(
    core: Core, sari: Actor
) -> None:
    shift = core.payments.current_shift(sari)
    assert shift is not None
    text = pdf_text(core.payments.cashup_pdf(sari, shift.id, SHORT))
    for expected in ("Laporan Kas Shift", "SEMENTARA", "Modal awal", "Tunai", "SELISIH",
                     "Rp6.000 kurang", "Kasir yang menyerahkan"):  # fmt: skip
        assert expected in text, expected
    for english_word in ("Cash-up", "PROVISIONAL", "Opening float", "Cash ", "DIFFERENCE"):
        assert english_word not in text, english_word


@pytest.mark.usefixtures("english")
def test_the_tenancy_documents_print_in_indonesian_under_an_english_interface(
    core: Core, admin: Actor, tenant_manager: Actor, clock: FakeClock
) -> None:
    core.foodcourt.save_stall(admin, stall_form())
    tenant = core.foodcourt.save_tenant(tenant_manager, tenant_form())
    made = lease(core, tenant_manager, tenant.id, date(2026, 3, 10), date(2026, 9, 9))
    agreement = pdf_text(core.foodcourt.lease_agreement_pdf(tenant_manager, made.id))
    statement = pdf_text(core.foodcourt.statement_pdf(tenant_manager, tenant.id))
    assert "PERJANJIAN SEWA STAN" in agreement and "Halaman 1 dari" in agreement
    assert "LAPORAN TAGIHAN TENAN" in statement and "Deposit stan FC2-07" in statement
    clock.set_wib(2026, 3, 20, 10)  # the deposit is ten days overdue
    reminder = pdf_text(core.foodcourt.reminder_pdf(tenant_manager, tenant.id, date(2026, 3, 27)))
    assert "Jakarta, 20 Maret 2026" in reminder and "Jumlah tunggakan" in reminder
    assert "Deposit stan FC2-07" in reminder  # the charge's text, stored in Indonesian
    for text in (agreement, statement, reminder):
        assert "Page " not in text and "AGREEMENT" not in text and "STATEMENT" not in text
        assert "Stall FC2-07 deposit" not in text and "Due " not in text
