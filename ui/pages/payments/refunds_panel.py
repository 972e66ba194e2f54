"""Refunds owed (Pengembalian dana): money payers are owed back, not yet paid out.

A tab of the Payments page beside the receipts: each credit with its payer,
what it is for (the booking moved or cancelled) and the amount; "Bayar
kembali…" (or Enter, or a double click) pays the chosen one out
(refund_dialog). The list follows the charges and payouts as they change,
here or through sync.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.payments import payer_label
from smesco_desk.values.payments import ChargeRecord, RefundPayoutRecord
from ui.context import AppContext
from ui.models.values_table import ValuesTableModel
from ui.pages.payments.common import rupiah, wib_moment
from ui.pages.payments.documents import PaymentDocuments
from ui.pages.payments.refund_dialog import RefundDialog

# data_changed names that change what the list shows.
REFUND_TABLES = frozenset({"charges", "refund_payouts"})


class BoldTabBar(QTabBar):
    """Tabs sized for the bolder font the style gives the chosen one (sized for the
    normal font, the chosen tab grew past the bar and scroll arrows cut its neighbour)."""

    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802 - Qt override
        size = super().tabSizeHint(index)
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        text = self.tabText(index).replace("&", "")
        extra = QFontMetrics(bold).horizontalAdvance(text) - self.fontMetrics().horizontalAdvance(
            text
        )
        return QSize(size.width() + max(extra, 0) + 2, size.height())


class RefundsPanel(QWidget):
    """Opens the payout dialog for the chosen credit; emits `refund_paid(RefundPayoutRecord)`
    once one is paid out, `shift_opened(ShiftSummary)` when the dialog opened a shift,
    and `count_changed(int)` when the number owed changes."""

    refund_paid = Signal(object)
    shift_opened = Signal(object)
    count_changed = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        documents: PaymentDocuments,
        can_pay: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("refunds_panel")
        self._ctx = ctx
        self._documents = documents
        self._can_pay = can_pay
        self.dialog: RefundDialog | None = None
        self.model: ValuesTableModel[ChargeRecord] = ValuesTableModel(
            [
                (self.tr("Sejak"), lambda c: wib_moment(c.created_at)),
                (self.tr("Penerima"), lambda c: f"{c.payer_name} ({payer_label(c.payer_kind)})"),
                (self.tr("Untuk"), lambda c: c.description),
                (self.tr("Jumlah"), lambda c: rupiah(-c.total)),
            ],
            self,
            right=(3,),
        )
        self.table = QTableView(self)
        self.table.setObjectName("refunds_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.pay_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_button())
        self.empty_label = QLabel(self.tr("Tidak ada pengembalian dana yang belum dibayar."), self)
        self.empty_label.setObjectName("refunds_empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("refunds_total_label")
        self.pay_button = QPushButton(self.tr("&Bayar kembali…"), self)
        self.pay_button.setObjectName("pay_refund_button")
        self.pay_button.setProperty("primary", True)
        self.pay_button.setVisible(can_pay)
        self.pay_button.clicked.connect(self.pay_selected)
        intro = QLabel(
            self.tr(
                "Uang yang harus dikembalikan kepada pembayar (pemesanan dipindah ke slot "
                "lebih murah atau dibatalkan)."
            ),
            self,
        )
        intro.setObjectName("note_label")
        intro.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total_label, 1)
        bottom.addWidget(self.pay_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(bottom)
        ctx.runner.data_changed.connect(self._on_data_changed)
        self._show([])
        self.reload()

    @Slot()
    def reload(self) -> None:
        payments = self._ctx.core.payments
        self._ctx.runner.op(payments.refunds_due, self).success(self._show).failure(
            lambda _exc: None  # (the receipts beside it say what is wrong with the database)
        ).run()

    def _show(self, owed: list[ChargeRecord]) -> None:
        chosen = self.selected()
        self.model.set_rows(owed)
        self.table.setVisible(bool(owed))
        self.empty_label.setVisible(not owed)
        total = sum(-c.total for c in owed)
        self.total_label.setText(
            self.tr("%n pengembalian · {amount}", "", len(owed)).format(amount=rupiah(total))
            if owed
            else ""
        )
        rows = [c.id for c in owed]
        row = rows.index(chosen.id) if chosen is not None and chosen.id in rows else 0
        if owed:
            self.table.selectRow(row)
        self._update_button()
        self.count_changed.emit(len(owed))

    def tab_title(self, count: int) -> str:
        text = self.tr("Pengembalian dana")
        return f"{text} ({count})" if count else text

    def paid_text(self, payout: RefundPayoutRecord) -> str:
        return self.tr("Dana {amount} dikembalikan kepada {payer}.").format(
            amount=rupiah(payout.amount), payer=payout.payer_name
        )

    def selected(self) -> ChargeRecord | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.value(index.row())

    @Slot()
    def pay_selected(self) -> None:
        credit = self.selected()
        if credit is None or not self._can_pay:
            return
        if self.dialog is not None:
            self.dialog.activateWindow()
            return
        self.dialog = dialog = RefundDialog(self._ctx, credit, self._documents, self)
        dialog.refund_paid.connect(self.refund_paid)
        dialog.shift_opened.connect(self.shift_opened)
        dialog.finished.connect(self._forget_dialog)
        dialog.open()

    @Slot()
    def _forget_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _update_button(self) -> None:
        self.pay_button.setEnabled(self.selected() is not None)

    @Slot(object)
    def _on_data_changed(self, changed: frozenset[str]) -> None:
        if changed & REFUND_TABLES:
            self.reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.pay_selected()
            return
        super().keyPressEvent(event)
