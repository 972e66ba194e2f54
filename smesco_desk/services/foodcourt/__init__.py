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
- tenancy: renewing a lease, returning its deposit less deductions
- notice: the notice an early end needs and the fee of a short one (settings)
- statements: a tenant's charges and payments with the running balance
- documents: the lease agreement, the statement and the reminder letter (PDF)
- conflicts: the leases in the way, and LeaseConflict
- billing: posting a charge of a tenancy (every bill goes through it)
- rent: the rent schedule's charges posted when they fall due, the due list
- late_fees: the late fees an administrator sets, posted per month overdue
- posting: rent and late fees posted together (the application's timer)
- arrears: what tenants owe past due, aged; stalls in arrears; the next rent
- turnover: tenants' daily sales typed into a grid, a lease's turnover-rent terms
- turnover_rent: turnover rent after a month closes, the monthly turnover report
- lease_conflicts: a lease another desk won the days of (sync): moved or cancelled
- attachments: documents attached to a tenant (scans, permits), synced, kept as files
- mapping: rows to the values in smesco_desk.values.foodcourt
- meters: the monthly meter readings, typed into a grid of stalls
- utilities: billing a month's power, water and service charge
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from smesco_desk.services.actors import SYSTEM, Actor
from smesco_desk.services.foodcourt import (
    arrears,
    attachments,
    documents,
    late_fees,
    lease_conflicts,
    leases,
    meters,
    notice,
    posting,
    rent,
    stalls,
    statements,
    tenancy,
    tenants,
    turnover,
    turnover_rent,
    utilities,
)
from smesco_desk.services.foodcourt.conflicts import LeaseConflict
from smesco_desk.services.foodcourt.meters import ReadingNeedsConfirmation
from smesco_desk.values.documents import DocumentContent, TenantDocumentInfo
from smesco_desk.values.foodcourt import (
    LateFeePolicy,
    LeaseForm,
    LeaseRecord,
    StallForm,
    StallInfo,
    StallStatus,
    TenantArrears,
    TenantChargeItem,
    TenantForm,
    TenantInfo,
)
from smesco_desk.values.meters import (
    GridRow,
    ReadingInput,
    ReadingRecord,
    UtilityBilling,
    UtilityTariffs,
)
from smesco_desk.values.tenancy import DepositReturn, NoticePolicy, Statement
from smesco_desk.values.turnover import (
    TurnoverCell,
    TurnoverGrid,
    TurnoverPosting,
    TurnoverReport,
    TurnoverSaved,
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
        self,
        actor: Actor,
        lease_id: str,
        last_day: date,
        reason: str = "",
        *,
        notice_on: date | None = None,
        waive_fee: bool = False,
    ) -> LeaseRecord:
        return leases.end_lease(
            self.core, actor, lease_id, last_day, reason, notice_on=notice_on, waive_fee=waive_fee
        )

    def renew_lease(
        self, actor: Actor, lease_id: str, new_end: date, rent: int | None = None
    ) -> LeaseRecord:
        return tenancy.renew_lease(self.core, actor, lease_id, new_end, rent)

    def return_deposit(
        self, actor: Actor, lease_id: str, deductions: Sequence[tuple[str, int]] = ()
    ) -> DepositReturn:
        return tenancy.return_deposit(self.core, actor, lease_id, deductions)

    def notice_policy(self) -> NoticePolicy:
        return notice.notice_policy(self.core)

    def set_notice_policy(self, actor: Actor, notice_days: int, fee_periods: int) -> NoticePolicy:
        return notice.set_notice_policy(self.core, actor, notice_days, fee_periods)

    def leases(self, tenant_id: str | None = None, stall: str | None = None) -> list[LeaseRecord]:
        return leases.leases(self.core, tenant_id, stall)

    def get_lease(self, lease_id: str) -> LeaseRecord:
        return leases.get_lease(self.core, lease_id)

    # --- rent, arrears and late fees ----------------------------------------------------
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
        return attachments.attach_document(
            self.core, actor, tenant_id, source, title, kind, file_name
        )

    def tenant_documents(self, tenant_id: str) -> list[TenantDocumentInfo]:
        return attachments.tenant_documents(self.core, tenant_id)

    def document_content(self, document_id: str) -> DocumentContent:
        return attachments.document_content(self.core, document_id)

    def remove_document(self, actor: Actor, document_id: str) -> TenantDocumentInfo:
        return attachments.remove_document(self.core, actor, document_id)


    def post_rent(self, actor: Actor = SYSTEM, day: date | None = None) -> list[TenantChargeItem]:
        return rent.post_rent(self.core, actor, day)

    def post_late_fees(
        self, actor: Actor = SYSTEM, day: date | None = None
    ) -> list[TenantChargeItem]:
        return late_fees.post_late_fees(self.core, actor, day)

    def post_due(self, actor: Actor = SYSTEM, day: date | None = None) -> list[TenantChargeItem]:
        return posting.post_due(self.core, actor, day)

    def rent_due(self, day: date | None = None, days: int = 1) -> list[TenantChargeItem]:
        return rent.rent_due(self.core, day, days)

    def rent_due_between(self, first: date, last: date) -> list[TenantChargeItem]:
        return rent.rent_due_between(self.core, first, last)

    def arrears(self, day: date | None = None) -> list[TenantArrears]:
        return arrears.arrears(self.core, day)

    def late_fee_policy(self) -> LateFeePolicy:
        return late_fees.late_fee_policy(self.core)

    def set_late_fee_policy(self, actor: Actor, policy: LateFeePolicy) -> LateFeePolicy:
        return late_fees.set_late_fee_policy(self.core, actor, policy)

    # --- turnover -----------------------------------------------------------------------
    # --- statements and documents -------------------------------------------------------

    def statement(self, tenant_id: str, as_of: date | None = None) -> Statement:
        return statements.statement(self.core, tenant_id, as_of)

    def lease_agreement_pdf(
        self, actor: Actor, lease_id: str, *, record_print: bool = True
    ) -> bytes:
        return documents.lease_agreement_pdf(self.core, actor, lease_id, record_print=record_print)

    def statement_pdf(
        self, actor: Actor, tenant_id: str, as_of: date | None = None, *, record_print: bool = True
    ) -> bytes:
        return documents.statement_pdf(
            self.core, actor, tenant_id, as_of, record_print=record_print
        )

    def reminder_pdf(
        self, actor: Actor, tenant_id: str, pay_by: date | None = None, *, record_print: bool = True
    ) -> bytes:
        return documents.reminder_pdf(
            self.core, actor, tenant_id, pay_by, record_print=record_print
        )


    def turnover_grid(
        self, start: date, days: int = 7, floor: int | None = None
    ) -> TurnoverGrid:
        return turnover.turnover_grid(self.core, start, days, floor)

    def record_turnover(self, actor: Actor, cells: Sequence[TurnoverCell]) -> TurnoverSaved:
        return turnover.record_turnover(self.core, actor, cells)

    def set_turnover_terms(self, actor: Actor, lease_id: str, rate_bp: int) -> LeaseRecord:
        return turnover.set_turnover_terms(self.core, actor, lease_id, rate_bp)

    def post_turnover_rent(self, actor: Actor, month: date) -> TurnoverPosting:
        return turnover_rent.post_turnover_rent(self.core, actor, month)

    def turnover_report(self, month: date) -> TurnoverReport:
        return turnover_rent.turnover_report(self.core, month)

    def turnover_report_pdf(self, month: date) -> bytes:
        """The month's turnover report, A4 PDF."""
        from smesco_desk.printing.turnover import render_turnover_report

        return render_turnover_report(self.turnover_report(month))

    def turnover_report_xlsx(self, month: date) -> bytes:
        """The month's turnover report as a spreadsheet (XLSX)."""
        from smesco_desk.printing.turnover_xlsx import turnover_report_xlsx

        return turnover_report_xlsx(self.turnover_report(month))

    # --- meters and utilities -----------------------------------------------------------

    def record_readings(
        self, actor: Actor, month: date, rows: Sequence[ReadingInput], confirm: bool = False
    ) -> list[ReadingRecord]:
        return meters.record_readings(self.core, actor, month, rows, confirm)

    def readings_grid(self, month: date, floor: int | None = None) -> list[GridRow]:
        return meters.readings_grid(self.core, month, floor)

    def meter_readings(
        self, stall: str | None = None, month: date | None = None
    ) -> list[ReadingRecord]:
        return meters.readings(self.core, stall, month)

    def bill_utilities(self, actor: Actor, month: date) -> UtilityBilling:
        return utilities.bill_utilities(self.core, actor, month)

    def utility_tariffs(self) -> UtilityTariffs:
        return utilities.tariffs(self.core)


__all__ = ["FoodCourtService", "LeaseConflict", "ReadingNeedsConfirmation"]
