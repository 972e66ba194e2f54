"""What the dialogs that take a payment share (the sale, and an open charge paid
later): a refused field cleared as it is edited, a refusal in the banner, the
cash shift opened from the dialog when there is none (then the payment goes
on), and Enter: pay from the cash or reference field, press a focused button,
or go to the next field.

A dialog mixes `PaymentFlow` in before QDialog and has `banner`, `errors`,
`FIELD_NAMES`, `_field_widget(field)` (with "tendered" and "reference" among
them), `pay()`, and may override `_shift_opened(shift)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget

from smesco_desk.errors import DomainError
from smesco_desk.values.payments import ShiftSummary
from ui.errors import show_error
from ui.pages.payments.shift_dialog import OpenShiftDialog
from ui.widgets import set_flag

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.forms import FieldErrors
    from ui.widgets import StatusBanner


class PaymentFlow:
    FIELD_NAMES: tuple[str, ...] = ()  # the fields marked when refused

    if TYPE_CHECKING:
        _ctx: AppContext
        banner: StatusBanner
        errors: FieldErrors

        def _field_widget(self, field: str) -> QWidget: ...
        def pay(self) -> None: ...

    def _clear_field(self, field: str) -> None:
        if field in self.errors.labels:
            self.errors[field].show_message("")
        if field in self.FIELD_NAMES and self._field_widget(field).property("invalid"):
            set_flag(self._field_widget(field), "invalid", False)

    def _show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.banner.show_message("error", exc.message)
        else:
            show_error(self._as_widget(), exc)

    def open_shift(self, reason: str = "", then_pay: bool = False) -> None:
        """The opening-float dialog; with `then_pay`, the payment goes on once it is open."""
        dialog = OpenShiftDialog(self._ctx, self._as_widget(), reason=reason)
        try:
            opened = dialog.exec() == QDialog.DialogCode.Accepted and dialog.shift is not None
            shift = dialog.shift
        finally:
            dialog.deleteLater()
        if not opened or shift is None:
            return
        self._shift_opened(shift)
        if then_pay:
            self.pay()

    def _shift_opened(self, shift: ShiftSummary) -> None:
        self.banner.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = QApplication.focusWidget()
            if focus in (self._field_widget("tendered"), self._field_widget("reference")):
                self.pay()
            elif isinstance(focus, QAbstractButton):
                focus.click()
            else:
                self._as_widget().focusNextChild()
            return
        super_press: Any = super().keyPressEvent  # type: ignore[misc]
        super_press(event)

    def _as_widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self
