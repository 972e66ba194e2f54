"""A stall's card, opened from the plan, the stall table or the home page: its
state, size, facilities and rates, the tenant in it (or who booked it ahead),
the lease's last day and what is owed; and what may be done with it:

- "Sewakan…" (a stall free today, tenancy staff): `lease_requested(code)`; the
  page opens the lease dialog with the stall chosen;
- "Bayar…" (something owed, anyone who takes payments, the receptionist too):
  the oldest open charge of that lease (tenant_payment), receipt printed;
- "Akhiri sewa…" and "Batalkan sewa…" (tenancy staff);
- "Cetak perjanjian…" and "Perpanjang…" (tenancy staff; lease_more).

The rows shown are `details(status)`: one (label, text) pair each, so a new
fact of a stall (the next rent due) is one more line there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import wib_today
from smesco_desk.domain.foodcourt import StallState, size_m2_text
from smesco_desk.domain.money import format_rupiah
from smesco_desk.services.actors import Permission
from smesco_desk.values.foodcourt import LeaseRecord, StallStatus
from ui.context import AppContext
from ui.documents import DocumentPrinterLike, PageDocuments
from ui.errors import error_text
from ui.pages.foodcourt.common import day_text
from ui.pages.foodcourt.floor_plan import state_label
from ui.pages.foodcourt.lease_actions import LeaseChangeDialog, change_lease
from ui.pages.foodcourt.lease_more import RenewDialog, print_agreement
from ui.pages.foodcourt.tenant_payment import TenantPayment
from ui.pages.payments.common import fit_height
from ui.widgets import StatusBanner

LEASABLE = (StallState.VACANT.value, StallState.BOOKED.value)


class StallCard(QDialog):
    """Emits `lease_requested(code)` (and closes) for "Sewakan…"."""

    lease_requested = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        status: StallStatus,
        printer: DocumentPrinterLike | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stall_card")
        self._ctx = ctx
        self.status = status
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("card_title_label")
        # (its own height, never the room left over: no blank above the title)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.banner = StatusBanner(self)
        self.payment = TenantPayment(ctx, self, self._report, printer)
        self.payment.paid.connect(lambda _receipt: self.refresh())
        self.change_dialog: LeaseChangeDialog | None = None
        self.renew_dialog: RenewDialog | None = None
        self.documents = PageDocuments(ctx, self, printer)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(self.form)
        layout.addWidget(self.banner)
        layout.addLayout(self._build_lease_buttons())
        layout.addLayout(self._build_buttons())
        self.setMinimumWidth(460)
        self.show_status(status)

    def fit(self) -> None:
        """As tall as its rows need at its width (wrapped values counted), no taller."""
        layout = self.layout()
        if layout is None:
            return
        self.adjustSize()
        layout.activate()
        width = self.width()
        height = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())  # fmt: skip
        self.resize(width, height)

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    def _build_buttons(self) -> QHBoxLayout:
        self.lease_button = self._button(
            "lease_button", self.tr("&Sewakan…"), self.tr("Sewakan stan ini ke tenan"))
        self.lease_button.clicked.connect(self._lease)
        self.pay_button = self._button(
            "pay_button", self.tr("&Bayar…"), self.tr("Bayar tagihan sewa ini dan cetak kuitansi"))
        self.pay_button.clicked.connect(self._pay)
        self.end_button = self._button(
            "end_lease_button", self.tr("&Akhiri sewa…"), self.tr("Akhiri sewa lebih awal"))
        self.end_button.clicked.connect(lambda: self._change(ending=True))
        self.cancel_button = self._button(
            "cancel_lease_button", self.tr("Ba&talkan sewa…"), self.tr("Batalkan sewa ini"))
        self.cancel_button.clicked.connect(lambda: self._change(ending=False))
        close = self._button("close_button", self.tr("Tutup"), "")
        close.setDefault(True)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.lease_button, self.pay_button, self.end_button, self.cancel_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        return row  # fmt: skip

    def _build_lease_buttons(self) -> QHBoxLayout:
        self.agreement_button = self._button(
            "agreement_button", self.tr("Cetak &perjanjian…"),
            self.tr("Perjanjian sewa (A4) untuk dicetak atau disimpan"))
        self.agreement_button.clicked.connect(lambda: self._with_lease(self._print_agreement))
        self.renew_button = self._button(
            "renew_button", self.tr("Perpan&jang…"), self.tr("Perpanjang sewa ini"))
        self.renew_button.clicked.connect(lambda: self._with_lease(self._renew))
        row = QHBoxLayout()
        row.addWidget(self.agreement_button)
        row.addWidget(self.renew_button)
        row.addStretch(1)
        return row  # fmt: skip

    # --- what it shows ------------------------------------------------------------------

    def details(self, status: StallStatus) -> list[tuple[str, str]]:
        """The card's rows, in order."""
        stall = status.stall
        facilities = [
            text for on, text in (
                (stall.water, self.tr("air")), (stall.gas, self.tr("gas")),
                (stall.power, self.tr("listrik") + (f" ({stall.power_meter})"
                                                     if stall.power_meter else "")),
            ) if on
        ]  # fmt: skip
        rows = [
            (self.tr("Keadaan"), state_label(status.state)),
            (self.tr("Luas"), self.tr("{size} m²").format(size=size_m2_text(stall.size_cm2))),
            (self.tr("Fasilitas"), ", ".join(facilities) or "-"),
            (self.tr("Tarif"), self.tr("{day}/hari · {week}/minggu · {month}/bulan").format(
                day=format_rupiah(stall.rate_day), week=format_rupiah(stall.rate_week),
                month=format_rupiah(stall.rate_month))),
            (self.tr("Deposit"), format_rupiah(stall.deposit)),
        ]  # fmt: skip
        if status.tenant is not None:
            rows.append((self.tr("Tenan"), status.tenant))
            until = day_text(status.lease_until)
            if self._over(status):
                until = self.tr("{day} · Selesai masa sewa").format(day=until)
            rows.append((self.tr("Sewa sampai"), until))
            rows.append((self.tr("Tagihan terbuka"), format_rupiah(status.balance)))
            if status.next_due is not None:
                rows.append((self.tr("Sewa berikutnya"), self.tr("{day} · {amount}").format(
                    day=day_text(status.next_due), amount=format_rupiah(status.next_due_amount))))
        if stall.notes:
            rows.append((self.tr("Catatan"), stall.notes))
        return rows

    def _over(self, status: StallStatus) -> bool:
        """Its lease is past its last day (expired or ended): it stays on the card
        only while it owes money past its due day."""
        today = wib_today(self._ctx.core.now())
        return status.lease_until is not None and status.lease_until < today

    def show_status(self, status: StallStatus) -> None:
        self.status = status
        self.setWindowTitle(self.tr("Stan {code}").format(code=status.stall.code))
        self.title_label.setText(
            self.tr("<b>Stan {code}</b> · lantai {floor}").format(
                code=status.stall.code, floor=status.stall.floor)
        )
        while self.form.rowCount():
            self.form.removeRow(0)
        for label, text in self.details(status):
            value = QLabel(text, self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label, value)
        manage = self._ctx.can(Permission.MANAGE_LEASES)
        over = self._over(status)
        self.lease_button.setVisible(
            manage and (status.state in LEASABLE or over) and status.stall.in_service)
        self.pay_button.setVisible(
            status.balance > 0 and status.tenant_id is not None
            and self._ctx.can(Permission.TAKE_PAYMENT))
        self.end_button.setVisible(manage and status.lease_id is not None and not over)
        self.cancel_button.setVisible(manage and status.lease_id is not None and not over)
        self.agreement_button.setVisible(manage and status.lease_id is not None)
        self.renew_button.setVisible(manage and status.lease_id is not None)  # fmt: skip
        self.fit()

    def value_of(self, label: str) -> str:
        """The text of the row `label` (tests, accessibility)."""
        for row in range(self.form.rowCount()):
            name = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            value = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if name is None or value is None:
                continue
            name_label, value_label = name.widget(), value.widget()
            if isinstance(name_label, QLabel) and name_label.text() == label:
                return value_label.text() if isinstance(value_label, QLabel) else ""
        return ""

    @Slot()
    def refresh(self) -> None:
        foodcourt, code = self._ctx.core.foodcourt, self.status.stall.code
        floor = self.status.stall.floor
        self._ctx.runner.op(lambda: foodcourt.stall_states(None, floor), self).success(
            lambda states: self._refreshed([s for s in states if s.stall.code == code])
        ).run()

    def _refreshed(self, found: list[StallStatus]) -> None:
        if found:
            self.show_status(found[0])

    def _report(self, kind: str, text: str) -> None:
        self.banner.show_message(kind, text)
        fit_height(self)

    # --- actions ------------------------------------------------------------------------

    @Slot()
    def _lease(self) -> None:
        self.lease_requested.emit(self.status.stall.code)
        self.accept()

    @Slot()
    def _pay(self) -> None:
        if self.status.tenant_id is not None:
            self.payment.pay(self.status.tenant_id, self.status.lease_id)

    def _change(self, *, ending: bool) -> None:
        lease_id = self.status.lease_id
        if lease_id is None:
            return
        foodcourt = self._ctx.core.foodcourt
        self._ctx.runner.op(lambda: foodcourt.get_lease(lease_id), self).success(
            lambda lease: setattr(self, "change_dialog", change_lease(
                self._ctx, self, lease, ending=ending, done=self._changed))
        ).failure(lambda exc: self._report("error", error_text(exc))).run()

    def _with_lease(self, then: Callable[[LeaseRecord], None]) -> None:
        lease_id = self.status.lease_id
        if lease_id is None:
            return
        foodcourt = self._ctx.core.foodcourt
        self._ctx.runner.op(lambda: foodcourt.get_lease(lease_id), self).success(then).failure(
            lambda exc: self._report("error", error_text(exc))).run()

    def _print_agreement(self, lease: LeaseRecord) -> None:
        print_agreement(self._ctx, self, self.documents, lease, self._report)

    def _renew(self, lease: LeaseRecord) -> None:
        dialog = RenewDialog(self._ctx, self, lease)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._renewed(dialog.result_lease))
        dialog.finished.connect(lambda _r: setattr(self, "renew_dialog", None))
        self.renew_dialog = dialog
        dialog.open()

    def _renewed(self, lease: LeaseRecord | None) -> None:
        if lease is not None:
            self._report("success", self.tr("Sewa {tenant} diperpanjang sampai {day}.").format(
                tenant=lease.tenant, day=day_text(lease.ends_on)))
            self.refresh()

    def _changed(self, lease: LeaseRecord) -> None:
        text = (
            self.tr("Sewa {tenant} diakhiri; hari terakhir {day}.").format(
                tenant=lease.tenant, day=day_text(lease.ends_on))
            if lease.status == "ended"
            else self.tr("Sewa {tenant} dibatalkan.").format(tenant=lease.tenant)
        )  # fmt: skip
        self._report("success", text)
        self.refresh()
