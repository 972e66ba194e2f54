"""A lease another desk won the days of: the two ways out (core.foodcourt:
move_lease, cancel_conflicted_lease).

Shown under the details of an open `lease_overlap` conflict in the Conflicts
page, to whoever manages leases. "Pindahkan" moves the lease to the stall and
days typed (its own stall and days to start with; the stall or the days must
be free); "Batalkan sewa" cancels it: its open charges are cancelled and a
deposit already paid is owed back to the tenant (Pembayaran › Pengembalian).
Either resolves the conflict, at every desk with the next sync.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.errors import DomainError
from smesco_desk.services.actors import Permission
from smesco_desk.sync import LEASE_OVERLAP, ConflictInfo
from smesco_desk.values.foodcourt import LeaseRecord
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldError
from ui.time_field import DateField


class LeaseMovesPanel(QWidget):
    """The move and cancel of one lease conflict."""

    resolved = Signal(str)  # what was done, in words

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lease_moves_panel")
        self._conflict: ConflictInfo | None = None
        self.stall_edit = QLineEdit(self)
        self.stall_edit.setObjectName("lease_move_stall_edit")
        self.stall_edit.setPlaceholderText("FC2-07")
        self.stall_edit.setMaximumWidth(110)
        self.start_edit = DateField(self)
        self.start_edit.setObjectName("lease_move_start_edit")
        self.end_edit = DateField(self)
        self.end_edit.setObjectName("lease_move_end_edit")
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setCalendarPopup(True)
        self.move_button = QPushButton(self.tr("Pindahkan"), self)
        self.move_button.setObjectName("move_lease_button")
        self.move_button.clicked.connect(self.move_lease)
        self.cancel_button = QPushButton(self.tr("Batalkan sewa"), self)
        self.cancel_button.setObjectName("cancel_lease_button")
        self.cancel_button.setToolTip(self.tr(
            "Tagihan yang belum dibayar dibatalkan; deposit yang sudah dibayar dicatat untuk "
            "dikembalikan (Pembayaran › Pengembalian)."))
        self.cancel_button.clicked.connect(self.cancel_lease)
        self.error_label = FieldError(self)
        self.error_label.setObjectName("lease_move_error_label")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Stan"), self))
        row.addWidget(self.stall_edit)
        row.addWidget(QLabel(self.tr("dari"), self))
        row.addWidget(self.start_edit)
        row.addWidget(QLabel(self.tr("s.d."), self))
        row.addWidget(self.end_edit)
        row.addWidget(self.move_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(QLabel(self.tr("Pindahkan sewa ke stan atau tanggal yang masih kosong:"),
                                self))
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        self.note = ""  # the decision's note, set by the page
        self.hide()

    def set_conflict(self, c: ConflictInfo | None) -> None:
        """Show the panel for an open lease conflict (filled with the lease's stall and days)."""
        self._conflict = c
        self.error_label.show_message("")
        show = (c is not None and c.kind == LEASE_OVERLAP and c.status == "open"
                and self.ctx.can(Permission.MANAGE_LEASES))
        self.setVisible(show)
        self._enable(False)
        if not show or c is None:
            return
        foodcourt, lease_id = self.ctx.core.foodcourt, c.entity_id
        (self.ctx.runner.op(lambda: foodcourt.get_lease(lease_id), self)
         .success(self._show_lease).failure(self._failed).run())

    def _show_lease(self, lease: LeaseRecord) -> None:
        if self._conflict is None or self._conflict.entity_id != lease.id:
            return  # another conflict was chosen meanwhile
        self.stall_edit.setText(lease.stall_code)
        self.start_edit.setDate(QDate(lease.starts_on))
        self.end_edit.setDate(QDate(lease.ends_on))
        self._enable(True)

    def _enable(self, on: bool) -> None:
        for widget in (self.move_button, self.cancel_button, self.stall_edit, self.start_edit,
                       self.end_edit):
            widget.setEnabled(on)

    @Slot()
    def move_lease(self) -> None:
        c = self._conflict
        if c is None:
            return
        actor, foodcourt, note = self.ctx.require_actor(), self.ctx.core.foodcourt, self.note
        stall = self.stall_edit.text()
        first = date.fromisoformat(self.start_edit.date().toString("yyyy-MM-dd"))
        last = date.fromisoformat(self.end_edit.date().toString("yyyy-MM-dd"))

        def work() -> LeaseRecord:
            return foodcourt.move_lease(actor, c.entity_id, stall, first, last, note)

        self._run(work, self.tr("Memindahkan sewa…"))

    @Slot()
    def cancel_lease(self) -> None:
        c = self._conflict
        if c is None:
            return
        actor, foodcourt, note = self.ctx.require_actor(), self.ctx.core.foodcourt, self.note
        self._run(lambda: foodcourt.cancel_conflicted_lease(actor, c.entity_id, note),
                  self.tr("Membatalkan sewa…"))

    def _run(self, work: Callable[[], LeaseRecord], label: str) -> None:
        self.error_label.show_message("")
        self._enable(False)
        (self.ctx.runner.op(work, self)
         .success(self._done).failure(self._failed).with_progress(label).run())

    def _done(self, lease: LeaseRecord) -> None:
        if lease.status == "cancelled":
            text = self.tr("Sewa {tenant} di stan {stall} dibatalkan; deposit yang sudah "
                           "dibayar tercatat untuk dikembalikan.").format(
                tenant=lease.tenant, stall=lease.stall_code)
        else:
            text = self.tr("Sewa {tenant} dipindahkan ke stan {stall}, {first} s.d. {last}.")
            text = text.format(
                tenant=lease.tenant, stall=lease.stall_code,
                first=f"{lease.starts_on:%d-%m-%Y}", last=f"{lease.ends_on:%d-%m-%Y}")
        self.resolved.emit(text)

    def _failed(self, exc: BaseException) -> None:
        self._enable(self._conflict is not None)
        if isinstance(exc, DomainError):
            self.error_label.show_message(exc.message)
        else:
            show_error(self, exc)
