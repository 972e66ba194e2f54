"""Several desks on one central PostgreSQL (DESIGN.md, "Offline and several desks").

`core.sync` (SyncService) is the API: status(), run_once(), enroll(),
conflicts(), resolve_conflict(). SyncWorker runs it in a background thread.
The server side lives in `server`, the desk side in `desk`, enrolment in
`enroll`; `tables` finds the synced tables (every SyncedMixin model).
"""

from smesco_desk.sync.values import (
    DOUBLE_PAYMENT,
    ConflictChoice,
    ConflictInfo,
    EnrollResult,
    LinkState,
    NotEnrolled,
    SyncRefused,
    SyncReport,
    SyncStatus,
    SyncUnavailable,
)

__all__ = [
    "DOUBLE_PAYMENT",
    "ConflictChoice",
    "ConflictInfo",
    "EnrollResult",
    "LinkState",
    "NotEnrolled",
    "SyncRefused",
    "SyncReport",
    "SyncStatus",
    "SyncUnavailable",
]
