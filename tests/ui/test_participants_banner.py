"""The booking details of an event say one thing at a time: the Peserta tab
uses the dialog's banner (the newest message replaces the last, never two
stacked), and its room is kept so no button moves when it shows."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from smesco_desk.clock import wib_today
from smesco_desk.services.actors import Actor
from tests.ui.helpers_ui import FakePrinter
from tests.ui.test_event_ui import book, details, hall, with_people  # noqa: F401 - a fixture
from ui.context import AppContext
from ui.widgets import StatusBanner


def _where(widget: QWidget, dialog: QWidget) -> QPoint:
    return widget.mapTo(dialog, QPoint(0, 0))


def test_one_banner_replaced_and_the_buttons_stay_put(
    qtbot: Any,
    ctx: AppContext,
    admin: Actor,
    hall: str,  # noqa: F811 - the fixture imported above
    printer: FakePrinter,
) -> None:
    booking = with_people(
        ctx, admin, book(ctx, admin, wib_today(ctx.core.now()) + timedelta(days=20), "training")
    )
    dialog = details(qtbot, ctx, booking, printer)
    dialog.tabs.setCurrentWidget(dialog.participants)
    actions = dialog.participants.event_actions
    buttons = [actions.badge_button, actions.check_in_button, dialog.close_button]
    before = [_where(b, dialog) for b in buttons]
    dialog.banner.show_message("success", "Ditandai sebagai Pelatihan.")
    actions.attendance_button.click()  # printed: the panel says so
    qtbot.waitUntil(lambda: "Daftar hadir dicetak" in dialog.banner.text())
    shown = [b for b in dialog.findChildren(StatusBanner) if b.isVisible()]
    assert shown == [dialog.banner] and "Ditandai" not in dialog.banner.text()
    assert dialog.participants.banner is dialog.banner
    qtbot.wait(20)
    assert [_where(b, dialog) for b in buttons] == before
