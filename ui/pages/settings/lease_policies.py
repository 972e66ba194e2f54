"""The food court's lease policy an administrator sets (settings in the
database, kept through the core): the notice a tenant gives before ending a
lease early, and the fee of a shorter notice in periods of the lease's own
rent (smesco_desk.domain.tenancy: for a monthly lease, N months' rent).

The fields' ranges are the core's (smesco_desk.services.settings.BOUNDED); a
value the core still refuses shows under its field.
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

NOTICE_DAYS = "foodcourt_notice_days"
FEE_PERIODS = "foodcourt_notice_fee_periods"
LEASE_KEYS = (NOTICE_DAYS, FEE_PERIODS)


@settings_page(order=67, permission=Permission.MANAGE_SETTINGS)
class LeasePoliciesPage(SharedSettingsPage):
    """Early termination of food-court leases (administrators only)."""

    name = "lease_policies"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.notice_spin = self._spin("notice_spin", NOTICE_DAYS, self.tr(" hari"))
        self.fee_spin = self._spin("fee_spin", FEE_PERIODS, self.tr(" × sewa per periode"))
        self.spins = {NOTICE_DAYS: self.notice_spin, FEE_PERIODS: self.fee_spin}
        form = self._form()
        rows = (
            (self.tr("Pemberitahuan"), NOTICE_DAYS, self.tr(
                "Tenan yang mengakhiri sewa lebih awal memberi tahu paling lambat sekian hari "
                "sebelum hari terakhirnya.")),
            (self.tr("Biaya pemutusan"), FEE_PERIODS, self.tr(
                "Untuk pemberitahuan yang kurang dari itu: sekian kali sewa per periode sewa "
                "itu (sewa bulanan: sekian bulan sewa). 0: tanpa biaya. Tertulis di "
                "perjanjian sewa.")),
        )  # fmt: skip
        for label, key, note in rows:
            form.addRow(label, with_error(self.spins[key], self.errors.add(key),
                                          note_label(note, self)))  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self._narrow(form))
        layout.addWidget(self.errors.add(""))
        layout.addStretch(1)

    def _spin(self, name: str, key: str, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        least, most, message = BOUNDED[key]
        # Typing past the bound is let through and said at the field (as the
        # bookings' policies do): a spin box held to it would drop the key.
        spin.setRange(least, 10 ** len(str(most)) - 1)
        spin.setSuffix(suffix)
        spin.setMaximumWidth(260)
        spin.valueChanged.connect(
            lambda v: self.errors[key].show_message(_(message) if v > most else "")
        )
        return spin

    def title(self) -> str:
        return self.tr("Sewa stan")

    def load(self) -> None:
        core = self.ctx.core
        self.ctx.runner.op(core.settings.all_public, parent=self).success(self._fill).run()

    def _fill(self, values: dict[str, Any]) -> None:
        self.loaded = {key: values.get(key) for key in LEASE_KEYS}
        for key, spin in self.spins.items():
            spin.setValue(int(values.get(key) or 0))
        self.errors.clear()

    def values(self) -> dict[str, Any]:
        return {key: spin.value() for key, spin in self.spins.items()}
