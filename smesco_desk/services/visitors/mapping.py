"""Visits as the plain values the services return."""

from __future__ import annotations

from sqlalchemy.orm import Session

from smesco_desk.db.models import Visit
from smesco_desk.services.visitors.purposes import purpose_labels
from smesco_desk.values.visitors import VisitRecord


def visit_record(
    session: Session,
    visit: Visit,
    labels: dict[str, str] | None = None,
    group_size: int = 0,
) -> VisitRecord:
    """The visit's value; `labels` (purpose code -> label) saves a query per row.
    `group_size` is for lists, which count the group's visits they hold."""
    labels = labels if labels is not None else purpose_labels(session)
    return VisitRecord(
        visit.id,
        visit.badge_number,
        visit.visitor_id,
        visit.visitor_name,
        visit.organisation,
        visit.purpose_code,
        labels.get(visit.purpose_code, visit.purpose_code),
        visit.host,
        visit.desk_code,
        visit.checked_in_at,
        visit.valid_until,
        visit.checked_out_at,
        group_id=visit.group_id,
        group_size=group_size,
    )
