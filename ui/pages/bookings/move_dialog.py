"""Changing a booking's time, space or title: "Ubah waktu pemesanan".

Opened two ways: by a block dragged in the day grid (the new space and times
filled in, to confirm), and by "Ubah waktu…" in the booking's details (the
keyboard way: the fields as they are, to edit). Either way it shows the old
and new place and time, the old and new price and what the difference makes
(`core.bookings.quote_move`: a new charge of the difference or a refund when
it was paid, the new amount owed when not), refreshed as the fields change.

For an occurrence of a recurring series it asks how far the change goes:
"Hanya yang ini" (a move, `core.bookings.move`), "Ini dan berikutnya" or
"Seluruh seri" (`core.bookings.update_series`: the times of day shift each
occurrence on its own day; the space and the date stay). Saving runs through
the operation runner; a clash (BookingConflict) is said in red naming the
booking in the way, and the dialog stays open with nothing saved. On success
`booking_saved(BookingRecord)` and the dialog closes.

An event with participants warns that the badges and the attendance list
already printed carry the old time (`reprint_note`, once
`core.bookings.attendees` has answered).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, cast

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.domain.booking_series import SeriesScope
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.services.bookings import BookingConflict
from smesco_desk.services.bookings.conflicts import when_text
from smesco_desk.values.bookings import BookingRecord, MoveQuote, SpaceInfo
from ui.context import AppContext
from ui.errors import show_error
from ui.pages.bookings.booking_fields import HalfHourEdit, wib_times
from ui.pages.payments.common import rupiah
from ui.time_field import DateField
from ui.widgets import StatusBanner, note_label


class MoveDialog(QDialog):
    """Emits `booking_saved(BookingRecord)` once the change is saved."""

    booking_saved = Signal(object)  # BookingRecord (the occurrence opened, as saved)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        booking: BookingRecord,
        *,
        space_code: str | None = None,
        starts_at: datetime | None = None,
        ends_at: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("move_dialog")
        self.setWindowTitle(self.tr("Ubah waktu pemesanan"))
        self._ctx = ctx
        self.booking = booking
        self.quote: MoveQuote | None = None
        self._busy = False
        self._generation = 0
        self._build()
        start = to_wib(starts_at or booking.starts_at)
        end = to_wib(ends_at or booking.ends_at)
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        self.start_edit.set_minutes(start.hour * 60 + start.minute)
        self.end_edit.set_minutes(end.hour * 60 + end.minute)
        self._load_spaces(space_code or booking.space_code)
        for signal in (
            self.date_edit.dateChanged,
            self.start_edit.time_changed,
            self.end_edit.time_changed,
            self.space_combo.currentIndexChanged,
        ):
            signal.connect(lambda *_a: self.refresh_quote())
        self.refresh_quote()
        self.setMinimumWidth(540)

    # --- building -------------------------------------------------------------

    def _build(self) -> None:
        b = self.booking
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(12)
        self.before_label = QLabel(f"{b.space_name} · {when_text(b)} WIB", self)
        self.before_label.setObjectName("before_label")
        self.before_label.setWordWrap(True)
        form.addRow(self.tr("Sebelumnya"), self.before_label)
        self.title_edit = QLineEdit(b.title, self)
        self.title_edit.setObjectName("title_edit")
        self.title_edit.setMaxLength(200)
        self._row(form, self.tr("&Judul"), self.title_edit)
        self.space_combo = QComboBox(self)
        self.space_combo.setObjectName("space_combo")
        self._row(form, self.tr("&Ruang"), self.space_combo)
        self.date_edit = DateField(self)
        self.date_edit.setObjectName("date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd, dd-MM-yyyy")
        self.date_edit.setMaximumWidth(220)
        self._row(form, self.tr("&Tanggal"), self.date_edit)
        self.start_edit, self.end_edit = HalfHourEdit(self), HalfHourEdit(self)
        self.start_edit.setObjectName("start_edit")
        self.end_edit.setObjectName("end_edit")
        times = QWidget(self)
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start_edit)
        row.addWidget(QLabel(self.tr("s.d."), times))
        row.addWidget(self.end_edit)
        row.addWidget(QLabel(self.tr("WIB"), times))
        row.addStretch(1)
        label = QLabel(self.tr("&Waktu"), self)
        label.setBuddy(self.start_edit)
        form.addRow(label, times)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(form)
        if b.series_id is not None:
            layout.addWidget(self._build_scope())
        layout.addWidget(self._build_price())
        self.reprint_note = note_label(self.tr(
            "Badge dan daftar hadir yang sudah dicetak memuat waktu lama: cetak ulang "
            "setelah dipindah."), self)
        self.reprint_note.setObjectName("reprint_note_label")
        self.reprint_note.hide()  # an event with participants only: _attendees_read
        layout.addWidget(self.reprint_note)
        if b.is_event:
            self._ctx.runner.op(lambda: self._ctx.core.bookings.attendees(b.id), self) \
                .success(self._attendees_read).run()
        self.banner = StatusBanner(self)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addLayout(self._build_buttons())

    def _attendees_read(self, attendees: list[object]) -> None:
        self.reprint_note.setVisible(bool(attendees))
        self._fit()

    def _row(self, form: QFormLayout, title: str, field: QWidget) -> None:
        label = QLabel(title, self)
        label.setBuddy(field)
        form.addRow(label, field)

    def _build_scope(self) -> QWidget:
        """How far the change goes, for an occurrence of a series."""
        box = QWidget(self)
        box.setObjectName("scope_box")
        self.scope_group = QButtonGroup(box)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Ubah:"), box))
        self.scope_buttons: dict[str, QRadioButton] = {}
        for scope, text in (
            (SeriesScope.THIS, self.tr("&Hanya yang ini")),
            (SeriesScope.FOLLOWING, self.tr("Ini dan &berikutnya")),
            (SeriesScope.ALL, self.tr("Seluruh &seri")),
        ):
            button = QRadioButton(text, box)
            button.setObjectName(f"scope_{scope.value}_radio")
            self.scope_group.addButton(button)
            self.scope_buttons[scope.value] = button
            row.addWidget(button)
            button.toggled.connect(lambda _on: self._on_scope())
        row.addStretch(1)
        self.scope_note = note_label(
            self.tr("Jam digeser pada hari masing-masing jadwal; ruang dan tanggal tetap."), self
        )
        self.scope_note.setObjectName("scope_note_label")
        self.scope_note.hide()
        self.scope_buttons[SeriesScope.THIS.value].setChecked(True)
        wrapper = QWidget(self)
        column = QVBoxLayout(wrapper)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(box)
        column.addWidget(self.scope_note)
        return wrapper

    def _build_price(self) -> QWidget:
        box = QWidget(self)
        form = QFormLayout(box)
        form.setContentsMargins(0, 4, 0, 0)
        form.setVerticalSpacing(3)
        self.old_total_label = QLabel(rupiah(self.booking.total), box)
        self.old_total_label.setObjectName("move_old_total_label")
        self.new_total_label = QLabel("…", box)
        self.new_total_label.setObjectName("move_new_total_label")
        self.difference_label = QLabel("", box)
        self.difference_label.setObjectName("move_difference_label")
        self.difference_label.setWordWrap(True)
        form.addRow(self.tr("Harga lama"), self.old_total_label)
        form.addRow(self.tr("Harga baru"), self.new_total_label)
        form.addRow(self.tr("Selisih"), self.difference_label)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("&Simpan perubahan"), self)
        self.save_button.setObjectName("save_button")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        return row

    # --- the spaces and the fields ----------------------------------------------

    def _load_spaces(self, chosen: str) -> None:
        self.space_combo.addItem(self.booking.space_name, self.booking.space_code)
        self._chosen_space = chosen
        bookings = self._ctx.core.bookings
        self._ctx.runner.op(bookings.spaces, self).success(self._spaces_loaded).run()

    def _spaces_loaded(self, spaces: list[SpaceInfo]) -> None:
        self.space_combo.blockSignals(True)
        self.space_combo.clear()
        for space in spaces:
            self.space_combo.addItem(f"{space.name} ({space.capacity})", space.code)
        if self.space_combo.findData(self.booking.space_code) < 0:  # (inactive now)
            self.space_combo.addItem(self.booking.space_name, self.booking.space_code)
        index = self.space_combo.findData(self._chosen_space)
        self.space_combo.setCurrentIndex(max(0, index))
        self.space_combo.blockSignals(False)
        self.refresh_quote()

    def scope(self) -> str:
        if self.booking.series_id is None:
            return SeriesScope.THIS.value
        return next(s for s, b in self.scope_buttons.items() if b.isChecked())

    def _on_scope(self) -> None:
        whole = self.scope() != SeriesScope.THIS
        if whole:  # the space and the date stay: each occurrence keeps its own
            start = to_wib(self.booking.starts_at)
            self.date_edit.setDate(QDate(start.year, start.month, start.day))
            index = self.space_combo.findData(self.booking.space_code)
            self.space_combo.setCurrentIndex(max(0, index))
        self.date_edit.setEnabled(not whole)
        self.space_combo.setEnabled(not whole)
        self.scope_note.setVisible(whole)

    def space_code(self) -> str:
        return str(self.space_combo.currentData() or self.booking.space_code)

    def times(self) -> tuple[datetime, datetime]:
        day = cast(date, self.date_edit.date().toPython())
        start, end = self.start_edit.minutes(), self.end_edit.minutes()
        starts, ends = wib_times(day, start, end)
        if ends < starts:  # an end before the start: past midnight
            ends += timedelta(days=1)
        return starts, ends

    def moved(self) -> bool:
        b = self.booking
        return (self.space_code(), *self.times()) != (b.space_code, b.starts_at, b.ends_at)

    # --- the price ------------------------------------------------------------------

    def refresh_quote(self) -> None:
        self._generation += 1
        generation = self._generation
        bookings, booking_id = self._ctx.core.bookings, self.booking.id
        starts, ends = self.times()
        space = self.space_code()
        self._ctx.runner.op(
            lambda: bookings.quote_move(booking_id, starts, ends, space), self
        ).success(lambda q: self._quoted(generation, q)).failure(
            lambda exc: self._quote_failed(generation, exc)
        ).run()

    def _quoted(self, generation: int, quote: MoveQuote) -> None:
        if generation != self._generation:
            return
        self.quote = quote
        self.new_total_label.setText(rupiah(quote.new_total))
        self.difference_label.setText(self.difference_text(quote))
        self._fit()

    def difference_text(self, quote: MoveQuote) -> str:
        if quote.new_charge:
            return self.tr("Tagihan baru {amount} (yang sudah dibayar tetap).").format(
                amount=rupiah(quote.new_charge)
            )
        if quote.refund:
            return self.tr("Dikembalikan kepada pemesan {amount}.").format(
                amount=rupiah(quote.refund)
            )
        if quote.paid:
            return self.tr("Tidak ada selisih.")
        if quote.difference:
            return self.tr("Belum dibayar: tagihan menjadi {amount}.").format(
                amount=rupiah(quote.new_total)
            )
        return self.tr("Harga tetap.")

    def _quote_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.quote = None
        self.new_total_label.setText("–")
        message = exc.message if isinstance(exc, DomainError) else str(exc)
        self.difference_label.setText(message)
        self._fit()

    def _fit(self) -> None:
        """Grow with a longer text (a wrapped difference, a clash): nothing is cut."""
        if self.isVisible():
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    # --- saving -------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        if self._busy:
            return
        call = self._call()
        if call is None:
            self.reject()  # nothing changed
            return
        self._busy = True
        self.save_button.setEnabled(False)
        self.banner.clear()
        self._ctx.runner.op(call, self).with_progress(self.tr("Menyimpan perubahan…")).success(
            self._saved
        ).failure(self._failed).run()

    def _call(self) -> Any:
        """The service call the fields ask for (None: nothing changed)."""
        bookings, actor, b = self._ctx.core.bookings, self._ctx.require_actor(), self.booking
        title = self.title_edit.text()
        new_title = title if title.strip() != b.title else None
        scope = self.scope()
        starts, ends = self.times()
        if scope != SeriesScope.THIS:
            times = (starts, ends) != (b.starts_at, b.ends_at)
            start_time = to_wib(starts).time() if times else None
            end_time = to_wib(ends).time() if times else None
            if new_title is None and not times:
                return None
            return lambda: bookings.update_series(
                actor, b.id, scope, title=new_title, start_time=start_time, end_time=end_time
            )[0]
        if self.moved():
            space = self.space_code() if self.space_code() != b.space_code else None
            return lambda: bookings.move(actor, b.id, starts, ends, space, title=new_title)
        if new_title is not None:
            return lambda: bookings.update_series(actor, b.id, "this", title=new_title)[0]
        return None

    def _saved(self, booking: BookingRecord) -> None:
        self._busy = False
        self.booking = booking
        self.booking_saved.emit(booking)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        if isinstance(exc, BookingConflict):
            headline = self.tr("Tidak disimpan: ruang sudah terpakai")
            self.banner.show_message("error", exc.message, headline=headline)
        elif isinstance(exc, ValidationError):
            self.banner.show_message("error", " ".join(exc.errors.values()))
        elif isinstance(exc, DomainError):
            self.banner.show_message("error", exc.message)
        else:
            show_error(self, exc)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                focus.click()
            else:
                self.save()
            return
        super().keyPressEvent(event)
