"""What "Cetak badge…" of an event prints: a sheet of ten CR80 badges on A4
with cut marks (the office printer) or one card each (the badge printer), for
all the participants or the ones selected in the list; printed, or saved as a
PDF. Emits `chosen(fmt, selected_only, mode)` and closes. With no printer for
the format, "Simpan PDF…" is the default and "Cetak" is off (it would fail)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import note_label


class BadgePrintDialog(QDialog):
    chosen = Signal(str, bool, str)  # "sheet" | "card", selected only, "print" | "save"

    def __init__(
        self, parent: QWidget | None, total: int, selected: int, printers: dict[str, str]
    ) -> None:
        """printers: the printer each format goes to ({"sheet": name, "card": name})."""
        super().__init__(parent)
        self.setObjectName("badge_print_dialog")
        self.setWindowTitle(self.tr("Cetak badge peserta"))
        self._printers = printers
        self.sheet_radio = QRadioButton(
            self.tr("&Lembar A4: 10 badge per halaman, dengan garis potong"), self
        )
        self.sheet_radio.setObjectName("badge_sheet_radio")
        self.card_radio = QRadioButton(self.tr("Satu &kartu per peserta (printer kartu)"), self)
        self.card_radio.setObjectName("badge_card_radio")
        self.all_radio = QRadioButton(self.tr("&Semua peserta ({n})").format(n=total), self)
        self.all_radio.setObjectName("badge_all_radio")
        self.selected_radio = QRadioButton(
            self.tr("Yang &dipilih di daftar ({n})").format(n=selected), self
        )
        self.selected_radio.setObjectName("badge_selected_radio")
        self.selected_radio.setEnabled(selected > 0)
        self.printer_note = note_label("", self)
        self.printer_note.setObjectName("badge_printer_note")
        layout = QVBoxLayout(self)
        layout.addWidget(self._group(self.tr("Format"), self.sheet_radio, self.card_radio))
        layout.addWidget(self._group(self.tr("Peserta"), self.all_radio, self.selected_radio))
        layout.addWidget(self.printer_note)
        layout.addLayout(self._buttons())
        # checked once each pair is in its own group (radios of one parent exclude each other)
        self.sheet_radio.setChecked(True)
        (self.selected_radio if 0 < selected < total else self.all_radio).setChecked(True)
        self.sheet_radio.toggled.connect(self._show_printer)
        self._show_printer()

    def _group(self, title: str, *radios: QRadioButton) -> QGroupBox:
        box = QGroupBox(title, self)
        group = QButtonGroup(box)
        column = QVBoxLayout(box)
        for radio in radios:
            group.addButton(radio)
            column.addWidget(radio)
        return box

    def _buttons(self) -> QHBoxLayout:
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Simpan &PDF…"), self)
        self.save_button.setObjectName("badge_save_button")
        self.save_button.clicked.connect(lambda: self._choose("save"))
        self.print_button = QPushButton(self.tr("&Cetak"), self)
        self.print_button.setObjectName("badge_print_button")
        self.print_button.clicked.connect(lambda: self._choose("print"))
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.cancel_button, self.save_button, self.print_button):
            row.addWidget(button)
        return row

    def fmt(self) -> str:
        return "sheet" if self.sheet_radio.isChecked() else "card"

    @Slot()
    def _show_printer(self) -> None:
        name = self._printers.get(self.fmt(), "")
        self.printer_note.setText(
            self.tr("Dicetak ke printer {printer}.").format(printer=name)
            if name
            else self.tr("Belum ada printer untuk format ini; simpan sebagai PDF.")
        )
        # no printer: printing would only fail, saving is what Enter does
        self.print_button.setEnabled(bool(name))
        self.print_button.setToolTip("" if name else self.tr(
            "Atur printer di Pengaturan, atau simpan sebagai PDF."))
        default = self.print_button if name else self.save_button
        other = self.save_button if name else self.print_button
        for button, on in ((default, True), (other, False)):
            button.setDefault(on)
            button.setProperty("primary", on)
            button.style().unpolish(button)
            button.style().polish(button)
        default.setFocus()

    def _choose(self, mode: str) -> None:
        self.chosen.emit(self.fmt(), self.selected_radio.isChecked(), mode)
        self.accept()
