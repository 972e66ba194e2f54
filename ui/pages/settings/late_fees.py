"""The late fees on the food court's overdue charges, as an administrator sets
them (settings in the database, kept through the core;
smesco_desk.domain.foodcourt_rent): none, a percentage per month of the
overdue amount, or a fixed amount per month overdue; days of grace; and
whether a late fee earns late fees too (never, unless set).

The percentage is typed with two decimals and kept in basis points; a value
the core refuses shows under its field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox, QVBoxLayout, QWidget

from smesco_desk.services.actors import Permission
from ui.context import AppContext
from ui.forms import with_error
from ui.pages.settings.business import SharedSettingsPage
from ui.pages.settings.registry import settings_page
from ui.widgets import note_label

MODE = "rent_late_fee_mode"
PERCENT_BP = "rent_late_fee_percent_bp"
FIXED = "rent_late_fee_fixed"
GRACE_DAYS = "rent_late_fee_grace_days"
COMPOUNDING = "rent_late_fee_compounding"
KEYS = (MODE, PERCENT_BP, FIXED, GRACE_DAYS, COMPOUNDING)


@settings_page(order=68, permission=Permission.MANAGE_SETTINGS)
class LateFeesPage(SharedSettingsPage):
    """Late fees on tenants' overdue rent and bills (administrators only)."""

    name = "late_fees"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("mode_combo")
        for label, mode in (
            (self.tr("Tanpa denda"), "none"),
            (self.tr("Persentase per bulan"), "percent"),
            (self.tr("Jumlah tetap per bulan"), "fixed"),
        ):
            self.mode_combo.addItem(label, mode)
        self.percent_spin = QDoubleSpinBox(self)
        self.percent_spin.setObjectName("percent_spin")
        self.percent_spin.setDecimals(2)
        self.percent_spin.setRange(0, 100)
        self.percent_spin.setSuffix(" %")
        self.fixed_spin = QSpinBox(self)
        self.fixed_spin.setObjectName("fixed_spin")
        self.fixed_spin.setRange(0, 1_000_000_000)
        self.fixed_spin.setSingleStep(10_000)
        self.fixed_spin.setGroupSeparatorShown(True)
        self.fixed_spin.setPrefix("Rp")
        self.grace_spin = QSpinBox(self)
        self.grace_spin.setObjectName("grace_spin")
        self.grace_spin.setRange(0, 60)
        self.grace_spin.setSuffix(self.tr(" hari"))
        self.compounding_check = QCheckBox(self.tr("Denda juga dikenai denda"), self)
        self.compounding_check.setObjectName("compounding_check")
        for short in (self.mode_combo, self.percent_spin, self.fixed_spin, self.grace_spin):
            short.setMaximumWidth(240)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        form = self._form()
        rows = (
            (self.tr("Denda keterlambatan"), self.mode_combo, MODE, self.tr(
                "Dikenakan tiap bulan tagihan sewa, listrik dan air atau biaya layanan "
                "belum dibayar setelah jatuh tempo; tidak untuk deposit.")),
            (self.tr("Persentase"), self.percent_spin, PERCENT_BP, self.tr(
                "Dari jumlah tagihan yang terlambat, per bulan.")),
            (self.tr("Jumlah tetap"), self.fixed_spin, FIXED, self.tr(
                "Per tagihan, per bulan terlambat.")),
            (self.tr("Masa tenggang"), self.grace_spin, GRACE_DAYS, self.tr(
                "Hari setelah jatuh tempo (dan setelah awal tiap bulan terlambat) sebelum "
                "denda dikenakan.")),
            ("", self.compounding_check, COMPOUNDING, self.tr(
                "Biasanya tidak: denda hanya dihitung dari tagihan pokok.")),
        )  # fmt: skip
        self._rows: dict[str, QWidget] = {}
        for label, widget, key, note in rows:
            self._rows[key] = with_error(widget, self.errors.add(key), note_label(note, self))
            form.addRow(label, self._rows[key])
        self._form_layout = form
        layout = QVBoxLayout(self)
        layout.addWidget(self._narrow(form))
        layout.addWidget(self.errors.add(""))
        layout.addStretch(1)
        self._mode_changed()

    def _mode_changed(self) -> None:
        """Only the amount of the kind chosen is shown; grace and compounding
        only when there is a late fee at all."""
        mode = self.mode_combo.currentData()
        shown = {PERCENT_BP: mode == "percent", FIXED: mode == "fixed"}
        shown[GRACE_DAYS] = shown[COMPOUNDING] = mode != "none"
        for key, visible in shown.items():
            self._form_layout.setRowVisible(self._rows[key], visible)
        self.percent_spin.setEnabled(shown[PERCENT_BP])
        self.fixed_spin.setEnabled(shown[FIXED])
        self.grace_spin.setEnabled(shown[GRACE_DAYS])
        self.compounding_check.setEnabled(shown[COMPOUNDING])

    def title(self) -> str:
        return self.tr("Denda sewa")

    def load(self) -> None:
        core = self.ctx.core
        self.ctx.runner.op(core.settings.all_public, parent=self).success(self._fill).run()

    def _fill(self, values: dict[str, Any]) -> None:
        self.loaded = {key: values.get(key) for key in KEYS}
        index = self.mode_combo.findData(values.get(MODE) or "none")
        self.mode_combo.setCurrentIndex(max(index, 0))
        self.percent_spin.setValue(int(values.get(PERCENT_BP) or 0) / 100)
        self.fixed_spin.setValue(int(values.get(FIXED) or 0))
        self.grace_spin.setValue(int(values.get(GRACE_DAYS) or 0))
        self.compounding_check.setChecked(bool(values.get(COMPOUNDING)))
        self.errors.clear()

    def values(self) -> dict[str, Any]:
        return {
            MODE: self.mode_combo.currentData(),
            PERCENT_BP: round(self.percent_spin.value() * 100),
            FIXED: self.fixed_spin.value(),
            GRACE_DAYS: self.grace_spin.value(),
            COMPOUNDING: self.compounding_check.isChecked(),
        }
