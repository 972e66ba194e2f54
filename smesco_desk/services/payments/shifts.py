"""Cash shifts and the cash-up: a cashier's drawer from its opening float to its count.

Every payment goes into the open shift of whoever takes it, at this desk. At the
cash-up the drawer is counted note by note and the shift closed; what it should
hold is fixed then. A receipt voided after its shift was closed still counts
there (its cash was in the drawer at the count); its cash refund comes out of
the shift of whoever voided it. A refund owed paid out in cash (services.payments
.refunds) comes out of the shift it was paid out in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smesco_desk.clock import wib_day_bounds, wib_today
from smesco_desk.db.models import CashShift, Receipt, ReceiptVoid, RefundPayout, User
from smesco_desk.domain.payments import DENOMINATIONS, PaymentMethod, cashup_note_errors
from smesco_desk.domain.text import unstorable
from smesco_desk.errors import AlreadyDone, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.payments.mapping import payout_values, receipt_records
from smesco_desk.services.queries import get_live
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.payments import ReceiptRecord, RefundPayoutRecord, ShiftSummary

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


# --- opening and finding shifts -------------------------------------------------------


def open_shift_row(session: Session, desk: str, operator: str) -> CashShift | None:
    """The operator's open shift at the desk, if any."""
    return session.scalar(
        select(CashShift)
        .where(
            CashShift.desk_code == desk,
            CashShift.operator == operator,
            CashShift.closed_at.is_(None),
            CashShift.deleted_at.is_(None),
        )
        .order_by(CashShift.opened_at.desc())
        .limit(1)
    )


def current_shift(core: Core, actor: Actor) -> ShiftSummary | None:
    """The actor's open shift at this desk, with its running totals."""
    with core.db.read() as session:
        row = open_shift_row(session, core.desk_code, actor.shift_owner)
        return None if row is None else summary(session, row)


def open_shift(core: Core, actor: Actor, opening_float: int) -> ShiftSummary:
    require(actor, Permission.TAKE_PAYMENT)
    if not isinstance(opening_float, int) or isinstance(opening_float, bool):
        raise ValidationError({"opening_float": _("Modal awal harus angka bulat rupiah.")})
    if not 0 <= opening_float < 10**10:
        raise ValidationError({"opening_float": _("Modal awal tidak boleh negatif.")})
    with Transaction.begin(core, actor) as tx:
        if open_shift_row(tx.session, tx.desk, actor.shift_owner) is not None:
            raise AlreadyDone(_("Shift Anda di desk ini masih terbuka."))
        return summary(tx.session, new_shift(tx, opening_float))


def new_shift(tx: Transaction, opening_float: int) -> CashShift:
    """Open a shift of the transaction's actor with this float."""
    row = CashShift(
        desk_code=tx.desk,
        operator=tx.actor.shift_owner,
        operator_name=tx.actor.shift_owner_name,
        opened_at=tx.now,
        opening_float=opening_float,
        note="",
    )
    tx.insert(row)
    tx.record("shift.open", [(row, "insert")], {"opening_float": opening_float})
    return row


def open_shifts(core: Core, actor: Actor) -> list[ShiftSummary]:
    """Every open shift at this desk (a supervisor may close anyone's)."""
    require(actor, Permission.VIEW_RECEIPTS)
    with core.db.read() as session:
        rows = session.scalars(
            select(CashShift)
            .where(
                CashShift.desk_code == core.desk_code,
                CashShift.closed_at.is_(None),
                CashShift.deleted_at.is_(None),
            )
            .order_by(CashShift.opened_at)
        ).all()
        return [summary(session, r) for r in rows]


def shift(core: Core, shift_id: str) -> ShiftSummary:
    with core.db.read() as session:
        return summary(session, shift_row(session, shift_id))


def shifts(core: Core, day: Any = None) -> list[ShiftSummary]:
    """Shifts at this desk opened on a WIB day (default today), newest first."""
    start, end = wib_day_bounds(day or wib_today(core.now()))
    with core.db.read() as session:
        rows = session.scalars(
            select(CashShift)
            .where(
                CashShift.desk_code == core.desk_code,
                CashShift.opened_at >= start,
                CashShift.opened_at < end,
            )
            .order_by(CashShift.opened_at.desc())
        ).all()
        return [summary(session, r) for r in rows]


def shift_row(session: Session, shift_id: str) -> CashShift:
    return get_live(session, CashShift, shift_id, _("Shift tidak ditemukan."))


def shift_receipts(core: Core, shift_id: str) -> list[ReceiptRecord]:
    with core.db.read() as session:
        rows = session.scalars(
            select(Receipt).where(Receipt.shift_id == shift_id).order_by(Receipt.seq)
        ).all()
        return receipt_records(session, rows)


def shift_refund_payouts(core: Core, shift_id: str) -> list[RefundPayoutRecord]:
    with core.db.read() as session:
        return shift_payouts(session, shift_id)


def shift_payouts(session: Session, shift_id: str) -> list[RefundPayoutRecord]:
    """The refunds paid out in a shift, in the order they were paid."""
    found = session.scalars(
        select(RefundPayout)
        .where(RefundPayout.shift_id == shift_id, RefundPayout.deleted_at.is_(None))
        .order_by(RefundPayout.paid_at, RefundPayout.id)
    ).all()
    return payout_values(session, found)


# --- the cash-up ----------------------------------------------------------------------


