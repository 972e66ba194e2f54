"""How a sale is paid (Cara bayar): the method, the cash handed over with quick
amounts and the change, or the reference of a non-cash payment.

    panel = PaymentPanel(errors, parent)   # the dialog's FieldErrors: "method",
                                           # "tendered" and "reference" go under it
    panel.set_total(total)                 # after each quote (None while unknown)
    panel.payment_form()                   # as the core takes it
    panel.field_edited(name)               # the person changed that field
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.payments import PaymentMethod
from smesco_desk.values.payments import PaymentForm
from ui.forms import FieldErrors
from ui.pages.payments.common import rupiah
from ui.widgets import RupiahEdit, set_flag

QUICK_STEPS = (10_000, 50_000, 100_000)  # quick cash: the next of each above the total
QUICK_COUNT = 3
PAYMENT_FIELDS = ("tendered", "reference", "method")


def quick_amounts(total: int | None) -> list[int]:
    """Round cash amounts above the total: the next multiple of Rp10.000, Rp50.000
    and Rp100.000 (Rp488.400: Rp490.000, Rp500.000, Rp550.000), distinct, then
    Rp50.000 steps until there are three."""
    if not total or total <= 0:
        return []
    amounts = sorted({(total // step + 1) * step for step in QUICK_STEPS})
    while len(amounts) < QUICK_COUNT:
        amounts.append((amounts[-1] // 50_000 + 1) * 50_000)
    return amounts[:QUICK_COUNT]


class PaymentPanel(QFrame):
    """Emits `field_edited(name)` when the person changes a payment field."""

    field_edited = Signal(str)

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sale_payment_panel")
        self.errors = errors
        self._total: int | None = None
        self.method_group = QButtonGroup(self)
        methods = QHBoxLayout()
        methods.setSpacing(14)
        labels = {
            PaymentMethod.CASH: self.tr("&Tunai"),
            PaymentMethod.QRIS: self.tr("&QRIS"),
            PaymentMethod.TRANSFER: self.tr("T&ransfer"),
            PaymentMethod.CARD: self.tr("&Kartu"),
        }
        self.method_buttons: dict[PaymentMethod, QRadioButton] = {}
        for number, (method, text) in enumerate(labels.items()):
            button = QRadioButton(text, self)
            button.setObjectName(f"method_{method.value}_radio")
            self.method_group.addButton(button, number)
            self.method_buttons[method] = button
            methods.addWidget(button)
        methods.addStretch(1)
        self.method_buttons[PaymentMethod.CASH].setChecked(True)
        self.method_group.idToggled.connect(self._on_method_toggled)
        self.payment_stack = QStackedWidget(self)
        self.payment_stack.setObjectName("payment_stack")
        self.payment_stack.addWidget(self._build_cash())
        self.payment_stack.addWidget(self._build_reference())
        title = QLabel(self.tr("Cara bayar"), self)
        title.setObjectName("panel_title_label")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addLayout(methods)
        layout.addWidget(errors.add("method"))
        layout.addWidget(self.payment_stack)

    def _build_cash(self) -> QWidget:
        page = QWidget(self)
        self.tendered_edit = RupiahEdit(page)
        self.tendered_edit.setObjectName("tendered_edit")
        self.tendered_edit.value_changed.connect(self._on_tendered_changed)
        label = QLabel(self.tr("&Uang diterima"), page)
        label.setBuddy(self.tendered_edit)
        self.exact_button = QPushButton(self.tr("Uang &pas"), page)
        self.exact_button.setObjectName("exact_cash_button")
        self.exact_button.clicked.connect(self.exact_cash)
        # Two rows of two, their room kept while hidden: a flowing third row was
        # cut off at the bottom when the dialog was short ("Rp1.000.000").
        quick_row = QWidget(page)
        quick = QGridLayout(quick_row)
        quick.setContentsMargins(0, 0, 0, 0)
        quick.setSpacing(6)
        self.exact_button.setProperty("quick", True)
        quick.addWidget(self.exact_button, 0, 0)
        self.quick_buttons: list[QPushButton] = []
        for number in range(QUICK_COUNT):
            button = QPushButton(quick_row)
            button.setObjectName(f"quick_cash_{number}_button")
            button.setProperty("quick", True)
            button.clicked.connect(lambda _c=False, n=number: self._quick_cash(n))
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
            button.hide()
            quick.addWidget(button, (number + 1) // 2, (number + 1) % 2)
            self.quick_buttons.append(button)
        self.change_label = QLabel(page)
        self.change_label.setObjectName("change_label")
        grid = self._field_grid(page, label, self.tendered_edit, "tendered")
        grid.addWidget(quick_row, 2, 1)
        grid.addWidget(self.change_label, 3, 0, 1, 2)
        return page

    def _build_reference(self) -> QWidget:
        page = QWidget(self)
        self.reference_edit = QLineEdit(page)
        self.reference_edit.setObjectName("reference_edit")
        self.reference_edit.setMaxLength(100)
        self.reference_edit.setPlaceholderText(self.tr("Nomor transaksi di struk EDC / aplikasi"))
        self.reference_edit.textEdited.connect(lambda _t: self.field_edited.emit("reference"))
        label = QLabel(self.tr("No. r&eferensi"), page)
        label.setBuddy(self.reference_edit)
        note = QLabel(self.tr("Pembayaran non-tunai selalu tepat sebesar total."), page)
        note.setObjectName("note_label")
        note.setWordWrap(True)
        grid = self._field_grid(page, label, self.reference_edit, "reference")
        grid.addWidget(note, 2, 0, 1, 2)
        grid.setRowStretch(3, 1)
        return page

    def _field_grid(self, page: QWidget, label: QLabel, field: QWidget, name: str) -> QGridLayout:
        """The page's grid: the label and the field, its error under it (rows 0-1)."""
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addWidget(label, 0, 0)
        grid.addWidget(field, 0, 1)
        grid.addWidget(self.errors.add(name), 1, 1)
        grid.setColumnStretch(1, 1)
        return grid

    # --- the method ---------------------------------------------------------------

    def method(self) -> PaymentMethod:
        checked = self.method_group.checkedButton()
        return next((m for m, b in self.method_buttons.items() if b is checked), PaymentMethod.CASH)

    def payment_form(self) -> PaymentForm:
        method = self.method()
        if method is PaymentMethod.CASH:
            return PaymentForm(method.value, self.tendered_edit.value() or 0)
        return PaymentForm(method.value, None, self.reference_edit.text())

    @Slot(int, bool)
    def _on_method_toggled(self, _id: int, checked: bool) -> None:
        if not checked:
            return
        cash = self.method() is PaymentMethod.CASH
        self.payment_stack.setCurrentIndex(0 if cash else 1)
        for field in PAYMENT_FIELDS:
            self.field_edited.emit(field)
        self._update_change()

    # --- cash -----------------------------------------------------------------------

    def set_total(self, total: int | None) -> None:
        self._total = total
        self._update_change()

    @Slot()
    def exact_cash(self) -> None:
        if self._total is not None:
            self.tendered_edit.set_value(self._total)
        self.tendered_edit.setFocus()
        self.tendered_edit.selectAll()

    def _quick_cash(self, number: int) -> None:
        amounts = quick_amounts(self._total)
        if number >= len(amounts):
            return
        self.tendered_edit.set_value(amounts[number])
        self.tendered_edit.setFocus()
        self.tendered_edit.selectAll()  # Enter pays; a typed amount replaces it

    @Slot()
    def _on_tendered_changed(self) -> None:
        self.field_edited.emit("tendered")
        self._update_change()

    def _update_quick_cash(self) -> None:
        """The round amounts a payer is likely to hand over for this total."""
        amounts = quick_amounts(self._total)
        for number, button in enumerate(self.quick_buttons):
            if number < len(amounts):
                button.setText(rupiah(amounts[number]))
            button.setVisible(number < len(amounts))

    def _update_change(self) -> None:
        """ "Kembalian Rp…" (or "Kurang Rp…") as the cash and the total change."""
        self._update_quick_cash()
        tendered, total = self.tendered_edit.value(), self._total
        if self.method() is not PaymentMethod.CASH or tendered is None or total is None:
            self.change_label.setText("")
            set_flag(self.change_label, "kind", "")
            return
        if tendered >= total:
            self.change_label.setText(
                self.tr("Kembalian {amount}").format(amount=rupiah(tendered - total))
            )
            set_flag(self.change_label, "kind", "ok")
        else:
            self.change_label.setText(
                self.tr("Kurang {amount}").format(amount=rupiah(total - tendered))
            )
            set_flag(self.change_label, "kind", "short")
