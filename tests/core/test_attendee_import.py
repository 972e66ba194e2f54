"""Importing an event's participants: the rules of the core (every kind of bad
row, in CSV and XLSX, with Indonesian and English column names, by its line in
the file), the service (all or nothing, or the good rows with skip_bad; the NIK
stored as the visitors area stores it) and `import-attendees` on the command
line (every bad row on stderr; `--skip-bad`; the JSON of the participants)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from smesco_desk.clock import WIB, wib_today
from smesco_desk.domain.attendee_import import (
    AttendeeInput,
    BadAttendeeRows,
    check_attendees,
    rows_to_inputs,
)
from smesco_desk.domain.spreadsheet import UnreadableTable, plain_number, read_table
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.services.actors import SYSTEM, Actor, Role
from smesco_desk.services.core import Core, open_core
from smesco_desk.values.bookings import BookingRecord
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.core.helpers_cli import PASSWORD, add_user, run
from tests.core.helpers_core import scalar, wib
from tests.core.helpers_xlsx import xlsx

NIK_BUDI = "3174051505900001"
NIK_SITI = "3273015708850002"
INDONESIAN = ["Nama", "No. HP", "Instansi", "NIK", "Email"]
ENGLISH = ["Full name", "Phone", "Organization", "nik", "E-mail"]
# The data rows from line 2 (the header is line 1); [] is an empty line.
ROWS: list[list[str]] = [
    ["Budi Santoso", "0812-3456-7890", "Koperasi Maju", NIK_BUDI, "budi@contoh.id"],  # 2
    ["", "08123456789", "UMKM Batik", "", ""],  # 3: no name
    ["Siti Aminah", "12345", "", "", ""],  # 4: bad phone
    ["Ani Lestari", "081298765432", "", "", "ani@@contoh"],  # 5: bad email
    [],  # 6: empty, left out
    ["Dewi Sartika", "+62 812 3456 7890", "", "", ""],  # 7: the phone of line 2
    ["Rudi Hartono", "081311112222", "", NIK_BUDI, ""],  # 8: the NIK of line 2
    ["Joko Widodo", "081311113333", "", "1234", ""],  # 9: bad NIK
    ["Wati, S.E.", "081311114444", "Dinas Koperasi", NIK_SITI, "wati@contoh.id"],  # 10
    ["Agus Salim", "81311115555", "", "", ""],  # 11: a mobile without its 0
]
BAD = {3: {"name"}, 4: {"phone"}, 5: {"email"}, 7: {"phone"}, 8: {"nik"}, 9: {"nik"}}
GOOD = [2, 10, 11]


def csv_bytes(header: list[str], delimiter: str, bom: bool) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in ROWS:
        if row:
            writer.writerow(row)
        else:
            out.write("\r\n")
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def xlsx_bytes(header: list[str], inline: bool = False) -> bytes:
    cells: list[list[str | int | None]] = [list(header)]
    for row in ROWS:
        converted: list[str | int | None] = [None if v == "" else v for v in row]
        if row and row[1] == "81311115555":
            converted[1] = 81311115555  # typed into a number cell
        if row and row[3] == NIK_SITI:
            converted[3] = int(NIK_SITI)
        cells.append(converted)
    return xlsx(cells, inline=inline)


FILES = {
    "csv-id-semicolon-bom": (csv_bytes(INDONESIAN, ";", True), "peserta.csv"),
    "csv-en-comma": (csv_bytes(ENGLISH, ",", False), "participants.csv"),
    "csv-id-tab": (csv_bytes(INDONESIAN, "\t", False), "peserta.txt"),
    "xlsx-id-shared": (xlsx_bytes(INDONESIAN), "peserta.xlsx"),
    "xlsx-en-inline": (xlsx_bytes(ENGLISH, inline=True), "participants.xlsx"),
    "xlsx-without-its-name": (xlsx_bytes(INDONESIAN), "upload"),
}


@pytest.mark.parametrize("kind", sorted(FILES))
def test_every_kind_of_bad_row_is_named_by_its_line(kind: str) -> None:
    data, name = FILES[kind]
    checked = check_attendees(rows_to_inputs(read_table(data, name)))
    assert {p.line: set(p.errors) for p in checked.bad} == BAD
    assert [a.line for a in checked.good] == GOOD
    budi, wati, agus = checked.good
    assert (budi.name, budi.phone, budi.organisation) == (
        "Budi Santoso",
        "+6281234567890",
        "Koperasi Maju",
    )
    assert (budi.nik, budi.email) == (NIK_BUDI, "budi@contoh.id")
    assert (wati.name, wati.nik, wati.organisation) == ("Wati, S.E.", NIK_SITI, "Dinas Koperasi")
    assert agus.phone == "+6281311115555"
    problems = {p.line: p for p in checked.bad}
    assert "baris 2" in problems[7].errors["phone"] and "baris 2" in problems[8].errors["nik"]
    assert problems[4].name == "Siti Aminah" and problems[4].text().startswith("baris 4: phone: ")


def test_a_quoted_cell_over_two_lines_keeps_the_line_numbers_true() -> None:
    data = b'nama,telepon,organisasi\n"Wati",0811111111,"Dinas\nKoperasi"\nX,0811\n'
    checked = check_attendees(rows_to_inputs(read_table(data, "a.csv")))
    assert [a.organisation for a in checked.good] == ["Dinas Koperasi"]
    assert {p.line: set(p.errors) for p in checked.bad} == {4: {"name", "phone"}}


def test_the_booking_s_own_phones_and_niks_are_duplicates_too() -> None:
    inputs = [
        (2, AttendeeInput("Budi Santoso", "0812-3456-7890")),
        (3, AttendeeInput("Siti Aminah", "081311112222", nik=NIK_SITI)),
    ]
    checked = check_attendees(
        inputs,
        taken_phones={"+6281234567890"},
        taken_niks={"hash:" + NIK_SITI},
        pseudonym=lambda nik: "hash:" + nik,
    )
    assert checked.good == ()
    assert [set(p.errors) for p in checked.bad] == [{"phone"}, {"nik"}]
    assert "sudah terdaftar" in checked.bad[0].errors["phone"]


def test_a_header_without_name_or_phone_and_unreadable_files_are_refused() -> None:
    with pytest.raises(ValidationError, match="telepon|phone"):
        rows_to_inputs(read_table(b"nama;instansi\nBudi;UMKM\n", "a.csv"))
    with pytest.raises(ValidationError):
        rows_to_inputs([])
    with pytest.raises(UnreadableTable, match="UTF-8"):
        read_table("nama;telepon\nJos\xe9;0811\n".encode("latin-1"), "a.csv")
    with pytest.raises(UnreadableTable, match="xlsx"):
        read_table(b"PK\x03\x04 broken", "a.xlsx")
    with pytest.raises(UnreadableTable, match=".xls"):
        read_table(b"\xd0\xcf\x11\xe0", "lama.xls")


def test_numbers_of_a_sheet_are_written_in_plain_digits() -> None:
    assert plain_number("8.1311115555E10") == "81311115555"
    assert plain_number("3174051505900001") == NIK_BUDI
    assert plain_number("12.50") == "12.5"
    assert plain_number("abc") == "abc"
    rows = read_table(xlsx([["nama", "hp"], ["Agus", 8.1311115555e10]]), "a.xlsx")
    assert rows == [(1, ["nama", "hp"]), (2, ["Agus", "81311115555"])]


# --- the service -----------------------------------------------------------------------


@pytest.fixture
def event(core: Core, admin: Actor, receptionist: Actor) -> BookingRecord:
    """A training in the event hall (300 people) on 11 March 2026."""
    hall = space_form(
        code="aula",
        name="Aula Serbaguna",
        kind="event_hall",
        capacity=300,
        opening_hours={d: ["00:00", "24:00"] for d in WEEK},
    )
    core.bookings.save_space(admin, hall)
    form = booking_form("aula", wib(2026, 3, 11, 9), wib(2026, 3, 11, 12), "Pelatihan foto")
    return core.bookings.book(receptionist, form)


def attendee_rows(core: Core) -> int:
    return int(scalar(core, "SELECT count(*) FROM booking_attendees"))


def test_an_import_with_a_bad_row_writes_nothing(
    core: Core, receptionist: Actor, event: BookingRecord
) -> None:
    data, name = FILES["xlsx-id-shared"]
    with pytest.raises(BadAttendeeRows) as refused:
        core.bookings.import_attendees(receptionist, event.id, data, name)
    assert [p.line for p in refused.value.problems] == sorted(BAD)
    assert attendee_rows(core) == 0


def test_skip_bad_imports_the_good_rows_and_the_nik_is_never_stored(
    core: Core, receptionist: Actor, event: BookingRecord
) -> None:
    data, name = FILES["csv-id-semicolon-bom"]
    result = core.bookings.import_attendees(receptionist, event.id, data, name, skip_bad=True)
    assert [a.name for a in result.imported] == ["Budi Santoso", "Wati, S.E.", "Agus Salim"]
    assert [p.line for p in result.skipped] == sorted(BAD)
    assert result.imported[0].nik_masked == "************0001"
    assert core.bookings.attendees(event.id) == list(result.imported)
    stored = scalar(core, "SELECT group_concat(nik_hash || nik_masked) FROM booking_attendees")
    assert NIK_BUDI not in stored and NIK_SITI not in stored
    assert scalar(core, "SELECT nik_hash FROM booking_attendees WHERE name = 'Budi Santoso'") == (
        core.nik_key.pseudonym(NIK_BUDI)
    )
    # The same file again: every row is now already on the booking.
    with pytest.raises(BadAttendeeRows) as again:
        core.bookings.import_attendees(receptionist, event.id, data, name)
    assert {p.line for p in again.value.problems} == set(BAD) | set(GOOD)
    assert attendee_rows(core) == 3


def test_rows_already_read_and_by_hand(
    core: Core, receptionist: Actor, event: BookingRecord
) -> None:
    rows = [(1, ["name", "phone", "nik"]), (2, ["Budi Santoso", "0812-3456-7890", NIK_BUDI])]
    core.bookings.import_attendees(receptionist, event.id, rows)
    added = core.bookings.add_attendee(
        receptionist, event.id, AttendeeInput("Siti Aminah", "0813 1111 2222", "UMKM Batik")
    )
    assert (added.phone, added.organisation, added.nik_masked) == (
        "+6281311112222",
        "UMKM Batik",
        None,
    )
    with pytest.raises(ValidationError) as same_nik:
        core.bookings.add_attendee(
            receptionist, event.id, AttendeeInput("Budi Lain", "0813 9999 2222", nik=NIK_BUDI)
        )
    assert set(same_nik.value.errors) == {"nik"}
    with pytest.raises(ValidationError) as bad:
        core.bookings.add_attendee(receptionist, event.id, AttendeeInput("", "12"))
    assert set(bad.value.errors) == {"name", "phone"}
    assert [a.name for a in core.bookings.attendees(event.id)] == ["Budi Santoso", "Siti Aminah"]


def test_the_capacity_and_a_cancelled_booking_refuse(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    core.bookings.save_space(admin, space_form(capacity=2))
    booked = core.bookings.book(
        receptionist,
        booking_form("rapat_kecil", wib(2026, 3, 11, 9), wib(2026, 3, 11, 10), attendees=2),
    )
    rows = [(1, ["nama", "hp"])] + [(n, [f"Peserta {n}", f"08131111{n:04d}"]) for n in range(2, 5)]
    with pytest.raises(ValidationError) as full:
        core.bookings.import_attendees(receptionist, booked.id, rows)
    assert set(full.value.errors) == {"attendees"}
    assert attendee_rows(core) == 0
    core.bookings.cancel(receptionist, booked.id)
    with pytest.raises(DomainError, match="dibatalkan"):
        core.bookings.import_attendees(receptionist, booked.id, rows[:2])


# --- the command line ---------------------------------------------------------------------


@pytest.fixture
def desk(tmp_path: Path) -> tuple[Path, str]:
    """A desk with the event hall, an event booked tomorrow, and a receptionist."""
    folder = tmp_path / "desk"
    core = open_core(folder)
    try:
        core.setup.initialize("D01")
        hall = space_form(
            code="aula",
            kind="event_hall",
            capacity=300,
            opening_hours={d: ["00:00", "24:00"] for d in WEEK},
        )
        core.bookings.save_space(SYSTEM, hall)
        tomorrow = wib_today() + timedelta(days=1)
        start = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 9, tzinfo=WIB)
        booked = core.bookings.book(
            SYSTEM, booking_form("aula", start, start + timedelta(hours=3), "Pelatihan foto")
        )
    finally:
        core.close()
    add_user(folder, "sari", Role.RECEPTIONIST)
    return folder, booked.id


def test_cli_imports_all_or_nothing_then_skips_bad_rows(
    desk: tuple[Path, str], tmp_path: Path
) -> None:
    folder, booking_id = desk
    file = tmp_path / "peserta.xlsx"
    file.write_bytes(FILES["xlsx-en-inline"][0])
    args = ("import-attendees", booking_id, str(file), "--json", "--user", "sari")
    refused = run(folder, *args, stdin=PASSWORD + "\n")
    assert refused.returncode != 0 and refused.stdout == ""
    lines = [line for line in refused.stderr.splitlines() if line.startswith("baris ")]
    assert [int(line.split()[1].rstrip(":")) for line in lines] == sorted(BAD)
    assert "error:" in refused.stderr
    imported = run(folder, *args, "--skip-bad", stdin=PASSWORD + "\n")
    assert imported.returncode == 0, imported.stderr
    participants = json.loads(imported.stdout)
    assert [p["name"] for p in participants] == ["Budi Santoso", "Wati, S.E.", "Agus Salim"]
    assert participants[0]["phone"] == "+6281234567890" and participants[0]["nik"].endswith("0001")
    skipped = [line for line in imported.stderr.splitlines() if line.startswith("baris ")]
    assert len(skipped) == len(BAD)


def test_cli_refuses_a_missing_file_and_a_booking_that_is_not_there(
    desk: tuple[Path, str], tmp_path: Path
) -> None:
    folder, booking_id = desk
    missing = run(
        folder, "import-attendees", booking_id, str(tmp_path / "nope.csv"), "--user", "sari"
    )
    assert missing.returncode != 0 and "nope.csv" in missing.stderr
    file = tmp_path / "a.csv"
    file.write_bytes(b"nama;telepon\nBudi;0812 3456 7890\n")
    args = ("import-attendees", "no-such-booking", str(file), "--user", "sari")
    unknown = run(folder, *args, stdin=PASSWORD + "\n")
    assert unknown.returncode != 0 and "tidak ditemukan" in unknown.stderr
