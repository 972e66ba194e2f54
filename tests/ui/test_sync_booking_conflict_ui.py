"""The Conflicts page with a booking another desk won the slot of: its free
slots, "Pindahkan ke …" and "Batalkan pemesanan", with real desks on the real
PostgreSQL (tests/sync/fixtures_sync.py) and synchronous operations."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import pytest

from smesco_desk.clock import WIB
from smesco_desk.services.core import Core
from smesco_desk.sync import BOOKING_OVERLAP
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.sync.helpers_sync import RECEPTION, Desks, sync_all
from tests.sync.proxy import TcpProxy
from tests.ui.helpers_ui import ADMIN_PASSWORD, ADMIN_USERNAME
from ui.context import AppContext
from ui.operations import OperationRunner
from ui.pages.conflicts.page import ConflictsPage
from ui.settings import UiSettings

pytestmark = pytest.mark.slow
ALWAYS = {d: ["07:00", "22:00"] for d in WEEK}


def _conflict(desks: Desks, proxy: TcpProxy) -> tuple[Core, Core, str, str]:
    d1 = desks.open("D01")
    d1.setup.initialize("D01")
    d1.setup.create_first_admin(ADMIN_USERNAME, "Administrator Gedung", ADMIN_PASSWORD)
    d1.sync.enroll(desks.server_url, "D01")
    d2 = desks.join("D02")
    admin = d1.users.authenticate(ADMIN_USERNAME, ADMIN_PASSWORD)
    for code, name, capacity in (("rapat_a", "Rapat A", 8), ("rapat_b", "Rapat B", 12)):
        form = space_form(code=code, name=name, capacity=capacity, opening_hours=ALWAYS)
        d1.bookings.save_space(admin, form)
    sync_all(d1, d2)
    proxy.go_offline()
    start = (datetime.now(WIB) + timedelta(days=2)).replace(hour=9, minute=0, second=0,
                                                            microsecond=0)
    won = d1.bookings.book(RECEPTION, booking_form("rapat_a", start, start + timedelta(hours=2)))
    lost = d2.bookings.book(RECEPTION, booking_form("rapat_a", start, start + timedelta(hours=2),
                                                    title="Pelatihan fotografi"))
    proxy.go_online()
    sync_all(d1, d2)
    return d1, d2, won.id, lost.id


def _page(qtbot, core: Core, ui_settings: UiSettings) -> ConflictsPage:  # type: ignore[no-untyped-def]
    admin = core.users.authenticate(ADMIN_USERNAME, ADMIN_PASSWORD)
    ctx = AppContext(core, OperationRunner(synchronous=True), ui_settings, admin)
    page = ConflictsPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 720)
    page.show()
    return page


def test_the_inbox_offers_free_slots_and_moves_the_booking(
    qtbot, proxied_desks: Desks, proxy: TcpProxy, ui_settings: UiSettings
) -> None:
    d1, d2, won, lost = _conflict(proxied_desks, proxy)
    page = _page(qtbot, d2, ui_settings)
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    conflict = page.current_conflict()
    assert conflict is not None and conflict.kind == BOOKING_OVERLAP
    assert "Bentrok pemesanan" in page.summary_label.text()
    assert "Pelatihan fotografi" in page.summary_label.text()
    panel = page.moves_panel
    assert panel.isVisible() and not page.keep_button.isVisible()
    assert not page.restore_button.isVisible()
    assert panel.list.count() == 5
    first = panel.current_move()
    assert first is not None and first.space_code == "rapat_b"
    assert panel.move_button.text().startswith("Pindahkan ke Rapat B")
    if os.environ.get("SMESCO_SHOTS"):
        page.grab().save(os.path.join(os.environ["SMESCO_SHOTS"], "booking_conflict.png"))
    page.note_edit.setText("pindah ke Rapat B")
    panel.move_booking()
    assert "dipindahkan ke Rapat B" in page.result_label.text()
    assert page.model.rowCount() == 0
    assert not panel.isVisible()
    moved = d2.bookings.booking(lost)
    assert (moved.status, moved.space_code) == ("provisional", "rapat_b")
    sync_all(d2, d1)
    for core in (d1, d2):
        assert core.bookings.booking(lost).status == "confirmed"
        (resolved,) = [c for c in core.sync.conflicts(open_only=False)
                       if c.kind == BOOKING_OVERLAP]
        assert resolved.resolution_note == "pindah ke Rapat B"


def test_the_inbox_cancels_the_booking_at_the_winning_desk(
    qtbot, proxied_desks: Desks, proxy: TcpProxy, ui_settings: UiSettings
) -> None:
    d1, d2, _won, lost = _conflict(proxied_desks, proxy)
    page = _page(qtbot, d1, ui_settings)  # the desk that won sees it too
    page.table.selectRow(0)
    panel = page.moves_panel
    assert panel.isVisible() and panel.waive_check.isVisible()  # an administrator may waive
    panel.cancel_booking()
    assert "dibatalkan" in page.result_label.text()
    assert d1.bookings.booking(lost).status == "cancelled"
    sync_all(d1, d2)
    assert d2.bookings.booking(lost).status == "cancelled"
    assert not [c for c in d2.sync.conflicts() if c.kind == BOOKING_OVERLAP]
