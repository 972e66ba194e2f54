"""A time of day typed the way people type it: "1400", "14:00", "14.00" and
"14" all mean 14:00, "930" is 09:30. One field, one Tab stop (not a QTimeEdit
with an hour and a minute section that Tab and Shift+Tab step through and that
a typed "14" in the minutes turns into a silent 15:14).

`parse_time` reads what was typed; `TimeField` is the line edit: it takes a
value as soon as what is typed is a whole time ("1400", "14:00"), and when the
field is left or Enter is pressed ("14" is 14:00 then), showing it as HH:MM; a
text that is no time goes back to the last time. The arrows, PageUp/PageDown
and the wheel step it (`step_by`, by the minutes given).

`DateField` is a QDateEdit that is one Tab stop: Tab leaves it instead of
walking through its day, month and year sections."""

from __future__ import annotations

import re

from PySide6.QtCore import QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator, QWheelEvent
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

DAY_MINUTES = 24 * 60
TYPED = r"\d{0,2}([:.]\d{0,2})?|\d{3,4}"  # what may be typed at all
WHOLE = re.compile(r"\d{4}|\d{1,2}[:.]\d{2}")  # a whole time, taken as it is typed
FIELD_PADDING = 22  # the frame, the padding and the cursor around "00:00"


def parse_time(text: str, *, end_of_day: bool = False) -> int | None:
    """Minutes after midnight of a typed time, or None. "14", "1400", "14:00" and
    "14.00" are 14:00, "930" 09:30; `end_of_day`: 24:00 (1440) too."""
    text = text.strip().replace(".", ":")
    if ":" in text:
        hours_text, minutes_text = text.split(":", 1)
        minutes_text = minutes_text or "0"
    elif len(text) <= 2:
        hours_text, minutes_text = text, "0"
    else:
        hours_text, minutes_text = text[:-2], text[-2:]
    if not (hours_text.isdigit() and minutes_text.isdigit()) or len(minutes_text) > 2:
        return None
    hours, minutes = int(hours_text), int(minutes_text)
    if minutes >= 60:
        return None
    value = hours * 60 + minutes
    return value if value < DAY_MINUTES or (end_of_day and value == DAY_MINUTES) else None


def time_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class TimeField(QLineEdit):
    """HH:MM typed freely (see the module); `time_changed(minutes)` when its time changes."""

    time_changed = Signal(int)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        end_of_day: bool = False,
        step_minutes: int = 30,
        style: str = "",
    ) -> None:
        super().__init__(parent)
        if style:
            self.setStyleSheet(style)
        self._end_of_day = end_of_day
        self.step_minutes = step_minutes
        self._minutes = 0
        self.setValidator(QRegularExpressionValidator(QRegularExpression(TYPED), self))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ensurePolished()  # (the style sheet's padding and font)
        metrics = self.fontMetrics()
        frame = super().sizeHint().width() - 17 * metrics.horizontalAdvance("x")  # Qt's hint
        self.setFixedWidth(metrics.horizontalAdvance("00:00") + max(frame, FIELD_PADDING) + 4)
        self.setText(time_text(0))
        self.textEdited.connect(self._on_edited)
        self.editingFinished.connect(self.settle)

    def minutes(self) -> int:
        return self._minutes

    def set_minutes(self, minutes: int) -> None:
        """Show a time (minutes after midnight); `time_changed` if it is another."""
        self.setText(time_text(minutes))
        self._take(minutes)

    def _take(self, minutes: int) -> None:
        if minutes != self._minutes:
            self._minutes = minutes
            self.time_changed.emit(minutes)

    def set_text(self, text: str) -> None:
        """Show a time kept as text ("08:00"); one that is no time shows as it is."""
        value = parse_time(text, end_of_day=self._end_of_day)
        if value is None:
            self.setText(text)
        else:
            self.set_minutes(value)

    def typed_text(self) -> str:
        """What was typed, as HH:MM if it is a time ("1400": "14:00"), else as it is
        (for a service that says what is wrong with it)."""
        value = parse_time(self.text(), end_of_day=self._end_of_day)
        return self.text() if value is None else time_text(value)

    @Slot(str)
    def _on_edited(self, text: str) -> None:
        if WHOLE.fullmatch(text.strip()):
            value = parse_time(text, end_of_day=self._end_of_day)
            if value is not None:
                self._take(value)

    @Slot()
    def settle(self) -> None:
        """Read what was typed ("14" is 14:00) and show it as HH:MM; no time: the last one."""
        value = parse_time(self.text(), end_of_day=self._end_of_day)
        self.set_minutes(self._minutes if value is None else value)

    def last_minutes(self) -> int:
        """The latest time a step may reach."""
        return DAY_MINUTES if self._end_of_day else DAY_MINUTES - self.step_minutes

    def step_by(self, steps: int) -> None:
        """To the next (or the previous) multiple of the step: 10:15 up is 10:30."""
        self.settle()
        now, step = self._minutes, self.step_minutes
        target = (now // step + steps) * step if steps > 0 else (-(-now // step) + steps) * step
        self.set_minutes(max(0, min(self.last_minutes(), target)))
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        steps = {
            Qt.Key.Key_Up: 1,
            Qt.Key.Key_Down: -1,
            Qt.Key.Key_PageUp: 2,
            Qt.Key.Key_PageDown: -2,
        }.get(Qt.Key(event.key()))
        if steps is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.step_by(steps)
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if not self.hasFocus():
            event.ignore()  # the form scrolls; a time is not changed by passing over it
            return
        delta = event.angleDelta().y()
        if delta:
            self.step_by(1 if delta > 0 else -1)
        event.accept()


class DateField(QDateEdit):
    """A date edit Tab and Shift+Tab leave at once (its sections are chosen with
    the mouse or Left/Right; the arrows Up/Down step the one under the cursor)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt override
        return QWidget.focusNextPrevChild(self, next)
