"""Plain frozen values of the rooms and spaces area: the space catalogue, a
booking's form and a booking as lists and the command line show it (never ORM
objects). The vocabulary (kinds, statuses) and the rules live in
smesco_desk.domain.bookings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from smesco_desk.clock import iso
from smesco_desk.domain.attendee_import import AttendeeInput, RowProblem
from smesco_desk.values.payments import PayerForm


@dataclass(frozen=True)
class SpaceForm:
    """A space as the administrator fills it in. `opening_hours` maps a weekday
    ("mon" .. "sun") to ["HH:MM", "HH:MM"] in WIB; a weekday left out is closed."""

    code: str
    name: str
    kind: str  # a SpaceKind value
    capacity: int
    opening_hours: Mapping[str, Any]
    floor: str = ""
    setup_minutes: int = 0
    cleanup_minutes: int = 0
    rate_hour: int = 0
    rate_half_day: int = 0
    rate_day: int = 0
    umkm_discount_bp: int = 0  # basis points: 1000 = 10%
    kind_code: str = "room"  # the kind of charge whose taxes a booking takes
    description: str = ""
    active: bool = True


@dataclass(frozen=True)
class SpaceInfo:
    id: str
    code: str
    name: str
    kind: str
    floor: str
    capacity: int
    opening_hours: Mapping[str, Any]
    setup_minutes: int
    cleanup_minutes: int
    rate_hour: int
    rate_half_day: int
    rate_day: int
    umkm_discount_bp: int
    kind_code: str
    description: str
    active: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "floor": self.floor,
            "capacity": self.capacity,
            "opening_hours": dict(self.opening_hours),
            "setup_minutes": self.setup_minutes,
            "cleanup_minutes": self.cleanup_minutes,
            "rate_hour": self.rate_hour,
            "rate_half_day": self.rate_half_day,
            "rate_day": self.rate_day,
            "umkm_discount_bp": self.umkm_discount_bp,
            "charge_kind": self.kind_code,
            "description": self.description,
            "active": self.active,
        }


@dataclass(frozen=True)
class BookingForm:
    """A booking as the dialog (or `book`) fills it in; times are aware datetimes."""

    space: str  # the space's code
    title: str
    starts_at: datetime
    ends_at: datetime
    payer: PayerForm  # who books and pays, as on a charge
    attendees: int = 1
    umkm: bool = False  # a registered UMKM: the space's UMKM discount applies
    notes: str = ""
    event_kind: str | None = None  # an EventKind value: an event with participants


@dataclass(frozen=True)
class BookingRecord:
    """A booking as lists show it, with what its charge adds up to and what is paid."""

    id: str
    space_code: str
    space_name: str
    title: str
    payer_kind: str
    payer_id: str | None
    payer_name: str
    umkm: bool
    attendees: int
    starts_at: datetime
    ends_at: datetime
    setup_minutes: int
    cleanup_minutes: int
    status: str
    charge_id: str | None
    total: int  # the price: its live charges added up (0 for a free space)
    paid: int  # what has been paid of it
    notes: str = ""
    cancel_reason: str = ""
    created_at: datetime | None = field(default=None, compare=False)
    charge_status: str = ""  # open | paid | cancelled ("" with no charge)
    series_id: str | None = None  # the recurring series it is an occurrence of
    # What is still to be paid: its open charges (after a late cancellation or a
    # no-show, the fee that replaced the booking's charge; after a move of a paid
    # booking to a dearer slot, the difference).
    owed: int = 0
    refund_due: int = 0  # owed back to the booker (a paid booking moved cheaper)
    event_kind: str | None = None  # training | workshop | seminar (None: no event)

    @property
    def is_event(self) -> bool:
        return self.event_kind is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "space": self.space_code,
            "space_name": self.space_name,
            "title": self.title,
            "starts_at": iso(self.starts_at),
            "ends_at": iso(self.ends_at),
            "status": self.status,
            "attendees": self.attendees,
            "booker": self.payer_name,
            "payer_kind": self.payer_kind,
            "umkm": self.umkm,
            "setup_minutes": self.setup_minutes,
            "cleanup_minutes": self.cleanup_minutes,
            "charge_id": self.charge_id,
            "total": self.total,
            "paid": self.paid,
            "owed": self.owed,
            "refund_due": self.refund_due,
            "notes": self.notes,
            "cancel_reason": self.cancel_reason,
            "series_id": self.series_id,
            "event_kind": self.event_kind,
        }


@dataclass(frozen=True)
class CheckInNote:
    """When a booking was checked in, and by whom (the user's name, or the
    audit name of a script), as the audit log keeps it."""

    at: datetime
    by: str


@dataclass(frozen=True)
class MoveSuggestion:
    """A free slot a booking in conflict could move to: as long as the booking, in
    its own space at another time (`same_space`) or in a similar space (the same
    kind, room for the attendees) at the same time."""

    space_id: str
    space_code: str
    space_name: str
    capacity: int
    starts_at: datetime
    ends_at: datetime
    same_space: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "space": self.space_code,
            "space_name": self.space_name,
            "capacity": self.capacity,
            "starts_at": iso(self.starts_at),
            "ends_at": iso(self.ends_at),
            "same_space": self.same_space,
        }


@dataclass(frozen=True)
class BookingMisfit:
    """A booking to come that a change of its space would no longer fit, and why."""

    booking: BookingRecord
    reason: str


@dataclass(frozen=True)
class MoveQuote:
    """What moving a booking would do to its money: its price before and after;
    when it is paid, the new charge of the difference or the refund owed back
    (0 when nothing is paid: the open charge simply takes the new price)."""

    old_total: int
    new_total: int
    paid: int
    new_charge: int = 0
    refund: int = 0

    @property
    def difference(self) -> int:
        return self.new_total - self.old_total


@dataclass(frozen=True)
class SeriesOccurrence:
    """One occurrence of a planned series (number 1, 2, ...), and what keeps it
    out if anything does: `clash` is the live booking in the way, `problem`
    says why in words (the clash, outside opening hours, in the past)."""

    number: int
    starts_at: datetime
    ends_at: datetime
    clash: BookingRecord | None = None
    problem: str = ""

    @property
    def free(self) -> bool:
        return not self.problem

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "starts_at": iso(self.starts_at),
            "ends_at": iso(self.ends_at),
            "clash": self.clash.id if self.clash is not None else None,
            "problem": self.problem,
        }


@dataclass(frozen=True)
class SeriesInfo:
    """The series a booking is an occurrence of: its rule and where the
    booking stands in it ("3 dari 8": every occurrence booked, cancelled ones
    too, by start). `cancellable_following` and `cancellable_all` count the
    occurrences "Ini dan berikutnya" and "Seluruh seri" would cancel now (not
    over, not checked in, still live)."""

    series_id: str
    frequency: str  # daily | weekly | monthly
    weekdays: tuple[str, ...]  # of a weekly rule: ("mon", "wed")
    month_day: int | None
    number: int  # this booking's place, from 1
    count: int
    cancellable_following: int = 0
    cancellable_all: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "series_id": self.series_id,
            "frequency": self.frequency,
            "weekdays": list(self.weekdays),
            "month_day": self.month_day,
            "number": self.number,
            "count": self.count,
            "cancellable_following": self.cancellable_following,
            "cancellable_all": self.cancellable_all,
        }


@dataclass(frozen=True)
class SeriesPlan:
    """Every occurrence of a series, before it is saved."""

    occurrences: tuple[SeriesOccurrence, ...]

    @property
    def clashes(self) -> tuple[SeriesOccurrence, ...]:
        return tuple(o for o in self.occurrences if not o.free)


@dataclass(frozen=True)
class SeriesBooking:
    """A series as saved: its bookings, and the occurrences skipped for a clash."""

    series_id: str
    bookings: tuple[BookingRecord, ...]
    skipped: tuple[SeriesOccurrence, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "series_id": self.series_id,
            "bookings": [b.to_json() for b in self.bookings],
            "skipped": [o.to_json() for o in self.skipped],
        }


@dataclass(frozen=True)
class BookingPolicies:
    """The bookings' policies an administrator sets (kept as settings): a
    cancellation is free more than `free_cancel_hours` before the start, then
    costs `cancel_fee_percent` of the booking's total; a confirmed booking
    nobody checked in for is let go `no_show_grace_minutes` after its start
    (smesco_desk.domain.booking_policy)."""

    free_cancel_hours: int
    cancel_fee_percent: int
    no_show_grace_minutes: int

    def to_json(self) -> dict[str, Any]:
        return {
            "free_cancel_hours": self.free_cancel_hours,
            "cancel_fee_percent": self.cancel_fee_percent,
            "no_show_grace_minutes": self.no_show_grace_minutes,
        }


AttendeeForm = AttendeeInput
"""A participant as typed by hand (name, phone, organisation, NIK, email)."""


@dataclass(frozen=True)
class AttendeeRecord:
    """A participant of an event: the NIK only masked, the phone in E.164."""

    id: str
    booking_id: str
    name: str
    phone: str
    organisation: str
    nik_masked: str | None
    email: str
    checked_in_at: datetime | None
    visit_id: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "booking_id": self.booking_id,
            "name": self.name,
            "phone": self.phone,
            "organisation": self.organisation,
            "nik": self.nik_masked,
            "email": self.email,
            "checked_in_at": iso(self.checked_in_at) if self.checked_in_at else None,
            "visit_id": self.visit_id,
        }


@dataclass(frozen=True)
class AttendeeImport:
    """What an import wrote (`imported`) and the bad rows it left out (`skipped`,
    only with skip_bad: otherwise a bad row refuses the whole file)."""

    imported: tuple[AttendeeRecord, ...]
    skipped: tuple[RowProblem, ...] = ()


@dataclass(frozen=True)
class AttendeeRow:
    """A row of a participant file as a preview shows it: what it holds (the
    phone as +62... once valid, as written otherwise; the NIK only masked, ""
    when absent or invalid) and one message per bad field (none: it would be
    imported)."""

    line: int
    name: str
    phone: str
    organisation: str
    nik_masked: str
    email: str
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class AttendeePreview:
    """Every row of a participant file checked as an import would check it now,
    nothing written; `present` participants are on the booking already, and
    its space holds `capacity`."""

    rows: tuple[AttendeeRow, ...]
    present: int
    capacity: int

    @property
    def good(self) -> tuple[AttendeeRow, ...]:
        return tuple(r for r in self.rows if r.ok)

    @property
    def bad(self) -> tuple[AttendeeRow, ...]:
        return tuple(r for r in self.rows if not r.ok)

    def fits(self, adding: int) -> bool:
        """Whether `adding` more participants stay within the space's capacity."""
        return self.present + adding <= self.capacity
