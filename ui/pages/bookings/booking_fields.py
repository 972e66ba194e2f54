"""Small parts of the booking dialogs: a time field that steps by half hours,
the WIB moments a date and two times stand for, the price lines as the
dialog lists them, its size on the screen, and asking before what was typed
is thrown away."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from smesco_desk.clock import WIB
from smesco_desk.domain.bookings import hours_text
from smesco_desk.domain.charges import ChargeTotals
from smesco_desk.values.bookings import SpaceInfo
from ui.pages.payments.common import rupiah
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


def space_note_text(space: SpaceInfo | None, day: date) -> str:
    """What the dialog says under the space: its capacity, hours that day, buffers."""
    if space is None:
        return ""
    return QCoreApplication.translate(
        "BookingDialog", "Kapasitas {n} orang · buka {hours} · jeda {setup} + {cleanup} menit"
    ).format(n=space.capacity, hours=hours_text(space.opening_hours, day),
             setup=space.setup_minutes, cleanup=space.cleanup_minutes)


def price_lines_text(totals: ChargeTotals | None) -> str:
    """One line per priced unit: "Ruang (per jam; 1,5 jam dihitung 2 jam): 2 jam × Rp100.000"."""
    lines = totals.lines if totals else ()
    return "\n".join(
        f"{a.line.description}: {a.line.quantity} {a.line.unit} × {rupiah(a.line.unit_price)}"
        for a in lines
        if a.line.unit_price
    )


def fit_screen(dialog: QWidget) -> None:
    """Roomy on a big screen, never taller than a 768-pixel desk screen."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    dialog.setMinimumSize(min(720, room.width() - 20), min(480, room.height() - 40))
    dialog.resize(min(860, room.width() - 40), min(560, room.height() - 60))


def confirm_discard(parent: QWidget) -> bool:
    """Throw away what was typed? "Tidak" is the default: a stray Enter keeps it."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("BookingDialog", "Buang isian?"),
        QCoreApplication.translate(
            "BookingDialog", "Pemesanan ini belum disimpan. Tutup dan buang isiannya?"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
