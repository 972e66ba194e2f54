"""Events on the command line: `book --event`, `bookings --json` showing the
event's kind, `event-badges` (a sheet or cards), `attendance-list` and
`check-in-attendee`. A refusal (no event, no participants, checked in twice)
is one line on stderr, a non-zero status, and no file written. In this
process, through helpers_cli."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from smesco_desk.clock import WIB, utc_now, wib_today
from smesco_desk.domain.attendee_import import AttendeeInput
from smesco_desk.paths import database_path
from smesco_desk.services.actors import SYSTEM, Role
from smesco_desk.services.core import open_core
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.core.helpers_cli import PASSWORD, add_user, dump, run
from tests.core.helpers_core import FakeClock

LOGIN = ("--user", "sari")
PEOPLE = [
    ("Siti Rahayu", "0812 3456 7890"),
    ("Budi Santoso", "0812 0000 1111"),
    ("Ni Made Ayu", "0857 1111 2222"),
]


def _today_at(hour: int) -> datetime:
    return datetime.combine(wib_today(), datetime.min.time(), WIB).replace(hour=hour)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """The event hall (open day and night), a receptionist, and two bookings made
    yesterday: an event all of today with three participants, and a plain
    meeting just after midnight with one; their ids in `ids.json`."""
    folder = tmp_path / "desk"
    yesterday = FakeClock(utc_now() - timedelta(days=1))
    core = open_core(folder, clock=yesterday)
    try:
        core.setup.initialize("D01")
        hall = space_form(
            code="aula",
            name="Aula Serbaguna",
            kind="event_hall",
            capacity=300,
            opening_hours={d: ["00:00", "24:00"] for d in WEEK},
        )
        core.bookings.save_space(SYSTEM, hall)
        start, end = _today_at(0), _today_at(23) + timedelta(minutes=30)
        event = core.bookings.book(
            SYSTEM, booking_form("aula", start, end, "Pelatihan Foto", event_kind="workshop")
        )
        for name, phone in PEOPLE:
            core.bookings.add_attendee(SYSTEM, event.id, AttendeeInput(name, phone, "Koperasi"))
        plain = core.bookings.book(
            SYSTEM, booking_form("aula", end + timedelta(minutes=30), end + timedelta(hours=1))
        )
        agus = core.bookings.add_attendee(SYSTEM, plain.id, AttendeeInput("Agus", "0812 9999 8888"))
        attendees = [a.id for a in core.bookings.attendees(event.id)]
    finally:
        core.close()
    add_user(folder, "sari", Role.RECEPTIONIST)
    ids = {"event": event.id, "plain": plain.id, "attendees": attendees, "agus": agus.id}
    (tmp_path / "ids.json").write_text(json.dumps(ids))
    return folder


def ids(desk: Path) -> dict[str, object]:
    return dict(json.loads((desk.parent / "ids.json").read_text()))


def test_book_with_event_and_the_day_list_shows_the_kind(desk: Path) -> None:
    day = wib_today() + timedelta(days=2)
    made = run(
        desk,
        "book", "--space", "aula", "--start", f"{day} 09:00", "--end", f"{day} 12:00",
        "--title", "Seminar Ekspor", "--event", "seminar", *LOGIN, "--json",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["event_kind"] == "seminar"
    listed = run(desk, "bookings", "--date", day.isoformat(), "--json")
    assert [b["event_kind"] for b in json.loads(listed.stdout)] == ["seminar"]
    today = run(desk, "bookings", "--json")
    assert [(b["title"], b["event_kind"]) for b in json.loads(today.stdout)] == [
        ("Pelatihan Foto", "workshop")
    ]
    tomorrow = (wib_today() + timedelta(days=1)).isoformat()
    plain = run(desk, "bookings", "--date", tomorrow, "--json")
    assert [(b["title"], b["event_kind"]) for b in json.loads(plain.stdout)] == [
        ("Rapat koperasi", None)
    ]


def test_book_refuses_an_unknown_event_kind(desk: Path) -> None:
    before = dump(database_path(desk))
    made = run(desk, "book", "--space", "aula", "--start", "2030-01-01 09:00", "--end",
               "2030-01-01 10:00", "--title", "X", "--event", "party", *LOGIN)  # fmt: skip
    assert made.returncode != 0 and "party" in made.stderr
    assert dump(database_path(desk)) == before


@pytest.mark.parametrize(("fmt", "pages"), [("sheet", 1), ("card", 3)])
def test_event_badges_writes_a_sheet_or_cards(
    desk: Path, tmp_path: Path, fmt: str, pages: int
) -> None:
    output = tmp_path / f"badges-{fmt}.pdf"
    args = ["event-badges", str(ids(desk)["event"]), "--output", str(output)]
    if fmt == "card":
        args += ["--format", "card"]
    result = run(desk, *args)
    assert result.returncode == 0, result.stderr
    assert str(output) in result.stdout
    reader = PdfReader(io.BytesIO(output.read_bytes()))
    assert len(reader.pages) == pages
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert all(name in text for name, _phone in PEOPLE)
    assert "Pelatihan Foto" in text


def test_event_badges_of_a_booking_that_is_no_event_is_one_line_and_no_file(
    desk: Path, tmp_path: Path
) -> None:
    output = tmp_path / "badges.pdf"
    result = run(desk, "event-badges", str(ids(desk)["plain"]), "--output", str(output))
    assert result.returncode != 0
    assert len(result.stderr.splitlines()) == 1 and "bukan acara" in result.stderr
    assert not output.exists()
    missing = run(desk, "event-badges", "no-such-booking", "--output", str(output))
    assert missing.returncode != 0 and len(missing.stderr.splitlines()) == 1
    assert not output.exists()
    bad_format = run(desk, "event-badges", str(ids(desk)["event"]), "--output", str(output),
                     "--format", "poster")  # fmt: skip
    assert bad_format.returncode != 0 and not output.exists()


def test_attendance_list_writes_an_a4_list(desk: Path, tmp_path: Path) -> None:
    output = tmp_path / "hadir.pdf"
    result = run(desk, "attendance-list", str(ids(desk)["event"]), "--output", str(output))
    assert result.returncode == 0, result.stderr
    text = PdfReader(io.BytesIO(output.read_bytes())).pages[0].extract_text()
    assert "Tanda tangan" in text and "Siti Rahayu" in text
    assert "+62812\u2022\u2022\u2022\u2022\u2022890" in text
    assert "+6281234567890" not in text  # never the whole phone number
    refused = run(desk, "attendance-list", str(ids(desk)["plain"]), "--output", str(output) + "x")
    assert refused.returncode != 0 and len(refused.stderr.splitlines()) == 1
    assert not Path(str(output) + "x").exists()


def test_check_in_attendee_by_code_then_twice_is_refused(desk: Path) -> None:
    attendee = str(ids(desk)["attendees"][0])  # type: ignore[index]
    result = run(desk, "check-in-attendee", attendee.upper(), "--json")
    assert result.returncode == 0, result.stderr
    checked = json.loads(result.stdout)
    assert checked["id"] == attendee and checked["checked_in_at"]
    assert checked["visit"]["name"] == "Siti Rahayu"
    assert checked["visit"]["host"].startswith("Pelatihan Foto")
    visits = json.loads(run(desk, "visits", "--json").stdout)
    assert [v["name"] for v in visits] == ["Siti Rahayu"]
    again = run(desk, "check-in-attendee", attendee, "--json")
    assert again.returncode != 0
    assert len(again.stderr.splitlines()) == 1 and "sudah check-in pada" in again.stderr


def test_check_in_attendee_as_a_user(desk: Path) -> None:
    attendee = str(ids(desk)["attendees"][1])  # type: ignore[index]
    result = run(desk, "check-in-attendee", attendee, *LOGIN, stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert "Budi Santoso" in result.stdout and "checked in" in result.stdout
    wrong = run(desk, "check-in-attendee", "D01-000000-001")
    assert wrong.returncode != 0 and "tidak dikenal" in wrong.stderr
    tomorrow = run(desk, "check-in-attendee", str(ids(desk)["agus"]))
    assert tomorrow.returncode != 0 and len(tomorrow.stderr.splitlines()) == 1
    assert "bukan hari ini" in tomorrow.stderr
