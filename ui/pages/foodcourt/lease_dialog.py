"""Leasing a stall ("Sewakan…"): the tenant (chosen, or a new one made on the
spot with the tenant dialog), the stall, the period (harian, mingguan,
bulanan), the first and last day; the rent and the deposit that follow from
the stall's rates, live; notes.

Saved through `core.foodcourt.lease`. A refusal shows at its field; a stall
already taken (LeaseConflict) shows at the stall and at the dates, naming the
lease in the way. An optional turnover rent ("Sewa omzet (%)", 0 = none).
A lease starting on or before today has its rent due so far posted with it
(LeaseForm.post_due_rent). Once saved the dialog stays open to say what is
owed, and offers "Bayar deposit & sewa…" ("Bayar deposit…", "Bayar…" when
only one is open): the pay dialog of the payments area (tenant_payment) with
the lease's open charges all ticked, paid with one kuitansi. That button is
the default and has the focus, so Enter after "Sewakan" goes on to paying;
"Selesai" takes Enter once nothing is owed.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import wib_today
from smesco_desk.domain.foodcourt import LeasePeriod
from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.turnover import parse_percent
from smesco_desk.services.actors import Permission
from smesco_desk.services.foodcourt import LeaseConflict
from smesco_desk.values.foodcourt import LeaseForm, LeaseRecord, StallInfo, TenantInfo
from smesco_desk.values.payments import ChargeRecord
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.errors import error_text
from ui.forms import FieldErrors, error_slot, with_error
from ui.pages.foodcourt.common import day_text, from_qdate, period_text, to_qdate
from ui.pages.foodcourt.tenant_combo import TenantCombo
from ui.pages.foodcourt.tenant_dialog import TenantDialog
from ui.pages.foodcourt.tenant_payment import TenantPayment, lease_charges
from ui.pages.payments.common import fit_height
from ui.time_field import DateField
from ui.widgets import StatusBanner, note_label


def default_end(start: date, period: str) -> date:
    """The last day a lease of `period` starting on `start` is offered with: the
    same day (by the day), four weeks, or a year (by the month)."""
    if period == LeasePeriod.DAY:
        return start
    if period == LeasePeriod.WEEK:
        return start + timedelta(weeks=4) - timedelta(days=1)
    year = start.year + 1
    day = min(start.day, calendar.monthrange(year, start.month)[1])
    return date(year, start.month, day) - timedelta(days=1)


class LeaseDialog(QDialog):
    """Emits `leased(LeaseRecord)` once the lease is saved."""

    leased = Signal(object)  # LeaseRecord

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        *,
        stall: str | None = None,
        tenant_id: str | None = None,
        printer: DocumentPrinterLike | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lease_dialog")
        self.setWindowTitle(self.tr("Sewakan stan"))
        self._ctx = ctx
        self._wanted = (stall, tenant_id)
        self.stall_infos: dict[str, StallInfo] = {}
        self.lease: LeaseRecord | None = None
        self._end_touched = False
        self.errors = FieldErrors()
        self.banner = StatusBanner(self)
        self.banner.action_triggered.connect(self.pay_owed)
        self.payment = TenantPayment(ctx, self, self._report, printer)
        self.payment.paid.connect(lambda _receipt: self._load_owed())
        self.owed: list[ChargeRecord] = []  # the lease's open charges, deposit first
        self._last_report = ("", "")
        self._owed_read = False
        self.tenant_dialog: TenantDialog | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form())
        layout.addWidget(self.banner)
        layout.addWidget(self._build_buttons())
        self.setMinimumWidth(560)
        self._load()

    # --- building -----------------------------------------------------------------------

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.tenant_combo = TenantCombo(self)
        self.tenant_combo.currentIndexChanged.connect(lambda _i: self._clear("tenant_id"))
        self.tenant_combo.picked.connect(self._to_stall)
        self.new_tenant_button = QPushButton(self.tr("Tenan &baru…"), self)
        self.new_tenant_button.setObjectName("new_tenant_button")
        self.new_tenant_button.setAutoDefault(False)
        self.new_tenant_button.clicked.connect(self.new_tenant)
        self.new_tenant_button.setVisible(self._ctx.can(Permission.MANAGE_TENANTS))
        self.new_tenant_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        tenant_row = QHBoxLayout()
        tenant_row.setContentsMargins(0, 0, 0, 0)
        tenant_row.addWidget(self.tenant_combo, 1)
        tenant_row.addWidget(self.new_tenant_button)
        tenant_box = QWidget(self)
        tenant_box.setLayout(tenant_row)
        form.addRow(self.tr("&Tenan"), with_error(tenant_box, self.errors.add("tenant_id")))
        self.stall_combo = QComboBox(self)
        self.stall_combo.setObjectName("stall_combo")
        self.stall_combo.currentIndexChanged.connect(self._update_money)
        self.stall_combo.currentIndexChanged.connect(lambda _i: self._clear("stall"))
        form.addRow(self.tr("&Stan"), with_error(self.stall_combo, self.errors.add("stall")))
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("period_combo")
        for period in (LeasePeriod.MONTH, LeasePeriod.WEEK, LeasePeriod.DAY):
            self.period_combo.addItem(period_text(period), period.value)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        form.addRow(self.tr("&Periode"), with_error(self.period_combo, self.errors.add("period")))
        self.start_edit, self.end_edit = self._date_edit("start_edit"), self._date_edit("end_edit")
        today = wib_today(self._ctx.core.now())
        self.start_edit.setDate(to_qdate(today))
        self.end_edit.setDate(to_qdate(default_end(today, LeasePeriod.MONTH)))
        self.start_edit.dateChanged.connect(self._start_changed)
        self.end_edit.dateChanged.connect(self._end_changed)
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel(self.tr("s.d."), self))
        dates.addWidget(self.end_edit)
        dates.addStretch(1)
        dates_box = QWidget(self)
        dates_box.setLayout(dates)
        slot = error_slot(self.errors.add("starts_on"), self.errors.add("ends_on"))
        form.addRow(self.tr("&Mulai"), with_error(dates_box, slot))
        self.money_label = QLabel(self)
        self.money_label.setObjectName("money_label")
        self.money_label.setWordWrap(True)
        form.addRow(self.tr("Sewa"), with_error(self.money_label, note_label(
            self.tr("Deposit menjadi tagihan tenan: dibayar sekarang atau nanti."), self)))
        self.turnover_edit = QLineEdit(self)
        self.turnover_edit.setObjectName("turnover_edit")
        self.turnover_edit.setPlaceholderText(self.tr("0 = tanpa sewa omzet"))
        self.turnover_edit.ensurePolished()  # (the style sheet's font and padding)
        placeholder = self.turnover_edit.fontMetrics().horizontalAdvance(
            self.turnover_edit.placeholderText())
        self.turnover_edit.setMinimumWidth(placeholder + 32)  # the frame and text margins
        self.turnover_edit.setMaximumWidth(max(160, placeholder + 32))
        self.turnover_edit.textEdited.connect(lambda _t: self._clear("turnover_rate_bp"))
        self.turnover_edit.setToolTip(self.tr(
            "Bila diisi: tenan membayar yang lebih besar dari sewa dasar dan "
            "persentase omzet sebulan."))
        form.addRow(self.tr("Sewa &omzet (%)"),
                    with_error(self.turnover_edit, self.errors.add("turnover_rate_bp")))
        self.notes_edit = QLineEdit(self)
        self.notes_edit.setObjectName("notes_edit")
        form.addRow(self.tr("&Catatan"), with_error(self.notes_edit, self.errors.add("notes")))
        return form

    def _date_edit(self, name: str) -> DateField:
        edit = DateField(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("ddd, dd-MM-yyyy")
        # room for the longest weekday's name ("Minggu, 31-12-2026") and the arrow
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("Minggu, 31-12-2026") + 48)
        return edit

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("&Sewakan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        self.close_button = buttons.addButton(
            self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("close_button")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        return buttons  # fmt: skip

    # --- loading ------------------------------------------------------------------------

    def _load(self) -> None:
        foodcourt = self._ctx.core.foodcourt
        self._ctx.runner.op(lambda: (foodcourt.tenants(), foodcourt.stalls()), self).success(
            self._loaded
        ).failure(lambda exc: self.banner.show_message("error", error_text(exc))).run()

    def _loaded(self, result: tuple[list[TenantInfo], list[StallInfo]]) -> None:
        tenants, stalls = result
        stall, tenant_id = self._wanted
        self.set_tenants(tenants, tenant_id)
        self.stall_infos = {s.code: s for s in stalls if s.in_service}
        self.stall_combo.clear()
        for info in self.stall_infos.values():
            self.stall_combo.addItem(self.tr("{code} · lantai {floor} · {size} m²").format(
                code=info.code, floor=info.floor, size=info.size_m2), info.code)
        if stall is not None:
            self.stall_combo.setCurrentIndex(max(self.stall_combo.findData(stall), 0))
        self._update_money()
        if not self.tenant_id():  # the first empty field
            self.tenant_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_tenants(self, tenants: list[TenantInfo], chosen: str | None = None) -> None:
        self.tenant_combo.set_tenants(tenants, chosen)

    def _to_stall(self) -> None:
        """A tenant taken with Enter: on to the next field."""
        self.stall_combo.setFocus(Qt.FocusReason.TabFocusReason)

    # --- fields -------------------------------------------------------------------------

    def tenant_id(self) -> str:
        """The tenant chosen: the one whose name is in the field ("" if none is)."""
        return self.tenant_combo.tenant_id()

    def period(self) -> str:
        return str(self.period_combo.currentData())

    def turnover_rate(self) -> int:
        """The turnover rent typed, in basis points (0 when empty); ValueError."""
        text = self.turnover_edit.text().strip()
        return parse_percent(text) if text else 0

    def form_value(self, turnover_rate_bp: int = 0) -> LeaseForm:
        return LeaseForm(
            tenant_id=self.tenant_id(),
            stall=str(self.stall_combo.currentData() or ""),
            starts_on=from_qdate(self.start_edit.date()),
            ends_on=from_qdate(self.end_edit.date()),
            period=self.period(),
            notes=self.notes_edit.text(),
            turnover_rate_bp=turnover_rate_bp,
            post_due_rent=True,  # the first rent collected with the deposit
        )

    def _clear(self, *fields: str) -> None:
        for name in fields:
            self.errors[name].show_message("")

    def _start_changed(self) -> None:
        self._clear("starts_on", "stall")
        if not self._end_touched:
            self._set_end(default_end(from_qdate(self.start_edit.date()), self.period()))

    def _period_changed(self) -> None:
        self._clear("period")
        if not self._end_touched:
            self._set_end(default_end(from_qdate(self.start_edit.date()), self.period()))
        self._update_money()

    def _set_end(self, day: date) -> None:
        self.end_edit.blockSignals(True)
        self.end_edit.setDate(to_qdate(day))
        self.end_edit.blockSignals(False)

    def _end_changed(self) -> None:
        self._end_touched = True
        self._clear("ends_on", "starts_on", "stall")

    def _update_money(self) -> None:
        info = self.stall_infos.get(str(self.stall_combo.currentData() or ""))
        if info is None:
            self.money_label.setText("")
            return
        period = self.period()
        rent = {"day": info.rate_day, "week": info.rate_week, "month": info.rate_month}[period]
        deposit = 0 if period == LeasePeriod.DAY else info.deposit
        per = {"day": self.tr("per hari"), "week": self.tr("per minggu"),
               "month": self.tr("per bulan")}[period]  # fmt: skip
        text = self.tr("{rent} {per} · deposit {deposit}").format(
            rent=format_rupiah(rent), per=per, deposit=format_rupiah(deposit))
        if rent <= 0:
            text = self.tr("Stan ini tidak disewakan {per}.").format(per=per)
        self.money_label.setText(text)

    # --- a new tenant -------------------------------------------------------------------

    @Slot()
    def new_tenant(self) -> None:
        self.tenant_dialog = TenantDialog(self._ctx, self)
        self.tenant_dialog.saved.connect(self._tenant_made)
        self.tenant_dialog.finished.connect(lambda _r: setattr(self, "tenant_dialog", None))
        self.tenant_dialog.open()

    def _tenant_made(self, tenant: TenantInfo) -> None:
        foodcourt = self._ctx.core.foodcourt
        self._ctx.runner.op(foodcourt.tenants, self).success(
            lambda tenants: self._tenants_again(tenants, tenant.id)).run()

    def _tenants_again(self, tenants: list[TenantInfo], chosen: str) -> None:
        """The new tenant chosen; the completer's list (from keys typed while
        the tenant dialog opened) hidden, and on to the stall."""
        self.set_tenants(tenants, chosen)
        self.tenant_combo.hide_list()
        self.stall_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- saving -------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        if self.lease is not None:
            self.accept()
            return
        self.errors.clear()
        self.banner.clear()
        foodcourt, actor = self._ctx.core.foodcourt, self._ctx.require_actor()
        try:
            rate = self.turnover_rate()
        except ValueError:
            self.errors["turnover_rate_bp"].show_message(
                self.tr("Persentase seperti 7,5 (0 sampai 50)."))
            self.turnover_edit.setFocus()
            fit_height(self)
            return
        if not self.tenant_id() and self.tenant_combo.take_typed():
            line = self.tenant_combo.lineEdit()
            if line is not None and line.hasFocus():  # Enter in the field: chosen, not saved
                self._to_stall()
                return
        form = self.form_value(rate)
        if not form.tenant_id:
            self.errors["tenant_id"].show_message(self.tr("Pilih tenan, atau buat tenan baru."))
            self.tenant_combo.setFocus()
            fit_height(self)
            return
        self.save_button.setEnabled(False)
        self._ctx.runner.op(lambda: foodcourt.lease(actor, form), self).with_progress(
            self.tr("Menyimpan sewa…")).success(self._saved).failure(self._refused).run()

    def _saved(self, lease: LeaseRecord) -> None:
        self.lease = lease
        for widget in (self.tenant_combo, self.new_tenant_button, self.stall_combo,
                       self.period_combo, self.start_edit, self.end_edit, self.notes_edit,
                       self.turnover_edit):
            widget.setEnabled(False)
        self.save_button.setText(self.tr("Selesai"))  # enabled once the owed charges are read:
        self._owed_read = False  # until then a repeated Enter closes nothing
        self.close_button.hide()
        text = self.tr("Stan {stall} disewakan ke {tenant}, {first} s.d. {last}.").format(
            stall=lease.stall_code, tenant=lease.tenant, first=day_text(lease.starts_on),
            last=day_text(lease.ends_on))
        self._report("success", text)
        self._load_owed()
        self.leased.emit(lease)  # fmt: skip

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, LeaseConflict):
            self.errors["stall"].show_message(
                self.tr("Stan ini sudah disewa {tenant} pada sebagian tanggal itu.").format(
                    tenant=exc.lease.tenant))
            self.errors["starts_on"].show_message(exc.message)
            self.start_edit.setFocus()
        else:
            self.errors.show_refusal(exc, self.banner)
        fit_height(self)  # fmt: skip

    # --- paying what the lease owes -----------------------------------------------------

    def _load_owed(self) -> None:
        """The lease's open charges again (after saving, after each payment)."""
        lease = self.lease
        if lease is None:
            return
        payments = self._ctx.core.payments
        self._ctx.runner.op(lambda: payments.open_charges(lease.tenant_id), self).success(
            lambda charges: self._owed_loaded(lease_charges(charges, lease.id))
        ).failure(self._owed_failed).run()

    def _owed_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._report("error", error_text(exc))

    def _owed_loaded(self, charges: list[ChargeRecord]) -> None:
        self._owed_read = True
        self.save_button.setEnabled(True)
        deposit = self.lease.deposit_charge_id if self.lease is not None else None
        self.owed = sorted(charges, key=lambda c: (c.id != deposit, c.created_at))
        self._report(*self._last_report)

    def charge_label(self, charge: ChargeRecord) -> str:
        deposit = self.lease is not None and charge.id == self.lease.deposit_charge_id
        return self.tr("deposit") if deposit else self.tr("sewa")

    def next_action(self) -> str:
        """The banner's button: paying what the lease owes ("" when nothing is,
        or when not allowed)."""
        if not self.owed or not self._ctx.can(Permission.TAKE_PAYMENT):
            return ""
        deposit = self.charge_label(self.owed[0]) == self.tr("deposit")
        if deposit and len(self.owed) > 1:
            return self.tr("Bayar &deposit && sewa…")
        if deposit:
            return self.tr("Bayar &deposit…")
        return self.tr("&Bayar…")

    def _report(self, kind: str, text: str) -> None:
        self._last_report = (kind, text)
        action = ""
        if kind != "success" or self.lease is None:
            self.banner.show_message(kind, text)
        else:
            owed = "; ".join(
                self.tr("{what} {amount}").format(
                    what=self.charge_label(c), amount=format_rupiah(c.total))
                for c in self.owed)  # fmt: skip
            if owed:
                text += " " + self.tr("Belum dibayar: {owed}.").format(owed=owed)
            action = self.next_action()
            self.banner.show_message(kind, text, action)
        if self.lease is not None and self._owed_read:
            self._enter_goes_to(self.banner.action_button if action else self.save_button)
        fit_height(self)

    def _enter_goes_to(self, button: QPushButton) -> None:
        """Once saved, Enter pays what is owed ("Bayar deposit & sewa…") while
        anything is, then presses "Selesai" (still a Tab away)."""
        for other in (self.save_button, self.banner.action_button):
            other.setDefault(other is button)
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self, lambda: self._focus_default(button))

    def _focus_default(self, button: QPushButton) -> None:
        """Again once the banner is laid out (a button just shown may miss it)."""
        if button.isDefault() and button.isVisible() and not button.hasFocus():
            button.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def pay_owed(self) -> None:
        """Pay the open charges of the lease, all ticked, with one kuitansi."""
        if self.lease is not None and self.owed:
            self.payment.pay(self.lease.tenant_id, self.lease.id)
