"""The price rules of a sale an administrator sets (beside the price list): how
large a discount a receptionist may give without a supervisor (a percentage
of the line). A price from the price list is always locked for them; changing
it, or a larger discount, needs a supervisor's approval at the desk (issue 13).

The field's range is the core's (smesco_desk.services.settings.BOUNDED); a value
the core still refuses shows under its field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QSpinBox, QVBoxLayout, QWidget

from smesco_desk.i18n import _
from smesco_desk.services.actors import Permission
from smesco_desk.services.settings import BOUNDED
from ui.context import AppContext
from ui.forms import with_error
from ui.pages.settings.business import SharedSettingsPage
from ui.pages.settings.registry import settings_page
from ui.widgets import note_label

DISCOUNT_LIMIT = "sale_discount_limit_percent"


@settings_page(order=55, permission=Permission.MANAGE_SETTINGS)
class SaleRulesPage(SharedSettingsPage):
    """The discount a receptionist may give alone (administrators only)."""

    name = "sale_rules"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        least, most, message = BOUNDED[DISCOUNT_LIMIT]
        self.limit_spin = QSpinBox(self)
        self.limit_spin.setObjectName("discount_limit_spin")
        # Typing past the bound is let through and said at the field (as the
        # booking policies do): a spin box held to it would drop the key.
        self.limit_spin.setRange(least, 999)
        self.limit_spin.setSuffix(" %")
        self.limit_spin.setMaximumWidth(240)
        self.limit_spin.valueChanged.connect(
            lambda v: self.errors[DISCOUNT_LIMIT].show_message(_(message) if v > most else "")
        )
        note = note_label(
            self.tr(
                "Diskon per baris sampai persentase ini boleh diberikan resepsionis sendiri; "
                "di atasnya, dan setiap perubahan harga dari daftar harga, perlu persetujuan "
                "supervisor (masuk dengan akunnya di meja). Persetujuan dicatat di log audit "
                "dengan kedua nama dan tidak tercetak di kuitansi."
            ),
            self,
        )
        form = self._form()
        form.addRow(
            self.tr("Batas diskon tanpa persetujuan"),
            with_error(self.limit_spin, self.errors.add(DISCOUNT_LIMIT), note),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self._narrow(form))
        layout.addWidget(self.errors.add(""))
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Aturan harga penjualan")

    def load(self) -> None:
        core = self.ctx.core
        self.ctx.runner.op(core.settings.all_public, parent=self).success(self._fill).run()

    def _fill(self, values: dict[str, Any]) -> None:
        self.loaded = {DISCOUNT_LIMIT: values.get(DISCOUNT_LIMIT)}
        self.limit_spin.setValue(int(values.get(DISCOUNT_LIMIT) or 0))
        self.errors.clear()

    def values(self) -> dict[str, Any]:
        return {DISCOUNT_LIMIT: self.limit_spin.value()}
