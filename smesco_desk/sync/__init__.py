"""Several desks on one central PostgreSQL (DESIGN.md, "Offline and several desks").

`core.sync` (SyncService) is the API: status(), run_once(), enroll(),
conflicts(), resolve_conflict(). SyncWorker runs it in a background thread.
The server side lives in `server`, the desk side in `desk`, enrolment in
`enroll`; `tables` finds the synced tables (every SyncedMixin model).
"""

from smesco_desk.sync import values
from smesco_desk.sync.values import *  # noqa: F403 (the values callers use: see its __all__)

__all__ = values.__all__
