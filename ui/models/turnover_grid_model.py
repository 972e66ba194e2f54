"""The turnover grid as a table: one row per tenant, one column per day, a
total per row, and a last row of totals per day.

A week of a food court is a few dozen rows: the model holds the grid the
service returned (smesco_desk.values.turnover.TurnoverGrid) and what the
person typed since (`pending`, as typed), and the refusals of the last save
(`errors`, by cell). A cell is editable where the tenant rents a stall that
day and the day is not after today. Totals count what was typed where it
reads as an amount (smesco_desk.domain.money.parse_rupiah), else what was saved.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from smesco_desk.domain.money import InvalidAmount, parse_rupiah
from smesco_desk.domain.turnover import cell_key
from smesco_desk.values.turnover import TurnoverCell, TurnoverGrid

Index = QModelIndex | QPersistentModelIndex

CELL_KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # `cell_key(tenant, day)` of a day's cell
ERROR_COLOR = QColor("#FDE2E1")
PENDING_COLOR = QColor("#FFF6D6")
CLOSED_COLOR = QColor("#EEF1F4")
TOTAL_COLOR = QColor("#E8F0F5")


def grouped(amount: int) -> str:
    """1250000 -> '1.250.000' (rupiah without the sign, to keep the columns narrow)."""
    return f"{amount:,}".replace(",", ".")


class TurnoverGridModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid = TurnoverGrid((), ())
        self.today = date.max
        self.pending: dict[tuple[int, int], str] = {}  # (row, day) -> text typed
        self.errors: dict[tuple[int, int], str] = {}

    # --- loading and saving -----------------------------------------------------------

    def set_grid(self, grid: TurnoverGrid, today: date) -> None:
        self.beginResetModel()
        self.grid, self.today = grid, today
        self.pending.clear()
        self.errors.clear()
        self.endResetModel()

    def cells(self) -> list[TurnoverCell]:
        """The typed cells as the service takes them (an unreadable amount is
        passed on as text, for the service to refuse at its cell)."""
        out = []
        for (row, day), text in sorted(self.pending.items()):
            tenant = self.grid.rows[row].tenant_id
            value: Any = None if not text.strip() else _amount(text)
            out.append(TurnoverCell(tenant, self.grid.days[day], value))
        return out

    def show_errors(self, errors: dict[str, str]) -> int:
        """Mark the cells a refusal names; how many of its messages found no cell."""
        where = {
            cell_key(r.tenant_id, d): (row, day)
            for row, r in enumerate(self.grid.rows)
            for day, d in enumerate(self.grid.days)
        }
        self.errors = {where[k]: m for k, m in errors.items() if k in where}
        self._changed_all()
        return len(errors) - len(self.errors)

    def _changed_all(self) -> None:
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # --- shape ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or not self.grid.rows else len(self.grid.rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.grid.days) + 2

    def day_of(self, column: int) -> int | None:
        return column - 1 if 1 <= column <= len(self.grid.days) else None

    def is_total_row(self, row: int) -> bool:
        return row == len(self.grid.rows)

    def editable(self, row: int, column: int) -> bool:
        day = self.day_of(column)
        if day is None or self.is_total_row(row):
            return False
        return self.grid.rows[row].leased[day] and self.grid.days[day] <= self.today

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable(index.row(), index.column()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    # --- values -----------------------------------------------------------------------

    def amount(self, row: int, day: int) -> int | None:
        """The cell's amount: as typed if it reads as one, else as saved."""
        text = self.pending.get((row, day))
        if text is None:
            return self.grid.rows[row].amounts[day]
        value = _amount(text) if text.strip() else None
        return value if isinstance(value, int) else None

    def row_total(self, row: int) -> int:
        return sum(self.amount(row, d) or 0 for d in range(len(self.grid.days)))

    def day_total(self, day: int) -> int:
        return sum(self.amount(r, day) or 0 for r in range(len(self.grid.rows)))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        day = self.day_of(column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column, day, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column, day)
        if role == Qt.ItemDataRole.ToolTipRole and day is not None:
            return self.errors.get((row, day))
        if role == Qt.ItemDataRole.FontRole and (self.is_total_row(row) or column > len(
                self.grid.days)):  # fmt: skip
            font = QFont()
            font.setBold(True)
            return font
        if role == CELL_KEY_ROLE and day is not None and not self.is_total_row(row):
            return cell_key(self.grid.rows[row].tenant_id, self.grid.days[day])
        return None

    def _text(self, row: int, column: int, day: int | None, editing: bool) -> str:
        total_row = self.is_total_row(row)
        if column == 0:
            if total_row:
                return self.tr("Total per hari")
            r = self.grid.rows[row]
            return f"{r.tenant}\n{r.stalls}"
        if day is None:  # the total column
            total = self.grid_total() if total_row else self.row_total(row)
            return grouped(total)
        if total_row:
            return grouped(self.day_total(day))
        typed = self.pending.get((row, day))
        if typed is not None:
            return typed
        saved = self.grid.rows[row].amounts[day]
        return "" if saved is None else (str(saved) if editing else grouped(saved))

    def grid_total(self) -> int:
        return sum(self.row_total(r) for r in range(len(self.grid.rows)))

    def _background(self, row: int, column: int, day: int | None) -> QBrush | None:
        if self.is_total_row(row) or day is None and column > 0:
            return QBrush(TOTAL_COLOR)
        if day is None:
            return None
        if (row, day) in self.errors:
            return QBrush(ERROR_COLOR)
        if (row, day) in self.pending:
            return QBrush(PENDING_COLOR)
        return None if self.editable(row, column) else QBrush(CLOSED_COLOR)

    def setData(  # noqa: N802
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.editable(index.row(), index.column()):
            return False
        day = self.day_of(index.column())
        assert day is not None
        text = str(value or "").strip()
        saved = self.grid.rows[index.row()].amounts[day]
        key = (index.row(), day)
        if (saved is None and not text) or (text and _amount(text) == saved):
            self.pending.pop(key, None)
        else:
            self.pending[key] = text
        self.errors.pop(key, None)
        last_row, last_column = self.rowCount() - 1, self.columnCount() - 1
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), last_column))
        self.dataChanged.emit(self.index(last_row, 0), self.index(last_row, last_column))
        return True

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        day = self.day_of(section)
        if section == 0:
            return self.tr("Tenan")
        if day is None:
            return self.tr("Total")
        d = self.grid.days[day]
        names = (self.tr("Sen"), self.tr("Sel"), self.tr("Rab"), self.tr("Kam"), self.tr("Jum"),
                 self.tr("Sab"), self.tr("Min"))  # fmt: skip
        return f"{names[d.weekday()]} {d.day}/{d.month}"


def _amount(text: str) -> int | str:
    """The amount typed, or the text itself if it is not one."""
    try:
        return parse_rupiah(text)
    except InvalidAmount:
        return text
