"""The Payments page (Pembayaran): sales, receipts, reprints, voids and the cash-up.

    page = PaymentsPage(ctx)             # printing through ui.printing.DocumentPrinter
    page.receipt_issued.connect(...)     # ReceiptRecord, once a sale is committed
    F4 starts a sale (in the main window the shortcut belongs to the window:
    see `release_shortcuts`), Ctrl+F goes to the search, Ctrl+P reprints.

The header shows the person's cash shift; under it the day's receipts (or a
search: number, payer or amount), and the details of the chosen one with its
actions. A sale is committed before its receipt prints: a print failure
leaves the receipt as it is, says so, and offers a reprint (a SALINAN).
Voiding is for supervisors and administrators: the button is not built for
anyone else (the core checks again). A tab beside the receipts lists the
refunds owed, paid out from the shift (refunds_panel).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import wib_today
from smesco_desk.domain.payments import PaymentMethod
from smesco_desk.errors import DomainError
from smesco_desk.services.actors import Permission
from smesco_desk.values.payments import ReceiptFilter, ReceiptRecord, ShiftSummary
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.errors import error_text, show_error
from ui.models.receipts_model import ReceiptsTableModel
from ui.pages.payments.cashup_dialog import CashUpDialog
from ui.pages.payments.common import SHIFT_TABLES, rupiah
from ui.pages.payments.documents import PaymentDocuments
from ui.pages.payments.receipt_panel import ReceiptPanel
from ui.pages.payments.receipt_search import ReceiptSearchBar
from ui.pages.payments.receipt_table import ReceiptsSummaryLabel, ReceiptTable
from ui.pages.payments.refunds_panel import BoldTabBar, RefundsPanel
from ui.pages.payments.sale_dialog import SaleDialog
from ui.pages.payments.shift_dialog import OpenShiftDialog
from ui.pages.payments.shift_header import ShiftHeader
from ui.pages.payments.void_dialog import VoidDialog
from ui.widgets import StatusBanner

# The details are this wide, and narrower on a small desk screen (1024 px),
# where the list needs the width more; the person may drag the splitter.
DETAILS_WIDTH, NARROW_DETAILS_WIDTH = 360, 280
NARROW_PAGE_WIDTH = 1000


class PaymentsPage(QWidget):
    receipt_issued = Signal(object)  # ReceiptRecord

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        printer: DocumentPrinterLike | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("payments_page")
        self.ctx = ctx
        self.documents = PaymentDocuments(ctx, self, printer)
        self.sale_dialog: SaleDialog | None = None
        self.cashup_dialog: CashUpDialog | None = None
        self.void_dialog: VoidDialog | None = None
        self.shift_dialog: OpenShiftDialog | None = None
        self._banner_action: Callable[[], None] | None = None
        self._day = wib_today(ctx.core.now())
        self.model = ReceiptsTableModel(ctx, ReceiptFilter(day=self._day), self)
        self.header = ShiftHeader(self)
        self.header.new_sale_requested.connect(self.new_sale)
        self.header.open_shift_requested.connect(self.open_shift)
        self.header.cashup_requested.connect(self.cash_up)
        self.banner = StatusBanner(self)
        self.banner.action_triggered.connect(self._on_banner_action)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("payments_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_details())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.splitterMoved.connect(self._on_splitter_moved)
        self._details_width: int | None = None  # as the person dragged it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self._with_refunds(splitter), 1)
        self._add_shortcuts()
        self._shown_once = False
        ctx.runner.data_changed.connect(self._on_data_changed)
        self.model.load_failed.connect(lambda message: self.banner.show_message("error", message))
        self.refresh_shift()
        self._update_empty_text()
        self._show_record(None)

    # --- building -------------------------------------------------------------

    def _build_list(self) -> QWidget:
        box = QWidget(self)
        self.search_bar = ReceiptSearchBar(self._day, box)
        self.search_bar.search_requested.connect(self.search)
        self.search_edit = self.search_bar.search_edit
        self.date_edit, self.all_days_check = (
            self.search_bar.date_edit,
            self.search_bar.all_days_check,
        )
        self.table = ReceiptTable(self.model, box)
        self.summary_label = ReceiptsSummaryLabel(self.model, box)
        self.table.current_changed.connect(self._show_record)
        self.table.doubleClicked.connect(lambda _i: self.preview_selected())
        layout = QVBoxLayout(box)  # the summary under the table takes the whole width
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        return box

    def _with_refunds(self, receipts: QWidget) -> QTabWidget:
        """The receipts (list and details) in one tab, the refunds owed in the next
        (refunds_panel: paid out from the shift)."""
        self.tabs = tabs = QTabWidget(self)
        tabs.setObjectName("payments_tabs")
        tabs.setTabBar(BoldTabBar(tabs))
        tabs.setUsesScrollButtons(False)  # two tabs always fit: never scroll one away
        tabs.addTab(receipts, self.tr("Kuitansi"))
        can_pay = self.ctx.can(Permission.TAKE_PAYMENT)
        self.refunds_panel = panel = RefundsPanel(self.ctx, self.documents, can_pay, tabs)
        panel.count_changed.connect(lambda n: tabs.setTabText(1, panel.tab_title(n)))
        panel.shift_opened.connect(self._on_shift_opened)
        panel.refund_paid.connect(lambda p: self._show_banner("success", panel.paid_text(p)))
        tabs.addTab(panel, panel.tab_title(panel.model.rowCount()))
        return tabs

    def _build_details(self) -> QWidget:
        panel = ReceiptPanel(self.documents, self.ctx.can(Permission.VOID_RECEIPT), self)
        panel.reprint_requested.connect(self.reprint_selected)
        panel.preview_requested.connect(self.preview_selected)
        panel.save_requested.connect(self.save_selected)
        panel.void_requested.connect(self.void_selected)
        self.details, self.format_combo = panel.details, panel.format_combo
        self.reprint_button, self.preview_button = panel.reprint_button, panel.preview_button
        self.save_button, self.void_button = panel.save_button, panel.void_button
        self.receipt_panel = panel
        return panel

    def _add_shortcuts(self) -> None:
        self._shortcuts: list[QShortcut] = []
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_F4), self.new_sale),
            (QKeySequence("Ctrl+F"), self.focus_search),
            (QKeySequence("Ctrl+P"), self.reprint_selected),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # only while shown
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)

    def release_shortcuts(self) -> None:
        """The main window gives F4 itself (it works from every page there)."""
        self._shortcuts[0].setEnabled(False)

    # --- the shift ------------------------------------------------------------

    @Slot()
    def refresh_shift(self) -> None:
        """The person's shift; for a supervisor also whether others' are open (they
        may close those)."""
        payments, actor = self.ctx.core.payments, self.ctx.require_actor()
        others = self.ctx.can(Permission.VOID_RECEIPT)
        self.ctx.runner.op(
            lambda: (
                payments.current_shift(actor),
                len(payments.open_shifts(actor)) if others else 0,
            ),
            self,
        ).success(lambda result: self.header.show_shift(result[0], open_shifts=result[1])).failure(
            self._on_failed
        ).run()

    def shift(self) -> ShiftSummary | None:
        return self.header.shift

    @Slot()
    def open_shift(self) -> None:
        if self.shift_dialog is not None:
            self.shift_dialog.activateWindow()
            return
        self.shift_dialog = OpenShiftDialog(self.ctx, self)
        self.shift_dialog.shift_opened.connect(self._on_shift_opened)
        self._open("shift_dialog")

    @Slot(object)
    def _on_shift_opened(self, shift: ShiftSummary) -> None:
        self.header.show_shift(shift)
        self._show_banner(
            "success",
            self.tr("Shift dibuka dengan modal {amount}.").format(
                amount=rupiah(shift.opening_float)
            ),
        )

    @Slot()
    def cash_up(self) -> None:
        """Count and close one's shift; a supervisor may choose anyone's at this desk."""
        shift = self.shift()
        if shift is None and not self.ctx.can(Permission.VOID_RECEIPT):
            self._show_banner("info", self.tr("Tidak ada shift terbuka untuk ditutup."))
            return
        if self.cashup_dialog is not None:
            self.cashup_dialog.activateWindow()
            return
        self.cashup_dialog = CashUpDialog(
            self.ctx, shift.id if shift else None, self.documents, self
        )
        self.cashup_dialog.shift_closed.connect(self._on_shift_closed)
        self._open("cashup_dialog")

    @Slot(object)
    def _on_shift_closed(self, shift: ShiftSummary) -> None:
        """(The header follows by itself: closing announces the change of cash_shifts.)"""
        amounts = {
            "expected": rupiah(shift.expected_cash),
            "counted": rupiah(shift.counted_total or 0),
        }
        if shift.operator != self.ctx.require_actor().username:  # a supervisor closed it
            text = self.tr("Shift {name} ditutup (kas seharusnya {expected}, dihitung {counted}).")
            self._show_banner("success", text.format(name=shift.operator_name, **amounts))
            return
        self._show_banner(
            "success",
            self.tr(
                "Shift ditutup (kas seharusnya {expected}, dihitung {counted}). Penjualan "
                "berikutnya memerlukan shift baru."
            ).format(**amounts),
        )

    # --- sales ----------------------------------------------------------------

    @Slot()
    def new_sale(self) -> None:
        if self.sale_dialog is not None:
            self.sale_dialog.activateWindow()
            return
        self.sale_dialog = SaleDialog(self.ctx, self)
        self.sale_dialog.sale_completed.connect(self._after_sale)
        self.sale_dialog.shift_opened.connect(self.header.show_shift)
        self._open("sale_dialog")

    @Slot(object)
    def _after_sale(self, receipt: ReceiptRecord) -> None:
        """The receipt is committed: show it, say the change, then print it."""
        self.receipt_issued.emit(receipt)
        self.table.select_id(receipt.id)
        self._report_sale(receipt, "info", self.tr("Mencetak kuitansi…"))
        self.documents.print_receipt(
            receipt.number,
            lambda printed: self._sale_printed(receipt, printed),
            lambda exc: self._sale_print_failed(receipt, exc),
        )

    def _sale_printed(self, receipt: ReceiptRecord, printed: bool) -> None:
        note = (
            self.tr("Kuitansi dicetak ke {printer}.").format(
                printer=self.documents.printer_name("receipt")
            )
            if printed
            else ""
        )
        self._report_sale(receipt, "success", note)

    def _sale_print_failed(self, receipt: ReceiptRecord, exc: BaseException) -> None:
        note = self.tr("Pembayaran tersimpan, tetapi kuitansi gagal dicetak: {error}").format(
            error=error_text(exc)
        )
        self._report_sale(
            receipt, "error", note, self.tr("Cetak ulang"), lambda: self.reprint(receipt.number)
        )

    def _report_sale(
        self,
        receipt: ReceiptRecord,
        kind: str,
        note: str,
        action: str = "",
        then: Callable[[], None] | None = None,
    ) -> None:
        if receipt.method == PaymentMethod.CASH.value and receipt.change_given:
            headline = self.tr("Kembalian {amount}").format(amount=rupiah(receipt.change_given))
        else:
            headline = self.tr("Lunas {amount}").format(amount=rupiah(receipt.total))
        text = self.tr("{number} · {payer} · total {total}.").format(
            number=receipt.number, payer=receipt.payer_name, total=rupiah(receipt.total)
        )
        self._show_banner(kind, f"{text} {note}".strip(), action, then, headline)

    # --- the chosen receipt ---------------------------------------------------

    def selected(self) -> ReceiptRecord | None:
        return self.table.current_record()

    @Slot()
    def reprint_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.reprint(record.number)

    def reprint(self, number: str) -> None:
        """Print the receipt again (a SALINAN once it has been printed before)."""
        self._show_banner("info", self.tr("Mencetak kuitansi {number}…").format(number=number))
        self.documents.print_receipt(
            number,
            lambda printed: self._reprinted(number, printed),
            lambda exc: self._show_banner(
                "error",
                self.tr("Kuitansi {number} gagal dicetak: {error}").format(
                    number=number, error=error_text(exc)
                ),
                self.tr("Cetak ulang"),
                lambda: self.reprint(number),
            ),
        )

    def _reprinted(self, number: str, printed: bool) -> None:
        if printed:
            self._show_banner(
                "success",
                self.tr("Kuitansi {number} dicetak ke {printer}.").format(
                    number=number, printer=self.documents.printer_name("receipt")
                ),
            )
        else:
            self.banner.clear()

    @Slot()
    def preview_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.documents.preview_receipt(record.number, lambda _p: None, self._on_failed)

    @Slot()
    def save_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.documents.save_receipt(record.number, lambda _p: None, self._on_failed)

    @Slot()
    def void_selected(self) -> None:
        record = self.selected()
        if record is None or record.voided or not self.ctx.can(Permission.VOID_RECEIPT):
            return
        self.void_dialog = VoidDialog(self.ctx, record, self, documents=self.documents)
        self.void_dialog.receipt_voided.connect(self._on_voided)
        self.void_dialog.shift_opened.connect(self._on_shift_opened)
        self._open("void_dialog")

    @Slot(object)
    def _on_voided(self, record: ReceiptRecord) -> None:
        self._show_banner(
            "success", self.tr("Kuitansi {number} dibatalkan (BATAL).").format(number=record.number)
        )

    @Slot(object)
    def _show_record(self, record: ReceiptRecord | None) -> None:
        self.receipt_panel.show_receipt(record)

    # --- searching ------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        self.search_bar.focus_search()

    @Slot()
    def search(self) -> None:
        flt = self.search_bar.receipt_filter()
        if flt != self.model.filter():
            self.model.set_filter(flt)
            self._update_empty_text()
            self.table.fit_columns()  # the time column shows dates across days

    def _update_empty_text(self) -> None:
        flt = self.model.filter()
        if flt.text:
            empty = self.tr("Tidak ada kuitansi yang cocok dengan “{text}”.").format(text=flt.text)
        else:
            empty = self.tr("Belum ada kuitansi pada tanggal ini.")
        self.table.set_empty_text(empty)

    # --- Qt events --------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW_PAGE_WIDTH
        details = self._details_width or (NARROW_DETAILS_WIDTH if narrow else DETAILS_WIDTH)
        total = sum(self.splitter.sizes()) or self.splitter.width()
        self.splitter.setSizes([max(total - details, 1), details])

    @Slot(int, int)
    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._details_width = self.splitter.sizes()[1]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._shown_once:  # start where the desk starts: the list of the day
            self._shown_once = True
            self._focus_list_once_loaded()
        self._follow_today()

    def _focus_list_once_loaded(self) -> None:
        """The list takes the keyboard with its rows there, the newest receipt
        chosen: a page built when first shown may still be loading them, and the
        window may not be active (F4 opens the sale dialog over a page built just
        then), when taking the focus alone would choose nothing."""
        if not self.model.is_loading():
            QTimer.singleShot(0, self, self._take_keyboard)
            return

        def loaded(loading: bool) -> None:
            if not loading:
                self.model.loading_changed.disconnect(loaded)
                if self.isVisible():
                    self._take_keyboard()

        self.model.loading_changed.connect(loaded)

    def _take_keyboard(self) -> None:
        if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
            # as the view does when it takes the focus: current, not selected
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self.table.setFocus()

    def _follow_today(self) -> None:
        """After midnight, a list still on the old "today" moves on to the new one."""
        today = wib_today(self.ctx.core.now())
        if today != self._day:
            old, self._day = self._day, today
            self.search_bar.follow_day(old, today)

    # --- helpers --------------------------------------------------------------

    @Slot(object)
    def _on_data_changed(self, changed: frozenset[str]) -> None:
        if changed & SHIFT_TABLES:
            self.refresh_shift()
            if self.isVisible():
                self._follow_today()  # a sale just after midnight shows in the new day

    def _show_banner(
        self,
        kind: str,
        text: str,
        action: str = "",
        then: Callable[[], None] | None = None,
        headline: str = "",
    ) -> None:
        self._banner_action = then
        self.banner.show_message(kind, text, action, headline)

    @Slot()
    def _on_banner_action(self) -> None:
        if self._banner_action is not None:
            self._banner_action()

    def _on_failed(self, exc: BaseException) -> None:
        self._show_banner("error", error_text(exc))
        if not isinstance(exc, DomainError):
            show_error(self, exc)  # a bug: the details go with it

    def _open(self, name: str) -> None:
        """Open the dialog in self.<name>; it is forgotten once it closes."""
        dialog = getattr(self, name)
        dialog.finished.connect(lambda _r: self._forget(name))
        dialog.open()

    def _forget(self, name: str) -> None:
        dialog = getattr(self, name)
        setattr(self, name, None)
        if dialog is not None:
            dialog.deleteLater()
