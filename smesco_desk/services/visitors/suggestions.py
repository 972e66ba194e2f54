"""Returning visitors: suggestions while the receptionist types, and their details.

What was typed is read as a whole NIK (one slow hash, then an indexed lookup
of its pseudonym), a phone number's beginning, or a name's beginning; each is
an index range, never a scan. A suggestion shows the phone partly hidden.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import Select, select

from smesco_desk.db.models import Visit, Visitor
from smesco_desk.domain.nik import InvalidNik, normalize_nik
from smesco_desk.domain.phone import mask_phone
from smesco_desk.domain.text import fold, prefix_upper_bound
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.queries import get_live
from smesco_desk.services.visitors.registration import current_consent_version
from smesco_desk.values.visitors import VisitorDetails, VisitorSuggestion

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def suggest(core: Core, actor: Actor, text: str, limit: int = 8) -> list[VisitorSuggestion]:
    """Returning visitors matching a phone number, a name prefix or a NIK."""
    require(actor, Permission.VIEW_PERSONAL_DATA)
    query, matched_on = _suggest_query(core, text)
    with core.db.read() as session:
        if query is None:
            return []
        rows = session.scalars(query.where(Visitor.deleted_at.is_(None)).limit(limit))
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


def _suggest_query(core: Core, text: str) -> tuple[Select[Visitor] | None, str]:
    """The query for what was typed; a whole NIK costs one slow hash (an indexed
    equality lookup on its pseudonym), never a hash per stored visitor."""
    text = text.strip()
    digits = re.sub(r"[\s.\-()]", "", text)
    if digits.isascii() and digits.lstrip("+").isdigit():  # int() reads ASCII only
        plain = digits.lstrip("+")
        if len(plain) == 16:
            try:
                hashed = core.nik_key.pseudonym(normalize_nik(plain))
                return select(Visitor).where(Visitor.nik_hash == hashed), "nik"
            except InvalidNik:
                pass
        key = phone_search_key(digits)
        if len(key) < 5:
            return None, "phone"
        return (
            select(Visitor)
            .where(Visitor.phone_key >= key, Visitor.phone_key < prefix_upper_bound(key))
            .order_by(Visitor.phone_key)
        ), "phone"
    key = fold(text)
    if len(key) < 2:
        return None, "name"
    return (
        select(Visitor)
        .where(Visitor.name_key >= key, Visitor.name_key < prefix_upper_bound(key))
        .order_by(Visitor.name_key)
    ), "name"


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
