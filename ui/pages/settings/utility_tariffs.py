"""The food court's utility tariffs an administrator sets (settings in the
database, kept through the core): power per kWh and water per m³ as block
tariffs, each typed as a small table of blocks (tariff_blocks: the first 100
kWh at Rp1.444, the rest at Rp1.699; smesco_desk.domain.meters), the service
charge per m² per month, and the day of the next month those bills fall due.
A block that is not right shows why under its row and nothing is saved; a
value the core refuses shows under its field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.meters import parse_tariff, tariff_json
from smesco_desk.services.actors import Permission
from smesco_desk.services.settings import BOUNDED
from ui.context import AppContext
from ui.forms import with_error
from ui.pages.settings.base import FORM_MAX_WIDTH
from ui.pages.settings.business import SharedSettingsPage
from ui.pages.settings.registry import settings_page
from ui.pages.settings.tariff_blocks import BlockTariffEditor
from ui.widgets import RupiahEdit, note_label, plain_scroll

POWER = "foodcourt_power_tariff"
WATER = "foodcourt_water_tariff"
SERVICE = "foodcourt_service_charge_m2"
DUE_DAY = "foodcourt_utility_due_day"


@settings_page(order=69, permission=Permission.MANAGE_SETTINGS)
class UtilityTariffsPage(SharedSettingsPage):
    """Tariffs of the food court's power, water and service charge (administrators)."""

    name = "utility_tariffs"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.power_blocks = BlockTariffEditor("kWh", self)
        self.power_blocks.setObjectName("power_tariff_blocks")
        self.water_blocks = BlockTariffEditor("m³", self)
        self.water_blocks.setObjectName("water_tariff_blocks")
        self.service_edit = RupiahEdit(self)
        self.service_edit.setObjectName("service_charge_edit")
        self.service_edit.setMaximumWidth(240)
        self.due_spin = self._spin("due_day_spin", DUE_DAY, self.tr("tanggal "))
        # a grid, not a QFormLayout: that one kept the height it had worked out
        # for one block when the blocks of the tariffs came after it was laid out
        form = QGridLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        form.setColumnStretch(1, 1)
        rows = (
            (self.tr("Listrik"), POWER, self.power_blocks, ""),
            (self.tr("Air"), WATER, self.water_blocks, ""),
            (self.tr("Biaya layanan per m²"), SERVICE, self.service_edit, self.tr(
                "Per m² luas stan per bulan; sebulan tidak penuh dihitung per hari.")),
            (self.tr("Jatuh tempo"), DUE_DAY, self.due_spin, self.tr(
                "Tagihan listrik, air dan biaya layanan jatuh tempo pada tanggal ini "
                "bulan berikutnya.")),
        )  # fmt: skip
        for row, (label, key, field, note) in enumerate(rows):
            notes = (note_label(note, self),) if note else ()
            name = QLabel(label, self)
            name.setMinimumHeight(field.sizeHint().height() if note else 0)
            form.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            form.addWidget(with_error(field, self.errors.add(key), *notes), row, 1)
        box = QWidget(self)
        box.setMaximumWidth(FORM_MAX_WIDTH)
        box.setLayout(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scrolling(box))

    def _scrolling(self, form: QWidget) -> QScrollArea:
        """The form scrolls when many blocks would not fit a 768 px screen."""
        column = QWidget(self)
        column.setObjectName("tariff_column")
        content = QVBoxLayout(column)
        content.addWidget(form)
        content.addWidget(self.errors.add(""))
        content.addStretch(1)
        return plain_scroll(self, column, "tariff_scroll")

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
        for key, blocks in ((POWER, self.power_blocks), (WATER, self.water_blocks)):
            try:
                blocks.set_tariff(tariff_json(parse_tariff(values.get(key))))
            except ValueError:
                blocks.set_tariff([[None, 0]])
        self.service_edit.set_value(int(values.get(SERVICE) or 0))
        self.due_spin.setValue(int(values.get(DUE_DAY) or 1))
        self.loaded = self.values()
        self.errors.clear()

    def values(self) -> dict[str, Any]:
        return {
            POWER: self.power_blocks.tariff(),
            WATER: self.water_blocks.tariff(),
            SERVICE: self.service_edit.value(),
            DUE_DAY: self.due_spin.value(),
        }

    def save(self) -> None:
        """Nothing is saved while a block is not right (shown at its row)."""
        marked = [blocks.tariff(mark=True) for blocks in (self.power_blocks, self.water_blocks)]
        if None in marked:
            self.errors.clear()
            return
        super().save()
