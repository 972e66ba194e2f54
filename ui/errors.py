"""Showing errors to people: domain errors as plain messages, bugs briefly.

A `DomainError` carries a message a receptionist understands: it is shown as
is. Anything else is a bug: a short apology, with the technical details one
click away ("Show details") for whoever fixes it, never a bare stack trace.
"""

from __future__ import annotations

import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from smesco_desk.errors import DomainError


def technical_details(exc: BaseException) -> str:
    """The traceback the worker recorded, or the one the exception carries."""
    recorded = getattr(exc, "__traceback_text__", None)
    if isinstance(recorded, str) and recorded:
        return recorded
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def error_box(parent: QWidget | None, exc: BaseException, title: str = "") -> QMessageBox:
    """A message box for `exc` (not shown yet)."""
    box = QMessageBox(parent)
    box.setObjectName("error_box")
    box.setWindowTitle(title or QCoreApplication.translate("errors", "Smesco Desk"))
    if isinstance(exc, DomainError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(exc.message)
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(QCoreApplication.translate("errors", "Terjadi kesalahan yang tidak terduga."))
        box.setInformativeText(
            QCoreApplication.translate(
                "errors",
                "Pekerjaan ini tidak selesai. Coba lagi; bila terulang, hubungi admin "
                "dan sertakan rinciannya.",
            )
        )
        box.setDetailedText(technical_details(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def error_text(exc: BaseException) -> str:
    """A message for a person: a domain error as is, anything else briefly."""
    if isinstance(exc, DomainError):
        return exc.message
    return QCoreApplication.translate(
        "errors", "Terjadi kesalahan yang tidak terduga ({error})."
    ).format(error=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """Show `exc` in a modal message box over `parent`."""
    error_box(parent, exc, title).exec()
