"""Closing the cash drawer of a shift (Tutup kas).

The shift's figures (opening float, receipts, totals per payment method,
voids, the cash the drawer should hold) beside a count of the drawer by
denomination; the difference shows as it is typed: "cocok", "kurang Rp…" or
"lebih Rp…". "Tutup shift" asks, closes the shift through the core, then
prints the A4 cash-up report on the office printer. A print failure leaves
the shift closed; the report can be printed, previewed or saved again here.
After closing, payments need a new shift.

A receptionist counts their own shift. A supervisor or administrator may
close anyone's (the core allows it), so for them the dialog lists every open
shift at this desk ("Sari Wulandari, dibuka 08:00") and starts on their own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.payments import (
    PaymentMethod,
    cashup_note_errors,
    method_label,
)
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.services.actors import Permission
from smesco_desk.values.payments import ShiftSummary
from ui.context import AppContext
from ui.errors import error_text, show_error
from ui.forms import FieldError
from ui.pages.payments.cashup_count import DrawerCount, denomination_label
from ui.pages.payments.common import rupiah, wib_moment, wib_time_or_day
from ui.pages.payments.documents import PaymentDocuments
from ui.widgets import StatusBanner, labelled_row

__all__ = ["CashUpDialog", "denomination_label"]  # (the label is the count panel's)


class CashUpDialog(QDialog):
    """Emits `shift_closed(ShiftSummary)` once the core has closed the shift."""

    shift_closed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        shift_id: str | None,
        documents: PaymentDocuments,
        parent: QWidget | None = None,
    ) -> None:
        """`shift_id`: the shift to count (None: a supervisor's choice, theirs first)."""
        super().__init__(parent)
        self.setObjectName("cashup_dialog")
        self.setWindowTitle(self.tr("Tutup kas"))
        self._ctx = ctx
        self._documents = documents
        self.shift_id = shift_id
        self.shift: ShiftSummary | None = None
        # The core lets whoever may void receipts close anyone's shift.
        self.shift_combo: QComboBox | None = None
        self._can_choose = ctx.can(Permission.VOID_RECEIPT)
        self._busy = False
        self.banner = StatusBanner(self)
        self.banner.action_triggered.connect(lambda: self.print_report("print"))
        columns = QHBoxLayout()
        columns.setSpacing(14)
        columns.addWidget(self._build_summary(), 1)
        columns.addWidget(self._build_count(), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(columns, 1)
        layout.addLayout(self._build_note())
        layout.addWidget(self.banner)
        layout.addLayout(self._build_buttons())
        self._fit_screen()
        self._load()

    # --- building -------------------------------------------------------------

    def _build_summary(self) -> QFrame:
        box = QFrame(self)
        box.setObjectName("cashup_summary_panel")
        title = QLabel(self.tr("Ringkasan shift"), box)
        title.setObjectName("panel_title_label")
        self.shift_label = QLabel(box)
        self.shift_label.setObjectName("cashup_shift_label")
        self.shift_label.setWordWrap(True)
        choice = self._build_shift_choice(box) if self._can_choose else None
        self.summary_form = QFormLayout()
        self.summary_form.setVerticalSpacing(5)
        self.value_labels: dict[str, QLabel] = {}
        rows = [("opening_float", self.tr("Modal awal")), ("receipts", self.tr("Kuitansi"))]
        rows += [(m.value, method_label(m.value)) for m in PaymentMethod]
        rows += [("voided", self.tr("Dibatalkan")), ("refunds", self.tr("Pengembalian dana"))]
        rows += [("expected", self.tr("Kas seharusnya"))]
        for key, text in rows:
            label = QLabel(box)
            label.setObjectName(f"summary_{key}_label")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.value_labels[key] = label
            title_label = QLabel(text, box)
            if key == "expected":
                title_label.setObjectName("expected_title_label")
            self.summary_form.addRow(title_label, label)
        note = QLabel(
            self.tr(
                "Kas seharusnya = modal awal + pembayaran tunai yang tidak dibatalkan "
                "- uang tunai yang dikembalikan."
            ),
            box,
        )
        note.setObjectName("note_label")
        note.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(title)
        if choice is not None:
            layout.addLayout(choice)
        layout.addWidget(self.shift_label)
        layout.addLayout(self.summary_form)
        layout.addStretch(1)
        layout.addWidget(note)
        return box

    def _build_shift_choice(self, box: QFrame) -> QHBoxLayout:
        self.shift_combo = QComboBox(box)
        self.shift_combo.setObjectName("cashup_shift_combo")
        self.shift_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.shift_combo.setMinimumContentsLength(12)
        self.shift_combo.currentIndexChanged.connect(self._on_shift_chosen)
        return labelled_row(self.tr("S&hift:"), self.shift_combo, box)

    def _build_count(self) -> DrawerCount:
        self.count_panel = DrawerCount(self)
        self.count_panel.changed.connect(self._update_count)
        self.spins = self.count_panel.spins
        self.subtotal_labels = self.count_panel.subtotal_labels
        self.counted_label = self.count_panel.counted_label
        self.difference_label = self.count_panel.difference_label
        return self.count_panel

    def _build_note(self) -> QVBoxLayout:
        """The note, and under it its error: a difference needs a note."""
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("cashup_note_edit")
        self.note_edit.setMaxLength(1000)
        self.note_edit.setPlaceholderText(self.tr("mis. selisih karena uang kembalian kurang"))
        self.note_error = FieldError(self)
        self.note_edit.textEdited.connect(lambda _text: self.note_error.show_message(""))
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addLayout(labelled_row(self.tr("&Catatan"), self.note_edit, self))
        column.addWidget(self.note_error)
        return column

    def _build_buttons(self) -> QHBoxLayout:
        self.preview_button = QPushButton(self.tr("&Pratinjau laporan"), self)
        self.preview_button.setObjectName("cashup_preview_button")
        self.preview_button.clicked.connect(lambda: self.print_report("preview"))
        self.save_button = QPushButton(self.tr("&Simpan PDF…"), self)
        self.save_button.setObjectName("cashup_save_button")
        self.save_button.clicked.connect(lambda: self.print_report("save"))
        self.print_button = QPushButton(self.tr("C&etak laporan"), self)
        self.print_button.setObjectName("cashup_print_button")
        self.print_button.clicked.connect(lambda: self.print_report("print"))
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.clicked.connect(self.reject)
        self.close_button = QPushButton(self.tr("&Tutup shift…"), self)
        self.close_button.setObjectName("close_shift_button")
        self.close_button.setProperty("primary", True)
        self.close_button.clicked.connect(self.close_shift)
        self.done_button = QPushButton(self.tr("Selesai"), self)
        self.done_button.setObjectName("done_button")
        self.done_button.setProperty("primary", True)
        self.done_button.clicked.connect(self.accept)
        self.done_button.hide()
        self.save_button.hide()
        self.print_button.hide()
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        for button in (self.print_button, self.cancel_button, self.close_button, self.done_button):
            row.addWidget(button)
        return row

    def _fit_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.resize(min(860, room.width() - 40), min(640, room.height() - 60))

    # --- the shift ------------------------------------------------------------

    def _load(self) -> None:
        payments, actor, shift_id = (
            self._ctx.core.payments,
            self._ctx.require_actor(),
            self.shift_id,
        )
        if self.shift_combo is not None:
            op = self._ctx.runner.op(lambda: payments.open_shifts(actor), self)
            op.success(self._shifts_loaded)
        elif shift_id is not None:
            op = self._ctx.runner.op(lambda: payments.shift(shift_id), self)
            op.success(self.show_shift)
        else:
            return
        op.failure(self._failed).run()

    def _shifts_loaded(self, shifts: list[ShiftSummary]) -> None:
        """The open shifts to choose from: the one asked for, else one's own, else the first."""
        combo, username = self.shift_combo, self._ctx.require_actor().username
        if combo is None:
            return
        combo.blockSignals(True)
        combo.clear()
        for shift in shifts:
            combo.addItem(self._shift_text(shift, username), shift)
        wanted = next((i for i, s in enumerate(shifts) if s.id == self.shift_id), -1)
        if wanted < 0:
            wanted = next((i for i, s in enumerate(shifts) if s.operator == username), 0)
        combo.setCurrentIndex(wanted if shifts else -1)
        combo.blockSignals(False)
        if shifts:
            self._on_shift_chosen(wanted)
        else:
            self.close_button.setEnabled(False)
            self.preview_button.setEnabled(False)
            self.banner.show_message("info", self.tr("Tidak ada shift terbuka di desk ini."))

    def _shift_text(self, shift: ShiftSummary, username: str) -> str:
        text = self.tr("{name}, dibuka {time}").format(
            name=shift.operator_name, time=wib_time_or_day(shift.opened_at, self._ctx.core.now())
        )
        return text + self.tr(" (Anda)") if shift.operator == username else text

    @Slot(int)
    def _on_shift_chosen(self, index: int) -> None:
        combo = self.shift_combo
        shift = combo.itemData(index) if combo is not None else None
        if combo is None or not isinstance(shift, ShiftSummary):
            return
        choosing = combo.hasFocus()
        self.shift_id = shift.id
        for spin in self.spins.values():
            spin.setValue(0)  # a count belongs to the drawer it was made for
        self.note_edit.clear()
        self.note_error.show_message("")
        self.show_shift(shift)
        if choosing:
            combo.setFocus()  # the arrow keys go on through the shifts

    def show_shift(self, shift: ShiftSummary) -> None:
        self.shift = shift
        when = self.tr("{name} · dibuka {time} WIB").format(
            name=shift.operator_name, time=wib_moment(shift.opened_at)
        )
        if shift.closed_at is not None:
            when += "\n" + self.tr("Ditutup {time} WIB").format(time=wib_moment(shift.closed_at))
            if shift.receiver_name:
                when += " " + self.tr("oleh {name}").format(name=shift.receiver_name)
        self.shift_label.setText(when)
        values = self.value_labels
        values["opening_float"].setText(rupiah(shift.opening_float))
        values["receipts"].setText(str(shift.receipt_count))
        for method in PaymentMethod:
            values[method.value].setText(rupiah(shift.totals_by_method.get(method.value, 0)))
        values["voided"].setText(
            self.tr("{n} · {amount}").format(n=shift.void_count, amount=rupiah(shift.voided_total))
            if shift.void_count
            else "0"
        )
        values["refunds"].setText(self._refunds_text(shift))
        values["expected"].setText(rupiah(shift.expected_cash))
        if shift.counted is not None:
            for key, spin in self.spins.items():
                spin.setValue(shift.counted.get(key, 0))
            self.note_edit.setText(shift.note)
        self._set_closed(not shift.is_open)
        self._update_count()

    def _refunds_text(self, shift: ShiftSummary) -> str:  # refunds paid out, voids of closed
        cash = shift.payouts_cash + shift.cash_refunds
        text = self.tr("{n} · tunai -{cash}").format(n=shift.payout_count, cash=rupiah(cash))
        return text if cash or shift.payout_count else "0"

    # --- counting -------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return self.count_panel.counts()

    def counted_total(self) -> int:
        return self.count_panel.counted_total()

    def difference(self) -> int | None:
        return None if self.shift is None else self.counted_total() - self.shift.expected_cash

    @Slot()
    def _update_count(self) -> None:
        self.count_panel.refresh(self.difference())

    # --- closing --------------------------------------------------------------

    @Slot()
    def close_shift(self) -> None:
        if self.shift is None or self._busy or not self.shift.is_open:
            return
        refused = cashup_note_errors(self.difference() or 0, self.note_edit.text())
        if refused:  # the core would refuse it too: say so at the note, before asking
            self._note_refused(refused["note"])
            return
        if not self._confirm():
            return
        payments, actor = self._ctx.core.payments, self._ctx.require_actor()
        shift_id, counts, note = self.shift.id, self.counts(), self.note_edit.text()
        self._set_busy(True)
        self._ctx.runner.op(
            lambda: payments.close_shift(actor, shift_id, counts, note), self
        ).with_progress(self.tr("Menutup shift…")).success(self._closed).failure(self._failed).run()

    def _confirm(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Tutup shift"),
            self.tr(
                "Tutup shift sekarang?\n\nKas seharusnya {expected}, dihitung {counted}. "
                "{difference}\n\nSetelah ditutup, pembayaran berikutnya memerlukan shift "
                "baru."
            ).format(
                expected=rupiah(self.shift.expected_cash if self.shift else 0),
                counted=rupiah(self.counted_total()),
                difference=self.difference_label.text(),
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _closed(self, shift: ShiftSummary) -> None:
        self._set_busy(False)
        self.show_shift(shift)
        self.shift_closed.emit(shift)
        self.banner.show_message("info", self.tr("Shift ditutup. Mencetak laporan kas…"))
        self.print_report("print")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.close_button.setEnabled(not busy)

    def _set_closed(self, closed: bool) -> None:
        for spin in self.spins.values():
            spin.setReadOnly(closed)
        self.note_edit.setReadOnly(closed)
        if self.shift_combo is not None:
            self.shift_combo.setEnabled(not closed)  # the report stays that shift's
        self.close_button.setVisible(not closed)
        self.cancel_button.setVisible(not closed)
        for button in (self.done_button, self.print_button, self.save_button):
            button.setVisible(closed)
        if closed:
            self.done_button.setFocus()
        elif self.spins:
            first = next(iter(self.spins.values()))
            first.setFocus()
            first.selectAll()  # typing replaces the 0

    # --- the report -----------------------------------------------------------

    def print_report(self, mode: str) -> None:
        """mode: print | preview | save (the report of the shift as it is now; an
        open shift's with the cash counted so far)."""
        if self.shift_id is None:
            return
        self._documents.cashup(
            self.shift_id,
            mode,
            lambda printed: self._reported(mode, printed),
            self._report_failed,
            None if self.is_closed() else self.counts(),
        )

    def _reported(self, mode: str, printed: bool) -> None:
        if mode != "print":
            return
        text = (
            self.tr("Laporan kas dicetak ke {printer}.").format(
                printer=self._documents.printer_name("office")
            )
            if printed
            else ""
        )
        if self.is_closed():
            text = " ".join(t for t in (self.tr("Shift ditutup."), text) if t)
        if text:
            self.banner.show_message("success", text)
        else:
            self.banner.clear()

    def _report_failed(self, exc: BaseException) -> None:
        text = self.tr("Laporan kas gagal dicetak: {error}").format(error=error_text(exc))
        if self.is_closed():
            text = self.tr("Shift sudah ditutup.") + " " + text
        self.banner.show_message("error", text, self.tr("Cetak ulang laporan"))
        if not isinstance(exc, DomainError):
            show_error(self, exc)

    def is_closed(self) -> bool:
        return self.shift is not None and not self.shift.is_open

    def _note_refused(self, message: str) -> None:
        self.note_error.show_message(message)
        self.note_edit.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError) and "note" in exc.errors:
            self._note_refused(exc.errors["note"])
        elif isinstance(exc, ValidationError):
            self.banner.show_message("error", " ".join(exc.errors.values()))
        elif isinstance(exc, DomainError):
            self.banner.show_message("error", exc.message)
        else:
            show_error(self, exc)

    # --- Qt events ------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter in a count goes to the next count; elsewhere it presses the focused button."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = QApplication.focusWidget()
            if isinstance(focus, QPushButton):
                focus.click()
            elif focus is self.note_edit and self.close_button.isVisible():
                self.close_shift()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)
