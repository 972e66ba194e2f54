"""A read-only view of one visit (double-click in a list)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from smesco_desk.clock import to_wib
from smesco_desk.values.visitors import VisitRecord


class VisitDetailsDialog(QDialog):
    def __init__(self, visit: VisitRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visit_details_dialog")
        self.setWindowTitle(self.tr("Kunjungan {badge}").format(badge=visit.badge_number))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        rows = [
            (self.tr("Badge"), visit.badge_number),
            (self.tr("Nama"), visit.name),
            (self.tr("Organisasi"), visit.organisation or "—"),
            (self.tr("Keperluan"), visit.purpose_label),
            (self.tr("Tuan rumah / acara"), visit.host or "—"),
            (self.tr("Desk"), visit.desk_code),
            (self.tr("Masuk"), self._when(visit.checked_in_at)),
            (self.tr("Berlaku sampai"), self._when(visit.valid_until)),
            (self.tr("Keluar"), self._when(visit.checked_out_at) if visit.checked_out_at
             else self.tr("Masih di dalam gedung")),
        ]
        for label, value in rows:
            field = QLabel(value, self)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _when(self, moment: datetime) -> str:
        return self.tr("{time} WIB").format(time=to_wib(moment).strftime("%d-%m-%Y %H:%M"))
