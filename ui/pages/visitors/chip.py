"""The returning-visitor chip under the Nama field of the registration form, and
when an edited name breaks the link to the returning visitor."""

from __future__ import annotations

from difflib import SequenceMatcher

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from smesco_desk.domain.text import fold, isolate


def same_person(typed: str, linked: str) -> bool:
    """Whether an edited name still plausibly names the linked returning visitor.

    Corrections (a typo, a last name added or dropped) keep the link; a
    different name breaks it, so a new person is never filed under an old one.
    """
    a, b = fold(typed), fold(linked)
    if not a:
        return False
    return a.startswith(b) or b.startswith(a) or SequenceMatcher(None, a, b).ratio() >= 0.8

class ReturningChip(QFrame):
    """"Tamu lama: <name> · N kunjungan sebelumnya", and a ✕ for "not this person".

    The text wraps instead of widening the form, and the ✕ stays in view; only a
    name longer than two lines of the chip is shortened (in full in the tooltip).
    Emits `unlink_requested` when the ✕ is pressed.
    """

    unlink_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("returning_chip")
        self._name, self._count = "", 0
        self.label = QLabel(self)
        self.label.setObjectName("returning_label")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        # Ignored: the label takes the width the form gives it, whatever its text.
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(1)
        self.unlink_button = QToolButton(self)
        self.unlink_button.setObjectName("unlink_button")
        self.unlink_button.setText("\u2715")
        self.unlink_button.setAutoRaise(True)
        self.unlink_button.setToolTip(self.tr("Bukan orang ini: daftarkan sebagai tamu baru"))
        self.unlink_button.clicked.connect(self.unlink_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 3, 4, 3)
        row.addWidget(self.label, 1)
        row.addWidget(self.unlink_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_visitor(self, name: str, visit_count: int) -> None:
        self._name, self._count = name, visit_count
        self._update_text()
        self.show()

    def text(self) -> str:
        return self.label.text()

    def _update_text(self) -> None:
        metrics = self.label.fontMetrics()
        room = max(2 * (self.label.width() - 8), metrics.averageCharWidth() * 16)
        name = metrics.elidedText(self._name, Qt.TextElideMode.ElideRight, room)
        self.label.setText(self.tr("Tamu lama: {name} · {count} kunjungan sebelumnya").format(
            name=isolate(name), count=self._count))
        self.label.setToolTip(self._name if name != self._name else "")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._update_text()  # the shortened name follows the width
