"""The Ruang page: the bookings of one day in a grid of spaces and half hours
("Hari"), or of one space over a week ("Minggu", the space chosen in a combo).

Slots stay short: the day bar asks the model shown for another day (a week
in the week view), a grid asks for a booking of the cells selected or opens
the booking clicked; both open the booking dialog, which saves through the
bookings service. A block dragged in the day grid to another time or space
asks to confirm the move (move_dialog: the old and new price, the
difference). The grids reload by themselves when "bookings" or "spaces"
change (the week view when it is shown).
"""

from __future__ import annotations

import importlib
from datetime import date, datetime, timedelta
from typing import Any, cast

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib, wib_today
from smesco_desk.domain.bookings import FREE_STATUSES, BookingStatus, status_label
from smesco_desk.values.bookings import BookingRecord
from ui.context import AppContext
from ui.flow_layout import FlowLayout
from ui.models.bookings_model import DayBookingsModel
from ui.models.week_bookings_model import WeekBookingsModel
from ui.pages.bookings.booking_list import BookingList
from ui.pages.bookings.day_grid import DayGrid
from ui.pages.bookings.grid_style import STATUS_COLOURS
from ui.pages.bookings.week_grid import WeekGrid
from ui.time_field import DateField
from ui.widgets import ElidedLabel

DIALOG_MODULE = "ui.pages.bookings.booking_dialog"
LEGEND = (BookingStatus.PROVISIONAL, BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN,
          BookingStatus.CANCELLED, BookingStatus.CONFLICT)


class DayField(DateField):
    """The day shown: PageUp/PageDown and Alt+Left/Right ask for the day (or week)
    before or after, as in the grid, instead of stepping the section under the
    cursor; one Tab stop; wide enough for the longest weekday name."""

    step_requested = Signal(int)  # -1: before, +1: after

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_PageUp or (alt and key == Qt.Key.Key_Left):
            self.step_requested.emit(-1)
        elif key == Qt.Key.Key_PageDown or (alt and key == Qt.Key.Key_Right):
            self.step_requested.emit(1)
        else:
            super().keyPressEvent(event)

    def fit_weekdays(self) -> None:
        """Room for every weekday's name in this language ("Minggu, 06-12-2026"),
        not only for those of the first and last dates Qt measures."""
        metrics, shown = self.fontMetrics(), self.displayFormat()
        monday = QDate(2026, 1, 5)
        widest = max(metrics.horizontalAdvance(self.locale().toString(monday.addDays(n), shown))
                     for n in range(7))
        measured = max(metrics.horizontalAdvance(self.locale().toString(d, shown))
                       for d in (self.minimumDate(), self.maximumDate()))
        self.setMinimumWidth(self.sizeHint().width() + max(0, widest - measured) + 4)


def booking_dialog_class() -> Any:
    """The booking dialog's class, imported the first time a booking is opened."""
    return importlib.import_module(DIALOG_MODULE).BookingDialog


