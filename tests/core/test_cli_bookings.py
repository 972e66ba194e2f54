"""The bookings commands of the CLI, driven as a script would: `spaces`,
`bookings --date`, `book`, `cancel-booking` and `release-no-shows` (times in WIB). A refusal (a
clash, attendees above the capacity, outside opening hours, an end before the
start) is one line on stderr, a non-zero status, and nothing written. In this
process, through helpers_cli."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from smesco_desk.clock import WIB, wib_today
from smesco_desk.services.actors import SYSTEM, Role
from smesco_desk.services.core import open_core
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.core.helpers_cli import PASSWORD, add_user, dump, run
from tests.core.helpers_core import FakeClock

LOGIN = ("--user", "sari")


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A desk with the small meeting room (15-minute buffers, open every day
    08:00-21:00) and the event hall (open day and night), and a receptionist."""
    folder = tmp_path / "desk"
    core = open_core(folder)
    try:
        core.setup.initialize("D01")
        every_day = {d: ["08:00", "21:00"] for d in WEEK}
        core.bookings.save_space(SYSTEM, space_form(opening_hours=every_day))
        hall = space_form(
            code="aula",
            name="Aula Serbaguna",
            kind="event_hall",
            capacity=300,
            opening_hours={d: ["00:00", "24:00"] for d in WEEK},
            setup_minutes=0,
            cleanup_minutes=0,
        )
        core.bookings.save_space(SYSTEM, hall)
    finally:
        core.close()
    add_user(folder, "sari", Role.RECEPTIONIST)
    return folder


def day(offset: int = 1) -> date:
    return wib_today() + timedelta(days=offset)


def at(hour: int, minute: int = 0, offset: int = 1) -> str:
    return f"{day(offset).isoformat()} {hour:02d}:{minute:02d}"


def book(folder: Path, space: str, start: str, end: str, *more: str) -> CompletedProcess[str]:
    return run(
        folder,
        "book", "--space", space, "--start", start, "--end", end, "--title", "Rapat koperasi",
        *more, *LOGIN, "--json",
        stdin=PASSWORD + "\n",
    )  # fmt: skip


def test_spaces_lists_the_catalogue(desk: Path) -> None:
    result = run(desk, "spaces", "--json")
    assert result.returncode == 0, result.stderr
    spaces = {s["code"]: s for s in json.loads(result.stdout)}
    assert set(spaces) == {"rapat_kecil", "aula"}
    room = spaces["rapat_kecil"]
    expected = {"code", "name", "kind", "floor", "capacity", "setup_minutes", "cleanup_minutes"}
    assert expected <= set(room)
    assert (room["kind"], room["capacity"], room["setup_minutes"]) == ("meeting_room", 8, 15)


