"""An event from booking to the door, in the real application: the receptionist
books the hall for a training in the day grid (the booking dialog, "Acara"
Pelatihan), imports the participants from a CSV file through the file dialog
and the import preview, pays the booking's charge ("Bayar…": the kuitansi comes
out of the real CUPS queue), prints the badge sheet (one A4 page of badges, a QR
code each) and checks two participants in by scanning their badges into the
visitors page's scan field, as a keyboard-wedge scanner types them. The command
line then shows the booking paid, the receipt, and the two participants as
visitors of the day with the training as purpose and host."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from smesco_desk.clock import to_wib, utc_now, wib_today
from smesco_desk.domain.bookings import WEEKDAYS
from smesco_desk.services.core import open_core
from smesco_desk.values.bookings import SpaceForm
from tests.e2e.helpers_e2e import (
    LOGIN_TITLE,
    MAIN_TITLE,
    DeskApp,
    Screen,
    audit_actions,
    cli_json,
    decode_qr_codes,
    page_sizes_mm,
    printed_badge,
    wait_until,
    write_settings,
)
from tests.e2e.test_e2e_front_desk import RECEPTIONIST, RECEPTIONIST_PASSWORD, prepare_desk
from tests.fixtures_system import CupsPdfPrinter
from ui.settings import OFFICE_PRINTER, RECEIPT_PRINTER

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

TITLE = "Pelatihan Foto Produk"
BOOKER = "Dinas Koperasi UKM"
PARTICIPANTS = [
    ("Budi Santoso", "0812-3456-7890", "Koperasi Maju"),
    ("Siti Aminah", "0813 1111 2222", "UMKM Batik Sekar"),
    ("Agus Salim", "081311115555", "CV Kopi Nusantara"),
    ("Dewi Lestari", "0857 2000 3001", "UMKM Keripik Dewi"),
    ("Rina Marlina", "0821 4444 5656", "Koperasi Wanita Sejahtera"),
    ("Joko Susilo", "0896 7000 1234", ""),
]
SLOT = 30  # minutes: one column of the day grid
SLOTS = 2  # the event lasts an hour
NAV_ROOMS = (60, 211)  # the "Ruang" row of the page list (Tamu, Pembayaran, Ruang), 44 px each


def prepare_event_desk(data_dir: Path) -> Path:
    """The desk of the front-desk tests, with the event hall open all day (Rp250.000
    an hour) and the receptionist's cash shift opened with a float of Rp200.000."""
    prepare_desk(data_dir)
    core = open_core(data_dir)
    try:
        admin = core.users.authenticate("admin", "rahasia-admin-1")
        core.bookings.save_space(admin, SpaceForm(
            code="aula", name="Aula Serbaguna", kind="event_hall", capacity=200,
            opening_hours={d: ["00:00", "24:00"] for d in WEEKDAYS}, rate_hour=250_000,
        ))  # fmt: skip
        sari = core.users.authenticate(RECEPTIONIST, RECEPTIONIST_PASSWORD)
        core.payments.open_shift(sari, 200_000)
    finally:
        core.close()
    return data_dir


def next_slot(now: datetime) -> int:
    """The index of the first half hour of today that has not begun (WIB)."""
    minutes = now.hour * 60 + now.minute
    return minutes // SLOT + 1


def booking_titled(data_dir: Path, day: str, title: str) -> dict[str, Any] | None:
    return next(
        (b for b in cli_json(data_dir, "bookings", "--date", day) if b["title"] == title), None
    )


def visits_of_event(data_dir: Path, names: list[str]) -> list[dict[str, Any]]:
    visits = cli_json(data_dir, "visits", "--today")
    return [v for v in visits if v["name"] in names]


def open_block(screen: Screen, app: DeskApp, main: str) -> str:
    """Enter on the grid's cursor opens the booking under it. The grid reloads on
    the worker after a save: an Enter that comes first asks to book the (still
    free-looking) cells again; that dialog is closed and Enter pressed again."""
    stale: set[str] = set()
    for _attempt in range(5):
        screen.focus(main)
        screen.key("Return")
        found, wid = screen.wait_any(
            {"details": r"^Pemesanan ruang$", "new": r"^Pemesanan ruang baru$"}, app, exclude=stale
        )
        if found == "details":
            return wid
        stale.add(wid)
        screen.focus(wid)
        screen.key("Escape")
        wait_until(
            lambda w=wid: w not in screen.windows(r"^Pemesanan ruang baru$"),
            10,
            "the extra booking dialog closed",
        )
    raise AssertionError("the new booking never opened from the day grid")


