"""The "Tenan" tab: the tenants (business, owner, phone, NIK masked, NIB,
products, open balance) with a search box; "Tenan baru…" and "Ubah…" (or a
double-click) open the tenant dialog for the tenancy staff; "Bayar…" takes
the oldest open charge of the tenant chosen (anyone who takes payments)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from smesco_desk.domain.money import format_rupiah
from smesco_desk.services.actors import Permission
from smesco_desk.values.foodcourt import TenantInfo
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.errors import error_text
from ui.pages.foodcourt.common import LiveTab
from ui.pages.foodcourt.tables import ValuesTable
from ui.pages.foodcourt.tenant_dialog import TenantDialog
from ui.pages.foodcourt.tenant_payment import TenantPayment
from ui.widgets import FittingLineEdit, StatusBanner


class TenantsTab(LiveTab):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None,
        printer: DocumentPrinterLike | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, parent)
        self.setObjectName("tenants_tab")
        self.dialog: TenantDialog | None = None
        columns = [
            (self.tr("Usaha"), lambda t: t.name),
            (self.tr("Pemilik"), lambda t: t.owner),
            (self.tr("Telepon"), lambda t: t.phone),
            (self.tr("NIK"), lambda t: t.owner_nik_masked or ""),
            (self.tr("NIB"), lambda t: t.nib),
            (self.tr("Produk"), lambda t: t.products),
            (self.tr("Tagihan terbuka"), lambda t: format_rupiah(t.balance) if t.balance else ""),
        ]
        keys = {0: lambda t: t.name.casefold(), 1: lambda t: t.owner.casefold(),
                6: lambda t: t.balance}  # fmt: skip
        self.table: ValuesTable[TenantInfo] = ValuesTable(
            columns, self, keys=keys, right=(6,), stretch=5)
        self.table.setObjectName("tenant_table")
        self.table.activated_value.connect(self.edit)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.search_edit = FittingLineEdit(
            self.tr("Cari usaha, pemilik, telepon, produk…"), self.tr("Cari…"), self)
        self.search_edit.setObjectName("tenant_search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.table.proxy.set_search)
        self.new_button = QPushButton(self.tr("Tenan &baru…"), self)
        self.new_button.setObjectName("new_tenant_button")
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.edit_button = QPushButton(self.tr("&Ubah…"), self)
        self.edit_button.setObjectName("edit_tenant_button")
        self.edit_button.clicked.connect(lambda: self.edit(self.table.current_value()))
        self.pay_button = QPushButton(self.tr("Ba&yar…"), self)
        self.pay_button.setObjectName("pay_tenant_button")
        self.pay_button.setToolTip(self.tr("Bayar tagihan tertua tenan ini dan cetak kuitansi"))
        self.pay_button.clicked.connect(self.pay)
        manage = ctx.can(Permission.MANAGE_TENANTS)
        self.new_button.setVisible(manage)
        self.edit_button.setVisible(manage)
        self.pay_button.setVisible(ctx.can(Permission.TAKE_PAYMENT))
        self.banner = StatusBanner(self)
        self.payment = TenantPayment(ctx, self, self.banner.show_message, printer)
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 1)
        for button in (self.new_button, self.edit_button, self.pay_button):
            button.setAutoDefault(False)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.search_edit)
        self._update_buttons()

    def load(self) -> None:
        foodcourt = self.ctx.core.foodcourt
        self.ctx.runner.op(foodcourt.tenants, self).success(self._loaded).failure(
            lambda exc: self.banner.show_message("error", error_text(exc))
        ).run()

    def _loaded(self, tenants: list[TenantInfo]) -> None:
        self.table.set_values(tenants)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.table.current_value()
        self.edit_button.setEnabled(chosen is not None)
        self.pay_button.setEnabled(chosen is not None and chosen.balance > 0)

    @Slot(object)
    def edit(self, tenant: TenantInfo | None) -> None:
        if not self.ctx.can(Permission.MANAGE_TENANTS):
            return
        self.dialog = TenantDialog(self.ctx, self, tenant)
        self.dialog.saved.connect(self._saved)
        self.dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog.open()

    def _saved(self, tenant: TenantInfo) -> None:
        self.banner.show_message(
            "success", self.tr("Tenan {name} disimpan.").format(name=tenant.name))
        self.reload()
        self.table.select_where(lambda t: t.id == tenant.id)

    @Slot()
    def pay(self) -> None:
        tenant = self.table.current_value()
        if tenant is not None:
            self.payment.pay(tenant.id)
