"""Registration: a walk-in (new or returning) recorded and checked in at once.

A returning visitor is found by the visitor chosen from the suggestions, by
their NIK's pseudonym, or by the same phone and name; their details are
updated and counted. Each check-in gets a badge number of the desk and day
(D01-260310-001) and is valid until the next closing time.

The NIK's pseudonym (a slow hash, on purpose) is usually made ahead, when the
receptionist leaves the NIK field (`prepare_nik`); registering takes it from
there, or computes it when it is not ready: the same value either way.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.clock import to_wib
from smesco_desk.db.models import Visit, Visitor
from smesco_desk.domain.nik import InvalidNik, mask_nik
from smesco_desk.domain.text import fold
from smesco_desk.errors import NotFound
from smesco_desk.i18n import _
from smesco_desk.services import watchlist
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.approvals import Approval
from smesco_desk.services.settings import SettingsService
from smesco_desk.services.transaction import Transaction
from smesco_desk.services.visitors.checkout import close, next_closing
from smesco_desk.services.visitors.form import CleanForm, validate_form
from smesco_desk.services.visitors.mapping import visit_record
from smesco_desk.services.visitors.purposes import check_purpose
from smesco_desk.values.visitors import VisitorForm, VisitRecord

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def register(
    core: Core, actor: Actor, form: VisitorForm, approval: Approval | None = None
) -> VisitRecord:
    """Register a walk-in (new or returning) and check them in, in one transaction.

    A returning visitor who is still checked in (a lost badge, a second
    errand) gets the new badge and the old visit is closed ("replaced"), so
    nobody counts twice on the muster list and the old badge stops working.
    A person on the watchlist stops it with ApprovalRequired unless `approval`
    (a supervisor's, services.approvals) covers them (services.watchlist).
    """
    require(actor, Permission.REGISTER_VISITOR)
    clean = validate_form(form)
    # The slow hash runs before the write lock is taken, not while it is held.
    pseudonym = core.nik_key.pseudonym(clean.nik) if clean.nik else None
    with Transaction.begin(core, actor) as tx:
        visit, replaced = register_in(tx, clean, pseudonym, approval=approval)
        record = replace(visit_record(tx.session, visit), replaced_badges=tuple(replaced))
    if clean.nik:
        core.nik_key.forget(clean.nik)  # saved: no longer needed ready
    return record


def prepare_nik(core: Core, actor: Actor, nik: str) -> bool:
    """The pseudonym of a NIK typed in the form, made ahead (see the module)."""
    require(actor, Permission.REGISTER_VISITOR)
    try:
        core.nik_key.prepare(nik)
    except InvalidNik:
        return False
    return True


def register_in(
    tx: Transaction,
    clean: CleanForm,
    pseudonym: str | None,
    nik_masked: str | None = None,
    detail: dict[str, str] | None = None,
    *,
    approval: Approval | None = None,
) -> tuple[Visit, list[str]]:
    """Register and check in within the caller's transaction (the visit and the
    badges of the visits it replaced). `pseudonym` is the NIK's keyed hash,
    computed by the caller before the write lock; `nik_masked` stands for a NIK
    the caller no longer has (an event participant: only its hash and mask were
    kept). `detail` is added to what the audit log says of the check-in.
    The watchlist is consulted first (services.watchlist.check_visitor)."""
    check_purpose(tx.session, clean.purpose)
    visitor, op = _visitor_for(tx, clean, pseudonym, nik_masked)
    replaced = _close_open_visits(tx, visitor) if op == "update" else []
    visit = _check_in(tx, visitor, clean)
    watchlist.check_visitor(tx, clean.name, clean.phone, pseudonym, approval, visit)
    tx.record(
        "visit.check_in",
        [(visit, "insert"), (visitor, op)],
        {
            "badge_number": visit.badge_number,
            "purpose": clean.purpose,
            "replaced": replaced,
            **({"group_id": clean.group_id} if clean.group_id else {}),
            **(detail or {}),
        },
    )
    return visit, replaced


def _close_open_visits(tx: Transaction, visitor: Visitor) -> list[str]:
    open_visits = tx.session.scalars(
        select(Visit).where(
            Visit.visitor_id == visitor.id,
            Visit.checked_out_at.is_(None),
            Visit.deleted_at.is_(None),
        )
    ).all()
    for visit in open_visits:
        close(tx, visit, tx.now, "replaced")
    return [v.badge_number for v in open_visits]


def _visitor_for(
    tx: Transaction, form: CleanForm, hashed: str | None, nik_masked: str | None = None
) -> tuple[Visitor, str]:
    session, now = tx.session, tx.now
    visitor = _find_existing(session, form, hashed)
    op = "update"
    if visitor is None:
        visitor = tx.insert(Visitor(consent_at=now, consent_version="", visit_count=0))
        op = "insert"
    else:
        tx.update(visitor)
    visitor.full_name = form.name
    visitor.name_key = fold(form.name)
    visitor.phone = form.phone
    visitor.phone_key = form.phone.lstrip("+")
    visitor.organisation = form.organisation
    if hashed:
        visitor.nik_hash = hashed
        visitor.nik_masked = mask_nik(form.nik) if form.nik else nik_masked
    version = current_consent_version(session)
    if op == "insert" or visitor.consent_version != version:  # a consent on record keeps its day
        visitor.consent_at = now
        visitor.consent_version = version
    visitor.last_visit_at = now
    visitor.visit_count = (visitor.visit_count or 0) + 1
    return visitor, op


def current_consent_version(session: Session) -> str:
    """The version of the privacy notice visitors consent to now."""
    return str(SettingsService.get_in(session, "consent_version"))


def _find_existing(session: Session, form: CleanForm, hashed: str | None) -> Visitor | None:
    live = Visitor.deleted_at.is_(None)
    if form.visitor_id:
        visitor = _follow_merges(session, session.get(Visitor, form.visitor_id))
        if visitor is None or visitor.deleted_at is not None:
            raise NotFound(_("Data tamu lama tidak ditemukan; daftarkan sebagai tamu baru."))
        return visitor
    if hashed:
        found = session.scalar(select(Visitor).where(Visitor.nik_hash == hashed, live))
        if found is not None:
            return found
    return session.scalar(
        select(Visitor)
        .where(
            Visitor.phone_key == form.phone.lstrip("+"),
            Visitor.name_key == fold(form.name),
            live,
        )
        .limit(1)
    )


def _follow_merges(session: Session, visitor: Visitor | None) -> Visitor | None:
    """The visitor a merged one now lives on as (the same person registered at two
    desks while offline, merged by sync), or `visitor` itself."""
    seen: set[str] = set()
    while visitor is not None and visitor.merged_into and visitor.id not in seen:
        seen.add(visitor.id)
        visitor = session.get(Visitor, visitor.merged_into)
    return visitor


def _check_in(tx: Transaction, visitor: Visitor, form: CleanForm) -> Visit:
    desk, now = tx.desk, tx.now
    day = to_wib(now).strftime("%y%m%d")
    seq = tx.next_counter(f"badge:{day}")
    visit = Visit(
        visitor_id=visitor.id,
        badge_number=f"{desk}-{day}-{seq:03d}",
        visitor_name=form.name,
        organisation=form.organisation,
        purpose_code=form.purpose,
        host=form.host,
        desk_code=desk,
        checked_in_at=now,
        valid_until=next_closing(tx.session, now),
        checked_in_by=tx.actor.audit_name,
        group_id=form.group_id,
    )
    return tx.insert(visit)