def test_an_event_booked_paid_printed_and_checked_in(
    launch: Callable[[Path], DeskApp],
    screen: Screen,
    cups_pdf_printer: CupsPdfPrinter,
    config_home: Path,
    tmp_path: Path,
) -> None:
    column = next_slot(to_wib(utc_now()))
    if column + SLOTS > 48:  # the grid shows today only, and check-in is on the day
        pytest.skip("after 23:00 WIB: no hour of today is left to book the event in")
    write_settings(config_home, {RECEIPT_PRINTER: "SmescoPDF", OFFICE_PRINTER: "SmescoPDF"})
    data_dir = prepare_event_desk(tmp_path / "data")
    csv = tmp_path / "peserta-pelatihan.csv"
    csv.write_text(
        "Nama;No. HP;Instansi\n" + "".join(f"{n};{p};{o}\n" for n, p, o in PARTICIPANTS),
        encoding="utf-8",
    )
    today = wib_today().isoformat()
    app = launch(data_dir)

    login = screen.wait_window(LOGIN_TITLE, app)
    screen.focus(login)
    screen.type(RECEPTIONIST)
    screen.key("Tab")
    screen.type(RECEPTIONIST_PASSWORD)
    screen.key("Return")
    main = screen.wait_window(MAIN_TITLE, app)
    screen.focus(main)

    # The "Ruang" page: the day grid of today, the hall its only row.
    screen.click(main, *NAV_ROOMS)
    screen.shot("day-grid")
    # Home: the hall at 00:00; to the next half hour, then one hour (two slots).
    screen.key("Home")
    screen.key(*["Right"] * column, delay_ms=15)
    screen.key(*["shift+Right"] * (SLOTS - 1), delay_ms=30)
    screen.shot("slots-selected")
    screen.key("Return")
    dialog = screen.wait_window(r"^Pemesanan ruang baru$", app)
    screen.focus(dialog)
    screen.type(BOOKER)  # Nama pemesan has the keyboard
    screen.key("Tab", "Tab")  # past "UMKM terdaftar" to Judul
    screen.type(TITLE)
    screen.key("Tab")  # Acara: typing its first letter chooses it
    screen.type("P")
    screen.key("Tab", "Tab")  # past Ruang to Peserta
    screen.key("ctrl+a")
    screen.type("30")
    screen.shot("booking-dialog")
    screen.key("ctrl+Return")
    booking = wait_until(
        lambda: booking_titled(data_dir, today, TITLE),
        20,
        "the booking in `bookings`",
        on_timeout=lambda: screen.diagnosis(app),
    )
    assert booking["space"] == "aula" and booking["attendees"] == 30
    assert booking["total"] >= 250_000  # an hour, any tax on top
    assert booking["paid"] == 0
    assert booking.get("event_kind") == "training", booking

    # Enter on the new block opens it; the Peserta tab; "Impor CSV/XLSX…".
    details = open_block(screen, app, main)
    screen.focus(details)
    screen.key("alt+p")
    screen.shot("details-participants-empty")
    screen.key("alt+i")
    chooser = screen.wait_window(r"^Impor daftar peserta$", app)
    screen.focus(chooser)
    screen.type(str(csv))
    screen.shot("file-dialog")
    screen.key("Return")
    preview = screen.wait_window(r"^Impor peserta: ", app)
    screen.focus(preview)
    screen.shot("import-preview")
    screen.key("alt+i")
    wait_until(
        lambda: "booking.attendees_import" in audit_actions(data_dir),
        20,
        "the participants imported",
        on_timeout=lambda: screen.diagnosis(app),
    )
    screen.focus(details)
    screen.shot("participants-imported")

    # "Bayar…": the booking's charge, cash; the kuitansi comes out of the queue.
    screen.key("alt+y")
    pay = screen.wait_window(r"^Bayar tagihan$", app)
    screen.focus(pay)
    cash = (booking["total"] // 100_000 + 1) * 100_000
    screen.type(str(cash))
    screen.shot("pay-dialog")
    since = time.time()
    screen.key("Return")
    paid = wait_until(
        lambda: (b := booking_titled(data_dir, today, TITLE)) and b["paid"] and b,
        20,
        "the booking paid",
        on_timeout=lambda: screen.diagnosis(app),
    )
    assert paid["paid"] == booking["total"]
    receipts = cli_json(data_dir, "receipts", "--search", BOOKER, "--json")
    assert len(receipts) == 1, receipts
    receipt = receipts[0]
    assert (receipt["total"], receipt["method"], receipt["change"]) == (
        booking["total"],
        "cash",
        cash - booking["total"],
    )
    kuitansi = printed_badge(cups_pdf_printer, since, receipt["number"].rsplit("/", 1)[1])
    assert len(page_sizes_mm(kuitansi)) == 1
    screen.focus(details)
    screen.shot("paid")

    # "Cetak badge…": a sheet of all the participants on the office printer.
    screen.key("alt+g")
    choice = screen.wait_window(r"^Cetak badge peserta$", app)
    screen.focus(choice)
    screen.shot("badge-choice")
    since = time.time()
    screen.key("Return")  # "Cetak" is the default: the A4 sheet, everyone
    sheet = printed_badge(cups_pdf_printer, since, TITLE)
    sizes = page_sizes_mm(sheet)
    assert len(sizes) == 1, f"{sheet}: {sizes}"
    assert abs(min(sizes[0]) - 210) <= 2 and abs(max(sizes[0]) - 297) <= 2, sizes
    codes = decode_qr_codes(sheet, tmp_path, dpi=300)
    assert len(codes) == len(PARTICIPANTS), f"{sheet}: QR codes {codes}"
    screen.focus(details)
    screen.shot("badges-printed")
    screen.key("Escape")

    # Two participants arrive: their badges scanned into the visitors page's field.
    screen.focus(main)
    screen.key("F2")
    for code in codes[:2]:
        screen.type(code, delay_ms=4)
        screen.key("Return")
    names = [n for n, _p, _o in PARTICIPANTS]
    arrived = wait_until(
        lambda: len(v := visits_of_event(data_dir, names)) == 2 and v,
        20,
        "two participants in `visits --today`",
        on_timeout=lambda: screen.diagnosis(app),
    )
    screen.shot("participants-checked-in")
    for visit in arrived:
        assert visit["purpose"] == "training", visit
        assert TITLE in visit["host"] and BOOKER in visit["host"], visit
        assert visit["checked_out_at"] is None
    in_building = {v["name"] for v in cli_json(data_dir, "visits", "--in-building")}
    assert {v["name"] for v in arrived} <= in_building

    screen.key("ctrl+q")
    assert app.wait_exit(15) == 0, app.log()
    assert "Traceback" not in app.log(), app.log()
