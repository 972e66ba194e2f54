"""Beside the receipts: the chosen one's details, what can be done with it
(reprint, preview, save as PDF, void for those who may) and the receipt paper."""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance, Slot
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QPushButton, QVBoxLayout, QWidget

from smesco_desk.domain.payments import ReceiptFormat
from smesco_desk.values.payments import ReceiptRecord
from ui.pages.payments.documents import PaymentDocuments
from ui.pages.payments.receipt_details import ReceiptDetails
from ui.widgets import labelled_row


class ReceiptPanel(QFrame):
    """The buttons say what the person asked for; the page does it."""

    reprint_requested = Signal()
    preview_requested = Signal()
    save_requested = Signal()
    void_requested = Signal()

    def __init__(self, documents: PaymentDocuments, may_void: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receipt_details_panel")
        self.setMinimumWidth(280)
        self.documents = documents
        self.details = ReceiptDetails(self)
        self.reprint_button = self._button(
            "reprint_button", self.tr("Cetak &ulang"), self.reprint_requested)
        self.reprint_button.setToolTip(self.tr("Cetak lagi sebagai SALINAN (Ctrl+P)"))
        self.preview_button = self._button(
            "preview_button", self.tr("Prat&injau"), self.preview_requested)
        self.save_button = self._button(
            "save_pdf_button", self.tr("&Simpan PDF…"), self.save_requested)
        self.void_button: QPushButton | None = None
        grid = QGridLayout()
        grid.setSpacing(6)
        grid.addWidget(self.reprint_button, 0, 0)
        grid.addWidget(self.preview_button, 0, 1)
        grid.addWidget(self.save_button, 1, 0)
        if may_void:
            self.void_button = self._button(
                "void_button", self.tr("B&atalkan…"), self.void_requested)
            self.void_button.setProperty("danger", True)
            grid.addWidget(self.void_button, 1, 1)
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("receipt_format_combo")
        self.format_combo.addItem(self.tr("Struk 80 mm"), ReceiptFormat.THERMAL.value)
        self.format_combo.addItem(self.tr("Kertas A5"), ReceiptFormat.A5.value)
        self.format_combo.setCurrentIndex(
            self.format_combo.findData(documents.receipt_format().value))
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        paper = labelled_row(self.tr("K&ertas kuitansi"), self.format_combo, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.details, 1)
        layout.addLayout(grid)
        layout.addLayout(paper)

    def _button(self, name: str, text: str, requested: SignalInstance) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(requested)
        return button

    def show_receipt(self, record: ReceiptRecord | None) -> None:
        self.details.show_receipt(record)
        for button in (self.reprint_button, self.preview_button, self.save_button):
            button.setEnabled(record is not None)
        if self.void_button is not None:
            self.void_button.setEnabled(record is not None and not record.voided)

    @Slot(int)
    def _on_format_changed(self, index: int) -> None:
        self.documents.set_receipt_format(ReceiptFormat(self.format_combo.itemData(index)))
