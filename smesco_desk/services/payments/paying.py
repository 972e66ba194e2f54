"""Paying a charge: the receipt (kuitansi) and its number, in one transaction.

A payment and its receipt are one row (`receipts`), written with its number, its
audit row and its outbox rows: after a crash either all of it exists or none of
it. The number is taken from the desk's series inside that transaction (see
series): two processes on one file wait for each other (IMMEDIATE transactions).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from smesco_desk.clock import to_wib
from smesco_desk.db.models import CashShift, Charge, DeskSetting, Receipt, SyncedMixin
from smesco_desk.domain.charges import AmountError, LineInput, oldest_first
from smesco_desk.domain.text import fold
from smesco_desk.errors import AlreadyDone, DomainError, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.approvals import Approval
from smesco_desk.services.payments import overrides, series
from smesco_desk.services.payments.charges import new_charge
from smesco_desk.services.payments.mapping import receipt_value
from smesco_desk.services.payments.shifts import new_shift, open_shift_row
from smesco_desk.services.payments.tender import validate_payment
from smesco_desk.services.queries import get_live
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.payments import ChargeForm, PayerForm, PaymentForm, ReceiptRecord

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def pay(core: Core, actor: Actor, charge_id: str, payment: PaymentForm) -> ReceiptRecord:
    """Pay a whole open charge: the receipt is committed when this returns."""
    require(actor, Permission.TAKE_PAYMENT)
    with Transaction.begin(core, actor) as tx:
        charge = get_live(tx.session, Charge, charge_id, _("Tagihan tidak ditemukan."))
        return receipt_value(tx.session, issue(tx, charge, payment))


def pay_charges(
    core: Core,
    actor: Actor,
    charge_ids: Sequence[str],
    payment: PaymentForm,
    amount: int | None = None,
) -> ReceiptRecord:
    """Pay several open charges of one payer with one receipt, committed when this
    returns. They are taken oldest first (those made at one time in the order
    given: a caller that knows their due days lists them so); `amount` (None: all of them) pays the
    oldest in full up to exactly that sum (domain.charges.oldest_first), the rest
    stay open. One charge is paid as `pay` pays it; several are gathered into one
    charge (a line each, their taxes already inside them) that the receipt pays,
    and each is paid with `settled_by` naming it (a void opens them again)."""
    require(actor, Permission.TAKE_PAYMENT)
    with Transaction.begin(core, actor) as tx:
        charges = _open_of_one_payer(tx.session, charge_ids)
        try:
            count = oldest_first([c.total for c in charges], amount)
        except AmountError as exc:
            raise ValidationError(exc.errors) from exc
        paid = charges[:count]
        if len(paid) == 1:
            return receipt_value(tx.session, issue(tx, paid[0], payment))
        return receipt_value(tx.session, issue(tx, _gather(tx, paid), payment))


def _open_of_one_payer(session: Session, charge_ids: Sequence[str]) -> list[Charge]:
    ids = list(dict.fromkeys(charge_ids))
    if not ids:
        raise ValidationError({"charges": _("Pilih tagihan yang dibayar.")})
    rows = [get_live(session, Charge, i, _("Tagihan tidak ditemukan.")) for i in ids]
    if any(c.status != "open" for c in rows):
        raise AlreadyDone(_("Sebagian tagihan ini sudah dibayar. Muat ulang daftarnya."))
    if any(c.total <= 0 for c in rows):
        raise ValidationError({"charges": _("Total Rp0: tidak ada yang perlu dibayar.")})
    if len({(c.payer_kind, c.payer_id, c.payer_name) for c in rows}) > 1:
        raise ValidationError({"charges": _("Satu kuitansi hanya untuk satu pembayar.")})
    return sorted(rows, key=lambda c: c.created_at)  # (stable: made together, as given)


def _gather(tx: Transaction, charges: list[Charge]) -> Charge:
    """One open charge whose lines are `charges` (each its whole total, untaxed:
    the taxes are inside); they are paid by it (`settled_by`)."""
    first = charges[0]
    form = ChargeForm(
        payer=PayerForm(first.payer_kind, first.payer_name, first.payer_id),
        kind_code=first.kind_code,
        lines=tuple(LineInput(c.description or _("Tagihan"), 1, c.total) for c in charges),
        description=_("{count} tagihan dibayar sekaligus").format(count=len(charges)),
        source=f"charges:{first.payer_id or first.id}",
    )
    gathered = new_charge(tx, form, untaxed=True)
    for charge in charges:
        charge.status = "paid"
        charge.settled_by = gathered.id
        tx.update(charge)
    tx.record(
        "charge.gather",
        [(c, "update") for c in charges],
        {"settled_by": gathered.id, "total": gathered.total},
    )
    return gathered


def sell(
    core: Core,
    actor: Actor,
    form: ChargeForm,
    payment: PaymentForm,
    *,
    open_shift: bool = False,
    approval: Approval | None = None,
) -> ReceiptRecord:
    """A sale at the desk: the charge, its payment and its receipt in one transaction.

    `open_shift` (the command line's till): with no open shift, one is opened
    with a zero float in the same transaction, so a refused sale opens none.
    A price changed from the price list, or a discount above the limit, needs
    `approval` unless the actor may approve (overrides); else ApprovalRequired.
    """
    require(actor, Permission.TAKE_PAYMENT)
    with Transaction.begin(core, actor) as tx:
        if open_shift and open_shift_row(tx.session, tx.desk, actor.shift_owner) is None:
            new_shift(tx, 0)
        check_payment_possible(tx)
        charge = new_charge(tx, form, payment)
        receipt = issue(tx, charge, payment)
        # After every check of the input: bad input is said before a want of approval.
        overrides.check(tx, form.lines, charge, approval)
        return receipt_value(tx.session, receipt)


def check_payment_possible(tx: Transaction, *, payout: bool = False) -> CashShift:
    """The actor's open shift, which the payment goes into (or, `payout`, a
    refund comes out of); refused while the desk waits for a sync after a
    restore, or with no shift open."""
    if tx.session.get(DeskSetting, series.RESTORED_HOLD) is not None:
        raise DomainError(
            _(
                "Desk ini dipulihkan dari cadangan. Sinkronkan dulu dengan server "
                "agar nomor kuitansi tidak terpakai dua kali."
            ),
            "sync",
        )
    shift = open_shift_row(tx.session, tx.desk, tx.actor.shift_owner)
    if shift is None:
        if payout:
            raise DomainError(
                _("Buka shift kas dulu (isi modal awal) sebelum membayarkan pengembalian dana."),
                "shift",
            )
        raise DomainError(
            _("Buka shift kas dulu (isi modal awal) sebelum menerima pembayaran."), "shift"
        )
    return shift


def issue(tx: Transaction, charge: Charge, form: PaymentForm) -> Receipt:
    """Pay `charge` in full: its receipt, numbered, and the charge marked paid."""
    shift = check_payment_possible(tx)
    if charge.status != "open":
        raise AlreadyDone(_("Tagihan ini sudah dibayar."))
    if charge.total <= 0:
        raise ValidationError({"lines": _("Total Rp0: tidak ada yang perlu dibayar.")})
    clean = validate_payment(form, charge.total)
    desk, now, actor = tx.desk, tx.now, tx.actor
    year = to_wib(now).year
    seq = next_receipt_seq(tx.session, desk, year)
    receipt = Receipt(
        number=series.receipt_number(desk, year, seq),
        desk_code=desk,
        year=year,
        seq=seq,
        charge_id=charge.id,
        shift_id=shift.id,
        issued_at=now,
        payer_name=charge.payer_name,
        payer_key=fold(charge.payer_name),
        total=charge.total,
        method=clean.method.value,
        tendered=clean.tendered,
        change_given=clean.change,
        reference=clean.reference,
        cashier=actor.username,
        cashier_name=actor.full_name or actor.username,
    )
    tx.insert(receipt)
    charge.status = "paid"
    tx.update(charge)
    detail = {"number": receipt.number, "total": receipt.total, "method": receipt.method}
    rows: list[tuple[SyncedMixin, str]] = [(receipt, "insert"), (charge, "update")]
    tx.record("receipt.issue", rows, detail)
    return receipt


def next_receipt_seq(session: Session, desk: str, year: int) -> int:
    """The next number of the desk's series for the year, inside the transaction
    (see series: a restore's gaps and the server's numbers count too)."""
    return series.next_seq(session, desk, year)
