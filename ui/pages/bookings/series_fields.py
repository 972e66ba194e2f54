"""The "Ulangi" section of the booking dialog: how a booking repeats.

Not repeating (the default), daily, weekly on the weekdays ticked, or monthly
on a day of the month; until a date or a number of times. `rule()` gives the
`SeriesRule` the core takes (smesco_desk.domain.booking_series), or None when
the booking does not repeat. The weekday, the day of the month and the end
date follow the booking's date until the person changes them.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QObject, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from smesco_desk.domain.booking_series import MAX_OCCURRENCES, Frequency, SeriesRule
from smesco_desk.domain.bookings import WEEKDAYS
from ui.forms import FieldErrors, with_error
from ui.models.week_bookings_model import day_name
from ui.time_field import DateField

DEFAULT_WEEKS = 4  # the end date first offered: four weeks after the booking's date
DEFAULT_COUNT = 4


def _row(parent: QWidget, *widgets: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return box


class SeriesFields(QObject):
    """Adds its rows ("Ulangi", the weekdays, "Sampai") to a form; `changed`
    when the rule changes."""

    changed = Signal()

    def __init__(self, dialog: QWidget, form: QFormLayout, errors: FieldErrors) -> None:
        super().__init__(dialog)
        self._form = form
        self._first_day: date | None = None
        self._weekdays_touched = self._month_day_touched = self._until_touched = False
        self.frequency_combo = QComboBox(dialog)
        self.frequency_combo.setObjectName("series_frequency_combo")
        for text, value in (
            (self.tr("Tidak berulang"), ""),
            (self.tr("Harian"), Frequency.DAILY.value),
            (self.tr("Mingguan pada hari…"), Frequency.WEEKLY.value),
            (self.tr("Bulanan pada tanggal…"), Frequency.MONTHLY.value),
        ):
            self.frequency_combo.addItem(text, value)
        self.month_day_spin = QSpinBox(dialog)
        self.month_day_spin.setObjectName("series_month_day_spin")
        self.month_day_spin.setRange(1, 31)
        self.month_day_spin.setPrefix(self.tr("tanggal "))
        self.weekday_checks: list[QCheckBox] = []
        for number, _day in enumerate(WEEKDAYS):
            check = QCheckBox(day_name(number), dialog)
            check.setObjectName(f"series_weekday_{WEEKDAYS[number]}")
            self.weekday_checks.append(check)
        self.until_radio = QRadioButton(self.tr("s&ampai tanggal"), dialog)
        self.until_radio.setObjectName("series_until_radio")
        self.until_edit = DateField(dialog)
        self.until_edit.setObjectName("series_until_edit")
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("ddd, dd-MM-yyyy")
        self.count_radio = QRadioButton(self.tr("seban&yak"), dialog)
        self.count_radio.setObjectName("series_count_radio")
        self.count_spin = QSpinBox(dialog)
        self.count_spin.setObjectName("series_count_spin")
        self.count_spin.setRange(1, MAX_OCCURRENCES)
        self.count_spin.setValue(DEFAULT_COUNT)
        self.count_spin.setSuffix(self.tr(" kali"))
        ends = QButtonGroup(self)
        ends.addButton(self.until_radio)
        ends.addButton(self.count_radio)
        self.until_radio.setChecked(True)
        width = max(self.until_radio.sizeHint().width(), self.count_radio.sizeHint().width())
        for radio in (self.until_radio, self.count_radio):
            radio.setMinimumWidth(width)  # the date and the number one under the other
        self._add_rows(dialog, errors)
        self._connect()
        self._on_ends_changed()
        self._on_frequency_changed()

    def _add_rows(self, dialog: QWidget, errors: FieldErrors) -> None:
        label = QLabel(self.tr("U&langi"), dialog)
        label.setBuddy(self.frequency_combo)
        self.frequency_row = with_error(
            _row(dialog, self.frequency_combo, self.month_day_spin),
            errors.add("frequency"),
            errors.add("month_day"),
        )
        self._form.addRow(label, self.frequency_row)
        self.weekdays_row = with_error(_row(dialog, *self.weekday_checks), errors.add("weekdays"))
        self._form.addRow("", self.weekdays_row)
        ends_label = QLabel(self.tr("Berakhir"), dialog)
        ends_label.setBuddy(self.until_radio)
        self.ends_row = with_error(
            _row(dialog, self.until_radio, self.until_edit),
            errors.add("until"),
            _row(dialog, self.count_radio, self.count_spin),
            errors.add("count"),
        )
        self._form.addRow(ends_label, self.ends_row)

    def _connect(self) -> None:
        self.frequency_combo.currentIndexChanged.connect(self._on_frequency_changed)
        for check in self.weekday_checks:
            check.toggled.connect(self._touch_weekdays)
        self.month_day_spin.valueChanged.connect(self._touch_month_day)
        self.until_edit.dateChanged.connect(self._touch_until)
        for signal in (self.until_radio.toggled, self.count_spin.valueChanged):
            signal.connect(self._on_ends_changed)

    # --- the rule ------------------------------------------------------------------

    def frequency(self) -> str:
        return str(self.frequency_combo.currentData() or "")

    def set_frequency(self, frequency: str) -> None:
        self.frequency_combo.setCurrentIndex(max(0, self.frequency_combo.findData(frequency)))

    def rule(self) -> SeriesRule | None:
        """The rule as chosen; None: the booking does not repeat."""
        frequency = self.frequency()
        if not frequency:
            return None
        weekly, monthly = frequency == Frequency.WEEKLY, frequency == Frequency.MONTHLY
        chosen = tuple(d for d, c in zip(WEEKDAYS, self.weekday_checks, strict=True)
                       if c.isChecked())
        until = self.until_edit.date()
        return SeriesRule(
            frequency=frequency,
            weekdays=chosen if weekly else (),
            month_day=self.month_day_spin.value() if monthly else None,
            until=date(until.year(), until.month(), until.day())
            if self.until_radio.isChecked() else None,
            count=self.count_spin.value() if self.count_radio.isChecked() else None,
        )

    def set_first_day(self, day: date) -> None:
        """The booking's date: what the weekday, the day of the month and the end
        date follow while the person has not changed them."""
        self._first_day = day
        if not self._weekdays_touched:
            for number, check in enumerate(self.weekday_checks):
                check.blockSignals(True)
                check.setChecked(number == day.weekday())
                check.blockSignals(False)
        if not self._month_day_touched:
            self.month_day_spin.blockSignals(True)
            self.month_day_spin.setValue(day.day)
            self.month_day_spin.blockSignals(False)
        self.until_edit.blockSignals(True)
        self.until_edit.setMinimumDate(QDate(day.year, day.month, day.day))
        if not self._until_touched:
            until = day + timedelta(weeks=DEFAULT_WEEKS)
            self.until_edit.setDate(QDate(until.year, until.month, until.day))
        self.until_edit.blockSignals(False)

    def field_widgets(self) -> dict[str, QWidget]:
        return {
            "frequency": self.frequency_combo,
            "month_day": self.month_day_spin,
            "weekdays": self.weekday_checks[0],
            "until": self.until_edit,
            "count": self.count_spin,
        }

    # --- changes ---------------------------------------------------------------------

    @Slot()
    def _on_frequency_changed(self) -> None:
        frequency = self.frequency()
        self.month_day_spin.setVisible(frequency == Frequency.MONTHLY)
        self._form.setRowVisible(self.weekdays_row, frequency == Frequency.WEEKLY)
        self._form.setRowVisible(self.ends_row, bool(frequency))
        self.changed.emit()

    @Slot()
    def _on_ends_changed(self) -> None:
        self.until_edit.setEnabled(self.until_radio.isChecked())
        self.count_spin.setEnabled(self.count_radio.isChecked())
        self.changed.emit()

    @Slot()
    def _touch_weekdays(self) -> None:
        self._weekdays_touched = True
        self.changed.emit()

    @Slot()
    def _touch_month_day(self) -> None:
        self._month_day_touched = True
        self.changed.emit()

    @Slot()
    def _touch_until(self) -> None:
        self._until_touched = True
        self.changed.emit()
