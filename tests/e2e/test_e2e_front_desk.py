"""The receptionist's whole job in the real application: log in, register a walk-in
by keyboard, the badge comes out of the real CUPS queue (cups-pdf), the badge is
scanned at the exit and the visit is checked out."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smesco_desk.services.actors import Role
from smesco_desk.services.core import open_core
from tests.e2e.helpers_e2e import (
    LOGIN_TITLE,
    MAIN_TITLE,
    DeskApp,
    Screen,
    cli,
    cli_json,
    decode_qr_codes,
    is_cr80,
    page_sizes_mm,
    printed_badge,
    wait_until,
)
from tests.fixtures_system import CupsPdfPrinter

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

RECEPTIONIST, RECEPTIONIST_PASSWORD = "sari", "rahasia-sari-1"
VISITOR = {"name": "Siti Nurhaliza", "phone": "0812 3456 7890",
           "organisation": "Koperasi Wanita Sejahtera"}


def prepare_desk(data_dir: Path) -> Path:
    """A desk as the administrator leaves it: `init` on the command line, then the
    receptionist's account made through the core services."""
    cli(data_dir, "init", "--desk", "D01")
    core = open_core(data_dir)
    try:
        core.setup.create_first_admin("admin", "Administrator Gedung", "rahasia-admin-1")
        admin = core.users.authenticate("admin", "rahasia-admin-1")
        core.users.create(admin, RECEPTIONIST, "Sari Wulandari", RECEPTIONIST_PASSWORD,
                          Role.RECEPTIONIST.value)
    finally:
        core.close()
    return data_dir


def visit_named(data_dir: Path, name: str, *scope: str) -> dict[str, Any] | None:
    return next((v for v in cli_json(data_dir, "visits", *scope) if v["name"] == name), None)


def checked_out(data_dir: Path, visit_id: str) -> dict[str, Any] | None:
    """The visit `visit_id` once it has a check-out time (all visits: midnight may pass)."""
    visits = cli_json(data_dir, "visits")
    return next((v for v in visits if v["id"] == visit_id and v["checked_out_at"]), None)


def test_register_print_badge_and_scan_out(launch: Callable[[Path], DeskApp], screen: Screen,
                                           cups_pdf_printer: CupsPdfPrinter,
                                           tmp_path: Path) -> None:
    data_dir = prepare_desk(tmp_path / "data")
    app = launch(data_dir)

    # Log in by typing (a new PC: no last user remembered, the name field has the focus).
    login = screen.wait_window(LOGIN_TITLE, app)
    screen.focus(login)
    screen.type(RECEPTIONIST)
    screen.key("Tab")
    screen.type(RECEPTIONIST_PASSWORD)
    screen.shot("login")
    screen.key("Return")
    main = screen.wait_window(MAIN_TITLE, app)
    screen.focus(main)
    screen.shot("main-window")

    # Register the walk-in: F3 to Nama, Tab through the form, purpose chosen by
    # typing its first letters, consent ticked with Space, Enter registers.
    screen.key("F3")
    screen.type(VISITOR["name"])
    screen.key("Tab")
    screen.type(VISITOR["phone"])
    screen.key("Tab", "Tab")  # NIK stays empty
    screen.type(VISITOR["organisation"])
    screen.key("Tab")
    screen.type("Rap")  # Keperluan: Rapat
    screen.key("Tab", "Tab", "space")  # past Tuan rumah to the consent box
    screen.shot("form-filled")
    since = time.time()
    screen.key("Return")

    # The badge comes out of the real queue, as a CR80 card whose QR holds the visit.
    visit = wait_until(lambda: visit_named(data_dir, VISITOR["name"], "--in-building"), 20,
                       "the visit in `visits --in-building`",
                       on_timeout=lambda: screen.diagnosis(app))
    assert (visit["organisation"], visit["purpose"], visit["checked_out_at"]) == \
        (VISITOR["organisation"], "meeting", None)
    badge = printed_badge(cups_pdf_printer, since, visit["badge_number"])
    sizes = page_sizes_mm(badge)
    assert len(sizes) == 1 and is_cr80(sizes[0]), f"{badge}: pages {sizes} mm, not CR80"
    scanned = decode_qr_codes(badge, tmp_path)
    assert scanned == [visit["id"]], f"{badge}: QR codes {scanned}"
    screen.shot("registered-badge-printed")

    # At the exit the scanner types what the badge's QR holds, then Enter.
    screen.key("F2")
    screen.type(scanned[0], delay_ms=4)
    screen.key("Return")
    wait_until(lambda: checked_out(data_dir, visit["id"]), 20, "the visit checked out",
               on_timeout=lambda: screen.diagnosis(app))
    assert visit_named(data_dir, VISITOR["name"], "--in-building") is None
    screen.shot("checked-out")

    screen.key("ctrl+q")
    assert app.wait_exit(15) == 0, app.log()
    assert "Traceback" not in app.log(), app.log()

    # What was typed is what was stored: the phone in +62 form, the consent.
    stored = json.loads(cli(data_dir, "export-visitor", visit["visitor_id"], "--user", "admin",
                            stdin="rahasia-admin-1\n"))
    assert stored["phone"] == "+6281234567890"
    assert stored["consent_at"]
