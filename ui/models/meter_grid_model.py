"""The month's grid of meter readings: a stall per row, the power and water
readings side by side; the month's two columns are typed into. A short list
(a floor's stalls, tens of rows), so it holds every row the service returns
(smesco_desk.values.meters.GridRow) plus what has been typed and not saved,
and the refusals of the last save by row.

Columns: stall, tenant, then for power and for water: the last reading before
the month, the month's reading (editable until the month is billed), the
consumption (what was typed less the last reading, as a preview, or the
recorded one).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from smesco_desk.domain.meters import (
    ANOMALY_LABELS,
    Anomaly,
    MeterKind,
    anomaly,
    parse_reading,
    reading_label,
)
from smesco_desk.i18n import _
from smesco_desk.values.meters import GridRow, MeterCell, ReadingInput

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
STALL, TENANT, POWER_LAST, POWER_NOW, POWER_USED, WATER_LAST, WATER_NOW, WATER_USED, BILLED = range(
    9
)
EDITABLE = {POWER_NOW: MeterKind.POWER, WATER_NOW: MeterKind.WATER}
FIRST_OF = {MeterKind.POWER: POWER_LAST, MeterKind.WATER: WATER_LAST}
ERROR_BRUSH = QBrush(QColor("#fde2e1"))
ODD_BRUSH = QBrush(QColor("#ffd8a8"))  # typed, goes backwards or jumps: asked at save
TYPED_BRUSH = QBrush(QColor("#fff6d6"))
BILLED_BRUSH = QBrush(QColor("#eef1f4"))


def _label(milli: int | None) -> str:
    return "" if milli is None else reading_label(milli)


class MeterGridModel(QAbstractTableModel):
    """The grid's rows, what was typed in them (`pending`) and their refusals."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GridRow] = []
        self._typed: dict[tuple[int, MeterKind], str] = {}
        self._errors: dict[int, str] = {}
        self._headers = [
            self.tr("Stan"),
            self.tr("Tenan"),
            self.tr("Listrik lalu"),
            self.tr("Listrik bulan ini"),
            self.tr("Pakai kWh"),
            self.tr("Air lalu"),
            self.tr("Air bulan ini"),
            self.tr("Pakai m³"),
            self.tr("Tagihan"),
        ]

    # --- content ------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[GridRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._typed.clear()
        self._errors.clear()
        self.endResetModel()

    def grid_row(self, row: int) -> GridRow:
        return self._rows[row]

    def row_of(self, stall_code: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.stall_code == stall_code), None)

    def pending(self) -> list[ReadingInput]:
        """What was typed and not saved, as readings of the month (in grid order)."""
        return [
            ReadingInput(self._rows[row].stall_code, kind.value, text)
            for (row, kind), text in sorted(self._typed.items(), key=lambda i: (i[0][0], i[0][1]))
        ]

    def has_pending(self) -> bool:
        return bool(self._typed)

    def set_errors(self, errors: Mapping[str, str]) -> None:
        """Refusals keyed `row:<stall>:<meter>` (services.foodcourt.meters) to their rows."""
        self._errors.clear()
        for key, message in errors.items():
            parts = key.split(":")
            row = self.row_of(parts[1]) if len(parts) == 3 and parts[0] == "row" else None
            if row is not None:
                self._errors[row] = message
        self._refresh_all()

    def oddity(self, row: int, column: int) -> Anomaly | None:
        """Why the reading typed in this cell would be asked about at save."""
        kind = EDITABLE.get(column)
        typed = None if kind is None else self._typed.get((row, kind))
        if kind is None or typed is None:
            return None
        try:
            value = parse_reading(typed)
        except ValueError:
            return None
        cell = self._cell(row, kind)
        return anomaly(value, cell.last, False, cell.usual)

    def oddity_text(self, row: int, column: int) -> str:
        odd = self.oddity(row, column)
        return "" if odd is None else _(ANOMALY_LABELS[odd])

    def error(self, row: int) -> str:
        return self._errors.get(row, "")

    def errors(self) -> dict[str, str]:
        return {self._rows[r].stall_code: m for r, m in sorted(self._errors.items())}

    # --- Qt -----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and POWER_LAST <= section < BILLED:
            return RIGHT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in EDITABLE and not self._rows[index.row()].billed:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and POWER_LAST <= column < BILLED:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._errors.get(row) or self.oddity_text(row, column) or self._tip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row, kind = index.row(), EDITABLE[index.column()]
        text = str(value or "").strip()
        current = self._cell(row, kind).current
        if not text or (current is not None and text in (_label(current), str(current))):
            self._typed.pop((row, kind), None)
        else:
            self._typed[(row, kind)] = text
        self._errors.pop(row, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return True

    # --- helpers ------------------------------------------------------------------------

    def _cell(self, row: int, kind: MeterKind) -> MeterCell:
        r = self._rows[row]
        return r.power if kind is MeterKind.POWER else r.water

    def _text(self, row: int, column: int, editing: bool) -> str:
        r = self._rows[row]
        if column == STALL:
            return r.stall_code
        if column == TENANT:
            return r.tenant or self.tr("(kosong)")
        if column == BILLED:
            return self.tr("Sudah ditagih") if r.billed else ""
        kind = MeterKind.POWER if column < WATER_LAST else MeterKind.WATER
        cell, offset = self._cell(row, kind), column - FIRST_OF[kind]
        typed = self._typed.get((row, kind))
        if offset == 0:
            return _label(cell.last)
        if offset == 1:
            if typed is not None or editing:
                return typed if typed is not None else _label(cell.current)
            return _label(cell.current) + (self.tr(" (meter baru)") if cell.replaced else "")
        if typed is None:
            return _label(cell.consumption)
        return self._preview(typed, cell)

    def _tip(self, row: int, column: int) -> str | None:
        if column not in EDITABLE:
            return None
        cell = self._cell(row, EDITABLE[column])
        if cell.usual is None:
            return None
        return self.tr("Pemakaian biasanya: {usual}").format(usual=reading_label(cell.usual))

    @staticmethod
    def _preview(typed: str, cell: MeterCell) -> str:
        try:
            value = parse_reading(typed)
        except ValueError:
            return "?"
        return "" if cell.last is None else reading_label(value - cell.last)

    def _background(self, row: int, column: int) -> QBrush | None:
        if row in self._errors:
            return ERROR_BRUSH
        if self.oddity(row, column) is not None or self.oddity(row, column - 1) is not None:
            return ODD_BRUSH  # the reading typed and the consumption it makes
        if column in EDITABLE and (row, EDITABLE[column]) in self._typed:
            return TYPED_BRUSH
        if column in EDITABLE and self._rows[row].billed:
            return BILLED_BRUSH
        return None

    def _refresh_all(self) -> None:
        if self._rows:
            last = self.index(len(self._rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
