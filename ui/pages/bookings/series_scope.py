"""A booking that is an occurrence of a series, in the booking details: what
the series is ("Seri: mingguan (Sen, Rab) · 3 dari 8") and, when cancelling,
which of its occurrences go (SeriesScope: this one, this and the following
ones, the whole series; `core.bookings.cancel_series`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from smesco_desk.domain.booking_series import Frequency, SeriesScope
from smesco_desk.domain.bookings import WEEKDAYS
from smesco_desk.values.bookings import SeriesInfo
from ui.models.week_bookings_model import day_name


def series_text(info: SeriesInfo) -> str:
    """ "mingguan (Sen, Rab) · 3 dari 8", "harian · 1 dari 5", "bulanan (tanggal 9) · 2 dari 4"."""
    if info.frequency == Frequency.WEEKLY:
        days = ", ".join(day_name(WEEKDAYS.index(d)) for d in info.weekdays if d in WEEKDAYS)
        rule = QCoreApplication.translate("SeriesScope", "mingguan ({days})").format(days=days)
    elif info.frequency == Frequency.MONTHLY:
        rule = QCoreApplication.translate("SeriesScope", "bulanan (tanggal {day})").format(
            day=info.month_day or "-"
        )
    else:
        rule = QCoreApplication.translate("SeriesScope", "harian")
    return QCoreApplication.translate("SeriesScope", "{rule} · {n} dari {count}").format(
        rule=rule, n=info.number, count=info.count
    )


class SeriesScopeChoice(QWidget):
    """Which occurrences a cancellation takes: "Hanya yang ini" (the default),
    "Ini dan berikutnya (n)", "Seluruh seri (n)"; n: how many would go now."""

    def __init__(self, info: SeriesInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("series_scope_choice")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate("SeriesScope", "Batalkan jadwal seri yang mana?"), self
            )
        )
        self.buttons: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        for scope, text in (
            (SeriesScope.THIS, QCoreApplication.translate("SeriesScope", "Hanya yang &ini")),
            (
                SeriesScope.FOLLOWING,
                QCoreApplication.translate(
                    "SeriesScope", "Ini dan &berikutnya ({n} jadwal)"
                ).format(n=info.cancellable_following),
            ),
            (
                SeriesScope.ALL,
                QCoreApplication.translate("SeriesScope", "Seluruh s&eri ({n} jadwal)").format(
                    n=info.cancellable_all
                ),
            ),
        ):
            button = QRadioButton(text, self)
            button.setObjectName(f"series_scope_{scope.value}")
            group.addButton(button)
            layout.addWidget(button)
            self.buttons[scope.value] = button
        self.buttons[SeriesScope.THIS].setChecked(True)

    def scope(self) -> str:
        return next(s for s, b in self.buttons.items() if b.isChecked())

    def set_scope(self, scope: str) -> None:
        self.buttons[scope].setChecked(True)
