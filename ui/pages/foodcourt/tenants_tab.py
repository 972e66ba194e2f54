"""The "Tenan" tab: the tenants (business, owner, open balance, phone, NIB,
products; the masked NIK is in the dialog) with a search box; "Tenan baru…" and "Ubah…" (or a
double-click) open the tenant dialog for the tenancy staff; "Bayar…" takes
the oldest open charge of the tenant chosen (anyone who takes payments).

For the tenancy staff (Permission.MANAGE_TENANTS), "Rekening koran…" (the
statement) and "Surat pengingat…" (the reminder letter) of the tenant chosen
open in the PDF preview (tenant_letters.py), and the tenant's documents
(tenant_documents.py) show under the list, in a splitter, to attach, open or
remove one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.money import format_rupiah
from smesco_desk.services.actors import Permission
from smesco_desk.values.foodcourt import TenantInfo
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.errors import error_text
from ui.pages.foodcourt.common import LiveTab
from ui.pages.foodcourt.tables import ValuesTable
from ui.pages.foodcourt.tenant_dialog import TenantDialog
from ui.pages.foodcourt.tenant_documents import TenantDocumentsView
from ui.pages.foodcourt.tenant_letters import TenantLetters, can_print_letters
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
            (self.tr("Tagihan terbuka"), lambda t: format_rupiah(t.balance) if t.balance else ""),
            (self.tr("Telepon"), lambda t: t.phone),
            (self.tr("NIB"), lambda t: t.nib),
            (self.tr("Produk"), lambda t: t.products),
        ]
        # The open balance beside the name: what the tenant office looks for first.
        # (The owner's NIK, masked, is in the tenant's dialog: the list fits 1024 px.)
        keys = {0: lambda t: t.name.casefold(), 1: lambda t: t.owner.casefold(),
                2: lambda t: t.balance}  # fmt: skip
        self.table: ValuesTable[TenantInfo] = ValuesTable(
            columns, self, keys=keys, right=(2,), stretch=0, keep=(3, 4))
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
        self.statement_button = QPushButton(self.tr("R&ekening koran…"), self)
        self.statement_button.setObjectName("tenant_statement_button")
        self.statement_button.setToolTip(
            self.tr("Tagihan, pembayaran dan saldo berjalan tenan ini (PDF)"))
        self.statement_button.clicked.connect(self.print_statement)
        self.reminder_button = QPushButton(self.tr("Surat pen&gingat…"), self)
        self.reminder_button.setObjectName("tenant_reminder_button")
        self.reminder_button.setToolTip(
            self.tr("Surat pengingat tagihan yang lewat jatuh tempo (PDF)"))
        self.reminder_button.clicked.connect(self.print_reminder)
        manage = ctx.can(Permission.MANAGE_TENANTS)
        self.new_button.setVisible(manage)
        self.edit_button.setVisible(manage)
        self.pay_button.setVisible(ctx.can(Permission.TAKE_PAYMENT))
        self.statement_button.setVisible(can_print_letters(ctx))
        self.reminder_button.setVisible(can_print_letters(ctx))
        self.banner = StatusBanner(self)
        self.payment = TenantPayment(ctx, self, self.banner.show_message, printer)
        self.letters = TenantLetters(ctx, self, self.banner.show_message, printer)
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 1)
        for button in (self.new_button, self.edit_button, self.pay_button,
                       self.statement_button, self.reminder_button):  # fmt: skip
            button.setAutoDefault(False)
            bar.addWidget(button)
        self.documents = TenantDocumentsView(ctx, self)
        self.documents_box = QGroupBox(self.tr("Dokumen tenan"), self)
        self.documents_box.setObjectName("tenant_documents_box")
        box_layout = QVBoxLayout(self.documents_box)
        box_layout.addWidget(self.documents)
        self.documents_box.setVisible(manage)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.documents_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
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
        self.statement_button.setEnabled(chosen is not None)
        self.reminder_button.setEnabled(chosen is not None and chosen.balance > 0)
        tenant_id = None if chosen is None else chosen.id
        if self.documents_box.isVisibleTo(self) and tenant_id != self.documents.tenant_id:
            self.documents.set_tenant(tenant_id)
            self.documents_box.setTitle(
                self.tr("Dokumen tenan") if chosen is None
                else self.tr("Dokumen {tenant}").format(tenant=chosen.name))  # fmt: skip

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

    @Slot()
    def print_statement(self) -> None:
        tenant = self.table.current_value()
        if tenant is not None:
            self.letters.statement(tenant.id, tenant.name)

    @Slot()
    def print_reminder(self) -> None:
        tenant = self.table.current_value()
        if tenant is not None:
            self.letters.reminder(tenant.id, tenant.name)
