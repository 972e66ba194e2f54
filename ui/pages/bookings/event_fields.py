"""Whether a booking is an event, and which kind ("Acara": Bukan acara,
Pelatihan, Lokakarya, Seminar): the combo of the booking dialog and of the
booking's details. An event has a participant list (the "Peserta" tab):
badges, an attendance list, check-in by scanning."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from smesco_desk.domain.bookings import FREE_STATUSES, EventKind, event_kind_label
from smesco_desk.services.actors import Permission
from smesco_desk.values.bookings import BookingRecord
from ui.context import AppContext


class EventKindCombo(QComboBox):
    """The choices: "Bukan acara" first (None), then each EventKind by its label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("event_kind_combo")
        self.addItem(self.tr("Bukan acara"), "")
        for kind in EventKind:
            self.addItem(event_kind_label(kind.value), kind.value)
        self.setToolTip(
            self.tr(
                "Acara (pelatihan, lokakarya, seminar) punya daftar peserta: impor, badge, "
                "daftar hadir, check-in dengan memindai badge."
            )
        )

    def kind(self) -> str | None:
        """The EventKind value chosen, or None for a booking that is no event."""
        return self.currentData() or None

    def set_kind(self, kind: str | None) -> None:
        self.setCurrentIndex(max(self.findData(kind or ""), 0))


def event_text(kind: str | None, no_event: str) -> str:
    """The kind's label, or `no_event` (the caller's translated "Bukan acara")."""
    return event_kind_label(kind) or no_event


class EventKindEditor(QWidget):
    """The "Acara" row of a booking's details: the kind as text, or (for someone
    who may book, on a booking still live) the combo, saved as soon as another
    kind is chosen (`core.bookings.set_event`, through the runner). Emits
    `changed(BookingRecord)` once saved and `failed(exception)` when refused
    (the combo goes back to what is stored)."""

    changed = Signal(object)  # BookingRecord
    failed = Signal(object)  # BaseException

    def __init__(
        self, ctx: AppContext, booking: BookingRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("event_kind_editor")
        self._ctx = ctx
        self.booking = booking
        self.editable = booking.status not in FREE_STATUSES and ctx.can(Permission.BOOK_SPACE)
        self.combo = EventKindCombo(self)
        self.combo.set_kind(booking.event_kind)
        self.combo.activated.connect(self._chosen)
        self.label = QLabel(event_text(booking.event_kind, self.tr("Bukan acara")), self)
        self.label.setObjectName("event_kind_value")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addWidget(self.label)
        row.addStretch(1)
        self.combo.setVisible(self.editable)
        self.label.setVisible(not self.editable)

    def focus_combo(self) -> None:
        if self.editable:
            self.combo.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(int)
    def _chosen(self, _index: int) -> None:
        kind = self.combo.kind()
        if kind == self.booking.event_kind:
            return
        bookings, actor, booking_id = (
            self._ctx.core.bookings,
            self._ctx.require_actor(),
            self.booking.id,
        )
        self.combo.setEnabled(False)
        self._ctx.runner.op(lambda: bookings.set_event(actor, booking_id, kind), self).success(
            self._saved
        ).failure(self._refused).run()

    def _saved(self, booking: BookingRecord) -> None:
        self.booking = booking
        self.combo.setEnabled(True)
        self.combo.set_kind(booking.event_kind)
        self.label.setText(event_text(booking.event_kind, self.tr("Bukan acara")))
        self.changed.emit(booking)

    def _refused(self, exc: BaseException) -> None:
        self.combo.setEnabled(True)
        self.combo.set_kind(self.booking.event_kind)
        self.failed.emit(exc)
