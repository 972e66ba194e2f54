"""The main window: pages, status bar, menus, automatic check-out, window state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

import ui.main_window
from smesco_desk.clock import WIB
from smesco_desk.errors import DomainError
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core, open_core
from smesco_desk.values.visitors import VisitorForm
from tests.ui.helpers_ui import make_actor
from ui.app import load_style_sheet
from ui.context import AppContext
from ui.errors import error_box
from ui.main_window import AUTO_CHECK_OUT_MS, GEOMETRY_STATE, MainWindow
from ui.operations import OperationRunner
from ui.pages.settings.page import SettingsPage
from ui.pages.visitors.page import VisitorsPage
from ui.settings import UiSettings

WINDOWS: list[MainWindow] = []


@pytest.fixture(autouse=True)
def _close_windows_first(qtbot) -> Iterator[None]:
    """Close the windows and let the zero-delay timers their pages start on hiding
    run before pytest-qt deletes the widgets (as the app does when logging out)."""
    yield
    while WINDOWS:
        WINDOWS.pop().close()
    qtbot.wait(5)


def make_window(qtbot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    WINDOWS.append(window)
    return window


def register(core: Core, actor: Actor, name: str = "Siti Aminah") -> str:
    form = VisitorForm(name, "081234567890", "meeting", consent=True)
    return core.visitors.register(actor, form).id


class MessageBoxes:
    """Records message boxes instead of showing them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[QMessageBox] = []
        self.infos: list[str] = []
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self.shown.append(box) or 0)
        monkeypatch.setattr(
            QMessageBox,
            "information",
            staticmethod(lambda parent, title, text, *a: self.infos.append(text)),
        )


