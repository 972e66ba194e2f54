"""Small widgets shared by several pages."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QPushButton, QSizePolicy, QToolButton, QWidget

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


class FittingButton(QPushButton):
    """A push button with a long and a short text (the long one when it fits)."""

    def __init__(self, long_text: str, short_text: str, parent: QWidget | None = None) -> None:
        super().__init__(long_text, parent)
        self._long, self._short = long_text, short_text
        self.set_texts(long_text, short_text)

    def set_texts(self, long_text: str, short_text: str) -> None:
        self._long, self._short = long_text, short_text
        _set_texts(self, long_text, short_text)
        _choose_text(self, long_text, short_text)

    def long_text(self) -> str:
        return self._long

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return _hint_for(self, super().sizeHint(), self._long)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return _hint_for(self, super().sizeHint(), self._short)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        _choose_text(self, self._long, self._short)


class FittingToolButton(QToolButton):
    """A tool button (e.g. one with a menu of alternatives) with a long and a short text."""

    def __init__(self, long_text: str, short_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(long_text)
        self._long, self._short = long_text, short_text
        _set_texts(self, long_text, short_text)

    def long_text(self) -> str:
        return self._long

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return _hint_for(self, super().sizeHint(), self._long)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return _hint_for(self, super().sizeHint(), self._short)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        _choose_text(self, self._long, self._short)
