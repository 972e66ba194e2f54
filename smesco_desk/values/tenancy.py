"""Plain frozen values of a tenancy's life and its documents: the deposit
returned, the notice policy, a tenant's statement, and what the lease
agreement and the reminder letter print. The rules live in
smesco_desk.domain.tenancy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from smesco_desk.values.foodcourt import LeaseRecord, StallInfo, TenantInfo


@dataclass(frozen=True)
class NoticePolicy:
    """An administrator's: the notice an early end needs, and the fee of a short
    one in periods of the lease's rent (smesco_desk.domain.tenancy)."""

    notice_days: int
    fee_periods: int


@dataclass(frozen=True)
class DepositReturn:
    """A deposit returned: `credit_id` is the credit (status `refund_due`) the
    cashier pays out (None when the deductions kept all of it)."""

    lease_id: str
    deposit: int
    deductions: tuple[tuple[str, int], ...]
    returned: int
    credit_id: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "lease_id": self.lease_id,
            "deposit": self.deposit,
            "deductions": [{"reason": r, "amount": a} for r, a in self.deductions],
            "returned": self.returned,
            "credit_id": self.credit_id,
        }


@dataclass(frozen=True)
class StatementEntry:
    """One line of a statement: a charge (positive), a payment (negative), a
    credit owed back (negative) or its payout (positive); `balance` after it."""

    on: date
    kind: str  # charge | payment | void | credit | payout
    description: str
    reference: str  # a receipt's number, or ""
    period_start: date | None
    period_end: date | None
    amount: int
    balance: int

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.on.isoformat(),
            "kind": self.kind,
            "description": self.description,
            "reference": self.reference,
            "period_start": None if self.period_start is None else self.period_start.isoformat(),
            "period_end": None if self.period_end is None else self.period_end.isoformat(),
            "amount": self.amount,
            "balance": self.balance,
        }


@dataclass(frozen=True)
class Building:
    """The first party of a lease, and every document's letterhead."""

    name: str
    address: str
    npwp: str  # 16 digits or ""
    city: str = "Jakarta"  # where documents are signed: "Jakarta, 27 November 2026"


@dataclass(frozen=True)
class Statement:
    tenant: TenantInfo
    entries: tuple[StatementEntry, ...]
    closing: int  # positive: owed by the tenant
    as_of: date

    def to_json(self) -> dict[str, Any]:
        return {
            "tenant_id": self.tenant.id,
            "tenant": self.tenant.name,
            "as_of": self.as_of.isoformat(),
            "entries": [e.to_json() for e in self.entries],
            "closing_balance": self.closing,
        }


@dataclass(frozen=True)
class OverdueCharge:
    due_on: date
    description: str
    period_start: date
    period_end: date
    amount: int
    days_late: int


@dataclass(frozen=True)
class AgreementData:
    """What a lease agreement prints."""

    number: str
    building: Building
    tenant: TenantInfo
    stall: StallInfo
    lease: LeaseRecord
    policy: NoticePolicy
    closing_time: str  # "21:00"
    signed_on: date
    signatory: str  # the first party's signatory (the tenant manager printing it)


@dataclass(frozen=True)
class ReminderData:
    """What a reminder letter prints."""

    number: str
    building: Building
    tenant: TenantInfo
    stalls: tuple[str, ...]
    overdue: tuple[OverdueCharge, ...]
    total: int
    written_on: date
    pay_by: date
    signatory: str
