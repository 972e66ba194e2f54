"""Voiding a receipt (BATAL): a supervisor's decision, with a reason, as a new record.

The receipt stays as it was issued; a ReceiptVoid row says it no longer stands.
Its charge is owed again (unless another receipt pays it), so a corrected
receipt can be issued. Cash of a shift already closed is refunded from the
drawer of whoever voids it, and counted in their shift.

A void gives the whole receipt back, so it is refused (`DomainError`, field
"refund", a message naming where the money goes instead; `void_refusal` says it
before anything is typed) when the money of the receipt's charge was already
settled another way:

- a credit for the same source (money owed back, status `refund_due`, or paid
  out, `refunded`: a paid booking cancelled or moved cheaper) exists: voiding
  as well would pay the booker back twice (the credit stays payable, or was
  paid). The refund goes through Pembayaran › Pengembalian dana instead;
- the receipt paid a booking that was later cancelled or let go as a no-show:
  its cancellation decided the money (a fee kept, the rest owed back as a
  credit), and a void would give the kept fee back too.

Cancelling the credit in the void's transaction was not chosen: it would give
back a fee kept on cancellation (the void refunds all of the receipt, the
credit only what was paid beyond the fee) and reopen the charge of a booking
that is over. A receipt paid for a cancelled booking's fee after the
cancellation voids as any other (the fee is owed again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import Booking, CashShift, Charge, Receipt, ReceiptVoid
from smesco_desk.domain.bookings import FREE_STATUSES
from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.payments import PaymentMethod
from smesco_desk.domain.text import unstorable, visible_length
from smesco_desk.errors import AlreadyDone, DomainError, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.payments.charges import REFUND_DUE, REFUNDED
from smesco_desk.services.payments.mapping import receipt_value
from smesco_desk.services.payments.receipts import find
from smesco_desk.services.payments.shifts import open_shift_row
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.payments import ReceiptRecord

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

MIN_VOID_REASON = 5


def void(core: Core, actor: Actor, key: str, reason: str) -> ReceiptRecord:
    """Void (BATAL) a receipt: a supervisor's decision, with a reason, as a new record."""
    require(actor, Permission.VOID_RECEIPT)
    reason = _clean_reason(reason)
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        row = find(core, session, key)
        if session.scalar(select(ReceiptVoid).where(ReceiptVoid.receipt_id == row.id)):
            raise AlreadyDone(_("Kuitansi {number} sudah dibatalkan.").format(number=row.number))
        refusal = _settled_otherwise(session, row)
        if refusal:
            raise DomainError(refusal, "refund")
        shift = open_shift_row(session, tx.desk, actor.shift_owner)
        paid_in = session.get(CashShift, row.shift_id)
        after_close = paid_in is not None and paid_in.closed_at is not None
        if after_close and row.method == PaymentMethod.CASH.value and shift is None:
            # The cash was counted and handed over at that cash-up: the refund
            # comes out of the drawer of whoever voids it now.
            raise DomainError(
                _(
                    "Kuitansi tunai ini berasal dari shift yang sudah ditutup. Buka shift "
                    "kas Anda dulu: uangnya dikembalikan dari laci Anda dan tercatat "
                    "di shift Anda."
                ),
                "shift",
            )
        fact = ReceiptVoid(
            receipt_id=row.id,
            voided_at=tx.now,
            voided_by=actor.username,
            voided_by_name=actor.full_name or actor.username,
            reason=reason[:500],
            shift_id=shift.id if shift else None,
            after_close=after_close,
        )
        changed: list[tuple[Any, str]] = [(tx.insert(fact), "insert")]
        charge = session.get(Charge, row.charge_id)
        if charge is not None and charge.status == "paid" and not _paid_otherwise(session, row):
            charge.status = "open"  # owed again: a corrected receipt can be issued
            changed.append((tx.update(charge), "update"))
        tx.record("receipt.void", changed, {"number": row.number, "reason": fact.reason})
        session.flush()
        return receipt_value(session, row)


