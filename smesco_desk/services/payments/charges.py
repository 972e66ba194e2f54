"""Charges (tagihan): what is owed, line by line, and what the lines add up to.

A line from the price list takes the taxes of its item's kind of charge, any
other line those of the charge's kind. A charge is made open and becomes paid
when a receipt pays it (see paying); a void makes it owed again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import Charge, ChargeLine, PriceItem
from smesco_desk.domain.charges import AmountError, ChargeTotals, LineInput, TaxRule, compute_totals
from smesco_desk.domain.payments import PayerKind
from smesco_desk.domain.text import clean_name, has_visible, text_errors, unstorable
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _
from smesco_desk.ids import derived_id
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.approvals import Approval
from smesco_desk.services.payments import overrides
from smesco_desk.services.payments.catalogue import kind_row, kind_taxes
from smesco_desk.services.payments.mapping import charge_value
from smesco_desk.services.payments.tender import validate_payment, validate_payment_fields
from smesco_desk.services.queries import get_live
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.payments import ChargeForm, ChargeRecord, PaymentForm

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def quote(core: Core, kind_code: str, lines: Sequence[LineInput]) -> ChargeTotals:
    """What the lines add up to (nothing is saved). A line from the price list
    takes the taxes of its item's kind, any other line those of `kind_code`.
    Descriptions are not checked for being filled in: the person may still be
    typing; text that could never be stored (a NUL, a lone surrogate) is refused."""
    unstorable_text: dict[str, object] = {
        f"lines.{i}.{name}": value
        for i, line in enumerate(lines)
        for name, value in (
            ("description", line.description),
            ("unit", line.unit),
            ("item_code", line.item_code or ""),
        )
        if unstorable(value)
    }
    if unstorable_text:
        raise ValidationError(text_errors(unstorable_text))
    with core.db.read() as session:
        taxes = line_taxes(session, kind_code, lines)
    try:
        return compute_totals(lines, line_taxes=taxes, require_text=False)
    except AmountError as exc:
        raise ValidationError(exc.errors) from exc


def line_taxes(session: Session, kind_code: str, lines: Sequence[LineInput]) -> list[list[TaxRule]]:
    codes = {ln.item_code for ln in lines if ln.item_code}
    item_kinds: dict[str, str] = {}
    if codes:
        item_kinds = dict(
            session.execute(
                select(PriceItem.code, PriceItem.kind_code).where(PriceItem.code.in_(codes))
            ).all()
        )
    taxes: dict[str, list[TaxRule]] = {}

    def of(kind: str) -> list[TaxRule]:
        if kind not in taxes:
            taxes[kind] = kind_taxes(session, kind)
        return taxes[kind]

    return [of(item_kinds.get(ln.item_code or "", kind_code)) for ln in lines]


def create_charge(
    core: Core, actor: Actor, form: ChargeForm, approval: Approval | None = None
) -> ChargeRecord:
    """An open charge typed at the desk: the price list's prices, as a sale's."""
    require(actor, Permission.TAKE_PAYMENT)
    with Transaction.begin(core, actor) as tx:
        row = new_charge(tx, form)
        overrides.check(tx, form.lines, row, approval)
        return charge_value(tx.session, row)


def charge(core: Core, charge_id: str) -> ChargeRecord:
    with core.db.read() as session:
        return charge_value(session, get_live(session, Charge, charge_id, _no_charge()))


def open_charges(core: Core, payer_id: str | None = None) -> list[ChargeRecord]:
    with core.db.read() as session:
        query = select(Charge).where(Charge.status == "open", Charge.deleted_at.is_(None))
        if payer_id is not None:
            query = query.where(Charge.payer_id == payer_id)
        rows = session.scalars(query.order_by(Charge.created_at)).all()
        return [charge_value(session, r) for r in rows]


def new_charge(
    tx: Transaction,
    form: ChargeForm,
    payment: PaymentForm | None = None,
    *,
    untaxed: bool = False,
    row_id: str | None = None,
) -> Charge:
    """Check and add an open charge. With `payment` (a sale) what is wrong with
    the payment is said in the same ValidationError as the charge's errors.
    `untaxed`: the lines are lump sums whose taxes are already inside them (a
    cancellation fee, a share of a taxed total): no tax is added on top.
    `row_id`: the charge's id when the caller derives it (smesco_desk.ids.derived_id:
    the same charge made at two desks is one); its lines' ids are derived from it."""
    errors = _charge_text_errors(form)
    if errors:  # text that cannot be stored is refused before anything else
        raise ValidationError(errors)
    session = tx.session
    payer_name = clean_name(form.payer.name)
    _check_payer(session, form, payer_name, errors)
    lines = [
        LineInput(
            clean_name(ln.description)[:200],
            ln.quantity,
            ln.unit_price,
            ln.discount,
            ln.unit.strip()[:32],
            ln.item_code,
        )
        for ln in form.lines
    ]
    totals: ChargeTotals | None = None
    try:
        taxes: list[list[TaxRule]] = (
            [[] for _line in lines] if untaxed else line_taxes(session, form.kind_code, lines)
        )
        totals = compute_totals(lines, line_taxes=taxes)
    except AmountError as exc:
        errors.update(exc.errors)
    if payment is not None:
        errors.update(_payment_errors(payment, totals))
    if errors or totals is None:
        raise ValidationError(errors)
    return _insert(tx, form, payer_name, lines, totals, row_id)


