"""SQLAlchemy models, one module per area (see `base` for the conventions).

Every area's module is imported here, so importing this package (or any module
in it) registers every table on `Base.metadata`: migrations, the schema check
and sync's table list all see the whole schema. A new area adds its module to
the imports below and its classes to `__all__`.
"""

from __future__ import annotations

from smesco_desk.db.models.base import NAMING, Base, SyncedMixin
from smesco_desk.db.models.bookings import Booking, BookingAttendee, BookingSeries, Space
from smesco_desk.db.models.foodcourt import (
    Business,
    Lease,
    Stall,
    Tenant,
    TenantCharge,
    TurnoverEntry,
)
from smesco_desk.db.models.meters import MeterReading
from smesco_desk.db.models.payments import (
    CashShift,
    Charge,
    ChargeKind,
    ChargeLine,
    PriceItem,
    Receipt,
    ReceiptNumberGap,
    ReceiptPrint,
    ReceiptVoid,
    RefundPayout,
)
from smesco_desk.db.models.search import SearchWord
from smesco_desk.db.models.sync import SyncConflict, SyncHeld, SyncState
from smesco_desk.db.models.system import (
    AppSetting,
    AuditEntry,
    Desk,
    DeskCounter,
    DeskSetting,
    LoginFailure,
    OutboxOp,
    SanctionedRewrite,
    User,
)
from smesco_desk.db.models.tallies import Tally
from smesco_desk.db.models.tenant_documents import DocumentBlob, TenantDocument
from smesco_desk.db.models.visitors import CheckOut, Erasure, Visit, Visitor, VisitPurpose
from smesco_desk.db.models.watchlist import WatchlistEntry

__all__ = [
    "NAMING",
    "AppSetting",
    "AuditEntry",
    "Base",
    "Booking",
    "BookingAttendee",
    "BookingSeries",
    "Business",
    "CashShift",
    "Charge",
    "ChargeKind",
    "ChargeLine",
    "CheckOut",
    "Desk",
    "DeskCounter",
    "DeskSetting",
    "DocumentBlob",
    "Erasure",
    "Lease",
    "LoginFailure",
    "MeterReading",
    "OutboxOp",
    "PriceItem",
    "Receipt",
    "ReceiptNumberGap",
    "ReceiptPrint",
    "ReceiptVoid",
    "RefundPayout",
    "SanctionedRewrite",
    "SearchWord",
    "Space",
    "Stall",
    "SyncConflict",
    "SyncHeld",
    "SyncState",
    "Tally",
    "SyncedMixin",
    "Tenant",
    "TenantCharge",
    "TenantDocument",
    "TurnoverEntry",
    "User",
    "Visit",
    "VisitPurpose",
    "WatchlistEntry",
    "Visitor",
]
