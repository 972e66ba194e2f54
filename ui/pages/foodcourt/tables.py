"""The food court's lists (stalls, tenants, leases): a ValuesTableModel behind a
sorting, filtering proxy, in a read-only table of whole rows.

Each column sorts by a key of the row's value (amounts as numbers, dates as
dates, not as their text); the search box keeps the rows whose texts contain
every word typed. The columns fit the table's width (a 1024 px window with the
navigation): each takes what its content needs, and when that is too much the
widest text columns give way (amounts, dates and codes, `right` and `keep`,
never do), their texts elided with "…"
and shown whole in the cell's tooltip."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QHelpEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolTip, QWidget

from ui.models.values_table import ROW_VALUE_ROLE, Column, ValuesTableModel

T = TypeVar("T")
SortKey = Callable[[Any], Any]
AnyIndex = QModelIndex | QPersistentModelIndex
MIN_TEXT_WIDTH, MAX_TEXT_WIDTH = 160, 260
MIN_SQUEEZED = 64  # px a text column keeps however narrow the table
CELL_PADDING = 12  # px of a cell's margins around its text


def squeezed(widths: Sequence[int], shrinkable: Sequence[int], room: int) -> list[int]:
    """`widths` made to add up to no more than `room` by cutting the widest of
    the `shrinkable` columns down to one level (never below MIN_SQUEEZED);
    unchanged if they fit already, as close as it gets if they cannot."""
    out = list(widths)
    excess = sum(out) - room
    if excess <= 0 or not shrinkable:
        return out

    def cut_at(level: int) -> int:
        return sum(max(0, out[c] - level) for c in shrinkable)

    low, high = MIN_SQUEEZED, max(out[c] for c in shrinkable)
    while low < high:  # the highest level that cuts enough
        level = (low + high + 1) // 2
        low, high = (level, high) if cut_at(level) >= excess else (low, level - 1)
    for c in shrinkable:
        out[c] = min(out[c], low)
    return out


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
        keep: Sequence[int] = (),
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
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._stretch = stretch
        self._fixed = frozenset((*right, *keep))  # never cut: amounts, dates, codes
        self._natural: list[int] = []  # each column's width for its content
        self.doubleClicked.connect(lambda index: self.activated_value.emit(self.value_at(index)))

    def set_values(self, values: Sequence[T]) -> None:
        kept = self.current_value()
        self.source.set_rows(values)
        self.resizeColumnsToContents()
        self._natural = [self.columnWidth(c) for c in range(self.source.columnCount())]
        # The main text column (a name) neither squeezed to nothing nor taking all.
        width = self._natural[self._stretch]
        self._natural[self._stretch] = min(max(width, MIN_TEXT_WIDTH), MAX_TEXT_WIDTH)
        self.fit_columns()
        if kept is not None:
            self.select_where(lambda v: getattr(v, "id", None) == getattr(kept, "id", object()))

    def fit_columns(self) -> None:
        """The columns at their content's width, the text ones cut to fit the
        table's width (module docstring)."""
        if not self._natural:
            return
        header = self.horizontalHeader()
        # the header's own need is read now: a hidden tab's header is not yet
        # styled when the rows come, its bold text measured too narrow
        natural = [
            0 if self.isColumnHidden(c) else max(width, header.sectionSizeHint(c))
            for c, width in enumerate(self._natural)
        ]
        text = [c for c in range(len(natural)) if c not in self._fixed and natural[c]]
        widths = squeezed(natural, text, self.viewport().width())
        for column, width in enumerate(widths):
            if width and self.columnWidth(column) != width:
                self.setColumnWidth(column, width)

    def set_column_shown(self, column: int, shown: bool) -> None:
        """Show or hide a column (one that says nothing for the rows shown)."""
        if self.isColumnHidden(column) == shown:
            self.setColumnHidden(column, not shown)
            self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # (the viewport's resizes come here too)
        self.fit_columns()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """A cell whose text is cut shows it whole in its tooltip; the columns
        fit again when the viewport's width changes (a scroll bar comes or goes)."""
        if event.type() == QEvent.Type.Resize:
            handled = super().viewportEvent(event)
            self.fit_columns()
            return handled
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.cut_text(self.indexAt(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
                return True
        return super().viewportEvent(event)

    def cut_text(self, index: QModelIndex) -> str:
        """The cell's text if it is too wide for its column (else "")."""
        text = str(index.data() or "") if index.isValid() else ""
        needed = self.fontMetrics().horizontalAdvance(text) + CELL_PADDING
        return text if text and needed > self.columnWidth(index.column()) else ""

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
