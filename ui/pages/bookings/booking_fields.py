"""Small parts of the booking dialogs: a time field that steps by half hours,
and the WIB moments a date and two times stand for."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QAbstractSpinBox, QTimeEdit, QWidget

from smesco_desk.clock import WIB

STEP_MINUTES = 30
LAST_STEP = 24 * 60 - STEP_MINUTES


class HalfHourEdit(QTimeEdit):
    """HH:MM; the arrows, PageUp/PageDown and the wheel move to the next or the
    previous half hour (a typed 10:15 stays 10:15). 00:00 as an end is midnight."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        self.setWrapping(False)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)

    def minutes(self) -> int:
        value = self.time()
        return value.hour() * 60 + value.minute()

    def set_minutes(self, minutes: int) -> None:
        minutes = max(0, min(24 * 60 - 1, minutes))
        self.setTime(QTime(minutes // 60, minutes % 60))

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        now = self.minutes()
        if steps > 0:
            target = (now // STEP_MINUTES + steps) * STEP_MINUTES
        else:
            target = (-(-now // STEP_MINUTES) + steps) * STEP_MINUTES
        self.set_minutes(max(0, min(LAST_STEP, target)))

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 - Qt override
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.minutes() > 0:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        if self.minutes() < LAST_STEP:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        return flags


def wib_times(day: date, start_minutes: int, end_minutes: int) -> tuple[datetime, datetime]:
    """The start and end of a booking on a WIB day; an end at 00:00 after a
    later start is midnight at the end of that day."""
    midnight = datetime.combine(day, time(0, 0), tzinfo=WIB)
    starts = midnight + timedelta(minutes=start_minutes)
    ends = midnight + timedelta(minutes=end_minutes)
    if end_minutes == 0 and start_minutes > 0:
        ends += timedelta(days=1)
    return starts, ends
