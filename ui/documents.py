"""What the pages need of a printer, and the base of their documents helpers.

A page's documents helper (badges and the muster list, receipts and cash-up
reports) has the core make a PDF on the worker, then hands the bytes to a
printer on the UI thread. The printer is a ui.printing.DocumentPrinter, made
when first needed; tests pass a fake that has the same four methods.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.printing import DocumentPrinter, PreviewOutcome

Done = Callable[[bool], None]  # True: sent to the printer (not only previewed or saved)
Failed = Callable[[BaseException], None]


class DocumentPrinterLike(Protocol):
    """What the pages need of ui.printing.DocumentPrinter (tests pass a fake)."""

    def printer_name(self, kind: str) -> str: ...

    def print_pdf(
        self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None
    ) -> None: ...

    def preview(
        self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None
    ) -> object: ...  # ui.printing.PreviewOutcome (a fake may give None)

    def save_pdf(
        self, pdf: bytes, suggested_name: str, parent: QWidget | None = None
    ) -> object: ...


class PageDocuments(QObject):
    """The documents of one page, through one printer. Callbacks run on the UI
    thread; a print that fails is reported and changes nothing already saved."""

    def __init__(
        self, ctx: AppContext, widget: QWidget, printer: DocumentPrinterLike | None = None
    ) -> None:
        super().__init__(widget)
        self._ctx = ctx
        self._widget = widget
        self._printer = printer

    def printer(self) -> DocumentPrinterLike:
        if self._printer is None:
            self._printer = DocumentPrinter(self._ctx, self)
        return self._printer

    def printer_name(self, kind: str) -> str:
        """The printer documents of `kind` go to (the set one, or the default)."""
        return self.printer().printer_name(kind)

    def _preview_then(self, pdf: bytes, kind: str, title: str, done: Done, failed: Failed) -> None:
        """The preview; `done(True)` if the person printed from it."""
        outcome: list[object] = []
        self._guard(
            lambda: outcome.append(self.printer().preview(pdf, kind, title, self._widget)),
            lambda: done(isinstance(outcome[0], PreviewOutcome) and outcome[0].printed),
            failed,
        )

    @staticmethod
    def _guard(action: Callable[[], object], done: Callable[[], None], failed: Failed) -> None:
        """Run a printer action; its failure goes to `failed`, never up the stack
        (a printer problem must not lose the visit or the receipt)."""
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - reported to the person by `failed`
            failed(exc)
        else:
            done()
