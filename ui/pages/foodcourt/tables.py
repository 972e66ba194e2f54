"""The food court's lists (stalls, tenants, leases): a ValuesTableModel behind a
sorting, filtering proxy, in a read-only table of whole rows.

Each column sorts by a key of the row's value (amounts as numbers, dates as
dates, not as their text); the search box keeps the rows whose texts contain
every word typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.values_table import ROW_VALUE_ROLE, Column, ValuesTableModel

T = TypeVar("T")
SortKey = Callable[[Any], Any]
AnyIndex = QModelIndex | QPersistentModelIndex
MIN_TEXT_WIDTH, MAX_TEXT_WIDTH = 160, 260


class ValuesProxy(QSortFilterProxyModel):
    """Sorts by the column's key (else its text); filters by every word typed
    and by `accepts(value)`."""

    def __init__(self, keys: dict[int, SortKey], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keys = keys
        self._words: list[str] = []
        self._accepts: Callable[[Any], bool] = lambda _v: True

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange()

    def set_accepts(self, accepts: Callable[[Any], bool]) -> None:
        self.beginFilterChange()
        self._accepts = accepts
        self.endFilterChange()

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:  # noqa: N802 - Qt override
        key = self._keys.get(left.column())
        if key is None:
            return super().lessThan(left, right)
        a, b = key(left.data(ROW_VALUE_ROLE)), key(right.data(ROW_VALUE_ROLE))
        return bool(a < b)

    def filterAcceptsRow(self, row: int, parent: AnyIndex) -> bool:  # noqa: N802 - Qt override
        model = self.sourceModel()
        value = model.index(row, 0, parent).data(ROW_VALUE_ROLE)
        if not self._accepts(value):
            return False
        if not self._words:
            return True
        text = " ".join(
            str(model.index(row, column, parent).data() or "")
            for column in range(model.columnCount())
        ).casefold()
        return all(word in text for word in self._words)


class ValuesTable(QTableView, Generic[T]):
    """The table of a list of values; `activated_value(value)` on double-click or Enter."""

    activated_value = Signal(object)

    def __init__(
        self,
        columns: Sequence[Column[T]],
        parent: QWidget | None = None,
        *,
        keys: dict[int, SortKey] | None = None,
        right: Sequence[int] = (),
        stretch: int = 0,
    ) -> None:
        super().__init__(parent)
        self.source: ValuesTableModel[T] = ValuesTableModel(columns, self, right=right)
        self.proxy = ValuesProxy(keys or {}, self)
        self.proxy.setSourceModel(self.source)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._stretch = stretch
        self.doubleClicked.connect(lambda index: self.activated_value.emit(self.value_at(index)))

    def set_values(self, values: Sequence[T]) -> None:
        kept = self.current_value()
        self.source.set_rows(values)
        self.resizeColumnsToContents()
        # The main text column (a name) neither squeezed to nothing nor taking all.
        width = self.columnWidth(self._stretch)
        self.setColumnWidth(self._stretch, min(max(width, MIN_TEXT_WIDTH), MAX_TEXT_WIDTH))
        if kept is not None:
            self.select_where(lambda v: getattr(v, "id", None) == getattr(kept, "id", object()))

    def value_at(self, index: QModelIndex) -> T | None:
        value: T | None = index.siblingAtColumn(0).data(ROW_VALUE_ROLE) if index.isValid() else None
        return value

    def current_value(self) -> T | None:
        return self.value_at(self.currentIndex())

    def shown_values(self) -> list[T]:
        return [
            self.proxy.index(row, 0).data(ROW_VALUE_ROLE) for row in range(self.proxy.rowCount())
        ]

    def select_where(self, matches: Callable[[T], bool]) -> bool:
        for row in range(self.proxy.rowCount()):
            if matches(self.proxy.index(row, 0).data(ROW_VALUE_ROLE)):
                self.selectRow(row)
                self.scrollTo(self.proxy.index(row, 0))
                return True
        return False

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_value.emit(self.current_value())
            return
        super().keyPressEvent(event)
