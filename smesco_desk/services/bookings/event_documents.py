"""The printed documents of an event: the participants' badges (all at once, a
sheet of ten CR80 cards on A4 with cut marks or one card each) and the A4
attendance list for their signatures (smesco_desk.printing.event_badges and
smesco_desk.printing.attendance lay them out)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from smesco_desk.domain.bookings import event_kind_label
from smesco_desk.domain.erasure import ERASED_NAME
from smesco_desk.domain.phone import mask_phone
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.bookings.attendees import attendees
from smesco_desk.services.bookings.lists import booking
from smesco_desk.values.bookings import AttendeeRecord, BookingRecord

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

BADGE_FORMATS = ("sheet", "card")


def event_badges(
    core: Core, booking_id: str, fmt: str = "sheet", attendee_ids: Sequence[str] | None = None
) -> bytes:
    """The badges of the event's participants (or of those in `attendee_ids`) as
    PDF bytes; `fmt` "sheet" (ten to an A4 page, with cut marks) or "card" (one
    CR80 page each). Refused when the booking is no event or has no participants."""
    from smesco_desk.printing.event_badges import (
        EventBadge,
        render_event_badge_cards,
        render_event_badge_sheet,
    )

    if fmt not in BADGE_FORMATS:
        raise ValidationError(
            {"format": _("Format badge: 'sheet' (lembar A4) atau 'card' (satu kartu).")}
        )
    event = _event(core, booking_id)
    people = _chosen(attendees(core, booking_id), attendee_ids, event)
    building = str(core.settings.get("building_name"))
    badges = [
        EventBadge(
            attendee_id=a.id,
            name=a.name,
            organisation=a.organisation,
            event_title=event.title,
            event_kind_label=event_kind_label(event.event_kind),
            space_name=event.space_name,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            building_name=building,
        )
        for a in people
    ]
    # The title names the event, not a participant (a PDF's metadata travels).
    title = _("Badge peserta: {title}").format(title=event.title)
    render = render_event_badge_sheet if fmt == "sheet" else render_event_badge_cards
    return render(badges, title)


def attendance_list(core: Core, booking_id: str) -> bytes:
    """The event's attendance list (A4, for signatures) as PDF bytes; refused when
    the booking is no event or has no participants."""
    from smesco_desk.printing.attendance import (
        AttendanceData,
        AttendanceRow,
        render_attendance_list,
    )
    from smesco_desk.printing.event_badges import event_when

    event = _event(core, booking_id)
    people = _chosen(attendees(core, booking_id), None, event)
    when = event_when(event.starts_at, event.ends_at)
    rows = [AttendanceRow(a.name, a.organisation, mask_phone(a.phone)) for a in people]
    return render_attendance_list(
        AttendanceData(
            event_title=event.title,
            event_kind_label=event_kind_label(event.event_kind),
            space_name=event.space_name,
            when=when,
            booker=event.payer_name,
            rows=rows,
            generated_at=core.now(),
            building_name=str(core.settings.get("building_name")),
        )
    )


def _event(core: Core, booking_id: str) -> BookingRecord:
    found = booking(core, booking_id)
    if not found.is_event:
        raise DomainError(
            _(
                "Pemesanan '{title}' bukan acara: tandai dulu sebagai pelatihan, lokakarya "
                "atau seminar."
            ).format(title=found.title)
        )
    return found


def _chosen(
    people: list[AttendeeRecord], attendee_ids: Sequence[str] | None, event: BookingRecord
) -> list[AttendeeRecord]:
    """The participants to print (erased ones never: nothing of them is left)."""
    people = [a for a in people if a.name != ERASED_NAME]
    if attendee_ids is not None:
        wanted = set(attendee_ids)
        unknown = wanted - {a.id for a in people}
        if unknown:
            raise ValidationError(
                {
                    "attendees": _("Peserta tidak ditemukan pada acara ini: {ids}.").format(
                        ids=", ".join(sorted(unknown))
                    )
                }
            )
        people = [a for a in people if a.id in wanted]
    if not people:
        raise DomainError(_("Acara '{title}' belum punya peserta.").format(title=event.title))
    return people
