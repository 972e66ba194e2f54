"""Documents of visits: the badge (CR80 card or label) and the evacuation muster list.

A badge never shows a NIK or a phone number. The muster list names everyone
in the building now, by name, for the assembly point.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.visitors.lists import get_visit, list_visits
from smesco_desk.values.visitors import VisitFilter, VisitScope

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def badge_pdf(core: Core, visit_id: str, copy: bool = False) -> bytes:
    """The CR80 badge of a visit as PDF bytes (never a NIK or a phone number)."""
    from smesco_desk.printing.badge import render_badge

    return render_badge(_badge_data(core, visit_id, copy))


def badge_label_pdf(core: Core, visit_id: str, copy: bool = False) -> bytes:
    from smesco_desk.printing.badge import render_badge_label

    return render_badge_label(_badge_data(core, visit_id, copy))


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


def muster_pdf(core: Core, actor: Actor, last_sync_at: datetime | None = None) -> bytes:
    """The evacuation muster list (A4) of everyone in the building now."""
    from smesco_desk.printing.muster import MusterData, MusterRow, render_muster_list

    require(actor, Permission.PRINT_MUSTER)
    flt = VisitFilter(VisitScope.IN_BUILDING)
    rows = [
        MusterRow(v.badge_number, v.name, v.organisation, v.purpose_label, v.host, v.checked_in_at)
        for v in list_visits(core, flt, 0, 100_000)
    ]
    rows.sort(key=lambda r: r.name.casefold())
    return render_muster_list(
        MusterData(
            rows=rows,
            generated_at=core.now(),
            desk_code=core.desk_code,
            building_name=str(core.settings.get("building_name")),
            last_sync_at=last_sync_at,
        )
    )
