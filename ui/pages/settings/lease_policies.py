"""The food court's lease policy an administrator sets (settings in the
database, kept through the core): the notice a tenant gives before ending a
lease early, and the fee of a shorter notice in periods of the lease's own
rent (smesco_desk.domain.tenancy: for a monthly lease, N months' rent).

The fields' ranges are the core's (bounded.BoundedSettingsPage).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from smesco_desk.services.actors import Permission
from ui.context import AppContext
from ui.pages.settings.bounded import BoundedSettingsPage
from ui.pages.settings.registry import settings_page

NOTICE_DAYS = "foodcourt_notice_days"
FEE_PERIODS = "foodcourt_notice_fee_periods"


@settings_page(order=67, permission=Permission.MANAGE_SETTINGS)
class LeasePoliciesPage(BoundedSettingsPage):
    """Early termination of food-court leases (administrators only)."""

    name = "lease_policies"
    spin_width = 260

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.notice_spin = self._spin("notice_spin", NOTICE_DAYS, self.tr(" hari"))
        self.fee_spin = self._spin("fee_spin", FEE_PERIODS, self.tr(" × sewa per periode"))
        self._lay_out({NOTICE_DAYS: self.notice_spin, FEE_PERIODS: self.fee_spin}, (
            (self.tr("Pemberitahuan"), NOTICE_DAYS, self.tr(
                "Tenan yang mengakhiri sewa lebih awal memberi tahu paling lambat sekian hari "
                "sebelum hari terakhirnya.")),
            (self.tr("Biaya pemutusan"), FEE_PERIODS, self.tr(
                "Untuk pemberitahuan yang kurang dari itu: sekian kali sewa per periode sewa "
                "itu (sewa bulanan: sekian bulan sewa). 0: tanpa biaya. Tertulis di "
                "perjanjian sewa.")),
        ))  # fmt: skip

    def title(self) -> str:
        return self.tr("Sewa stan")
