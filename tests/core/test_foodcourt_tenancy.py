"""A tenancy's life on a real database: the deposit returned less deductions
(paid out by a cashier through the payments area and counted in the shift),
its limits (never above the deposit, never unpaid, once only), renewal (the
lease extended, or a following lease at a new rent, and the lease in the
way), and the notice fee of an early end at the administrator's settings.
The clock: Tuesday 10 March 2026."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from pypdf import PdfReader

from smesco_desk.errors import AlreadyDone, DomainError, PermissionDenied, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.services.foodcourt import LeaseConflict
from smesco_desk.values.foodcourt import LeaseForm, LeaseRecord, TenantInfo
from smesco_desk.values.payments import PaymentForm
from tests.core.helpers_core import FakeClock, rows, scalar, table_counts
from tests.core.helpers_foodcourt import stall_form, tenant_form


@pytest.fixture
def tenant(core: Core, admin: Actor, tenant_manager: Actor) -> TenantInfo:
    core.foodcourt.save_stall(admin, stall_form())
    return core.foodcourt.save_tenant(tenant_manager, tenant_form())


def lease(core: Core, actor: Actor, tenant_id: str, first: date, last: date) -> LeaseRecord:
    return core.foodcourt.lease(actor, LeaseForm(tenant_id, "FC2-07", first, last))


def pay_deposit(core: Core, actor: Actor, made: LeaseRecord) -> str:
    if core.payments.current_shift(actor) is None:
        core.payments.open_shift(actor, 0)
    receipt = core.payments.pay(actor, made.deposit_charge_id or "", PaymentForm("cash"))
    return receipt.number


def test_the_deposit_goes_back_less_deductions_through_the_cash_shift(
    core: Core, tenant_manager: Actor, tenant: TenantInfo, clock: FakeClock
) -> None:
    made = lease(core, tenant_manager, tenant.id, date(2026, 3, 10), date(2026, 9, 9))
    number = pay_deposit(core, tenant_manager, made)
    with pytest.raises(DomainError, match="masih berjalan"):
        core.foodcourt.return_deposit(tenant_manager, made.id, [])
    core.foodcourt.end_lease(tenant_manager, made.id, date(2026, 3, 31), waive_fee=True)
    back = core.foodcourt.return_deposit(
        tenant_manager, made.id, [("Kerusakan meja", 150_000), ("  Kunci   hilang ", 50_000)]
    )
    assert (back.deposit, back.returned) == (6_000_000, 5_800_000)
    assert back.deductions == (("Kerusakan meja", 150_000), ("Kunci hilang", 50_000))
    (due,) = core.payments.refunds_due(tenant.id)
    assert (due.id, due.total, due.status) == (back.credit_id, -5_800_000, "refund_due")
    lines = rows(core, "SELECT description, amount FROM charge_lines WHERE charge_id = :c "
                       "ORDER BY line_no", c=due.id)  # fmt: skip
    assert [tuple(r) for r in lines] == [("Deposit stan FC2-07 dikembalikan", -6_000_000),
                                         ("Potongan: Kerusakan meja", 150_000),
                                         ("Potongan: Kunci hilang", 50_000)]  # fmt: skip
    with pytest.raises(AlreadyDone):
        core.foodcourt.return_deposit(tenant_manager, made.id, [])
    payout = core.payments.pay_refund(tenant_manager, due.id, "cash")
    assert payout.amount == 5_800_000
    shift = core.payments.current_shift(tenant_manager)
    assert shift is not None
    assert (shift.payouts_cash, shift.expected_cash) == (5_800_000, 200_000)
    assert core.payments.refunds_due(tenant.id) == []
    statement = core.foodcourt.statement(tenant.id)
    assert [(e.kind, e.amount) for e in statement.entries] == [
        ("charge", 6_000_000), ("payment", -6_000_000), ("credit", -6_000_000),
        ("credit", 150_000), ("credit", 50_000), ("payout", 5_800_000)]  # fmt: skip
    assert [e.balance for e in statement.entries] == [6_000_000, 0, -6_000_000, -5_850_000,
                                                      -5_800_000, 0]  # fmt: skip
    assert statement.entries[1].reference == number and statement.closing == 0
    assert scalar(core, "SELECT kind FROM tenant_charges WHERE charge_id = :c", c=due.id) == (
        "deposit_return")  # fmt: skip
    queued = rows(core, "SELECT entity_id FROM outbox WHERE entity = 'tenant_charges'")
    billed = rows(core, "SELECT id FROM tenant_charges")
    assert sorted(q[0] for q in queued) == sorted(b[0] for b in billed)  # each synced once


def test_deductions_never_exceed_the_deposit_and_need_a_reason(
    core: Core, tenant_manager: Actor, tenant: TenantInfo, clock: FakeClock
) -> None:
    made = lease(core, tenant_manager, tenant.id, date(2026, 1, 10), date(2026, 3, 9))
    pay_deposit(core, tenant_manager, made)
    before = table_counts(core)
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.return_deposit(
            tenant_manager, made.id, [("Cat dinding", 5_000_000), ("Lantai", 1_000_001)]
        )
    assert set(refused.value.errors) == {"deductions"}
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.return_deposit(tenant_manager, made.id, [(" ", 10), ("Meja", 0)])
    assert set(refused.value.errors) == {"deductions.0.reason", "deductions.1.amount"}
    assert table_counts(core) == before
    kept = core.foodcourt.return_deposit(tenant_manager, made.id, [("Renovasi stan", 6_000_000)])
    assert (kept.returned, kept.credit_id) == (0, None)  # all kept: nothing to pay out
    assert core.payments.refunds_due() == []
    with pytest.raises(AlreadyDone):
        core.foodcourt.return_deposit(tenant_manager, made.id, [])


def test_an_unpaid_deposit_is_not_returned(
    core: Core, tenant_manager: Actor, receptionist: Actor, tenant: TenantInfo
) -> None:
    made = lease(core, tenant_manager, tenant.id, date(2026, 1, 10), date(2026, 3, 9))
    with pytest.raises(DomainError, match="belum dibayar"):
        core.foodcourt.return_deposit(tenant_manager, made.id, [])
    with pytest.raises(PermissionDenied):
        core.foodcourt.return_deposit(receptionist, made.id, [])


def test_renewal_extends_at_the_same_rent_or_follows_at_a_new_one(
    core: Core, tenant_manager: Actor, tenant: TenantInfo, clock: FakeClock
) -> None:
    made = lease(core, tenant_manager, tenant.id, date(2026, 1, 31), date(2026, 4, 30))
    pay_deposit(core, tenant_manager, made)
    longer = core.foodcourt.renew_lease(tenant_manager, made.id, date(2026, 7, 30))
    assert (longer.id, longer.starts_on, longer.ends_on, longer.planned_ends_on) == (
        made.id, date(2026, 1, 31), date(2026, 7, 30), date(2026, 7, 30))  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.renew_lease(tenant_manager, made.id, date(2026, 7, 30))
    assert set(refused.value.errors) == {"ends_on"}
    following = core.foodcourt.renew_lease(tenant_manager, made.id, date(2027, 1, 30), 3_300_000)
    assert following.id != made.id
    assert (following.starts_on, following.ends_on, following.rent, following.due_day) == (
        date(2026, 7, 31), date(2027, 1, 30), 3_300_000, 31)  # fmt: skip
    assert (following.deposit, following.deposit_charge_id) == (6_000_000, made.deposit_charge_id)
    assert core.foodcourt.get_lease(made.id).ends_on == date(2026, 7, 30)
    assert scalar(core, "SELECT count(*) FROM charges") == 1  # no second deposit
    clock.set_wib(2026, 8, 1, 9)
    with pytest.raises(DomainError, match="perpanjangan"):
        core.foodcourt.return_deposit(tenant_manager, made.id, [])
    clock.set_wib(2027, 1, 31, 9)
    back = core.foodcourt.return_deposit(tenant_manager, following.id, [])
    assert back.returned == 6_000_000


def test_renewal_is_refused_when_a_lease_is_in_the_way(
    core: Core, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    made = lease(core, tenant_manager, tenant.id, date(2026, 3, 1), date(2026, 5, 31))
    other = core.foodcourt.save_tenant(tenant_manager, tenant_form(name="Bakso Cak Man"))
    next_one = lease(core, tenant_manager, other.id, date(2026, 7, 1), date(2026, 9, 30))
    before = table_counts(core)
    with pytest.raises(LeaseConflict) as refused:
        core.foodcourt.renew_lease(tenant_manager, made.id, date(2026, 7, 1))
    assert refused.value.lease.id == next_one.id and "Bakso Cak Man" in refused.value.message
    with pytest.raises(LeaseConflict):
        core.foodcourt.renew_lease(tenant_manager, made.id, date(2026, 8, 31), 3_500_000)
    assert table_counts(core) == before
    renewed = core.foodcourt.renew_lease(tenant_manager, made.id, date(2026, 6, 30))
    assert renewed.ends_on == date(2026, 6, 30)  # up to the day before the next one


def test_a_short_notice_costs_the_fee_the_administrator_set(
    core: Core, admin: Actor, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    assert core.foodcourt.notice_policy() == core.foodcourt.notice_policy().__class__(30, 1)
    with pytest.raises(PermissionDenied):
        core.foodcourt.set_notice_policy(tenant_manager, 60, 2)
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.set_notice_policy(admin, 400, -1)
    assert set(refused.value.errors) == {"foodcourt_notice_days", "foodcourt_notice_fee_periods"}
    assert core.foodcourt.set_notice_policy(admin, 45, 2).fee_periods == 2
    short = lease(core, tenant_manager, tenant.id, date(2026, 1, 1), date(2026, 6, 30))
    ended = core.foodcourt.end_lease(tenant_manager, short.id, date(2026, 3, 31), "Pindah lokasi")
    assert ended.ends_on == date(2026, 3, 31)  # told today (10 March): 21 days of 45
    fee = rows(core, "SELECT c.total, c.status, t.kind, t.period_start, t.period_end, t.due_on "
                     "FROM charges c JOIN tenant_charges t ON t.charge_id = c.id "
                     "WHERE t.kind = 'notice_fee'")  # fmt: skip
    assert [tuple(f) for f in fee] == [(6_000_000, "open", "notice_fee", "2026-04-01",
                                        "2026-06-30", "2026-03-31")]  # fmt: skip
    assert ended.owed == 6_000_000 + 6_000_000  # the deposit and the fee
    later = lease(core, tenant_manager, tenant.id, date(2026, 7, 1), date(2026, 12, 31))
    core.foodcourt.end_lease(tenant_manager, later.id, date(2026, 9, 30),
                             notice_on=date(2026, 8, 1))  # 60 days: enough  # fmt: skip
    waived = lease(core, tenant_manager, tenant.id, date(2027, 1, 1), date(2027, 6, 30))
    core.foodcourt.end_lease(tenant_manager, waived.id, date(2027, 1, 31), waive_fee=True)
    full = lease(core, tenant_manager, tenant.id, date(2027, 7, 1), date(2027, 7, 31))
    core.foodcourt.end_lease(tenant_manager, full.id, date(2027, 7, 31))  # the agreed end
    assert scalar(core, "SELECT count(*) FROM tenant_charges WHERE kind = 'notice_fee'") == 1
    audits = rows(core, "SELECT detail FROM audit_log WHERE action = 'lease.end'")
    fees = sorted(json.loads(a[0])["notice_fee"] for a in audits)
    assert fees == [0, 0, 0, 6_000_000]


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


LONG_NAME = "Warung Nasi Kapau dan Soto Padang Uni Rahmawati Sejahtera Abadi Bersama Keluarga"


def test_the_documents_say_everything_and_their_prints_are_noted(
    core: Core, admin: Actor, tenant_manager: Actor, clock: FakeClock
) -> None:
    core.settings.set(admin, "building_npwp", "01.234.567.8-901.000")
    core.foodcourt.save_stall(admin, stall_form(gas=True))
    tenant = core.foodcourt.save_tenant(tenant_manager, tenant_form(name=LONG_NAME))
    made = lease(core, tenant_manager, tenant.id, date(2026, 3, 10), date(2026, 9, 9))
    with pytest.raises(DomainError, match="tidak punya tagihan"):  # the deposit is due today
        core.foodcourt.reminder_pdf(tenant_manager, tenant.id)
    preview = core.foodcourt.lease_agreement_pdf(tenant_manager, made.id, record_print=False)
    assert scalar(core, "SELECT count(*) FROM audit_log WHERE action LIKE '%print'") == 0
    text = pdf_text(preview)
    for expected in ("PERJANJIAN SEWA STAN", "Selasa, tanggal 10 Maret 2026", LONG_NAME,
                     "0012 3456 7890 1000", "listrik (meter PLN-207-53117), air bersih, "
                     "sambungan gas", "10 Maret 2026 sampai dengan 9 September 2026",
                     "setiap tanggal 10 tiap bulan", "Rp6.000.000 (enam juta rupiah)",
                     "pukul 21:00 WIB", "halal", "disewakan ulang", "ditagih setiap bulan",
                     "denda keterlambatan", "paling lambat 30 hari", "1 kali sewa per bulan "
                     "(Rp3.000.000)", "Meterai 10.000", "( Pengelola )", "( Ali Rahman )",
                     "Halaman 1 dari 2"):  # fmt: skip
        assert expected in text, expected
    clock.set_wib(2026, 3, 20, 10)
    letter = pdf_text(core.foodcourt.reminder_pdf(tenant_manager, tenant.id, date(2026, 3, 27)))
    for expected in ("Jakarta, 20 Maret 2026", "10-03-2026", "10 hari", "Rp6.000.000",
                     "27 Maret 2026", "Jumlah tunggakan"):  # fmt: skip
        assert expected in letter, expected
    statement = pdf_text(core.foodcourt.statement_pdf(tenant_manager, tenant.id))
    for expected in ("LAPORAN TAGIHAN TENAN", "Per 20 Maret 2026", LONG_NAME, "FC2-07",
                     "Deposit stan FC2-07", "Sisa tagihan Rp6.000.000"):  # fmt: skip
        assert expected in statement, expected
    printed = rows(core, "SELECT action, entity_id FROM audit_log WHERE action LIKE '%print' "
                         "ORDER BY action")  # fmt: skip
    assert [tuple(p) for p in printed] == [("tenant.reminder_print", tenant.id),
                                           ("tenant.statement_print", tenant.id)]  # fmt: skip
    core.foodcourt.lease_agreement_pdf(tenant_manager, made.id)
    assert scalar(core, "SELECT entity_id FROM audit_log WHERE action = 'lease.agreement_print'"
                  ) == made.id  # fmt: skip


def test_a_deposit_receipt_with_its_return_owed_or_paid_says_lease_not_booking(
    core: Core, tenant_manager: Actor, tenant: TenantInfo, clock: FakeClock
) -> None:
    made = lease(core, tenant_manager, tenant.id, date(2026, 3, 10), date(2026, 9, 9))
    number = pay_deposit(core, tenant_manager, made)
    assert core.payments.void_refusal(number) == ""
    core.foodcourt.end_lease(tenant_manager, made.id, date(2026, 3, 31), waive_fee=True)
    back = core.foodcourt.return_deposit(tenant_manager, made.id, [])
    owed = core.payments.void_refusal(number)
    assert owed.startswith("Sewa ini punya pengembalian Rp6.000.000") and "emesanan" not in owed
    core.payments.pay_refund(tenant_manager, back.credit_id, "cash")
    paid = core.payments.void_refusal(number)
    assert paid.startswith("Pengembalian Rp6.000.000 untuk sewa ini sudah dibayarkan")