def _check_payer(
    session: Session, form: ChargeForm, payer_name: str, errors: dict[str, str]
) -> None:
    if not has_visible(payer_name):
        errors["payer_name"] = _("Nama pembayar wajib diisi.")
    elif len(payer_name) > 200:
        errors["payer_name"] = _("Paling banyak 200 karakter.")
    if form.payer.kind not in {k.value for k in PayerKind}:
        errors["payer_kind"] = _("Jenis pembayar tidak dikenal.")
    if kind_row(session, form.kind_code) is None:
        errors["kind_code"] = _("Jenis tagihan tidak dikenal.")


def _payment_errors(payment: PaymentForm, totals: ChargeTotals | None) -> dict[str, str]:
    try:
        if totals is not None:
            validate_payment(payment, totals.total)
        else:
            validate_payment_fields(payment)
    except ValidationError as exc:
        return exc.errors
    return {}


def _insert(
    tx: Transaction,
    form: ChargeForm,
    payer_name: str,
    lines: Sequence[LineInput],
    totals: ChargeTotals,
    row_id: str | None = None,
) -> Charge:
    charge = Charge(
        id=row_id,
        kind_code=form.kind_code,
        payer_kind=form.payer.kind,
        payer_id=form.payer.payer_id,
        payer_name=payer_name,
        description=clean_name(form.description)[:200]
        or (lines[0].description if len(lines) == 1 else ""),
        source=form.source[:64],
        subtotal=totals.subtotal,
        discount_total=totals.discount_total,
        taxes=[t.to_json() for t in totals.taxes],
        tax_total=totals.tax_total,
        total=totals.total,
        status="open",
        desk_code=tx.desk,
        created_by=tx.actor.username,
    )
    tx.insert(charge)
    rows: list[tuple[Any, str]] = [(charge, "insert")]
    tx.session.flush()
    for no, amount in enumerate(totals.lines, 1):
        ln = amount.line
        line = ChargeLine(
            id=None if row_id is None else derived_id(row_id, "line", str(no)),
            charge_id=charge.id,
            line_no=no,
            item_code=ln.item_code,
            description=ln.description,
            quantity=ln.quantity,
            unit=ln.unit,
            unit_price=ln.unit_price,
            discount=ln.discount,
            amount=amount.amount,
        )
        rows.append((tx.insert(line), "insert"))
    tx.record("charge.create", rows, {"payer": payer_name, "total": charge.total})
    return charge


def _charge_text_errors(form: ChargeForm) -> dict[str, str]:
    """Errors of the charge's texts: what cannot be stored, and line descriptions
    that show nothing (a line of zero-width spaces prints as a blank line)."""
    fields: dict[str, object] = {
        "payer_name": form.payer.name,
        "payer_kind": form.payer.kind,
        "kind_code": form.kind_code,
        "description": form.description,
        "source": form.source,
    }
    for i, line in enumerate(form.lines):
        fields[f"lines.{i}.description"] = line.description
        fields[f"lines.{i}.unit"] = line.unit
        fields[f"lines.{i}.item_code"] = line.item_code or ""
    if form.payer.payer_id is not None:
        fields["payer_id"] = form.payer.payer_id
    # A payer's name left empty is said further on, with the amounts.
    return text_errors(fields)


def _no_charge() -> str:
    return _("Tagihan tidak ditemukan.")


REFUND_DUE = "refund_due"  # a credit: money owed back to the payer, not yet paid out
REFUNDED = "refunded"  # a credit paid out (services.payments.refunds)


def new_credit(
    tx: Transaction, original: Charge, amount: int, description: str, source: str
) -> Charge:
    """Record money owed back to the payer of `original` (a paid charge): a charge
    of minus `amount` (one untaxed line, the taxes were inside what was paid),
    status `refund_due`. It is shown as owed back (`refunds_due`) until a cashier
    pays it out (services.payments.refunds); it is never paid with a receipt."""
    if not isinstance(amount, int) or not 0 < amount < 10**15:
        raise ValueError("a credit is a positive whole number of rupiah")
    description = clean_name(description)[:200]
    credit = Charge(
        kind_code=original.kind_code,
        payer_kind=original.payer_kind,
        payer_id=original.payer_id,
        payer_name=original.payer_name,
        description=description,
        source=source[:64],
        subtotal=-amount,
        discount_total=0,
        taxes=[],
        tax_total=0,
        total=-amount,
        status=REFUND_DUE,
        desk_code=tx.desk,
        created_by=tx.actor.username,
    )
    tx.insert(credit)
    tx.session.flush()
    line = ChargeLine(
        charge_id=credit.id,
        line_no=1,
        item_code=None,
        description=description,
        quantity=1,
        unit="kali",
        unit_price=-amount,
        discount=0,
        amount=-amount,
    )
    rows: list[tuple[Any, str]] = [(credit, "insert"), (tx.insert(line), "insert")]
    tx.record("charge.credit", rows, {"payer": credit.payer_name, "total": credit.total})
    return credit


def refunds_due(core: Core, payer_id: str | None = None) -> list[ChargeRecord]:
    """Money owed back to payers (credits not yet paid out), oldest first."""
    with core.db.read() as session:
        query = select(Charge).where(Charge.status == REFUND_DUE, Charge.deleted_at.is_(None))
        if payer_id is not None:
            query = query.where(Charge.payer_id == payer_id)
        rows = session.scalars(query.order_by(Charge.created_at)).all()
        return [charge_value(session, r) for r in rows]
