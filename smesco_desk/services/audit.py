"""The audit log for supervisors: who did what, when, filtered and exported.

Rows are read newest first, a page at a time (the viewer's table loads more
as it scrolls), over the indexes by time, by actor and by action. The
lists the filters offer (who, which kinds) are read by skipping through an
index one distinct value at a time, so they stay quick with millions of rows.

The CSV export is for Excel on the building's PCs: UTF-8 with a byte order
mark (without it Excel reads the text as the local code page and breaks
every name with a diacritic), `;` between fields (the list separator of
Windows set to Indonesian, where `,` is the decimal mark), and a cell that
starts like a formula (`=`, `+`, `-`, `@`) prefixed with `'`, so a name
typed at the desk can never run as a formula in the supervisor's Excel.
Its columns keep the action's code (`booking.create`, for filtering in Excel)
beside its label, and the detail as stored (JSON) beside the readable text
(smesco_desk.services.audit_text), so nothing the log holds is left out.
"""

from __future__ import annotations

import csv
import heapq
import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, union_all
from sqlalchemy.orm import InstrumentedAttribute, Session

from smesco_desk.clock import to_wib, wib_day_bounds
from smesco_desk.db.models import AuditEntry, User
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _
from smesco_desk.services import audit_text
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.values.audit import AuditActor, AuditFilter, AuditRecord

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

EXPORT_BATCH = 2000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class AuditService:
    def __init__(self, core: Core) -> None:
        self.core = core

    def entries(
        self, actor: Actor, flt: AuditFilter, offset: int = 0, limit: int = 200
    ) -> list[AuditRecord]:
        """Rows matching the filter, newest first, from `offset`."""
        require(actor, Permission.VIEW_AUDIT)
        conditions = _conditions(flt, with_area=False)
        offset, limit = _whole(offset, 0), _whole(limit, 200)
        with self.core.db.read() as session:
            names = _full_names(session)
            actions = _area_actions(session, flt)
            if actions is None:
                query = select(AuditEntry).where(*conditions)
            elif len(actions) < 2:  # (an area of no action matches nothing)
                query = select(AuditEntry).where(*conditions, AuditEntry.action.in_(actions))
            else:  # every action's newest rows, merged (no sort of the whole area)
                page = _merged_ids(conditions, actions, offset, limit)
                query = select(AuditEntry).where(AuditEntry.id.in_(page))
                offset = 0
            rows = session.scalars(
                query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                .offset(offset).limit(limit)
            )  # fmt: skip
            return [_record(r, names) for r in rows]

    def count(self, actor: Actor, flt: AuditFilter) -> int:
        require(actor, Permission.VIEW_AUDIT)
        query = _filtered(select(func.count()).select_from(AuditEntry), flt)
        with self.core.db.read() as session:
            return session.scalar(query) or 0

    def actors(self, actor: Actor) -> list[AuditActor]:
        """Everyone who appears in the log, and every user, by label."""
        require(actor, Permission.VIEW_AUDIT)
        with self.core.db.read() as session:
            names = _full_names(session)
            seen = set(_distinct(session, AuditEntry.actor)) | set(names)
        found = [AuditActor(n, _actor_label(n, names)) for n in seen]
        return sorted(found, key=lambda a: (":" in a.name, a.label.casefold()))

    def kinds(self, actor: Actor) -> list[str]:
        """The actions the log holds (`user.login`, `receipt.void`...), sorted."""
        require(actor, Permission.VIEW_AUDIT)
        with self.core.db.read() as session:
            return list(_distinct(session, AuditEntry.action))

    def export_csv(self, actor: Actor, flt: AuditFilter) -> bytes:
        """The rows matching the filter as CSV for Excel (see the module's docstring)."""
        require(actor, Permission.VIEW_AUDIT)
        conditions = _conditions(flt, with_area=False)
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow([_("Waktu (WIB)"), _("Pengguna"), _("Nama"), _("Disetujui oleh"),
                         _("Kode jenis"), _("Jenis"), _("Objek"), _("ID objek"), _("Meja"),
                         _("Rincian"), _("Data rincian")])  # fmt: skip
        with self.core.db.read() as session:
            names = _full_names(session)
            for r in _oldest_first(session, conditions, _area_actions(session, flt), names):
                writer.writerow([_cell(v) for v in (
                    to_wib(r.at).strftime("%Y-%m-%d %H:%M:%S"), r.actor, r.actor_name,
                    r.approver, r.action, r.action_label, r.entity, r.entity_id or "", r.desk,
                    r.detail_label, _raw(r.detail))])  # fmt: skip
        return ("\ufeff" + out.getvalue()).encode("utf-8")


