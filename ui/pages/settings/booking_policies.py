"""The bookings' policies an administrator sets (settings in the database, kept
through the core): how long before its start a booking may be cancelled free,
the fee after that as a percentage of its total, and how long after its start
a booking nobody checked in for is let go as a no-show.

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

FREE_CANCEL_HOURS = "booking_free_cancel_hours"
CANCEL_FEE_PERCENT = "booking_cancel_fee_percent"
NO_SHOW_GRACE_MINUTES = "booking_no_show_grace_minutes"
POLICY_KEYS = (FREE_CANCEL_HOURS, CANCEL_FEE_PERCENT, NO_SHOW_GRACE_MINUTES)


@settings_page(order=66, permission=Permission.MANAGE_SETTINGS)
class BookingPoliciesPage(SharedSettingsPage):
    """Cancellation and no-show policies of room bookings (administrators only)."""

    name = "booking_policies"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.free_hours_spin = self._spin("free_hours_spin", FREE_CANCEL_HOURS,
                                          self.tr(" jam sebelum mulai"))
        self.fee_percent_spin = self._spin("fee_percent_spin", CANCEL_FEE_PERCENT, " %")
        self.grace_spin = self._spin("grace_spin", NO_SHOW_GRACE_MINUTES,
                                     self.tr(" menit setelah mulai"))
        self.spins = {
            FREE_CANCEL_HOURS: self.free_hours_spin,
            CANCEL_FEE_PERCENT: self.fee_percent_spin,
            NO_SHOW_GRACE_MINUTES: self.grace_spin,
        }
        form = self._form()
        rows = (
            (self.tr("Batal gratis sampai"), FREE_CANCEL_HOURS, self.tr(
                "Pemesanan yang dibatalkan lebih awal dari ini tidak dikenai biaya.")),
            (self.tr("Biaya pembatalan"), CANCEL_FEE_PERCENT, self.tr(
                "Persentase dari total pemesanan, untuk pembatalan yang lebih terlambat "
                "dan untuk pemesan yang tidak datang. Supervisor dapat membebaskannya.")),
            (self.tr("Masa tenggang tidak datang"), NO_SHOW_GRACE_MINUTES, self.tr(
                "Pemesanan yang belum check-in setelah masa ini dilepas: ruangnya bisa "
                "dipesan lagi.")),
        )
        for label, key, note in rows:
            form.addRow(label, with_error(self.spins[key], self.errors.add(key),
                                          note_label(note, self)))
        layout = QVBoxLayout(self)
        layout.addWidget(self._narrow(form))
        layout.addWidget(self.errors.add(""))
        layout.addStretch(1)

    def _spin(self, name: str, key: str, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        least, most, message = BOUNDED[key]
        # Typing past the bound is let through and said at the field: a spin box
        # held to the bound drops the key ("150" would become 15 without a word).
        spin.setRange(least, 10 ** len(str(most)) - 1)
        spin.setSuffix(suffix)
        spin.setMaximumWidth(240)
        spin.valueChanged.connect(
            lambda v: self.errors[key].show_message(_(message) if v > most else "")
        )
        return spin

    def title(self) -> str:
        return self.tr("Kebijakan pemesanan")

    def load(self) -> None:
        core = self.ctx.core
        self.ctx.runner.op(core.settings.all_public, parent=self).success(self._fill).run()

    def _fill(self, values: dict[str, Any]) -> None:
        self.loaded = {key: values.get(key) for key in POLICY_KEYS}
        for key, spin in self.spins.items():
            spin.setValue(int(values.get(key) or 0))
        self.errors.clear()

    def values(self) -> dict[str, Any]:
        return {key: spin.value() for key, spin in self.spins.items()}
