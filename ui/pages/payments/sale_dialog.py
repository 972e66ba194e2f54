"""A sale at the desk (Penjualan): payer, lines, live totals, payment, receipt.

The totals come from `core.payments.quote` (on the worker, shortly after each
edit); the sale itself from `core.payments.sell`, which commits the charge,
the payment and the numbered receipt in one transaction. The dialog closes
once the receipt is committed and hands it on (`sale_completed`): printing
comes after, and a print failure cannot undo it. Without an open cash shift
the dialog offers to open one (the opening float), then pays.

Keyboard: Enter moves to the next field (along a line: service, quantity,
discount; from the discount to the next line) and pays from "Uang diterima"
or "No. referensi"; Ctrl+Enter pays from anywhere; Ctrl+T adds a line and
Ctrl+Del removes the one being typed in; F2 types another price for the item
of the line being typed in (as ✎ does).

A price-list price is locked for a user who may not change it alone; a sale
the core refuses for want of approval (a changed price, a discount above the
limit) opens the supervisor's approval dialog and, approved, is sent again
with the approval (issue 13). A discount above the limit is noted at its line
as it is typed (`core.payments.discount_check`, with the quote), so the person
knows before paying.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.charges import ChargeTotals, LineInput
from smesco_desk.domain.payments import PayerKind, PaymentMethod, payer_label
from smesco_desk.errors import ApprovalRequired, DomainError, ValidationError
from smesco_desk.services.actors import Permission
from smesco_desk.values.approvals import Approval
from smesco_desk.values.payments import (
    ChargeForm,
    ChargeKindInfo,
    DiscountCheck,
    PayerForm,
    PaymentForm,
    PriceItemInfo,
    ReceiptRecord,
    ShiftSummary,
)
from ui.context import AppContext
from ui.dialogs.approval import ask_approval
from ui.forms import FieldErrors
from ui.pages.payments.common import rupiah
from ui.pages.payments.paying import PaymentFlow
from ui.pages.payments.payment_panel import PaymentPanel
from ui.pages.payments.sale_lines import LineRow, LinesEditor, concerns_lines, line_errors
from ui.pages.payments.totals_panel import TotalsPanel
from ui.widgets import StatusBanner, set_flag

QUOTE_DELAY_MS = 150
FIELD_NAMES = ("payer_name", "tendered", "reference")  # the fields marked when refused


class SaleDialog(PaymentFlow, QDialog):
    """Emits `sale_completed(ReceiptRecord)` and closes once the sale is committed."""

    FIELD_NAMES = FIELD_NAMES
    sale_completed = Signal(object)  # ReceiptRecord
    shift_opened = Signal(object)  # ShiftSummary, opened from here

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sale_dialog")
        self.setWindowTitle(self.tr("Penjualan baru"))
        self._ctx = ctx
        self.receipt: ReceiptRecord | None = None
        self._kinds: list[str] = []
        self._totals: ChargeTotals | None = None
        self._quote_generation = 0
        self._busy = False
        self.errors = FieldErrors()
        self._quote_timer = QTimer(self, singleShot=True, interval=QUOTE_DELAY_MS)
        self._quote_timer.timeout.connect(self.refresh_quote)
        self._build()
        self._may_approve = ctx.require_actor().can(Permission.APPROVE_EXCEPTIONS)
        self.lines.set_price_lock(not self._may_approve)
        self._add_shortcuts()
        self._fit_screen()
        self._load()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building -------------------------------------------------------------

    def _build(self) -> None:
        # Made in the order Tab goes: payer, lines, payment, buttons.
        payer = self._build_payer()
        self.lines = LinesEditor(self)
        self.lines.changed.connect(self._on_lines_changed)
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        self.payment = PaymentPanel(self.errors, self)
        self.payment.field_edited.connect(self._clear_field)
        # Its fields by the dialog's own names: Enter pays from them, errors mark them.
        self.method_buttons, self.payment_stack = (
            self.payment.method_buttons,
            self.payment.payment_stack,
        )
        self.tendered_edit, self.reference_edit = (
            self.payment.tendered_edit,
            self.payment.reference_edit,
        )
        self.change_label, self.quick_buttons = (
            self.payment.change_label,
            self.payment.quick_buttons,
        )
        self._exact_cash = self.payment.exact_cash
        bottom.addWidget(self.payment, 1)
        self.totals = TotalsPanel(self)
        bottom.addWidget(self.totals, 1)
        self.banner = StatusBanner(self)
        self.banner.action_triggered.connect(self.open_shift)
        hint = QLabel(
            self.tr(
                "Enter: kolom berikutnya · Ctrl+T: tambah baris · Ctrl+Del: hapus baris · "
                "F2: ubah harga · Ctrl+Enter: bayar"
            ),
            self,
        )
        hint.setObjectName("hint_label")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(payer)
        layout.addWidget(self.lines, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.banner)
        layout.addLayout(self._build_buttons(hint))

    def _build_payer(self) -> QGridLayout:
        self.payer_kind_combo = QComboBox(self)
        self.payer_kind_combo.setObjectName("payer_kind_combo")
        for kind in PayerKind:
            self.payer_kind_combo.addItem(payer_label(kind.value), kind.value)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("payer_name_edit")
        self.name_edit.setPlaceholderText(self.tr("Nama orang, UMKM, tenan atau organisasi"))
        self.name_edit.setMaxLength(200)
        self.name_edit.textEdited.connect(lambda _t: self._clear_field("payer_name"))
        kind_label = QLabel(self.tr("&Jenis pembayar"), self)
        kind_label.setBuddy(self.payer_kind_combo)
        name_label = QLabel(self.tr("&Nama pembayar *"), self)
        name_label.setBuddy(self.name_edit)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        grid.addWidget(kind_label, 0, 0)
        grid.addWidget(name_label, 0, 1)
        grid.addWidget(self.payer_kind_combo, 1, 0)
        grid.addWidget(self.name_edit, 1, 1)
        grid.addWidget(self.errors.add("payer_name"), 2, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _build_buttons(self, hint: QLabel) -> QHBoxLayout:
        self.pay_button = QPushButton(self.tr("&Bayar && cetak"), self)
        self.pay_button.setObjectName("pay_button")
        self.pay_button.setProperty("primary", True)
        self.pay_button.setToolTip(self.tr("Ctrl+Enter"))
        self.pay_button.clicked.connect(self.pay)
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.clicked.connect(self.reject)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter is handled in keyPressEvent
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.pay_button)
        return row

    def _add_shortcuts(self) -> None:
        for keys, slot in (
            ("Ctrl+T", lambda: self.lines.add_row(focus=True)),
            ("Ctrl+Del", self.lines.remove_focused_row),
            ("F2", self.lines.unlock_focused_price),
            ("Ctrl+Return", self.pay),
            ("Ctrl+Enter", self.pay),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

    def _fit_screen(self) -> None:
        """Roomy on a big screen, never taller than a 768-pixel desk screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.setMinimumSize(min(760, room.width() - 20), min(520, room.height() - 40))
        self.resize(min(940, room.width() - 40), min(680, room.height() - 60))

    # --- loading --------------------------------------------------------------

    def _load(self) -> None:
        payments, actor = self._ctx.core.payments, self._ctx.require_actor()
        self._ctx.runner.op(
            lambda: (payments.price_list(), payments.charge_kinds(), payments.current_shift(actor)),
            self,
        ).success(lambda result: self._loaded(*result)).failure(self._show_failure).run()

    def _loaded(
        self, items: list[PriceItemInfo], kinds: list[ChargeKindInfo], shift: ShiftSummary | None
    ) -> None:
        self._kinds = [k.code for k in kinds]
        self.lines.set_items(items)
        if shift is None:
            self.banner.show_message(
                "info",
                self.tr(
                    "Belum ada shift kas terbuka. Buka shift (isi modal awal) sebelum membayar."
                ),
                self.tr("Buka shift…"),
            )

    # --- totals ---------------------------------------------------------------

    @Slot()
    def _on_lines_changed(self) -> None:
        self._quote_timer.start()

    @Slot()
    def refresh_quote(self) -> None:
        """Ask the core what the lines add up to (the newest answer wins). A line
        whose text is still empty counts: the core checks texts only when paying."""
        self._quote_timer.stop()
        lines = self.lines.lines()
        self._quote_generation += 1
        if not lines:
            self._show_totals(None)
            return
        generation, kind = self._quote_generation, self.lines.kind_code(self._kinds)
        payments = self._ctx.core.payments
        self._ctx.runner.op(lambda: payments.quote(kind, lines), self).success(
            lambda totals: self._quoted(generation, totals)
        ).failure(lambda exc: self._quote_failed(generation, exc)).run()
        self._check_discounts(generation, lines)

    def _check_discounts(self, generation: int, lines: tuple[LineInput, ...]) -> None:
        """Note a discount above the limit at its line, for someone who needs a
        supervisor for it (one who may approve makes it themselves)."""
        if self._may_approve or not any(line.discount for line in lines):
            self.lines.show_discount_check(None)
            return
        payments = self._ctx.core.payments
        self._ctx.runner.op(lambda: payments.discount_check(lines), self).success(
            lambda check: self._discounts_checked(generation, check)
        ).run()

    def _discounts_checked(self, generation: int, check: DiscountCheck) -> None:
        if generation == self._quote_generation:
            self.lines.show_discount_check(check)

    def _quoted(self, generation: int, totals: ChargeTotals) -> None:
        if generation == self._quote_generation:
            self.lines.show_errors({})
            self._show_totals(totals)

    def _quote_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._quote_generation:
            return
        if not isinstance(exc, ValidationError):
            self._show_totals(None, unknown=True)
            self._show_failure(exc)
            return
        errors = line_errors(exc.errors)  # values just typed: shown at once, at their line
        self.lines.show_errors(errors)
        bad = {int(k.split(".")[1]) for k in errors if k.count(".") == 2}
        good = [row for i, row in enumerate(self.lines.sent_rows()) if i not in bad]
        if not bad or not good or set(errors) - {k for k in errors if k.count(".") == 2}:
            self._show_totals(None, unknown=True)
            return
        # The other lines keep their amounts, the totals are those without the bad lines.
        kind, lines = self.lines.kind_code(self._kinds), [row.line() for row in good]
        payments = self._ctx.core.payments
        self._ctx.runner.op(lambda: payments.quote(kind, lines), self).success(
            lambda totals: self._quoted_without_bad(generation, good, totals)
        ).failure(lambda _exc: self._show_totals(None, unknown=True)).run()

    def _quoted_without_bad(
        self, generation: int, good: list[LineRow], totals: ChargeTotals
    ) -> None:
        if generation != self._quote_generation:
            return
        self._totals = None  # nothing to pay until the bad line is put right
        self.totals.show_totals(totals)
        self.lines.set_row_amounts(good, [a.amount for a in totals.lines])
        self.payment.set_total(self.total())

    def _show_totals(self, totals: ChargeTotals | None, unknown: bool = False) -> None:
        self._totals = totals
        self.totals.show_totals(totals, unknown)
        self.lines.set_amounts([a.amount for a in totals.lines] if totals else None)
        self.payment.set_total(self.total())

    def total(self) -> int | None:
        """The total of the last quote (None while unknown)."""
        return self._totals.total if self._totals else None

    # --- payment --------------------------------------------------------------

    # --- paying ---------------------------------------------------------------

    def forms(self) -> tuple[ChargeForm, PaymentForm]:
        """What the dialog holds, as the core takes it."""
        lines = self.lines.lines()
        payer = PayerForm(self.payer_kind_combo.currentData(), self.name_edit.text())
        charge = ChargeForm(payer, self.lines.kind_code(self._kinds), lines, source="sale")
        return charge, self.payment.payment_form()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() and self.lines.enter_from(QApplication.focusWidget()):
            return
        super().keyPressEvent(event)

    @Slot()
    def pay(self) -> None:
        """Sell. An empty "Uang diterima" is found here, before the core is asked;
        the core still checks the rest of the sale (it never takes cash short of
        the total, so nothing is saved) and every message shows at once."""
        self.pay_approved(None)

    def pay_approved(self, approval: Approval | None) -> None:
        """Sell with a supervisor's approval (None: none yet)."""
        if self._busy:
            return
        charge, payment = self.forms()
        own = self._own_errors()
        if any(concerns_lines(key) for key in own):  # the core would take a line at Rp0
            if not self.name_edit.text().strip():
                own["payer_name"] = self.tr("Nama pembayar wajib diisi.")
            self.show_errors(own)
            return
        payments, actor = self._ctx.core.payments, self._ctx.require_actor()
        self._set_busy(True)
        self._ctx.runner.op(
            lambda: payments.sell(actor, charge, payment, approval=approval), self
        ).with_progress(self.tr("Menyimpan pembayaran…")).success(self._paid).failure(
            lambda exc: self._pay_failed(exc, own)
        ).run()

    def _own_errors(self) -> dict[str, str]:
        """What the dialog can say before the core answers: an empty "Uang
        diterima", and a line that comes to Rp0 (a typed "studio" whose price was
        never filled in), said at the line's price."""
        errors: dict[str, str] = {}
        for index, line in enumerate(self.lines.lines()):
            if line.unit_price == 0:
                errors[f"lines.{index}.unit_price"] = self.tr(
                    "Harga satuan masih Rp0: isi harganya."
                )
            elif line.quantity * line.unit_price == line.discount:
                errors[f"lines.{index}.unit_price"] = self.tr(
                    "Jumlah baris ini Rp0: periksa harga satuan dan diskonnya."
                )
        if self.payment.method() is PaymentMethod.CASH and self.tendered_edit.value() is None:
            errors["tendered"] = self.tr("Isi jumlah uang yang diterima.")
        return errors

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.pay_button.setEnabled(not busy)

    def _paid(self, receipt: ReceiptRecord) -> None:
        self._set_busy(False)
        self.receipt = receipt
        self.sale_completed.emit(receipt)
        self.accept()

    def _pay_failed(self, exc: BaseException, own: dict[str, str]) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_errors({**exc.errors, **own})
        elif isinstance(exc, ApprovalRequired):
            ask_approval(self._ctx, exc, self, self.pay_approved)
        elif isinstance(exc, DomainError) and exc.field == "shift":
            self.open_shift(exc.message, then_pay=True)
        else:
            self._show_failure(exc)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message at its field or line, all at once; the first one to fix
        gets the keyboard. What belongs to no field goes in the banner."""
        own = {k: v for k, v in errors.items() if k in self.errors.labels}
        of_lines = line_errors(errors)
        self.errors.show(own)
        for field in FIELD_NAMES:
            set_flag(self._field_widget(field), "invalid", field in own)
        first_line = self.lines.show_errors(of_lines)
        rest = [v for k, v in errors.items() if k not in own and not concerns_lines(k)]
        if rest:
            self.banner.show_message("error", " ".join(rest))
        first = (
            self.name_edit
            if "payer_name" in own
            else first_line
            or (self._field_widget("tendered") if "tendered" in own else None)
            or (self.reference_edit if "reference" in own else None)
        )
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _field_widget(self, field: str) -> QWidget:
        return {
            "payer_name": self.name_edit,
            "tendered": self.tendered_edit,
            "reference": self.reference_edit,
        }[field]

    # --- the cash shift -------------------------------------------------------

    def _shift_opened(self, shift: ShiftSummary) -> None:
        self.banner.show_message(
            "success",
            self.tr("Shift dibuka dengan modal {amount}.").format(
                amount=rupiah(shift.opening_float)
            ),
        )
        self.shift_opened.emit(shift)

    def reject(self) -> None:
        """Esc or Batal: ask before throwing away a sale being typed."""
        asks = self.receipt is None and not self._busy and not self.is_blank()
        if asks and not self._confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        """Throw the sale away? "Tidak" is the default: a stray Enter keeps the sale."""
        answer = QMessageBox.question(
            self,
            self.tr("Batalkan penjualan"),
            self.tr("Penjualan ini belum dibayar. Tutup dan buang isinya?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def is_blank(self) -> bool:
        return not self.name_edit.text().strip() and self.lines.is_blank()
