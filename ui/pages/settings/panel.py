"""Settings: options pages with load() and save(), in a panel or a dialog.

Printers and language belong to this PC (UiSettings); the business settings
(closing time, retention, building) live in the database and change through
the core. Administrators also get the purposes and users pages
(ui/dialogs/admin_pages.py) and the sync page (ui/dialogs/sync_page.py);
supervisors and administrators the price list and the kinds of charge
(ui/dialogs/price_pages.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime, Signal, Slot
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.services.actors import Permission
from smesco_desk.services.core import Core
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldErrors, with_error
from ui.settings import (
    BADGE_FORMAT,
    LANGUAGE,
    PREVIEW_BEFORE_PRINT,
    PRINT_BADGE_AFTER_REGISTER,
    PRINTER_OPTIONS,
)

FORM_MAX_WIDTH = 760
BUSINESS_KEYS = (
    "building_name", "building_address", "closing_time", "visitor_retention_days",
    "backup_retention_days",
)


def note_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("note_label")
    label.setWordWrap(True)
    return label


class OptionsPage(QWidget):
    """One tab: `load()` fills the widgets, `save()` stores them.

    `saved` is emitted once the values are stored (at once for local
    options, after the operation for database settings).
    """

    name = ""
    saves = True  # False: the page has its own buttons (lists of things)
    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"{self.name}_page")

    def title(self) -> str:
        raise NotImplementedError

    def load(self) -> None:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        return form

    def _narrow(self, content: QFormLayout) -> QWidget:
        """The form at a readable width instead of stretched across the window."""
        box = QWidget(self)
        box.setMaximumWidth(FORM_MAX_WIDTH)
        box.setLayout(content)
        content.setContentsMargins(0, 0, 0, 0)
        return box


class PrintersPage(OptionsPage):
    """A printer per kind of document, and how badges are printed."""

    name = "printers"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.printer_combos: dict[str, QComboBox] = {}
        form = self._form()
        labels = {"badge": self.tr("Kartu tamu"), "receipt": self.tr("Kuitansi"),
                  "office": self.tr("Dokumen kantor (A4)")}
        for kind in PRINTER_OPTIONS:
            combo = QComboBox(self)
            combo.setObjectName(f"{kind}_printer_combo")
            combo.setMinimumContentsLength(28)
            self.printer_combos[kind] = combo
            form.addRow(labels[kind], combo)
        self.badge_format_combo = QComboBox(self)
        self.badge_format_combo.setObjectName("badge_format_combo")
        self.badge_format_combo.addItem(self.tr("Kartu CR80 (85,6 × 54 mm)"), "card")
        self.badge_format_combo.addItem(self.tr("Label gulung"), "label")
        form.addRow(self.tr("Bentuk kartu tamu"), self.badge_format_combo)
        self.auto_print_check = QCheckBox(self.tr("Cetak kartu tamu otomatis setelah pendaftaran"))
        self.auto_print_check.setObjectName("auto_print_check")
        self.preview_check = QCheckBox(self.tr("Tampilkan pratinjau sebelum mencetak"))
        self.preview_check.setObjectName("preview_check")
        form.addRow("", self.auto_print_check)
        form.addRow("", self.preview_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self._narrow(form))
        layout.addWidget(note_label(self.tr(
            "“Printer bawaan sistem” memakai printer utama komputer ini. Printer baru muncul "
            "di daftar setelah dipasang di sistem operasi."), self))
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Printer")

    def load(self) -> None:
        names = QPrinterInfo.availablePrinterNames()
        default = QPrinterInfo.defaultPrinterName()
        for kind, combo in self.printer_combos.items():
            self._fill_printers(combo, names, default, self.ctx.settings.printer_for(kind))
        settings = self.ctx.settings
        self.badge_format_combo.setCurrentIndex(
            max(0, self.badge_format_combo.findData(settings.get(BADGE_FORMAT))))
        self.auto_print_check.setChecked(settings.get(PRINT_BADGE_AFTER_REGISTER))
        self.preview_check.setChecked(settings.get(PREVIEW_BEFORE_PRINT))

    def _fill_printers(self, combo: QComboBox, names: list[str], default: str,
                       chosen: str) -> None:
        combo.clear()
        combo.addItem(self.tr("Printer bawaan sistem ({name})").format(name=default)
                      if default else self.tr("Printer bawaan sistem (belum ada)"), "")
        for name in names:
            combo.addItem(name, name)
        if chosen and chosen not in names:  # unplugged or removed: keep it, say so
            combo.addItem(self.tr("{name} (tidak tersedia)").format(name=chosen), chosen)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def save(self) -> None:
        settings = self.ctx.settings
        for kind, combo in self.printer_combos.items():
            settings.set(PRINTER_OPTIONS[kind], str(combo.currentData() or ""))
        settings.set(BADGE_FORMAT, str(self.badge_format_combo.currentData()))
        settings.set(PRINT_BADGE_AFTER_REGISTER, self.auto_print_check.isChecked())
        settings.set(PREVIEW_BEFORE_PRINT, self.preview_check.isChecked())
        self.saved.emit()


class LanguagePage(OptionsPage):
    name = "language"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("language_combo")
        self.language_combo.addItem("Bahasa Indonesia", "id")
        self.language_combo.addItem("English", "en")
        form = self._form()
        form.addRow(self.tr("Bahasa tampilan"), self.language_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self._narrow(form))
        layout.addWidget(note_label(self.tr(
            "Bahasa baru berlaku setelah aplikasi ditutup dan dibuka kembali. Kartu tamu dan "
            "kuitansi ikut bahasa ini."), self))
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Bahasa")

    def load(self) -> None:
        index = self.language_combo.findData(self.ctx.settings.get(LANGUAGE))
        self.language_combo.setCurrentIndex(max(0, index))

    def save(self) -> None:
        self.ctx.settings.set(LANGUAGE, str(self.language_combo.currentData()))
        self.saved.emit()


def save_business_settings(core: Core, ctx: AppContext, values: dict[str, Any]) -> None:
    """Worker thread: store each setting; all field errors together at the end."""
    actor = ctx.require_actor()
    errors: dict[str, str] = {}
    for key, value in values.items():
        try:
            core.settings.set(actor, key, value)
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)


class BusinessPage(OptionsPage):
    """The building's settings, shared by every desk (administrators only)."""

    name = "business"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.errors = FieldErrors()
        self.loaded: dict[str, Any] = {}
        self.building_name_edit = QLineEdit(self)
        self.building_name_edit.setObjectName("building_name_edit")
        self.building_address_edit = QLineEdit(self)
        self.building_address_edit.setObjectName("building_address_edit")
        self.closing_time_edit = QTimeEdit(self)
        self.closing_time_edit.setObjectName("closing_time_edit")
        self.closing_time_edit.setDisplayFormat("HH:mm")
        self.retention_spin = QSpinBox(self)
        self.retention_spin.setObjectName("retention_spin")
        self.retention_spin.setRange(30, 3650)
        self.retention_spin.setSuffix(self.tr(" hari"))
        self.backup_retention_spin = QSpinBox(self)
        self.backup_retention_spin.setObjectName("backup_retention_spin")
        self.backup_retention_spin.setRange(7, 3650)
        self.backup_retention_spin.setSuffix(self.tr(" hari"))
        for short in (self.closing_time_edit, self.retention_spin, self.backup_retention_spin):
            short.setMaximumWidth(180)
        form = self._form()
        rows = (
            (self.tr("Nama gedung"), self.building_name_edit, "building_name", ""),
            (self.tr("Alamat"), self.building_address_edit, "building_address", ""),
            (self.tr("Jam tutup"), self.closing_time_edit, "closing_time", self.tr(
                "Tamu yang belum keluar dicatat keluar otomatis setelah jam ini.")),
            (self.tr("Masa simpan data tamu"), self.retention_spin, "visitor_retention_days",
             self.tr("Data tamu yang lebih lama dihapus (UU PDP).")),
            (self.tr("Masa simpan cadangan"), self.backup_retention_spin, "backup_retention_days",
             self.tr("Cadangan di folder data yang lebih lama dihapus; sampai itu cadangan "
                     "menyimpan salinan data tamu yang sudah dihapus.")),
        )
        for label, widget, key, note in rows:
            notes = [note_label(note, self)] if note else []
            form.addRow(label, with_error(widget, self.errors.add(key), *notes))
        layout = QVBoxLayout(self)
        layout.addWidget(self._narrow(form))
        layout.addWidget(self.errors.add(""))
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Gedung")

    def load(self) -> None:
        core = self.ctx.core
        self.ctx.runner.op(core.settings.all_public, parent=self).success(self._fill).run()

    def _fill(self, values: dict[str, Any]) -> None:
        self.loaded = {key: values.get(key) for key in BUSINESS_KEYS}
        self.building_name_edit.setText(str(values.get("building_name") or ""))
        self.building_address_edit.setText(str(values.get("building_address") or ""))
        self.closing_time_edit.setTime(QTime.fromString(str(values.get("closing_time")), "HH:mm"))
        self.retention_spin.setValue(int(values.get("visitor_retention_days") or 365))
        self.backup_retention_spin.setValue(int(values.get("backup_retention_days") or 30))

    def values(self) -> dict[str, Any]:
        return {
            "building_name": self.building_name_edit.text(),
            "building_address": self.building_address_edit.text(),
            "closing_time": self.closing_time_edit.time().toString("HH:mm"),
            "visitor_retention_days": self.retention_spin.value(),
            "backup_retention_days": self.backup_retention_spin.value(),
        }

    def save(self) -> None:
        changed = {k: v for k, v in self.values().items() if self.loaded.get(k) != v}
        self.errors.clear()
        if not changed:
            self.saved.emit()
            return
        core, ctx = self.ctx.core, self.ctx
        ctx.runner.op(lambda: save_business_settings(core, ctx, changed), parent=self) \
            .success(self._stored).failure(self._refused).changes({"settings"}).run()

    def _stored(self, _result: None) -> None:
        self.loaded.update(self.values())
        self.saved.emit()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            leftover = self.errors.show_error(exc)
            if leftover:
                self.errors[""].show_message(" ".join(leftover.values()))
        else:
            show_error(self, exc)


