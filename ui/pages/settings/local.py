"""Options of this PC (UiSettings, not the database): printers and language."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QCheckBox, QComboBox, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.pages.settings.base import OptionsPage
from ui.pages.settings.registry import settings_page
from ui.settings import (
    BADGE_FORMAT,
    LANGUAGE,
    PREVIEW_BEFORE_PRINT,
    PRINT_BADGE_AFTER_REGISTER,
    PRINTER_OPTIONS,
)
from ui.widgets import note_label


@settings_page(order=10)
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


@settings_page(order=20)
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
