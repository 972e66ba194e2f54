"""The front desk by keyboard (the review at 1024x768, S/38-S/40, S/119): every
place the keyboard can be shows the amber focus ring; Tab leaves the visit
tables; the in-building list's filter, check-out and reprint have shortcuts in
the Tamu menu."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from smesco_desk.services.actors import Actor
from smesco_desk.values.visitors import VisitorForm
from tests.ui.helpers_ui import FakePrinter, ring_pixels
from ui.context import AppContext
from ui.main_window import MainWindow

WINDOWS: list[MainWindow] = []


@pytest.fixture(autouse=True)
def _close_windows_first(qtbot) -> Iterator[None]:
    yield
    while WINDOWS:
        WINDOWS.pop().close()
    qtbot.wait(5)



@pytest.fixture
def window(qtbot, ctx: AppContext, admin: Actor, printer: FakePrinter) -> MainWindow:
    for name, phone in (("Siti Aminah", "081234567890"), ("Budi Santoso", "081298765432")):
        ctx.core.visitors.register(admin, VisitorForm(name, phone, "meeting", consent=True))
    made = MainWindow(ctx)
    made.visitors_page.documents._printer = printer  # noqa: SLF001 - no real printer
    qtbot.addWidget(made)
    WINDOWS.append(made)
    made.resize(1024, 768)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow)
    return made



def _focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def _tab(qtbot) -> QWidget | None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    return QApplication.focusWidget()


# --- the focus ring everywhere ---------------------------------------------------


def test_the_navigation_list_shows_the_item_with_the_keyboard(
    qtbot, styled: None, window: MainWindow
) -> None:
    nav = window.nav_list
    _focus(qtbot, window.visitors_page.checkout_bar.scan_edit)
    before = ring_pixels(nav.grab().toImage())
    _focus(qtbot, nav)
    assert before == 0 and ring_pixels(nav.grab().toImage()) >= 60
    row_rect = nav.visualItemRect(nav.currentItem())
    assert ring_pixels(nav.viewport().grab(row_rect).toImage()) >= 60  # on the item itself


def test_the_in_building_table_shows_a_ring_and_its_row_when_it_has_the_keyboard(
    qtbot, styled: None, window: MainWindow
) -> None:
    table = window.visitors_page.lists.in_building_table
    _focus(qtbot, window.visitors_page.checkout_bar.scan_edit)
    before = ring_pixels(table.grab().toImage())
    viewport = table.viewport().size()
    _focus(qtbot, table)
    assert before == 0 and ring_pixels(table.grab().toImage()) >= 200
    assert table.viewport().size() == viewport  # the ring takes no room: nothing moves
    assert table.selectionModel().isRowSelected(table.currentIndex().row())


# --- Tab and the in-building list ------------------------------------------------


def test_tab_from_the_scan_field_goes_into_the_list_and_leaves_the_table(
    qtbot, window: MainWindow
) -> None:
    page = window.visitors_page
    lists = page.lists
    _focus(qtbot, page.checkout_bar.scan_edit)
    reached: list[QWidget | None] = [_tab(qtbot) for _ in range(6)]
    table = lists.in_building_table
    assert window.nav_list not in reached[: reached.index(table)]  # not off the page first
    # as the eye reads: the list's buttons, its filter, its table
    assert reached.index(lists.muster_button) < reached.index(lists.in_building_filter) \
        < reached.index(table)
    assert not table.tabKeyNavigation()
    assert table.current_record() is not None  # the row the keyboard is on is chosen
    assert _tab(qtbot) is not table  # Tab leaves the table, not the next cell
    _focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is lists.in_building_filter


def test_ctrl_f_goes_to_the_filter_and_the_tamu_menu_names_it(qtbot, window: MainWindow) -> None:
    page = window.visitors_page
    _focus(qtbot, page.form.name_edit)
    page.lists.tabs.setCurrentIndex(2)  # another tab: Ctrl+F shows the list again
    qtbot.keyClick(page.form.name_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.lists.in_building_filter
    assert page.lists.tabs.currentIndex() == 0
    menu_texts = {a.text(): a.shortcut().toString() for a in window.visitors_menu.actions()}
    assert "Ctrl+F" in menu_texts.values()
    assert "Ctrl+F" in page.lists.in_building_filter.toolTip()


def test_check_out_and_reprint_of_the_chosen_row_from_the_tamu_menu(
    qtbot, window: MainWindow, printer: FakePrinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    lists = window.visitors_page.lists
    checkout, reprint = window.checkout_selected_action, window.reprint_selected_action
    assert checkout in window.visitors_menu.actions() and reprint in window.visitors_menu.actions()
    assert checkout.shortcut().toString() and reprint.shortcut().toString()
    table = lists.in_building_table
    _focus(qtbot, table)
    name = table.current_record().name
    qtbot.keyClick(table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Cetak ulang
    qtbot.waitUntil(lambda: len(printer.jobs) == 1)
    qtbot.keyClick(QApplication.focusWidget(), checkout.shortcut()[0].key(),
                   checkout.shortcut()[0].keyboardModifiers())  # fmt: skip
    qtbot.waitUntil(lambda: lists.in_building_model.total() == 1)
    assert name not in [lists.in_building_model.record(0).name]


def test_arrows_in_the_page_list_move_the_ring_and_enter_opens_the_page(
    qtbot, window: MainWindow
) -> None:
    """The review (S/38c): Down in the page list switched to Pembayaran, whose
    receipt list took the keyboard, so the next key landed there. Now the arrows
    move the ring, Enter opens the page; typed text never switches pages."""
    nav, visitors = window.nav_list, window.visitors_page
    _focus(qtbot, nav)
    qtbot.keyClick(nav, Qt.Key.Key_Down)
    assert nav.currentRow() == 1 and window.stack.currentWidget() is visitors
    assert nav.hasFocus()
    qtbot.keyClicks(nav, "pr")  # "Pembayaran", "Ruang": no jumping by letter
    assert window.stack.currentWidget() is visitors and nav.currentRow() == 1
    qtbot.keyClick(nav, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.pages["payments"]
    assert [i.row() for i in nav.selectedIndexes()] == [1]
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=nav.visualItemRect(nav.item(0)).center())  # fmt: skip
    assert window.stack.currentWidget() is visitors  # a click opens at once
