"""Which of several open charges of one payer a payment pays (ChargePayDialog
with more than one charge): each charge ticked, oldest first, all of them to
begin with; an amount typed in ticks the oldest charges it pays in full (and
ticking by hand clears it). The payment (payments.pay_charges) pays whole
charges only, oldest first, to the exact rupiah; the service refuses an amount
that is not such a sum, naming the nearest that are."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from smesco_desk.values.payments import ChargeRecord
from ui.forms import FieldErrors
from ui.pages.payments.common import rupiah
from ui.widgets import RupiahEdit, note_label

ID_ROLE = Qt.ItemDataRole.UserRole


class ChargeChoice(QFrame):
    """Emits `changed(int)` with the total of the ticked charges."""

    changed = Signal(int)

    def __init__(
        self, charges: Sequence[ChargeRecord], errors: FieldErrors, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("charge_choice")
        self.charges = list(charges)
        self.list = QListWidget(self)
        self.list.setObjectName("charge_choice_list")
        for charge in self.charges:
            item = QListWidgetItem(f"{charge.description}  ·  {rupiah(charge.total)}", self.list)
            item.setData(ID_ROLE, charge.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = min(len(self.charges), 4)  # the rest a scroll away: the dialog fits 768 px
        self.list.setFixedHeight(rows * self.list.sizeHintForRow(0) + 2 * self.list.frameWidth())
        self.list.itemChanged.connect(self._ticked)
        self.amount_edit = RupiahEdit(self, self.tr("semua yang dicentang"))
        self.amount_edit.setObjectName("charge_amount_edit")
        self.amount_edit.textEdited.connect(self._amount_typed)
        amount_label = QLabel(self.tr("&Jumlah dibayar"), self)
        amount_label.setBuddy(self.amount_edit)
        note = note_label(
            self.tr("Jumlah sebagian melunasi tagihan terlama dulu, utuh; sisanya tetap terbuka."),
            self,
        )
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Tagihan yang dibayar (terlama dulu):"), self), 0, 0, 1, 2)
        layout.addWidget(self.list, 1, 0, 1, 2)
        layout.addWidget(errors.add("charges"), 2, 0, 1, 2)
        layout.addWidget(amount_label, 3, 0)
        layout.addWidget(self.amount_edit, 3, 1)
        layout.addWidget(errors.add("amount"), 4, 0, 1, 2)
        layout.addWidget(note, 5, 0, 1, 2)
        layout.setColumnStretch(1, 1)

    def chosen_ids(self) -> list[str]:
        """The ticked charges' ids, oldest first."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return [str(i.data(ID_ROLE)) for i in items if i.checkState() == Qt.CheckState.Checked]

    def payment_ids(self) -> list[str]:
        """What the payment is asked to pay: with an amount, every charge listed
        (the amount takes the oldest); else the ticked ones."""
        return [c.id for c in self.charges] if self.amount() is not None else self.chosen_ids()

    def total(self) -> int:
        chosen = set(self.chosen_ids())
        return sum(c.total for c in self.charges if c.id in chosen)

    def amount(self) -> int | None:
        return self.amount_edit.value()

    @Slot(QListWidgetItem)
    def _ticked(self, _item: QListWidgetItem) -> None:
        self.amount_edit.clear()  # ticked by hand: the ticks decide
        self.changed.emit(self.total())

    @Slot(str)
    def _amount_typed(self, _text: str) -> None:
        """Tick the oldest charges the amount pays in full (all with no amount)."""
        amount, running = self.amount(), 0
        self.list.blockSignals(True)
        for row, charge in enumerate(self.charges):
            running += charge.total
            paid = amount is None or running <= amount
            state = Qt.CheckState.Checked if paid else Qt.CheckState.Unchecked
            self.list.item(row).setCheckState(state)
        self.list.blockSignals(False)
        self.changed.emit(self.total())
