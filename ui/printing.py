"""Print, preview and save the PDF documents the core makes.

The core renders every document (badge, receipt, report) to PDF bytes; this
module puts those bytes on paper with the printer chosen for that kind of
document in the settings (or the system default printer). Pages are rendered
with QtPdf to an image at (close to) the printer's resolution and painted on a
QPrinter page of the PDF's own size, without margins, in the PDF's orientation.

QPdfDocument and a QPainter on a QPrinter must live on the GUI thread, so the
rendering happens there, one page at a time; documents are one to a few pages.

    printer = DocumentPrinter(ctx)
    printer.deliver(pdf, "badge", "Kartu tamu D01-261127-007", self)  # reports errors
    printer.print_pdf(pdf, "receipt", title, self)  # raises PrintError
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QMarginsF,
    QObject,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QFileDialog, QWidget

from smesco_desk.errors import DomainError
from smesco_desk.private_files import write_private
from ui.context import AppContext
from ui.errors import show_error
from ui.settings import PREVIEW_BEFORE_PRINT, PRINTER_OPTIONS, Option

DOCUMENT_KINDS = tuple(PRINTER_OPTIONS)  # badge, receipt, office
MAX_RENDER_DPI = 600
MAX_PAGE_PIXELS = 16_000_000  # one page image stays under ~64 MB
LAST_PDF_DIR = Option("state/last_pdf_dir", "")


@dataclass(frozen=True)
class PreviewOutcome:
    """What happened in the preview: printed from it, and where it was saved (if it was)."""

    printed: bool = False
    saved_to: Path | None = None


class PrintError(DomainError):
    """The document could not be printed or saved; the message says why."""


def load_pdf(pdf: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument over the bytes (it keeps its buffer alive as a child)."""
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    document.load(buffer)  # a complete in-memory buffer loads synchronously
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        document.deleteLater()
        raise PrintError(
            QCoreApplication.translate(
                "DocumentPrinter", "Dokumen PDF tidak dapat dibuka (rusak atau kosong)."
            )
        )
    return document


def page_layout_for(size_points: QSizeF) -> QPageLayout:
    """A borderless layout of exactly this page size, portrait or landscape."""
    width, height = size_points.width(), size_points.height()
    portrait = QSizeF(min(width, height), max(width, height))
    page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch)
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0))


def render_size(size_points: QSizeF, printer_dpi: int) -> QSize:
    """Image size for a page: printer resolution, capped to keep memory sane."""
    dpi = float(min(printer_dpi, MAX_RENDER_DPI))
    width, height = size_points.width() * dpi / 72, size_points.height() * dpi / 72
    scale = min(1.0, (MAX_PAGE_PIXELS / max(width * height, 1.0)) ** 0.5)
    return QSize(max(1, round(width * scale)), max(1, round(height * scale)))


