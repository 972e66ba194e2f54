"""Visits as the plain values the services return."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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


# The columns a VisitRecord is made of, in its order (a page reads just these:
# 200 ORM objects with all 18 columns cost several times the query).
RECORD_COLUMNS = (
    Visit.id,
    Visit.badge_number,
    Visit.visitor_id,
    Visit.visitor_name,
    Visit.organisation,
    Visit.purpose_code,
    Visit.host,
    Visit.desk_code,
    Visit.checked_in_at,
    Visit.valid_until,
    Visit.checked_out_at,
    Visit.group_id,
)


def visit_records(
    rows: Iterable[Any], labels: dict[str, str], group_sizes: dict[str, int] | None = None
) -> list[VisitRecord]:
    """VisitRecords from rows of RECORD_COLUMNS; `group_sizes` as for visit_record."""
    sizes = group_sizes or {}
    return [
        VisitRecord(
            r[0], r[1], r[2], r[3], r[4], r[5], labels.get(r[5], r[5]),
            r[6], r[7], r[8], r[9], r[10],
            group_id=r[11], group_size=sizes.get(r[11] or "", 0),
        )  # fmt: skip
        for r in rows
    ]
