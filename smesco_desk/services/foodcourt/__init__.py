"""The food court: stalls on three floors, tenants and their businesses, and
leases that never take a stall twice.

No stall leased twice at three levels: `lease` refuses with `LeaseConflict`
naming the lease in the way (conflicts), and the database refuses an
overlapping live lease by itself (a trigger on SQLite, an exclusion constraint
on PostgreSQL: smesco_desk.db.overlaps, guard "leases").

The work is done by one module per job; `FoodCourtService` is the front callers
use (`core.foodcourt.lease(...)`), each method handing over to one of them:

- stalls: the stall catalogue (administrators) and each stall's state on a day
- tenants: tenants and their businesses' identity (NIB, NPWP, the owner's NIK)
- leases: leasing a stall, its deposit charge, cancelling, ending early
- conflicts: the leases in the way, and LeaseConflict
- lease_conflicts: a lease another desk won the days of (sync): moved or cancelled
- documents: documents attached to a tenant (scans, permits), synced, kept as files
- mapping: rows to the values in smesco_desk.values.foodcourt
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from smesco_desk.services.actors import Actor
from smesco_desk.services.foodcourt import documents, lease_conflicts, leases, stalls, tenants
from smesco_desk.services.foodcourt.conflicts import LeaseConflict
from smesco_desk.values.documents import DocumentContent, TenantDocumentInfo
from smesco_desk.values.foodcourt import (
    LeaseForm,
    LeaseRecord,
    StallForm,
    StallInfo,
    StallStatus,
    TenantForm,
    TenantInfo,
)

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


class FoodCourtService:
    """The food court's entry points; see the modules named above for how."""

    def __init__(self, core: Core) -> None:
        self.core = core

    # --- stalls -------------------------------------------------------------------------

    def stalls(self, floor: int | None = None) -> list[StallInfo]:
        return stalls.stalls(self.core, floor)

    def save_stall(self, actor: Actor, form: StallForm) -> StallInfo:
        return stalls.save_stall(self.core, actor, form)

    def stall_states(self, day: date | None = None, floor: int | None = None) -> list[StallStatus]:
        return stalls.stall_states(self.core, day, floor)

    # --- tenants ------------------------------------------------------------------------

    def tenants(self, active_only: bool = True) -> list[TenantInfo]:
        return tenants.tenants(self.core, active_only)

    def tenant(self, tenant_id: str) -> TenantInfo:
        return tenants.tenant(self.core, tenant_id)

    def save_tenant(self, actor: Actor, form: TenantForm) -> TenantInfo:
        return tenants.save_tenant(self.core, actor, form)

    # --- leases -------------------------------------------------------------------------

    def lease(self, actor: Actor, form: LeaseForm) -> LeaseRecord:
        return leases.lease(self.core, actor, form)

    def cancel_lease(self, actor: Actor, lease_id: str, reason: str = "") -> LeaseRecord:
        return leases.cancel_lease(self.core, actor, lease_id, reason)

    def end_lease(
        self, actor: Actor, lease_id: str, last_day: date, reason: str = ""
    ) -> LeaseRecord:
        return leases.end_lease(self.core, actor, lease_id, last_day, reason)

    def leases(self, tenant_id: str | None = None, stall: str | None = None) -> list[LeaseRecord]:
        return leases.leases(self.core, tenant_id, stall)

    def get_lease(self, lease_id: str) -> LeaseRecord:
        return leases.get_lease(self.core, lease_id)

    # --- leases another desk won the days of (sync) ---------------------------------------

    def move_lease(
        self,
        actor: Actor,
        lease_id: str,
        stall: str,
        starts_on: date,
        ends_on: date,
        note: str = "",
    ) -> LeaseRecord:
        return lease_conflicts.move_lease(
            self.core, actor, lease_id, stall, starts_on, ends_on, note
        )

    def cancel_conflicted_lease(self, actor: Actor, lease_id: str, reason: str = "") -> LeaseRecord:
        return lease_conflicts.cancel_conflicted_lease(self.core, actor, lease_id, reason)

    # --- documents of a tenant ---------------------------------------------------------

    def attach_document(
        self,
        actor: Actor,
        tenant_id: str,
        source: Path | bytes,
        title: str = "",
        kind: str = "other",
        file_name: str = "",
    ) -> TenantDocumentInfo:
        return documents.attach_document(
            self.core, actor, tenant_id, source, title, kind, file_name
        )

    def tenant_documents(self, tenant_id: str) -> list[TenantDocumentInfo]:
        return documents.tenant_documents(self.core, tenant_id)

    def document_content(self, document_id: str) -> DocumentContent:
        return documents.document_content(self.core, document_id)

    def remove_document(self, actor: Actor, document_id: str) -> TenantDocumentInfo:
        return documents.remove_document(self.core, actor, document_id)


__all__ = ["FoodCourtService", "LeaseConflict"]
