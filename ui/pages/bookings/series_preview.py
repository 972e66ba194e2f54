"""Saving a recurring booking: the occurrences shown before anything is saved.

`SeriesSave.start(form, rule)` asks `core.bookings.plan_series` (on the
worker) for every occurrence and what keeps it out, then opens
`SeriesPreviewDialog`: one line per occurrence, a clash in red naming the
booking in the way (its title, space, times and booker). The person goes back
to the booking dialog ("Kembali"), skips the clashing ones ("Lewati yang
bentrok") or, with none, saves them all; `core.bookings.book_series` books
them in one transaction through the operation runner.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.domain.booking_series import SeriesRule
from smesco_desk.values.bookings import (
    BookingForm,
    BookingRecord,
    SeriesBooking,
    SeriesOccurrence,
    SeriesPlan,
)
from ui.context import AppContext
from ui.models.values_table import ValuesTableModel
from ui.models.week_bookings_model import day_name
from ui.pages.payments.common import rupiah

CLASH_COLOUR = QColor("#b42318")
AnyIndex = QModelIndex | QPersistentModelIndex


def occurrence_note(occurrence: SeriesOccurrence) -> str:
    """Why an occurrence cannot be booked (naming the booking in the way and its
    booker), or "Bisa dipesan"."""
    if occurrence.free:
        return QCoreApplication.translate("SeriesPlanModel", "Bisa dipesan")
    clash = occurrence.clash
    if clash is None:
        return occurrence.problem
    return f"{occurrence.problem} ({clash.payer_name})"


class SeriesPlanModel(ValuesTableModel[SeriesOccurrence]):
    """The occurrences of a planned series; a clashing one in red."""

    def __init__(self, parent: QObject | None = None) -> None:
        def when(o: SeriesOccurrence) -> str:
            start = to_wib(o.starts_at)
            return f"{day_name(start.weekday())}, {start:%d-%m-%Y}"

        def times(o: SeriesOccurrence) -> str:
            return f"{to_wib(o.starts_at):%H:%M}–{to_wib(o.ends_at):%H:%M}"

        super().__init__(
            [
                (self.tr("No."), lambda o: str(o.number)),
                (self.tr("Tanggal"), when),
                (self.tr("Waktu"), times),
                (self.tr("Keterangan"), occurrence_note),
            ],
            parent,
            right=(0,),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            return CLASH_COLOUR if not self.value(index.row()).free else None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return occurrence_note(self.value(index.row()))
        return super().data(index, role)


class SeriesPreviewDialog(QDialog):
    """The occurrences before saving; accepted with `skip_clashes` set (True:
    "Lewati yang bentrok"), rejected by "Kembali"."""

    def __init__(self, parent: QWidget, plan: SeriesPlan, title: str, price: int = 0) -> None:
        super().__init__(parent)
        self.setObjectName("series_preview_dialog")
        self.setWindowTitle(self.tr("Periksa jadwal berulang"))
        self.plan = plan
        self.skip_clashes = False
        total, clashes = len(plan.occurrences), len(plan.clashes)
        free = total - clashes
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("series_summary_label")
        self.summary_label.setWordWrap(True)
        text = self.tr("{title}: {n} jadwal.").format(title=title, n=total)
        if clashes and not free:
            text += " " + self.tr("Semua bentrok (merah): kembali dan ubah waktunya.")
        elif clashes:
            text += " " + self.tr("{m} bentrok (merah): lewati, atau kembali dan ubah "
                                  "waktunya.").format(m=clashes)
        if price and free:  # what saving books: the free ones, each at the price
            text += " " + self.tr("Total seri: {n} × {price} = {total}.").format(
                n=free, price=rupiah(price), total=rupiah(free * price))
        self.summary_label.setText(text)
        self.model = SeriesPlanModel(self)
        self.model.set_rows(plan.occurrences)
        self.table = QTableView(self)
        self.table.setObjectName("series_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # (at most MAX_OCCURRENCES rows: each as tall as its note needs)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.back_button = QPushButton(self.tr("&Kembali"), self)
        self.back_button.setObjectName("series_back_button")
        self.back_button.clicked.connect(self.reject)
        self.skip_button = QPushButton(
            self.tr("&Lewati yang bentrok, simpan %n jadwal", "", free), self)
        self.skip_button.setObjectName("series_skip_button")
        self.skip_button.clicked.connect(self._skip)
        self.skip_button.setVisible(bool(clashes) and free > 0)
        self.save_button = QPushButton(self.tr("&Simpan %n jadwal", "", total), self)
        self.save_button.setObjectName("series_save_button")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.accept)
        self.save_button.setVisible(not clashes)
        (self.skip_button if clashes else self.save_button).setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.skip_button, self.save_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(720, 460)

    @Slot()
    def _skip(self) -> None:
        self.skip_clashes = True
        self.accept()


class SeriesSave(QObject):
    """Plan, preview and book a series for the booking dialog: `busy(bool)`
    around each step, then `saved(first booking)` or `failed(exception)`."""

    def __init__(self, ctx: AppContext, dialog: QWidget, busy: Callable[[bool], None],
                 saved: Callable[[BookingRecord], None],
                 failed: Callable[[BaseException], None]) -> None:
        super().__init__(dialog)
        self._ctx, self._dialog = ctx, dialog
        self._busy, self._saved, self._failed = busy, saved, failed
        self.preview: SeriesPreviewDialog | None = None
        self.result: SeriesBooking | None = None
        self._price = 0

    def start(self, form: BookingForm, rule: SeriesRule, price: int = 0) -> None:
        """`price`: of one occurrence, for the series' total in the preview."""
        self._price = price
        bookings = self._ctx.core.bookings
        self._busy(True)
        (self._ctx.runner.op(lambda: bookings.plan_series(form, rule), self)
         .with_progress(self.tr("Memeriksa jadwal…"))
         .success(lambda plan: self._planned(form, rule, plan))
         .failure(self._fail)
         .run())

    def _planned(self, form: BookingForm, rule: SeriesRule, plan: SeriesPlan) -> None:
        self._busy(False)
        self.preview = SeriesPreviewDialog(self._dialog, plan, form.title.strip(), self._price)
        self.preview.accepted.connect(lambda: self._book(form, rule))
        self.preview.open()

    def _book(self, form: BookingForm, rule: SeriesRule) -> None:
        assert self.preview is not None
        skip, actor = self.preview.skip_clashes, self._ctx.require_actor()
        bookings = self._ctx.core.bookings
        self._busy(True)
        (self._ctx.runner.op(lambda: bookings.book_series(actor, form, rule, skip), self)
         .with_progress(self.tr("Menyimpan jadwal berulang…"))
         .success(self._booked)
         .failure(self._fail)
         .run())

    def _booked(self, result: SeriesBooking) -> None:
        self._busy(False)
        self.result = result
        self._saved(result.bookings[0])

    def _fail(self, exc: BaseException) -> None:
        self._busy(False)
        self._failed(exc)
