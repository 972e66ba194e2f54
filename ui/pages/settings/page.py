"""The Settings page of the main window: the settings panel, reloaded when shown."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.pages.settings.panel import SettingsPanel


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_page")
        title = QLabel(self.tr("Pengaturan"), self)
        title.setObjectName("page_title_label")
        self.panel = SettingsPanel(ctx, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.panel, 1)
        self._shown_once = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # Printers come and go, and another desk may have changed the settings.
        if self._shown_once:
            self.panel.load()
        self._shown_once = True
        super().showEvent(event)
