"""A supervisor's approval at the desk: why it is needed, their login, yes or no.

The core said no with ApprovalRequired (a price changed from the price list,
a discount above the limit, a visitor on the watchlist). This small dialog
shows its reasons and takes a supervisor's user name and password; the core
checks them and the role (`core.approvals.approve`, the login's own check) and
hands back a sealed Approval, which the page sends again with the same call.
A request nobody may approve (a person the watchlist refuses) shows its
reasons and only a Close button.

    ask_approval(ctx, request, parent, lambda approval: ...)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.errors import ApprovalRequired, DomainError
from smesco_desk.values.approvals import Approval
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldErrors, with_error

WIDTH = 540  # the dialog's; the reasons wrap inside it


class ApprovalDialog(QDialog):
    """Emits `approved(Approval)` and closes once a supervisor's login is accepted."""

    approved = Signal(object)  # Approval

    def __init__(
        self, ctx: AppContext, request: ApprovalRequired, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request = request
        self.approval: Approval | None = None
        self.setObjectName("approval_dialog")
        self.setWindowTitle(self.tr("Persetujuan supervisor"))
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(self._heading())
        self.reasons_label = self._reasons()
        layout.addWidget(self.reasons_label)
        self.details_label = self._details()
        layout.addWidget(self.details_label)
        self.then_label = self._then()
        layout.addWidget(self.then_label)
        if request.approvable:
            layout.addLayout(self._build_form())
        layout.addStretch(1)
        layout.addLayout(self._build_buttons())
        self.setFixedWidth(WIDTH)
        if request.approvable:
            self.username_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """A wrapped label's height is a guess until it knows its width and its
        style's font: give it both, then fit the dialog around it."""
        layout = self.layout()
        assert layout is not None  # made in __init__
        margins = layout.contentsMargins()
        inner = WIDTH - margins.left() - margins.right()
        for label in (self.reasons_label, self.details_label, self.then_label):
            label.setMinimumHeight(label.heightForWidth(inner) if label.text() else 0)
        self.adjustSize()
        super().showEvent(event)

    def _heading(self) -> QLabel:
        text = (
            self.tr("Perlu persetujuan supervisor")
            if self.request.approvable
            else self.tr("Tidak dapat dilanjutkan")
        )
        label = QLabel(text, self)
        label.setObjectName("title_label")
        return label

    def _reasons(self) -> QLabel:
        label = QLabel("\n".join(self.request.reasons), self)
        label.setObjectName("approval_reasons_label")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a reason is user text
        return label

    def _then(self) -> QLabel:
        """What happens next: a supervisor logs in below, or nobody may here."""
        if self.request.approvable:
            then = self.tr("Supervisor atau administrator masuk di sini untuk menyetujui.")
        else:
            then = self.tr(
                "Tidak dapat disetujui di meja. Bila keliru, supervisor mengubah daftar "
                "pantauan di Pengaturan."
            )
        label = QLabel(then, self)
        label.setObjectName("approval_then_label")
        label.setWordWrap(True)
        return label

    def _details(self) -> QLabel:
        """What the supervisor compares with the visitor (a name-only match: the
        listed person's phone and NIK, masked); hidden when there is nothing."""
        label = QLabel("\n".join(self.request.details), self)
        label.setObjectName("approval_details_label")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a listed name is user text
        label.setVisible(bool(self.request.details))
        return label

    def _build_form(self) -> QFormLayout:
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("approver_username_edit")
        self.username_edit.setPlaceholderText(self.tr("mis. hendra"))
        self.username_edit.setMaxLength(64)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("approver_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(256)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.addRow(
            self.tr("&Supervisor"), with_error(self.username_edit, self.errors.add("username"))
        )
        form.addRow(
            self.tr("&Kata sandi"), with_error(self.password_edit, self.errors.add("password"))
        )
        return form

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(
            self.tr("Batal") if self.request.approvable else self.tr("Tutup"), self
        )
        self.cancel_button.setObjectName("approval_cancel_button")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        row.addWidget(self.cancel_button)
        if self.request.approvable:
            self.approve_button = QPushButton(self.tr("&Setujui"), self)
            self.approve_button.setObjectName("approve_button")
            self.approve_button.setProperty("primary", True)
            self.approve_button.setDefault(True)  # Enter in either field approves
            self.approve_button.clicked.connect(self.submit)
            row.addWidget(self.approve_button)
        return row

    @Slot()
    def submit(self) -> None:
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        self.errors.clear()
        if not username:
            self.errors["username"].show_message(self.tr("Isi nama pengguna supervisor."))
            self.username_edit.setFocus()
            return
        self._set_busy(True)
        approvals, actor, request = self.ctx.core.approvals, self.ctx.require_actor(), self.request
        self.ctx.runner.op(
            lambda: approvals.approve(actor, request, username, password), parent=self
        ).success(self._approved).failure(self._refused).run()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.username_edit, self.password_edit, self.approve_button):
            widget.setEnabled(not busy)

    def _approved(self, approval: Approval) -> None:
        self.approval = approval
        self.password_edit.clear()
        self.approved.emit(approval)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        if not isinstance(exc, DomainError):
            show_error(self, exc)
            return
        leftover = self.errors.show_error(exc)
        if leftover:
            self.errors["password"].show_message(" ".join(leftover.values()))
        target = self.username_edit if exc.field == "username" else self.password_edit
        target.setFocus()


def ask_approval(
    ctx: AppContext,
    request: ApprovalRequired,
    parent: QWidget,
    then: Callable[[Approval], None],
    refused: Callable[[], None] | None = None,
) -> ApprovalDialog:
    """Open the dialog (window-modal, not blocking); `then(approval)` once approved,
    `refused()` when closed without."""
    dialog = ApprovalDialog(ctx, request, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.approved.connect(then)
    if refused is not None:
        dialog.rejected.connect(refused)
    dialog.open()
    return dialog
