"""Opening a cash shift: the float (modal awal) in the drawer before the first sale."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.errors import AlreadyDone, DomainError, ValidationError
from smesco_desk.values.payments import ShiftSummary
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldErrors, with_error
from ui.widgets import RupiahEdit


class OpenShiftDialog(QDialog):
    """Asks for the opening float and opens the shift; `shift` holds it once accepted."""

    shift_opened = Signal(object)  # ShiftSummary

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, reason: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("open_shift_dialog")
        self.setWindowTitle(self.tr("Buka shift kas"))
        self._ctx = ctx
        self.shift: ShiftSummary | None = None
        self.errors = FieldErrors()
        intro = QLabel(
            reason
            or self.tr("Hitung uang di laci kas sebelum penjualan pertama dan isi jumlahnya."),
            self,
        )
        intro.setObjectName("note_label")
        intro.setWordWrap(True)
        self.float_edit = RupiahEdit(self, self.tr("mis. Rp500.000"))
        self.float_edit.setObjectName("opening_float_edit")
        self.float_edit.textEdited.connect(lambda _text: self.errors.clear())
        # Left, as text: right-aligned, the blinking cursor sat on the hint's last
        # figure ("mis. Rp500.00"); a lone amount reads as well from the left.
        self.float_edit.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form = QFormLayout()
        form.addRow(
            self.tr("&Modal awal"), with_error(self.float_edit, self.errors.add("opening_float"))
        )
        self.general_error = self.errors.add("")
        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("&Buka shift"), self)
        self.open_button.setObjectName("open_shift_button")
        self.open_button.setProperty("primary", True)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.submit)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)
        self.float_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def submit(self) -> None:
        amount = self.float_edit.value()
        if amount is None:
            self.errors.show({"opening_float": self.tr("Isi modal awal (boleh Rp0).")})
            self.float_edit.setFocus()
            return
        payments, actor = self._ctx.core.payments, self._ctx.require_actor()
        self.open_button.setEnabled(False)
        self._ctx.runner.op(lambda: payments.open_shift(actor, amount), self).success(
            self._opened
        ).failure(self._failed).run()

    def _opened(self, shift: ShiftSummary) -> None:
        self.shift = shift
        self.shift_opened.emit(shift)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AlreadyDone):  # opened meanwhile (another window): use that one
            payments, actor = self._ctx.core.payments, self._ctx.require_actor()
            self._ctx.runner.op(lambda: payments.current_shift(actor), self).success(
                lambda shift: self._opened(shift) if shift else self._show(exc)
            ).failure(self._show).run()
            return
        self._show(exc)

    def _show(self, exc: BaseException) -> None:
        self.open_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.errors.show(
                {k if k in self.errors.labels else "": v for k, v in exc.errors.items()}
            )
        elif isinstance(exc, DomainError):
            self.errors.show({"": exc.message})
        else:
            show_error(self, exc)
        self.float_edit.setFocus()