class SettingsPanel(QWidget):
    """The settings tabs the person may see, with one Save button for the options."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settings_panel")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settings_tabs")
        self.pages: dict[str, OptionsPage] = {}
        for page in self._make_pages():
            self.pages[page.name] = page
            self.tabs.addTab(page, page.title().replace("&", "&&"))  # "&" is no shortcut
            page.saved.connect(self._page_saved)
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
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self.button_row)
        self.load()

    def _make_pages(self) -> list[OptionsPage]:
        from ui.pages.settings.purposes import PurposesPage, UsersPage
        from ui.pages.settings.prices import ChargeKindsPage, PricesPage
        from ui.pages.settings.sync import SyncPage

        pages: list[OptionsPage] = [PrintersPage(self.ctx, self), LanguagePage(self.ctx, self)]
        if self.ctx.can(Permission.MANAGE_SETTINGS):
            pages.append(BusinessPage(self.ctx, self))
        if self.ctx.can(Permission.MANAGE_PURPOSES):
            pages.append(PurposesPage(self.ctx, self))
        if self.ctx.can(Permission.MANAGE_PRICES):
            pages += [PricesPage(self.ctx, self), ChargeKindsPage(self.ctx, self)]
        if self.ctx.can(Permission.MANAGE_USERS):
            pages.append(UsersPage(self.ctx, self))
        if self.ctx.can(Permission.MANAGE_SETTINGS):
            pages.append(SyncPage(self.ctx, self))
        return pages

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

    @Slot()
    def _page_saved(self) -> None:
        self.status_label.setText(self.tr("Pengaturan tersimpan."))

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
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
