"""The "Jatuh tempo" tab: the tenancy charges (rent, late fees, deposits,
utilities) falling due on a day or in the seven days from it, with the rent of
those days not posted yet ("Terjadwal"), by due day and stall; what is still
unpaid totalled under the table. A date field and "Hari ini" / "7 hari"
choose the days (core.foodcourt.rent_due).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import wib_today
from smesco_desk.domain.money import format_rupiah
from smesco_desk.values.foodcourt import TenantChargeItem
from ui.context import AppContext
from ui.errors import error_text
from ui.pages.foodcourt.common import LiveTab, day_text, from_qdate, to_qdate
from ui.pages.foodcourt.tables import ValuesTable
from ui.widgets import StatusBanner, note_label

UNPAID = frozenset({"open", "scheduled"})


class DueTab(LiveTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("due_tab")
        self.items: list[TenantChargeItem] = []
        self.status_texts = {
            "open": self.tr("Belum dibayar"),
            "paid": self.tr("Lunas"),
            "cancelled": self.tr("Batal"),
            "scheduled": self.tr("Terjadwal"),
        }
        columns = [
            (self.tr("Jatuh tempo"), lambda c: day_text(c.due_on)),
            (self.tr("Stan"), lambda c: c.stall),
            (self.tr("Tenan"), lambda c: c.tenant),
            (self.tr("Jumlah"), lambda c: format_rupiah(c.amount)),
            (self.tr("Status"), lambda c: self.status_texts.get(c.status, c.status)),
            (self.tr("Untuk"), lambda c: c.description),
        ]
        keys = {0: lambda c: (c.due_on, c.stall), 2: lambda c: c.tenant.casefold(),
                3: lambda c: c.amount}  # fmt: skip
        self.table: ValuesTable[TenantChargeItem] = ValuesTable(
            columns, self, keys=keys, right=(3,), stretch=2)
        self.table.setObjectName("due_table")
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("due_date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setDate(to_qdate(wib_today(ctx.core.now())))
        self.date_edit.dateChanged.connect(lambda _d: self.reload())
        date_label = QLabel(self.tr("Mula&i"), self)
        date_label.setBuddy(self.date_edit)
        self.days_combo = QComboBox(self)
        self.days_combo.setObjectName("due_days_combo")
        self.days_combo.addItem(self.tr("Hari itu saja"), 1)
        self.days_combo.addItem(self.tr("7 hari"), 7)
        self.days_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.today_button = QPushButton(self.tr("Hari ini"), self)
        self.today_button.setAutoDefault(False)
        self.today_button.clicked.connect(lambda: self.show_days(1))
        self.banner = StatusBanner(self)
        self.note = note_label(
            self.tr("Tagihan sewa, denda, deposit dan utilitas yang jatuh tempo pada hari itu "
                    "(atau 7 hari sejak hari itu) atau dibuat pada hari itu; sewa yang belum "
                    "dibuat tagihannya tampil \"Terjadwal\"."), self)  # fmt: skip
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("due_totals_label")
        self.totals_label.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(date_label)
        bar.addWidget(self.date_edit)
        bar.addWidget(self.days_combo)
        bar.addWidget(self.today_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_label)

    def first_day(self) -> date:
        return from_qdate(self.date_edit.date())

    def days(self) -> int:
        return int(self.days_combo.currentData())

    def show_days(self, days: int) -> None:
        """From today, for `days` days (1: today, 7: this week)."""
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(to_qdate(wib_today(self.ctx.core.now())))
        self.date_edit.blockSignals(False)
        self.days_combo.blockSignals(True)
        self.days_combo.setCurrentIndex(max(0, self.days_combo.findData(days)))
        self.days_combo.blockSignals(False)
        self.reload()

    def load(self) -> None:
        foodcourt, first, days = self.ctx.core.foodcourt, self.first_day(), self.days()
        self.ctx.runner.op(lambda: foodcourt.rent_due(first, days), self).success(
            self._loaded
        ).failure(lambda exc: self.banner.show_message("error", error_text(exc))).run()

    @Slot(object)
    def _loaded(self, items: list[TenantChargeItem]) -> None:
        self.items = items
        self.table.set_values(items)
        unpaid = [c for c in items if c.status in UNPAID]
        self.totals_label.setText(
            self.tr("%n tagihan · belum dibayar {unpaid} dari {total}", "", len(items)).format(
                unpaid=format_rupiah(sum(c.amount for c in unpaid)),
                total=format_rupiah(sum(c.amount for c in items if c.status != "cancelled")),
            )
        )
