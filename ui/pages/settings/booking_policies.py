"""The bookings' policies an administrator sets (settings in the database, kept
through the core): how long before its start a booking may be cancelled free,
the fee after that as a percentage of its total, and how long after its start
a booking nobody checked in for is let go as a no-show.

The fields' ranges are the core's (bounded.BoundedSettingsPage).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from smesco_desk.services.actors import Permission
from ui.context import AppContext
from ui.pages.settings.bounded import BoundedSettingsPage
from ui.pages.settings.registry import settings_page

FREE_CANCEL_HOURS = "booking_free_cancel_hours"
CANCEL_FEE_PERCENT = "booking_cancel_fee_percent"
NO_SHOW_GRACE_MINUTES = "booking_no_show_grace_minutes"


@settings_page(order=66, permission=Permission.MANAGE_SETTINGS)
class BookingPoliciesPage(BoundedSettingsPage):
    """Cancellation and no-show policies of room bookings (administrators only)."""

    name = "booking_policies"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.free_hours_spin = self._spin("free_hours_spin", FREE_CANCEL_HOURS,
                                          self.tr(" jam sebelum mulai"))
        self.fee_percent_spin = self._spin("fee_percent_spin", CANCEL_FEE_PERCENT, " %")
        self.grace_spin = self._spin("grace_spin", NO_SHOW_GRACE_MINUTES,
                                     self.tr(" menit setelah mulai"))
        spins = {
            FREE_CANCEL_HOURS: self.free_hours_spin,
            CANCEL_FEE_PERCENT: self.fee_percent_spin,
            NO_SHOW_GRACE_MINUTES: self.grace_spin,
        }
        self._lay_out(spins, (
            (self.tr("Batal gratis sampai"), FREE_CANCEL_HOURS, self.tr(
                "Pemesanan yang dibatalkan lebih awal dari ini tidak dikenai biaya.")),
            (self.tr("Biaya pembatalan"), CANCEL_FEE_PERCENT, self.tr(
                "Persentase dari total pemesanan, untuk pembatalan yang lebih terlambat "
                "dan untuk pemesan yang tidak datang. Supervisor dapat membebaskannya.")),
            (self.tr("Masa tenggang tidak datang"), NO_SHOW_GRACE_MINUTES, self.tr(
                "Pemesanan yang belum check-in setelah masa ini dilepas: ruangnya bisa "
                "dipesan lagi.")),
        ))  # fmt: skip

    def title(self) -> str:
        return self.tr("Kebijakan pemesanan")