def _whole(value: Any, default: int) -> int:
    """A row count or offset as the database takes it (out of range: the default)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 2**31:
        return value
    return default


def _filtered(query: Select[Any], flt: AuditFilter) -> Select[Any]:
    return query.where(*_conditions(flt))


def _conditions(flt: AuditFilter, *, with_area: bool = True) -> list[ColumnElement[bool]]:
    """The WHERE of a filter (without an area's range unless `with_area`: the
    callers that read an area action by action); a bad filter is a field error."""
    if not isinstance(flt, AuditFilter):
        raise ValidationError({"filter": _("Saringan tidak dikenal.")})
    found: list[ColumnElement[bool]] = []
    actor = flt.actor.strip() if isinstance(flt.actor, str) else ""
    kind = flt.kind.strip() if isinstance(flt.kind, str) else ""
    if actor:
        found.append(AuditEntry.actor == actor)
    if kind and "." in kind:
        found.append(AuditEntry.action == kind)
    elif kind and with_area:  # every action "kind.…": a range the index serves ("/" follows ".")
        found.extend([AuditEntry.action > kind + ".", AuditEntry.action < kind + "/"])
    start = _day(flt.date_from, "date_from")
    end = _day(flt.date_to, "date_to")
    if start is not None and end is not None and end < start:
        raise ValidationError({"date_to": _("Tanggal akhir sebelum tanggal awal.")})
    if start is not None:
        found.append(AuditEntry.at >= wib_day_bounds(start)[0])
    if end is not None:
        found.append(AuditEntry.at < wib_day_bounds(end)[1])
    return found


def _day(value: Any, field: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return to_wib(value).date()
    if not isinstance(value, date):
        raise ValidationError({field: _("Tanggal tidak valid.")})
    return value


def _full_names(session: Session) -> dict[str, str]:
    return {name: full for name, full in session.execute(select(User.username, User.full_name))}


def _actor_label(name: str, full_names: dict[str, str]) -> str:
    if name in full_names:
        return f"{full_names[name]} ({name})"
    kind, _sep, who = name.partition(":")
    if kind == "cli":
        return _("Baris perintah: {name}").format(name=who)
    if kind == "system":
        return _("Sistem")
    return name


def _record(row: AuditEntry, full_names: dict[str, str]) -> AuditRecord:
    name = full_names.get(row.actor, "") if row.actor_kind == "user" else ""
    detail = dict(row.detail or {})
    label = _actor_label(row.actor, full_names if row.actor_kind == "user" else {})
    approver = audit_text.approver_of(row.actor, detail)
    who = audit_text.who_text(label, row.actor, approver)
    return AuditRecord(
        row.id, row.at, row.actor, name, row.actor_kind, row.action, row.entity,
        row.entity_id, row.origin_desk, detail, label,
        audit_text.action_label(row.action), approver, who, audit_text.detail_text(detail),
    )  # fmt: skip


def _distinct(
    session: Session, column: InstrumentedAttribute[str], above: str = "", below: str = ""
) -> Iterator[str]:
    """The distinct values of an indexed column (between `above` and `below`, when
    given), one index seek each."""
    bound = [column < below] if below else []
    value = session.scalar(select(func.min(column)).where(column > above, *bound))
    while value is not None:
        yield value
        value = session.scalar(select(func.min(column)).where(column > value, *bound))


def _area_actions(session: Session, flt: AuditFilter) -> list[str] | None:
    """The actions of the area the filter names (`user`: user.login, ...), or None."""
    kind = flt.kind.strip() if isinstance(flt.kind, str) else ""
    if not kind or "." in kind:
        return None
    return list(_distinct(session, AuditEntry.action, kind + ".", kind + "/"))


def _merged_ids(
    conditions: list[ColumnElement[bool]], actions: list[str], offset: int, limit: int
) -> Select[Any]:
    """The ids of one page of several actions' rows, newest first: each action's
    newest `offset + limit` rows through the (action, at) index, merged. Sorting
    the whole area instead took 350 ms for 240,000 rows (benchmarks/bench_audit.py)."""
    parts = []
    for action in actions:
        newest = (
            select(AuditEntry.id, AuditEntry.at)
            .where(*conditions, AuditEntry.action == action)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .limit(offset + limit)
            .subquery()
        )
        parts.append(select(newest.c.id, newest.c.at))
    merged = union_all(*parts).subquery()
    return (
        select(merged.c.id)
        .order_by(merged.c.at.desc(), merged.c.id.desc())
        .offset(offset)
        .limit(limit)
    )


def _oldest_first(
    session: Session,
    conditions: list[ColumnElement[bool]],
    actions: list[str] | None,
    names: dict[str, str],
) -> Iterator[AuditRecord]:
    """Every matching row, oldest first, a batch at a time; an area's actions each
    read in the order of their index and merged here."""
    if actions is None:
        query = select(AuditEntry).where(*conditions).order_by(AuditEntry.at, AuditEntry.id)
        yield from (_record(r, names) for r in _batches(session, query))
        return
    streams = [
        (_record(r, names) for r in _batches(session, select(AuditEntry).where(
            *conditions, AuditEntry.action == action).order_by(AuditEntry.at, AuditEntry.id)))
        for action in actions
    ]  # fmt: skip
    yield from heapq.merge(*streams, key=lambda r: (r.at, r.id))


def _batches(session: Session, query: Select[Any]) -> Iterator[AuditEntry]:
    """The rows of an oldest-first query, a batch at a time, each batch starting
    after the last row of the one before (no OFFSET to skip through)."""
    after: ColumnElement[bool] | None = None
    while True:
        page = query if after is None else query.where(after)
        rows = list(session.scalars(page.limit(EXPORT_BATCH)))
        for row in rows:
            session.expunge(row)  # several streams share the session (an area's merge)
        yield from rows
        if len(rows) < EXPORT_BATCH:
            return
        at, key = rows[-1].at, rows[-1].id
        after = or_(AuditEntry.at > at, and_(AuditEntry.at == at, AuditEntry.id > key))


def _raw(detail: dict[str, Any]) -> str:
    """The detail as stored (JSON), for whoever needs an id or a key the text leaves out."""
    return json.dumps(detail, ensure_ascii=False, separators=(",", ":")) if detail else ""


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value
