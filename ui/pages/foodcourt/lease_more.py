"""More that is done with a lease, from a stall's card or the leases tab
(tenancy staff):

- "Cetak perjanjian…": the lease agreement (A4 PDF) in the preview, to print
  or save (`print_agreement`);
- "Perpanjang…": a new last day and, optionally, a new rent (`RenewDialog`);
  a stall taken on those days (LeaseConflict) shows at the last day;
- "Kembalikan deposit…": an ended lease's paid deposit back, less deductions
  (reason and amount per row), the amount returned shown as they are typed
  (`DepositReturnDialog`); the cashier pays it out under Pembayaran ›
  Pengembalian dana.

Each saves through the food court's service; a refusal shows at its field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.money import format_rupiah
from smesco_desk.errors import ValidationError
from smesco_desk.services.foodcourt import LeaseConflict
from smesco_desk.values.foodcourt import LeaseRecord
from smesco_desk.values.tenancy import DepositReturn
from ui.context import AppContext
from ui.documents import PageDocuments
from ui.errors import error_text
from ui.forms import FieldErrors, with_error
from ui.pages.foodcourt.common import day_text, from_qdate, period_text, to_qdate
from ui.pages.foodcourt.lease_dialog import default_end
from ui.pages.payments.common import fit_height
from ui.time_field import DateField
from ui.widgets import RupiahEdit, StatusBanner, note_label

Report = Callable[[str, str], None]  # (kind, text) on a banner
MAX_ROWS = 10


def print_agreement(
    ctx: AppContext, parent: QWidget, documents: PageDocuments, lease: LeaseRecord, report: Report
) -> None:
    """The lease agreement in the preview (print or save it from there)."""
    foodcourt, actor = ctx.core.foodcourt, ctx.require_actor()
    title = QCoreApplication.translate("lease_more", "Perjanjian sewa stan {stall}").format(
        stall=lease.stall_code
    )

    def show(pdf: bytes) -> None:
        try:
            documents.printer().preview(pdf, "office", title, parent)
        except Exception as exc:  # noqa: BLE001 - a printer problem is reported, never raised
            report("error", error_text(exc))

    ctx.runner.op(lambda: foodcourt.lease_agreement_pdf(actor, lease.id), parent).with_progress(
        QCoreApplication.translate("lease_more", "Menyiapkan perjanjian…")
    ).success(show).failure(lambda exc: report("error", error_text(exc))).run()


def summary_label(parent: QWidget, lease: LeaseRecord) -> QLabel:
    label = QLabel(
        QCoreApplication.translate(
            "lease_more", "Stan {stall} · {tenant}\n{first} s.d. {last} · {period} · {rent}"
        ).format(
            stall=lease.stall_code, tenant=lease.tenant, first=day_text(lease.starts_on),
            last=day_text(lease.ends_on), period=period_text(lease.period),
            rent=format_rupiah(lease.rent)),
        parent,
    )  # fmt: skip
    label.setWordWrap(True)
    return label


class _LeaseDialog(QDialog):
    """A dialog on one lease: a summary, a form, a banner and two buttons."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, lease: LeaseRecord) -> None:
        super().__init__(parent)
        self._ctx, self.lease = ctx, lease
        self.errors = FieldErrors()
        self.banner = StatusBanner(self)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(self)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(summary_label(self, lease))
        self.layout_.addLayout(self.form)

    def finish_layout(self, ok_text: str) -> None:
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("confirm_button")
        close = QCoreApplication.translate("lease_more", "Tutup")
        self.buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(480)

    @Slot()
    def confirm(self) -> None:
        raise NotImplementedError

    def refused(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.errors.show_refusal(exc, self.banner)
        fit_height(self)


class RenewDialog(_LeaseDialog):
    """"Perpanjang…": `result_lease` once saved (the lease extended, or the one
    that follows it at a new rent)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, lease: LeaseRecord) -> None:
        super().__init__(ctx, parent, lease)
        self.setObjectName("renew_lease_dialog")
        self.setWindowTitle(self.tr("Perpanjang sewa"))
        self.result_lease: LeaseRecord | None = None
        self.end_edit = DateField(self)
        self.end_edit.setObjectName("new_end_edit")
        self.end_edit.setCalendarPopup(True)
        self.end_edit.setDisplayFormat("ddd, dd-MM-yyyy")
        self.end_edit.setMinimumWidth(
            self.end_edit.fontMetrics().horizontalAdvance("Minggu, 31-12-2026") + 48)
        self.end_edit.setDate(to_qdate(default_end(lease.ends_on + timedelta(days=1),
                                                   lease.period)))  # fmt: skip
        self.end_edit.dateChanged.connect(lambda _d: self.errors["ends_on"].show_message(""))
        self.form.addRow(self.tr("Hari terakhir &baru"),
                         with_error(self.end_edit, self.errors.add("ends_on")))  # fmt: skip
        self.rent_edit = RupiahEdit(self, format_rupiah(lease.rent))
        self.rent_edit.setObjectName("rent_edit")
        self.rent_edit.textEdited.connect(lambda _t: self.errors["rent"].show_message(""))
        self.form.addRow(self.tr("&Sewa baru"), with_error(self.rent_edit, self.errors.add(
            "rent"), note_label(self.tr("Kosongkan bila sewa tetap."), self)))  # fmt: skip
        self.errors.add("stall")
        self.finish_layout(self.tr("&Perpanjang"))

    def new_end(self) -> date:
        return from_qdate(self.end_edit.date())

    @Slot()
    def confirm(self) -> None:
        self.errors.clear()
        self.banner.clear()
        foodcourt, actor = self._ctx.core.foodcourt, self._ctx.require_actor()
        lease_id, new_end, rent = self.lease.id, self.new_end(), self.rent_edit.value()
        self.ok_button.setEnabled(False)
        self._ctx.runner.op(
            lambda: foodcourt.renew_lease(actor, lease_id, new_end, rent), self
        ).with_progress(self.tr("Menyimpan…")).success(self._done).failure(self._refused).run()

    def _done(self, lease: LeaseRecord) -> None:
        self.result_lease = lease
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, LeaseConflict):
            self.ok_button.setEnabled(True)
            self.errors["ends_on"].show_message(
                self.tr("Stan ini sudah disewa {tenant} pada sebagian tanggal itu.").format(
                    tenant=exc.lease.tenant) + " " + exc.message)  # fmt: skip
            self.end_edit.setFocus()
            fit_height(self)
            return
        self.refused(exc)


class DepositReturnDialog(_LeaseDialog):
    """"Kembalikan deposit…": deduction rows (reason, amount), the amount
    returned shown live; `returned_deposit` once saved."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, lease: LeaseRecord) -> None:
        super().__init__(ctx, parent, lease)
        self.setObjectName("deposit_return_dialog")
        self.setWindowTitle(self.tr("Kembalikan deposit"))
        self.returned_deposit: DepositReturn | None = None
        self._shown: list[int] = []
        self.rows: list[tuple[QLineEdit, RupiahEdit]] = []
        self.form.addRow(self.tr("Deposit"), QLabel(format_rupiah(lease.deposit), self))
        self.grid = QGridLayout()
        self.grid.addWidget(QLabel(self.tr("Alasan potongan"), self), 0, 0)
        self.grid.addWidget(QLabel(self.tr("Jumlah"), self), 0, 1)
        self.layout_.addLayout(self.grid)
        self.add_button = QPushButton(self.tr("&Tambah potongan"), self)
        self.add_button.setObjectName("add_deduction_button")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        self.layout_.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(with_error(QWidget(self), self.errors.add("deductions")))
        self.returned_label = QLabel(self)
        self.returned_label.setObjectName("returned_label")
        self.layout_.addWidget(self.returned_label)
        self.finish_layout(self.tr("&Kembalikan deposit"))
        self.add_row()

    @Slot()
    def add_row(self) -> None:
        if len(self.rows) >= MAX_ROWS:
            return
        i = len(self.rows)
        reason = QLineEdit(self)
        reason.setObjectName(f"reason_edit_{i}")
        reason.setPlaceholderText(self.tr("mis. kerusakan meja, tagihan listrik"))
        amount = RupiahEdit(self)
        amount.setObjectName(f"amount_edit_{i}")
        amount.value_changed.connect(lambda _v: self.update_returned())
        reason.textEdited.connect(lambda _t: self.errors[f"deductions.{i}.reason"].show_message(""))
        amount.textEdited.connect(lambda _t: self.errors[f"deductions.{i}.amount"].show_message(""))
        self.grid.addWidget(with_error(reason, self.errors.add(f"deductions.{i}.reason")), i + 1, 0)
        self.grid.addWidget(with_error(amount, self.errors.add(f"deductions.{i}.amount")), i + 1, 1)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 1)
        self.rows.append((reason, amount))
        self.add_button.setEnabled(len(self.rows) < MAX_ROWS)
        self.update_returned()
        fit_height(self)

    def deductions(self) -> list[tuple[str, int]]:
        """The rows filled in (a row with only a reason counts as Rp0: refused at it)."""
        return [
            (reason.text(), amount.value() or 0)
            for reason, amount in self.rows
            if reason.text().strip() or amount.value()
        ]

    def returned(self) -> int:
        return self.lease.deposit - sum(a for _r, a in self.deductions())

    def update_returned(self) -> None:
        self.errors["deductions"].show_message("")
        back = self.returned()
        text = self.tr("Dikembalikan ke tenan: <b>{amount}</b>").format(
            amount=format_rupiah(max(back, 0)))
        if back < 0:
            text = self.tr("Potongan melebihi deposit sebesar {amount}.").format(
                amount=format_rupiah(-back))
        self.returned_label.setText(text)

    @Slot()
    def confirm(self) -> None:
        self.errors.clear()
        self.banner.clear()
        foodcourt, actor = self._ctx.core.foodcourt, self._ctx.require_actor()
        lease_id, pairs = self.lease.id, self.deductions()
        # the service numbers the rows it is given: map them back to the rows shown
        shown = [i for i, (r, a) in enumerate(self.rows) if r.text().strip() or a.value()]
        self._shown = shown
        self.ok_button.setEnabled(False)
        self._ctx.runner.op(
            lambda: foodcourt.return_deposit(actor, lease_id, pairs), self
        ).with_progress(self.tr("Menyimpan…")).success(self._done).failure(self._refused).run()

    def _done(self, result: DepositReturn) -> None:
        self.returned_deposit = result
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            moved: dict[str, str] = {}
            for field, message in exc.errors.items():
                parts = field.split(".")
                if len(parts) == 3 and parts[1].isdigit() and int(parts[1]) < len(self._shown):
                    field = f"deductions.{self._shown[int(parts[1])]}.{parts[2]}"
                moved[field] = message
            exc = ValidationError(moved)
        self.refused(exc)


def returned_text(parent: QWidget, result: DepositReturn) -> str:
    """What the person is told once a deposit is returned."""
    if result.returned <= 0:
        return QCoreApplication.translate(
            "lease_more", "Deposit habis untuk potongan; tidak ada yang dikembalikan."
        )
    return QCoreApplication.translate(
        "lease_more",
        "Deposit {amount} dikembalikan. Kasir membayarkannya di Pembayaran › Pengembalian dana."
    ).format(amount=format_rupiah(result.returned))
