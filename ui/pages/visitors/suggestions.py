"""Returning visitors offered under the Nama, No. HP and NIK fields while typing.

The list is a child widget laid over the form (not a separate window), so the
keyboard stays in the field: Down/Up choose a row, Enter takes it, Esc closes.
Searches are debounced and run on the worker; an answer to older text is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QWidget

from smesco_desk.values.visitors import VisitorSuggestion
from ui.context import AppContext
from ui.models.suggestions_model import SuggestionsModel

DEBOUNCE_MS = 150
MAX_VISIBLE_ROWS = 6


class SuggestionController(QObject):
    """Watches some line edits; emits `visitor_chosen(visitor_id)`."""

    visitor_chosen = Signal(str)

    def __init__(self, ctx: AppContext, overlay_parent: QWidget,
                 fields: list[QLineEdit]) -> None:
        super().__init__(overlay_parent)
        self._ctx = ctx
        self._overlay_parent = overlay_parent
        self.enabled = True
        self.model = SuggestionsModel(self)
        self.popup = QListView(overlay_parent)
        self.popup.setObjectName("suggestion_list")
        self.popup.setModel(self.model)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.popup.setUniformItemSizes(True)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.popup.clicked.connect(self._on_clicked)
        self.popup.hide()
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self._field: QLineEdit | None = None
        self._token = 0
        for field in fields:
            field.textEdited.connect(self._on_text_edited)
            field.installEventFilter(self)

    # --- typing ---------------------------------------------------------------

    @Slot(str)
    def _on_text_edited(self, _text: str) -> None:
        sender = self.sender()
        self._field = sender if isinstance(sender, QLineEdit) else None
        self._token += 1  # any answer still on its way is now stale
        if self.enabled:
            self._timer.start()
        else:
            self.hide()

    @Slot()
    def _search(self) -> None:
        if self._field is None or not self.enabled:
            return
        text, token = self._field.text().strip(), self._token
        if len(text) < 2:
            self.hide()
            return
        visitors, actor = self._ctx.core.visitors, self._ctx.require_actor()
        self._ctx.runner.op(lambda: visitors.suggest(actor, text), self) \
            .success(lambda rows: self._show(token, rows)) \
            .failure(lambda _exc: self.hide()).run()

    def _show(self, token: int, rows: list[VisitorSuggestion]) -> None:
        if token != self._token or self._field is None:
            return
        self.model.set_suggestions(rows)
        if rows:
            self._place(self._field)
            self.popup.show()
            self.popup.raise_()
        else:
            self.popup.hide()

    def _place(self, field: QLineEdit) -> None:
        below = field.mapTo(self._overlay_parent, QPoint(0, field.height() + 2))
        rows = min(self.model.rowCount(), MAX_VISIBLE_ROWS)
        row_height = max(self.popup.sizeHintForRow(0), 20)
        width = max(field.width(), 320)
        width = min(width, self._overlay_parent.width() - below.x() - 4)
        self.popup.setGeometry(below.x(), below.y(), width, rows * row_height + 4)

    # --- choosing -------------------------------------------------------------

    def hide(self) -> None:
        self._timer.stop()
        self.popup.hide()
        self.model.clear()

    def is_open(self) -> bool:
        return self.popup.isVisible()

    def _choose(self, row: int) -> None:
        visitor_id = self.model.suggestion(row).visitor_id
        self._token += 1
        self.hide()
        self.visitor_chosen.emit(visitor_id)

    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        self._choose(index.row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.FocusOut:
            self._token += 1
            self.hide()
        elif (event.type() == QEvent.Type.KeyPress and self.popup.isVisible()
              and isinstance(event, QKeyEvent)):
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        """Keys for the open list; True when the key was used here."""
        key, current = event.key(), self.popup.currentIndex()
        row = current.row() if current.isValid() else -1
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            new_row = max(-1, min(self.model.rowCount() - 1, row + step))
            self.popup.setCurrentIndex(self.model.index(new_row, 0) if new_row >= 0
                                       else QModelIndex())
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row >= 0:
            self._choose(row)
            return True
        if key == Qt.Key.Key_Escape:
            self.hide()
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            # Leaving the field closes the list even where no FocusOut arrives
            # (an inactive window, e.g. a kiosk without a window manager).
            self._token += 1
            self.hide()
        return False