def close_shift(
    core: Core, actor: Actor, shift_id: str, counted: dict[str, int], note: str = ""
) -> ShiftSummary:
    """Count the drawer and close the shift; no payment goes into it afterwards."""
    require(actor, Permission.TAKE_PAYMENT)
    counts = validate_counts(counted)
    if unstorable(note):
        raise ValidationError({"note": _("Berisi karakter yang tidak dapat disimpan.")})
    with Transaction.begin(core, actor) as tx:
        session, now = tx.session, tx.now
        row = shift_row(session, shift_id)
        if row.operator != actor.shift_owner:
            require(actor, Permission.VOID_RECEIPT)  # a supervisor may close anyone's
        if row.closed_at is not None:
            raise AlreadyDone(_("Shift ini sudah ditutup."))
        expected = summary(session, row).expected_cash
        total = counted_total(counts)
        errors = cashup_note_errors(total - expected, note)
        if errors:
            raise ValidationError(errors)
        row.closed_at = now
        row.closed_by = actor.username
        row.counted = counts
        row.counted_total = total
        row.expected_cash = expected
        row.difference = total - expected
        row.note = note.strip()[:1000]
        tx.update(row)
        detail = {"expected": expected, "counted": total, "difference": row.difference}
        tx.record("shift.close", [(row, "update")], detail)
        return summary(session, row)


def _full_name(session: Session, row: CashShift) -> str:
    """Who closed the shift, by their full name ("Hendra Gunawan", not "hendra")."""
    if row.closed_by is None:
        return ""
    if row.closed_by == row.operator:
        return row.operator_name or row.operator
    name = session.scalar(select(User.full_name).where(User.username == row.closed_by))
    return str(name or row.closed_by)


def summary(
    session: Session, row: CashShift, counted: dict[str, int] | None = None
) -> ShiftSummary:
    """A shift's figures. A receipt voided after its shift was closed still
    counts there (its cash was in the drawer at the count); its cash refund
    comes out of the shift of the person who voided it. `counted`: the cash
    being counted now, for a provisional report of an open shift."""
    session.flush()
    receipts = session.execute(
        select(Receipt.method, Receipt.total, ReceiptVoid.id, ReceiptVoid.after_close)
        .outerjoin(ReceiptVoid, ReceiptVoid.receipt_id == Receipt.id)
        .where(Receipt.shift_id == row.id)
    ).all()
    by_method: dict[str, int] = {m.value: 0 for m in PaymentMethod}
    voided_total = 0
    voids = 0
    for method, total, void_id, after_close in receipts:
        if void_id is None or after_close:
            by_method[method] = by_method.get(method, 0) + int(total)
        else:
            voids += 1
            voided_total += int(total)
    refunds = _cash_refunds(session, row)
    payouts = session.execute(
        select(RefundPayout.method, RefundPayout.amount).where(
            RefundPayout.shift_id == row.id, RefundPayout.deleted_at.is_(None)
        )
    ).all()
    payouts_cash = sum(int(a) for m, a in payouts if m == PaymentMethod.CASH.value)
    cash_in = by_method.get(PaymentMethod.CASH.value, 0)
    expected = row.opening_float + cash_in - refunds - payouts_cash
    if row.expected_cash is not None:
        expected = row.expected_cash
    counts = {k: int(v) for k, v in row.counted.items()} if row.counted else None
    counted_sum, difference = row.counted_total, row.difference
    if counted is not None and row.closed_at is None:
        counts = validate_counts(counted)
        counted_sum = counted_total(counts)
        difference = counted_sum - expected
    return ShiftSummary(
        id=row.id,
        desk_code=row.desk_code,
        operator=row.operator,
        operator_name=row.operator_name,
        opened_at=row.opened_at,
        opening_float=row.opening_float,
        closed_at=row.closed_at,
        closed_by=row.closed_by,
        closed_by_name=_full_name(session, row),
        receipt_count=len(receipts),
        void_count=voids,
        totals_by_method=by_method,
        voided_total=voided_total,
        cash_in=cash_in,
        expected_cash=expected,
        counted=counts,
        counted_total=counted_sum,
        difference=difference,
        note=row.note,
        cash_refunds=refunds,
        payout_count=len(payouts),
        payouts_total=sum(int(a) for _m, a in payouts),
        payouts_cash=payouts_cash,
    )


def _cash_refunds(session: Session, row: CashShift) -> int:
    """Cash given back in this shift for receipts of shifts closed before."""
    return int(
        session.scalar(
            select(func.coalesce(func.sum(Receipt.total), 0))
            .select_from(ReceiptVoid)
            .join(Receipt, Receipt.id == ReceiptVoid.receipt_id)
            .where(
                ReceiptVoid.shift_id == row.id,
                ReceiptVoid.after_close.is_(True),
                Receipt.method == PaymentMethod.CASH.value,
            )
        )
        or 0
    )


def validate_counts(counted: dict[str, int]) -> dict[str, int]:
    known = dict(DENOMINATIONS)
    errors: dict[str, str] = {}
    clean: dict[str, int] = {}
    for key, count in counted.items():
        if key not in known:
            errors[f"count.{key}"] = _("Pecahan tidak dikenal.")
        elif not isinstance(count, int) or isinstance(count, bool) or not 0 <= count < 1_000_000:
            errors[f"count.{key}"] = _("Jumlah lembar/keping harus angka bulat 0 atau lebih.")
        elif count:
            clean[key] = count
    if errors:
        raise ValidationError(errors)
    return clean


def counted_total(counts: dict[str, int]) -> int:
    values = dict(DENOMINATIONS)
    return sum(values[k] * n for k, n in counts.items())
