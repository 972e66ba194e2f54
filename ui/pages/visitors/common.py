"""Small pieces shared by the parts of the Visitors page."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from smesco_desk.errors import DomainError

# Page-specific looks on top of resources/style.qss (which styles the common widgets).
PAGE_STYLE = """
QFrame#registration_panel, QFrame#checkout_bar {
    background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px;
}
QTabWidget#visit_tabs::pane { padding: 8px; }
QLabel#section_label { font-size: 13pt; font-weight: 600; color: #1d5fa8; }
QLabel#hint_label { color: #5b6675; font-size: 9.5pt; }
QLabel#empty_label { color: #5b6675; font-size: 11pt; }
QLineEdit[invalid="true"], QComboBox[invalid="true"] {
    border: 2px solid #b42318; background: #fdf1f0; padding: 4px 7px;
}
QComboBox[invalid="true"] { padding-right: 25px; }
QCheckBox[invalid="true"] { color: #b42318; }
QLineEdit#scan_edit { font-size: 15pt; padding: 8px 12px; border: 2px solid #1d5fa8; }
QLineEdit#scan_edit[invalid="true"] { border: 2px solid #b42318; }
QLabel#scan_message_label { font-size: 12pt; }
QLabel#scan_message_label[kind="success"] { color: #1e7a46; font-weight: 600; }
QLabel#scan_message_label[kind="error"] { color: #b42318; font-weight: 600; }
QFrame#status_banner { border-radius: 6px; padding: 2px; }
QLabel#banner_headline_label { font-size: 12.5pt; font-weight: 600; }
QFrame#status_banner[kind="success"] { background: #e6f4ea; border: 1px solid #9fd3b0; }
QFrame#status_banner[kind="error"] { background: #fdecea; border: 1px solid #f1a7a0; }
QFrame#status_banner[kind="info"] { background: #eaf1fb; border: 1px solid #a9c5ea; }
QFrame#returning_chip {
    background: #eaf1fb; border: 1px solid #a9c5ea; border-radius: 12px;
}
QToolButton#unlink_button {
    border: 2px solid transparent; border-radius: 4px; padding: 1px 5px;
}
QToolButton#unlink_button:hover { background: #d3e3f6; }
QToolButton#unlink_button:focus { border-color: #e08a00; }
QListView#suggestion_list {
    background: #ffffff; border: 1px solid #8fa6c4; border-radius: 4px;
}
QListView#suggestion_list::item { padding: 5px 8px; border-bottom: 1px solid #eef1f5; }
QListView#suggestion_list::item:selected, QListView#suggestion_list::item:hover {
    background: #d3e3f6; color: #1f2a37;
}
"""


class DocumentPrinterLike(Protocol):
    """What the page needs of ui.printing.DocumentPrinter (tests pass a fake)."""

    def printer_name(self, kind: str) -> str: ...

    def print_pdf(
        self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None
    ) -> None: ...

    def preview(self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None) -> None: ...

    def save_pdf(
        self, pdf: bytes, suggested_name: str, parent: QWidget | None = None
    ) -> object: ...


def error_text(exc: BaseException) -> str:
    """A message for a person: a domain error as is, anything else briefly."""
    if isinstance(exc, DomainError):
        return exc.message
    return QCoreApplication.translate(
        "visitors", "Terjadi kesalahan yang tidak terduga ({error})."
    ).format(error=type(exc).__name__)


def set_flag(widget: QWidget, name: str, value: object) -> None:
    """Set a dynamic property the style sheet looks at, and restyle the widget."""
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class StatusBanner(QFrame):
    """A coloured line of news (success, error, info) with an optional action button."""

    action_triggered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_banner")
        self.headline_label = QLabel(self)
        self.headline_label.setObjectName("banner_headline_label")
        self.headline_label.setTextFormat(Qt.TextFormat.PlainText)
        self.label = QLabel(self)
        self.label.setObjectName("banner_label")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.action_button = QPushButton(self)
        self.action_button.setObjectName("banner_action_button")
        self.action_button.hide()
        self.action_button.clicked.connect(self.action_triggered)
        button_row = QHBoxLayout()
        button_row.setContentsMargins(0, 2, 0, 0)
        button_row.addWidget(self.action_button)
        button_row.addStretch(1)
        layout = QVBoxLayout(self)  # the button under the text: a long error never squeezes it
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.headline_label)
        layout.addWidget(self.label)
        layout.addLayout(button_row)
        self.hide()

    def show_message(self, kind: str, text: str, action: str = "", headline: str = "") -> None:
        """kind: success | error | info; `action` labels the button (none if empty)."""
        set_flag(self, "kind", kind)
        self.headline_label.setText(headline)
        self.headline_label.setVisible(bool(headline))
        self.label.setText(text)
        self.action_button.setText(action)
        self.action_button.setVisible(bool(action))
        self.show()

    def clear(self) -> None:
        self.headline_label.clear()
        self.label.clear()
        self.hide()

    def text(self) -> str:
        """Everything the banner says (for tests and accessibility)."""
        return " ".join(t for t in (self.headline_label.text(), self.label.text()) if t)

    def kind(self) -> str:
        return str(self.property("kind") or "")
