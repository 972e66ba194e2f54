"""Returning visitors: suggestions while the receptionist types, and their details.

What was typed is read as a whole NIK (one slow hash, then an indexed lookup
of its pseudonym), a run of four or more digits of a phone number (the last
four, or 0812...), or the starts of words of a name, diacritics ignored
("nurhal" finds "Siti Nurhaliza"): each an index range of the search words
(smesco_desk.services.visitors.search), never a scan. A suggestion shows the
phone partly hidden.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, bindparam, select
from sqlalchemy.orm import Session

from smesco_desk.db.models import Visit, Visitor
from smesco_desk.domain.nik import InvalidNik
from smesco_desk.domain.phone import mask_phone
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.queries import get_live
from smesco_desk.services.visitors.registration import current_consent_version
from smesco_desk.services.visitors.search import visitor_ids
from smesco_desk.values.visitors import VisitorDetails, VisitorSuggestion

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def suggest(core: Core, actor: Actor, text: str, limit: int = 8) -> list[VisitorSuggestion]:
    """Returning visitors matching a whole NIK, a run of a phone's digits or the
    starts of words of a name."""
    require(actor, Permission.VIEW_PERSONAL_DATA)
    hashed = _nik_pseudonym(core, text)
    with core.db.read() as session:
        if hashed is not None:
            rows: list[Row[Any]] = list(
                session.execute(
                    select(*_COLUMNS)
                    .where(Visitor.nik_hash == hashed, Visitor.deleted_at.is_(None))
                    .limit(limit)
                )
            )
            matched_on = "nik"
        else:
            ids, matched_on = visitor_ids(session, text, limit)
            rows = _visitors_by_id(session, ids)
        return [
            VisitorSuggestion(
                v.id,
                v.full_name,
                v.organisation,
                phone_hint(v.phone),
                v.nik_masked,
                v.last_visit_at,
                v.visit_count,
                matched_on,
            )
            for v in rows
        ]


_COLUMNS = (
    Visitor.id,
    Visitor.full_name,
    Visitor.organisation,
    Visitor.phone,
    Visitor.nik_masked,
    Visitor.last_visit_at,
    Visitor.visit_count,
)
_VISITOR_ROWS = (
    select(*_COLUMNS)
    .where(Visitor.id.in_(bindparam("ids", expanding=True)), Visitor.deleted_at.is_(None))
)


def _visitors_by_id(session: Session, ids: list[str]) -> list[Row[Any]]:
    """The live visitors of `ids`, in that order (one statement built once: the
    rows as plain tuples, no ORM objects while the receptionist types)."""
    if not ids:
        return []
    by_id: dict[str, Any] = {
        row.id: row for row in session.execute(_VISITOR_ROWS, {"ids": ids})
    }
    return [by_id[i] for i in ids if i in by_id]


def _nik_pseudonym(core: Core, text: str) -> str | None:
    """The pseudonym of a whole NIK typed (one slow hash, then an indexed equality
    lookup), never a hash per stored visitor; None if `text` is not a NIK. It is
    kept ready for registering that person (NikKeyStore.prepare)."""
    digits = re.sub(r"[\s.\-()]", "", text.strip())
    if not (digits.isascii() and digits.isdigit() and len(digits) == 16):
        return None
    try:
        return core.nik_key.prepare(digits)
    except InvalidNik:
        return None


def visitor_details(core: Core, actor: Actor, visitor_id: str) -> VisitorDetails:
    """What the form needs to fill itself for a returning visitor."""
    require(actor, Permission.VIEW_PERSONAL_DATA)
    with core.db.read() as session:
        v = get_live(session, Visitor, visitor_id, _("Data tamu tidak ditemukan."))
        last = session.scalar(
            select(Visit)
            .where(Visit.visitor_id == v.id)
            .order_by(Visit.checked_in_at.desc())
            .limit(1)
        )
        return VisitorDetails(
            v.id,
            v.full_name,
            v.phone or "",
            v.organisation,
            v.nik_masked,
            v.last_visit_at,
            v.visit_count,
            last.purpose_code if last else None,
            last.host if last else "",
            v.consent_at if v.consent_version == current_consent_version(session) else None,
        )


def phone_hint(phone: str | None) -> str:
    return mask_phone(phone)


def phone_search_key(typed: str) -> str:
    """Digits of a phone number as stored (62...), from a partly typed number."""
    digits = re.sub(r"\D", "", typed)
    if typed.startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0"):
        return "62" + digits[1:]
    if digits.startswith("8"):  # a mobile number without its 0, as normalize_phone accepts
        return "62" + digits
    return digits
