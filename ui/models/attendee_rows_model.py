"""The rows of a participant file before it is imported (AttendeePreview): every
row, the bad ones coloured, each bad cell stronger with its message as tooltip,
and a last column saying what is wrong in words.

    model = AttendeeRowsModel(parent)
    model.set_rows(preview.rows)
    model.index(row, 0).data(PROBLEM_ROLE)   # True for a bad row

A file is short (tens to a few hundred rows), so the model holds them all.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from smesco_desk.domain.phone import format_phone_display
from smesco_desk.values.bookings import AttendeeRow
from ui.models.values_table import AnyIndex, ValuesTableModel

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 2  # True when the row will not be imported
BAD_ROW = QColor("#fdecec")
BAD_CELL = QColor("#f6c9c5")
BAD_TEXT = QColor("#8c1d13")
# The column of each field of the file (the first is the line, the last the problems).
FIELD_COLUMNS = {"name": 1, "phone": 2, "organisation": 3, "nik": 4, "email": 5}


def field_label(field: str) -> str:
    translate = QCoreApplication.translate
    return {
        "name": translate("AttendeeRowsModel", "Nama"),
        "phone": translate("AttendeeRowsModel", "Telepon"),
        "organisation": translate("AttendeeRowsModel", "Organisasi"),
        "nik": translate("AttendeeRowsModel", "NIK"),
        "email": translate("AttendeeRowsModel", "Email"),
    }.get(field, field)


def problems_text(row: AttendeeRow) -> str:
    """Telepon: Nomor telepon sama dengan baris 2. Nama: ... ("" for a good row)."""
    return " ".join(f"{field_label(f)}: {m}" for f, m in row.errors.items())


class AttendeeRowsModel(ValuesTableModel[AttendeeRow]):
    """Baris, Nama, Telepon, Organisasi, NIK, Email, Masalah."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent, right=(0,))
        ready = self.tr("Siap diimpor")
        self._columns = [
            (self.tr("Baris"), lambda r: str(r.line)),
            (field_label("name"), lambda r: r.name),
            (field_label("phone"), lambda r: format_phone_display(r.phone) if r.ok else r.phone),
            (field_label("organisation"), lambda r: r.organisation),
            (field_label("nik"), lambda r: r.nik_masked),
            (field_label("email"), lambda r: r.email),
            (self.tr("Masalah"), lambda r: problems_text(r) or ready),
        ]

    def problems_column(self) -> int:
        return self.columnCount() - 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.value(index.row())
        if role == PROBLEM_ROLE:
            return not row.ok
        message = "" if row.ok else self._message(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a narrowed column
            return message or super().data(index, Qt.ItemDataRole.DisplayRole) or None
        if row.ok:
            return super().data(index, role)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(BAD_CELL if message else BAD_ROW)
        if role == Qt.ItemDataRole.ForegroundRole and message:
            return QBrush(BAD_TEXT)
        return super().data(index, role)

    def _message(self, row: AttendeeRow, column: int) -> str:
        """The problem a bad row's cell shows (every problem in the last column)."""
        if column == self.problems_column():
            return problems_text(row)
        field = next((f for f, c in FIELD_COLUMNS.items() if c == column), "")
        return row.errors.get(field, "")
