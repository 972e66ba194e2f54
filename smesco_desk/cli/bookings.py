"""Rooms and spaces at the desk: the space catalogue (`spaces`), the bookings of
a day (`bookings`), booking a space (`book`), cancelling a booking
(`cancel-booking`, with the cancellation policy's fee, which a supervisor may
waive), moving or resizing one (`move-booking`: the price follows; a clash
names the booking in the way and writes nothing), letting no-shows go
(`release-no-shows`, as `auto-checkout` does for visits) and importing an
event's participants from a CSV or XLSX file (`import-attendees`: all or
nothing, every bad row on stderr by its line; `--skip-bad` imports the good
rows). Times are WIB, written `YYYY-MM-DD HH:MM`.

A script books as the booking dialog does: the same service call, the same
checks, one transaction. A clash, attendees above the capacity, times outside
the opening hours or an end before the start: one line on stderr naming what
is wrong (for a clash, the booking in the way), a non-zero status, nothing
written. Booking and cancelling make or cancel a charge, so they act as a
named user who logs in (`--user`), as `sell` does; reading needs no login.

Events: `book --event training|workshop|seminar` books an event with a
participant list; `event-badges` prints its participants' badges (a sheet of
ten CR80 cards on A4 with cut marks, or one card each), `attendance-list` the
A4 list they sign, and `check-in-attendee` checks a participant in by their
badge's QR text or id (registering them as a visitor of the day).

`book --repeat daily|weekly|monthly` (with `--weekdays mon,wed` or
`--month-day N`, and `--until YYYY-MM-DD` or `--times N`) books a series in one
transaction: the first clash refuses all of it, unless `--skip-clashes`
books the others and lists the skipped ones.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from smesco_desk.cli.support import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    Commands,
    Subcommands,
    add_login,
    add_output,
    check_output,
    iso_date,
    json_text,
    login,
    open_desk,
    say,
    say_error,
    write_file,
)
from smesco_desk.clock import WIB, iso, wib_today
from smesco_desk.domain.attendee_import import BadAttendeeRows, RowProblem
from smesco_desk.domain.booking_series import Frequency, SeriesRule, weekdays_of
from smesco_desk.domain.bookings import EventKind
from smesco_desk.domain.payments import PayerKind
from smesco_desk.services.actors import Actor, Permission, cli_actor
from smesco_desk.values.bookings import BookingForm, BookingRecord
from smesco_desk.values.payments import PayerForm

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

DEFAULT_BOOKER = "Pengunjung umum"  # a walk-in who gave no name (as `sell`'s payer)
WHO_BOOKS = "who books (any role that books spaces)"


def register(sub: Subcommands) -> Commands:
    spaces = sub.add_parser("spaces", help="the bookable spaces (rooms, classrooms, hall)")
    spaces.add_argument("--all", action="store_true", help="inactive spaces too")
    spaces.add_argument("--json", action="store_true")

    bookings = sub.add_parser("bookings", help="the bookings of a day")
    bookings.add_argument("--date", type=iso_date, default=None, help="YYYY-MM-DD (WIB; today)")
    bookings.add_argument("--json", action="store_true")

    book = sub.add_parser("book", help="book a space (times in WIB)")
    book.add_argument("--space", required=True, metavar="CODE", help="a code from `spaces`")
    book.add_argument("--start", required=True, type=wib_time, metavar='"YYYY-MM-DD HH:MM"')
    book.add_argument("--end", required=True, type=wib_time, metavar='"YYYY-MM-DD HH:MM"')
    book.add_argument("--title", required=True, metavar="TEXT")
    book.add_argument("--attendees", type=attendee_count, default=1, metavar="N")
    book.add_argument("--booker", default=None, help=f"who books (default: {DEFAULT_BOOKER})")
    book.add_argument("--umkm", action="store_true", help="a registered UMKM: its discount")
    book.add_argument("--notes", default="")
    book.add_argument(
        "--event",
        choices=[k.value for k in EventKind],
        default=None,
        metavar="KIND",
        help="an event with participants: training, workshop or seminar",
    )
    book.add_argument("--json", action="store_true")
    repeat = book.add_argument_group("a recurring booking (all or nothing: one transaction)")
    repeat.add_argument("--repeat", choices=[f.value for f in Frequency], default=None)
    repeat.add_argument("--weekdays", default=None, metavar="mon,wed", help="for --repeat weekly")
    repeat.add_argument(
        "--month-day", type=attendee_count, default=None, metavar="N", help="for monthly (1-31)"
    )
    ends = repeat.add_mutually_exclusive_group()
    ends.add_argument("--until", type=iso_date, default=None, metavar="YYYY-MM-DD")
    ends.add_argument("--times", type=attendee_count, default=None, metavar="N")
    repeat.add_argument(
        "--skip-clashes", action="store_true", help="book the others when some clash"
    )
    add_login(book, WHO_BOOKS)

    cancel = sub.add_parser("cancel-booking", help="cancel a booking: its slot is free again")
    cancel.add_argument("booking_id", metavar="ID")
    cancel.add_argument("--reason", default="", metavar="TEXT")
    cancel.add_argument(
        "--waive-fee", action="store_true", help="no cancellation fee (a supervisor's decision)"
    )
    cancel.add_argument("--json", action="store_true")
    add_login(cancel, WHO_BOOKS)

    move = sub.add_parser(
        "move-booking", help="move or resize a booking (times in WIB): the price follows"
    )
    move.add_argument("booking_id", metavar="ID")
    move.add_argument("--start", required=True, type=wib_time, metavar='"YYYY-MM-DD HH:MM"')
    move.add_argument("--end", required=True, type=wib_time, metavar='"YYYY-MM-DD HH:MM"')
    move.add_argument("--space", default=None, metavar="CODE", help="another space (its code)")
    move.add_argument("--json", action="store_true")
    add_login(move, WHO_BOOKS)

    release = sub.add_parser(
        "release-no-shows", help="let go confirmed bookings nobody checked in for (grace passed)"
    )
    release.add_argument("--json", action="store_true")

    attendees = sub.add_parser(
        "import-attendees", help="import an event's participants from a CSV or XLSX file"
    )
    attendees.add_argument("booking_id", metavar="BOOKING_ID")
    attendees.add_argument("file", metavar="FILE", help="a .csv (UTF-8, ; or ,) or .xlsx file")
    attendees.add_argument(
        "--skip-bad", action="store_true", help="import the good rows, leave the bad ones out"
    )
    attendees.add_argument("--json", action="store_true")
    add_login(attendees, WHO_BOOKS)

    badges = sub.add_parser("event-badges", help="print an event's participant badges (PDF)")
    badges.add_argument("booking_id", metavar="BOOKING_ID")
    badges.add_argument(
        "--format",
        choices=["sheet", "card"],
        default="sheet",
        help="sheet: ten CR80 badges on A4 with cut marks (default); card: one CR80 page each",
    )
    add_output(badges)

    attendance = sub.add_parser(
        "attendance-list", help="print an event's attendance list for signatures (A4 PDF)"
    )
    attendance.add_argument("booking_id", metavar="BOOKING_ID")
    add_output(attendance)

    arrive = sub.add_parser(
        "check-in-attendee", help="check an event participant in (badge QR text or id)"
    )
    arrive.add_argument("code", metavar="CODE", help="the badge's QR text or the participant id")
    arrive.add_argument(
        "--user", default=None, metavar="NAME", help="check in as this user (password asked)"
    )
    arrive.add_argument("--json", action="store_true")
    return {
        "spaces": cmd_spaces,
        "bookings": cmd_bookings,
        "book": cmd_book,
        "cancel-booking": cmd_cancel_booking,
        "move-booking": cmd_move_booking,
        "release-no-shows": cmd_release_no_shows,
        "import-attendees": cmd_import_attendees,
        "event-badges": cmd_event_badges,
        "attendance-list": cmd_attendance_list,
        "check-in-attendee": cmd_check_in_attendee,
    }


def wib_time(text: str) -> datetime:
    """An argparse type: `YYYY-MM-DD HH:MM` in WIB, as an aware datetime."""
    try:
        moment = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(f'not a time ("YYYY-MM-DD HH:MM"): {text!r}') from None
    if not 1900 <= moment.year <= 9000:
        raise argparse.ArgumentTypeError(f"not a time between 1900 and 9000: {text!r}")
    return moment.replace(tzinfo=WIB)


def attendee_count(text: str) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 9:
        raise argparse.ArgumentTypeError(f"not a number of people: {text!r}")
    return int(value)


def _booking_lines(found: list[BookingRecord], as_json: bool) -> None:
    if as_json:
        say(json_text([b.to_json() for b in found]))
        return
    for b in found:
        say(
            f"{b.id}\t{b.space_code}\t{iso(b.starts_at)}\t{iso(b.ends_at)}\t{b.title}"
            f"\t{b.status}\t{b.total}\t{b.paid}"
        )


def cmd_spaces(args: argparse.Namespace) -> int:
    core = open_desk(args)
    found = core.bookings.spaces(active_only=not args.all)
    if args.json:
        say(json_text([s.to_json() for s in found]))
        return EXIT_OK
    for s in found:
        say(f"{s.code}\t{s.name}\t{s.kind}\t{s.floor}\t{s.capacity}")
    return EXIT_OK


def cmd_bookings(args: argparse.Namespace) -> int:
    core = open_desk(args)
    day = args.date or wib_today(core.now())
    _booking_lines(core.bookings.bookings_on(day), args.json)
    return EXIT_OK


def cmd_book(args: argparse.Namespace) -> int:
    core = open_desk(args)
    booker = DEFAULT_BOOKER if args.booker is None else args.booker
    kind = PayerKind.UMKM if args.umkm else PayerKind.VISITOR
    form = BookingForm(
        space=args.space,
        title=args.title,
        starts_at=args.start,
        ends_at=args.end,
        payer=PayerForm(kind.value, booker),
        attendees=args.attendees,
        umkm=args.umkm,
        notes=args.notes,
        event_kind=args.event,
    )
    rule = _series_rule(args)
    actor = login(core, args.user, Permission.BOOK_SPACE)
    if rule is not None:
        return _book_series(core, actor, form, rule, args)
    booked = core.bookings.book(actor, form)
    if args.json:
        say(json_text(booked.to_json()))
    else:
        _booking_lines([booked], False)
    return EXIT_OK


def _series_rule(args: argparse.Namespace) -> SeriesRule | None:
    """The rule of --repeat and its options; CliError for options without it."""
    extra = [args.weekdays, args.month_day, args.until, args.times]
    if args.repeat is None:
        if any(value is not None for value in extra) or args.skip_clashes:
            raise CliError(
                "--weekdays, --month-day, --until, --times and --skip-clashes need --repeat",
                EXIT_USAGE,
            )
        return None
    if args.until is None and args.times is None:
        raise CliError("--repeat needs --until YYYY-MM-DD or --times N", EXIT_USAGE)
    if args.weekdays is not None and args.repeat != Frequency.WEEKLY:
        raise CliError("--weekdays is for --repeat weekly", EXIT_USAGE)
    if args.month_day is not None and args.repeat != Frequency.MONTHLY:
        raise CliError("--month-day is for --repeat monthly", EXIT_USAGE)
    days = weekdays_of(args.weekdays or "")
    return SeriesRule(args.repeat, days, args.month_day, args.until, args.times)


def _book_series(
    core: Core, actor: Actor, form: BookingForm, rule: SeriesRule, args: argparse.Namespace
) -> int:
    saved = core.bookings.book_series(actor, form, rule, args.skip_clashes)
    if args.json:
        say(json_text(saved.to_json()))
        return EXIT_OK
    _booking_lines(list(saved.bookings), False)
    for skipped in saved.skipped:
        say(f"skipped\t{iso(skipped.starts_at)}\t{skipped.problem}")
    return EXIT_OK


def cmd_cancel_booking(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = login(core, args.user, Permission.BOOK_SPACE)
    cancelled = core.bookings.cancel(actor, args.booking_id, args.reason, args.waive_fee)
    if args.json:
        say(json_text(cancelled.to_json()))
    else:
        _booking_lines([cancelled], False)
    return EXIT_OK


def cmd_move_booking(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = login(core, args.user, Permission.BOOK_SPACE)
    moved = core.bookings.move(actor, args.booking_id, args.start, args.end, args.space)
    if args.json:
        say(json_text(moved.to_json()))
    else:
        _booking_lines([moved], False)
        if moved.owed:
            say(f"owed: {moved.owed}")
        if moved.refund_due:
            say(f"refund due: {moved.refund_due}")
    return EXIT_OK


def cmd_release_no_shows(args: argparse.Namespace) -> int:
    core = open_desk(args)
    released = core.bookings.release_no_shows(cli_actor())
    if args.json:
        say(json_text([b.to_json() for b in released]))
    else:
        _booking_lines(released, False)
        say(f"released: {len(released)}")
    return EXIT_OK


def cmd_import_attendees(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    core = open_desk(args)
    actor = login(core, args.user, Permission.BOOK_SPACE)
    try:
        result = core.bookings.import_attendees(
            actor, args.booking_id, data, path.name, args.skip_bad
        )
    except BadAttendeeRows as refused:
        _bad_rows(refused.problems)
        say_error(refused.message)
        return EXIT_ERROR
    _bad_rows(result.skipped)
    if args.json:
        say(json_text([a.to_json() for a in result.imported]))
    else:
        for a in result.imported:
            say(f"{a.id}\t{a.name}\t{a.phone}\t{a.organisation}")
        say(f"imported: {len(result.imported)}, skipped: {len(result.skipped)}")
    return EXIT_OK


def _bad_rows(problems: tuple[RowProblem, ...]) -> None:
    """Every bad row on stderr, one line each, by its line in the file."""
    for problem in problems:
        say(problem.text(), sys.stderr)


def cmd_event_badges(args: argparse.Namespace) -> int:
    output = check_output(args.output, args.force)
    core = open_desk(args)
    pdf = core.bookings.event_badges(args.booking_id.strip(), args.format)
    write_file(output, pdf)
    say(f"badges written: {output}")
    return EXIT_OK


def cmd_attendance_list(args: argparse.Namespace) -> int:
    output = check_output(args.output, args.force)
    core = open_desk(args)
    write_file(output, core.bookings.attendance_list(args.booking_id.strip()))
    say(f"attendance list written: {output}")
    return EXIT_OK


def cmd_check_in_attendee(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = (
        cli_actor() if args.user is None else login(core, args.user, Permission.REGISTER_VISITOR)
    )
    attendee = core.bookings.check_in_attendee(actor, args.code)
    visit = core.visitors.get_visit(attendee.visit_id) if attendee.visit_id else None
    if args.json:
        say(json_text({**attendee.to_json(), "visit": visit.to_json() if visit else None}))
    else:
        badge = visit.badge_number if visit else ""
        say(f"{attendee.id}\t{attendee.name}\t{badge}\tchecked in")
    return EXIT_OK
