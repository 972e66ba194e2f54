"""A meter replaced: the old meter's final reading (if it was read before it
went) and the new meter's first reading, recorded together for the chosen
stall and month. The new meter's first reading starts a new series and
consumes nothing (smesco_desk.domain.meters); what the old one used up to its
final reading is billed with the month."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.meters import METER_LABELS, MeterKind
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.i18n import _
from smesco_desk.values.meters import ReadingInput
from ui.context import AppContext
from ui.errors import error_text
from ui.forms import FieldError


class MeterReplaceDialog(QDialog):
    """Records a replaced meter of `stall` for `month`; accepted once saved."""

    def __init__(
        self,
        ctx: AppContext,
        stall: str,
        kind: MeterKind,
        month: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meter_replace_dialog")
        self._ctx, self._stall, self._kind, self._month = ctx, stall, kind, month
        meter = _(METER_LABELS[kind])
        self.setWindowTitle(
            self.tr("Meter {meter} {stall} diganti").format(meter=meter, stall=stall)
        )
        self.old_edit = QLineEdit(self)
        self.old_edit.setObjectName("old_final_edit")
        self.old_edit.setPlaceholderText(self.tr("boleh kosong"))
        self.new_edit = QLineEdit(self)
        self.new_edit.setObjectName("new_first_edit")
        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("new_number_edit")
        self.error = FieldError(self)
        form = QFormLayout()
        form.addRow(self.tr("Angka akhir meter lama"), self.old_edit)
        form.addRow(self.tr("Angka awal meter baru"), self.new_edit)
        form.addRow(self.tr("Nomor meter baru"), self.number_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        intro = QLabel(
            self.tr(
                "Pemakaian meter lama sampai angka akhirnya ditagih bulan ini; meter baru "
                "mulai dihitung dari angka awalnya."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def rows(self) -> list[ReadingInput]:
        rows = []
        if self.old_edit.text().strip():
            rows.append(ReadingInput(self._stall, self._kind.value, self.old_edit.text()))
        rows.append(
            ReadingInput(self._stall, self._kind.value, self.new_edit.text(), None, True,
                         self.number_edit.text())
        )  # fmt: skip
        return rows

    @Slot()
    def save(self) -> None:
        if not self.new_edit.text().strip():
            self.error.show_message(self.tr("Isi angka awal meter baru."))
            return
        actor, rows, month = self._ctx.require_actor(), self.rows(), self._month
        foodcourt = self._ctx.core.foodcourt
        self._ctx.runner.op(
            lambda: foodcourt.record_readings(actor, month, rows, confirm=True), self
        ).success(lambda _made: self.accept()).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.error.show_message(" ".join(exc.errors.values()))
        elif isinstance(exc, DomainError):
            self.error.show_message(exc.message)
        else:
            self.error.show_message(error_text(exc))
