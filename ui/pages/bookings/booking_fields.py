"""Small parts of the booking dialogs: a time field that steps by half hours,
and the WIB moments a date and two times stand for."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtWidgets import QWidget

from smesco_desk.clock import WIB
from ui.time_field import TimeField

STEP_MINUTES = 30


class HalfHourEdit(TimeField):
    """HH:MM typed freely ("1400", "14.00", "14": ui.time_field); the arrows,
    PageUp/PageDown and the wheel move to the next or the previous half hour (a
    typed 10:15 stays 10:15). 00:00 (or 24:00) as an end is midnight."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, step_minutes=STEP_MINUTES)

    def set_minutes(self, minutes: int) -> None:
        super().set_minutes(max(0, min(24 * 60 - 1, minutes)))

    def stepBy(self, steps: int) -> None:  # noqa: N802 - the QTimeEdit name callers know
        self.step_by(steps)


def wib_times(day: date, start_minutes: int, end_minutes: int) -> tuple[datetime, datetime]:
    """The start and end of a booking on a WIB day; an end at 00:00 after a
    later start is midnight at the end of that day."""
    midnight = datetime.combine(day, time(0, 0), tzinfo=WIB)
    starts = midnight + timedelta(minutes=start_minutes)
    ends = midnight + timedelta(minutes=end_minutes)
    if end_minutes == 0 and start_minutes > 0:
        ends += timedelta(days=1)
    return starts, ends
