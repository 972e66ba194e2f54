"""The bookings' policies (kept as settings by an administrator) and what they
cost a booking that is cancelled or let go as a no-show.

The fee (smesco_desk.domain.booking_policy) becomes the booking's charge:

- an unpaid charge is cancelled and, when there is a fee, a new open charge of
  the fee takes its place (one line, the same payer and kind of charge, no tax
  added: the fee is a share of a total that had its taxes in it). The booking
  then owes the fee;
- what a move left open (a difference not paid, a credit not paid out:
  services.bookings.moving) is cancelled; a difference paid counts as paid,
  a credit paid out as paid back;
- a paid charge keeps its receipt; what was paid beyond the fee is owed back
  to the booker: a credit (services.payments.charges.new_credit, status
  `refund_due`) that a cashier pays out (services.payments.refunds). That is
  said on the booking (a line added to its notes) and in the audit entry
  (`refund_due`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import Booking, Charge, Space, SyncedMixin
from smesco_desk.domain.booking_policy import cancels_free, fee_of
from smesco_desk.domain.charges import LineInput
from smesco_desk.domain.money import format_rupiah
from smesco_desk.services.payments.charges import REFUND_DUE, REFUNDED, new_charge, new_credit
from smesco_desk.services.settings import SettingsService
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.bookings import BookingPolicies
from smesco_desk.values.payments import ChargeForm, PayerForm

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

SETTING_KEYS = {
    "free_cancel_hours": "booking_free_cancel_hours",
    "cancel_fee_percent": "booking_cancel_fee_percent",
    "no_show_grace_minutes": "booking_no_show_grace_minutes",
}


def policies(core: Core) -> BookingPolicies:
    """The policies as they stand (the defaults until an administrator sets them)."""
    with core.db.read() as session:
        return policies_in(session)


def policies_in(session: Session) -> BookingPolicies:
    values = {name: SettingsService.get_in(session, key) for name, key in SETTING_KEYS.items()}
    return BookingPolicies(**{name: int(value) for name, value in values.items()})


@dataclass(frozen=True)
class Settlement:
    """What a cancellation or a release cost the booking."""

    fee: int
    percent: int  # the percentage charged (0 when free or waived)
    waived: bool
    refund_due: int  # paid beyond the fee: owed back to the booker

    def detail(self) -> dict[str, Any]:
        return {
            "fee": self.fee,
            "fee_percent": self.percent,
            "waived": self.waived,
            "refund_due": self.refund_due,
        }


def settle(
    tx: Transaction, row: Booking, policy: BookingPolicies, *, waive: bool = False
) -> tuple[Settlement, list[tuple[SyncedMixin, str]]]:
    """Apply the cancellation policy to a booking being cancelled or released
    now: the fee becomes its charge (see the module's docstring). Returns what
    it cost and the rows changed besides the booking (recorded by the caller)."""
    charge = tx.session.get(Charge, row.charge_id) if row.charge_id else None
    rows: list[tuple[SyncedMixin, str]] = []
    extra_paid = _drop_adjustments(tx, row, rows)
    live = charge is not None and charge.status in ("open", "paid")
    total = charge.total if charge is not None and live else 0
    free = cancels_free(row.starts_at, tx.now, policy.free_cancel_hours, row.created_at)
    waived = waive and not free and total > 0
    percent = 0 if free or waived else policy.cancel_fee_percent
    fee = fee_of(total, percent)
    refund = 0
    if charge is not None and charge.status == "open":
        charge.status = "cancelled"
        rows.append((tx.update(charge), "update"))
        if fee:
            row.charge_id = _fee_charge(tx, row, charge, fee, percent).id
    elif charge is not None and charge.status == "paid":
        refund = charge.total + extra_paid - fee
        if refund > 0:  # owed back: a credit the payments area pays out
            row.notes = _with_line(row.notes, _refund_note(fee, percent, refund))
            text = f"Pengembalian pembatalan: {row.title}"
            new_credit(tx, charge, refund, text, f"booking:{row.id}")
    return Settlement(fee, percent, waived, refund), rows


def _drop_adjustments(tx: Transaction, row: Booking, rows: list[tuple[SyncedMixin, str]]) -> int:
    """Cancel what a move left open besides the booking's own charge (a difference
    not paid, a credit not paid out: services.bookings.moving); what was paid of
    such differences."""
    query = select(Charge).where(
        Charge.source == f"booking:{row.id}",
        Charge.deleted_at.is_(None),
        Charge.status.in_(("open", "paid", REFUND_DUE, REFUNDED)),
    )
    paid = 0
    for extra in tx.session.scalars(query):
        if extra.id == row.charge_id:
            continue
        if extra.status in ("paid", REFUNDED):  # (a credit paid out counts against it)
            paid += extra.total
        else:
            extra.status = "cancelled"
            rows.append((tx.update(extra), "update"))
    return paid


def _fee_charge(tx: Transaction, row: Booking, original: Charge, fee: int, percent: int) -> Charge:
    """The open charge of the fee, in place of the booking's unpaid charge."""
    space = tx.session.get(Space, row.space_id)
    name = space.name if space is not None else ""
    # Stored as the receipt prints it (in Indonesian), as the booking's own lines.
    line = LineInput(
        f"Biaya pembatalan {percent}% dari {format_rupiah(original.total)}", 1, fee, 0, "kali"
    )
    form = ChargeForm(
        PayerForm(original.payer_kind, original.payer_name, original.payer_id),
        original.kind_code,
        (line,),
        description=f"Biaya pembatalan {name}: {row.title}"[:200],
        source=f"booking:{row.id}",
    )
    return new_charge(tx, form, untaxed=True)


def _refund_note(fee: int, percent: int, refund: int) -> str:
    if fee:
        return (
            f"Biaya pembatalan {format_rupiah(fee)} ({percent}%); "
            f"dikembalikan kepada pemesan {format_rupiah(refund)}."
        )
    return f"Tanpa biaya pembatalan; dikembalikan kepada pemesan {format_rupiah(refund)}."


def _with_line(notes: str, line: str) -> str:
    return f"{notes.rstrip()}\n{line}" if notes.strip() else line
