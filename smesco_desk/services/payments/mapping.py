"""Rows of the payments tables as the plain values the services return.

A receipt is read with everything it shows (its charge's lines and taxes, its
void, how often it was printed, the numbers skipped just before it) in a few
batched queries for a whole page of receipts, not a handful per receipt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TypedDict

from sqlalchemy import BindParameter, bindparam, func, select
from sqlalchemy.orm import Session

from smesco_desk.db.models import (
    Charge,
    ChargeKind,
    ChargeLine,
    PriceItem,
    Receipt,
    ReceiptPrint,
    ReceiptVoid,
    RefundPayout,
)
from smesco_desk.domain.charges import TaxAmount, TaxRule
from smesco_desk.services.payments import series
from smesco_desk.values import value_from
from smesco_desk.values.payments import (
    ChargeKindInfo,
    ChargeRecord,
    PriceItemInfo,
    ReceiptLine,
    ReceiptRecord,
    RefundPayoutRecord,
    VoidInfo,
)


def kind_info(row: ChargeKind) -> ChargeKindInfo:
    return ChargeKindInfo(
        row.code, row.label, tuple(TaxRule.from_json(t) for t in row.taxes or []), row.active
    )


def price_info(row: PriceItem) -> PriceItemInfo:
    return value_from(PriceItemInfo, row)


def line_value(row: ChargeLine) -> ReceiptLine:
    return value_from(ReceiptLine, row)


def charge_lines(session: Session, charge_id: str) -> list[ChargeLine]:
    return list(
        session.scalars(
            select(ChargeLine).where(ChargeLine.charge_id == charge_id).order_by(ChargeLine.line_no)
        )
    )


class _Amounts(TypedDict):
    """What a charge and the receipt paying it show alike: the charge's lines and sums."""

    lines: tuple[ReceiptLine, ...]
    subtotal: int
    discount_total: int
    taxes: tuple[TaxAmount, ...]
    tax_total: int


def _amounts(charge: Charge, lines: Sequence[ChargeLine]) -> _Amounts:
    return _Amounts(
        lines=tuple(line_value(ln) for ln in lines),
        subtotal=charge.subtotal,
        discount_total=charge.discount_total,
        taxes=tuple(TaxAmount.from_json(t) for t in charge.taxes or []),
        tax_total=charge.tax_total,
    )


def charge_record(row: Charge, lines: Sequence[ChargeLine]) -> ChargeRecord:
    return ChargeRecord(
        id=row.id,
        kind_code=row.kind_code,
        payer_kind=row.payer_kind,
        payer_id=row.payer_id,
        payer_name=row.payer_name,
        description=row.description,
        source=row.source,
        **_amounts(row, lines),
        total=row.total,
        status=row.status,
        created_at=row.created_at,
    )


def charge_value(session: Session, row: Charge) -> ChargeRecord:
    return charge_record(row, charge_lines(session, row.id))


def receipt_record(
    row: Receipt,
    charge: Charge,
    lines: Sequence[ChargeLine],
    void: ReceiptVoid | None,
    prints: int,
) -> ReceiptRecord:
    return ReceiptRecord(
        id=row.id,
        number=row.number,
        desk_code=row.desk_code,
        issued_at=row.issued_at,
        charge_id=row.charge_id,
        shift_id=row.shift_id,
        payer_kind=charge.payer_kind,
        payer_name=row.payer_name,
        description=charge.description,
        **_amounts(charge, lines),
        total=row.total,
        method=row.method,
        tendered=row.tendered,
        change_given=row.change_given,
        reference=row.reference,
        cashier=row.cashier,
        cashier_name=row.cashier_name,
        void=VoidInfo(void.voided_at, void.voided_by, void.voided_by_name, void.reason)
        if void is not None
        else None,
        print_count=prints,
    )


# Built once: a kuitansi is read back right after the sale, and building these
# statements each time was a third of the read (issue 14).
_IDS: BindParameter[list[str]] = bindparam("ids", expanding=True)
_CHARGES = select(Charge).where(Charge.id.in_(_IDS))
_LINES = (
    select(ChargeLine)
    .where(ChargeLine.charge_id.in_(_IDS))
    .order_by(ChargeLine.charge_id, ChargeLine.line_no)
)
_VOIDS = select(ReceiptVoid).where(ReceiptVoid.receipt_id.in_(_IDS))
_PRINTS = (
    select(ReceiptPrint.receipt_id, func.count())
    .where(ReceiptPrint.receipt_id.in_(_IDS))
    .group_by(ReceiptPrint.receipt_id)
)


def receipt_records(session: Session, rows: Sequence[Receipt]) -> list[ReceiptRecord]:
    """The receipts' values, in the order of `rows`."""
    if not rows:
        return []
    ids = [r.id for r in rows]
    charge_ids = [r.charge_id for r in rows]
    charges = {c.id: c for c in session.scalars(_CHARGES, {"ids": charge_ids})}
    lines: dict[str, list[ChargeLine]] = {}
    for ln in session.scalars(_LINES, {"ids": charge_ids}):
        lines.setdefault(ln.charge_id, []).append(ln)
    voids = {v.receipt_id: v for v in session.scalars(_VOIDS, {"ids": ids})}
    prints = dict(session.execute(_PRINTS, {"ids": ids}).all())
    gaps = series.gaps_before(session, rows)
    return [
        replace(
            receipt_record(
                r,
                charges[r.charge_id],
                lines.get(r.charge_id, []),
                voids.get(r.id),
                int(prints.get(r.id, 0)),
            ),
            gaps_before=gaps.get(r.id, ()),
        )
        for r in rows
    ]


def receipt_value(session: Session, row: Receipt) -> ReceiptRecord:
    return receipt_records(session, [row])[0]


def payout_values(session: Session, rows: Sequence[RefundPayout]) -> list[RefundPayoutRecord]:
    ids = [r.charge_id for r in rows]
    credits = {c.id: c for c in session.scalars(select(Charge).where(Charge.id.in_(ids)))}
    return [_value(r, credits[r.charge_id]) for r in rows]


def payout_value(session: Session, row: RefundPayout) -> RefundPayoutRecord:
    return payout_values(session, [row])[0]


def _value(row: RefundPayout, credit: Charge) -> RefundPayoutRecord:
    return RefundPayoutRecord(
        id=row.id,
        charge_id=row.charge_id,
        shift_id=row.shift_id,
        desk_code=row.origin_desk,
        paid_at=row.paid_at,
        paid_by=row.paid_by,
        paid_by_name=row.paid_by_name,
        amount=row.amount,
        method=row.method,
        reference=row.reference,
        payer_kind=credit.payer_kind,
        payer_name=credit.payer_name,
        description=credit.description,
        source=credit.source,
    )
