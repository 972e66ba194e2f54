"""Ending a lease early ("Akhiri sewa…": its new last day and why) and
cancelling one ("Batalkan sewa…": why), from a stall's card or the leases
tab. Each asks, then saves through the food court's service; a refusal shows
at its field (the last day) or in the dialog's banner. Ending shows the notice
an administrator asks and the fee a shorter one costs, as the last day is
chosen; a supervisor or an administrator may waive it ("Bebaskan biaya")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import wib_today
from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.tenancy import notice_fee, notice_short
from smesco_desk.services.actors import Permission
from smesco_desk.values.foodcourt import LeaseRecord
from smesco_desk.values.tenancy import NoticePolicy
from ui.context import AppContext
from ui.forms import FieldErrors, with_error
from ui.pages.foodcourt.common import day_text, from_qdate, period_text, to_qdate
from ui.pages.payments.common import fit_height
from ui.time_field import DateField
from ui.widgets import StatusBanner

Done = Callable[[LeaseRecord], None]


class LeaseChangeDialog(QDialog):
    """End (`ending=True`: a new last day) or cancel a lease, with a reason."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None, lease: LeaseRecord, *, ending: bool
    ) -> None:
        super().__init__(parent)
        self.setObjectName("end_lease_dialog" if ending else "cancel_lease_dialog")
        self._ctx, self.lease, self.ending = ctx, lease, ending
        self.result_lease: LeaseRecord | None = None
        self.setWindowTitle(self.tr("Akhiri sewa") if ending else self.tr("Batalkan sewa"))
        self.errors = FieldErrors()
        summary = QLabel(
            self.tr("Stan {stall} · {tenant}\n{first} s.d. {last} · {period}").format(
                stall=lease.stall_code, tenant=lease.tenant, first=day_text(lease.starts_on),
                last=day_text(lease.ends_on), period=period_text(lease.period)),
            self,
        )  # fmt: skip
        summary.setWordWrap(True)
        form = QFormLayout()
        self.last_day_edit = DateField(self)
        self.last_day_edit.setObjectName("last_day_edit")
        self.last_day_edit.setCalendarPopup(True)
        self.last_day_edit.setDisplayFormat("ddd, dd-MM-yyyy")
        today = wib_today(ctx.core.now())
        self.today = today
        self.policy: NoticePolicy | None = None
        self.last_day_edit.setDate(to_qdate(min(max(today, lease.starts_on), lease.ends_on)))
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("notice_label")
        self.notice_label.setWordWrap(True)
        self.waive_check = QCheckBox(self.tr("Bebaskan &biaya pemutusan"), self)
        self.waive_check.setObjectName("waive_check")
        self.waive_check.toggled.connect(lambda _on: self.update_fee())
        if ending:
            form.addRow(self.tr("Hari &terakhir"),
                        with_error(self.last_day_edit, self.errors.add("ends_on")))
            form.addRow(self.tr("Pemberitahuan"), self.notice_label)
            form.addRow("", self.waive_check)
            self.last_day_edit.dateChanged.connect(lambda _d: self.update_fee())
            foodcourt = ctx.core.foodcourt
            ctx.runner.op(foodcourt.notice_policy, self).success(self._policy_loaded).run()
        else:
            self.last_day_edit.hide()
        self.notice_label.setVisible(ending)
        # (the fee waived by supervisors and administrators only, as a room booking's)
        self.waive_check.setVisible(ending and ctx.can(Permission.WAIVE_BOOKING_FEE))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setPlaceholderText(self.tr("mis. usaha tutup, pindah lokasi"))
        form.addRow(self.tr("&Alasan"), with_error(self.reason_edit, self.errors.add("reason")))
        self.banner = StatusBanner(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Akhiri &sewa") if ending else self.tr("&Batalkan sewa"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.ok_button.setObjectName("confirm_button")
        buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def last_day(self) -> date:
        return from_qdate(self.last_day_edit.date())

    def _policy_loaded(self, policy: NoticePolicy) -> None:
        self.policy = policy
        self.update_fee()

    def fee(self) -> int:
        """The fee ending on the chosen day, told today, costs (0: enough notice)."""
        policy = self.policy
        if policy is None or not notice_short(
            self.today, self.last_day(), self.lease.ends_on, policy.notice_days
        ):
            return 0
        return notice_fee(self.lease.rent, policy.fee_periods)

    def update_fee(self) -> None:
        policy = self.policy
        if policy is None:
            return
        text = self.tr("{days} hari sebelum hari terakhir; kurang dari itu dikenai biaya "
                       "{periods} kali sewa.").format(days=policy.notice_days,
                                                      periods=policy.fee_periods)  # fmt: skip
        fee = self.fee()
        if fee and self.waive_check.isChecked():
            text += " " + self.tr("Biaya {amount} dibebaskan.").format(amount=format_rupiah(fee))
        elif fee:
            given = max(0, (self.last_day() - self.today).days)
            text += " " + self.tr(
                "<b>Biaya pemutusan: {amount}</b> (pemberitahuan {given} hari)."
            ).format(amount=format_rupiah(fee), given=given)
        else:
            text += " " + self.tr("Tanpa biaya.")
        self.notice_label.setText(text)
        fit_height(self)

    @Slot()
    def confirm(self) -> None:
        self.errors.clear()
        self.banner.clear()
        foodcourt, actor = self._ctx.core.foodcourt, self._ctx.require_actor()
        lease_id, reason = self.lease.id, self.reason_edit.text()
        if self.ending:
            last, waive = self.last_day(), self.waive_check.isChecked()
            waive = waive and self.waive_check.isVisibleTo(self)
            work: Callable[[], LeaseRecord] = lambda: foodcourt.end_lease(  # noqa: E731
                actor, lease_id, last, reason, waive_fee=waive
            )
        else:
            work = lambda: foodcourt.cancel_lease(actor, lease_id, reason)  # noqa: E731
        self.ok_button.setEnabled(False)
        self._ctx.runner.op(work, self).with_progress(self.tr("Menyimpan…")).success(
            self._done
        ).failure(self._refused).run()

    def _done(self, lease: LeaseRecord) -> None:
        self.result_lease = lease
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.errors.show_refusal(exc, self.banner)
        fit_height(self)


def change_lease(
    ctx: AppContext, parent: QWidget, lease: LeaseRecord, *, ending: bool, done: Done
) -> LeaseChangeDialog:
    """Open the dialog (window-modal, not blocking); `done(lease)` once saved."""
    dialog = LeaseChangeDialog(ctx, parent, lease, ending=ending)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(
        lambda: done(dialog.result_lease) if dialog.result_lease is not None else None
    )
    dialog.open()
    return dialog
