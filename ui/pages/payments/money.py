"""A line edit for rupiah amounts: digits in, `Rp1.250.000` shown as they are typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLineEdit, QWidget

from smesco_desk.domain.money import format_rupiah

MAX_DIGITS = 13  # Rp9.999.999.999.999: above anything a desk takes


class RupiahEdit(QLineEdit):
    """Whole rupiah only. `value()` is None while empty; anything but digits is
    dropped as it is typed or pasted (so "Rp 50.000" pastes as 50000)."""

    value_changed = Signal(object)  # int | None

    def __init__(self, parent: QWidget | None = None, placeholder: str = "Rp0") -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(placeholder)
        self.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.textEdited.connect(self._reformat)

    def value(self) -> int | None:
        digits = "".join(c for c in self.text() if c.isdigit())
        return int(digits) if digits else None

    def set_value(self, amount: int | None) -> None:
        """Show `amount` (None: empty); emits value_changed as typing would."""
        self.setText("" if amount is None else format_rupiah(amount))
        self.value_changed.emit(self.value())

    @Slot(str)
    def _reformat(self, text: str) -> None:
        cursor = self.cursorPosition()
        digits_before = sum(c.isdigit() for c in text[:cursor])
        digits = "".join(c for c in text if c.isdigit())[:MAX_DIGITS]
        shown = format_rupiah(int(digits)) if digits else ""
        if shown != text:
            self.setText(shown)
            self.setCursorPosition(_position_after(shown, digits_before))
        self.value_changed.emit(self.value())


def _position_after(text: str, digits: int) -> int:
    """The cursor position right after the `digits`-th digit of `text`."""
    if digits == 0:
        return next((i for i, c in enumerate(text) if c.isdigit()), len(text))
    seen = 0
    for i, c in enumerate(text):
        if c.isdigit():
            seen += 1
            if seen == digits:
                return i + 1
    return len(text)
