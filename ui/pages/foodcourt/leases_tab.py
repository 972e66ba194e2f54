"""The "Sewa" tab: the leases (stall, tenant, first and last day, rent per
period, deposit, status, owed), shown as chosen ("Berjalan & dipesan", "Berakhir
dalam 30 hari", "Semua") and searched; "Sewakan…" opens the lease dialog,
"Akhiri sewa…" and "Batalkan sewa…" change the lease chosen (tenancy
staff), "Bayar…" takes its oldest open charge (anyone who takes payments);
"Cetak perjanjian…", "Perpanjang…" (a live lease) and "Kembalikan deposit…"
(an ended lease with a deposit) are lease_more's (tenancy staff)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from smesco_desk.clock import wib_today
from smesco_desk.domain.foodcourt import EXPIRED, LeaseStatus, lease_over, lease_state
from smesco_desk.domain.money import format_rupiah
from smesco_desk.services.actors import Permission
from smesco_desk.values.foodcourt import LeaseRecord
from ui.context import AppContext
from ui.documents import DocumentPrinterLike, PageDocuments
from ui.errors import error_text
from ui.flow_layout import FlowLayout
from ui.pages.foodcourt.common import LiveTab, day_text
from ui.pages.foodcourt.lease_actions import LeaseChangeDialog, change_lease
from ui.pages.foodcourt.lease_more import (
    DepositReturnDialog,
    RenewDialog,
    print_agreement,
    returned_text,
)
from ui.pages.foodcourt.tables import ValuesTable
from ui.pages.foodcourt.tenant_payment import TenantPayment
from ui.widgets import FittingLineEdit, StatusBanner

LIVE, ENDING, ALL = "live", "ending", "all"
ENDING_DAYS = 30
STATUS_COLUMN = 6


def ending_soon(lease: LeaseRecord, today: date, days: int = ENDING_DAYS) -> bool:
    """A live lease whose last day falls within `days` days from today."""
    return (
        lease.status == LeaseStatus.ACTIVE
        and today <= lease.ends_on <= today + timedelta(days=days)
    )


class LeasesTab(LiveTab):
    """Emits `lease_requested()` for "Sewakan…" (the page opens the dialog)."""

    lease_requested = Signal()

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None,
        printer: DocumentPrinterLike | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, parent)
        self.setObjectName("leases_tab")
        self.change_dialog: LeaseChangeDialog | None = None
        self.lease_dialog: RenewDialog | DepositReturnDialog | None = None
        self.documents = PageDocuments(ctx, self, printer)
        statuses = {LeaseStatus.ACTIVE: self.tr("Aktif"), LeaseStatus.ENDED: self.tr("Diakhiri"),
                    EXPIRED: self.tr("Selesai masa sewa"),
                    LeaseStatus.CANCELLED: self.tr("Dibatalkan"),
                    LeaseStatus.CONFLICT: self.tr("Bentrok")}  # fmt: skip
        columns = [
            (self.tr("Stan"), lambda r: r.stall_code),
            (self.tr("Tenan"), lambda r: r.tenant),
            (self.tr("Mulai"), lambda r: day_text(r.starts_on)),
            (self.tr("Sampai"), lambda r: day_text(r.ends_on)),
            (self.tr("Sewa"), lambda r: self.rent_text(r)),
            (self.tr("Deposit"), lambda r: format_rupiah(r.deposit)),
            (self.tr("Status"), lambda r: statuses.get(self._state(r), r.status)),
            (self.tr("Tagihan"), lambda r: format_rupiah(r.owed) if r.owed else ""),
        ]
        keys = {2: lambda r: r.starts_on, 3: lambda r: r.ends_on, 4: lambda r: r.rent,
                5: lambda r: r.deposit, 7: lambda r: r.owed}  # fmt: skip
        self.per_period = {"day": self.tr("/hari"), "week": self.tr("/minggu"),
                           "month": self.tr("/bulan")}  # fmt: skip
        self.table: ValuesTable[LeaseRecord] = ValuesTable(
            columns, self, keys=keys, right=(4, 5, 7), stretch=1, keep=(0, 2, 3))
        self.table.setObjectName("lease_table")
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.search_edit = FittingLineEdit(self.tr("Cari stan atau tenan…"), self.tr("Cari…"), self)
        self.search_edit.setObjectName("lease_search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.table.proxy.set_search)
        self.show_combo = QComboBox(self)
        self.show_combo.setObjectName("lease_show_combo")
        self.show_combo.addItem(self.tr("Aktif (berjalan dan dipesan)"), LIVE)
        self.show_combo.addItem(self.tr("Berakhir dalam 30 hari"), ENDING)
        self.show_combo.addItem(self.tr("Semua"), ALL)
        self.show_combo.currentIndexChanged.connect(self._filter)
        self.banner = StatusBanner(self)
        self.payment = TenantPayment(ctx, self, self.banner.show_message, printer)
        self.new_button = self._button("new_lease_button", self.tr("&Sewakan…"))
        self.new_button.clicked.connect(self.lease_requested)
        self.pay_button = self._button("pay_lease_button", self.tr("Ba&yar…"))
        self.pay_button.clicked.connect(self.pay)
        self.end_button = self._button("end_lease_button", self.tr("&Akhiri sewa…"))
        self.end_button.clicked.connect(lambda: self.change(ending=True))
        self.cancel_button = self._button("cancel_lease_button", self.tr("Ba&talkan…"))
        self.cancel_button.clicked.connect(lambda: self.change(ending=False))
        self.agreement_button = self._button("agreement_button", self.tr("Cetak &perjanjian…"))
        self.agreement_button.clicked.connect(self.print_agreement)
        self.renew_button = self._button("renew_button", self.tr("Perpan&jang…"))
        self.renew_button.clicked.connect(self.renew)
        self.deposit_button = self._button("deposit_return_button",
                                           self.tr("Kembalikan &deposit…"))  # fmt: skip
        self.deposit_button.clicked.connect(self.return_deposit)
        manage = ctx.can(Permission.MANAGE_LEASES)
        for button in (self.new_button, self.end_button, self.cancel_button,
                       self.agreement_button, self.renew_button, self.deposit_button):
            button.setVisible(manage)  # fmt: skip
        self.pay_button.setVisible(ctx.can(Permission.TAKE_PAYMENT))
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.show_combo)
        bar.addWidget(self.new_button)
        # (a second row when the window is narrow: no button cut at 1024 px)
        actions = FlowLayout(spacing=6)
        for button in (self.agreement_button, self.renew_button, self.deposit_button,
                       self.pay_button, self.end_button, self.cancel_button):
            actions.addWidget(button)  # fmt: skip
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.setFocusProxy(self.table)
        self._filter()

    def rent_text(self, lease: LeaseRecord) -> str:
        """The rent with its period ("Rp4.200.000/bulan"): one column for both,
        so the list fits a 1024 px window."""
        return format_rupiah(lease.rent) + self.per_period.get(lease.period, "")

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    def load(self) -> None:
        foodcourt = self.ctx.core.foodcourt
        self.ctx.runner.op(foodcourt.leases, self).success(self._loaded).failure(
            lambda exc: self.banner.show_message("error", error_text(exc))
        ).run()

    def _loaded(self, leases: list[LeaseRecord]) -> None:
        self.table.set_values(leases)
        self._filter()

    def show_only(self, which: str) -> None:
        """LIVE, ENDING or ALL (the home page's "Berakhir dalam 30 hari")."""
        self.show_combo.setCurrentIndex(max(self.show_combo.findData(which), 0))

    def _filter(self) -> None:
        which, today = self.show_combo.currentData(), wib_today(self.ctx.core.now())
        if which == ENDING:
            self.table.proxy.set_accepts(lambda r: ending_soon(r, today))
        elif which == LIVE:
            self.table.proxy.set_accepts(
                lambda r: r.status == LeaseStatus.ACTIVE and r.ends_on >= today)
        else:
            self.table.proxy.set_accepts(lambda _r: True)
        # only "Semua" shows leases that are not active: the status column says
        # something there, and elsewhere leaves its room to the tenant's name
        self.table.set_column_shown(STATUS_COLUMN, which == ALL)
        self._update_buttons()  # fmt: skip

    def _state(self, lease: LeaseRecord) -> str:
        """Its status, or expired once an active lease is past its last day."""
        return lease_state(lease.status, lease.ends_on, wib_today(self.ctx.core.now()))

    def _update_buttons(self) -> None:
        lease = self.table.current_value()
        live = lease is not None and self._state(lease) == LeaseStatus.ACTIVE
        self.end_button.setEnabled(live)
        self.cancel_button.setEnabled(live)
        self.pay_button.setEnabled(lease is not None and lease.owed > 0)
        self.agreement_button.setEnabled(lease is not None)
        self.renew_button.setEnabled(lease is not None and lease.status == LeaseStatus.ACTIVE)
        today = wib_today(self.ctx.core.now())
        self.deposit_button.setEnabled(lease is not None and lease.deposit > 0
                                       and lease_over(lease.status, lease.ends_on, today))

    @Slot()
    def print_agreement(self) -> None:
        lease = self.table.current_value()
        if lease is not None:
            print_agreement(self.ctx, self, self.documents, lease, self.banner.show_message)

    @Slot()
    def renew(self) -> None:
        lease = self.table.current_value()
        if lease is None:
            return
        dialog = RenewDialog(self.ctx, self, lease)
        dialog.accepted.connect(lambda: self._renewed(dialog.result_lease))
        self._open(dialog)

    def _renewed(self, lease: LeaseRecord | None) -> None:
        if lease is not None:
            self.banner.show_message("success", self.tr(
                "Sewa stan {stall} ({tenant}) diperpanjang sampai {day}.").format(
                stall=lease.stall_code, tenant=lease.tenant, day=day_text(lease.ends_on)))
            self.load()  # fmt: skip

    @Slot()
    def return_deposit(self) -> None:
        lease = self.table.current_value()
        if lease is None:
            return
        dialog = DepositReturnDialog(self.ctx, self, lease)
        dialog.accepted.connect(lambda: self._returned(dialog))
        self._open(dialog)

    def _returned(self, dialog: DepositReturnDialog) -> None:
        if dialog.returned_deposit is not None:
            self.banner.show_message("success", returned_text(self, dialog.returned_deposit))
            self.load()

    def _open(self, dialog: RenewDialog | DepositReturnDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "lease_dialog", None))
        self.lease_dialog = dialog
        dialog.open()

    @Slot()
    def pay(self) -> None:
        lease = self.table.current_value()
        if lease is not None:
            self.payment.pay(lease.tenant_id, lease.id)

    def change(self, *, ending: bool) -> None:
        lease = self.table.current_value()
        if lease is not None:
            self.change_dialog = change_lease(
                self.ctx, self, lease, ending=ending, done=self._changed)

    def _changed(self, lease: LeaseRecord) -> None:
        self.banner.show_message("success", self.tr("Sewa stan {stall} ({tenant}) diubah.").format(
            stall=lease.stall_code, tenant=lease.tenant))
