"""Check-out: by scanning the badge, typing its number, or at closing time.

Every check-out is a fact of its own (CheckOut, synced), and the visit notes
when it ended. Visits still open after closing time end at the first closing
after their check-in, not when the desk next starts.

A visitor who lost their badge is found among the people inside by what the
receptionist types instead (`inside_matching`): the badge's short number
("017"), a run of four or more digits of the phone, or the starts of words of
the name. An old badge of someone who was given a new one is not a departure:
it names the badge that replaced it (BadgeReplaced) and checks nothing out.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from smesco_desk.clock import to_wib, wib_day_bounds, wib_today
from smesco_desk.db.models import CheckOut, Visit
from smesco_desk.domain.search_words import query_terms
from smesco_desk.errors import AlreadyDone, BadgeReplaced, NotFound, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import SYSTEM, Actor, Permission, require
from smesco_desk.services.settings import SettingsService
from smesco_desk.services.transaction import Transaction
from smesco_desk.services.visitors.lists import UUID_RE, find_visit
from smesco_desk.services.visitors.mapping import visit_record
from smesco_desk.services.visitors.purposes import purpose_labels
from smesco_desk.services.visitors.search import VISITOR, matching
from smesco_desk.values.visitors import CheckOutResult, VisitRecord

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

WHOLE_BADGE = re.compile(r"[A-Za-z0-9]+-\d{6}-\d{3,}")


def check_out(core: Core, actor: Actor, key: str, method: str | None = None) -> CheckOutResult:
    """Check a visit out by scanned QR text, visit id or badge number."""
    require(actor, Permission.CHECK_OUT)
    key = key.strip()
    if not key:
        raise ValidationError({"scan": _("Pindai badge atau ketik nomor badge.")})
    with Transaction.begin(core, actor) as tx:
        visit = find_visit(tx.session, key)
        if method is None:
            method = "scan" if UUID_RE.search(key) else "badge"
        if visit.checked_out_at is not None:
            _refuse_replaced(tx.session, visit)
            when = to_wib(visit.checked_out_at).strftime("%d-%m-%Y %H:%M")
            raise AlreadyDone(
                _("{name} ({badge}) sudah keluar pada {when}.").format(
                    name=visit.visitor_name, badge=visit.badge_number, when=when
                ),
                "scan",
            )
        close(tx, visit, tx.now, method)
        return CheckOutResult(visit_record(tx.session, visit), method)


def _refuse_replaced(session: Session, visit: Visit) -> None:
    """BadgeReplaced if `visit` was closed because its visitor got a new badge:
    naming the newest badge and whether the visitor is still inside."""
    method = session.scalar(select(CheckOut.method).where(CheckOut.visit_id == visit.id))
    if method != "replaced":
        return
    current = session.scalar(
        select(Visit)
        .where(
            Visit.visitor_id == visit.visitor_id,
            Visit.checked_in_at >= visit.checked_in_at,
            Visit.id != visit.id,
            Visit.deleted_at.is_(None),
        )
        .order_by(Visit.checked_out_at.is_not(None), Visit.checked_in_at.desc())
        .limit(1)
    )
    if current is None:
        return
    if current.checked_out_at is None:
        message = _("Badge lama, diganti dengan {badge}; tamu masih di dalam.")
    else:
        message = _("Badge lama, diganti dengan {badge}; tamu sudah keluar pada {when}.")
    when = (
        to_wib(current.checked_out_at).strftime("%d-%m-%Y %H:%M") if current.checked_out_at else ""
    )
    raise BadgeReplaced(
        message.format(badge=current.badge_number, when=when),
        visit_record(session, current),
        "scan",
    )


def _refuse_replaced_today(session: Session, number: int, now: datetime) -> None:
    """BadgeReplaced if today's badge with short number `number` is an old one,
    replaced by a new badge (as its whole number would say)."""
    start, _end = wib_day_bounds(wib_today(now))
    closed = session.scalars(
        select(Visit)
        .where(
            Visit.badge_number.like(f"%-{number:03d}"),
            Visit.checked_in_at >= start,
            Visit.checked_out_at.is_not(None),
            Visit.deleted_at.is_(None),
        )
        .order_by(Visit.checked_in_at.desc())
    )
    for visit in closed:
        _refuse_replaced(session, visit)


def inside_matching(core: Core, actor: Actor, text: str, limit: int = 10) -> list[VisitRecord]:
    """The visits still open that what was typed finds: a badge's short number
    ("017", "17"), a run of four or more digits of the phone, or the starts of
    words of the name; newest check-in first. NotFound, naming what was typed,
    if nobody inside matches; BadgeReplaced if a short number that finds nobody
    inside is that of a badge of today replaced by a new one."""
    require(actor, Permission.CHECK_OUT)
    typed = text.strip()
    if not typed:
        raise ValidationError({"scan": _("Pindai badge atau ketik nomor badge.")})
    if WHOLE_BADGE.fullmatch(typed):  # a whole badge number no visit has
        raise NotFound(_("Badge {key} tidak dikenal.").format(key=typed), "scan")
    conds = []
    digits = typed.lstrip("#")
    short = digits.isascii() and digits.isdigit() and len(digits) <= 4
    if short:
        conds.append(Visit.badge_number.like(f"%-{int(digits):03d}"))
    terms = query_terms(typed)
    if terms:
        conds.append(Visit.visitor_id.in_(matching(VISITOR, terms).order_by(None)))
    with core.db.read() as session:
        rows = []
        if conds:
            rows = list(
                session.scalars(
                    select(Visit)
                    .where(Visit.checked_out_at.is_(None), Visit.deleted_at.is_(None), or_(*conds))
                    .order_by(Visit.checked_in_at.desc())
                    .limit(limit)
                )
            )
        if not rows and short:
            _refuse_replaced_today(session, int(digits), core.now())
        if not rows:
            raise NotFound(
                _("Tidak ada tamu di dalam yang cocok dengan \u201c{text}\u201d.").format(
                    text=typed
                ),
                "scan",
            )
        labels = purpose_labels(session)
        return [visit_record(session, v, labels) for v in rows]


def close(tx: Transaction, visit: Visit, at: datetime, method: str) -> None:
    """Record that `visit` ended `at` (the transaction's time is when this is written)."""
    fact = tx.insert(
        CheckOut(
            visit_id=visit.id, checked_out_at=at, method=method, checked_out_by=tx.actor.audit_name
        )
    )
    visit.checked_out_at = at
    tx.update(visit)
    tx.record(
        "visit.check_out",
        [(fact, "insert"), (visit, "update")],
        {"badge_number": visit.badge_number, "method": method},
    )


def auto_check_out(core: Core, actor: Actor = SYSTEM) -> int:
    """Check out every visit still open from before the last closing time.

    Each visit ends at the first closing after its check-in, not at the last
    one: after a weekend with the desk off, Friday's visitors left on Friday.
    """
    require(actor, Permission.CHECK_OUT)
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        closing = last_closing(session, tx.now)
        open_visits = session.scalars(
            select(Visit).where(
                Visit.checked_out_at.is_(None),
                Visit.checked_in_at < closing,
                Visit.deleted_at.is_(None),
            )
        ).all()
        for visit in open_visits:
            ended = next_closing(session, visit.checked_in_at)
            close(tx, visit, ended, "auto")
        return len(open_visits)


# --- closing time ---------------------------------------------------------------------


def _closing_on(session: Session, moment: datetime) -> datetime:
    closing = SettingsService.get_in(session, "closing_time")
    hh, mm = (int(x) for x in str(closing).split(":"))
    local = to_wib(moment).replace(hour=hh, minute=mm, second=0, microsecond=0)
    return local.astimezone(moment.tzinfo)


def next_closing(session: Session, now: datetime) -> datetime:
    closing = _closing_on(session, now)
    return closing if closing > now else closing + timedelta(days=1)


def last_closing(session: Session, now: datetime) -> datetime:
    closing = _closing_on(session, now)
    return closing if closing <= now else closing - timedelta(days=1)
