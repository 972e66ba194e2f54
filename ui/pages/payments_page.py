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
anyone else (the core checks again).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import wib_today
from smesco_desk.domain.payments import PaymentMethod, ReceiptFormat
from smesco_desk.errors import DomainError
from smesco_desk.services.actors import Permission
from smesco_desk.values.payments import ReceiptFilter, ReceiptRecord, ShiftSummary
from ui.context import AppContext
from ui.dialogs.cashup_dialog import CashUpDialog
from ui.dialogs.sale_dialog import SaleDialog
from ui.dialogs.void_dialog import VoidDialog
from ui.documents import DocumentPrinterLike
from ui.errors import error_text, show_error
from ui.models.receipts_model import ReceiptsTableModel
from ui.pages.payments.common import SHIFT_TABLES, rupiah
from ui.pages.payments.documents import PaymentDocuments
from ui.pages.payments.receipt_details import ReceiptDetails
from ui.pages.payments.receipt_table import ReceiptsSummaryLabel, ReceiptTable
from ui.pages.payments.shift_dialog import OpenShiftDialog
from ui.pages.payments.shift_header import ShiftHeader
from ui.widgets import FittingLineEdit, StatusBanner, labelled_row

SEARCH_DEBOUNCE_MS = 300
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
        layout.addWidget(splitter, 1)
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
        self.search_edit = FittingLineEdit(
            self.tr("Cari nomor, pembayar atau jumlah… (Ctrl+F)"),
            self.tr("Cari nomor, pembayar, jumlah…"),
            box,
        )
        self.search_edit.setObjectName("receipt_search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.search)
        self.search_edit.textEdited.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.search)
        self.date_edit = QDateEdit(box)
        self.date_edit.setObjectName("receipt_date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setDate(QDate(self._day.year, self._day.month, self._day.day))
        self.date_edit.dateChanged.connect(self.search)
        self.all_days_check = QCheckBox(self.tr("Se&mua tanggal"), box)
        self.all_days_check.setObjectName("all_days_check")
        self.all_days_check.setToolTip(self.tr("Cari di semua tanggal (perlu kata pencarian)"))
        self.all_days_check.toggled.connect(self.search)
        self.table = ReceiptTable(self.model, box)
        self.summary_label = ReceiptsSummaryLabel(self.model, box)
        self.table.current_changed.connect(self._show_record)
        self.table.doubleClicked.connect(lambda _i: self.preview_selected())
        row = QHBoxLayout()  # the summary under the table takes the whole width
        row.setSpacing(8)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.date_edit)
        row.addWidget(self.all_days_check)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        return box

    def _build_details(self) -> QWidget:
        box = QFrame(self)
        box.setObjectName("receipt_details_panel")
        box.setMinimumWidth(280)
        self.details = ReceiptDetails(box)
        self.reprint_button = self._button(
            "reprint_button", self.tr("Cetak &ulang"), self.reprint_selected
        )
        self.reprint_button.setToolTip(self.tr("Cetak lagi sebagai SALINAN (Ctrl+P)"))
        self.preview_button = self._button(
            "preview_button", self.tr("Prat&injau"), self.preview_selected
        )
        self.save_button = self._button(
            "save_pdf_button", self.tr("&Simpan PDF…"), self.save_selected
        )
        self.void_button: QPushButton | None = None
        grid = QGridLayout()
        grid.setSpacing(6)
        grid.addWidget(self.reprint_button, 0, 0)
        grid.addWidget(self.preview_button, 0, 1)
        grid.addWidget(self.save_button, 1, 0)
        if self.ctx.can(Permission.VOID_RECEIPT):
            self.void_button = self._button(
                "void_button", self.tr("B&atalkan…"), self.void_selected
            )
            self.void_button.setProperty("danger", True)
            grid.addWidget(self.void_button, 1, 1)
        self.format_combo = QComboBox(box)
        self.format_combo.setObjectName("receipt_format_combo")
        self.format_combo.addItem(self.tr("Struk 80 mm"), ReceiptFormat.THERMAL.value)
        self.format_combo.addItem(self.tr("Kertas A5"), ReceiptFormat.A5.value)
        self.format_combo.setCurrentIndex(
            self.format_combo.findData(self.documents.receipt_format().value)
        )
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        paper = labelled_row(self.tr("K&ertas kuitansi"), self.format_combo, box)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.details, 1)
        layout.addLayout(grid)
        layout.addLayout(paper)
        return box

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

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
        self.shift_dialog.finished.connect(lambda _r: self._forget("shift_dialog"))
        self.shift_dialog.open()

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
        self.cashup_dialog.finished.connect(lambda _r: self._forget("cashup_dialog"))
        self.cashup_dialog.open()

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
        self.sale_dialog.finished.connect(lambda _r: self._forget("sale_dialog"))
        self.sale_dialog.open()

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
        self.void_dialog.finished.connect(lambda _r: self._forget("void_dialog"))
        self.void_dialog.open()

    @Slot(object)
    def _on_voided(self, record: ReceiptRecord) -> None:
        self._show_banner(
            "success", self.tr("Kuitansi {number} dibatalkan (BATAL).").format(number=record.number)
        )

    @Slot(object)
    def _show_record(self, record: ReceiptRecord | None) -> None:
        self.details.show_receipt(record)
        for button in (self.reprint_button, self.preview_button, self.save_button):
            button.setEnabled(record is not None)
        if self.void_button is not None:
            self.void_button.setEnabled(record is not None and not record.voided)

    @Slot(int)
    def _on_format_changed(self, index: int) -> None:
        self.documents.set_receipt_format(ReceiptFormat(self.format_combo.itemData(index)))

    # --- searching ------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @Slot()
    def search(self) -> None:
        self._search_timer.stop()
        text = self.search_edit.text().strip()
        every_day = self.all_days_check.isChecked() and bool(text)
        day = cast(date, self.date_edit.date().toPython())  # stubs say object
        flt = ReceiptFilter(day=None if every_day else day, text=text, all_days=every_day)
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
            QTimer.singleShot(0, self, self.table.setFocus)
        self._follow_today()

    def _follow_today(self) -> None:
        """After midnight, a list still on the old "today" moves on to the new one."""
        today = wib_today(self.ctx.core.now())
        if today != self._day:
            showing_today = self.date_edit.date().toPython() == self._day
            self._day = today
            if showing_today:
                self.date_edit.setDate(QDate(today.year, today.month, today.day))

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

    def _forget(self, name: str) -> None:
        dialog = getattr(self, name)
        setattr(self, name, None)
        if dialog is not None:
            dialog.deleteLater()
