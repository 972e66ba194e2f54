"""DocumentPrinter: real jobs through CUPS (the cups-pdf queue), clear errors
for missing or stopped printers, the preview dialog and saving PDFs."""

from __future__ import annotations

import io
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageLayout
from PySide6.QtWidgets import QFileDialog
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

import ui.printing
from ui.context import AppContext
from ui.dialogs.pdf_preview import PdfPreviewDialog
from ui.printing import (
    MAX_PAGE_PIXELS,
    DocumentPrinter,
    PrintError,
    page_layout_for,
    render_size,
    safe_file_name,
)
from ui.settings import BADGE_PRINTER, OFFICE_PRINTER, PREVIEW_BEFORE_PRINT, RECEIPT_PRINTER

CR80 = (85.6 * mm, 54 * mm)
RECEIPT_80 = (80 * mm, 120 * mm)


def make_pdf(*page_sizes: tuple[float, float]) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for number, size in enumerate(page_sizes, 1):
        pdf.setPageSize(size)
        pdf.rect(4, 4, size[0] - 8, size[1] - 8)
        pdf.drawString(12, size[1] / 2, f"Halaman {number}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def assert_same_size(got: tuple[float, float], want: tuple[float, float]) -> None:
    # QPageSize keeps whole points; the printer may turn landscape media upright.
    assert sorted(got) == pytest.approx(sorted(want), abs=1.5)


# --- pure helpers -------------------------------------------------------------------


def test_layout_follows_the_pdf_page() -> None:
    card = page_layout_for(QSizeF(*CR80))
    assert card.orientation() == QPageLayout.Orientation.Landscape
    assert card.fullRectPoints().width() == pytest.approx(CR80[0], abs=1)
    assert card.margins().isNull()
    receipt = page_layout_for(QSizeF(*RECEIPT_80))
    assert receipt.orientation() == QPageLayout.Orientation.Portrait


def test_render_size_uses_printer_resolution_but_caps_memory() -> None:
    card = render_size(QSizeF(*CR80), 300)
    assert (card.width(), card.height()) == (round(CR80[0] / 72 * 300), round(CR80[1] / 72 * 300))
    a4 = render_size(QSizeF(595, 842), 1200)
    assert a4.width() * a4.height() <= MAX_PAGE_PIXELS * 1.01


def test_safe_file_name_from_a_receipt_number() -> None:
    assert safe_file_name("KW/D01/2026/000123") == "KW_D01_2026_000123.pdf"
    assert safe_file_name("  ") == "dokumen.pdf"


# --- real jobs through CUPS -----------------------------------------------------------


def test_prints_a_receipt_to_the_cups_queue(ctx: AppContext, cups_pdf_printer) -> None:
    ctx.settings.set(RECEIPT_PRINTER, cups_pdf_printer.name)
    since = time.time()
    DocumentPrinter(ctx).print_pdf(make_pdf(RECEIPT_80), "receipt", "Kuitansi uji", None)
    printed = cups_pdf_printer.wait_for_new_pdf(since)
    sizes = page_sizes(printed)
    assert len(sizes) == 1
    assert sizes[0] == pytest.approx(RECEIPT_80, abs=1.5)  # portrait stays as it is


def test_prints_every_page_of_a_landscape_card(ctx: AppContext, cups_pdf_printer) -> None:
    ctx.settings.set(BADGE_PRINTER, cups_pdf_printer.name)
    since = time.time()
    DocumentPrinter(ctx).print_pdf(make_pdf(CR80, CR80), "badge", "Kartu tamu uji", None)
    sizes = page_sizes(cups_pdf_printer.wait_for_new_pdf(since))
    assert len(sizes) == 2
    for size in sizes:
        assert_same_size(size, CR80)


def test_the_default_printer_is_used_when_none_is_set(ctx: AppContext, cups_pdf_printer,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.printing.QPrinterInfo, "defaultPrinterName",
                        staticmethod(lambda: cups_pdf_printer.name))
    assert ctx.settings.get(OFFICE_PRINTER) == ""
    since = time.time()
    DocumentPrinter(ctx).print_pdf(make_pdf((595, 842)), "office", "Daftar uji", None)
    assert_same_size(page_sizes(cups_pdf_printer.wait_for_new_pdf(since))[0], (595, 842))


# --- clear errors, no crash -----------------------------------------------------------


def test_a_missing_printer_is_a_clear_error(ctx: AppContext) -> None:
    ctx.settings.set(BADGE_PRINTER, "PrinterYangTidakAda")
    with pytest.raises(PrintError, match="PrinterYangTidakAda.*tidak ditemukan"):
        DocumentPrinter(ctx).print_pdf(make_pdf(CR80), "badge", "Kartu", None)


def test_no_printer_at_all_is_a_clear_error(ctx: AppContext,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.printing.QPrinterInfo, "defaultPrinterName", staticmethod(lambda: ""))
    with pytest.raises(PrintError, match="Belum ada printer"):
        DocumentPrinter(ctx).print_pdf(make_pdf(CR80), "badge", "Kartu", None)


def test_a_broken_pdf_is_a_clear_error(ctx: AppContext, cups_pdf_printer) -> None:
    ctx.settings.set(BADGE_PRINTER, cups_pdf_printer.name)
    with pytest.raises(PrintError, match="tidak dapat dibuka"):
        DocumentPrinter(ctx).print_pdf(b"%PDF-1.4 rusak", "badge", "Kartu", None)


@pytest.fixture
def spare_queue(cups_pdf_printer) -> Iterator[str]:
    """A throw-away cups-pdf queue, so stopping it disturbs no other test."""
    if shutil.which("lpadmin") is None:
        pytest.skip("lpadmin not installed")
    name = f"SmescoTest_{uuid.uuid4().hex[:8]}"
    made = subprocess.run(
        ["lpadmin", "-p", name, "-v", "cups-pdf:/", "-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"],
        capture_output=True, text=True, timeout=30)
    if made.returncode != 0:
        pytest.skip(f"cannot create a CUPS queue here: {made.stderr.strip()}")
    try:
        yield name
    finally:
        subprocess.run(["lpadmin", "-x", name], capture_output=True, timeout=30)


def test_a_stopped_queue_is_a_clear_error(ctx: AppContext, spare_queue: str) -> None:
    subprocess.run(["cupsaccept", spare_queue], check=True, timeout=30)
    subprocess.run(["cupsdisable", spare_queue], check=True, timeout=30)
    ctx.settings.set(BADGE_PRINTER, spare_queue)
    with pytest.raises(PrintError, match="berhenti"):
        DocumentPrinter(ctx).print_pdf(make_pdf(CR80), "badge", "Kartu", None)


def test_a_queue_refusing_jobs_is_a_clear_error(ctx: AppContext, spare_queue: str) -> None:
    subprocess.run(["cupsenable", spare_queue], check=True, timeout=30)
    subprocess.run(["cupsreject", spare_queue], check=True, timeout=30)
    ctx.settings.set(BADGE_PRINTER, spare_queue)
    with pytest.raises(PrintError, match="tidak menerima"):
        DocumentPrinter(ctx).print_pdf(make_pdf(CR80), "badge", "Kartu", None)


def test_deliver_reports_the_error_instead_of_raising(ctx: AppContext,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(ui.printing, "show_error",
                        lambda parent, exc, title="": shown.append(exc.message))
    ctx.settings.set(BADGE_PRINTER, "PrinterYangTidakAda")
    assert DocumentPrinter(ctx).deliver(make_pdf(CR80), "badge", "Kartu", None) is False
    assert len(shown) == 1 and "tidak ditemukan" in shown[0]


def test_deliver_previews_when_the_setting_says_so(ctx: AppContext,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(DocumentPrinter, "preview",
                        lambda self, pdf, kind, title, parent=None: seen.append(kind))
    ctx.settings.set(PREVIEW_BEFORE_PRINT, True)
    assert DocumentPrinter(ctx).deliver(make_pdf(CR80), "badge", "Kartu", None) is False
    assert seen == ["badge"]


# --- preview dialog and saving ------------------------------------------------------


def test_preview_shows_the_pages_and_zooms(qtbot, ctx: AppContext) -> None:
    dialog = PdfPreviewDialog(DocumentPrinter(ctx), make_pdf(CR80, CR80), "badge", "Kartu")
    qtbot.addWidget(dialog)
    assert dialog.document.pageCount() == 2
    dialog.zoom_combo.setCurrentIndex(dialog.zoom_combo.findData(2.0))
    assert dialog.view.zoomFactor() == 2.0


def test_preview_print_button_prints(qtbot, ctx: AppContext, cups_pdf_printer) -> None:
    ctx.settings.set(BADGE_PRINTER, cups_pdf_printer.name)
    dialog = PdfPreviewDialog(DocumentPrinter(ctx), make_pdf(CR80), "badge", "Kartu pratinjau")
    qtbot.addWidget(dialog)
    since = time.time()
    dialog.print_button.click()
    assert dialog.printed
    assert_same_size(page_sizes(cups_pdf_printer.wait_for_new_pdf(since))[0], CR80)


def test_preview_print_failure_keeps_the_dialog_open(qtbot, ctx: AppContext,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("ui.dialogs.pdf_preview.show_error",
                        lambda parent, exc, title="": shown.append(exc.message))
    ctx.settings.set(BADGE_PRINTER, "PrinterYangTidakAda")
    dialog = PdfPreviewDialog(DocumentPrinter(ctx), make_pdf(CR80), "badge", "Kartu")
    qtbot.addWidget(dialog)
    dialog.print_button.click()
    assert not dialog.printed and shown


def test_save_pdf_writes_the_bytes(ctx: AppContext, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def fake_save(parent, caption, start, filters):
        asked.append(start)
        return str(tmp_path / "kuitansi"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    pdf = make_pdf(RECEIPT_80)
    path = DocumentPrinter(ctx).save_pdf(pdf, "KW/D01/2026/000001", None)
    assert path == tmp_path / "kuitansi.pdf" and path.read_bytes() == pdf
    assert asked[0].endswith("KW_D01_2026_000001.pdf")


def test_save_pdf_cancelled(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: ("", "")))
    assert DocumentPrinter(ctx).save_pdf(make_pdf(CR80), "x", None) is None
