"""Purposes of a visit (keperluan): the list the form offers, in two languages.

A purpose's code never changes; its labels and whether it is offered do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smesco_desk.db.models import VisitPurpose
from smesco_desk.domain.text import text_errors
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _, language
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.queries import check_code, save_by_code
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.visitors import Purpose

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def purposes(core: Core, active_only: bool = True) -> list[Purpose]:
    with core.db.read() as session:
        return purpose_values(session, active_only)


def purpose_values(session: Session, active_only: bool = True) -> list[Purpose]:
    query = select(VisitPurpose).where(VisitPurpose.deleted_at.is_(None))
    if active_only:
        query = query.where(VisitPurpose.active.is_(True))
    rows = session.scalars(query.order_by(VisitPurpose.sort_order, VisitPurpose.code))
    english = language() == "en"
    return [purpose_value(p, english) for p in rows]


def purpose_value(row: VisitPurpose, english: bool) -> Purpose:
    return Purpose(
        row.code,
        row.label_en if english else row.label_id,
        row.label_id,
        row.label_en,
        row.active,
        row.sort_order,
    )


def purpose_labels(session: Session) -> dict[str, str]:
    return {p.code: p.label for p in purpose_values(session, active_only=False)}


def check_purpose(session: Session, code: str) -> None:
    """Refuse a purpose that is not (or no longer) offered."""
    active = [p.code for p in purpose_values(session, active_only=True)]
    if code not in active:
        raise ValidationError(
            {
                "purpose": _(
                    "Keperluan '{code}' tidak ada dalam daftar. Pilih salah satu: {codes}."
                ).format(code=code, codes=", ".join(active))
            }
        )


def save_purpose(
    core: Core, actor: Actor, code: str, label_id: str, label_en: str, active: bool = True
) -> Purpose:
    """Add a purpose or change its labels; codes never change."""
    require(actor, Permission.MANAGE_PURPOSES)
    # A blank label is said below; one that shows nothing, here.
    errors = text_errors({"code": code, "label_id": label_id, "label_en": label_en})
    if not isinstance(active, bool):  # "no" is not False
        errors["active"] = _("Pilih aktif atau tidak.")
    if errors:
        raise ValidationError(errors)
    code = code.strip().lower()
    check_code(code, errors)
    if not label_id.strip():
        errors["label_id"] = _("Label bahasa Indonesia wajib diisi.")
    if errors:
        raise ValidationError(errors)
    with Transaction.begin(core, actor) as tx:

        def new_purpose() -> VisitPurpose:
            order = tx.session.scalar(select(func.max(VisitPurpose.sort_order))) or 0
            return VisitPurpose(code=code, label_id="", label_en="", sort_order=order + 1)

        row, op = save_by_code(tx, VisitPurpose, code, new_purpose)
        row.label_id = label_id.strip()
        row.label_en = label_en.strip() or label_id.strip()
        row.active = active
        tx.record("purpose.save", [(row, op)], {"code": code, "active": active})
        return purpose_value(row, language() == "en")
