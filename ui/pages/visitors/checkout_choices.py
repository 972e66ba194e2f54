"""The people the check-out field offers when what was typed is not a badge.

A visitor who lost their badge is found by name, phone or the badge's short
number; the field then offers the matching people inside, one button each
(one match: that person, to confirm), and a Cancel. An old badge of someone
given a new one offers the check-out of the current visit the same way.
Up/Down move between the buttons, Enter picks, Escape cancels.

A key that types text (a digit, a letter, a space) is never an answer: the
buttons hand it on (`typing`) for the field, and the field drops the offer.
The first button has the focus, and a badge scanner types the next badge,
then Enter: without this, that Enter would confirm the person offered.

A button's text starts with the person's name and ends in "…" when it is
longer than the button (a push button would cut both ends of it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.values.visitors import VisitRecord

SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def types_text(event: QKeyEvent) -> bool:
    """A key that puts text in a field (Space too: here it is typing, not a press)."""
    text = event.text()
    return bool(text) and text.isprintable() and not event.modifiers() & SHORTCUT_MODIFIERS


class ChoiceButton(QPushButton):
    """A push button whose text, when longer than the button, shows its start
    and ends in "…" (the whole text in its tooltip); it never widens its window."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, super().minimumSizeHint().height())

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return option

    def shown_text(self) -> str:
        """The text as painted: the start of it, up to what the button holds."""
        option = self._option()
        room = self.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, self
        ).width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room - 4)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        option = self._option()
        option.text = self.shown_text()
        QStylePainter(self).drawControl(QStyle.ControlElement.CE_PushButton, option)


class CheckOutChoices(QFrame):
    """Emits `chosen` with the VisitRecord picked, or `cancelled`, or `typing`
    with a key typed on a button (the field takes it and drops the offer)."""

    chosen = Signal(object)  # VisitRecord
    cancelled = Signal()
    typing = Signal(object)  # QKeyEvent of a key that types text, for the field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkout_choices")
        self.prompt_label = QLabel(self)
        self.prompt_label.setObjectName("checkout_choices_prompt")
        self.prompt_label.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(self.prompt_label)
        self.buttons: list[ChoiceButton] = []
        self.setVisible(False)

    def offer(self, prompt: str, visits: list[VisitRecord], one_label: str = "") -> None:
        """Show `prompt` and a button per visit (`one_label` on the button when
        there is one visit to confirm), then Cancel; the first button has the focus."""
        self.clear()
        self.prompt_label.setText(prompt)
        self.prompt_label.setVisible(bool(prompt))
        for visit in visits:
            text = one_label if one_label and len(visits) == 1 else self.describe(visit)
            self._add_button(text, partial(self.chosen.emit, visit))
        cancel = self._add_button(self.tr("Batal"), self.cancelled.emit)
        cancel.setObjectName("checkout_choice_cancel")
        self.setVisible(True)
        self.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def describe(self, visit: VisitRecord) -> str:
        parts = [visit.name, visit.badge_number]
        if visit.organisation:
            parts.append(visit.organisation)
        parts.append(
            self.tr("masuk {time}").format(time=to_wib(visit.checked_in_at).strftime("%H:%M"))
        )
        return " · ".join(parts)

    def _add_button(self, text: str, slot: Callable[[], object]) -> ChoiceButton:
        button = ChoiceButton(text, self)
        button.setObjectName("checkout_choice_button")
        button.setAutoDefault(True)  # Enter presses the button that has the focus
        button.clicked.connect(lambda _checked=False: slot())
        button.installEventFilter(self)
        self._layout.addWidget(button)
        self.buttons.append(button)
        return button

    def clear(self) -> None:
        for button in self.buttons:
            button.removeEventFilter(self)
            button.hide()
            button.deleteLater()
        self.buttons = []
        self.prompt_label.clear()
        self.setVisible(False)

    def is_offering(self) -> bool:
        return bool(self.buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        pressed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if pressed and watched in self.buttons:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(watched, 1 if key == Qt.Key.Key_Down else -1)
                return True
            if key == Qt.Key.Key_Escape:
                self.cancelled.emit()
                return True
            if types_text(event):  # type: ignore[arg-type]
                self.typing.emit(event)
                return True
        return super().eventFilter(watched, event)

    def _move(self, watched: QObject, step: int) -> None:
        index = self.buttons.index(watched)  # type: ignore[arg-type]
        self.buttons[(index + step) % len(self.buttons)].setFocus(Qt.FocusReason.TabFocusReason)
