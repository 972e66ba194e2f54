"""The watchlist (daftar pantauan): supervisors keep it, registration consults it.

An entry names a person (name, phone, the NIK only as its keyed pseudonym and
masked), why, until which WIB day (inclusive; none: until removed), and
whether they are refused or need a supervisor's approval. The table is synced
like every other, so every desk checks the same list. Registering a visitor
who matches an entry in force (smesco_desk.domain.watchlist: the same NIK
pseudonym, the same phone, or a close name) stops with the reason: ApprovalRequired,
approvable as that module says, and an approval is recorded in the audit with
both names (smesco_desk.services.approvals).

Personal data (UU PDP): an export lists the entries about the person; an
erasure blanks those no longer in force, while an entry in force is kept for
the building's security until it ends (the export says so); removing an entry
blanks it, and `purge-expired` blanks entries that ended longer ago than the
visitor retention period.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from smesco_desk.clock import wib_today
from smesco_desk.db.models import WatchlistEntry
from smesco_desk.domain.erasure import ERASED_NAME
from smesco_desk.domain.nik import InvalidNik, mask_nik, normalize_nik
from smesco_desk.domain.phone import InvalidPhone, mask_phone, normalize_phone
from smesco_desk.domain.text import clean_name, has_visible, text_errors
from smesco_desk.domain.watchlist import (
    MatchedBy,
    WatchKind,
    approvable,
    kind_label,
    match_label,
    name_key,
    names_close,
)
from smesco_desk.errors import ApprovalRequired, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services import approvals
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.approvals import Approval, subject_of
from smesco_desk.services.queries import get_live
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.watchlist import WatchlistForm, WatchlistMatch, WatchlistRecord

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

KIND = "watchlist"
MAX_REASON = 500


class WatchlistService:
    def __init__(self, core: Core) -> None:
        self.core = core

    def entries(self, actor: Actor, include_ended: bool = True) -> list[WatchlistRecord]:
        """The list, newest first (ended entries too unless `include_ended` is False)."""
        require(actor, Permission.MANAGE_WATCHLIST)
        with self.core.db.read() as session:
            today = wib_today(self.core.now())
            rows = session.scalars(
                select(WatchlistEntry)
                .where(WatchlistEntry.deleted_at.is_(None))
                .order_by(WatchlistEntry.created_at.desc(), WatchlistEntry.id)
            ).all()
            found = [record(r, today) for r in rows]
        return [r for r in found if include_ended or r.in_force]

    def save(
        self, actor: Actor, form: WatchlistForm, entry_id: str | None = None
    ) -> WatchlistRecord:
        """Add an entry, or change one (a NIK left empty keeps the one stored)."""
        require(actor, Permission.MANAGE_WATCHLIST)
        clean = validate(form)
        # The slow hash runs before the write lock is taken.
        hashed = self.core.nik_key.pseudonym(clean["nik"]) if clean["nik"] else None
        with Transaction.begin(self.core, actor) as tx:
            if entry_id is None:
                entry = tx.insert(WatchlistEntry(added_by=actor.username))
                op = "insert"
            else:
                entry = get_live(tx.session, WatchlistEntry, entry_id, _not_found())
                tx.update(entry)
                op = "update"
            entry.full_name, entry.name_key = clean["name"], name_key(clean["name"])
            entry.phone = clean["phone"] or None
            entry.reason, entry.kind, entry.until = clean["reason"], clean["kind"], clean["until"]
            if hashed:
                entry.nik_hash, entry.nik_masked = hashed, mask_nik(clean["nik"])
            until = entry.until.isoformat() if entry.until else None
            tx.record("watchlist.save", [(entry, op)], {"kind": entry.kind, "until": until})
            return record(entry, wib_today(tx.now))

    def remove(self, actor: Actor, entry_id: str) -> None:
        """Take an entry off the list: its personal data blanked, the row a tombstone."""
        require(actor, Permission.MANAGE_WATCHLIST)
        with Transaction.begin(self.core, actor) as tx:
            entry = get_live(tx.session, WatchlistEntry, entry_id, _not_found())
            blank(tx, [entry], "watchlist.remove")

    def matches(
        self, actor: Actor, name: str, phone: str = "", nik: str = ""
    ) -> list[WatchlistMatch]:
        """The entries in force a person would match (the supervisors' screen tries it)."""
        require(actor, Permission.MANAGE_WATCHLIST)
        clean = validate(WatchlistForm(name, "-", WatchKind.APPROVAL, phone, nik))
        hashed = self.core.nik_key.pseudonym(clean["nik"]) if clean["nik"] else None
        phone = clean["phone"]
        with self.core.db.read() as session:
            today = wib_today(self.core.now())
            return [
                WatchlistMatch(record(e, today), tuple(sorted(by)))
                for e, by in matching(session, name, phone, hashed, today)
            ]


def _not_found() -> str:
    return _("Entri daftar pantauan tidak ditemukan.")


def record(entry: WatchlistEntry, today: date) -> WatchlistRecord:
    return WatchlistRecord(
        entry.id,
        entry.full_name,
        entry.phone,
        entry.nik_masked,
        entry.reason,
        entry.kind,
        entry.until,
        entry.added_by,
        entry.created_at,
        in_force(entry, today),
    )


def in_force(entry: WatchlistEntry, today: date) -> bool:
    return entry.deleted_at is None and (entry.until is None or entry.until >= today)


def validate(form: WatchlistForm) -> dict[str, Any]:
    """The form's fields in their stored shape; ValidationError by field."""
    errors = text_errors(
        {"name": form.name, "reason": form.reason, "phone": form.phone, "nik": form.nik}
    )
    name, reason = clean_name(form.name), form.reason.strip()
    if "name" not in errors and (not has_visible(name) or len(name_key(name)) < 2):
        errors["name"] = _("Nama wajib diisi (minimal 2 huruf).")
    elif len(name) > 200:
        errors["name"] = _("Nama terlalu panjang (maksimal 200 karakter).")
    if "reason" not in errors and not has_visible(reason):
        errors["reason"] = _("Tulis alasannya: petugas meja membacanya.")
    elif len(reason) > MAX_REASON:
        errors["reason"] = _("Alasan terlalu panjang (maksimal {n} karakter).").format(n=MAX_REASON)
    if form.kind not in {k.value for k in WatchKind}:
        errors["kind"] = _("Pilihan tidak dikenal.")
    phone = nik = ""
    try:
        phone = normalize_phone(form.phone) if form.phone.strip() and "phone" not in errors else ""
    except InvalidPhone as exc:
        errors["phone"] = str(exc)
    try:
        nik = normalize_nik(form.nik) if form.nik.strip() and "nik" not in errors else ""
    except InvalidNik as exc:
        errors["nik"] = str(exc)
    if form.until is not None and not isinstance(form.until, date):
        errors["until"] = _("Tanggal tidak valid.")
    if errors:
        raise ValidationError(errors)
    return {
        "name": name,
        "reason": reason,
        "kind": form.kind,
        "phone": phone,
        "nik": nik,
        "until": form.until,
    }


def matching(
    session: Session, name: str, phone: str, nik_hash: str | None, today: date
) -> list[tuple[WatchlistEntry, set[MatchedBy]]]:
    """The entries in force that a person (name, phone as +62..., NIK pseudonym)
    matches, each with what matched. The list is short: read whole, names
    compared here (smesco_desk.domain.watchlist.names_close)."""
    live = (
        WatchlistEntry.deleted_at.is_(None),
        or_(WatchlistEntry.until.is_(None), WatchlistEntry.until >= today),
    )
    key = name_key(name)
    found: list[tuple[WatchlistEntry, set[MatchedBy]]] = []
    for entry in session.scalars(select(WatchlistEntry).where(*live).order_by(WatchlistEntry.id)):
        by: set[MatchedBy] = set()
        if nik_hash and entry.nik_hash == nik_hash:
            by.add(MatchedBy.NIK)
        if phone and entry.phone == phone:
            by.add(MatchedBy.PHONE)
        if names_close(key, entry.name_key):
            by.add(MatchedBy.NAME)
        if by:
            found.append((entry, by))
    return found


def check_visitor(
    tx: Transaction,
    name: str,
    phone: str,
    nik_hash: str | None,
    approval: Approval | None,
    row: Any = None,
) -> None:
    """Registration's check (inside its transaction): a match stops it with
    ApprovalRequired, unless `approval` is a supervisor's for exactly these
    entries and this person; the approval is recorded about `row` (the visit)."""
    today = wib_today(tx.now)
    found = matching(tx.session, name, phone, nik_hash, today)
    if not found:
        return
    request = ApprovalRequired(
        KIND,
        subject_of([sorted(e.id for e, _by in found), name_key(name), phone, nik_hash]),
        tuple(_reason(e, by, name_key(name)) for e, by in found),
        approvable=all(approvable(e.kind, by) for e, by in found),
        details=tuple(_listed(e) for e, by in found if by == {MatchedBy.NAME}),
    )
    detail = {
        "entries": [e.id for e, _by in found],
        "matched_by": sorted({b.value for _e, by in found for b in by}),
    }
    approvals.record(tx, approval, request, row, detail)


def _reason(entry: WatchlistEntry, by: set[MatchedBy], key: str) -> str:
    matched = ", ".join(match_label(b, entry.name_key == key) for b in sorted(by))
    text = _("Daftar pantauan — {kind} ({matched}): {reason}").format(
        kind=kind_label(entry.kind), matched=matched, reason=entry.reason
    )
    if entry.until is not None:
        text += " " + _("(sampai {day})").format(day=entry.until.strftime("%d-%m-%Y"))
    return text


def _listed(entry: WatchlistEntry) -> str:
    """A listed person matched by the name only, as the approving supervisor
    compares them with the visitor: the name, the phone and NIK masked."""
    return _("Di daftar: {name} · HP {phone} · NIK {nik}").format(
        name=entry.full_name,
        phone=mask_phone(entry.phone) or _("tidak dicatat"),
        nik=entry.nik_masked or _("tidak dicatat"),
    )


def same_person_entries(
    session: Session, nik_hash: str | None, phone: str | None, name: str
) -> list[WatchlistEntry]:
    """The entries about one person (an export, an erasure): the same NIK
    pseudonym, or the same phone and a close name."""
    same: list[Any] = []
    if nik_hash:
        same.append(WatchlistEntry.nik_hash == nik_hash)
    if phone:
        same.append(WatchlistEntry.phone == phone)
    if not same:
        return []
    key = name_key(name)
    rows = session.scalars(
        select(WatchlistEntry)
        .where(or_(*same), WatchlistEntry.deleted_at.is_(None))
        .order_by(WatchlistEntry.id)
    ).all()
    return [
        e
        for e in rows
        if (nik_hash and e.nik_hash == nik_hash)
        or (e.phone == phone and names_close(key, e.name_key))
    ]


def entry_data(entry: WatchlistEntry, today: date) -> dict[str, Any]:
    """An entry as an export lists it."""
    return {
        "watchlist_id": entry.id,
        "name": entry.full_name,
        "phone": entry.phone,
        "nik_masked": entry.nik_masked,
        "reason": entry.reason,
        "kind": entry.kind,
        "until": entry.until.isoformat() if entry.until else None,
        "in_force": in_force(entry, today),
    }


def blank(tx: Transaction, entries: list[WatchlistEntry], action: str) -> None:
    """Blank the entries' personal data and make them tombstones (queued: sync
    carries the blanked row to every desk)."""
    for entry in entries:
        entry.full_name, entry.name_key, entry.reason = ERASED_NAME, "", ""
        entry.phone = entry.nik_masked = entry.nik_hash = None
        entry.deleted_at = entry.deleted_at or tx.now
        tx.update(entry)
        tx.record(action, [(entry, "update")], {"watchlist_id": entry.id})


def ended_before(session: Session, cutoff: date) -> list[WatchlistEntry]:
    """Entries that ended before `cutoff` and still hold personal data (purge)."""
    return list(
        session.scalars(
            select(WatchlistEntry)
            .where(WatchlistEntry.until < cutoff, WatchlistEntry.full_name != ERASED_NAME)
            .order_by(WatchlistEntry.id)
        )
    )


def retention_cutoff(today: date, days: int) -> date:
    return today - timedelta(days=days)
