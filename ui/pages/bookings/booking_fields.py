"""Small parts of the booking dialogs: a time field that steps by half hours,
the WIB moments a date and two times stand for, the price lines as the
dialog lists them, its size on the screen, and asking before what was typed
is thrown away."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QWidget,
)

from smesco_desk.clock import WIB
from smesco_desk.domain.booking_series import SeriesRule, occurrences
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
    wide = max(860, dialog.sizeHint().width())  # a form that needs more: up to the screen's
    dialog.resize(min(wide, room.width() - 40), min(560, room.height() - 60))


class FormScroll(QScrollArea):
    """As wide as the form needs (it never scrolls sideways), as tall as it
    likes but content with a few rows."""

    def _width(self) -> int:
        inner = self.widget()
        bar = self.verticalScrollBar().sizeHint().width()
        return (inner.minimumSizeHint().width() if inner is not None else 0) + bar + 2

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._width(), 160)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        inner = self.widget()
        height = inner.sizeHint().height() if inner is not None else 160
        return QSize(self._width(), height + 2)


def scrolled_form(dialog: QWidget, form: QFormLayout) -> QScrollArea:
    """The form in a scroll area: its rows keep their height (never squeezed
    over one another) and the form scrolls when the screen is too low for it;
    the field with the keyboard is scrolled into view."""
    inner = QWidget(dialog)
    inner.setObjectName("booking_form")
    inner.setLayout(form)
    scroll = FormScroll(dialog)
    scroll.setObjectName("booking_form_scroll")
    scroll.setWidget(inner)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setStyleSheet(
        "QScrollArea#booking_form_scroll, QWidget#booking_form { background: transparent; }"
    )

    def follow(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and inner.isAncestorOf(new):
            scroll.ensureWidgetVisible(new, 8, 8)

    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.focusChanged.connect(follow)
        scroll.destroyed.connect(lambda _o=None: _disconnect(app, follow))
    scroll.updateGeometry()
    return scroll


def _disconnect(app: QObject, slot: object) -> None:
    with contextlib.suppress(RuntimeError, TypeError):
        app.focusChanged.disconnect(slot)  # type: ignore[attr-defined]


def grow_for_form(dialog: QWidget, scroll: QScrollArea) -> None:
    """Taller (within the screen) when the form grew (a row shown): what does
    not fit then scrolls. Done once the layout has taken the change."""

    def grow() -> None:
        inner = scroll.widget()
        layout = inner.layout() if inner is not None else None
        if inner is None or layout is None:
            return
        layout.activate()
        scroll.updateGeometry()
        missing = inner.sizeHint().height() - scroll.viewport().height()
        if missing <= 0:
            return
        screen = dialog.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        height = min(dialog.height() + missing, room.height() - 40)
        dialog.resize(dialog.width(), height)
        frame = dialog.frameGeometry()
        if dialog.isWindow() and frame.bottom() > room.bottom():
            dialog.move(frame.x(), max(room.top(), room.bottom() - frame.height()))

    QTimer.singleShot(0, dialog, grow)


def series_count(starts: datetime, ends: datetime, rule: SeriesRule | None) -> int | None:
    """How many times the booking takes place by the rule (None: it does not
    repeat, or the rule is not complete yet)."""
    if rule is None:
        return None
    try:
        return len(occurrences(starts, ends, rule))
    except ValueError:
        return None


def series_total_text(totals: ChargeTotals | None, count: int | None) -> str:
    """ "Seluruh seri: 4 jadwal × Rp888.000 = Rp3.552.000" (before any clash is skipped)."""
    if totals is None or not count:
        return ""
    return QCoreApplication.translate(
        "BookingDialog", "Seluruh seri: {n} jadwal × {price} = {total}"
    ).format(n=count, price=rupiah(totals.total), total=rupiah(count * totals.total))


def dialog_buttons(
    dialog: QWidget, save: Callable[[], None], discard: Callable[[], None]
) -> tuple[QHBoxLayout, QPushButton, QPushButton]:
    """The keys hint, "Batal" and "Simpan pemesanan" (the row, save, cancel).
    No button is Enter's default: the dialog's keyPressEvent handles Enter."""
    hint = QLabel(QCoreApplication.translate(
        "BookingDialog", "Enter: kolom berikutnya · Ctrl+Enter: simpan · Esc: tutup"), dialog)
    hint.setObjectName("hint_label")
    hint.setWordWrap(True)
    save_button = QPushButton(
        QCoreApplication.translate("BookingDialog", "&Simpan pemesanan"), dialog)
    save_button.setObjectName("save_button")
    save_button.setProperty("primary", True)
    save_button.setToolTip(QCoreApplication.translate("BookingDialog", "Ctrl+Enter"))
    save_button.clicked.connect(save)
    cancel_button = QPushButton(QCoreApplication.translate("BookingDialog", "Batal"), dialog)
    cancel_button.setObjectName("cancel_button")
    cancel_button.clicked.connect(discard)
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
    row = QHBoxLayout()
    row.addWidget(hint, 1)
    row.addWidget(cancel_button)
    row.addWidget(save_button)
    return row, save_button, cancel_button


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
