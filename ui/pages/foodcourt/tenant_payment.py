"""Paying what a tenant owes ("Bayar…", "Bayar deposit…") at the desk, with the
payments area's ChargePayDialog and kuitansi (ChargePayment, shared with a
booking's payment). One charge open: that one. Several: they are listed
ticked, oldest due first (foodcourt.owed_charges), and the ticked ones, or the
oldest that a typed amount pays in full, are paid with one kuitansi
(payments.pay_charges). The lease dialog pays the lease's charges (the deposit
and the first rent) that way, together."""

from __future__ import annotations

from smesco_desk.values.payments import ChargeRecord
from ui.pages.payments.charge_payment import ChargePayment, Report

__all__ = ["Report", "TenantPayment", "lease_charges"]


def lease_charges(charges: list[ChargeRecord], lease_id: str | None) -> list[ChargeRecord]:
    """The open charges of a lease (all of the tenant's with None), oldest first."""
    source = f"lease:{lease_id}"
    mine = [c for c in charges if c.total > 0 and (lease_id is None or c.source == source)]
    return sorted(mine, key=lambda c: c.created_at)


class TenantPayment(ChargePayment):
    """Pays the open charges of a tenant (of one lease if given)."""

    def pay(self, tenant_id: str, lease_id: str | None = None) -> None:
        """The pay dialog for the tenant's open charges, all ticked."""
        foodcourt = self._ctx.core.foodcourt
        self.load(lambda: foodcourt.owed_charges(tenant_id, lease_id), self._pay_owed)

    def _pay_owed(self, charges: list[ChargeRecord]) -> None:
        if not charges:
            self._report("info", self.tr("Tidak ada tagihan terbuka."))
            return
        self.open_dialog(charges[0], charges)
