"""The main window's pages: a list on the left, a stack of pages beside it, each
page built (and its module imported) the first time it is shown or asked for.

    pages = LazyPages(ctx, window, nav_list, stack, on_built=...)
    pages.add(spec)                 # a row of ui.pages.PAGES the person may see
    pages["payments"]               # the page, built now if it was not yet
    "conflicts" in pages            # offered? (builds nothing)

The list itself (NavList) is moved in by keyboard without switching pages: the
arrows move the focus ring to another page, Enter or Space opens it (a click
opens it at once). Pages take the keyboard when shown (the receipt list, the
room calendar), so a page opened by each arrow press took the keyboard with it
and the next key landed in that page (the review's S/38c); and typing or a badge
scanned into the list never opens a page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from ui.context import AppContext
from ui.pages import PageSpec

NAV_ROW_HEIGHT = 44
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class NavList(QListWidget):
    """The page list: the selected row is the page shown; the keyboard moves the
    current row (the focus ring) and opens it with Enter or Space."""

    def selectionCommand(  # noqa: N802 - Qt override
        self, index: QModelIndex | QPersistentModelIndex, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        if isinstance(event, QKeyEvent):
            return QItemSelectionModel.SelectionFlag.NoUpdate  # moves the ring only
        return super().selectionCommand(index, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in OPEN_KEYS and not event.modifiers() and self.currentRow() >= 0:
            self.setCurrentRow(self.currentRow())  # selects it: the page opens
            event.accept()
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 - Qt override
        """No jumping to a page by its first letter: typed text is not for here."""


class LazyPages(Mapping[str, QWidget]):
    """The pages offered, in navigation order; a placeholder stands in the stack
    for each page until it is built."""

    def __init__(self, ctx: AppContext, window: QWidget, nav_list: QListWidget,
                 stack: QStackedWidget,
                 on_built: Callable[[str, QWidget], None] = lambda _n, _p: None) -> None:
        self._ctx, self._window = ctx, window
        self._nav_list, self._stack = nav_list, stack
        self._on_built = on_built
        self._specs: dict[str, PageSpec] = {}
        self._built: dict[str, QWidget] = {}

    def add(self, spec: PageSpec, before: str = "") -> None:
        """Offer the page (at the end, or before the page named `before`)."""
        names = list(self._specs)
        row = names.index(before) if before in self._specs else len(names)
        item = QListWidgetItem(QCoreApplication.translate("MainWindow", spec.title))
        item.setData(Qt.ItemDataRole.UserRole, spec.name)
        item.setSizeHint(QSize(0, NAV_ROW_HEIGHT))
        self._stack.insertWidget(row, QWidget(self._stack))  # the page's place
        names.insert(row, spec.name)
        self._specs = {n: spec if n == spec.name else self._specs[n] for n in names}
        self._nav_list.insertItem(row, item)

    def name_at(self, row: int) -> str:
        return list(self._specs)[row]

    def is_built(self, name: str) -> bool:
        return name in self._built

    def __getitem__(self, name: str) -> QWidget:
        page = self._built.get(name)
        if page is None:
            page = self._build(self._specs[name])  # KeyError: not offered
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def __contains__(self, name: object) -> bool:
        return name in self._specs

    def _build(self, spec: PageSpec) -> QWidget:
        page = spec.build(self._ctx, self._window)
        row = list(self._specs).index(spec.name)
        placeholder = self._stack.widget(row)
        was_current = self._stack.currentWidget() is placeholder
        self._stack.insertWidget(row, page)
        if was_current:
            self._stack.setCurrentWidget(page)
        if placeholder is not None:
            self._stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self._built[spec.name] = page
        self._on_built(spec.name, page)
        return page