def test_book_then_list_the_day_then_cancel(desk: Path) -> None:
    made = book(desk, "rapat_kecil", at(10), at(12), "--attendees", "6", "--booker", "Batik Sekar",
                "--umkm")  # fmt: skip
    assert made.returncode == 0, made.stderr
    booking = json.loads(made.stdout)
    assert booking["starts_at"] == datetime.fromisoformat(at(10)).replace(tzinfo=WIB).isoformat()
    assert booking["starts_at"].endswith("+07:00")
    assert (booking["space"], booking["status"], booking["attendees"]) == (
        "rapat_kecil",
        "confirmed",
        6,
    )
    assert (booking["total"], booking["paid"]) == (480_000, 0)  # 2 hours less 20% (UMKM)
    listed = run(desk, "bookings", "--date", day().isoformat(), "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    wanted = {"id", "space", "title", "starts_at", "ends_at", "status", "attendees"}
    wanted |= {"total", "paid"}
    assert wanted <= set(row) and row["id"] == booking["id"]
    assert json.loads(run(desk, "bookings", "--json").stdout) == []  # today: none
    cancelled = run(desk, "cancel-booking", booking["id"], "--reason", "diundur", *LOGIN, "--json",
                    stdin=PASSWORD + "\n")  # fmt: skip
    assert cancelled.returncode == 0, cancelled.stderr
    assert json.loads(cancelled.stdout)["status"] == "cancelled"
    again = book(desk, "rapat_kecil", at(10), at(12))  # the slot is free again
    assert again.returncode == 0, again.stderr


def test_a_clash_is_one_line_naming_the_booking_and_writes_nothing(desk: Path) -> None:
    first = run(desk, "book", "--space", "aula", "--start", at(22), "--end", at(2, offset=2),
                "--title", "Malam budaya", *LOGIN, stdin=PASSWORD + "\n")  # fmt: skip
    assert first.returncode == 0, first.stderr
    db = desk / "smesco_desk.sqlite3"
    before = dump(db)
    clash = book(desk, "aula", at(1, offset=2), at(3, offset=2))
    assert clash.returncode == 1
    lines = clash.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert '"Malam budaya"' in lines[0] and "Aula Serbaguna" in lines[0]
    assert f"{day():%d-%m-%Y} 22:00 - {day(2):%d-%m-%Y} 02:00 WIB" in lines[0]
    assert clash.stdout == ""
    assert dump(db) == before
    # Back to back with no buffers is allowed.
    after = book(desk, "aula", at(2, offset=2), at(3, offset=2))
    assert after.returncode == 0, after.stderr


@pytest.mark.parametrize(
    ("start", "end", "more", "said"),
    [
        (at(10), at(12), ("--attendees", "9"), "attendees"),  # capacity 8
        (at(7), at(9), (), "starts_at"),  # opens at 08:00
        (at(20), at(22), (), "ends_at"),  # closes at 21:00: the end is out
        (at(12), at(10), (), "ends_at"),  # end before start
        (at(10, offset=-1), at(11, offset=-1), (), "starts_at"),  # yesterday
    ],
)
def test_refusals_are_one_line_and_write_nothing(
    desk: Path, start: str, end: str, more: tuple[str, ...], said: str
) -> None:
    db = desk / "smesco_desk.sqlite3"
    before = dump(db)
    refused = book(desk, "rapat_kecil", start, end, *more)
    assert refused.returncode == 2
    lines = refused.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {said}: ")
    assert dump(db) == before


@pytest.mark.parametrize(
    "argv",
    [
        ("--start", "2026-12-07 25:00"),
        ("--start", "07-12-2026 10:00"),
        ("--attendees", "-1"),
        ("--attendees", "banyak"),
    ],
)
def test_bad_arguments_are_refused_by_the_parser(desk: Path, argv: tuple[str, ...]) -> None:
    args = {"--start": at(10), "--end": at(11), "--attendees": "2"}
    args.update(dict([argv]))
    refused = run(desk, "book", "--space", "rapat_kecil", "--title", "Rapat",
                  *[x for pair in args.items() for x in pair], *LOGIN,
                  stdin=PASSWORD + "\n")  # fmt: skip
    assert refused.returncode == 2 and len(refused.stderr.splitlines()) == 1, refused.stderr


def test_booking_needs_a_user_and_reading_does_not(desk: Path) -> None:
    refused = run(desk, "book", "--space", "aula", "--start", at(10), "--end", at(11),
                  "--title", "Rapat")  # fmt: skip
    assert refused.returncode == 2 and "--user" in refused.stderr
    wrong = run(desk, "cancel-booking", "x", *LOGIN, stdin="salah-sandi\n")
    assert wrong.returncode != 0 and len(wrong.stderr.splitlines()) == 1
    for argv in (["spaces"], ["bookings"], ["bookings", "--date", "2026-12-31"]):
        assert run(desk, *argv).returncode == 0


def test_release_no_shows_lets_go_a_booking_nobody_checked_in_for(desk: Path) -> None:
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    core = open_core(desk, clock=FakeClock(now - timedelta(hours=3)))
    try:
        missed = core.bookings.book(
            SYSTEM, booking_form("aula", now - timedelta(hours=2), now - timedelta(hours=1))
        )
        coming = core.bookings.book(
            SYSTEM, booking_form("aula", now + timedelta(hours=1), now + timedelta(hours=2))
        )
    finally:
        core.close()
    released = run(desk, "release-no-shows", "--json")
    assert released.returncode == 0, released.stderr
    (row,) = json.loads(released.stdout)
    assert (row["id"], row["status"]) == (missed.id, "released")
    again = run(desk, "release-no-shows")
    assert (again.returncode, again.stdout) == (0, "released: 0\n")
    listed = run(desk, "bookings", "--date", wib_today(now + timedelta(hours=1)).isoformat())
    assert coming.id in listed.stdout


def test_only_a_supervisor_waives_the_cancellation_fee(desk: Path) -> None:
    made = book(desk, "aula", at(10), at(12))
    assert made.returncode == 0, made.stderr
    booking = json.loads(made.stdout)["id"]
    refused = run(desk, "cancel-booking", booking, "--waive-fee", *LOGIN, stdin=PASSWORD + "\n")
    assert refused.returncode != 0 and len(refused.stderr.splitlines()) == 1
    add_user(desk, "budi", Role.SUPERVISOR)
    unexplained = run(desk, "cancel-booking", booking, "--waive-fee", "--user", "budi",
                      stdin=PASSWORD + "\n")  # fmt: skip
    assert unexplained.returncode != 0 and "alasan" in unexplained.stderr
    waived = run(desk, "cancel-booking", booking, "--waive-fee", "--reason", "tamu sakit",
                 "--user", "budi", "--json", stdin=PASSWORD + "\n")  # fmt: skip
    assert waived.returncode == 0, waived.stderr
    assert (json.loads(waived.stdout)["status"], json.loads(waived.stdout)["owed"]) == (
        "cancelled",
        0,
    )


# --- recurring bookings -------------------------------------------------------------------


def test_book_repeat_books_a_series_all_or_nothing(desk: Path) -> None:
    taken = book(desk, "rapat_kecil", at(10, offset=2), at(11, offset=2))
    assert taken.returncode == 0, taken.stderr
    db = desk / "smesco_desk.sqlite3"
    before = dump(db)
    refused = book(desk, "rapat_kecil", at(10), at(11), "--repeat", "daily", "--times", "3")
    assert refused.returncode == 1 and refused.stdout == ""
    (line,) = refused.stderr.splitlines()
    assert line.startswith("error: ") and '"Rapat koperasi"' in line
    assert dump(db) == before
    made = book(desk, "rapat_kecil", at(10), at(11), "--repeat", "daily", "--times", "3",
                "--skip-clashes")  # fmt: skip
    assert made.returncode == 0, made.stderr
    saved = json.loads(made.stdout)
    assert [b["starts_at"][:10] for b in saved["bookings"]] == [
        day(1).isoformat(),
        day(3).isoformat(),
    ]
    assert {b["series_id"] for b in saved["bookings"]} == {saved["series_id"]}
    assert [s["starts_at"][:10] for s in saved["skipped"]] == [day(2).isoformat()]
    assert saved["skipped"][0]["clash"] == json.loads(taken.stdout)["id"]


def test_book_repeat_weekly_on_chosen_weekdays_until_a_date(desk: Path) -> None:
    made = book(desk, "rapat_kecil", at(10), at(11), "--repeat", "weekly", "--weekdays",
                "mon,wed", "--until", day(14).isoformat())  # fmt: skip
    assert made.returncode == 0, made.stderr
    starts = [date.fromisoformat(b["starts_at"][:10]) for b in json.loads(made.stdout)["bookings"]]
    expected = [day(n) for n in range(1, 15) if day(n).weekday() in (0, 2)]
    assert starts == expected


@pytest.mark.parametrize(
    "more",
    [
        ("--times", "3"),
        ("--skip-clashes",),
        ("--repeat", "daily"),
        ("--repeat", "daily", "--times", "2", "--weekdays", "mon"),
        ("--repeat", "weekly", "--times", "2", "--month-day", "3"),
        ("--repeat", "daily", "--times", "2", "--until", "2030-01-01"),
        ("--repeat", "yearly", "--times", "2"),
    ],
)
def test_book_repeat_options_misused_are_usage_errors(desk: Path, more: tuple[str, ...]) -> None:
    db = desk / "smesco_desk.sqlite3"
    before = dump(db)
    result = book(desk, "rapat_kecil", at(10), at(11), *more)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert dump(db) == before
