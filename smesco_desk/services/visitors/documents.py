"""Documents of visits: the badge (CR80 card or label) and the evacuation muster list.

A badge never shows a NIK or a phone number. The muster list names everyone
in the building now, by name, for the assembly point; the list printed for an
evacuation adds each visitor's phone (to call whoever is missing), and that
printing is written in the audit log, as any access to personal data.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from smesco_desk.db.models import Visitor
from smesco_desk.domain.phone import format_phone_display
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.transaction import Transaction
from smesco_desk.services.visitors.lists import get_visit, list_visits
from smesco_desk.values.visitors import VisitFilter, VisitRecord, VisitScope

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def badge_pdf(core: Core, visit_id: str, copy: bool = False) -> bytes:
    """The CR80 badge of a visit as PDF bytes (never a NIK or a phone number)."""
    from smesco_desk.printing.badge import render_badge

    return render_badge(_badge_data(core, visit_id, copy))


def badge_label_pdf(core: Core, visit_id: str, copy: bool = False) -> bytes:
    from smesco_desk.printing.badge import render_badge_label

    return render_badge_label(_badge_data(core, visit_id, copy))


def group_badges_pdf(core: Core, visit_ids: Sequence[str], label: bool = False) -> bytes:
    """The badges of several visits (a group) as one PDF: one print job."""
    from smesco_desk.printing.badge import render_badges

    if not visit_ids:
        raise ValidationError({"visit_ids": _("Tidak ada badge untuk dicetak.")})
    return render_badges([_badge_data(core, v, False) for v in visit_ids], label)


def _badge_data(core: Core, visit_id: str, copy: bool) -> Any:
    from smesco_desk.printing.badge import BadgeData

    visit = get_visit(core, visit_id)
    return BadgeData(
        visit_id=visit.id,
        badge_number=visit.badge_number,
        name=visit.name,
        organisation=visit.organisation,
        purpose_label=visit.purpose_label,
        host=visit.host,
        checked_in_at=visit.checked_in_at,
        valid_until=visit.valid_until,
        building_name=core.settings.letterhead().name,  # kept between badges
        copy=copy,
    )


def muster_pdf(
    core: Core, actor: Actor, last_sync_at: datetime | None = None, evacuation: bool = False
) -> bytes:
    """The evacuation muster list (A4) of everyone in the building now.

    `evacuation`: the list printed for an evacuation, with a phone column; the
    audit log says who printed it and how many phones it held. A preview or a
    saved copy has no phones."""
    from smesco_desk.printing.muster import MusterData, MusterRow, render_muster_list

    require(actor, Permission.PRINT_MUSTER)
    visits = list_visits(core, VisitFilter(VisitScope.IN_BUILDING), 0, 100_000)
    phones = _phones(core, actor, visits) if evacuation else {}
    rows = [
        MusterRow(
            v.badge_number,
            v.name,
            v.organisation,
            v.purpose_label,
            v.host,
            v.checked_in_at,
            phones.get(v.visitor_id, ""),
        )
        for v in visits
    ]
    rows.sort(key=lambda r: r.name.casefold())
    return render_muster_list(
        MusterData(
            rows=rows,
            generated_at=core.now(),
            desk_code=core.desk_code,
            building_name=str(core.settings.get("building_name")),
            last_sync_at=last_sync_at,
            with_phones=evacuation,
        )
    )


def _dialled(phone: str) -> str:
    """As a warden dials it on a local phone: 0812-3456-7890 (others in full)."""
    shown = format_phone_display(phone)
    return "0" + shown.removeprefix("+62 ") if shown.startswith("+62 ") else shown


def _phones(core: Core, actor: Actor, visits: Sequence[VisitRecord]) -> dict[str, str]:
    """The phones of the visitors (by visitor id), read in the transaction that
    records their printing."""
    ids = sorted({v.visitor_id for v in visits})
    with Transaction.begin(core, actor) as tx:
        phones: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = select(Visitor.id, Visitor.phone).where(Visitor.id.in_(chunk))
            found = tx.session.execute(query)
            phones.update({str(i): _dialled(p) for i, p in found if p})
        tx.record("visit.muster_phones", [], {"people": len(visits), "phones": len(phones)})
    return phones
