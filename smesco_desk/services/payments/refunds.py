"""Money owed back, paid out: a cashier gives a credit's amount back to its payer.

A credit (a charge of minus the amount, status `refund_due`: services.payments
.charges.new_credit, made when a paid booking moves to a cheaper slot or is
cancelled with less than it paid as its fee) is listed by `refunds_due` until
a cashier with an open shift pays it out (`pay_refund`): in cash from the
drawer, or by bank transfer or QRIS with the transaction's reference. The
payout is a fact (`refund_payouts`, append-only, one per credit), the credit
becomes `refunded`, and both are audited and synced in one transaction. Cash
paid out leaves the shift's expected cash (services.payments.shifts.summary)
and is listed on its cash-up report; a cash payout above what the drawer
should hold is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from smesco_desk.db.models import Charge, RefundPayout
from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.payments import PaymentMethod
from smesco_desk.domain.text import unstorable
from smesco_desk.errors import AlreadyDone, NotFound, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.payments.charges import REFUND_DUE, REFUNDED
from smesco_desk.services.payments.mapping import payout_value
from smesco_desk.services.payments.paying import check_payment_possible
from smesco_desk.services.payments.shifts import new_shift, open_shift_row, summary
from smesco_desk.services.queries import get_live, live
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.payments import RefundPayoutRecord

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

PAYOUT_METHODS = (PaymentMethod.CASH, PaymentMethod.TRANSFER, PaymentMethod.QRIS)
MIN_REFERENCE = 4


def pay_refund(
    core: Core,
    actor: Actor,
    charge_id: str,
    method: str,
    reference: str = "",
    *,
    open_shift: bool = False,
) -> RefundPayoutRecord:
    """Pay a credit out to its payer from the actor's open shift (see the module's
    docstring). ValidationError at "method" or "reference"; DomainError with no
    shift open, AlreadyDone when it was paid out (or is no credit owed).
    `open_shift` (the command line's till, as `sell`): with none open, one is
    opened with a zero float in the same transaction."""
    require(actor, Permission.TAKE_PAYMENT)
    clean_method, clean_reference = _check_fields(method, reference)
    if not isinstance(charge_id, str) or unstorable(charge_id):
        raise NotFound(_("Tagihan tidak ditemukan."))
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        if open_shift and open_shift_row(session, tx.desk, actor.shift_owner) is None:
            new_shift(tx, 0)
        shift = check_payment_possible(tx, payout=True)
        credit = get_live(session, Charge, charge_id, _("Tagihan tidak ditemukan."))
        if credit.status == REFUNDED:
            raise AlreadyDone(_("Pengembalian dana ini sudah dibayarkan."))
        if credit.status != REFUND_DUE or credit.total >= 0:
            raise AlreadyDone(_("Tagihan ini bukan pengembalian dana yang belum dibayar."))
        amount = -credit.total
        if clean_method is PaymentMethod.CASH:
            in_drawer = summary(session, shift).expected_cash
            if amount > in_drawer:
                raise ValidationError(
                    {
                        "method": _(
                            "Kas di laci seharusnya {cash}, kurang untuk membayar {amount} "
                            "tunai. Bayar lewat transfer atau QRIS."
                        ).format(cash=format_rupiah(in_drawer), amount=format_rupiah(amount))
                    }
                )
        payout = RefundPayout(
            charge_id=credit.id,
            shift_id=shift.id,
            paid_at=tx.now,
            paid_by=actor.username,
            paid_by_name=actor.full_name or actor.username,
            amount=amount,
            method=clean_method.value,
            reference=clean_reference,
        )
        tx.insert(payout)
        credit.status = REFUNDED
        tx.update(credit)
        detail = {"payer": credit.payer_name, "amount": amount, "method": payout.method}
        tx.record("refund.pay_out", [(payout, "insert"), (credit, "update")], detail)
        session.flush()
        return payout_value(session, payout)


def refund_payout(core: Core, payout_id: str) -> RefundPayoutRecord:
    """A payout by its id (or the id of the credit it paid out)."""
    with core.db.read() as session:
        if not isinstance(payout_id, str) or unstorable(payout_id):
            raise NotFound(_("Pengembalian dana tidak ditemukan."))
        row = session.get(RefundPayout, payout_id)
        if row is None:
            row = session.scalar(select(RefundPayout).where(RefundPayout.charge_id == payout_id))
        return payout_value(session, live(row, _("Pengembalian dana tidak ditemukan.")))


def _check_fields(method: Any, reference: Any) -> tuple[PaymentMethod, str]:
    errors: dict[str, str] = {}
    chosen: PaymentMethod | None = None
    if isinstance(method, str) and method in {m.value for m in PAYOUT_METHODS}:
        chosen = PaymentMethod(method)
    else:
        errors["method"] = _("Pilih cara pengembalian: tunai, transfer, atau QRIS.")
    if not isinstance(reference, str) or unstorable(reference):
        errors["reference"] = _("Berisi karakter yang tidak dapat disimpan.")
        reference = ""
    clean = " ".join(reference.split())[:100]
    if chosen is not None and chosen is not PaymentMethod.CASH and len(clean) < MIN_REFERENCE:
        errors["reference"] = _(
            "Isi nomor referensi transaksi (paling sedikit {n} karakter)."
        ).format(n=MIN_REFERENCE)
    if errors or chosen is None:
        raise ValidationError(errors)
    return chosen, clean
