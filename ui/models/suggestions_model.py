"""Returning visitors offered while the receptionist types a name, phone or NIK."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from smesco_desk.clock import to_wib
from smesco_desk.values.visitors import VisitorSuggestion

VISITOR_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole VisitorSuggestion

AnyIndex = QModelIndex | QPersistentModelIndex


class SuggestionsModel(QAbstractListModel):
    """A short list (a few rows) of `VisitorSuggestion` values, replaced at once."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[VisitorSuggestion] = []

    def set_suggestions(self, rows: list[VisitorSuggestion]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_suggestions([])

    def suggestion(self, row: int) -> VisitorSuggestion:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self._title(s)}\n{self._details(s)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._details(s)
        if role == VISITOR_ID_ROLE:
            return s.visitor_id
        if role == SUGGESTION_ROLE:
            return s
        return None

    def _title(self, s: VisitorSuggestion) -> str:
        return f"{s.name} \u2014 {s.organisation}" if s.organisation else s.name

    def _details(self, s: VisitorSuggestion) -> str:
        parts = [s.phone_hint] if s.phone_hint else []
        if s.nik_masked and s.matched_on == "nik":
            parts.append(self.tr("NIK {nik}").format(nik=s.nik_masked))
        if s.last_visit_at is not None:
            when = to_wib(s.last_visit_at).strftime("%d-%m-%Y")
            parts.append(self.tr("terakhir {date} ({count}\u00d7)").format(
                date=when, count=s.visit_count))
        return " \u00b7 ".join(parts)
