"""The Ruang page: the bookings of one day in a grid of spaces and half hours.

Slots stay short: the day bar asks the model for another day, the grid asks
for a booking of the cells selected or opens the booking clicked; both open
the booking dialog, which saves through the bookings service. A block
dragged to another time or space asks to confirm the move (move_dialog: the
old and new price, the difference). The grid reloads by itself when
"bookings" or "spaces" change.
"""

from __future__ import annotations

import importlib
from datetime import date, datetime, timedelta
from typing import Any, cast

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib, wib_today
from smesco_desk.domain.bookings import BookingStatus, status_label
from smesco_desk.values.bookings import BookingRecord
from ui.context import AppContext
from ui.models.bookings_model import DayBookingsModel
from ui.pages.bookings.day_grid import DayGrid
from ui.pages.bookings.grid_style import STATUS_COLOURS

DIALOG_MODULE = "ui.pages.bookings.booking_dialog"
LEGEND = (BookingStatus.PROVISIONAL, BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN,
          BookingStatus.CANCELLED, BookingStatus.CONFLICT)


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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(self._build_day_bar(day))
        layout.addWidget(self.grid, 1)
        layout.addLayout(self._build_legend())
        self.setFocusProxy(self.grid)
        self._update_book_button()
        self.model.reload()

    # --- building -------------------------------------------------------------------------

    def _build_day_bar(self, day: date) -> QHBoxLayout:
        self.previous_button = QToolButton(self)
        self.previous_button.setObjectName("previous_day_button")
        self.previous_button.setText("‹")
        self.previous_button.setToolTip(self.tr("Hari sebelumnya (PageUp, Alt+Kiri)"))
        self.previous_button.clicked.connect(lambda: self.step_day(-1))
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("next_day_button")
        self.next_button.setText("›")
        self.next_button.setToolTip(self.tr("Hari berikutnya (PageDown, Alt+Kanan)"))
        self.next_button.clicked.connect(lambda: self.step_day(1))
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("bookings_date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dddd, dd-MM-yyyy")
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.dateChanged.connect(self._on_date_picked)
        self.today_button = QPushButton(self.tr("Hari ini"), self)
        self.today_button.setObjectName("today_button")
        self.today_button.clicked.connect(self.go_today)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("bookings_summary_label")
        self.book_button = QPushButton(self.tr("&Pesan ruang…"), self)
        self.book_button.setObjectName("book_button")
        self.book_button.setToolTip(self.tr("Pilih sel kosong di grid, lalu Enter"))
        self.book_button.clicked.connect(self.grid.request_booking)
        height = self.date_edit.sizeHint().height()
        for button in (self.previous_button, self.next_button):
            button.setFixedSize(max(32, height), height)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.previous_button)
        row.addWidget(self.date_edit)
        row.addWidget(self.next_button)
        row.addWidget(self.today_button)
        row.addSpacing(12)
        row.addWidget(self.summary_label, 1)
        row.addWidget(self.book_button)
        return row

    def _build_legend(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(14)
        for status in LEGEND:
            fill, border, _text = STATUS_COLOURS[status.value]
            row.addWidget(self._chip(status_label(status), f"background: {fill}; "
                                     f"border: 1px solid {border};"))
        row.addWidget(self._chip(self.tr("Persiapan / pembersihan"),
                                 "background: #ffffff; border: 1px dashed #8a94a3;"))
        row.addWidget(self._chip(self.tr("Tutup"),
                                 "background: #f1f3f6; border: 1px solid #d5dbe3;"))
        row.addStretch(1)
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

    @Slot()
    def go_today(self) -> None:
        self.go_to(wib_today(self.ctx.core.now()))
        self.grid.setFocus()

    @Slot(QDate)
    def _on_date_picked(self, _date: QDate) -> None:
        self.model.set_day(self.day())

    @Slot()
    def _on_loaded(self) -> None:
        day, count = self.model.day(), self.model.block_count()
        self.summary_label.setText(self.tr("%n pemesanan", "", count) if count
                                   else self.tr("Belum ada pemesanan"))
        if day != self._scrolled_for:  # a new day: show its morning, or now on today
            self._scrolled_for = day
            now = to_wib(self.ctx.core.now())
            self.grid.scroll_to_minute(now.hour * 60 + now.minute if now.date() == day
                                       else self.model.first_minute() + 60)
        self._update_book_button()

    @Slot(str)
    def _on_load_failed(self, message: str) -> None:
        self.summary_label.setText(message)

    @Slot()
    def _update_book_button(self) -> None:
        self.book_button.setEnabled(self.grid.selected_slot() is not None)

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
    def _on_saved(self, _booking: object) -> None:
        self.grid.setFocus()  # the grid reloads itself (data_changed names "bookings")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
