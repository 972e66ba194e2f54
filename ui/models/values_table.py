"""A table model over a short list of frozen values (a catalogue: purposes,
users, prices, kinds of charge), one text function per column.

    model = ValuesTableModel([(tr("Kode"), lambda p: p.code), ...], right=(3,))
    model.set_rows(service_result)      # on the UI thread, after the operation
    model.value(row)                    # the frozen value behind a row

Catalogues are small (a handful to tens of rows), so the model holds the whole
list the service returns; long lists use the lazy models beside this one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex
ROW_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the frozen value behind the row
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
Column = tuple[str, Callable[[T], str]]  # header, text of a row's value


class ValuesTableModel(QAbstractTableModel, Generic[T]):
    """Rows of frozen values; one text function per column; the `right` columns
    (amounts) right-aligned, header included."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None,
                 *, right: Sequence[int] = ()) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._right = frozenset(right)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def value(self, row: int) -> T:
        return self._rows[row]

    def rows(self) -> list[T]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()][1](value)
        if role == ROW_VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self._right:
            return RIGHT
        return None
