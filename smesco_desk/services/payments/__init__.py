"""Charges, payments and receipts (kuitansi), voids, and the cash-up of a shift.

A payment and its receipt are one row (`receipts`), written in one transaction
with its number, its audit row and its outbox rows: after a crash either all of
it exists or none of it. The number comes from the desk's own gap-free series
for the year (`KW/<desk>/<year>/<seq>`), taken inside that transaction: two
processes on one file wait for each other (IMMEDIATE transactions), two desks
never share a series, and a desk restored from an old backup issues neither a
number its replaced database issued (skipped and recorded as a gap, see
series) nor, when linked, one the server holds before a sync told it.

The work is done by one module per job; `PaymentService` is the front callers
use (`core.payments.sell(...)`), each method handing over to one of them:

- catalogue: kinds of charge and the price list
- charges: charges and quotes (tender: what a payment may be), and credits:
  money owed back to a payer (a negative charge, status `refund_due`)
- paying: paying a charge, the receipt and its number
- overrides: a price changed from the price list, a discount above the limit
  (a supervisor's approval, services.approvals)
- refunds: money owed back (credits) paid out from a shift, and its proof
- receipts: finding receipts, the list's search and totals
- voids: voiding a receipt
- shifts: cash shifts and the cash-up
- series: the receipt series, its gaps, the restore hold and the server's marks
- documents: receipt and cash-up PDFs, prints noted
- mapping: rows to the values in smesco_desk.values.payments
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from smesco_desk.domain.charges import ChargeTotals, LineInput, TaxRule
from smesco_desk.domain.payments import ReceiptFormat
from smesco_desk.services.actors import Actor
from smesco_desk.services.approvals import Approval
from smesco_desk.services.payments import (
    catalogue,
    charges,
    documents,
    overrides,
    paying,
    receipts,
    refunds,
    series,
    shifts,
    voids,
)
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.payments import (
    ChargeForm,
    ChargeKindInfo,
    ChargeRecord,
    DiscountCheck,
    PaymentForm,
    PriceItemInfo,
    ReceiptFilter,
    ReceiptGap,
    ReceiptRecord,
    ReceiptsSummary,
    RefundPayoutRecord,
    ShiftSummary,
)

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


class PaymentService:
    """The payments area's entry points; see the modules named above for how."""

    def __init__(self, core: Core) -> None:
        self.core = core

    # --- the price list and the kinds of charge --------------------------------

    def charge_kinds(self, active_only: bool = True) -> list[ChargeKindInfo]:
        return catalogue.charge_kinds(self.core, active_only)

    def save_charge_kind(
        self,
        actor: Actor,
        code: str,
        label: str,
        taxes: Sequence[TaxRule] = (),
        active: bool = True,
    ) -> ChargeKindInfo:
        return catalogue.save_charge_kind(self.core, actor, code, label, taxes, active)

    def price_list(self, active_only: bool = True) -> list[PriceItemInfo]:
        return catalogue.price_list(self.core, active_only)

    def save_price_item(
        self,
        actor: Actor,
        code: str,
        name: str,
        unit_price: int,
        unit: str = "",
        kind_code: str = "service",
        active: bool = True,
    ) -> PriceItemInfo:
        return catalogue.save_price_item(
            self.core, actor, code, name, unit_price, unit, kind_code, active
        )

    def seed_defaults(self, session: Session, actor: Actor, desk: str) -> None:
        return catalogue.seed_defaults(Transaction.joining(self.core, session, actor, desk))

    # --- charges -------------------------------------------------------------------

    def quote(self, kind_code: str, lines: Sequence[LineInput]) -> ChargeTotals:
        return charges.quote(self.core, kind_code, lines)

    def discount_check(self, lines: Sequence[LineInput]) -> DiscountCheck:
        """The lines whose discount is above the limit (a supervisor approves them)."""
        with self.core.db.read() as session:
            return overrides.discount_check(session, lines)

    def create_charge(
        self, actor: Actor, form: ChargeForm, approval: Approval | None = None
    ) -> ChargeRecord:
        return charges.create_charge(self.core, actor, form, approval)

    def charge(self, charge_id: str) -> ChargeRecord:
        return charges.charge(self.core, charge_id)

    def open_charges(self, payer_id: str | None = None) -> list[ChargeRecord]:
        return charges.open_charges(self.core, payer_id)

    def refunds_due(self, payer_id: str | None = None) -> list[ChargeRecord]:
        """Credits (status `refund_due`, a negative total): money owed back."""
        return charges.refunds_due(self.core, payer_id)

    def pay_refund(
        self,
        actor: Actor,
        charge_id: str,
        method: str,
        reference: str = "",
        *,
        open_shift: bool = False,
    ) -> RefundPayoutRecord:
        """Pay a credit (a refund owed) out to its payer from the actor's open shift."""
        return refunds.pay_refund(
            self.core, actor, charge_id, method, reference, open_shift=open_shift
        )

    def refund_payout(self, payout_id: str) -> RefundPayoutRecord:
        """A refund paid out, by its id or its credit's."""
        return refunds.refund_payout(self.core, payout_id)

    # --- paying --------------------------------------------------------------------

    def pay(self, actor: Actor, charge_id: str, payment: PaymentForm) -> ReceiptRecord:
        return paying.pay(self.core, actor, charge_id, payment)

    def pay_charges(
        self,
        actor: Actor,
        charge_ids: Sequence[str],
        payment: PaymentForm,
        amount: int | None = None,
    ) -> ReceiptRecord:
        """Several open charges of one payer, oldest first, with one receipt."""
        return paying.pay_charges(self.core, actor, charge_ids, payment, amount)

    def sell(
        self,
        actor: Actor,
        form: ChargeForm,
        payment: PaymentForm,
        *,
        open_shift: bool = False,
        approval: Approval | None = None,
    ) -> ReceiptRecord:
        """A price changed from the price list, or a discount above the limit,
        raises ApprovalRequired unless `approval` (services.approvals) covers it."""
        return paying.sell(
            self.core, actor, form, payment, open_shift=open_shift, approval=approval
        )

    # --- receipts ------------------------------------------------------------------

    def receipt(self, key: str) -> ReceiptRecord:
        return receipts.receipt(self.core, key)

    def receipts(
        self, filt: ReceiptFilter, offset: int = 0, limit: int | None = None
    ) -> list[ReceiptRecord]:
        return receipts.receipts(self.core, filt, offset, limit)

    def count_receipts(self, filt: ReceiptFilter) -> int:
        return receipts.count_receipts(self.core, filt)

    def receipts_summary(self, filt: ReceiptFilter) -> ReceiptsSummary:
        return receipts.receipts_summary(self.core, filt)

    def number_gaps(self, filt: ReceiptFilter) -> list[ReceiptGap]:
        return receipts.number_gaps(self.core, filt)

    def record_print(self, actor: Actor, key: str, fmt: ReceiptFormat | str) -> ReceiptRecord:
        return documents.note_print(self.core, actor, key, fmt)

    def void(self, actor: Actor, key: str, reason: str) -> ReceiptRecord:
        return voids.void(self.core, actor, key, reason)

    def void_refusal(self, key: str) -> str:
        """Why a receipt cannot be voided (its money settled by a booking's
        cancellation or a refund owed or paid back), or "" when it can."""
        return voids.void_refusal(self.core, key)

    # --- shifts and the cash-up ------------------------------------------------------

    def current_shift(self, actor: Actor) -> ShiftSummary | None:
        return shifts.current_shift(self.core, actor)

    def open_shift(self, actor: Actor, opening_float: int) -> ShiftSummary:
        return shifts.open_shift(self.core, actor, opening_float)

    def open_shifts(self, actor: Actor) -> list[ShiftSummary]:
        return shifts.open_shifts(self.core, actor)

    def shift(self, shift_id: str) -> ShiftSummary:
        return shifts.shift(self.core, shift_id)

    def shifts(self, day: Any = None) -> list[ShiftSummary]:
        return shifts.shifts(self.core, day)

    def close_shift(
        self, actor: Actor, shift_id: str, counted: dict[str, int], note: str = ""
    ) -> ShiftSummary:
        return shifts.close_shift(self.core, actor, shift_id, counted, note)

    def shift_receipts(self, shift_id: str) -> list[ReceiptRecord]:
        return shifts.shift_receipts(self.core, shift_id)

    def shift_refund_payouts(self, shift_id: str) -> list[RefundPayoutRecord]:
        """The refunds owed paid out in a shift, oldest first."""
        return shifts.shift_refund_payouts(self.core, shift_id)

    # --- restore from a backup and the server's high-water marks ----------------------

    def hold_after_restore(self, session: Session) -> None:
        return series.hold_after_restore(self.core, session)

    @staticmethod
    def apply_server_high_water(
        session: Session, desk: str, high: Iterable[tuple[int, int]]
    ) -> None:
        return series.apply_server_high_water(session, desk, high)

    @staticmethod
    def held_in(session: Session) -> bool:
        return series.held_in(session)

    def restored_hold(self) -> bool:
        return series.restored_hold(self.core)

    # --- documents ---------------------------------------------------------------------

    def receipt_pdf(
        self,
        actor: Actor,
        key: str,
        fmt: ReceiptFormat | str = ReceiptFormat.THERMAL,
        *,
        record_print: bool = True,
    ) -> tuple[ReceiptRecord, bytes]:
        return documents.receipt_pdf(self.core, actor, key, fmt, record_print=record_print)

    def cashup_pdf(
        self, actor: Actor, shift_id: str, counted: dict[str, int] | None = None
    ) -> bytes:
        return documents.cashup_pdf(self.core, actor, shift_id, counted)

    def refund_pdf(self, actor: Actor, payout_id: str) -> tuple[RefundPayoutRecord, bytes]:
        """The proof of a refund paid out (Bukti pengembalian dana), 80 mm wide."""
        return documents.refund_pdf(self.core, actor, payout_id)

    def building(self) -> tuple[str, str]:
        return documents.building(self.core)


__all__ = ["PaymentService"]
