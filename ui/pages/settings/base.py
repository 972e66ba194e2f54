"""What every settings page is: an OptionsPage with `load()` and `save()`."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QWidget

from ui.context import AppContext

FORM_MAX_WIDTH = 760


class OptionsPage(QWidget):
    """One tab: `load()` fills the widgets, `save()` stores them.

    `saved` is emitted once the values are stored (at once for local
    options, after the operation for database settings).
    """

    name = ""
    saves = True  # False: the page has its own buttons (lists of things)
    says_saved = False  # True: the page says what it saved (the panel then says nothing)
    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"{self.name}_page")

    def title(self) -> str:
        raise NotImplementedError

    def load(self) -> None:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        return form

    def _narrow(self, content: QFormLayout) -> QWidget:
        """The form at a readable width instead of stretched across the window."""
        box = QWidget(self)
        box.setMaximumWidth(FORM_MAX_WIDTH)
        box.setLayout(content)
        content.setContentsMargins(0, 0, 0, 0)
        return box
