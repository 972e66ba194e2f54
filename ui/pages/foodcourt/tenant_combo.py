"""The tenant field of the lease dialog: an editable combo whose completer
lists the tenants whose name or owner holds what is typed. Enter takes the
first (or only) one listed when none is picked (`picked`); a chosen name shows
from its start (a long one is cut at the right, never at the left)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from smesco_desk.values.foodcourt import TenantInfo


class TenantCombo(QComboBox):
    """Emits `picked()` when Enter in the completer's list took the first tenant."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tenant_combo")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # (a long tenant's name never widens the dialog past the screen)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(20)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            popup = completer.popup()
            if popup is not None:
                popup.installEventFilter(self)  # (Enter with no row picked)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("ketik nama usaha atau pemilik"))
        # (once the completer has put the whole name in: its start shown)
        self.currentIndexChanged.connect(lambda _i: QTimer.singleShot(0, self, self.show_start))

    def set_tenants(self, tenants: list[TenantInfo], chosen: str | None = None) -> None:
        self.clear()
        for tenant in sorted(tenants, key=lambda t: t.name.casefold()):
            self.addItem(f"{tenant.name} ({tenant.owner})", tenant.id)
        index = self.findData(chosen) if chosen else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        self.show_start()

    def tenant_id(self) -> str:
        """The tenant chosen: the one whose name is in the field ("" if none is)."""
        index = self.findText(self.currentText())
        return str(self.itemData(index)) if index >= 0 else ""

    def show_start(self) -> None:
        """The start of the tenant's name in view (a long one elides at the right)."""
        line = self.lineEdit()
        if line is not None:
            line.setCursorPosition(0)

    def hide_list(self) -> None:
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.hide()

    def take_typed(self) -> bool:
        """The first tenant whose name or owner holds what is typed (as the
        completer lists them), chosen; False when none does."""
        text = self.currentText().strip().casefold()
        if not text:
            return False
        for index in range(self.count()):
            if text in self.itemText(index).casefold():
                self.setCurrentIndex(index)
                self.show_start()
                return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter in the completer's list with no row picked takes the first."""
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if (watched is popup and popup is not None and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not popup.currentIndex().isValid()):  # fmt: skip
            popup.hide()
            if self.take_typed():
                self.picked.emit()
            return True
        return super().eventFilter(watched, event)