def void_refusal(core: Core, key: str) -> str:
    """Why the receipt cannot be voided because its money was settled another
    way (see the module's docstring), or "" when nothing stands in the way."""
    with core.db.read() as session:
        return _settled_otherwise(session, find(core, session, key))


def _settled_otherwise(session: Session, receipt: Receipt) -> str:
    charge = session.get(Charge, receipt.charge_id)
    if charge is None or not charge.source:
        return ""
    credits = session.execute(
        select(Charge.status, Charge.total).where(
            Charge.source == charge.source,
            Charge.deleted_at.is_(None),
            Charge.total < 0,
            Charge.status.in_((REFUND_DUE, REFUNDED)),
        )
    ).all()
    due = -sum(total for status, total in credits if status == REFUND_DUE)
    paid_back = -sum(total for status, total in credits if status == REFUNDED)
    booking = _booking_of(session, charge.source)
    over = booking is not None and booking.status in FREE_STATUSES
    if due:
        if over:
            return _(
                "Pemesanan ini sudah dibatalkan; pengembalian {amount} lewat Pembayaran › "
                "Pengembalian dana. Kuitansinya tidak dapat dibatalkan: uangnya akan "
                "dikembalikan dua kali."
            ).format(amount=format_rupiah(due))
        if charge.source.startswith("lease:"):
            return _(
                "Sewa ini punya pengembalian {amount} yang belum dibayarkan (Pembayaran › "
                "Pengembalian dana). Kuitansinya tidak dapat dibatalkan: uangnya akan "
                "dikembalikan dua kali."
            ).format(amount=format_rupiah(due))
        return _(
            "Pemesanan ini punya pengembalian {amount} yang belum dibayarkan (Pembayaran › "
            "Pengembalian dana). Kuitansinya tidak dapat dibatalkan: uangnya akan "
            "dikembalikan dua kali."
        ).format(amount=format_rupiah(due))
    if paid_back and charge.source.startswith("lease:"):
        return _(
            "Pengembalian {amount} untuk sewa ini sudah dibayarkan. Kuitansinya tidak "
            "dapat dibatalkan: uangnya akan dikembalikan dua kali."
        ).format(amount=format_rupiah(paid_back))
    if paid_back:
        return _(
            "Pengembalian {amount} untuk pemesanan ini sudah dibayarkan. Kuitansinya tidak "
            "dapat dibatalkan: uangnya akan dikembalikan dua kali."
        ).format(amount=format_rupiah(paid_back))
    if over and booking is not None and receipt.issued_at <= booking.updated_at:
        return _(
            "Pemesanan ini sudah dibatalkan dan uang kuitansi ini sudah diperhitungkan "
            "dalam pembatalannya (biaya pembatalan tetap ditahan). Kuitansinya tidak "
            "dapat dibatalkan."
        )
    return ""


def _booking_of(session: Session, source: str) -> Booking | None:
    if not source.startswith("booking:"):
        return None
    return session.get(Booking, source.removeprefix("booking:"))


def _clean_reason(reason: str) -> str:
    if unstorable(reason):
        raise ValidationError({"reason": _("Berisi karakter yang tidak dapat disimpan.")})
    reason = " ".join(reason.split())
    if visible_length(reason) < MIN_VOID_REASON:
        raise ValidationError(
            {
                "reason": _("Tulis alasan pembatalan (paling sedikit {n} huruf).").format(
                    n=MIN_VOID_REASON
                )
            }
        )
    return reason


def _paid_otherwise(session: Session, receipt: Receipt) -> bool:
    """Whether another live (not voided) receipt pays the same charge: voiding a
    charge paid twice (the refund of the second payment) leaves it paid."""
    voided = select(ReceiptVoid.receipt_id).where(ReceiptVoid.deleted_at.is_(None))
    other = select(Receipt.id).where(
        Receipt.charge_id == receipt.charge_id,
        Receipt.id != receipt.id,
        Receipt.deleted_at.is_(None),
        Receipt.id.not_in(voided),
    )
    return session.scalar(other.limit(1)) is not None
