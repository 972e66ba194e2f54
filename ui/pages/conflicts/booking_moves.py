"""A booking another desk won the slot of: the free slots to move it to, and the
two ways out (core.bookings: move_conflicted, cancel).

Shown under the details of an open `booking_overlap` conflict in the Conflicts
page. "Pindahkan ke …" moves the booking to the chosen slot (provisional again
until the server accepts it); "Batalkan pemesanan" cancels it with the
cancellation policy (its payments stay; a refund is noted on the booking).
Either resolves the conflict, at every desk with the next sync.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.errors import DomainError
from smesco_desk.services.actors import Permission
from smesco_desk.sync import BOOKING_OVERLAP, ConflictInfo
from smesco_desk.values.bookings import BookingRecord, MoveSuggestion
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldError

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1


def slot_text(move: MoveSuggestion) -> str:
    start, end = to_wib(move.starts_at), to_wib(move.ends_at)
    when = f"{start:%d-%m-%Y %H:%M}-{end:%H:%M}"
    if start.date() != end.date():
        when = f"{start:%d-%m-%Y %H:%M} - {end:%d-%m-%Y %H:%M}"
    return f"{move.space_name} · {when}"


class BookingMovesPanel(QWidget):
    """The suggestions and the move and cancel buttons of one booking conflict."""

    resolved = Signal(str)  # what was done, in words

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("booking_moves_panel")
        self._conflict: ConflictInfo | None = None
        self.title_label = QLabel(self.tr("Pindahkan ke slot yang masih kosong:"), self)
        self.list = QListWidget(self)
        self.list.setObjectName("booking_moves_list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMaximumHeight(130)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.itemActivated.connect(lambda _item: self.move_booking())
        self.move_button = QPushButton(self.tr("Pindahkan ke …"), self)
        self.move_button.setObjectName("move_booking_button")
        self.move_button.clicked.connect(self.move_booking)
        self.cancel_button = QPushButton(self.tr("Batalkan pemesanan"), self)
        self.cancel_button.setObjectName("cancel_booking_button")
        self.cancel_button.setToolTip(self.tr(
            "Pemesanan dibatalkan sesuai kebijakan pembatalan; pembayarannya tetap tercatat."))
        self.cancel_button.clicked.connect(self.cancel_booking)
        self.waive_check = QCheckBox(self.tr("Bebaskan biaya pembatalan"), self)
        self.waive_check.setObjectName("waive_fee_check")
        self.error_label = FieldError(self)
        self.error_label.setObjectName("booking_move_error_label")
        buttons = QHBoxLayout()
        buttons.addWidget(self.move_button)
        buttons.addStretch(1)
        buttons.addWidget(self.waive_check)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        self.note = ""  # the decision's note, set by the page
        self.hide()

    # --- showing -----------------------------------------------------------------------

    def set_conflict(self, c: ConflictInfo | None) -> None:
        """Show the panel for an open booking conflict (and load its free slots)."""
        self._conflict = c
        self.list.clear()
        self.error_label.show_message("")
        show = c is not None and c.kind == BOOKING_OVERLAP and c.status == "open"
        self.setVisible(show)
        self._update_buttons()
        if not show or c is None:
            return
        actor = self.ctx.actor
        self.waive_check.setVisible(
            actor is not None and actor.can(Permission.WAIVE_BOOKING_FEE))
        self.waive_check.setChecked(False)
        bookings, booking_id = self.ctx.core.bookings, c.entity_id
        (self.ctx.runner.op(lambda: bookings.suggest_moves(booking_id), self)
         .success(lambda moves: self._show_moves(booking_id, moves))
         .failure(self._failed).run())

    def _show_moves(self, booking_id: str, moves: list[MoveSuggestion]) -> None:
        if self._conflict is None or self._conflict.entity_id != booking_id:
            return  # another conflict was chosen meanwhile
        self.list.clear()
        for move in moves:
            text = slot_text(move)
            if move.same_space:
                text += " · " + self.tr("ruang yang sama")
            else:
                text += " · " + self.tr("{n} orang").format(n=move.capacity)
            item = QListWidgetItem(text, self.list)
            item.setData(SUGGESTION_ROLE, move)
        if moves:
            self.list.setCurrentRow(0)
        else:
            self.error_label.show_message(self.tr(
                "Tidak ada slot kosong yang mirip dalam seminggu; batalkan, atau pesan ulang "
                "di halaman Ruang."))
        self._update_buttons()

    def current_move(self) -> MoveSuggestion | None:
        item = self.list.currentItem()
        value = item.data(SUGGESTION_ROLE) if item is not None else None
        return value if isinstance(value, MoveSuggestion) else None

    @Slot()
    def _on_current_changed(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        move = self.current_move()
        self.move_button.setEnabled(move is not None)
        self.move_button.setText(
            self.tr("Pindahkan ke {slot}").format(slot=slot_text(move)) if move is not None
            else self.tr("Pindahkan ke …"))
        self.cancel_button.setEnabled(self._conflict is not None)

    # --- acting -----------------------------------------------------------------------------

    @Slot()
    def move_booking(self) -> None:
        c, move = self._conflict, self.current_move()
        if c is None or move is None:
            return
        actor, bookings, note = self.ctx.require_actor(), self.ctx.core.bookings, self.note

        def work() -> BookingRecord:
            return bookings.move_conflicted(actor, c.entity_id, move.starts_at, move.ends_at,
                                            move.space_id, note)

        self._run(work, self.tr("Memindahkan pemesanan…"))

    @Slot()
    def cancel_booking(self) -> None:
        c = self._conflict
        if c is None:
            return
        actor, bookings = self.ctx.require_actor(), self.ctx.core.bookings
        note, waive = self.note, self.waive_check.isVisible() and self.waive_check.isChecked()
        self._run(lambda: bookings.cancel(actor, c.entity_id, note, waive),
                  self.tr("Membatalkan pemesanan…"))

    def _run(self, work: Callable[[], BookingRecord], label: str) -> None:
        self.error_label.show_message("")
        self.move_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        (self.ctx.runner.op(work, self)
         .success(self._done).failure(self._failed).with_progress(label).run())

    def _done(self, booking: BookingRecord) -> None:
        if booking.status == "cancelled":
            text = self.tr("Pemesanan \"{title}\" dibatalkan.").format(title=booking.title)
        else:
            text = self.tr("Pemesanan \"{title}\" dipindahkan ke {space}; menunggu "
                           "konfirmasi server.").format(title=booking.title,
                                                        space=booking.space_name)
        self.resolved.emit(text)

    def _failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, DomainError):
            self.error_label.show_message(exc.message)
        else:
            show_error(self, exc)
