"""A stall leased at the food court, in the real application: the tenant
manager logs in and lands on the food court, opens the vacant stall on the
floor plan (keyboard), leases it to a new tenant made on the spot, and goes
on from the lease dialog with Enter to collect the deposit and the first
month's rent in cash together ("Bayar deposit & sewa…", the default button:
both ticked, one kuitansi naming both, out of the real CUPS queue), then Enter
on "Selesai"; prints the lease agreement from the stall's
card (the preview's "Cetak", the same queue), and sees the stall occupied on
the plan. The command line then shows the stall
occupied, the tenant owing nothing, and prints the tenant's statement."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smesco_desk.services.actors import Role
from smesco_desk.services.core import open_core
from tests.core.helpers_foodcourt import stall_form
from tests.e2e.helpers_e2e import (
    LOGIN_TITLE,
    MAIN_TITLE,
    DeskApp,
    Screen,
    cli,
    cli_json,
    page_sizes_mm,
    pdf_title,
    printed_badge,
    wait_until,
    write_settings,
)
from tests.e2e.test_e2e_front_desk import prepare_desk
from tests.fixtures_system import CupsPdfPrinter
from ui.settings import OFFICE_PRINTER, RECEIPT_PRINTER

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

MANAGER, MANAGER_PASSWORD = "dewi", "rahasia-dewi-1"
STALL = "FC1-01"
TENANT, OWNER, PHONE = "Kopi Gayo Lestari", "Teuku Iskandar", "0812 7777 8888"
RENT, DEPOSIT = 3_000_000, 6_000_000
# FC1-01 on the plan of floor 1, in the window (1366x768): a point of it for
# each click (xdotool's mousemove --sync waits for a move that never comes when
# the pointer is already there)
STALL_ON_PLAN = [(628, 275), (640, 300), (660, 320)]


def prepare_foodcourt_desk(data_dir: Path) -> Path:
    """The front desk's desk, with two vacant stalls on floor 1 (Rp3.000.000 a
    month, deposit Rp6.000.000) and the tenant manager Dewi, her cash shift
    opened with a float of Rp200.000."""
    prepare_desk(data_dir)
    core = open_core(data_dir)
    try:
        admin = core.users.authenticate("admin", "rahasia-admin-1")
        for number in (1, 2):
            core.foodcourt.save_stall(admin, stall_form(
                code=f"FC1-0{number}", plan_x=(number - 1) * 6, plan_y=0))  # fmt: skip
        core.users.create(admin, MANAGER, "Dewi Kartika", MANAGER_PASSWORD,
                          Role.TENANT_MANAGER.value)  # fmt: skip
        dewi = core.users.authenticate(MANAGER, MANAGER_PASSWORD)
        core.payments.open_shift(dewi, 200_000)
    finally:
        core.close()
    return data_dir


def stall_state(data_dir: Path, code: str) -> dict[str, Any]:
    return next(s for s in cli_json(data_dir, "stalls", "--floor", "1", "--json")
                if s["code"] == code)  # fmt: skip


def tenant_named(data_dir: Path, name: str) -> dict[str, Any] | None:
    return next((t for t in cli_json(data_dir, "tenants", "--json") if t["name"] == name), None)


def pay_cash(screen: Screen, app: DeskApp, printer: CupsPdfPrinter, amount: int) -> Path:
    """The pay dialog open: cash typed, Enter; the kuitansi that comes out."""
    pay = screen.wait_window(r"^Bayar tagihan$", app)
    time.sleep(1)
    screen.focus(pay)
    screen.type(str(amount))
    screen.shot(f"pay-{amount}")
    since = time.time()
    screen.key("Return")
    printer.wait_for_new_pdf(since, 30)
    return wait_until(
        lambda: next((p for p in reversed(printer.pdfs_since(since))), None),
        30,
        "the kuitansi from the queue",
    )


def test_a_stall_leased_paid_and_printed_by_the_tenant_manager(
    launch: Callable[[Path], DeskApp],
    screen: Screen,
    cups_pdf_printer: CupsPdfPrinter,
    config_home: Path,
    tmp_path: Path,
) -> None:
    write_settings(config_home, {RECEIPT_PRINTER: "SmescoPDF", OFFICE_PRINTER: "SmescoPDF"})
    data_dir = prepare_foodcourt_desk(tmp_path / "data")
    assert stall_state(data_dir, STALL)["state"] == "vacant"
    app = launch(data_dir)

    login = screen.wait_window(LOGIN_TITLE, app)
    screen.focus(login)
    screen.type(MANAGER)
    screen.key("Tab")
    screen.type(MANAGER_PASSWORD)
    screen.key("Return")
    main = screen.wait_window(MAIN_TITLE, app)
    screen.focus(main)
    screen.shot("landed-on-the-food-court")

    # The floor plan ("Denah"), floor 1: a click on the stall opens its card.
    screen.key("alt+d")
    screen.shot("plan")
    screen.click(main, *STALL_ON_PLAN[0])
    card = screen.wait_window(rf"^Stan {STALL}$", app)
    screen.focus(card)
    screen.shot("card-vacant")
    screen.key("alt+s")  # "Sewakan…"
    dialog = screen.wait_window(r"^Sewakan stan$", app)
    screen.focus(dialog)
    screen.shot("lease-dialog")

    # A new tenant, made on the spot ("Tenan baru…").
    screen.key("alt+b")
    tenant_dialog = screen.wait_window(r"^Tenan baru$", app)
    screen.focus(tenant_dialog)
    time.sleep(1)
    screen.focus(tenant_dialog)
    screen.type(TENANT)
    screen.key("Tab")
    screen.type(OWNER)
    screen.key("Tab")
    screen.type(PHONE)
    # the first keys typed into a dialog just opened from a dialog may not reach
    # it (seen here with Xvfb and no window manager): the name typed once more
    screen.key("shift+Tab", "shift+Tab", "ctrl+a")
    screen.type(TENANT)
    screen.shot("tenant-dialog")
    screen.key("Return")
    tenant = wait_until(lambda: tenant_named(data_dir, TENANT), 20, "the new tenant",
                        on_timeout=lambda: screen.diagnosis(app))  # fmt: skip
    wait_until(lambda: tenant_dialog not in screen.windows(r"^Tenan baru$"), 10,
               "the tenant dialog closed")  # fmt: skip

    # Leased from today (the dialog's default), a year, by the month: Enter, "Sewakan".
    screen.focus(dialog)
    time.sleep(1)
    screen.focus(dialog)
    screen.key("alt+c")  # to "Catatan"
    screen.type("Tahunan")  # (no space: were the focus on a button, a space would press it)
    screen.key("Return")  # the default button, "Sewakan"
    leased = wait_until(lambda: (s := stall_state(data_dir, STALL))["tenant"] and s, 20,
                        "the stall leased", on_timeout=lambda: screen.diagnosis(app))  # fmt: skip
    assert leased["state"] == "occupied" and leased["tenant"] == TENANT, leased
    owing = wait_until(lambda: (t := tenant_named(data_dir, TENANT)) and t["balance"] and t, 10,
                       "the tenant owing")  # fmt: skip
    assert owing["balance"] == DEPOSIT + RENT  # the deposit and the first month's rent
    screen.settle()
    screen.shot("leased")

    # Enter again: "Bayar deposit & sewa…" (the default button now), both
    # ticked, cash: one kuitansi out of the queue, naming both; then Enter: "Selesai".
    screen.focus(dialog)
    screen.key("Return")
    kuitansi = pay_cash(screen, app, cups_pdf_printer, DEPOSIT + RENT)
    wait_until(lambda: tenant_named(data_dir, TENANT)["balance"] == 0, 20,
               "the payment", on_timeout=lambda: screen.diagnosis(app))  # fmt: skip
    wait_until(lambda: not screen.windows(r"^Bayar tagihan$"), 10, "the pay dialog closed")
    screen.settle()
    screen.shot("lease-dialog-paid")
    assert len(page_sizes_mm(kuitansi)) == 1
    receipts = cli_json(data_dir, "receipts", "--search", TENANT, "--json")
    assert [r["total"] for r in receipts] == [DEPOSIT + RENT], receipts
    assert {r["method"] for r in receipts} == {"cash"}
    # the one kuitansi printed is that receipt's (cups-pdf keeps its title, not
    # its text: the glyphs come out as outlines), and it names both lines
    assert pdf_title(kuitansi) == receipts[0]["number"]
    lines = [line["description"] for line in receipts[0]["lines"]]
    assert len(lines) == 2, lines
    assert lines[0] == f"Deposit stan {STALL}" and lines[1].startswith(f"Sewa stan {STALL},")
    screen.focus(dialog)
    screen.key("Return")  # "Selesai"
    wait_until(lambda: not screen.windows(r"^Sewakan stan"), 10, "the lease dialog closed",
               on_timeout=lambda: screen.diagnosis(app))  # fmt: skip
    for wid in screen.windows(rf"^Stan {STALL}"):  # the card it was opened from
        screen.focus(wid)
        screen.key("Escape")
    wait_until(lambda: not screen.windows(rf"^Stan {STALL}"), 10, "the card closed")

    # The stall's card again: "Cetak perjanjian…", printed from the preview.
    screen.focus(main)
    screen.shot("plan-occupied")
    screen.click(main, *STALL_ON_PLAN[2])
    card = screen.wait_window(rf"^Stan {STALL}$", app)
    screen.focus(card)
    screen.shot("card-occupied")
    screen.key("alt+p")
    preview = screen.wait_window(rf"^Pratinjau: Perjanjian sewa stan {STALL}", app)
    screen.focus(preview)
    screen.shot("agreement-preview")
    since = time.time()
    screen.key("Return")  # "Cetak"
    agreement = printed_badge(cups_pdf_printer, since, f"Perjanjian sewa stan {STALL}")
    sizes = page_sizes_mm(agreement)
    assert sizes and all(abs(min(s) - 210) <= 2 and abs(max(s) - 297) <= 2 for s in sizes)
    screen.shot("agreement-printed")

    # The statement, on the command line; the stall occupied there too.
    statement = tmp_path / "statement.pdf"
    cli(data_dir, "statement", tenant["id"], "--output", str(statement))
    assert statement.read_bytes().startswith(b"%PDF")
    assert stall_state(data_dir, STALL)["state"] == "occupied"
    for window in screen.windows(r"^(Pratinjau: |Stan )"):
        screen.focus(window)
        screen.key("Escape")
    screen.focus(main)
    screen.key("ctrl+q")
    assert app.wait_exit(15) == 0, app.log()
    assert "Traceback" not in app.log(), app.log()
