"""The lists of visits: who is in the building, today's visits, the history.

Pages are read in SQL (newest check-in first); the search finds the visits
of a visitor by the starts of words of their name or a run of four or more
digits of their phone, of an organisation or a host by the starts of its words
(smesco_desk.services.visitors.search), or a whole badge number (among the
people inside, its short number too: "017").
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ColumnElement, Select, false, func, literal_column, or_, select
from sqlalchemy.orm import Session

from smesco_desk.clock import wib_day_bounds, wib_today
from smesco_desk.db.models import Visit
from smesco_desk.db.tallies import live_visits
from smesco_desk.domain.text import isolate
from smesco_desk.i18n import _
from smesco_desk.services.queries import live
from smesco_desk.services.visitors.mapping import RECORD_COLUMNS, visit_record, visit_records
from smesco_desk.services.visitors.purposes import purpose_labels
from smesco_desk.services.visitors.search import visit_matches
from smesco_desk.values.visitors import VisitFilter, VisitRecord, VisitScope

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

_Q = TypeVar("_Q", bound=Select[*tuple[Any, ...]])
UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def get_visit(core: Core, visit_id_or_badge: str) -> VisitRecord:
    with core.db.read() as session:
        return visit_record(session, find_visit(session, visit_id_or_badge))


def find_visit(session: Session, key: str) -> Visit:
    """A visit by its id (or the scanned QR text holding it) or its badge number."""
    match = UUID_RE.search(key)
    visit = None
    if match:
        visit = session.get(Visit, match.group(0).lower())
    else:
        visit = session.scalar(select(Visit).where(Visit.badge_number == key.upper()))
    return live(visit, _("Badge {key} tidak dikenal.").format(key=isolate(key)), "scan")


def count_visits(core: Core, flt: VisitFilter, up_to: int | None = None) -> int:
    """How many visits the filter finds; with `up_to`, counted no further than
    one past it (a search that finds 100,000 visits is not counted to the end).
    The whole history is read from its tally (smesco_desk.db.tallies)."""
    with core.db.read() as session:
        if flt.scope is VisitScope.HISTORY and not flt.text.strip():
            tally = live_visits(session)
            if tally is not None:
                return tally
        if up_to is not None:
            return _count_capped(core, session, flt, up_to)
        query = filtered(core, session, select(func.count()).select_from(Visit), flt)
        return session.scalar(query) or 0


def _count_capped(core: Core, session: Session, flt: VisitFilter, up_to: int) -> int:
    """The count up to one past `up_to`. A search finds visits in several ways
    (visitors, organisations, hosts, a badge): if one of them alone finds more
    than `up_to`, so do they together, and each is counted in its index alone;
    only below that are they counted together (at most a few thousand rows)."""

    def capped(query: Select[Any]) -> int:
        inner = query.limit(up_to + 1).subquery()
        return session.scalar(select(func.count()).select_from(inner)) or 0

    one: Select[Any] = select(literal_column("1")).select_from(Visit)
    ways = search_conds(core, session, flt)
    if len(ways) > 1 and any(capped(scoped(core, one, flt).where(way)) > up_to for way in ways):
        return up_to + 1
    if not flt.text.strip():
        return capped(scoped(core, one, flt))
    return capped(scoped(core, one, flt).where(or_(*ways) if ways else false()))


def list_visits(
    core: Core,
    flt: VisitFilter,
    offset: int = 0,
    limit: int = 200,
    after: tuple[datetime, str] | None = None,
) -> list[VisitRecord]:
    """One page of visits, newest check-in first: from `offset`, or (`after`:
    the check-in time and id of the last visit of the page before) from just
    past that visit, which costs the same at row 200,000 as at row 200. In the
    building, a group ("rombongan") stays together: at its first member's
    check-in, in the order its members were registered (paged by `offset`: the
    list is short)."""
    with core.db.read() as session:
        query = filtered(core, session, select(*RECORD_COLUMNS), flt, for_page=True)
        if flt.scope is VisitScope.IN_BUILDING:
            query = query.order_by(*_grouped_order())
        else:
            if after is not None:
                at, last_id = after
                query = query.where(
                    Visit.checked_in_at <= at,
                    or_(Visit.checked_in_at < at, Visit.id < last_id),
                )
                offset = 0
            query = query.order_by(Visit.checked_in_at.desc(), Visit.id.desc())
        rows = session.execute(query.offset(offset).limit(limit)).all()
        sizes = _group_sizes(session, {r.group_id for r in rows if r.group_id}, flt)
        return visit_records(rows, purpose_labels(session), sizes)


def _grouped_order() -> tuple[Any, ...]:
    together = func.coalesce(Visit.group_id, Visit.id)
    first_in = func.min(Visit.checked_in_at).over(partition_by=together)
    return (first_in.desc(), together.desc(), Visit.checked_in_at, Visit.id)


def _group_sizes(session: Session, group_ids: set[str], flt: VisitFilter) -> dict[str, int]:
    """How many visits of each group the same list holds."""
    if not group_ids:
        return {}
    query = select(Visit.group_id, func.count()).where(
        Visit.group_id.in_(group_ids), Visit.deleted_at.is_(None)
    )
    if flt.scope is VisitScope.IN_BUILDING:
        query = query.where(Visit.checked_out_at.is_(None))
    rows = session.execute(query.group_by(Visit.group_id)).all()
    return {str(group): int(count) for group, count in rows}


def scoped(core: Core, query: _Q, flt: VisitFilter) -> _Q:
    """`query` limited to the live visits of the filter's scope (no search)."""
    query = query.where(Visit.deleted_at.is_(None))
    if flt.scope is VisitScope.IN_BUILDING:
        query = query.where(Visit.checked_out_at.is_(None))
    elif flt.scope is VisitScope.TODAY:
        start, end = wib_day_bounds(flt.day or wib_today(core.now()))
        query = query.where(Visit.checked_in_at >= start, Visit.checked_in_at < end)
    return query


def search_conds(
    core: Core, session: Session, flt: VisitFilter, for_page: bool = False
) -> list[ColumnElement[bool]]:
    """The ways the filter's text finds visits, any one of which will do."""
    text = flt.text.strip()
    conds: list[ColumnElement[bool]] = []
    if text:
        # A badge number has the day's digits: a name's start is no badge.
        badge = text.upper() if any(c.isdigit() for c in text) else None
        conds.extend(visit_matches(session, text, badge=badge, for_page=for_page))
        inside = flt.scope is VisitScope.IN_BUILDING
        if inside and text.isascii() and text.isdigit() and len(text) <= 4:
            # The short number of a badge worn today ("017").
            conds.append(Visit.badge_number.like(f"%-{int(text):03d}"))
    return conds


def filtered(
    core: Core, session: Session, query: _Q, flt: VisitFilter, for_page: bool = False
) -> _Q:
    query = scoped(core, query, flt)
    if flt.text.strip():
        # Nothing searchable typed ("_", "%"): nothing found, not everything.
        conds = search_conds(core, session, flt, for_page)
        query = query.where(or_(*conds) if conds else false())
    return query
