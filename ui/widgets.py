"""Small widgets shared by several pages: a coloured status banner, a rupiah
field, buttons with a long and a short text, and `set_flag` for style-sheet
properties."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.money import format_rupiah

# The mixin of the two fitting buttons is a button to the type checker, a plain
# class at run time (the Qt class comes after it in each button's bases).
if TYPE_CHECKING:
    _ButtonBase = QAbstractButton
else:
    _ButtonBase = object
MAX_RUPIAH_DIGITS = 13  # Rp9.999.999.999.999: above anything a desk takes


def note_label(text: str, parent: QWidget) -> QLabel:
    """A note: smaller, grey, wrapped (style sheet: QLabel#note_label)."""
    label = QLabel(text, parent)
    label.setObjectName("note_label")
    label.setWordWrap(True)
    return label


class ElidedLabel(QLabel):
    """A one-line note that never widens its window: it takes the room it is
    given and ends in "…" when its text is longer (the whole text in its tooltip)."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.setObjectName("note_label")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                              rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), shown)


def labelled_row(text: str, field: QWidget, parent: QWidget) -> QHBoxLayout:
    """A label (its access key goes to `field`) and the field, which takes the rest."""
    label = QLabel(text, parent)
    label.setBuddy(field)
    row = QHBoxLayout()
    row.addWidget(label)
    row.addWidget(field, 1)
    return row


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


class RupiahEdit(QLineEdit):
    """A line edit for whole rupiah: digits in, `Rp1.250.000` shown as they are typed.
    `value()` is None while empty; anything but digits is dropped as it is typed
    or pasted (so "Rp 50.000" pastes as 50000)."""

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
        digits = "".join(c for c in text if c.isdigit())[:MAX_RUPIAH_DIGITS]
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


# Buttons with a long text for when there is room and a short one for when not:
# the size hint asks for the long text, the minimum only for the short one, so a
# narrow window (1024 px desks) shrinks the button instead of growing wider than
# the screen. The long text stays in the tooltip and the accessible name.


def _text_width(button: QAbstractButton, text: str) -> int:
    return int(button.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, text).width())


def _hint_for(button: QAbstractButton, base: QSize, text: str) -> QSize:
    """`base` (the hint for the current text) were `text` shown instead."""
    width = base.width() + _text_width(button, text) - _text_width(button, button.text())
    return QSize(width, base.height())


def _set_texts(button: QAbstractButton, long_text: str, short_text: str) -> None:
    # Preferred, not the push button's Minimum: it may shrink to the short text.
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    plain = long_text.replace("&&", "&")
    button.setToolTip(plain if short_text != long_text else "")
    button.setAccessibleName(plain)
    button.updateGeometry()


def _choose_text(button: QAbstractButton, long_text: str, short_text: str) -> None:
    text = long_text if button.width() >= button.sizeHint().width() else short_text
    if text != button.text():
        button.setText(text)


class _TwoTexts(_ButtonBase):
    """What a button with a long and a short text (`_long`, `_short`) does: its
    size hints are those of the long and the short text; it shows the long one
    when it fits."""

    _long: str
    _short: str

    def long_text(self) -> str:
        return self._long

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return _hint_for(self, super().sizeHint(), self._long)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return _hint_for(self, super().sizeHint(), self._short)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        _choose_text(self, self._long, self._short)


class FittingButton(_TwoTexts, QPushButton):
    """A push button with a long and a short text (the long one when it fits)."""

    def __init__(self, long_text: str, short_text: str, parent: QWidget | None = None) -> None:
        super().__init__(long_text, parent)
        self._long, self._short = long_text, short_text
        self.set_texts(long_text, short_text)

    def set_texts(self, long_text: str, short_text: str) -> None:
        self._long, self._short = long_text, short_text
        _set_texts(self, long_text, short_text)
        _choose_text(self, long_text, short_text)


class FittingToolButton(_TwoTexts, QToolButton):
    """A tool button (e.g. one with a menu of alternatives) with a long and a short text."""

    def __init__(self, long_text: str, short_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(long_text)
        self._long, self._short = long_text, short_text
        _set_texts(self, long_text, short_text)


class FittingLineEdit(QLineEdit):
    """A line edit with a long placeholder for when there is room and a short one
    for when not (a narrow window), so the hint is never cut."""

    def __init__(self, long_hint: str, short_hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hints = (long_hint, short_hint)
        self.setPlaceholderText(long_hint)
        self.setToolTip(long_hint)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        long_hint, short_hint = self._hints
        room = self.width() - 40  # the frame, the padding and the clear button
        fits = self.fontMetrics().horizontalAdvance(long_hint) <= room
        self.setPlaceholderText(long_hint if fits else short_hint)


def plain_scroll(parent: QWidget, inner: QWidget, name: str) -> QScrollArea:
    """`inner` in a scroll area that shows nothing of itself (no frame, the
    background of what is around it) and scrolls only up and down."""
    scroll = QScrollArea(parent)
    scroll.setObjectName(name)
    scroll.setWidget(inner)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setStyleSheet(
        f"QScrollArea#{name}, QWidget#{inner.objectName()} {{ background: transparent; }}"
    )
    return scroll
