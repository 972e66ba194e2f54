"""Walk-in visitors: registration, returning visitors, check-in and check-out."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from smesco_desk.clock import WIB, to_wib, wib_day_bounds, wib_today
from smesco_desk.db.models import CheckOut, Visit, Visitor, VisitPurpose
from smesco_desk.domain.nik import InvalidNik, mask_nik, normalize_nik
from smesco_desk.domain.phone import InvalidPhone, normalize_phone
from smesco_desk.domain.text import (
    clean_name,
    fold,
    prefix_upper_bound,
    text_errors,
    unstorable,
    visible_length,
)
from smesco_desk.errors import AlreadyDone, NotFound, ValidationError
from smesco_desk.i18n import _, language
from smesco_desk.services.actors import SYSTEM, Actor, Permission, require
from smesco_desk.services.recording import new_synced, next_counter, record, touch
from smesco_desk.services.settings import SettingsService
from smesco_desk.values.visitors import (
    CheckOutResult,
    Purpose,
    VisitFilter,
    VisitorDetails,
    VisitorForm,
    VisitorSuggestion,
    VisitRecord,
    VisitScope,
)

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

_Q = TypeVar("_Q", bound=Select[Any])
UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
MAX_TEXT = 200


def phone_hint(phone: str | None) -> str:
    if not phone:
        return ""
    return phone[:6] + "\u2022" * max(0, len(phone) - 9) + phone[-3:]


class VisitorService:
    def __init__(self, core: Core) -> None:
        self.core = core

    # --- purposes ---------------------------------------------------------

    def purposes(self, active_only: bool = True) -> list[Purpose]:
        with self.core.db.read() as session:
            return self._purposes(session, active_only)

    def _purposes(self, session: Session, active_only: bool = True) -> list[Purpose]:
        query = select(VisitPurpose).where(VisitPurpose.deleted_at.is_(None))
        if active_only:
            query = query.where(VisitPurpose.active.is_(True))
        rows = session.scalars(query.order_by(VisitPurpose.sort_order, VisitPurpose.code))
        english = language() == "en"
        return [
            Purpose(
                p.code,
                p.label_en if english else p.label_id,
                p.label_id,
                p.label_en,
                p.active,
                p.sort_order,
            )
            for p in rows
        ]

    def _purpose_labels(self, session: Session) -> dict[str, str]:
        return {p.code: p.label for p in self._purposes(session, active_only=False)}

    def save_purpose(
        self, actor: Actor, code: str, label_id: str, label_en: str, active: bool = True
    ) -> Purpose:
        """Add a purpose or change its labels; codes never change."""
        require(actor, Permission.MANAGE_PURPOSES)
        # A blank label is said below; one that shows nothing, here.
        errors = text_errors({"code": code, "label_id": label_id, "label_en": label_en})
        if not isinstance(active, bool):  # "no" is not False
            errors["active"] = _("Pilih aktif atau tidak.")
        if errors:
            raise ValidationError(errors)
        code = code.strip().lower()
        if not re.fullmatch(r"[a-z][a-z0-9_]{1,31}", code):
            errors["code"] = _("Kode 2-32 huruf kecil, angka atau garis bawah.")
        if not label_id.strip():
            errors["label_id"] = _("Label bahasa Indonesia wajib diisi.")
        if errors:
            raise ValidationError(errors)
        now = self.core.now()
        with self.core.db.write() as session:
            row = session.scalar(select(VisitPurpose).where(VisitPurpose.code == code))
            if row is None:
                order = session.scalar(select(func.max(VisitPurpose.sort_order))) or 0
                row = VisitPurpose(code=code, label_id="", label_en="", sort_order=order + 1)
                new_synced(session, row, self.core.desk_code, now)
                op = "insert"
            else:
                touch(row, now)
                op = "update"
            row.label_id = label_id.strip()
            row.label_en = label_en.strip() or label_id.strip()
            row.active = active
            record(
                session,
                actor,
                self.core.desk_code,
                now,
                "purpose.save",
                [(row, op)],
                {"code": code, "active": active},
            )
            english = language() == "en"
            return Purpose(
                row.code,
                row.label_en if english else row.label_id,
                row.label_id,
                row.label_en,
                row.active,
                row.sort_order,
            )

    # --- registration -----------------------------------------------------

    def register(self, actor: Actor, form: VisitorForm) -> VisitRecord:
        """Register a walk-in (new or returning) and check them in, in one transaction.

        A returning visitor who is still checked in (a lost badge, a second
        errand) gets the new badge and the old visit is closed ("replaced"), so
        nobody counts twice on the muster list and the old badge stops working.
        """
        require(actor, Permission.REGISTER_VISITOR)
        clean = self.validate_form(form)
        # The slow hash runs before the write lock is taken, not while it is held.
        pseudonym = self.core.nik_key.pseudonym(clean.nik) if clean.nik else None
        with self.core.db.write() as session:
            self._check_purpose(session, clean.purpose)
            now = self.core.now()
            visitor, op = self._visitor_for(session, clean, now, pseudonym)
            replaced = (
                self._close_open_visits(session, actor, visitor, now) if op == "update" else []
            )
            visit = self._check_in(session, visitor, clean, actor, now)
            record(
                session,
                actor,
                self.core.desk_code,
                now,
                "visit.check_in",
                [(visit, "insert"), (visitor, op)],
                {
                    "badge_number": visit.badge_number,
                    "purpose": clean.purpose,
                    "replaced": replaced,
                },
            )
            return replace(self._record(session, visit), replaced_badges=tuple(replaced))

    def _check_purpose(self, session: Session, code: str) -> None:
        active = [p.code for p in self._purposes(session, active_only=True)]
        if code not in active:
            raise ValidationError(
                {
                    "purpose": _(
                        "Keperluan '{code}' tidak ada dalam daftar. Pilih salah satu: {codes}."
                    ).format(code=code, codes=", ".join(active))
                }
            )

    def _close_open_visits(
        self, session: Session, actor: Actor, visitor: Visitor, now: datetime
    ) -> list[str]:
        open_visits = session.scalars(
            select(Visit).where(
                Visit.visitor_id == visitor.id,
                Visit.checked_out_at.is_(None),
                Visit.deleted_at.is_(None),
            )
        ).all()
        for visit in open_visits:
            self._close(session, actor, visit, now, "replaced")
        return [v.badge_number for v in open_visits]

    def validate_form(self, form: VisitorForm) -> _CleanForm:
        """Check every field; ValidationError lists each bad one. Writes nothing."""
        errors = text_errors(
            {
                "name": form.name,
                "phone": form.phone,
                "purpose": form.purpose,
                "organisation": form.organisation,
                "nik": form.nik,
                "host": form.host,
            }
        )
        if form.visitor_id is not None and unstorable(form.visitor_id):
            errors["visitor_id"] = _("Data tamu lama tidak ditemukan; daftarkan sebagai tamu baru.")
        if errors.get("name") is None:
            self._check_name(clean_name(form.name), errors)
        if form.consent is not True:  # "no" or 1 is not a visitor's consent
            errors["consent"] = _("Tamu harus menyetujui pemberitahuan privasi.")
        if set(errors) & {"phone", "nik", "organisation", "host", "purpose"}:
            raise ValidationError(errors)  # the rest cannot be read
        return self._clean_fields(form, errors)

    @staticmethod
    def _check_name(name: str, errors: dict[str, str]) -> None:
        if visible_length(name) < 2:
            errors["name"] = _("Nama wajib diisi (minimal 2 huruf).")
        elif len(name) > MAX_TEXT:
            errors["name"] = _("Nama terlalu panjang (maksimal 200 karakter).")

    @staticmethod
    def _clean_fields(form: VisitorForm, errors: dict[str, str]) -> _CleanForm:
        phone = ""
        try:
            phone = normalize_phone(form.phone)
        except InvalidPhone as exc:
            errors["phone"] = str(exc)
        nik = ""
        if form.nik.strip():
            try:
                nik = normalize_nik(form.nik)
            except InvalidNik as exc:
                errors["nik"] = str(exc)
        organisation, host = clean_name(form.organisation), clean_name(form.host)
        if len(organisation) > MAX_TEXT:
            errors["organisation"] = _("Nama organisasi terlalu panjang.")
        if len(host) > MAX_TEXT:
            errors["host"] = _("Tuan rumah/acara terlalu panjang.")
        if not form.purpose:
            errors["purpose"] = _("Pilih keperluan kunjungan.")
        if errors:
            raise ValidationError(errors)
        name = clean_name(form.name)
        return _CleanForm(name, phone, form.purpose, organisation, nik, host, form.visitor_id)

    def _visitor_for(
        self, session: Session, form: _CleanForm, now: datetime, hashed: str | None
    ) -> tuple[Visitor, str]:
        visitor = self._find_existing(session, form, hashed)
        op = "update"
        if visitor is None:
            visitor = Visitor(consent_at=now, consent_version="", visit_count=0)
            new_synced(session, visitor, self.core.desk_code, now)
            op = "insert"
        else:
            touch(visitor, now)
        visitor.full_name = form.name
        visitor.name_key = fold(form.name)
        visitor.phone = form.phone
        visitor.phone_key = form.phone.lstrip("+")
        visitor.organisation = form.organisation
        if hashed:
            visitor.nik_hash, visitor.nik_masked = hashed, mask_nik(form.nik)
        visitor.consent_at = now
        visitor.consent_version = str(SettingsService.get_in(session, "consent_version"))
        visitor.last_visit_at = now
        visitor.visit_count = (visitor.visit_count or 0) + 1
        return visitor, op

    def _find_existing(
        self, session: Session, form: _CleanForm, hashed: str | None
    ) -> Visitor | None:
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

    def _check_in(
        self, session: Session, visitor: Visitor, form: _CleanForm, actor: Actor, now: datetime
    ) -> Visit:
        desk = self.core.desk_code
        day = to_wib(now).strftime("%y%m%d")
        seq = next_counter(session, f"badge:{day}")
        visit = Visit(
            visitor_id=visitor.id,
            badge_number=f"{desk}-{day}-{seq:03d}",
            visitor_name=form.name,
            organisation=form.organisation,
            purpose_code=form.purpose,
            host=form.host,
            desk_code=desk,
            checked_in_at=now,
            valid_until=self._next_closing(session, now),
            checked_in_by=actor.audit_name,
        )
        new_synced(session, visit, desk, now)
        return visit

    # --- closing time -----------------------------------------------------

    def _closing_on(self, session: Session, moment: datetime) -> datetime:
        closing = SettingsService.get_in(session, "closing_time")
        hh, mm = (int(x) for x in str(closing).split(":"))
        local = to_wib(moment).replace(hour=hh, minute=mm, second=0, microsecond=0)
        return local.astimezone(moment.tzinfo)

    def _next_closing(self, session: Session, now: datetime) -> datetime:
        closing = self._closing_on(session, now)
        return closing if closing > now else closing + timedelta(days=1)

    def _last_closing(self, session: Session, now: datetime) -> datetime:
        closing = self._closing_on(session, now)
        return closing if closing <= now else closing - timedelta(days=1)

    # --- check-out --------------------------------------------------------

    def check_out(self, actor: Actor, key: str, method: str | None = None) -> CheckOutResult:
        """Check a visit out by scanned QR text, visit id or badge number."""
        require(actor, Permission.CHECK_OUT)
        key = key.strip()
        if not key:
            raise ValidationError({"scan": _("Pindai badge atau ketik nomor badge.")})
        with self.core.db.write() as session:
            visit = self._find_visit(session, key)
            if method is None:
                method = "scan" if UUID_RE.search(key) else "badge"
            if visit.checked_out_at is not None:
                when = to_wib(visit.checked_out_at).strftime("%d-%m-%Y %H:%M")
                raise AlreadyDone(
                    _("{name} ({badge}) sudah keluar pada {when}.").format(
                        name=visit.visitor_name, badge=visit.badge_number, when=when
                    ),
                    "scan",
                )
            now = self.core.now()
            self._close(session, actor, visit, now, method)
            return CheckOutResult(self._record(session, visit), method)

    def _find_visit(self, session: Session, key: str) -> Visit:
        match = UUID_RE.search(key)
        visit = None
        if match:
            visit = session.get(Visit, match.group(0).lower())
        else:
            visit = session.scalar(select(Visit).where(Visit.badge_number == key.upper()))
        if visit is None or visit.deleted_at is not None:
            raise NotFound(_("Badge {key} tidak dikenal.").format(key=key), "scan")
        return visit

    def _close(
        self,
        session: Session,
        actor: Actor,
        visit: Visit,
        at: datetime,
        method: str,
        now: datetime | None = None,
    ) -> None:
        """Record that `visit` ended `at`; `now` (default `at`) is when this is written."""
        now = now or at
        fact = CheckOut(
            visit_id=visit.id, checked_out_at=at, method=method, checked_out_by=actor.audit_name
        )
        new_synced(session, fact, self.core.desk_code, now)
        visit.checked_out_at = at
        touch(visit, now)
        record(
            session,
            actor,
            self.core.desk_code,
            now,
            "visit.check_out",
            [(fact, "insert"), (visit, "update")],
            {"badge_number": visit.badge_number, "method": method},
        )

    def auto_check_out(self, actor: Actor = SYSTEM) -> int:
        """Check out every visit still open from before the last closing time.

        Each visit ends at the first closing after its check-in, not at the last
        one: after a weekend with the desk off, Friday's visitors left on Friday.
        """
        require(actor, Permission.CHECK_OUT)
        with self.core.db.write() as session:
            now = self.core.now()
            closing = self._last_closing(session, now)
            open_visits = session.scalars(
                select(Visit).where(
                    Visit.checked_out_at.is_(None),
                    Visit.checked_in_at < closing,
                    Visit.deleted_at.is_(None),
                )
            ).all()
            for visit in open_visits:
                ended = self._next_closing(session, visit.checked_in_at)
                self._close(session, actor, visit, ended, "auto", now)
            return len(open_visits)

    # --- returning visitors -----------------------------------------------

    def suggest(self, actor: Actor, text: str, limit: int = 8) -> list[VisitorSuggestion]:
        """Returning visitors matching a phone number, a name prefix or a NIK."""
        require(actor, Permission.VIEW_PERSONAL_DATA)
        query, matched_on = self._suggest_query(text)
        with self.core.db.read() as session:
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

    def _suggest_query(self, text: str) -> tuple[Select[Visitor] | None, str]:
        """The query for what was typed; a whole NIK costs one slow hash (an indexed
        equality lookup on its pseudonym), never a hash per stored visitor."""
        text = text.strip()
        digits = re.sub(r"[\s.\-()]", "", text)
        if digits.isascii() and digits.lstrip("+").isdigit():  # int() reads ASCII only
            plain = digits.lstrip("+")
            if len(plain) == 16:
                try:
                    hashed = self.core.nik_key.pseudonym(normalize_nik(plain))
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

    def visitor_details(self, actor: Actor, visitor_id: str) -> VisitorDetails:
        """What the form needs to fill itself for a returning visitor."""
        require(actor, Permission.VIEW_PERSONAL_DATA)
        with self.core.db.read() as session:
            v = session.get(Visitor, visitor_id)
            if v is None or v.deleted_at is not None:
                raise NotFound(_("Data tamu tidak ditemukan."))
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
            )

    # --- documents --------------------------------------------------------

    def badge_pdf(self, visit_id: str, copy: bool = False) -> bytes:
        """The CR80 badge of a visit as PDF bytes (never a NIK or a phone number)."""
        from smesco_desk.printing.badge import render_badge

        return render_badge(self._badge_data(visit_id, copy))

    def badge_label_pdf(self, visit_id: str, copy: bool = False) -> bytes:
        from smesco_desk.printing.badge import render_badge_label

        return render_badge_label(self._badge_data(visit_id, copy))

    def _badge_data(self, visit_id: str, copy: bool) -> Any:
        from smesco_desk.printing.badge import BadgeData

        visit = self.get_visit(visit_id)
        return BadgeData(
            visit_id=visit.id,
            badge_number=visit.badge_number,
            name=visit.name,
            organisation=visit.organisation,
            purpose_label=visit.purpose_label,
            host=visit.host,
            checked_in_at=visit.checked_in_at,
            valid_until=visit.valid_until,
            building_name=str(self.core.settings.get("building_name")),
            copy=copy,
        )

    def muster_pdf(self, actor: Actor, last_sync_at: datetime | None = None) -> bytes:
        """The evacuation muster list (A4) of everyone in the building now."""
        from smesco_desk.printing.muster import MusterData, MusterRow, render_muster_list

        require(actor, Permission.PRINT_MUSTER)
        flt = VisitFilter(VisitScope.IN_BUILDING)
        rows = [
            MusterRow(
                v.badge_number, v.name, v.organisation, v.purpose_label, v.host, v.checked_in_at
            )
            for v in self.list_visits(flt, 0, 100_000)
        ]
        rows.sort(key=lambda r: r.name.casefold())
        return render_muster_list(
            MusterData(
                rows=rows,
                generated_at=self.core.now(),
                desk_code=self.core.desk_code,
                building_name=str(self.core.settings.get("building_name")),
                last_sync_at=last_sync_at,
            )
        )

    # --- lists ------------------------------------------------------------

    def get_visit(self, visit_id_or_badge: str) -> VisitRecord:
        with self.core.db.read() as session:
            return self._record(session, self._find_visit(session, visit_id_or_badge))

    def count_visits(self, flt: VisitFilter) -> int:
        with self.core.db.read() as session:
            query = self._filtered(select(func.count()).select_from(Visit), flt)
            return session.scalar(query) or 0

    def list_visits(self, flt: VisitFilter, offset: int = 0, limit: int = 200) -> list[VisitRecord]:
        """One page of visits, newest check-in first."""
        with self.core.db.read() as session:
            query = self._filtered(select(Visit), flt)
            query = query.order_by(Visit.checked_in_at.desc(), Visit.id.desc())
            rows = session.scalars(query.offset(offset).limit(limit)).all()
            labels = self._purpose_labels(session)
            return [self._record(session, v, labels) for v in rows]

    def _filtered(self, query: _Q, flt: VisitFilter) -> _Q:
        query = query.where(Visit.deleted_at.is_(None))
        if flt.scope is VisitScope.IN_BUILDING:
            query = query.where(Visit.checked_out_at.is_(None))
        elif flt.scope is VisitScope.TODAY:
            start, end = wib_day_bounds(flt.day or wib_today(self.core.now()))
            query = query.where(Visit.checked_in_at >= start, Visit.checked_in_at < end)
        text = flt.text.strip()
        if text:
            # % and _ are searched for as themselves, not as wildcards.
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            like = f"%{escaped}%"
            query = query.where(
                or_(
                    Visit.visitor_name.ilike(like, escape="\\"),
                    Visit.organisation.ilike(like, escape="\\"),
                    Visit.badge_number == text.upper(),
                    Visit.host.ilike(like, escape="\\"),
                )
            )
        return query

    def _record(
        self, session: Session, visit: Visit, labels: dict[str, str] | None = None
    ) -> VisitRecord:
        labels = labels if labels is not None else self._purpose_labels(session)
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
        )


def _follow_merges(session: Session, visitor: Visitor | None) -> Visitor | None:
    """The visitor a merged one now lives on as (the same person registered at two
    desks while offline, merged by sync), or `visitor` itself."""
    seen: set[str] = set()
    while visitor is not None and visitor.merged_into and visitor.id not in seen:
        seen.add(visitor.id)
        visitor = session.get(Visitor, visitor.merged_into)
    return visitor


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


class _CleanForm:
    __slots__ = ("name", "phone", "purpose", "organisation", "nik", "host", "visitor_id")

    def __init__(
        self,
        name: str,
        phone: str,
        purpose: str,
        organisation: str,
        nik: str,
        host: str,
        visitor_id: str | None,
    ) -> None:
        self.name, self.phone, self.purpose = name, phone, purpose
        self.organisation, self.nik, self.host = organisation, nik, host
        self.visitor_id = visitor_id


__all__ = ["VisitorService", "WIB", "phone_search_key"]
