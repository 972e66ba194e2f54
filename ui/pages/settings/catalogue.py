"""The base of a catalogue settings page: the whole list in a table, and under it
(or beside it) a form to add a new entry or change the chosen one, saved with
its own button through a service, off the UI thread; a refusal is shown at the
field it concerns.

A subclass supplies its columns, its form (fields and where the buttons go),
how to load its rows (`fetch`), how to show a chosen entry (`show_entry`),
how to empty the form (`clear_form`) and how to save (`save_entry`, which reads
the widgets and calls `run_save` with the service call). Purposes, users, the
price list, the kinds of charge, spaces and stalls are catalogues; rates and
tenants will be.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.errors import DomainError
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldErrors
from ui.models.values_table import Column, ValuesTableModel
from ui.pages.settings.base import OptionsPage

T = TypeVar("T")
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def catalogue_table(model: ValuesTableModel[Any], name: str, parent: QWidget) -> QTableView:
    """A read-only table of whole rows, one chosen at a time."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def show_failure(page: QWidget, errors: FieldErrors, exc: BaseException) -> None:
    """A refusal at its fields (what concerns no field under the form); anything
    else in a message box."""
    if not isinstance(exc, DomainError):
        show_error(page, exc)
        return
    leftover = errors.show_error(exc)
    if leftover:
        errors[""].show_message(" ".join(leftover.values()))


class CataloguePage(OptionsPage, Generic[T]):
    """A list of `T` (frozen values from a service) over a form for one of them."""

    saves = False  # each entry is saved with the form's own button
    tables: frozenset[str] = frozenset()  # data_changed names that reload the list
    right_columns: tuple[int, ...] = ()  # right-aligned (amounts)
    stretch_column: int | None = None  # takes the room left (else the last one)
    keeps_choice = True  # a reloaded list keeps the chosen entry selected
    enter_saves = False  # Enter in the form saves

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.errors = FieldErrors()
        self.chosen: T | None = None
        self.model: ValuesTableModel[T] = ValuesTableModel(
            self.columns(), self, right=self.right_columns)
        self.table = catalogue_table(self.model, f"{self.name}_table", self)
        if self.stretch_column is not None:
            header = self.table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.arrange(self.table, self.build_form())
        ctx.runner.data_changed.connect(self._on_data_changed)

    # --- what a subclass supplies ------------------------------------------------

    def columns(self) -> Sequence[Column[T]]:
        raise NotImplementedError

    def build_form(self) -> QGroupBox:
        raise NotImplementedError

    def fetch(self) -> Callable[[], Any]:
        """The worker's call that loads the list (see `rows_from`)."""
        raise NotImplementedError

    def rows_from(self, loaded: Any) -> Sequence[T]:
        """The rows in what `fetch` returned (a subclass may take more from it)."""
        return list(loaded)

    def key(self, value: T) -> object:
        """What names an entry across reloads (its code, its id)."""
        raise NotImplementedError

    def show_entry(self, value: T) -> None:
        raise NotImplementedError

    def clear_form(self) -> None:
        raise NotImplementedError

    def first_field(self) -> QWidget:
        raise NotImplementedError

    def enter_widgets(self) -> Sequence[QWidget]:
        """The widgets in which Enter saves (with `enter_saves`)."""
        return ()

    def show_saved(self, value: T) -> None:
        """The form after `value` was saved."""

    @Slot()
    def save_entry(self) -> None:
        raise NotImplementedError

    # --- the skeleton -------------------------------------------------------------

    def arrange(self, table: QTableView, form: QGroupBox) -> None:
        """The list over its form: at 1024 px a form beside the list left both cut."""
        for button in form.findChildren(QPushButton):
            button.setMinimumWidth(button.sizeHint().width())
        table.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)  # the panel's frame is margin enough
        layout.addWidget(table, 1)
        layout.addWidget(form, 0)

    def scroll_form(self, form: QGroupBox, name: str) -> QScrollArea:
        """After `arrange`: the form under the list scrolls up and down when the
        window is short (1024x768), instead of being squeezed."""
        scroll = QScrollArea(self)
        scroll.setObjectName(name)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(form)
        scroll.setWidget(form)
        layout.addWidget(scroll, 0)
        return scroll

    def buttons(self, box: QWidget, new: tuple[str, str],
                save: tuple[str, str]) -> tuple[QPushButton, QPushButton]:
        """"New" and "save" (object name, text), wired to `new_entry` and `save_entry`."""
        new_button = QPushButton(new[1], box)
        new_button.setObjectName(new[0])
        new_button.clicked.connect(self.new_entry)
        save_button = QPushButton(save[1], box)
        save_button.setObjectName(save[0])
        save_button.setProperty("primary", True)
        save_button.clicked.connect(self.save_entry)
        return new_button, save_button

    def load(self) -> None:
        self.ctx.runner.op(self.fetch(), parent=self).success(self._fill).run()

    def _fill(self, loaded: Any) -> None:
        self.model.set_rows(self.rows_from(loaded))
        if self.keeps_choice:
            self.select_chosen()

    def select_chosen(self) -> None:
        """Keep the chosen entry selected in a reloaded table without refilling the
        form (which may hold changes not saved yet)."""
        if self.chosen is None:
            return
        key = self.key(self.chosen)
        model = self.model
        row = next((r for r in range(model.rowCount()) if self.key(model.value(r)) == key), -1)
        if row < 0:
            return
        with QSignalBlocker(self.table.selectionModel()):
            self.table.selectRow(row)

    def save(self) -> None:
        """Entries are saved one at a time with the form's own button."""

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if changes & self.tables:
            self.load()

    @Slot(QModelIndex, QModelIndex)
    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.choose(self.model.value(current.row()))

    def choose(self, value: T) -> None:
        self.errors.clear()
        self.chosen = value
        self.show_entry(value)

    @Slot()
    def new_entry(self) -> None:
        self.chosen = None
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.clear_form()
        self.errors.clear()
        self.first_field().setFocus()

    def run_save(self, work: Callable[[], T]) -> None:
        """Save through the service, off the UI thread."""
        self.ctx.runner.op(work, parent=self) \
            .success(self._saved).failure(self._refused).run()

    def _saved(self, value: T) -> None:
        self.chosen = value
        self.show_saved(value)
        if self.keeps_choice:
            self.select_chosen()
        self.saved.emit()

    def _refused(self, exc: BaseException) -> None:
        show_failure(self, self.errors, exc)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Enter in the form saves (line edits pass it on to their parents).
        if (self.enter_saves and event.key() in ENTER_KEYS
                and self.focusWidget() in self.enter_widgets()):
            event.accept()
            self.save_entry()
            return
        super().keyPressEvent(event)
