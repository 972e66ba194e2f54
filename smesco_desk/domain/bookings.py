"""The rules of rooms and spaces: what a space may be, when a booking fits, and
what it costs. Pure functions over plain values; money is integer rupiah.

The price of a booking
----------------------
A space has three rates: per hour, per half day (HALF_DAY_MINUTES, 4 hours)
and per day (DAY_MINUTES, a full day of 8 hours, as venues in Jakarta sell
it). A rate of 0 means the space is not rented by that unit, unless all three
are 0: then the space is free. The price of a booking of D minutes is the
cheapest combination of d days, h half days and n hours of the rates offered
whose time covers the booking (8·60·d + 4·60·h + 60·n >= D); a part of an hour
is a whole hour. Invariants (tests/core/test_bookings_price.py):

- it covers: the minutes the combination pays for are at least D;
- it never costs more than hours alone (ceil(D / 60) x the hour rate), nor
  than half days alone, nor than days alone, whichever of those are offered;
- it is monotone: a longer booking never costs less than a shorter one;
- it is an integer, at least 0, and 0 only for a free space.

A registered UMKM then gets the space's discount (basis points) off each line,
rounded half up to the rupiah; the kind of charge's taxes come last, computed
as for any charge (smesco_desk.domain.charges.compute_totals).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from smesco_desk.clock import WIB, to_wib
from smesco_desk.domain.charges import (
    MAX_RATE_BP,
    MAX_UNIT_PRICE,
    ChargeTotals,
    LineInput,
    TaxRule,
    compute_totals,
    tax_amount,
)
from smesco_desk.i18n import N_, _

HOUR_MINUTES = 60
HALF_DAY_MINUTES = 4 * 60
DAY_MINUTES = 8 * 60
MAX_BOOKING_MINUTES = 14 * 24 * 60  # two weeks: a longer use is a lease, not a booking
MAX_BUFFER_MINUTES = 24 * 60
MAX_CAPACITY = 10_000
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order


class SpaceKind(StrEnum):
    MEETING_ROOM = "meeting_room"
    CLASSROOM = "classroom"
    EVENT_HALL = "event_hall"
    WORKSHOP = "workshop"
    LOUNGE = "lounge"


class BookingStatus(StrEnum):
    PROVISIONAL = "provisional"  # made offline: the server has not accepted it yet
    CONFIRMED = "confirmed"
    CHECKED_IN = "checked_in"
    CANCELLED = "cancelled"
    RELEASED = "released"  # a no-show, let go after the grace period
    CONFLICT = "conflict"  # another desk won the slot: an open conflict


# Statuses of a booking that is over: it no longer takes its slot.
FREE_STATUSES = frozenset({BookingStatus.CANCELLED, BookingStatus.RELEASED})
# Statuses whose booking takes no slot (smesco_desk.db.overlaps agrees): those over,
# and a booking another desk won the slot of, kept until it is moved or cancelled.
SLOTLESS_STATUSES = FREE_STATUSES | {BookingStatus.CONFLICT}

SPACE_KIND_LABELS = {
    SpaceKind.MEETING_ROOM: N_("Ruang rapat"),
    SpaceKind.CLASSROOM: N_("Ruang kelas"),
    SpaceKind.EVENT_HALL: N_("Aula acara"),
    SpaceKind.WORKSHOP: N_("Bengkel"),
    SpaceKind.LOUNGE: N_("Lounge"),
}
STATUS_LABELS = {
    BookingStatus.PROVISIONAL: N_("Sementara"),
    BookingStatus.CONFIRMED: N_("Terkonfirmasi"),
    BookingStatus.CHECKED_IN: N_("Sudah hadir"),
    BookingStatus.CANCELLED: N_("Dibatalkan"),
    BookingStatus.RELEASED: N_("Dilepas"),
    BookingStatus.CONFLICT: N_("Bentrok"),
}


class EventKind(StrEnum):
    """What makes a booking an event with a participant list (None: a plain booking)."""

    TRAINING = "training"
    WORKSHOP = "workshop"
    SEMINAR = "seminar"


EVENT_KIND_LABELS = {
    EventKind.TRAINING: N_("Pelatihan"),
    EventKind.WORKSHOP: N_("Lokakarya"),
    EventKind.SEMINAR: N_("Seminar"),
}
# The purpose a participant's visit is registered with (the first one the
# visitors area still offers), by event kind; None: a booking that is no event.
EVENT_PURPOSES: dict[str | None, tuple[str, ...]] = {
    EventKind.TRAINING.value: ("training", "other"),
    EventKind.WORKSHOP.value: ("training", "other"),
    EventKind.SEMINAR.value: ("training", "other"),
    None: ("meeting", "other"),
}


def event_kind_label(kind: str | None) -> str:
    """'Pelatihan', 'Lokakarya', 'Seminar'; '' for a booking that is no event."""
    if kind is None:
        return ""
    try:
        return _(EVENT_KIND_LABELS[EventKind(kind)])
    except ValueError:
        return kind


def event_kind_errors(kind: object, field: str = "event_kind") -> dict[str, str]:
    """Refuse an event kind that is none of EventKind (None is allowed: no event)."""
    if kind is None or (isinstance(kind, str) and kind in {k.value for k in EventKind}):
        return {}
    choices = ", ".join(k.value for k in EventKind)
    return {field: _("Jenis acara tidak dikenal. Pilih salah satu: {kinds}.").format(kinds=choices)}


def space_kind_label(kind: str) -> str:
    try:
        return _(SPACE_KIND_LABELS[SpaceKind(kind)])
    except ValueError:
        return kind


def status_label(status: str) -> str:
    try:
        return _(STATUS_LABELS[BookingStatus(status)])
    except ValueError:
        return status


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --- the price ------------------------------------------------------------------------


@dataclass(frozen=True)
class Rates:
    hour: int
    half_day: int
    day: int

    @property
    def free(self) -> bool:
        return self.hour == self.half_day == self.day == 0


@dataclass(frozen=True)
class RentalPrice:
    """The cheapest combination of units covering a booking, and what it costs."""

    days: int
    half_days: int
    hours: int
    amount: int

    @property
    def minutes(self) -> int:
        """The time the combination pays for (at least the booking's)."""
        return self.days * DAY_MINUTES + self.half_days * HALF_DAY_MINUTES + self.hours * 60


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def rental_price(minutes: int, rates: Rates) -> RentalPrice:
    """The cheapest combination of the offered rates covering `minutes` (see the
    module's docstring). ValueError for a negative duration or no rate offered
    that can be combined (impossible once a space is valid: some rate, or none)."""
    if minutes < 0:
        raise ValueError("a negative duration")
    if rates.free or minutes == 0:
        return RentalPrice(0, 0, 0, 0)
    best: RentalPrice | None = None
    max_days = _ceil_div(minutes, DAY_MINUTES) if rates.day else 0
    for days in range(max_days + 1):
        left = max(0, minutes - days * DAY_MINUTES)
        max_halves = _ceil_div(left, HALF_DAY_MINUTES) if rates.half_day else 0
        for halves in range(max_halves + 1):
            rest = max(0, left - halves * HALF_DAY_MINUTES)
            hours = _ceil_div(rest, HOUR_MINUTES)
            if hours and not rates.hour:
                continue
            amount = days * rates.day + halves * rates.half_day + hours * rates.hour
            if best is None or amount < best.amount:
                best = RentalPrice(days, halves, hours, amount)
    if best is None:
        raise ValueError("no rate offered")
    return best


def umkm_discount(amount: int, discount_bp: int) -> int:
    """The UMKM discount of an amount, rounded half up to the rupiah."""
    return tax_amount(amount, discount_bp)


def duration_text(minutes: int) -> str:
    """A length of time as a receipt says it: "45 menit", "1,5 jam", "1 jam 40 menit"."""
    hours, rest = divmod(minutes, HOUR_MINUTES)
    if not rest:
        return f"{hours} jam"
    if not hours:
        return f"{rest} menit"
    if rest == HOUR_MINUTES // 2:
        return f"{hours},5 jam"
    return f"{hours} jam {rest} menit"


def booking_lines(
    space_name: str,
    price: RentalPrice,
    rates: Rates,
    discount_bp: int = 0,
    minutes: int | None = None,
) -> list[LineInput]:
    """The charge's lines: one per unit used (day, half day, hour), with the
    UMKM discount (0 for anyone else) taken off each. A free space: one line of Rp0.

    Each line says its unit's length ("per hari, 8 jam"); given the booking's
    `minutes`, the hours line says when a part of an hour was counted whole
    ("per jam; 1,5 jam dihitung 2 jam")."""
    hours_note = "per jam"
    if minutes is not None and price.hours:
        left = minutes - price.days * DAY_MINUTES - price.half_days * HALF_DAY_MINUTES
        if 0 < left < price.hours * HOUR_MINUTES:
            hours_note += f"; {duration_text(left)} dihitung {price.hours} jam"
    units = (  # stored on the charge as the receipt prints them (in Indonesian)
        (price.days, rates.day, "hari", f"per hari, {DAY_MINUTES // HOUR_MINUTES} jam"),
        (price.half_days, rates.half_day, "setengah hari",
         f"per setengah hari, {HALF_DAY_MINUTES // HOUR_MINUTES} jam"),
        (price.hours, rates.hour, "jam", hours_note),
    )
    lines = [
        LineInput(
            f"{space_name} ({per})",
            count,
            rate,
            umkm_discount(count * rate, discount_bp),
            unit,
        )
        for count, rate, unit, per in units
        if count
    ]
    return lines or [LineInput(space_name, 1, 0, 0, "kali")]


def booking_totals(
    space_name: str,
    minutes: int,
    rates: Rates,
    discount_bp: int,
    taxes: Sequence[TaxRule],
) -> ChargeTotals:
    """What a booking of `minutes` costs: the rates, the discount (pass 0 unless
    the booker is a registered UMKM), then the taxes."""
    price = rental_price(minutes, rates)
    return compute_totals(booking_lines(space_name, price, rates, discount_bp, minutes), taxes)


# --- opening hours ----------------------------------------------------------------------


def _minutes_of(text: Any) -> int | None:
    """ "HH:MM" (00:00-24:00) as minutes after midnight; None if it is not one."""
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":":
        return None
    hh, mm = text[:2], text[3:]
    if not (hh.isascii() and hh.isdigit() and mm.isascii() and mm.isdigit()):
        return None
    value = int(hh) * 60 + int(mm)
    return value if int(mm) < 60 and value <= 24 * 60 else None


def opening_hours_errors(hours: Any, field: str = "opening_hours") -> dict[str, str]:
    """What is wrong with opening hours: a mapping of weekday ("mon" .. "sun") to
    ["HH:MM", "HH:MM"], opening before closing ("24:00": midnight); a weekday
    left out (or null) is closed."""
    if not isinstance(hours, Mapping):
        return {field: _("Jam buka tidak dikenal.")}
    errors: dict[str, str] = {}
    for day, span in hours.items():
        key = f"{field}.{day}"
        if day not in WEEKDAYS:
            errors[field] = _("Hari tidak dikenal: {day}.").format(day=str(day)[:20])
            continue
        if span is None:
            continue
        if not isinstance(span, Sequence) or isinstance(span, str) or len(span) != 2:
            errors[key] = _("Jam buka dan tutup, misalnya 08:00 dan 21:00.")
            continue
        opens, closes = _minutes_of(span[0]), _minutes_of(span[1])
        if opens is None or closes is None:
            errors[key] = _("Tulis jam sebagai JJ:MM, misalnya 08:00.")
        elif opens >= closes:
            errors[key] = _("Jam tutup harus sesudah jam buka.")
    return errors


def _day_span(hours: Mapping[str, Any], day: date) -> tuple[int, int] | None:
    span = hours.get(WEEKDAYS[day.weekday()])
    if not span:
        return None
    opens, closes = _minutes_of(span[0]), _minutes_of(span[1])
    return None if opens is None or closes is None else (opens, closes)


def within_opening_hours(starts: datetime, ends: datetime, hours: Mapping[str, Any]) -> bool:
    """Whether [starts, ends) lies inside the opening hours of every WIB day it
    touches (across midnight only where one day closes at 24:00 and the next
    opens at 00:00). The buffers may lie outside: staff set up before opening."""
    start, end = to_wib(starts), to_wib(ends)
    day = start.date()
    while True:
        midnight = datetime.combine(day, time(0, 0), tzinfo=WIB)
        piece_from = max(start, midnight)
        piece_to = min(end, midnight + timedelta(days=1))
        if piece_from >= piece_to:
            return True
        span = _day_span(hours, day)
        if span is None:
            return False
        from_min = (piece_from - midnight) // timedelta(minutes=1)
        to_min = (piece_to - midnight) // timedelta(minutes=1)
        if from_min < span[0] or to_min > span[1]:
            return False
        day += timedelta(days=1)


def hours_text(hours: Mapping[str, Any], day: date) -> str:
    """The opening hours of a day as people read them ("08:00-21:00", or "tutup")."""
    span = hours.get(WEEKDAYS[day.weekday()])
    return f"{span[0]}-{span[1]}" if span else _("tutup")


# --- a booking and a space --------------------------------------------------------------


def booking_errors(
    starts: datetime,
    ends: datetime,
    attendees: Any,
    capacity: int,
    hours: Mapping[str, Any],
    now: datetime,
) -> dict[str, str]:
    """What keeps a booking of a space out, by the field it concerns: an end not
    after the start, a start in the past, a booking too long, times outside
    opening hours, attendees below one or above the capacity."""
    errors: dict[str, str] = {}
    if not _is_int(attendees) or attendees < 1:
        errors["attendees"] = _("Jumlah peserta paling sedikit 1.")
    elif attendees > capacity:
        errors["attendees"] = _("Melebihi kapasitas ruang ({n} orang).").format(n=capacity)
    if ends <= starts:
        errors["ends_at"] = _("Waktu selesai harus sesudah waktu mulai.")
        return errors
    if starts < now:
        errors["starts_at"] = _("Waktu mulai sudah lewat.")
    if ends - starts > timedelta(minutes=MAX_BOOKING_MINUTES):
        errors["ends_at"] = _("Paling lama {n} hari.").format(n=MAX_BOOKING_MINUTES // 1440)
    elif not within_opening_hours(starts, ends, hours):
        day = to_wib(starts).date()
        # the field whose time lies outside: the end when the start is inside
        field = "ends_at" if _opens_by(starts, hours) else "starts_at"
        if field in errors:
            field = "ends_at" if field == "starts_at" else "starts_at"
        errors[field] = _("Di luar jam buka ruang ({hours} pada hari itu).").format(
            hours=hours_text(hours, day)
        )
    return errors


def _opens_by(moment: datetime, hours: Mapping[str, Any]) -> bool:
    """Whether the space is open at `moment` (WIB) on its day."""
    local = to_wib(moment)
    span = _day_span(hours, local.date())
    minute = local.hour * 60 + local.minute
    return span is not None and span[0] <= minute < span[1]


@dataclass(frozen=True)
class SpaceNumbers:
    """The numbers of a space form, checked together."""

    capacity: Any
    setup_minutes: Any
    cleanup_minutes: Any
    rate_hour: Any
    rate_half_day: Any
    rate_day: Any
    umkm_discount_bp: Any


def space_errors(kind: Any, numbers: SpaceNumbers, hours: Any) -> dict[str, str]:
    """What is wrong with a space's kind, numbers and opening hours."""
    errors: dict[str, str] = {}
    if kind not in {k.value for k in SpaceKind}:
        errors["kind"] = _("Jenis ruang tidak dikenal.")
    if not _is_int(numbers.capacity) or not 1 <= numbers.capacity <= MAX_CAPACITY:
        errors["capacity"] = _("Kapasitas harus 1 sampai {n} orang.").format(n=MAX_CAPACITY)
    for name in ("setup_minutes", "cleanup_minutes"):
        value = getattr(numbers, name)
        if not _is_int(value) or not 0 <= value <= MAX_BUFFER_MINUTES:
            errors[name] = _("Jeda 0 sampai {n} menit.").format(n=MAX_BUFFER_MINUTES)
    for name in ("rate_hour", "rate_half_day", "rate_day"):
        value = getattr(numbers, name)
        if not _is_int(value) or not 0 <= value <= MAX_UNIT_PRICE:
            errors[name] = _("Tarif harus angka bulat rupiah, tidak negatif.")
    bp = numbers.umkm_discount_bp
    if not _is_int(bp) or not 0 <= bp <= MAX_RATE_BP:
        errors["umkm_discount_bp"] = _("Diskon UMKM harus 0 sampai 100%.")
    errors.update(opening_hours_errors(hours))
    return errors
