"""Constants, fakes and small helpers shared by the UI tests."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from smesco_desk.domain.charges import LineInput
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core, open_core
from smesco_desk.values.payments import ChargeForm, PayerForm, PaymentForm, ReceiptRecord
from ui.context import AppContext
from ui.operations import OperationRunner
from ui.printing import PrintError
from ui.settings import UiSettings

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "rahasia-admin-1"
USER_PASSWORD = "rahasia-user-1"

W = TypeVar("W", bound=QWidget)


def make_actor(core: Core, admin: Actor, role: Role, username: str) -> Actor:
    """A user of `role`, created by the administrator, logged in."""
    core.users.create(admin, username, username.title(), USER_PASSWORD, role.value)
    return core.users.authenticate(username, USER_PASSWORD)


def open_desk(folder: Path) -> tuple[Core, Actor]:
    """A new desk D01 and its administrator, logged in (for a module's data set)."""
    core = open_core(folder)
    core.setup.initialize("D01")
    core.setup.create_first_admin(ADMIN_USERNAME, "Admin Satu", ADMIN_PASSWORD)
    return core, core.users.authenticate(ADMIN_USERNAME, ADMIN_PASSWORD)


def desk_context(desk: tuple[Core, Actor], folder: Path, synchronous: bool = True) -> AppContext:
    """A context over a shared desk, with its own settings file in `folder`."""
    core, actor = desk
    settings = UiSettings(QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
    return AppContext(core, OperationRunner(synchronous=synchronous), settings, actor)


@dataclass
class FakePrinter:
    """Stands in for ui.printing.DocumentPrinter (the `printer` fixture); real
    printing is tested against CUPS in test_printing and test_receipt_printing."""

    jobs: list[tuple[str, str]] = field(default_factory=list)
    pdfs: list[bytes] = field(default_factory=list)
    fail_with: str = ""

    def printer_name(self, kind: str) -> str:
        return f"Fake-{kind}"

    def print_pdf(self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None) -> None:
        assert pdf.startswith(b"%PDF")
        if self.fail_with:
            raise PrintError(self.fail_with)
        self.jobs.append((kind, title))
        self.pdfs.append(pdf)

    def preview(self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None) -> None:
        self.jobs.append((f"preview:{kind}", title))

    def save_pdf(self, pdf: bytes, suggested_name: str, parent: QWidget | None = None) -> None:
        self.jobs.append(("save", suggested_name))
        self.pdfs.append(pdf)


def pdf_text(pdf: bytes | Path) -> str:
    """The text of every page, white space folded."""
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(source).pages).split())


def activate(qtbot, widget: QWidget) -> None:
    """A shown window, active (keys go where the keyboard focus is)."""
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def show_active(qtbot, widget: W, width: int = 0, height: int = 0) -> W:
    """Show a new top-level widget (closed after the test), resized if asked, active."""
    qtbot.addWidget(widget)
    if width and height:
        widget.resize(width, height)
    widget.show()
    activate(qtbot, widget)
    return widget


def sell(
    core: Core,
    actor: Actor,
    payer: str = "Budi Santoso",
    price: int = 3_000,
    quantity: int = 1,
    method: str = "cash",
    tendered: int | None = None,
) -> ReceiptRecord:
    """A sale straight through the core (colour prints at `price` each)."""
    form = ChargeForm(
        PayerForm("visitor", payer),
        "service",
        (LineInput("Cetak warna A4", quantity, price, unit="lembar"),),
    )
    reference = "" if method == "cash" else "REF-0001"
    return core.payments.sell(actor, form, PaymentForm(method, tendered, reference))


@contextmanager
def app_style(qapp: QApplication) -> Iterator[None]:
    """The application's style sheet on for the block (sizes as a person sees them)."""
    from ui.app import load_style_sheet

    old = qapp.styleSheet()
    qapp.setStyleSheet(load_style_sheet())
    try:
        yield
    finally:
        qapp.setStyleSheet(old)


FOCUS_RING = QColor("#e08a00")  # resources/style.qss


def ring_pixels(image: QImage) -> int:
    """How many pixels are (nearly) the focus ring's amber."""
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if abs(colour.red() - FOCUS_RING.red()) + abs(colour.green() - FOCUS_RING.green()) \
                    + abs(colour.blue() - FOCUS_RING.blue()) < 40:
                count += 1
    return count
