"""Settings: the options pages the person may see, in a panel (the Settings
page) or a dialog.

The sections are a row of buttons that wraps to a second row when they do not
fit (every area adds its catalogues here: spaces and stalls now; rates and tenants
next; a row of tabs stopped fitting a 1024-pixel window at the ninth). The
pages sit in a QTabWidget whose own tab bar is hidden: it keeps one current
page, and the buttons follow it.

Printers and language belong to this PC (UiSettings); the business settings
(closing time, retention, building) live in the database and change through
the core. Which pages there are, in what order and for whom, is the registry's
(ui/pages/settings/registry.py): each page registers itself.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.flow_layout import FlowLayout
from ui.pages.settings.base import OptionsPage
from ui.pages.settings.registry import entries_for


class SettingsPanel(QWidget):
    """The settings tabs the person may see, with one Save button for the options."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settings_panel")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settings_tabs")
        self.tabs.tabBar().hide()
        self.sections = QWidget(self)
        self.sections.setObjectName("settings_sections")
        self.section_buttons = QButtonGroup(self)
        self.section_buttons.setExclusive(True)
        flow = FlowLayout(self.sections, spacing=4)
        self.pages: dict[str, OptionsPage] = {}
        for index, page in enumerate(self._make_pages()):
            self.pages[page.name] = page
            title = page.title().replace("&", "&&")  # "&" is no shortcut
            self.tabs.addTab(page, title)
            button = QPushButton(title, self.sections)
            button.setObjectName(f"section_{page.name}")
            button.setProperty("section", True)
            button.setCheckable(True)
            self.section_buttons.addButton(button, index)
            flow.addWidget(button)
            page.saved.connect(partial(self._page_saved, page))
        self.section_buttons.idClicked.connect(self.tabs.setCurrentIndex)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.save_button = QPushButton(self.tr("Simpan pengaturan"), self)
        self.save_button.setObjectName("save_button")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.button_row = QHBoxLayout()
        self.button_row.addWidget(self.status_label, 1)
        self.button_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sections)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self.button_row)
        self.load()
        self._tab_changed(self.tabs.currentIndex())

    def _make_pages(self) -> list[OptionsPage]:
        return [entry.page(self.ctx, self) for entry in entries_for(self.ctx)]

    def load(self) -> None:
        for page in self.pages.values():
            page.load()
        self.status_label.clear()

    @Slot()
    def save(self) -> None:
        self.status_label.clear()
        for page in self.pages.values():
            if page.saves:
                page.save()

    def _page_saved(self, page: OptionsPage) -> None:
        """One message only: a page that says what it saved is not repeated."""
        if not page.says_saved:
            self.status_label.setText(self.tr("Pengaturan tersimpan."))

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        button = self.section_buttons.button(index)
        if button is not None:
            button.setChecked(True)
        page = self.tabs.widget(index)
        self.save_button.setVisible(isinstance(page, OptionsPage) and page.saves)
        self.status_label.clear()

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.pages[name])


class SettingsDialog(QDialog):
    """The same settings in a dialog (e.g. opened from a page to set a printer)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 tab: str = "printers") -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Pengaturan"))
        self.panel = SettingsPanel(ctx, self)
        self.panel.show_tab(tab)
        close = QPushButton(self.tr("Tutup"), self)
        close.setObjectName("close_button")
        close.clicked.connect(self.accept)
        self.panel.button_row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.panel)
        self.resize(720, 560)
