"""The "Stan" tab: the plan's data as a sortable table (code, which names the
floor and sorts by it, size, state, tenant, lease until, open balance), with
a search box and the state filter; a double-click or Enter opens the stall's
card (`stall_activated`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from smesco_desk.domain.foodcourt import size_m2_text
from smesco_desk.domain.money import format_rupiah
from smesco_desk.printing.foodcourt_plan import LEGEND_ORDER
from smesco_desk.values.foodcourt import StallStatus
from ui.context import AppContext
from ui.errors import error_text
from ui.pages.foodcourt.common import LiveTab, day_text
from ui.pages.foodcourt.floor_plan import state_label
from ui.pages.foodcourt.tables import ValuesTable
from ui.widgets import FittingLineEdit, StatusBanner


class StallTableTab(LiveTab):
    stall_activated = Signal(object)  # StallStatus

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("stall_table_tab")
        columns = [
            (self.tr("Kode"), lambda s: s.stall.code),
            (self.tr("Luas (m²)"), lambda s: size_m2_text(s.stall.size_cm2)),
            (self.tr("Keadaan"), lambda s: state_label(s.state)),
            (self.tr("Tenan"), lambda s: s.tenant or ""),
            (self.tr("Sewa sampai"), lambda s: day_text(s.lease_until)),
            (self.tr("Tagihan terbuka"), lambda s: format_rupiah(s.balance) if s.balance else ""),
        ]
        keys = {
            0: lambda s: (s.stall.floor, s.stall.number, s.stall.code),
            1: lambda s: s.stall.size_cm2,
            2: lambda s: LEGEND_ORDER.index(s.state),
            3: lambda s: (s.tenant or "").casefold(),
            4: lambda s: s.lease_until or date.min,
            5: lambda s: s.balance,
        }
        self.table: ValuesTable[StallStatus] = ValuesTable(
            columns, self, keys=keys, right=(1, 5), stretch=3, keep=(0, 4)
        )
        self.table.setObjectName("stall_table")
        self.table.activated_value.connect(self.stall_activated)
        self.search_edit = FittingLineEdit(
            self.tr("Cari kode, tenan, keadaan…"), self.tr("Cari…"), self)
        self.search_edit.setObjectName("stall_search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.table.proxy.set_search)
        self.state_combo = QComboBox(self)
        self.state_combo.setObjectName("stall_state_combo")
        self.state_combo.addItem(self.tr("Semua keadaan"), "")
        for state in LEGEND_ORDER:
            self.state_combo.addItem(state_label(state), state.value)
        self.state_combo.currentIndexChanged.connect(self._filter_state)
        self.banner = StatusBanner(self)
        self.count_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.state_combo)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def load(self) -> None:
        foodcourt = self.ctx.core.foodcourt
        self.ctx.runner.op(foodcourt.stall_states, self).success(self._loaded).failure(
            lambda exc: self.banner.show_message("error", error_text(exc))
        ).run()

    def _loaded(self, states: list[StallStatus]) -> None:
        self.table.set_values(states)
        self._count()

    def set_state_filter(self, state: str) -> None:
        self.state_combo.setCurrentIndex(max(self.state_combo.findData(state), 0))

    def _filter_state(self) -> None:
        state = self.state_combo.currentData()
        self.table.proxy.set_accepts(lambda s: not state or s.state == state)
        self._count()

    def _count(self) -> None:
        self.count_label.setText(self.tr("%n stan", "", self.table.proxy.rowCount()))
