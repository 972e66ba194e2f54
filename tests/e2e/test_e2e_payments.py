"""A sale at the front desk in the real application: log in, F4, the payer, a
service from the price list, cash with change, and the kuitansi comes out of the
real CUPS queue on an 80 mm roll; the receipt is in `receipts --json`."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smesco_desk.services.core import open_core
from tests.e2e.helpers_e2e import (
    LOGIN_TITLE,
    MAIN_TITLE,
    DeskApp,
    Screen,
    cli_json,
    page_sizes_mm,
    printed_badge,
    wait_until,
)
from tests.e2e.test_e2e_front_desk import RECEPTIONIST, RECEPTIONIST_PASSWORD, prepare_desk
from tests.fixtures_system import CupsPdfPrinter

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SALE_TITLE = "Penjualan baru"
PAYER = "Koperasi Wanita Sejahtera"


def receipt_of(data_dir: Path, payer: str) -> dict[str, Any] | None:
    found = cli_json(data_dir, "receipts", "--search", payer, "--json")
    return found[0] if found else None


def test_cash_sale_prints_a_kuitansi(launch: Callable[[Path], DeskApp], screen: Screen,
                                     cups_pdf_printer: CupsPdfPrinter, tmp_path: Path) -> None:
    data_dir = prepare_desk(tmp_path / "data")
    core = open_core(data_dir)
    try:  # the receptionist's shift, opened with a float of Rp200.000
        sari = core.users.authenticate(RECEPTIONIST, RECEPTIONIST_PASSWORD)
        core.payments.open_shift(sari, 200_000)
    finally:
        core.close()
    app = launch(data_dir)

    login = screen.wait_window(LOGIN_TITLE, app)
    screen.focus(login)
    screen.type(RECEPTIONIST)
    screen.key("Tab")
    screen.type(RECEPTIONIST_PASSWORD)
    screen.key("Return")
    main = screen.wait_window(MAIN_TITLE, app)
    screen.focus(main)

    # F4 from anywhere: the sale dialog, the payer's name first.
    screen.key("F4")
    sale = screen.wait_window(SALE_TITLE, app)
    screen.focus(sale)
    screen.type(PAYER)
    screen.key("Tab")
    screen.type("Cetak warna")  # the price list offers "Cetak warna A4" (Rp3.000)
    screen.key("Down", "Return")
    screen.key("ctrl+a")
    screen.type("10")
    screen.shot("sale-lines")
    # Ctrl+Enter pays; with no cash typed in, the dialog asks for it at that field.
    screen.key("ctrl+Return")
    screen.settle()
    screen.shot("sale-asks-for-cash")
    assert receipt_of(data_dir, PAYER) is None
    since = time.time()
    screen.type("50.000")
    screen.key("Return")

    receipt = wait_until(lambda: receipt_of(data_dir, PAYER), 20, "the receipt in `receipts`",
                         on_timeout=lambda: screen.diagnosis(app))
    assert (receipt["total"], receipt["method"], receipt["voided"]) == (30_000, "cash", False)
    assert (receipt["tendered"], receipt["change"]) == (50_000, 20_000)
    assert receipt["cashier"] == RECEPTIONIST
    assert receipt["number"].startswith("KW/D01/") and receipt["number"].endswith("/000001")
    printed = printed_badge(cups_pdf_printer, since, receipt["number"].rsplit("/", 1)[1])
    sizes = page_sizes_mm(printed)
    assert len(sizes) == 1, sizes
    assert abs(min(sizes[0]) - 80) <= 1.5, f"{printed}: {sizes} mm, not an 80 mm roll"
    screen.shot("sale-done")

    screen.focus(main)  # no window manager gives it back when the dialog closes
    screen.key("ctrl+q")
    assert app.wait_exit(15) == 0, app.log()
    assert "Traceback" not in app.log(), app.log()
