"""The catalogue of payments: kinds of charge (with their taxes) and the price list.

Both are edited by whoever may manage prices; a change applies to charges made
afterwards (a charge keeps the taxes and prices it was made with).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smesco_desk.db.models import ChargeKind, PriceItem
from smesco_desk.domain.charges import MAX_TOTAL, TaxRule, validate_taxes
from smesco_desk.domain.text import clean_name, text_errors
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.payments.mapping import kind_info, price_info
from smesco_desk.services.queries import check_code, save_by_code
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.payments import ChargeKindInfo, PriceItemInfo

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

DEFAULT_KINDS: tuple[tuple[str, str], ...] = (
    ("service", "Layanan"),
    ("room", "Sewa ruang"),
    ("stall_rent", "Sewa stan"),
    ("other", "Lain-lain"),
)
DEFAULT_PRICES: tuple[tuple[str, str, str, int, str], ...] = (
    ("workshop_hour", "Workshop produk (per jam)", "jam", 150_000, "service"),
    ("studio_hour", "Studio foto (per jam)", "jam", 250_000, "service"),
    ("print_bw", "Cetak hitam-putih A4", "lembar", 1_000, "service"),
    ("print_color", "Cetak warna A4", "lembar", 3_000, "service"),
    ("meeting_room_hour", "Ruang rapat kecil (per jam)", "jam", 300_000, "room"),
)


# --- kinds of charge ------------------------------------------------------------------


def charge_kinds(core: Core, active_only: bool = True) -> list[ChargeKindInfo]:
    with core.db.read() as session:
        query = select(ChargeKind).where(ChargeKind.deleted_at.is_(None))
        if active_only:
            query = query.where(ChargeKind.active.is_(True))
        return [kind_info(k) for k in session.scalars(query.order_by(ChargeKind.code))]


def save_charge_kind(
    core: Core, actor: Actor, code: str, label: str, taxes: Sequence[TaxRule], active: bool
) -> ChargeKindInfo:
    """Add a kind of charge or change its label and taxes (future charges only)."""
    require(actor, Permission.MANAGE_PRICES)
    errors = text_errors({"code": code, "label": label})  # blank: said below
    if not isinstance(active, bool):
        errors["active"] = _("Pilih aktif atau tidak.")
    if errors:
        raise ValidationError(errors)
    code = code.strip().lower()
    check_code(code, errors)
    if not label.strip():
        errors["label"] = _("Wajib diisi.")
    errors.update(validate_taxes(taxes))
    for i, tax in enumerate(taxes):  # text that cannot be stored (a NUL) in a tax's code or name
        bad = text_errors({"code": tax.code, "label": tax.label})
        if bad:
            errors[f"taxes.{i}"] = next(iter(bad.values()))
    if errors:
        raise ValidationError(errors)
    with Transaction.begin(core, actor) as tx:
        row, op = save_by_code(
            tx, ChargeKind, code, lambda: ChargeKind(code=code, label="", taxes=[])
        )
        row.label = label.strip()
        row.taxes = [t.to_json() for t in taxes]
        row.active = active
        tx.record("charge_kind.save", [(row, op)], {"code": code, "taxes": row.taxes})
        return kind_info(row)


def kind_row(session: Session, code: str) -> ChargeKind | None:
    return session.scalar(
        select(ChargeKind).where(ChargeKind.code == code, ChargeKind.deleted_at.is_(None))
    )


def kind_taxes(session: Session, code: str) -> list[TaxRule]:
    kind = kind_row(session, code)
    return [TaxRule.from_json(t) for t in kind.taxes] if kind is not None else []


# --- the price list -------------------------------------------------------------------


def price_list(core: Core, active_only: bool = True) -> list[PriceItemInfo]:
    with core.db.read() as session:
        query = select(PriceItem).where(PriceItem.deleted_at.is_(None))
        if active_only:
            query = query.where(PriceItem.active.is_(True))
        query = query.order_by(PriceItem.sort_order, PriceItem.name)
        return [price_info(p) for p in session.scalars(query)]


def save_price_item(
    core: Core,
    actor: Actor,
    code: str,
    name: str,
    unit_price: int,
    unit: str,
    kind_code: str,
    active: bool,
) -> PriceItemInfo:
    """Add an item to the price list or change it (future charges only)."""
    require(actor, Permission.MANAGE_PRICES)
    errors = _item_text_errors(code, name, unit, kind_code, active)
    if errors:
        raise ValidationError(errors)
    code = code.strip().lower()
    check_code(code, errors)
    if not clean_name(name):
        errors["name"] = _("Wajib diisi.")
    if not isinstance(unit_price, int) or isinstance(unit_price, bool) or unit_price < 0:
        errors["unit_price"] = _("Harga harus angka bulat rupiah, tidak negatif.")
    elif unit_price >= MAX_TOTAL:
        errors["unit_price"] = _("Harga terlalu besar.")
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        if kind_row(session, kind_code) is None:
            errors["kind_code"] = _("Jenis tagihan tidak dikenal.")
        if errors:
            raise ValidationError(errors)

        def new_item() -> PriceItem:
            order = session.scalar(select(func.max(PriceItem.sort_order))) or 0
            item = PriceItem(code=code, name="", unit_price=0, kind_code=kind_code)
            item.sort_order = order + 1
            return item

        row, op = save_by_code(tx, PriceItem, code, new_item)
        row.name = clean_name(name)
        row.unit = unit.strip()[:32]
        row.unit_price = unit_price
        row.kind_code = kind_code
        row.active = active
        tx.record("price_item.save", [(row, op)], {"code": code, "unit_price": unit_price})
        return price_info(row)


# --- a new database -------------------------------------------------------------------


def seed_defaults(tx: Transaction) -> None:
    """Kinds of charge and a starting price list for a new database."""
    if not tx.session.scalar(select(func.count()).select_from(ChargeKind)):
        for code, label in DEFAULT_KINDS:
            kind = tx.insert(ChargeKind(code=code, label=label, taxes=[], active=True))
            tx.record("charge_kind.create", [(kind, "insert")])
    if not tx.session.scalar(select(func.count()).select_from(PriceItem)):
        for order, (code, name, unit, price, kind_code) in enumerate(DEFAULT_PRICES, 1):
            item = PriceItem(
                code=code,
                name=name,
                unit=unit,
                unit_price=price,
                kind_code=kind_code,
                sort_order=order,
                active=True,
            )
            tx.insert(item)
            tx.record("price_item.create", [(item, "insert")])


# --- checks ---------------------------------------------------------------------------


def _item_text_errors(
    code: str, name: str, unit: str, kind_code: str, active: bool
) -> dict[str, str]:
    # A blank name is said with the other fields; a name that shows nothing, here.
    errors = text_errors({"code": code, "name": name, "unit": unit, "kind_code": kind_code})
    if not isinstance(active, bool):  # "no" is not False
        errors["active"] = _("Pilih aktif atau tidak.")
    return errors
