"""The price rules of a sale an administrator sets (beside the price list): how
large a discount a receptionist may give without a supervisor (a percentage
of the line). A price from the price list is always locked for them; changing
it, or a larger discount, needs a supervisor's approval at the desk (issue 13).

The field's range is the core's (bounded.BoundedSettingsPage).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from smesco_desk.services.actors import Permission
from ui.context import AppContext
from ui.pages.settings.bounded import BoundedSettingsPage
from ui.pages.settings.registry import settings_page

DISCOUNT_LIMIT = "sale_discount_limit_percent"


@settings_page(order=55, permission=Permission.MANAGE_SETTINGS)
class SaleRulesPage(BoundedSettingsPage):
    """The discount a receptionist may give alone (administrators only)."""

    name = "sale_rules"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.limit_spin = self._spin("discount_limit_spin", DISCOUNT_LIMIT, " %")
        note = self.tr(
            "Diskon per baris sampai persentase ini boleh diberikan resepsionis sendiri; "
            "di atasnya, dan setiap perubahan harga dari daftar harga, perlu persetujuan "
            "supervisor (masuk dengan akunnya di meja). Persetujuan dicatat di log audit "
            "dengan kedua nama dan tidak tercetak di kuitansi."
        )
        self._lay_out(
            {DISCOUNT_LIMIT: self.limit_spin},
            ((self.tr("Batas diskon tanpa persetujuan"), DISCOUNT_LIMIT, note),),
        )

    def title(self) -> str:
        return self.tr("Aturan harga penjualan")
