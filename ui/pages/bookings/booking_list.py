"""The bookings of the day shown, as a list: when, where, what, who, the status
and the money (total, paid, still owed), with the day's unpaid total above it.

A booking may be confirmed unpaid; this is where the desk sees what is still
to be collected. It reads the day grid's model (no query of its own): the
list follows the day picked and reloads with it. Enter or a double click opens
the booking, as in the grid.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.domain.bookings import FREE_STATUSES, status_label
from smesco_desk.values.bookings import BookingRecord
from ui.models.bookings_model import DayBookingsModel
from ui.models.values_table import ValuesTableModel
from ui.pages.payments.common import rupiah

AnyIndex = QModelIndex | QPersistentModelIndex
AMOUNT_COLUMNS = (6, 7, 8)
SHARED_COLUMNS = (1, 2, 3)  # space, title, booker
TEXT_FLOOR = 90  # a long text column keeps this much (or its whole text) before any scrolling


def when_text(booking: BookingRecord) -> str:
    """09:00-11:00, or with the other day's date when it runs past midnight."""
    start, end = to_wib(booking.starts_at), to_wib(booking.ends_at)
    if start.date() == end.date():
        return f"{start:%H:%M}-{end:%H:%M}"
    return f"{start:%H:%M}-{end:%d-%m %H:%M}"


def owed_text(booking: BookingRecord) -> str:
    if booking.refund_due:
        return "-" + rupiah(booking.refund_due)  # owed back to the booker
    return rupiah(booking.owed) if booking.owed else "—"


class BookingsTableModel(ValuesTableModel[BookingRecord]):
    """The list's rows; a long text (space, title, booker) in full as its tooltip."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        tip = role == Qt.ItemDataRole.ToolTipRole
        if tip and index.isValid() and index.column() in SHARED_COLUMNS:
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)


class BookingList(QWidget):
    """The day's bookings in a table, earliest first."""

    booking_activated = Signal(object)  # the BookingRecord opened

    def __init__(self, model: DayBookingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day_model = model
        tr = self.tr
        self.model: ValuesTableModel[BookingRecord] = BookingsTableModel([
            (tr("Waktu"), when_text),
            (tr("Ruang"), lambda b: b.space_name),
            (tr("Judul"), lambda b: b.title),
            (tr("Pemesan"), lambda b: b.payer_name),
            (tr("Peserta"), lambda b: str(b.attendees)),
            (tr("Status"), lambda b: status_label(b.status)),
            (tr("Total"), lambda b: rupiah(b.total)),
            (tr("Dibayar"), lambda b: rupiah(b.paid)),
            (tr("Sisa"), owed_text),
        ], self, right=AMOUNT_COLUMNS)
        self.owed_label = QLabel(self)
        self.owed_label.setObjectName("bookings_owed_label")
        self.table = QTableView(self)
        self.table.setObjectName("bookings_list_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in SHARED_COLUMNS:  # the long texts share what is left: fit_texts
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setToolTip(self.tr("Enter atau klik dua kali: buka pemesanan"))
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.owed_label)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        self.table.viewport().installEventFilter(self)  # its width: fit_texts
        model.loaded.connect(self.refresh)
        self.refresh()

    def bookings(self) -> list[BookingRecord]:
        return self.model.rows()

    @Slot()
    def refresh(self) -> None:
        """The day model's bookings, earliest first (cancelled ones last)."""
        found = [block.booking for row in range(self.day_model.rowCount())
                 for block in self.day_model.blocks_of(row)]
        found.sort(key=lambda b: (b.status in FREE_STATUSES, b.starts_at, b.space_name))
        self.model.set_rows(found)
        self.fit_texts()
        owed = [b for b in found if b.owed]
        if owed:
            self.owed_label.setText(self.tr("Belum dibayar: {amount} dari {n} pemesanan.").format(
                amount=rupiah(sum(b.owed for b in owed)), n=len(owed)))
        else:
            self.owed_label.setText(self.tr("Tidak ada yang belum dibayar hari ini."))

    def fit_texts(self) -> None:
        """The space, title and booker share the width the other columns (sized
        to their contents) leave, each by its text's width; each keeps at least
        TEXT_FLOOR (or its whole text) and the list scrolls sideways before
        they are cut to nothing. What is cut shows in full as a tooltip."""
        table, header = self.table, self.table.horizontalHeader()
        fixed = sum(header.sectionSize(c) for c in range(self.model.columnCount())
                    if c not in SHARED_COLUMNS)
        room = table.viewport().width() - fixed
        wants = {c: max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
                 for c in SHARED_COLUMNS}
        total = sum(wants.values()) or 1
        for column, want in wants.items():
            share = room * want // total if total > room else want + (room - total) // 3
            header.resizeSection(column, max(min(want, TEXT_FLOOR), share))

    def current(self) -> BookingRecord | None:
        index = self.table.currentIndex()
        return self.model.value(index.row()) if index.isValid() else None

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.booking_activated.emit(self.model.value(index.row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_texts()
        if (watched is self.table and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            booking = self.current()
            if booking is not None:
                self.booking_activated.emit(booking)
                return True
        return super().eventFilter(watched, event)
