"""Prices are the price list's: what a sale may change only with a supervisor's yes.

A line taken from the price list (it carries the item's code) sells at the
item's price. A different price, or a discount on any line above the limit an
administrator sets (`sale_discount_limit_percent` of the line's quantity x
price), is an override: a user whose role may approve (a supervisor, an
administrator) makes it themselves; anyone else's sale is refused with
ApprovalRequired until a supervisor approves exactly those lines
(smesco_desk.services.approvals). Lines typed by hand have no list price, only
the discount limit. The approval is recorded in the audit with both names and
printed on nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import Charge, PriceItem
from smesco_desk.domain.charges import LineInput
from smesco_desk.domain.money import format_rupiah
from smesco_desk.errors import ApprovalRequired
from smesco_desk.i18n import _
from smesco_desk.services import approvals
from smesco_desk.services.approvals import Approval, subject_of
from smesco_desk.services.settings import SettingsService
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.payments import DiscountCheck

KIND = "price"


def overrides(session: Session, lines: Sequence[LineInput]) -> list[dict[str, Any]]:
    """The lines that differ from the price list or exceed the discount limit."""
    codes = {ln.item_code for ln in lines if ln.item_code}
    listed: dict[str, tuple[str, int]] = {}
    if codes:
        rows = session.execute(
            select(PriceItem.code, PriceItem.name, PriceItem.unit_price).where(
                PriceItem.code.in_(codes), PriceItem.deleted_at.is_(None)
            )
        ).all()
        listed = {code: (name, price) for code, name, price in rows}
    limit = int(SettingsService.get_in(session, "sale_discount_limit_percent"))
    found: list[dict[str, Any]] = []
    for index, line in enumerate(lines):
        item = listed.get(line.item_code or "")
        gross = line.quantity * line.unit_price
        changed = item is not None and line.unit_price != item[1]
        over = line.discount > 0 and line.discount * 100 > limit * gross
        if changed or over:
            found.append(
                {
                    "line": index,
                    "item": line.item_code or "",
                    "description": item[0] if item else line.description,
                    "list_price": item[1] if item else None,
                    "price": line.unit_price,
                    "quantity": line.quantity,
                    "discount": line.discount,
                    "changed": changed,
                    "over_limit": over,
                    "limit": limit,
                }
            )
    return found


def discount_check(session: Session, lines: Sequence[LineInput]) -> DiscountCheck:
    """Which lines' discounts are above the limit, said as they are typed (the
    sale is still refused without approval when paid: `check`)."""
    limit = int(SettingsService.get_in(session, "sale_discount_limit_percent"))
    found = overrides(session, lines)
    return DiscountCheck(limit, tuple(o["line"] for o in found if o["over_limit"]))


def request_for(found: list[dict[str, Any]]) -> ApprovalRequired:
    reasons: list[str] = []
    for o in found:
        if o["changed"]:
            reasons.append(
                _("Harga «{item}» diubah dari {old} menjadi {new}.").format(
                    item=o["description"],
                    old=format_rupiah(o["list_price"]),
                    new=format_rupiah(o["price"]),
                )
            )
        if o["over_limit"]:
            reasons.append(
                _("Diskon «{item}» {amount} melebihi batas {limit}%.").format(
                    item=o["description"], amount=format_rupiah(o["discount"]), limit=o["limit"]
                )
            )
    return ApprovalRequired(KIND, subject_of(found), tuple(reasons))


def check(
    tx: Transaction,
    lines: Sequence[LineInput],
    charge: Charge,
    approval: Approval | None,
) -> None:
    """Refuse the sale's overridden lines without approval; record the approval
    (about the charge). Run once the charge is checked: bad input is said first."""
    found = overrides(tx.session, lines)
    if found:
        approvals.record(tx, approval, request_for(found), charge, {"lines": found})
