"""The base of the tables over a lazily loaded model (visits, receipts).

Rows select whole; Tab leaves the table (the arrows move between rows), and the
keyboard arriving chooses the row it is on, so it shows; a reload keeps the
chosen record and the scroll position (a record asked for with `select_id`
before it has loaded is chosen when it arrives); an empty table says why it
is empty instead of showing nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget

from ui.models.lazy_table import LazyTableModel


class RecordTable(QTableView):
    """Emits `current_changed(record | None)` when the chosen record (or its loaded
    data, after a reload) changes."""

    current_changed = Signal(object)
    # After a reload, scroll on to the chosen record if the old position lost it.
    keep_current_visible = False

    def __init__(self, model: LazyTableModel[Any, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self._kept_id: str | None = None
        self._pending_id: str | None = None
        self._kept_scroll = 0
        self._empty_text = ""
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab goes on to the next field, not the next cell
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.horizontalHeader().setHighlightSections(False)
        self.empty_label = QLabel(self.viewport())
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty_label.hide()
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)
        model.modelAboutToBeReset.connect(self._keep_place)
        model.modelReset.connect(self._restore_place)
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.loading_changed,
        ):
            signal.connect(self._update_empty)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.empty_label.setGeometry(self.viewport().rect().adjusted(16, 16, -16, -16))

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Tabbed into: the row the keyboard is on is chosen (selected), not only a
        faint mark on its first cell; the actions then apply to what shows."""
        super().focusInEvent(event)
        row = self.currentIndex().row() if self.currentIndex().isValid() else 0
        by_mouse = event.reason() == Qt.FocusReason.MouseFocusReason  # the click chooses
        chosen = self.selectionModel().isRowSelected(row)
        if not by_mouse and row < self._model.rowCount() and not chosen:
            self.selectRow(row)

    # --- empty state ----------------------------------------------------------

    def set_empty_text(self, text: str) -> None:
        """What the table says while it has no rows (and is not loading)."""
        self._empty_text = text
        self._update_empty()

    @Slot()
    def _update_empty(self) -> None:
        empty = self._model.rowCount() == 0 and not self._model.is_loading()
        self.empty_label.setText(self._empty_text)
        self.empty_label.setVisible(empty and bool(self._empty_text))

    def empty_message(self) -> str:
        """The message shown now, or "" when rows (or nothing) are shown."""
        return self.empty_label.text() if not self.empty_label.isHidden() else ""

    # --- the chosen record ----------------------------------------------------

    def current_record(self) -> Any:
        index = self.currentIndex()
        row = index.row() if index.isValid() else -1
        return self._model.record(row) if 0 <= row < self._model.rowCount() else None

    def select_id(self, record_id: str) -> None:
        """Choose a record now if it is loaded, else after the next reload (a new
        record is announced before the list has reloaded it)."""
        row = self._model.row_of(record_id)
        if row >= 0:
            self.selectRow(row)
            self.scrollTo(self._model.index(row, 0))
        else:
            self._pending_id = record_id

    @Slot()
    def _on_current_changed(self) -> None:
        self.current_changed.emit(self.current_record())

    @Slot()
    def _keep_place(self) -> None:
        record = self.current_record()
        self._kept_id = record.id if record is not None else None
        self._kept_scroll = self.verticalScrollBar().value()

    @Slot()
    def _restore_place(self) -> None:
        wanted, self._pending_id = self._pending_id or self._kept_id, None
        row = self._model.row_of(wanted) if wanted else -1
        if row >= 0:
            self.selectRow(row)
        self.current_changed.emit(self.current_record())
        # Owned by self: the timer dies with the table instead of firing on a deleted one.
        QTimer.singleShot(0, self, self._restore_scroll)

    @Slot()
    def _restore_scroll(self) -> None:
        self.verticalScrollBar().setValue(self._kept_scroll)
        if self.keep_current_visible and self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())
