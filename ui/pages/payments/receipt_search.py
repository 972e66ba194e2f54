"""The search over the receipts: words (number, payer or amount), a day, or
every day; `search_requested` once the person has stopped typing."""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from smesco_desk.values.payments import ReceiptFilter
from ui.widgets import FittingLineEdit

SEARCH_DEBOUNCE_MS = 300


class ReceiptSearchBar(QWidget):
    search_requested = Signal()

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = FittingLineEdit(
            self.tr("Cari nomor, pembayar atau jumlah… (Ctrl+F)"),
            self.tr("Cari nomor, pembayar, jumlah…"),
            self,
        )
        self.search_edit.setObjectName("receipt_search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self.timer.timeout.connect(self.search_requested)
        self.search_edit.textEdited.connect(lambda _t: self.timer.start())
        self.search_edit.returnPressed.connect(self.search_requested)
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("receipt_date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.dateChanged.connect(self.search_requested)
        self.all_days_check = QCheckBox(self.tr("Se&mua tanggal"), self)
        self.all_days_check.setObjectName("all_days_check")
        self.all_days_check.setToolTip(self.tr("Cari di semua tanggal (perlu kata pencarian)"))
        self.all_days_check.toggled.connect(self.search_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.date_edit)
        row.addWidget(self.all_days_check)

    def receipt_filter(self) -> ReceiptFilter:
        """What the bar asks for (a search waiting to start is started now)."""
        self.timer.stop()
        text = self.search_edit.text().strip()
        every_day = self.all_days_check.isChecked() and bool(text)
        day = cast(date, self.date_edit.date().toPython())  # stubs say object
        return ReceiptFilter(day=None if every_day else day, text=text, all_days=every_day)

    @Slot()
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def follow_day(self, old: date, new: date) -> None:
        """The day moved on (midnight): a bar still on the old day moves with it."""
        if self.date_edit.date().toPython() == old:
            self.date_edit.setDate(QDate(new.year, new.month, new.day))
