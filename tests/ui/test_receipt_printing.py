"""A receipt is committed before it is printed: a stopped printer loses no
payment, and the reprint on a working printer is the same number marked SALINAN.

Real CUPS: a throw-away cups-pdf queue (tests/ui/test_printing.spare_queue) is
stopped with cupsdisable, then started again; its jobs land where cups-pdf
writes (tests/fixtures_system.cups_pdf_printer).

DocumentPrinter paints each page as an image at the printer's resolution, so
the PDF cups-pdf writes has no text layer (its /Title is the job name: the
receipt number). What was printed is therefore proved in two steps: the PDF
sent holds the number, the terbilang of the total and SALINAN (pypdf), and the
printed page is that PDF, pixel for pixel within a pixel, and not the original.
"""

from __future__ import annotations

import io
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter

from smesco_desk.domain.charges import LineInput
from smesco_desk.domain.money import terbilang
from smesco_desk.services.core import open_core
from smesco_desk.values.payments import ReceiptFilter
from tests.core.helpers_core import cash, sale_form
from tests.ui.helpers_ui import pdf_text
from tests.ui.test_printing import spare_queue  # noqa: F401  (a fixture)
from ui.context import AppContext
from ui.printing import DocumentPrinter, PrintError, load_pdf
from ui.settings import RECEIPT_PRINTER

SCALE = 2  # pixels per point when comparing pages (144 dpi)


def page_size(pdf: bytes | Path) -> tuple[float, float]:
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    box = PdfReader(source).pages[0].mediabox
    return float(box.width), float(box.height)


def dark_pixels(pdf: bytes) -> set[tuple[int, int]]:
    """The first page rendered on white paper at SCALE: where it is dark."""
    document = load_pdf(pdf)
    try:
        size = document.pagePointSize(0)
        rendered = document.render(
            0, QSize(round(size.width() * SCALE), round(size.height() * SCALE))
        )
    finally:
        document.deleteLater()
    paper = QImage(rendered.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, rendered)
    painter.end()
    gray = paper.convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride = bytes(gray.constBits()), gray.bytesPerLine()
    return {
        (x, y)
        for y in range(gray.height())
        for x, value in enumerate(data[y * stride : y * stride + gray.width()])
        if value < 128
    }


def covered(these: set[tuple[int, int]], by: set[tuple[int, int]]) -> float:
    """The share of `these` dark pixels with a dark pixel of `by` at most 1 px away."""
    near = {(x + dx, y + dy) for x, y in by for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    return sum(p in near for p in these) / max(1, len(these))


def printed_job(cups_pdf_printer: Any, since: float, title: str, timeout: float = 30) -> Path:
    """The PDF cups-pdf wrote for our job (named `title`), not another test's."""
    cups_pdf_printer.wait_for_new_pdf(since, timeout)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in cups_pdf_printer.pdfs_since(since):
            if title in str(PdfReader(path).metadata.title):  # "(KW/D01/...)" from ps2write
                return path
        time.sleep(0.2)
    raise TimeoutError(f"no PDF titled {title} since {since}")


def queued_jobs(queue: str) -> str:
    listing = subprocess.run(["lpstat", "-o", queue], capture_output=True, text=True, timeout=30)
    return listing.stdout.strip()


def cups(command: str, queue: str) -> None:
    subprocess.run([command, queue], check=True, capture_output=True, timeout=30)


def test_a_failed_print_keeps_the_receipt_and_the_reprint_is_a_copy(
    ctx: AppContext,
    spare_queue: str,  # noqa: F811  (the imported fixture)
    cups_pdf_printer,
) -> None:
    core, cashier = ctx.core, ctx.require_actor()
    core.payments.open_shift(cashier, 0)
    receipt = core.payments.sell(
        cashier,
        sale_form(LineInput("Sewa stan lantai 2 (1 bulan)", 1, 1_250_000), payer="Siti Rahayu"),
        cash(1_300_000),
    )  # committed when this returns

    # The receipt printer's queue is stopped.
    cups("cupsaccept", spare_queue)
    cups("cupsdisable", spare_queue)
    ctx.settings.set(RECEIPT_PRINTER, spare_queue)
    printer = DocumentPrinter(ctx)
    first, original_pdf = core.payments.receipt_pdf(cashier, receipt.number)
    assert first.print_count == 0 and "SALINAN" not in pdf_text(original_pdf)
    with pytest.raises(PrintError, match="berhenti"):
        printer.print_pdf(original_pdf, "receipt", receipt.number, None)
    # Refused before a job was made: nothing waits to come out once the queue runs.
    assert queued_jobs(spare_queue) == ""

    # The payment is in the database whatever the printer did: a new core (a
    # new connection, as after a restart) finds it whole.
    assert core.data_dir is not None
    again = open_core(core.data_dir)
    try:
        stored = again.payments.receipt(receipt.number)
        assert stored.id == receipt.id and stored.total == 1_250_000
        assert (stored.tendered, stored.change_given) == (1_300_000, 50_000)
        assert not stored.voided
        assert stored.print_count == 1  # the attempt counts: no second "original"
    finally:
        again.close()

    # The queue runs again: the reprint keeps the number and says SALINAN.
    cups("cupsenable", spare_queue)
    reprint, copy_pdf = core.payments.receipt_pdf(cashier, receipt.number)
    assert reprint.print_count == 1 and reprint.number == receipt.number
    text = pdf_text(copy_pdf)
    assert receipt.number in text
    assert terbilang(receipt.total) in text  # "satu juta dua ratus lima puluh ribu rupiah"
    assert "SALINAN" in text
    since = time.time()
    printer.print_pdf(copy_pdf, "receipt", receipt.number, None)
    printed = printed_job(cups_pdf_printer, since, receipt.number)
    assert len(PdfReader(printed).pages) == 1

    # The printed page is the copy: its size (the SALINAN stamp makes the roll
    # longer) and its ink, against both the copy and the original.
    original_size, copy_size = page_size(original_pdf), page_size(copy_pdf)
    assert copy_size[1] > original_size[1]
    assert page_size(printed) == pytest.approx(copy_size, abs=1.5)
    ink = dark_pixels(printed.read_bytes())
    copy_ink, original_ink = dark_pixels(copy_pdf), dark_pixels(original_pdf)
    assert covered(ink, copy_ink) > 0.97 and covered(copy_ink, ink) > 0.97
    assert covered(ink, original_ink) < 0.8

    assert core.payments.receipt(receipt.number).print_count == 2
    assert [r.number for r in core.payments.receipts(ReceiptFilter())] == [receipt.number]
