"""The food court's utility tariffs an administrator sets (settings in the
database, kept through the core): power per kWh and water per m³ as block
tariffs, typed as "100:1444, 1699" (the first 100 units at Rp1.444, the rest
at Rp1.699: smesco_desk.domain.meters), the service charge per m² per month,
and the day of the next month those bills fall due. A value the core refuses
shows under its field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QSpinBox, QVBoxLayout, QWidget

from smesco_desk.domain.meters import parse_tariff, tariff_text
from smesco_desk.services.actors import Permission
from smesco_desk.services.settings import BOUNDED
from ui.context import AppContext
from ui.forms import with_error
from ui.pages.settings.business import SharedSettingsPage
from ui.pages.settings.registry import settings_page
from ui.widgets import RupiahEdit, note_label

POWER = "foodcourt_power_tariff"
WATER = "foodcourt_water_tariff"
SERVICE = "foodcourt_service_charge_m2"
DUE_DAY = "foodcourt_utility_due_day"


@settings_page(order=68, permission=Permission.MANAGE_SETTINGS)
class UtilityTariffsPage(SharedSettingsPage):
    """Tariffs of the food court's power, water and service charge (administrators)."""

    name = "utility_tariffs"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.power_edit = self._tariff_edit("power_tariff_edit")
        self.water_edit = self._tariff_edit("water_tariff_edit")
        self.service_edit = RupiahEdit(self)
        self.service_edit.setObjectName("service_charge_edit")
        self.service_edit.setMaximumWidth(240)
        self.due_spin = self._spin("due_day_spin", DUE_DAY, self.tr("tanggal "))
        form = self._form()
        rows = (
            (self.tr("Listrik per kWh"), POWER, self.power_edit, self.tr(
                "Tarif blok: batas kWh dan tarif, lalu tarif di atasnya. Contoh "
                "100:1444, 1699 (100 kWh pertama Rp1.444, selebihnya Rp1.699).")),
            (self.tr("Air per m³"), WATER, self.water_edit, self.tr(
                "Sama seperti listrik; satu tarif saja, misalnya 9000, untuk tarif rata.")),
            (self.tr("Biaya layanan per m²"), SERVICE, self.service_edit, self.tr(
                "Per m² luas stan per bulan; sebulan tidak penuh dihitung per hari.")),
            (self.tr("Jatuh tempo"), DUE_DAY, self.due_spin, self.tr(
                "Tagihan listrik, air dan biaya layanan jatuh tempo pada tanggal ini "
                "bulan berikutnya.")),
        )  # fmt: skip
        for label, key, field, note in rows:
            form.addRow(label, with_error(field, self.errors.add(key), note_label(note, self)))
        layout = QVBoxLayout(self)
        layout.addWidget(self._narrow(form))
        layout.addWidget(self.errors.add(""))
        layout.addStretch(1)

    def _tariff_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText("100:1444, 1699")
        edit.setMaximumWidth(320)
        return edit

    def _spin(self, name: str, key: str, prefix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        least, most, _message = BOUNDED[key]
        spin.setRange(least, most)
        spin.setPrefix(prefix)
        spin.setMaximumWidth(240)
        return spin

    def title(self) -> str:
        return self.tr("Listrik & air")

    def load(self) -> None:
        core = self.ctx.core
        self.ctx.runner.op(core.settings.all_public, parent=self).success(self._fill).run()

    def _fill(self, values: dict[str, Any]) -> None:
        for key, edit in ((POWER, self.power_edit), (WATER, self.water_edit)):
            try:
                edit.setText(tariff_text(parse_tariff(values.get(key))))
            except ValueError:
                edit.setText("")
        self.service_edit.set_value(int(values.get(SERVICE) or 0))
        self.due_spin.setValue(int(values.get(DUE_DAY) or 1))
        self.loaded = self.values()
        self.errors.clear()

    def values(self) -> dict[str, Any]:
        return {
            POWER: self.power_edit.text().strip(),
            WATER: self.water_edit.text().strip(),
            SERVICE: self.service_edit.value(),
            DUE_DAY: self.due_spin.value(),
        }
