"""Preview a document before printing: zoom, Print, Save PDF…."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.errors import show_error
from ui.printing import PrintError, load_pdf

if TYPE_CHECKING:
    from ui.documents import DocumentPrinterLike

FIT_WIDTH, FIT_PAGE = "fit_width", "fit_page"
ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


class PdfPreviewDialog(QDialog):
    """Shows PDF bytes; prints them on the printer for `kind` or saves them."""

    def __init__(self, printer: DocumentPrinterLike, pdf: bytes, kind: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview_dialog")
        self.setWindowTitle(self.tr("Pratinjau: {title}").format(title=title))
        self.printer, self.pdf, self.kind, self.title = printer, pdf, kind, title
        self.printed = False
        self.saved_to: object = None  # where "Simpan PDF…" wrote it (a Path), if it did
        self.document = load_pdf(pdf, self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setDocument(self.document)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self.view, 1)
        layout.addLayout(self._build_buttons())
        self._set_zoom(0)
        self._fit_screen()

    def _fit_screen(self) -> None:
        """Tall enough for an A4 page, never taller than the screen (1366x768 desks)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.resize(min(780, room.width() - 40), min(900, room.height() - 80))

    def _build_toolbar(self) -> QHBoxLayout:
        self.zoom_combo = QComboBox(self)
        self.zoom_combo.setObjectName("zoom_combo")
        self.zoom_combo.addItem(self.tr("Pas halaman"), FIT_PAGE)
        self.zoom_combo.addItem(self.tr("Pas lebar"), FIT_WIDTH)
        for factor in ZOOM_STEPS:
            self.zoom_combo.addItem(f"{factor:.0%}", factor)
        self.zoom_combo.currentIndexChanged.connect(self._set_zoom)
        pages = self.document.pageCount()
        info = QLabel(self.tr("%n halaman", "", pages), self)
        info.setObjectName("page_count_label")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Perbesaran:"), self))
        bar.addWidget(self.zoom_combo)
        bar.addStretch(1)
        bar.addWidget(info)
        return bar

    def _build_buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Simpan PDF…"), self)
        self.save_button.setObjectName("save_pdf_button")
        self.save_button.clicked.connect(self._save)
        self.print_button = QPushButton(self.tr("Cetak"), self)
        self.print_button.setObjectName("print_button")
        self.print_button.setProperty("primary", True)
        self.print_button.setDefault(True)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self._print)
        close = QPushButton(self.tr("Tutup"), self)
        close.setObjectName("close_button")
        close.clicked.connect(self.reject)
        target = QLabel(self.tr("Printer: {name}").format(
            name=self.printer.printer_name(self.kind) or self.tr("(belum ada)")), self)
        target.setObjectName("printer_label")
        self.saved_label = QLabel(self)  # where "Simpan PDF…" wrote it
        self.saved_label.setObjectName("saved_label")
        row = QHBoxLayout()
        row.addWidget(target)
        row.addWidget(self.saved_label, 1)
        row.addWidget(self.save_button)
        row.addWidget(close)
        row.addWidget(self.print_button)
        return row

    @Slot(int)
    def _set_zoom(self, index: int) -> None:
        choice = self.zoom_combo.itemData(index)
        if choice == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        elif choice == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))

    @Slot()
    def _print(self) -> None:
        try:
            self.printer.print_pdf(self.pdf, self.kind, self.title, self)
        except PrintError as exc:
            show_error(self, exc, self.tr("Tidak dapat mencetak"))
            return
        self.printed = True
        self.accept()

    @Slot()
    def _save(self) -> None:
        try:
            path = self.printer.save_pdf(self.pdf, self.title, self)
        except PrintError as exc:
            show_error(self, exc, self.tr("Tidak dapat menyimpan"))
            return
        if path is not None:  # (None: the person cancelled the file dialog)
            self.saved_to = path
            self.saved_label.setText(self.tr("Disimpan ke {path}.").format(path=path))
            self.saved_label.setToolTip(str(path))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):
            step = 1 if event.key() == Qt.Key.Key_Plus else -1
            self.zoom_combo.setCurrentIndex(
                max(0, min(self.zoom_combo.count() - 1, self.zoom_combo.currentIndex() + step)))
            return
        super().keyPressEvent(event)