def test_six_pages_visitors_first(qtbot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    titles = [window.nav_list.item(i).text() for i in range(window.nav_list.count())]
    assert titles == ["Tamu", "Pembayaran", "Ruang", "Pujasera", "Audit", "Pengaturan"]
    assert isinstance(window.pages["visitors"], VisitorsPage)
    assert isinstance(window.pages["settings"], SettingsPage)
    assert window.stack.currentWidget() is window.pages["visitors"]
    window.nav_list.setCurrentRow(5)
    assert window.stack.currentWidget() is window.pages["settings"]


def test_status_bar_names_user_desk_and_people_inside(qtbot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    assert window.user_label.text() == "Administrator Gedung · Administrator"
    assert window.desk_label.text() == "Desk D01"
    assert window.in_building_label.text() == "Di dalam gedung: 0 orang"
    register(ctx.core, ctx.require_actor())
    ctx.runner.data_changed.emit(frozenset({"visits"}))
    assert window.in_building_label.text() == "Di dalam gedung: 1 orang"


def test_busy_indicator_follows_the_runner(qtbot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    assert window.busy_bar.isHidden()
    ctx.runner.busy_changed.emit("Mencadangkan data…")
    assert not window.busy_bar.isHidden()
    assert window.busy_label.text() == "Mencadangkan data…"
    ctx.runner.busy_changed.emit("")
    assert window.busy_bar.isHidden() and window.busy_label.text() == ""


class MovableClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_auto_check_out_runs_at_start_and_every_minute(
    qtbot, tmp_path: Path, ui_settings: UiSettings, runner: OperationRunner
) -> None:
    clock = MovableClock(datetime(2026, 3, 10, 10, 0, tzinfo=WIB).astimezone(UTC))
    core = open_core(tmp_path / "clocked", clock=clock)
    core.setup.initialize("D01")
    core.setup.create_first_admin("admin", "Admin", "rahasia-admin-1")
    admin = core.users.authenticate("admin", "rahasia-admin-1")
    visit_id = register(core, admin)
    clock.now += timedelta(days=1)  # past last night's closing time
    changes: list[frozenset[str]] = []
    runner.data_changed.connect(changes.append)
    window = make_window(qtbot, AppContext(core, runner, ui_settings, admin))
    assert window.auto_check_out_timer.isActive()
    assert window.auto_check_out_timer.interval() == AUTO_CHECK_OUT_MS
    qtbot.waitUntil(lambda: core.visitors.get_visit(visit_id).checked_out_at is not None)
    assert frozenset({"visits"}) in changes
    assert window.in_building_label.text() == "Di dalam gedung: 0 orang"
    core.close()


def test_rent_that_fell_due_is_posted_at_start(
    qtbot, tmp_path: Path, ui_settings: UiSettings, runner: OperationRunner
) -> None:
    from datetime import date

    from smesco_desk.values.foodcourt import LeaseForm
    from tests.core.helpers_foodcourt import stall_form, tenant_form

    clock = MovableClock(datetime(2026, 3, 10, 10, 0, tzinfo=WIB).astimezone(UTC))
    core = open_core(tmp_path / "clocked", clock=clock)
    core.setup.initialize("D01")
    core.setup.create_first_admin("admin", "Admin", "rahasia-admin-1")
    admin = core.users.authenticate("admin", "rahasia-admin-1")
    core.foodcourt.save_stall(admin, stall_form())
    tenant = core.foodcourt.save_tenant(admin, tenant_form())
    form = LeaseForm(tenant.id, "FC2-07", date(2026, 1, 31), date(2026, 12, 30))
    core.foodcourt.lease(admin, form)
    changes: list[frozenset[str]] = []
    runner.data_changed.connect(changes.append)
    make_window(qtbot, AppContext(core, runner, ui_settings, admin))

    def rent() -> list[date]:
        due = core.foodcourt.rent_due_between(date(2026, 1, 1), date(2026, 3, 10))
        return [c.due_on for c in due if c.kind == "rent" and c.status == "open"]

    qtbot.waitUntil(lambda: rent() == [date(2026, 1, 31), date(2026, 2, 28)])
    qtbot.waitUntil(lambda: any("tenant_charges" in c for c in changes))
    core.close()


def test_nothing_to_close_announces_no_change(qtbot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    changes: list[frozenset[str]] = []
    ctx.runner.data_changed.connect(changes.append)
    window.run_auto_check_out()
    assert changes == []


def test_backup_writes_the_chosen_file(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = MessageBoxes(monkeypatch)
    target = tmp_path / "cadangan" / "hari-ini.sqlite3"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), ""))
    )
    window = make_window(qtbot, ctx)
    assert window.backup_action.isEnabled()
    window.backup_action.trigger()
    assert target.is_file() and target.stat().st_size > 0
    assert boxes.infos and str(target) in boxes.infos[0]


def test_backup_cancelled_does_nothing(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = MessageBoxes(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: ("", "")))
    make_window(qtbot, ctx).backup_action.trigger()
    assert boxes.infos == [] and boxes.shown == []


def test_a_receptionist_cannot_back_up(qtbot, ctx: AppContext, admin: Actor) -> None:
    ctx.actor = make_actor(ctx.core, admin, Role.RECEPTIONIST, "sari")
    window = make_window(qtbot, ctx)
    assert not window.backup_action.isEnabled()
    assert window.user_label.text() == "Sari · Resepsionis"


def test_domain_errors_show_their_message_only(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = MessageBoxes(monkeypatch)
    make_window(qtbot, ctx)
    ctx.runner.error_unhandled.emit(DomainError("Kartu ini sudah dicatat keluar."))
    assert boxes.shown[0].text() == "Kartu ini sudah dicatat keluar."
    assert boxes.shown[0].detailedText() == ""


def test_unexpected_errors_keep_details_behind_a_button(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = MessageBoxes(monkeypatch)
    make_window(qtbot, ctx)
    ctx.runner.op(lambda: 1 / 0).run()  # no failure callback: error_unhandled
    box = boxes.shown[0]
    assert "tidak terduga" in box.text() and "ZeroDivisionError" not in box.text()
    assert "ZeroDivisionError" in box.detailedText()


def test_error_box_for_a_domain_error_without_a_traceback(qtbot) -> None:
    box = error_box(None, DomainError("Printer tidak ditemukan."))
    qtbot.addWidget(box)
    assert box.text() == "Printer tidak ditemukan." and box.detailedText() == ""


def test_logout_and_close_are_announced(qtbot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    with qtbot.waitSignal(window.logout_requested, timeout=1000):
        window.logout_action.trigger()
    with qtbot.waitSignal(window.closed, timeout=1000):
        window.close()


def test_window_geometry_is_remembered(qtbot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    window.show()
    height = window.minimumSizeHint().height() + 10  # the offscreen screen is only 800x600
    assert height < 600
    window.resize(QSize(window.width(), height))
    window.close()
    assert ctx.settings.state(GEOMETRY_STATE) is not None
    again = make_window(qtbot, ctx)
    assert again.height() == height


def test_about_names_the_application(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "about", staticmethod(lambda parent, title, text: texts.append(text))
    )
    make_window(qtbot, ctx).about_action.trigger()
    assert "Smesco Desk" in texts[0]


def test_the_window_module_imports_the_visitors_page_directly() -> None:
    assert ui.main_window.VisitorsPage is VisitorsPage


def _shown(qtbot, window: MainWindow) -> MainWindow:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_f2_scans_from_any_page(qtbot, ctx: AppContext) -> None:
    window = _shown(qtbot, make_window(qtbot, ctx))
    window.show_page("settings")
    settings_widget = window.pages["settings"].focusWidget() or window.pages["settings"]
    settings_widget.setFocus()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F2)
    page = window.pages["visitors"]
    assert window.stack.currentWidget() is page
    assert QApplication.focusWidget() is page.checkout_bar.scan_edit
    qtbot.keyClick(page.checkout_bar.scan_edit, Qt.Key.Key_F3)  # and back to the next visitor
    assert QApplication.focusWidget() is page.form.name_edit
    window.show_page("settings")
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F3)
    assert window.stack.currentWidget() is page
    assert QApplication.focusWidget() is page.form.name_edit


def test_f2_is_off_for_those_who_cannot_check_out(qtbot, ctx: AppContext, admin: Actor) -> None:
    ctx.actor = make_actor(ctx.core, admin, Role.TENANT_MANAGER, "dewi")
    window = make_window(qtbot, ctx)
    assert not window.scan_action.isEnabled() and not window.new_visitor_action.isEnabled()


def test_the_window_fits_a_1024_px_screen(qtbot, qapp, ctx: AppContext) -> None:
    """With the real style sheet (its paddings decide the sizes)."""
    old = qapp.styleSheet()
    qapp.setStyleSheet(load_style_sheet())
    try:
        window = make_window(qtbot, ctx)
        assert window.minimumSizeHint().width() <= 1024
        window.show()
        window.resize(800, 600)  # all the offscreen screen has
        page = window.visitors_page
        # Once the layout has settled (the form is fitted again after its polish):
        # the whole form shows beside its scroll bar, nothing cut at its right edge.
        qtbot.waitUntil(
            lambda: page.form.width() <= page.form_scroll.viewport().width(), timeout=3000
        )
        lists = page.lists
        button_row_right = lists.muster_button.mapTo(lists, lists.muster_button.rect().topRight())
        assert button_row_right.x() <= lists.width()
    finally:
        qapp.setStyleSheet(old)


def test_a_sale_made_by_another_program_shows_without_a_click(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:
    """The command line (another process, here a second core on the same file)
    sells while the window is open: the next look at the file reloads the views;
    the window's own writes do not count as changes made elsewhere."""
    from smesco_desk.services.core import open_core
    from tests.ui.helpers_ui import sell

    window = make_window(qtbot, ctx)
    page = window.payments_page
    assert page is not None
    ctx.core.payments.open_shift(ctx.require_actor(), 0)
    ctx.core.maintenance.changed_elsewhere()  # the baseline
    sell(ctx.core, ctx.require_actor(), payer="Dari jendela ini")
    assert not ctx.core.maintenance.changed_elsewhere()  # our own commit
    window.show()
    window.show_page("payments")
    page.model.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)  # the list as loaded before
    other = open_core(ctx.core.data_dir)
    try:
        number = sell(other, ctx.require_actor(), payer="Dari baris perintah").number
    finally:
        other.close()
    with qtbot.waitSignal(ctx.runner.data_changed, timeout=2000) as announced:
        window.check_changed_elsewhere()
    assert "receipts" in announced.args[0] and "visits" in announced.args[0]
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert not ctx.core.maintenance.changed_elsewhere()  # seen once
    assert number.endswith("000002")


def test_f4_before_the_payments_page_was_shown_chooses_the_newest_receipt(
    qtbot, ctx: AppContext
) -> None:
    """F4 builds the Payments page and opens the sale dialog over it at once: the
    window is not the active one then, yet the list behind the dialog shows the
    newest receipt chosen, as when the page was built at start."""
    from tests.ui.helpers_ui import sell

    actor = ctx.require_actor()
    ctx.core.payments.open_shift(actor, 0)
    sell(ctx.core, actor, payer="Pertama")
    newest = sell(ctx.core, actor, payer="Terbaru").number
    window = make_window(qtbot, ctx)
    window.show()
    window.go_new_sale()
    page = window.payments_page
    assert page is not None
    qtbot.waitUntil(lambda: page.selected() is not None)
    selected = page.selected()
    assert selected is not None and selected.number == newest
    assert page.receipt_panel.reprint_button.isEnabled()
    assert page.sale_dialog is not None and page.sale_dialog.isVisible()
    page.sale_dialog.reject()


def test_the_minute_timer_releases_bookings_nobody_came_to(
    qtbot, tmp_path: Path, ui_settings: UiSettings, runner: OperationRunner
) -> None:
    from smesco_desk.domain.payments import PayerKind
    from smesco_desk.values.bookings import BookingForm, SpaceForm
    from smesco_desk.values.payments import PayerForm

    clock = MovableClock(datetime(2026, 3, 10, 9, 0, tzinfo=WIB).astimezone(UTC))
    core = open_core(tmp_path / "clocked", clock=clock)
    core.setup.initialize("D01")
    core.setup.create_first_admin("admin", "Admin", "rahasia-admin-1")
    admin = core.users.authenticate("admin", "rahasia-admin-1")
    hours = {day: ["08:00", "20:00"] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    core.bookings.save_space(
        admin, SpaceForm(code="melati", name="Ruang Melati", kind="meeting_room",
                         capacity=8, opening_hours=hours)
    )
    start = datetime(2026, 3, 10, 10, 0, tzinfo=WIB)
    booking = core.bookings.book(
        admin, BookingForm(space="melati", title="Rapat", starts_at=start,
                           ends_at=start + timedelta(hours=1),
                           payer=PayerForm(kind=PayerKind.VISITOR, name="Budi"), attendees=4)
    )
    clock.now = (start + timedelta(hours=2)).astimezone(UTC)  # long past the grace period
    window = make_window(qtbot, AppContext(core, runner, ui_settings, admin))
    qtbot.waitUntil(lambda: core.bookings.booking(booking.id).status == "released")
    assert "dilepas" in window.statusBar().currentMessage()
    core.close()


def test_f2_scans_from_the_rooms_page(qtbot, ctx: AppContext) -> None:
    """The room grid has the keyboard: F2 still goes to the scan field (a badge
    scanned next must not land in the grid, nor its Enter open a booking)."""
    window = _shown(qtbot, make_window(qtbot, ctx))
    rooms = window.pages["bookings"]
    for view in (rooms.grid, rooms.week_grid, rooms.booking_list):
        window.show_page("bookings")
        rooms.stack.setCurrentWidget(view)
        view.setFocus()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
        page = window.pages["visitors"]
        assert window.stack.currentWidget() is page
        assert QApplication.focusWidget() is page.checkout_bar.scan_edit


def test_f2_works_when_the_window_is_not_the_active_one(qtbot, ctx: AppContext) -> None:
    """Without a window manager a closed dialog can leave no window active: the
    window's shortcuts do not fire, the keys still reach the grid. F2 and F3
    then come up to the window as key presses and still do their work."""
    window = _shown(qtbot, make_window(qtbot, ctx))
    window.show_page("bookings")
    rooms = window.pages["bookings"]
    rooms.grid.setFocus()
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    qtbot.keyClick(rooms.grid, Qt.Key.Key_F2)
    page = window.pages["visitors"]
    assert window.stack.currentWidget() is page
    assert page.focusWidget() is page.checkout_bar.scan_edit
    window.show_page("bookings")
    qtbot.keyClick(rooms.grid, Qt.Key.Key_F3)
    assert window.stack.currentWidget() is page