def queue_refusal(name: str) -> str | None:
    """CUPS: why the queue takes no jobs (Qt does not tell), or None if it does."""
    lpstat = shutil.which("lpstat")
    if sys.platform == "win32" or lpstat is None:
        return None
    try:
        result = subprocess.run(
            [lpstat, "-a", name],
            capture_output=True,
            text=True,
            timeout=5,
            env={**os.environ, "LC_ALL": "C"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode == 0 and "not accepting" in result.stdout:
        return result.stdout.strip()
    return None


def safe_file_name(name: str) -> str:
    """A file name from a document title (receipt numbers contain slashes)."""
    stem = re.sub(r'[\\/:*?"<>|\s]+', "_", name.strip()).strip("._") or "dokumen"
    return stem if stem.lower().endswith(".pdf") else f"{stem}.pdf"


class DocumentPrinter(QObject):
    """Prints, previews and saves PDF bytes; one per window is plenty."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    # --- choosing the printer -------------------------------------------------

    def printer_name(self, kind: str) -> str:
        """The printer set for `kind` (badge, receipt, office), or the default one."""
        if kind not in PRINTER_OPTIONS:
            raise ValueError(f"unknown document kind {kind!r}")
        return self.ctx.settings.printer_for(kind) or QPrinterInfo.defaultPrinterName()

    def printer_for(self, kind: str) -> QPrinter:
        """A ready QPrinter for `kind`; PrintError if there is none or it refuses jobs."""
        configured = self.ctx.settings.printer_for(kind) if kind in PRINTER_OPTIONS else ""
        name = self.printer_name(kind)
        info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo()
        if info.isNull():
            if configured:
                raise PrintError(
                    self.tr(
                        "Printer “{name}” tidak ditemukan. Periksa sambungannya atau pilih "
                        "printer lain di Pengaturan › Printer."
                    ).format(name=configured)
                )
            raise PrintError(
                self.tr(
                    "Belum ada printer di komputer ini. Pasang printer, atau pilih satu di "
                    "Pengaturan › Printer."
                )
            )
        self._check_ready(info)
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        if not printer.isValid():
            raise PrintError(self.tr("Printer “{name}” tidak dapat dipakai.").format(name=name))
        return printer

    def _check_ready(self, info: QPrinterInfo) -> None:
        name = info.printerName()
        if info.state() == QPrinter.PrinterState.Error:
            raise PrintError(
                self.tr(
                    "Printer “{name}” sedang berhenti atau bermasalah. Periksa kertas, tinta "
                    "dan sambungannya, lalu aktifkan kembali."
                ).format(name=name)
            )
        if queue_refusal(name):
            raise PrintError(
                self.tr(
                    "Printer “{name}” sedang tidak menerima pekerjaan cetak. Minta admin "
                    "mengaktifkannya kembali."
                ).format(name=name)
            )

    # --- printing -------------------------------------------------------------

    def print_pdf(self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None) -> None:
        """Print every page of `pdf` on the printer for `kind`. Raises PrintError."""
        printer = self.printer_for(kind)
        document = load_pdf(pdf, self)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._paint(document, printer, title)
        finally:
            QGuiApplication.restoreOverrideCursor()
            document.deleteLater()

    def _paint(self, document: QPdfDocument, printer: QPrinter, title: str) -> None:
        printer.setDocName(title)
        printer.setCreator("Smesco Desk")
        printer.setFullPage(True)
        printer.setPageLayout(page_layout_for(document.pagePointSize(0)))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(
                self.tr("Printer “{name}” menolak pekerjaan cetak ini.").format(
                    name=printer.printerName()
                )
            )
        try:
            for page in range(document.pageCount()):
                if page:
                    self._next_page(document, printer, page)
                self._paint_page(painter, printer, document, page)
        except BaseException:
            printer.abort()
            raise
        finally:
            finished = painter.end()
        if not finished or printer.printerState() in (
            QPrinter.PrinterState.Aborted,
            QPrinter.PrinterState.Error,
        ):
            raise PrintError(
                self.tr("Pencetakan ke “{name}” gagal.").format(name=printer.printerName())
            )

    def _next_page(self, document: QPdfDocument, printer: QPrinter, page: int) -> None:
        layout = page_layout_for(document.pagePointSize(page))
        if not layout.isEquivalentTo(printer.pageLayout()):
            printer.setPageLayout(layout)  # engines that cannot simply keep the old size
        if not printer.newPage():
            raise PrintError(
                self.tr("Printer “{name}” berhenti di tengah dokumen.").format(
                    name=printer.printerName()
                )
            )

    @staticmethod
    def _paint_page(
        painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int
    ) -> None:
        target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        image = document.render(
            page, render_size(document.pagePointSize(page), printer.resolution())
        )
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image)

    # --- preview, save, and the one call pages use ------------------------------

    def preview(
        self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None
    ) -> PreviewOutcome:
        """Show the document with Print and Save PDF… buttons (modal); whether it
        was printed from there, and where it was saved."""
        from ui.dialogs.pdf_preview import PdfPreviewDialog

        dialog = PdfPreviewDialog(self, pdf, kind, title, parent)
        try:
            dialog.exec()
            saved = dialog.saved_to
            return PreviewOutcome(dialog.printed, saved if isinstance(saved, Path) else None)
        finally:
            dialog.deleteLater()

    def save_pdf(
        self, pdf: bytes, suggested_name: str, parent: QWidget | None = None
    ) -> Path | None:
        """Ask where, then write the PDF; the path written, or None if cancelled."""
        folder = self.ctx.settings.get(LAST_PDF_DIR) or str(Path.home())
        name = safe_file_name(suggested_name)
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, self.tr("Simpan PDF"), str(Path(folder) / name), self.tr("Dokumen PDF (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")
        try:
            write_private(path, pdf)  # 0600: documents hold personal data
        except OSError as exc:
            raise PrintError(
                self.tr("PDF tidak dapat disimpan ke {path}: {reason}").format(
                    path=path, reason=exc.strerror or exc
                )
            ) from exc
        self.ctx.settings.set(LAST_PDF_DIR, str(path.parent))
        return path

    def deliver(self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None) -> bool:
        """Preview or print, as the settings say; errors are shown, never raised.

        Returns True when the document went to the printer directly.
        """
        if self.ctx.settings.get(PREVIEW_BEFORE_PRINT):
            self.preview(pdf, kind, title, parent)
            return False
        try:
            self.print_pdf(pdf, kind, title, parent)
        except PrintError as exc:
            show_error(parent, exc, self.tr("Tidak dapat mencetak"))
            return False
        return True