class BookingsPage(QWidget):
    """The day bar over the day grid, and a legend of the colours under it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookings_page")
        self.ctx = ctx
        self.dialog: Any = None  # the booking dialog open, if any
        self._scrolled_for: date | None = None
        self._pending_reveal: str | None = None  # a booking just saved, shown once loaded
        day = wib_today(ctx.core.now())
        self.model = DayBookingsModel(ctx, day, self, load=False)
        self.grid = DayGrid(self.model, ctx.core.now, self)
        self.grid.booking_requested.connect(self.book)
        self.grid.booking_activated.connect(self.open_booking)
        self.grid.move_requested.connect(self.confirm_move)
        self.grid.day_step_requested.connect(self.step_day)
        self.grid.selection_changed.connect(self._update_book_button)
        self.model.loaded.connect(self._on_loaded)
        self.model.load_failed.connect(self._on_load_failed)
        self._build_week(day)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.week_grid)
        self.booking_list = BookingList(self.model, self)
        self.booking_list.booking_activated.connect(self.open_booking)
        self.stack.addWidget(self.booking_list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        bar = self._build_day_bar(day)  # (makes the summary label the view row shows)
        layout.addLayout(self._build_view_row())
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.legend = QWidget(self)
        legend = self._build_legend()
        legend.setContentsMargins(0, 0, 0, 0)
        self.legend.setLayout(legend)
        layout.addWidget(self.legend)
        self.setFocusProxy(self.grid)
        self._order_tabs()
        self._update_book_button()
        self.model.reload()

    # --- building -------------------------------------------------------------------------

    def _build_week(self, day: date) -> None:
        """The week view: its model (idle until shown), its grid, its space combo."""
        self.week_model = WeekBookingsModel(self.ctx, day, self, load=False)
        self.week_model.set_active(False)
        self.week_grid = WeekGrid(self.week_model, self.ctx.core.now, self)
        self.week_grid.booking_requested.connect(self.book)
        self.week_grid.booking_activated.connect(self.open_booking)
        self.week_grid.week_step_requested.connect(lambda weeks: self.step_day(7 * weeks))
        self.week_grid.selection_changed.connect(self._update_book_button)
        self.week_model.loaded.connect(self._on_week_loaded)
        self.week_model.load_failed.connect(self._on_load_failed)
        self.space_combo = QComboBox(self)
        self.space_combo.setObjectName("week_space_combo")
        self.space_combo.setToolTip(self.tr("Ruang yang ditampilkan seminggu"))
        self.space_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.space_combo.setMinimumContentsLength(20)
        self.space_combo.activated.connect(self._on_space_picked)
        self.space_combo.hide()
        self._week_scrolled_for: tuple[date, str] | None = None

    def _build_view_row(self) -> QHBoxLayout:
        """"Hari" | "Minggu", the space of the week view, and what the view shows."""
        self.day_mode_button = QPushButton(self.tr("Hari"), self)
        self.day_mode_button.setObjectName("day_mode_button")
        self.day_mode_button.setToolTip(self.tr("Semua ruang, satu hari"))
        self.week_mode_button = QPushButton(self.tr("Minggu"), self)
        self.week_mode_button.setObjectName("week_mode_button")
        self.week_mode_button.setToolTip(self.tr("Satu ruang, satu minggu"))
        self.list_mode_button = QPushButton(self.tr("Daftar"), self)
        self.list_mode_button.setObjectName("list_mode_button")
        self.list_mode_button.setToolTip(
            self.tr("Pemesanan hari itu sebagai daftar, dengan yang belum dibayar"))
        self.mode_group = QButtonGroup(self)
        self.mode_group.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(4)
        modes = (self.day_mode_button, self.week_mode_button, self.list_mode_button)
        for number, button in enumerate(modes):
            button.setCheckable(True)
            button.setProperty("section", True)  # the tab-like look of settings sections
            button.setAutoDefault(False)
            self.mode_group.addButton(button, number)
            row.addWidget(button)
        self.day_mode_button.setChecked(True)
        self.mode_group.idToggled.connect(self._on_mode_toggled)
        row.addSpacing(8)
        row.addWidget(self.space_combo)
        row.addSpacing(12)
        row.addWidget(self.summary_label, 1)
        return row

    def _build_day_bar(self, day: date) -> QHBoxLayout:
        self.previous_button = QToolButton(self)
        self.previous_button.setObjectName("previous_day_button")
        self.previous_button.setText("‹")
        self.previous_button.setToolTip(self.tr("Hari sebelumnya (PageUp, Alt+Kiri)"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("next_day_button")
        self.next_button.setText("›")
        self.next_button.setToolTip(self.tr("Hari berikutnya (PageDown, Alt+Kanan)"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.date_edit = DayField(self)
        self.date_edit.setObjectName("bookings_date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dddd, dd-MM-yyyy")
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.fit_weekdays()
        self.date_edit.setToolTip(self.tr("PageUp/PageDown, Alt+Kiri/Kanan: hari lain"))
        self.date_edit.dateChanged.connect(self._on_date_picked)
        self.date_edit.step_requested.connect(self.step)
        self.today_button = QPushButton(self.tr("Hari ini"), self)
        self.today_button.setObjectName("today_button")
        self.today_button.clicked.connect(self.go_today)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("bookings_summary_label")
        self.book_button = QPushButton(self.tr("&Pesan ruang…"), self)
        self.book_button.setObjectName("book_button")
        self.book_hint = ElidedLabel("", self)  # why "Pesan ruang…" is grey, beside it
        self.book_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.book_button.clicked.connect(lambda: self.current_grid().request_booking())
        height = self.date_edit.sizeHint().height()
        for button in (self.previous_button, self.next_button):
            button.setFixedSize(max(32, height), height)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.previous_button)
        row.addWidget(self.date_edit)
        row.addWidget(self.next_button)
        row.addWidget(self.today_button)
        row.addStretch(1)
        row.addWidget(self.book_hint)
        row.addWidget(self.book_button)
        return row

    def _order_tabs(self) -> None:
        """Tab as the eye reads the bar: the view, the date, ‹ ›, "Hari ini", "Pesan
        ruang…", then the grid."""
        chain = (self.day_mode_button, self.week_mode_button, self.list_mode_button,
                 self.space_combo, self.date_edit, self.previous_button, self.next_button,
                 self.today_button, self.book_button, self.grid, self.week_grid,
                 self.booking_list.table)
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _build_legend(self) -> FlowLayout:
        """The colours' chips, wrapping to a second row on a narrow window."""
        row = FlowLayout(spacing=14)
        for status in LEGEND:
            fill, border, _text = STATUS_COLOURS[status.value]
            row.addWidget(self._chip(status_label(status), f"background: {fill}; "
                                     f"border: 1px solid {border};"))
        row.addWidget(self._chip(self.tr("Persiapan / pembersihan"),
                                 "background: #ffffff; border: 1px dashed #8a94a3;"))
        row.addWidget(self._chip(self.tr("Tutup"),
                                 "background: #f1f3f6; border: 1px solid #d5dbe3;"))
        return row

    def _chip(self, text: str, style: str) -> QWidget:
        box = QWidget(self)
        swatch = QLabel(box)
        swatch.setFixedSize(14, 14)
        swatch.setStyleSheet(style + " border-radius: 3px;")
        label = QLabel(text, box)
        label.setStyleSheet("color: #3d4654;")
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(5)
        layout.addWidget(swatch)
        layout.addWidget(label)
        return box

    # --- the day ------------------------------------------------------------------------------

    def day(self) -> date:
        return cast(date, self.date_edit.date().toPython())  # stubs say object

    def go_to(self, day: date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))  # -> _on_date_picked

    @Slot(int)
    def step_day(self, days: int) -> None:
        self.go_to(self.day() + timedelta(days=days))

    def step(self, steps: int) -> None:
        """The day or week before (-1) or after (+1), as the view shows."""
        self.step_day(steps * (7 if self.is_week_view() else 1))

    @Slot()
    def go_today(self) -> None:
        """Today, scrolled to now."""
        today = wib_today(self.ctx.core.now())
        self._scrolled_for = self._week_scrolled_for = None  # the next load shows now
        if today == self.day():
            now = to_wib(self.ctx.core.now())
            self.current_grid().show_minute(now.hour * 60 + now.minute)
        else:
            self.go_to(today)
        self.current_grid().setFocus()

    @Slot(QDate)
    def _on_date_picked(self, _date: QDate) -> None:
        if self.is_week_view():
            self.week_model.set_week(self.day())
        else:
            self.model.set_day(self.day())

    # --- the view: one day of every space, or one space's week ------------------------------

    def is_week_view(self) -> bool:
        return self.week_mode_button.isChecked()

    def is_list_view(self) -> bool:
        return self.list_mode_button.isChecked()

    def current_grid(self) -> DayGrid | WeekGrid:
        return self.week_grid if self.is_week_view() else self.grid

    def current_view(self) -> QWidget:
        """What has the keyboard: the grid shown, or the list."""
        return self.booking_list if self.is_list_view() else self.current_grid()

    def show_list(self) -> None:
        self.list_mode_button.setChecked(True)

    def show_week(self, space_code: str = "") -> None:
        """The week view of a space (by its code; none: the one chosen last, or the first)."""
        if space_code:
            self.week_model.set_space(space_code, load=False)  # read with the week below
        self.week_mode_button.setChecked(True)  # -> _on_mode_toggled

    def show_day(self) -> None:
        self.day_mode_button.setChecked(True)

    @Slot(int, bool)
    def _on_mode_toggled(self, number: int, checked: bool) -> None:
        if not checked:
            return
        week = number == 1
        self.stack.setCurrentWidget(self.current_view())
        self.space_combo.setVisible(week)
        self.legend.setVisible(not self.is_list_view())  # the grids' colours
        self.setFocusProxy(self.current_view())
        self.date_edit.setToolTip(self.tr("PageUp/PageDown, Alt+Kiri/Kanan: minggu lain") if week
                                  else self.tr("PageUp/PageDown, Alt+Kiri/Kanan: hari lain"))
        if week:
            self.previous_button.setToolTip(self.tr("Minggu sebelumnya (PageUp, Alt+Kiri)"))
            self.next_button.setToolTip(self.tr("Minggu berikutnya (PageDown, Alt+Kanan)"))
        else:
            self.previous_button.setToolTip(self.tr("Hari sebelumnya (PageUp, Alt+Kiri)"))
            self.next_button.setToolTip(self.tr("Hari berikutnya (PageDown, Alt+Kanan)"))
        self.week_model.set_active(week)
        if week:
            self.week_model.set_week(self.day())
        else:
            self.model.set_day(self.day())
        self._update_book_button()
        self.current_view().setFocus()

    @Slot(int)
    def _on_space_picked(self, index: int) -> None:
        code = self.space_combo.itemData(index)
        if code:
            self.week_model.set_space(str(code))
            self.week_grid.setFocus()

    @Slot()
    def _on_week_loaded(self) -> None:
        model = self.week_model
        self._fill_space_combo()
        monday, space = model.monday(), model.space()
        week = self.tr("%1 s.d. %2").replace("%1", f"{monday:%d-%m}").replace(
            "%2", f"{monday + timedelta(days=6):%d-%m-%Y}")
        self.summary_label.setText(week + " · " + self.count_text(*model.counts()))
        if self._week_scrolled_for is None:  # first shown: its morning, or now this week
            now = to_wib(self.ctx.core.now())
            this_week = 0 <= (now.date() - monday).days < 7
            self.week_grid.show_minute(now.hour * 60 + now.minute if this_week
                                       else model.first_minute() + 60)
        self._week_scrolled_for = (monday, space.code if space else "")
        self._reveal_saved()
        self._update_book_button()

    def _fill_space_combo(self) -> None:
        spaces, space = self.week_model.spaces(), self.week_model.space()
        combo = self.space_combo
        codes = [combo.itemData(i) for i in range(combo.count())]
        if codes != [s.code for s in spaces]:
            combo.blockSignals(True)
            combo.clear()
            for each in spaces:
                combo.addItem(each.name, each.code)
            combo.blockSignals(False)
        if space is not None:
            combo.setCurrentIndex(combo.findData(space.code))

    @Slot()
    def _on_loaded(self) -> None:
        if self.is_week_view():
            return  # a change of the bookings read again behind the week view
        day = self.model.day()
        self.summary_label.setText(self.count_text(*self.model.counts()))
        if self._scrolled_for is None:  # the first day shown: its morning, or now on today
            now = to_wib(self.ctx.core.now())
            self.grid.show_minute(now.hour * 60 + now.minute if now.date() == day
                                  else self.model.first_minute() + 60)
        self._scrolled_for = day  # another day later: the cursor's time stays in view
        self._reveal_saved()
        self._update_book_button()

    def count_text(self, live: int, dropped: int) -> str:
        """ "7 pemesanan · 2 batal/dilepas": the live ones, then those that do not count."""
        text = self.tr("%n pemesanan", "", live) if live else self.tr("Belum ada pemesanan")
        return text + (" · " + self.tr("%n batal/dilepas", "", dropped) if dropped else "")

    @Slot(str)
    def _on_load_failed(self, message: str) -> None:
        self.summary_label.setText(message)

    @Slot()
    def _update_book_button(self) -> None:
        """On with free cells selected; off, it says why (beside it and in its tooltip)."""
        listed = self.is_list_view()
        ready = not listed and self.current_grid().selected_slot() is not None
        self.book_button.setEnabled(ready)
        why = (self.tr("Pilih Hari atau Minggu untuk memesan") if listed
               else self.tr("Pilih sel kosong di grid (mouse atau panah + Shift)"))
        self.book_hint.setText("" if ready else why)
        self.book_button.setToolTip(self.tr("Enter: pesan sel yang dipilih") if ready else why)

    # --- bookings ---------------------------------------------------------------------------

    @Slot(str, object, object)
    def book(self, space_code: str, starts_at: datetime, ends_at: datetime) -> None:
        """Open the booking dialog for a new booking of these cells."""
        dialog = booking_dialog_class()(self.ctx, self, space_code=space_code,
                                        starts_at=starts_at, ends_at=ends_at)
        self._show_dialog(dialog)

    @Slot(object)
    def open_booking(self, booking: BookingRecord) -> None:
        self._show_dialog(booking_dialog_class().for_booking(self.ctx, self, booking))

    @Slot(object, str, object, object)
    def confirm_move(self, booking: BookingRecord, space_code: str, starts_at: datetime,
                     ends_at: datetime) -> None:
        """A block was dragged: confirm the move, showing what it does to the price."""
        from ui.pages.bookings.move_dialog import MoveDialog

        self._show_dialog(MoveDialog(self.ctx, self, booking, space_code=space_code,
                                     starts_at=starts_at, ends_at=ends_at))

    def _show_dialog(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.booking_saved.connect(self._on_saved)
        dialog.open()

    @Slot(object)
    def _on_saved(self, booking: object) -> None:
        """Show the booking saved: its day, the cursor on it, all of it in view (the
        grid reloads itself: data_changed names "bookings")."""
        self.current_view().setFocus()
        if not isinstance(booking, BookingRecord) or booking.status in FREE_STATUSES:
            return
        self._pending_reveal = booking.id
        day = to_wib(booking.starts_at).date()
        week = self.is_week_view()
        if week and booking.space_code != getattr(self.week_model.space(), "code", ""):
            self._pending_reveal = None  # another space's week: not shown here
        elif not week and day != self.day() or week and not self._in_week(day):
            self.go_to(day)  # -> loads, then _reveal_saved
        else:
            self._reveal_saved()

    def _in_week(self, day: date) -> bool:
        return 0 <= (day - self.week_model.monday()).days < 7

    def _reveal_saved(self) -> None:
        if self._pending_reveal and self.current_grid().reveal_booking(self._pending_reveal):
            self._pending_reveal = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.current_view().setFocus(Qt.FocusReason.OtherFocusReason)
