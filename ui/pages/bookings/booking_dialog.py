"""Booking a space (Pemesanan ruang): who books, the title, whether it is an
event ("Acara": event_fields), attendees, the space and its times, notes, and
the price shown live.

The price comes from `core.bookings.quote` (on the worker, shortly after each
change; an answer to older fields is dropped). What the rules of a booking
can say without the database (attendees above the space's capacity, times
outside its opening hours or in the past, an end before the start) shows at
its field as soon as it is typed (smesco_desk.domain.bookings.booking_errors,
the same rules `book` applies). Saving is `core.bookings.book`: its refusals
show at their fields, and a clash (BookingConflict) at the time fields,
naming the booking in the way. On success `booking_saved(BookingRecord)` and
the dialog closes. A booking that repeats ("Ulangi": series_fields) shows its
occurrences and clashes first and saves them together (series_preview);
`booking_saved` then carries the first occurrence booked.

An existing booking opens read-only: `BookingDialog.for_booking(...)` gives
the details dialog (booking_details), which can cancel it.

Keyboard: Enter moves to the next field and saves from "Catatan"; Ctrl+Enter
saves from anywhere; Esc closes (asking "Buang isian?" when something was typed).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.domain.bookings import MAX_CAPACITY, booking_errors
from smesco_desk.domain.charges import ChargeTotals
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.values.bookings import BookingForm, BookingRecord, SpaceInfo
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldError, FieldErrors, error_slot, with_error
from ui.pages.bookings.booker_fields import BookerFields
from ui.pages.bookings.booking_details import BookingDetailsDialog
from ui.pages.bookings.booking_fields import (
    HalfHourEdit,
    confirm_discard,
    dialog_buttons,
    fit_screen,
    grow_for_form,
    price_lines_text,
    scrolled_form,
    series_count,
    series_total_text,
    space_note_text,
    wib_times,
)
from ui.pages.bookings.event_fields import EventKindCombo
from ui.pages.bookings.series_fields import SeriesFields
from ui.pages.bookings.series_preview import SeriesSave
from ui.pages.payments.totals_panel import TotalsPanel
from ui.time_field import DateField
from ui.widgets import StatusBanner, note_label, set_flag

QUOTE_DELAY_MS = 150
LIVE_FIELDS = ("attendees", "starts_at", "ends_at")  # checked as they are typed


class BookingDialog(QDialog):
    """A new booking; emits `booking_saved(BookingRecord)` and closes once saved."""

    booking_saved = Signal(object)  # BookingRecord

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        space_code: str,
        starts_at: datetime,
        ends_at: datetime,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("booking_dialog")
        self.setWindowTitle(self.tr("Pemesanan ruang baru"))
        self._ctx = ctx
        self._spaces: dict[str, SpaceInfo] = {}
        self._initial_space = space_code
        self.booking: BookingRecord | None = None
        self.totals_shown: ChargeTotals | None = None
        self._quote_generation = 0
        self._busy = False
        self.errors = FieldErrors()
        self._quote_timer = QTimer(self, singleShot=True, interval=QUOTE_DELAY_MS)
        self._quote_timer.timeout.connect(self.refresh_quote)
        self._build()
        self._set_times(starts_at, ends_at)
        self._connect_changes()
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        fit_screen(self)
        self._untouched = self._filled_in()  # (again once the spaces are read)
        self._load()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def for_booking(
        cls, ctx: AppContext, parent: QWidget | None, booking: BookingRecord
    ) -> BookingDetailsDialog:
        """An existing booking, read-only, with "Batalkan pemesanan" and "Tutup"."""
        return BookingDetailsDialog(ctx, parent, booking)

    # --- building -------------------------------------------------------------

    def _build(self) -> None:
        # Made in the order Tab goes: who, what, where and when, notes, buttons.
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(12)
        self.booker = BookerFields(self._ctx, self, form, self.errors)
        self.booker.changed.connect(self._on_changed)
        self.booker.failed.connect(self._show_failure)
        self.name_edit = self.booker.name_edit
        self.name_edit.textEdited.connect(lambda _t: self._clear_field("payer_name"))
        self.title_edit = self._line_edit("title_edit", 200, "title")
        self.title_edit.setPlaceholderText(self.tr("mis. Rapat koperasi, pelatihan foto produk"))
        title = with_error(self.title_edit, self._error("title"))
        self._add_row(form, self.tr("&Judul *"), self.title_edit, title)
        self.event_combo = EventKindCombo(self)
        self._add_row(form, self.tr("Acara"), self.event_combo,
                      with_error(self.event_combo, self._error("event_kind")))
        self._build_place(form)
        self.series = SeriesFields(self, form, self.errors)
        self.series.changed.connect(self._on_series_changed)
        self.series_save = SeriesSave(self._ctx, self, self._set_busy, self._saved,
                                      self._save_failed)
        self.notes_edit = self._line_edit("notes_edit", 1000, "notes")
        self.notes_edit.setPlaceholderText(self.tr("mis. butuh proyektor, susunan kelas"))
        notes = with_error(self.notes_edit, self._error("notes"))
        self._add_row(form, self.tr("&Catatan"), self.notes_edit, notes)
        self.totals = TotalsPanel(self)
        self.totals.setObjectName("booking_totals_panel")
        self.price_lines_label = note_label("", self.totals)
        self.price_lines_label.setObjectName("price_lines_label")
        totals_layout = self.totals.layout()
        self.series_total_label = note_label("", self.totals)
        self.series_total_label.setObjectName("series_total_label")
        if isinstance(totals_layout, QVBoxLayout):
            totals_layout.insertWidget(0, self.price_lines_label)
            totals_layout.insertWidget(totals_layout.count() - 1, self.series_total_label)
        body = QHBoxLayout()
        body.setSpacing(16)
        self.form_scroll = scrolled_form(self, form)  # rows never squeezed: it scrolls
        body.addWidget(self.form_scroll, 3)
        body.addWidget(self.totals, 2)
        self.banner = StatusBanner(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(body, 1)
        layout.addWidget(self.banner)
        buttons, self.save_button, self.cancel_button = dialog_buttons(
            self, self.save, self.discard)
        layout.addLayout(buttons)
        # the other rows moved into their boxes after the date: Tab and Enter go down the form
        for before, after in ((self.attendees_spin, self.date_edit),
                              (self.date_edit, self.start_edit), (self.start_edit, self.end_edit)):
            QWidget.setTabOrder(before, after)

    def _build_place(self, form: QFormLayout) -> None:
        self.space_combo = QComboBox(self)
        self.space_combo.setObjectName("space_combo")
        self.space_note = note_label("", self)
        self.space_note.setObjectName("space_note_label")
        self._add_row(form, self.tr("&Ruang"), self.space_combo,
                      with_error(self.space_combo, self._error("space"), self.space_note))
        self.attendees_spin = QSpinBox(self)
        self.attendees_spin.setObjectName("attendees_spin")
        self.attendees_spin.setRange(1, MAX_CAPACITY)
        self.attendees_spin.setSuffix(self.tr(" orang"))
        self.attendees_spin.setMaximumWidth(140)
        self._add_row(form, self.tr("&Peserta"), self.attendees_spin,
                      with_error(self.attendees_spin, self._error("attendees", True)))
        self.date_edit = DateField(self)
        self.date_edit.setObjectName("date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd, dd-MM-yyyy")
        self.date_edit.setMaximumWidth(220)
        self.start_edit = HalfHourEdit(self)
        self.start_edit.setObjectName("start_edit")
        self.end_edit = HalfHourEdit(self)
        self.end_edit.setObjectName("end_edit")
        self._add_row(form, self.tr("&Tanggal"), self.date_edit, self.date_edit)
        times = QWidget(self)
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start_edit)
        row.addWidget(QLabel(self.tr("s.d."), times))
        row.addWidget(self.end_edit)
        row.addWidget(QLabel(self.tr("WIB"), times))
        row.addStretch(1)
        self._add_row(
            form,
            self.tr("&Waktu"),
            self.start_edit,
            with_error(times, error_slot(self._error("starts_at"), self._error("ends_at"))),
        )

    def _line_edit(self, name: str, max_length: int, field: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMaxLength(max_length)
        edit.textEdited.connect(lambda _t: self._clear_field(field))
        return edit

    def _error(self, field: str, reserve: bool = False) -> FieldError:
        return self.errors.add(field, reserve=reserve)  # reserve: checked as it is typed

    def _add_row(self, form: QFormLayout, text: str, buddy: QWidget, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        form.addRow(label, field)

    def _connect_changes(self) -> None:
        for signal in (
            self.space_combo.currentIndexChanged,
            self.attendees_spin.valueChanged,
            self.date_edit.dateChanged,
            self.start_edit.time_changed,
            self.end_edit.time_changed,
        ):
            signal.connect(self._on_changed)
        self.series.set_first_day(self.day())
        self.date_edit.dateChanged.connect(lambda _d: self.series.set_first_day(self.day()))

    # --- loading --------------------------------------------------------------

    def _set_times(self, starts_at: datetime, ends_at: datetime) -> None:
        start, end = to_wib(starts_at), to_wib(ends_at)
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        self.start_edit.set_minutes(start.hour * 60 + start.minute)
        self.end_edit.set_minutes(end.hour * 60 + end.minute)

    def _load(self) -> None:
        bookings = self._ctx.core.bookings
        self._ctx.runner.op(bookings.spaces, self).success(self._loaded).failure(
            self._show_failure
        ).run()

    def _loaded(self, spaces: list[SpaceInfo]) -> None:
        self._spaces = {s.code: s for s in spaces}
        self.space_combo.blockSignals(True)
        self.space_combo.clear()
        for space in spaces:
            self.space_combo.addItem(f"{space.name} ({space.code})", space.code)
        index = self.space_combo.findData(self._initial_space)
        self.space_combo.setCurrentIndex(max(index, 0))
        self.space_combo.blockSignals(False)
        if index < 0 and self._initial_space:
            self.banner.show_message(
                "error",
                self.tr("Ruang {code} tidak ada atau tidak aktif.").format(
                    code=self._initial_space
                ),
            )
        self.refresh_quote()
        self._untouched = self._filled_in()

    # --- the fields -----------------------------------------------------------

    def space(self) -> SpaceInfo | None:
        return self._spaces.get(self.space_combo.currentData() or "")

    def day(self) -> date:
        value = self.date_edit.date()
        return date(value.year(), value.month(), value.day())

    def times(self) -> tuple[datetime, datetime]:
        day = self.day()
        return wib_times(day, self.start_edit.minutes(), self.end_edit.minutes())

    def form(self) -> BookingForm | None:
        """What the dialog holds, as the core takes it (None until a space is chosen)."""
        space = self.space()
        if space is None:
            return None
        starts, ends = self.times()
        return BookingForm(
            space=space.code,
            title=self.title_edit.text(),
            starts_at=starts,
            ends_at=ends,
            payer=self.booker.payer(),
            attendees=self.attendees_spin.value(),
            umkm=self.booker.umkm(),
            notes=self.notes_edit.text(),
            event_kind=self.event_combo.kind(),
        )

    def live_errors(self) -> dict[str, str]:
        """What the space's rules say about the attendees and the times now."""
        space = self.space()
        if space is None:
            return {}
        starts, ends = self.times()
        return booking_errors(
            starts,
            ends,
            self.attendees_spin.value(),
            space.capacity,
            space.opening_hours,
            self._ctx.core.now(),
        )

    @Slot()
    def _on_changed(self) -> None:
        self._quote_timer.start()

    @Slot()
    def _on_series_changed(self) -> None:
        self._show_series_total()
        grow_for_form(self, self.form_scroll)  # rows shown or hidden

    def _show_space_note(self) -> None:
        self.space_note.setText(space_note_text(self.space(), self.day()))

    def _show_live_errors(self, errors: dict[str, str]) -> None:
        for field in LIVE_FIELDS:
            self.errors[field].show_message(errors.get(field, ""))
            set_flag(self._field_widget(field), "invalid", field in errors)

    # --- the price --------------------------------------------------------------

    @Slot()
    def refresh_quote(self) -> None:
        """Check the fields the rules can check here, and ask the core what the
        booking costs (the newest answer wins)."""
        self._quote_timer.stop()
        self._quote_generation += 1
        self._show_space_note()
        live = self.live_errors()
        self._show_live_errors(live)
        form = self.form()
        if form is None or ("ends_at" in live and form.ends_at <= form.starts_at):
            self._show_totals(None, unknown=form is not None)
            return
        generation, bookings = self._quote_generation, self._ctx.core.bookings
        self._ctx.runner.op(lambda: bookings.quote(form), self).success(
            lambda totals: self._quoted(generation, totals)
        ).failure(lambda exc: self._quote_failed(generation, exc)).run()

    def _quoted(self, generation: int, totals: ChargeTotals) -> None:
        if generation == self._quote_generation:
            self._show_totals(totals)

    def _quote_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._quote_generation:
            return
        self._show_totals(None, unknown=True)
        if isinstance(exc, ValidationError):
            # values just typed: at their field, beside what the rules said
            self.show_errors({**self.live_errors(), **exc.errors}, focus=False)
        else:
            self._show_failure(exc)

    def _show_totals(self, totals: ChargeTotals | None, unknown: bool = False) -> None:
        self.totals_shown = totals
        self.totals.show_totals(totals, unknown)
        self.price_lines_label.setText(price_lines_text(totals))
        self._show_series_total()

    def _show_series_total(self) -> None:
        count = series_count(*self.times(), self.series.rule())
        self.series_total_label.setText(series_total_text(self.totals_shown, count))

    # --- saving ---------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Book: the core checks everything again and says what is wrong; a
        booking nobody is named for is refused here first."""
        if self._busy:
            return
        form = self.form()
        if form is None:
            self.show_errors({"space": self.tr("Pilih ruang.")})
            return
        if not self.name_edit.text().strip():
            own = {**self.live_errors(), "payer_name": self.tr("Nama pemesan wajib diisi.")}
            if not self.title_edit.text().strip():
                own["title"] = self.tr("Wajib diisi.")
            self.show_errors(own)
            return
        rule = self.series.rule()
        if rule is not None:  # the occurrences and their clashes first
            price = self.totals_shown.total if self.totals_shown else 0
            self.series_save.start(form, rule, price)
            return
        bookings, actor = self._ctx.core.bookings, self._ctx.require_actor()
        self._set_busy(True)
        self._ctx.runner.op(lambda: bookings.book(actor, form), self).with_progress(
            self.tr("Menyimpan pemesanan…")
        ).success(self._saved).failure(self._save_failed).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)

    def _saved(self, booking: BookingRecord) -> None:
        self._set_busy(False)
        self.booking = booking
        self.booking_saved.emit(booking)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        elif isinstance(exc, DomainError) and exc.field in self.errors.labels:
            self.show_errors({exc.field: exc.message})  # a clash: at the times
        else:
            self._show_failure(exc)

    def show_errors(self, errors: dict[str, str], focus: bool = True) -> None:
        """Each message at its field, all at once; the first field to fix gets the
        keyboard. What belongs to no field goes in the banner."""
        rest = self.errors.show(errors)
        for field in self.errors.labels:
            set_flag(self._field_widget(field), "invalid", field in errors)
        if rest:
            self.banner.show_message("error", " ".join(rest.values()))
        first = next((f for f in self.errors.labels if f in errors), None)
        if focus and first is not None:
            self._field_widget(first).setFocus(Qt.FocusReason.OtherFocusReason)

    def _field_widget(self, field: str) -> QWidget:
        widgets: dict[str, QWidget] = {
            **self.booker.field_widgets(),
            **self.series.field_widgets(),
            "title": self.title_edit,
            "event_kind": self.event_combo,
            "space": self.space_combo,
            "attendees": self.attendees_spin,
            "starts_at": self.start_edit,
            "ends_at": self.end_edit,
            "notes": self.notes_edit,
        }
        return widgets[field]

    def _clear_field(self, field: str) -> None:
        self.errors[field].show_message("")
        if self._field_widget(field).property("invalid"):
            set_flag(self._field_widget(field), "invalid", False)

    def _show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.banner.show_message("error", exc.message)
        else:
            show_error(self, exc)

    def _filled_in(self) -> object:
        return (self.form(), self.series.rule())

    @Slot()
    def discard(self) -> None:
        """Esc or Batal: ask before throwing away what was typed ("Tidak" is the default)."""
        untouched = self._busy or self.booking or self._filled_in() == self._untouched
        if untouched or confirm_discard(self):
            self.reject()

    # --- Qt events ------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = QApplication.focusWidget()
            if focus is self.notes_edit:
                self.save()
            elif isinstance(focus, QPushButton):
                focus.click()
            else:
                self.focusNextChild()
            return
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.discard()
            return
        super().keyPressEvent(event)
