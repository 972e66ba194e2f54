"""An existing booking, read-only: the space, its times in WIB, title, booker,
attendees, status and what its charge adds up to, is paid and is owed.

"Tamu datang (check-in)" (a confirmed or provisional booking that has not
ended) calls `core.bookings.check_in`; the core says when it is too early, and
that shows on the dialog's status line (cleared when another step starts). A
booking checked in says when and by whom (`core.bookings.check_in_note`).

"Bayar…" (its charge open) takes the payment and prints the kuitansi
(booking_payment); the dialog stays open with the amounts paid and owed.

"Ubah waktu…" (a live booking not checked in) opens the move dialog
(move_dialog): the keyboard's way to move or resize it, or change its title,
for an occurrence of a series this one, the following ones or all.

An occurrence of a series says so ("Seri: mingguan (Sen, Rab) · 3 dari 8",
`core.bookings.series_info`), and cancelling it asks which occurrences go
(series_scope: this one, this and the following ones, the whole series;
`core.bookings.cancel_series`).

"Batalkan pemesanan" asks for a reason (optional) in the dialog itself and
says what the policy will charge (smesco_desk.domain.booking_policy over
`core.bookings.policies()`); a supervisor or administrator may tick "Tanpa
biaya pembatalan". The second press calls `core.bookings.cancel`.

The checked-in or cancelled booking goes out on `booking_saved(BookingRecord)`
and the dialog closes (the day grid reloads itself: the runner announces the
bookings table). "Tutup" or Esc closes. Opened by `BookingDialog.for_booking(...)`.

"Acara" says whether the booking is an event (a training, a workshop, a
seminar); someone who may book changes it there (event_fields.EventKindEditor).

Two tabs: "Rincian" (the above) and "Peserta", the participants of the event
(participants.ParticipantsPanel: the list, importing a file, adding by hand,
badges, the attendance list, check-in; for a booking that is no event, the way
to mark it as one).
Alt+R and Alt+P (or Ctrl+Tab) switch between them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.domain.booking_policy import (
    MISTAKE_MINUTES,
    cancel_fee,
    cancels_free,
    just_booked,
)
from smesco_desk.domain.bookings import (
    FREE_STATUSES,
    BookingStatus,
    event_kind_label,
    status_label,
)
from smesco_desk.domain.payments import payer_label
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.services.actors import Permission
from smesco_desk.values.bookings import BookingPolicies, BookingRecord, CheckInNote, SeriesInfo
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.errors import show_error
from ui.forms import FieldErrors, with_error
from ui.pages.bookings.booking_payment import BookingPayment
from ui.pages.bookings.event_fields import EventKindEditor
from ui.pages.bookings.move_dialog import MoveDialog
from ui.pages.bookings.participants import ParticipantsPanel
from ui.pages.bookings.series_scope import SeriesScopeChoice, series_text
from ui.pages.payments.common import rupiah
from ui.widgets import StatusBanner, note_label, set_flag


def when_text(booking: BookingRecord) -> str:
    """10-03-2026 09:00-11:00 WIB (both days when it runs past midnight)."""
    start, end = to_wib(booking.starts_at), to_wib(booking.ends_at)
    if start.date() == end.date():
        return f"{start:%d-%m-%Y %H:%M}-{end:%H:%M} WIB"
    return f"{start:%d-%m-%Y %H:%M} - {end:%d-%m-%Y %H:%M} WIB"


class BookingDetailsDialog(QDialog):
    """Emits `booking_saved(BookingRecord)` once the booking is checked in or cancelled."""

    booking_saved = Signal(object)  # BookingRecord

    def __init__(self, ctx: AppContext, parent: QWidget | None, booking: BookingRecord,
                 printer: DocumentPrinterLike | None = None) -> None:
        """printer: where the event's documents go (default: ui.printing.DocumentPrinter)."""
        super().__init__(parent)
        self.setObjectName("booking_details_dialog")
        self.setWindowTitle(self.tr("Pemesanan ruang"))
        self._ctx = ctx
        self.booking = booking
        self._busy = False
        self.policies: BookingPolicies | None = None  # read when cancelling is asked for
        self.series_info: SeriesInfo | None = None  # read when it is an occurrence
        self.scope_choice: SeriesScopeChoice | None = None
        self.errors = FieldErrors()
        self._printer = printer
        self._build()
        self.setMinimumWidth(560)
        self.resize(840, 560)  # five buttons in a row, none cut

    # --- building -------------------------------------------------------------

    def _build(self) -> None:
        b = self.booking
        form = QFormLayout()
        form.setVerticalSpacing(5)
        form.setHorizontalSpacing(14)
        booker = f"{b.payer_name} ({payer_label(b.payer_kind)})"
        if b.umkm:
            booker += self.tr(" · UMKM terdaftar")
        rows = [
            ("space_value", self.tr("Ruang"), f"{b.space_name} ({b.space_code})"),
            ("when_value", self.tr("Waktu"), when_text(b)),
            ("title_value", self.tr("Judul"), b.title),
            ("booker_value", self.tr("Pemesan"), booker),
            ("attendees_value", self.tr("Peserta"), self.tr("{n} orang").format(n=b.attendees)),
            ("status_value", self.tr("Status"), status_label(b.status)),
            ("total_value", self.tr("Total"), rupiah(b.total)),
            ("paid_value", self.tr("Dibayar"), rupiah(b.paid)),
            ("owed_value", self.tr("Sisa tagihan"), rupiah(b.owed)),
        ]
        if b.refund_due:  # a paid booking moved to a cheaper slot: owed back
            rows.append(("refund_due_value", self.tr("Dikembalikan"), rupiah(b.refund_due)))
        if b.setup_minutes or b.cleanup_minutes:
            rows.insert(2, ("buffers_value", self.tr("Jeda"), self.tr(
                "persiapan {setup} menit, pembersihan {cleanup} menit"
            ).format(setup=b.setup_minutes, cleanup=b.cleanup_minutes)))
        if b.series_id is not None:  # what the series is: read below
            rows.insert(rows.index(next(r for r in rows if r[0] == "when_value")) + 1,
                        ("series_value", self.tr("Seri"), "…"))
        if b.notes:
            rows.append(("notes_value", self.tr("Catatan"), b.notes))
        if b.cancel_reason:
            rows.append(("cancel_reason_value", self.tr("Alasan batal"), b.cancel_reason))
        if b.status == BookingStatus.CHECKED_IN:  # when and by whom: read below
            rows.insert(rows.index(next(r for r in rows if r[0] == "status_value")) + 1,
                        ("checked_in_value", self.tr("Check-in"), "…"))
        self.values: dict[str, QLabel] = {}
        for name, title, text in rows:
            value = QLabel(text, self)
            value.setObjectName(name)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name] = value
            form.addRow(QLabel(title, self), value)
            if name == "title_value":  # whether it is an event, changeable here
                form.addRow(QLabel(self.tr("Acara"), self), self._build_event_kind())
        details = QWidget(self)
        details.setObjectName("details_tab")
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addLayout(form)
        details_layout.addWidget(self._build_reason())
        details_layout.addStretch(1)
        self.participants = ParticipantsPanel(self._ctx, b, self, self._printer)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("booking_tabs")
        self.tabs.addTab(details, self.tr("&Rincian"))
        self.tabs.addTab(self.participants, self.tr("&Peserta"))
        self.participants.count_changed.connect(self._show_count)
        self.participants.mark_event_requested.connect(self._to_event_kind)
        self.participants.reload()
        if "checked_in_value" in self.values:
            self._ctx.runner.op(lambda: self._ctx.core.bookings.check_in_note(b.id), self) \
                .success(self._show_check_in).run()
        if "series_value" in self.values:
            self._ctx.runner.op(lambda: self._ctx.core.bookings.series_info(b.id), self) \
                .success(self._show_series).run()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        layout.addWidget(self.tabs, 1)
        self.banner = StatusBanner(self)
        policy = self.banner.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # its room kept: nothing moves when it shows
        self.banner.setSizePolicy(policy)
        self.banner.label.setText("X")  # a one-line message's height, kept
        self.banner.setMinimumHeight(self.banner.sizeHint().height())
        self.banner.label.setText("")
        self.participants.use_banner(self.banner)  # one banner, the newest message
        layout.addWidget(self.banner)
        layout.addLayout(self._build_buttons())

    def _build_event_kind(self) -> EventKindEditor:
        self.event_editor = EventKindEditor(self._ctx, self.booking, self)
        self.event_editor.changed.connect(self._event_changed)
        self.event_editor.failed.connect(self._failed)
        return self.event_editor

    @Slot(object)
    def _event_changed(self, booking: BookingRecord) -> None:
        self.booking = booking
        self.participants.set_booking(booking)
        self.banner.show_message("success", self.tr("Ditandai sebagai {kind}.").format(
            kind=event_kind_label(booking.event_kind)) if booking.is_event
            else self.tr("Pemesanan ini bukan acara lagi."))

    @Slot()
    def _to_event_kind(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.event_editor.focus_combo()

    def _show_check_in(self, note: CheckInNote | None) -> None:
        self.values["checked_in_value"].setText(self.tr("{when} WIB oleh {who}").format(
            when=f"{to_wib(note.at):%d-%m-%Y %H:%M}", who=note.by) if note else "-")

    def _show_series(self, info: SeriesInfo | None) -> None:
        self.series_info = info
        self.values["series_value"].setText(series_text(info) if info else "-")
        if info is not None and info.cancellable_all > 1:  # more than this one to cancel
            self.scope_choice = SeriesScopeChoice(info, self.reason_box)
            box = self.reason_box.layout()
            if isinstance(box, QVBoxLayout):
                box.insertWidget(0, self.scope_choice)
            self._grow()

    def _grow(self) -> None:
        """Taller (within the screen) when rows were added: none squeezed."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        room = self.screen().availableGeometry().height() - 40
        self.resize(self.width(), min(room, max(self.height(), self.sizeHint().height())))

    @Slot(int)
    def _show_count(self, count: int) -> None:
        self.tabs.setTabText(1, self.tr("&Peserta ({n})").format(n=count))

    def _build_reason(self) -> QWidget:
        """The reason asked once "Batalkan pemesanan" is pressed (hidden until then)."""
        self.reason_box = QWidget(self)
        self.reason_edit = QLineEdit(self.reason_box)
        self.reason_edit.setObjectName("cancel_reason_edit")
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("mis. acara diundur (boleh kosong)"))
        self.reason_edit.textEdited.connect(lambda _t: self._clear_reason_error())
        label = QLabel(self.tr("&Alasan pembatalan"), self.reason_box)
        label.setBuddy(self.reason_edit)
        below: list[QWidget] = []
        if self.booking.paid:
            below.append(note_label(self.tr(
                "Yang sudah dibayar ({paid}) tetap tercatat; yang melebihi biaya pembatalan "
                "dikembalikan lewat Pembayaran › Pengembalian dana (Bayar kembali)."
            ).format(paid=rupiah(self.booking.paid)), self.reason_box))
        self.fee_label = QLabel(self.reason_box)
        self.fee_label.setObjectName("cancel_fee_label")
        self.fee_label.setWordWrap(True)
        self.waive_check = QCheckBox(self.tr("Tanpa &biaya pembatalan"), self.reason_box)
        self.waive_check.setObjectName("waive_fee_check")
        self.waive_check.toggled.connect(self._waive_toggled)
        self.waive_check.hide()  # shown to supervisors when there is a fee to waive
        box = QVBoxLayout(self.reason_box)
        box.setContentsMargins(0, 4, 0, 0)
        box.setSpacing(3)
        box.addWidget(label)
        box.addWidget(with_error(self.reason_edit, self.errors.add("reason"), *below))
        box.addWidget(self.fee_label)
        box.addWidget(with_error(self.waive_check, self.errors.add("waive_fee")))
        self.reason_box.hide()
        return self.reason_box

    def _build_buttons(self) -> QHBoxLayout:
        b = self.booking
        self.check_in_button = QPushButton(self.tr("Tamu &datang (check-in)"), self)
        self.check_in_button.setObjectName("check_in_button")
        self.check_in_button.clicked.connect(self.check_in)
        checkable = b.status in (BookingStatus.CONFIRMED, BookingStatus.PROVISIONAL)
        self.check_in_button.setVisible(
            checkable and self._ctx.core.now() < b.ends_at and self._ctx.can(Permission.BOOK_SPACE)
        )
        self.move_button = QPushButton(self.tr("&Ubah waktu…"), self)
        self.move_button.setObjectName("move_button")
        self.move_button.clicked.connect(self.change_time)
        movable = b.status in (BookingStatus.CONFIRMED, BookingStatus.PROVISIONAL,
                               BookingStatus.CONFLICT)
        self.move_button.setVisible(movable and self._ctx.can(Permission.BOOK_SPACE))
        self.cancel_booking_button = QPushButton(self.tr("&Batalkan pemesanan"), self)
        self.cancel_booking_button.setObjectName("cancel_booking_button")
        self.cancel_booking_button.clicked.connect(self.cancel_booking)
        # a booking checked in has used its space: it is not cancelled
        live = self.booking.status not in (*FREE_STATUSES, BookingStatus.CHECKED_IN)
        self.cancel_booking_button.setVisible(live and self._ctx.can(Permission.BOOK_SPACE))
        self.payment = BookingPayment(self._ctx, self, b, self._report, self._printer)
        self.payment.booking_changed.connect(self._paid)
        self.close_button = QPushButton(self.tr("&Tutup"), self)
        self.close_button.setObjectName("close_button")
        self.close_button.setProperty("primary", True)
        self.close_button.clicked.connect(self.reject)
        for button in (self.check_in_button, self.move_button, self.cancel_booking_button,
                       self.close_button):
            button.setAutoDefault(False)  # Enter is handled in keyPressEvent
        row = QHBoxLayout()
        row.addWidget(self.check_in_button)
        row.addWidget(self.move_button)
        row.addWidget(self.cancel_booking_button)
        row.addWidget(self.payment.button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        return row

    # --- checking in ------------------------------------------------------------

    @Slot()
    def check_in(self) -> None:
        """The booker has arrived: check the booking in (the core says when it cannot be)."""
        if self._busy:
            return
        bookings, actor = self._ctx.core.bookings, self._ctx.require_actor()
        booking_id = self.booking.id
        self._set_busy(True)
        self.banner.clear()
        self._ctx.runner.op(lambda: bookings.check_in(actor, booking_id), self).with_progress(
            self.tr("Mencatat kedatangan…")
        ).success(self._done).failure(self._failed).run()

    # --- changing the time ---------------------------------------------------------

    @Slot()
    def change_time(self) -> None:
        """Open the move dialog over this one; what it saves closes this one too."""
        self.banner.clear()
        self.move_dialog = MoveDialog(self._ctx, self, self.booking)
        self.move_dialog.booking_saved.connect(self._done)
        self.move_dialog.open()

    # --- cancelling -------------------------------------------------------------

    @Slot()
    def cancel_booking(self) -> None:
        """First press: ask for the reason. Second press (or Enter in the reason): cancel."""
        if self._busy:
            return
        if self.reason_box.isHidden():
            self.banner.clear()  # another step: what the last one said is over
            self.tabs.setCurrentIndex(0)
            self.reason_box.show()
            self.cancel_booking_button.setText(self.tr("&Ya, batalkan pemesanan"))
            set_flag(self.cancel_booking_button, "danger", True)
            self.check_in_button.hide()  # one thing at a time: the dialog stays narrow
            self.move_button.hide()
            self.payment.button.hide()
            self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self._load_policies()
            self._grow()
            return
        bookings, actor = self._ctx.core.bookings, self._ctx.require_actor()
        booking_id, reason = self.booking.id, self.reason_edit.text()
        waive = self.waive_check.isVisible() and self.waive_check.isChecked()
        scope = self.scope_choice.scope() if self.scope_choice is not None else "this"
        self._set_busy(True)
        self.banner.clear()
        if scope != "this":  # the following ones or the whole series, in one go
            self._ctx.runner.op(
                lambda: bookings.cancel_series(actor, booking_id, scope, reason, waive), self
            ).with_progress(self.tr("Membatalkan jadwal seri…")).success(
                self._series_cancelled).failure(self._failed).run()
            return
        self._ctx.runner.op(
            lambda: bookings.cancel(actor, booking_id, reason, waive_fee=waive), self
        ).with_progress(self.tr("Membatalkan pemesanan…")).success(self._done) \
            .failure(self._failed).run()

    def _series_cancelled(self, cancelled: list[BookingRecord]) -> None:
        """This occurrence as cancelled (or, when it was already over, the first one)."""
        self._done(next((b for b in cancelled if b.id == self.booking.id), cancelled[0]))

    @Slot(bool)
    def _waive_toggled(self, waived: bool) -> None:
        """A waiver says why: the reason is asked for, not optional, then."""
        self.reason_edit.setPlaceholderText(
            self.tr("wajib: mengapa biaya dibebaskan") if waived
            else self.tr("mis. acara diundur (boleh kosong)")
        )
        self._show_fee()

    def _load_policies(self) -> None:
        bookings = self._ctx.core.bookings
        self._ctx.runner.op(bookings.policies, self).success(self._policies_loaded).run()

    def _policies_loaded(self, policies: BookingPolicies) -> None:
        self.policies = policies
        self._show_fee()

    def cancel_fee(self) -> int:
        """What cancelling now would cost under the policies (0 before they are read)."""
        if self.policies is None:
            return 0
        p, b = self.policies, self.booking
        return cancel_fee(b.total, b.starts_at, self._ctx.core.now(), p.free_cancel_hours,
                          p.cancel_fee_percent, b.created_at)

    def _show_fee(self) -> None:
        """Say what the policy charges for cancelling now: free, a fee, or a fee waived."""
        p, b = self.policies, self.booking
        if p is None:
            return
        fee, now = self.cancel_fee(), self._ctx.core.now()
        if just_booked(b.starts_at, now, b.created_at):
            text = self.tr("Pembatalan gratis: baru dipesan, kurang dari {minutes} menit lalu.")
        elif cancels_free(b.starts_at, now, p.free_cancel_hours):
            text = self.tr("Pembatalan gratis: masih lebih dari {hours} jam sebelum mulai.")
        elif not fee:
            text = self.tr("Tanpa biaya pembatalan.")
        elif self.waive_check.isChecked():
            text = self.tr("Biaya pembatalan {fee} dibebaskan.")
        else:
            text = self.tr("Biaya pembatalan {fee} ({percent}% dari {total}): "
                           "kurang dari {hours} jam sebelum mulai.")
        self.fee_label.setText(text.format(hours=p.free_cancel_hours, fee=rupiah(fee),
                                           minutes=MISTAKE_MINUTES,
                                           percent=p.cancel_fee_percent, total=rupiah(b.total)))
        self.waive_check.setVisible(bool(fee) and self._ctx.can(Permission.WAIVE_BOOKING_FEE))

    # --- paying -----------------------------------------------------------------

    def _report(self, kind: str, text: str) -> None:
        self.banner.show_message(kind, text)

    @Slot(object)
    def _paid(self, booking: BookingRecord) -> None:
        """Paid from here: the amounts as they are now (the dialog stays open)."""
        self.booking = booking
        self.participants.booking = booking
        for name, amount in (("paid_value", booking.paid), ("owed_value", booking.owed),
                             ("total_value", booking.total)):
            self.values[name].setText(rupiah(amount))

    # --- the answer -------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.check_in_button.setEnabled(not busy)
        self.cancel_booking_button.setEnabled(not busy)

    def _done(self, booking: BookingRecord) -> None:
        self._set_busy(False)
        self.booking = booking
        self.booking_saved.emit(booking)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            rest = self.errors.show(exc.errors)
            set_flag(self.reason_edit, "invalid", "reason" in exc.errors)
            if rest:
                self.banner.show_message("error", " ".join(rest.values()))
        elif isinstance(exc, DomainError):
            self.banner.show_message("error", exc.message)
        else:
            show_error(self, exc)

    def _clear_reason_error(self) -> None:
        self.errors["reason"].show_message("")
        if self.reason_edit.property("invalid"):
            set_flag(self.reason_edit, "invalid", False)

    # --- Qt events ------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if focus is self.reason_edit:
                self.cancel_booking()
            elif isinstance(focus, QPushButton):
                focus.click()
            return
        super().keyPressEvent(event)
