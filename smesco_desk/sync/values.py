"""What the sync service returns: frozen values, and its typed errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from smesco_desk.clock import iso
from smesco_desk.errors import DomainError
from smesco_desk.i18n import _

# What callers of the sync service use (importable from smesco_desk.sync too).
__all__ = [
    "BOOKING_OVERLAP",
    "DOUBLE_PAYMENT",
    "LEASE_OVERLAP",
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

# The kind of conflict of a charge paid twice (see smesco_desk.sync.settle).
DOUBLE_PAYMENT = "double_payment"
# The kind of conflict of a booking made offline whose slot another desk had booked
# first (see smesco_desk.sync.server_push): the booking is kept with status
# "conflict" until it is moved or cancelled (core.bookings).
BOOKING_OVERLAP = "booking_overlap"
# The same for a stall's lease: another desk leased the stall for some of the same
# days first; the lease is kept with status "conflict" (its deposit charge and
# payments too) until it is moved or cancelled (core.foodcourt).
LEASE_OVERLAP = "lease_overlap"


class SyncRefused(DomainError):
    """The server and this desk must not sync (schema revisions or clocks differ,
    desk not enrolled there). Nothing was sent; the outbox is kept."""


class SyncUnavailable(DomainError):
    """The server cannot be reached now; the desk keeps working, the outbox waits."""


class NotEnrolled(DomainError):
    """This desk has not been enrolled with a central server."""


class LinkState(StrEnum):
    """How the last sync attempt went (what the status bar shows)."""

    NOT_ENROLLED = "not_enrolled"
    NEVER = "never"  # enrolled, not tried since
    ONLINE = "online"
    OFFLINE = "offline"
    REFUSED = "refused"
    ERROR = "error"


class ConflictChoice(StrEnum):
    """How a supervisor resolves a conflict."""

    KEEP = "keep"  # the server's outcome stays (a rejected row is withdrawn at its desk)
    RESTORE = "restore"  # the version that lost becomes the current one (a new change)


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    desk: str | None
    server: str | None  # the server URL without its password
    state: LinkState
    pending_ops: int
    last_sync_at: datetime | None  # last complete push and pull
    last_attempt_at: datetime | None
    last_error: str | None
    conflicts: int  # open conflicts: a supervisor must decide
    notices: int  # concurrent edits settled by the rule, not yet acknowledged
    held: int  # pulled changes waiting for a local conflict to be resolved
    cursor: int

    @property
    def online(self) -> bool:
        return self.state is LinkState.ONLINE

    def to_json(self) -> dict[str, Any]:
        return {
            "enrolled": self.enrolled,
            "desk": self.desk,
            "server": self.server,
            "state": self.state.value,
            "online": self.online,
            "pending_ops": self.pending_ops,
            "last_sync_at": iso(self.last_sync_at),
            "last_attempt_at": iso(self.last_attempt_at),
            "last_error": self.last_error,
            "conflicts": self.conflicts,
            "notices": self.notices,
            "held": self.held,
            "cursor": self.cursor,
        }


@dataclass(frozen=True)
class SyncReport:
    """What one push-and-pull did. `error` is set when it stopped early; what was
    sent and received before that stays done."""

    sent: int = 0
    received: int = 0
    conflicts: int = 0  # conflicts this desk's pushed changes caused
    error: str | None = None
    refused: bool = False
    changed_entities: frozenset[str] = field(default_factory=frozenset)

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_json(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "received": self.received,
            "conflicts": self.conflicts,
            "error": self.error,
            "refused": self.refused,
            "changed_entities": sorted(self.changed_entities),
        }


@dataclass(frozen=True)
class EnrollResult:
    desk: str
    server: str
    mode: str  # upload (first desk) | download (a new desk) | resume (already enrolled)
    rows: int

    def summary(self) -> str:
        verb = {"upload": "uploaded", "download": "downloaded", "resume": "resumed"}[self.mode]
        return f"desk {self.desk} enrolled at {self.server}: {verb} {self.rows} rows"


@dataclass(frozen=True)
class ConflictInfo:
    """A conflict with both sides as plain dicts (column name -> JSON value)."""

    id: str
    kind: str  # concurrent_edit | rejected | double_payment | booking_overlap | lease_overlap
    status: str  # open | info | resolved
    entity: str
    entity_id: str
    desk_code: str  # the desk whose change met the conflict
    local_payload: dict[str, Any]  # the row as that desk sent it
    server_payload: dict[str, Any] | None  # the row the server held
    winner: str  # local | server: whose version is the current one
    reason: str
    created_at: datetime
    resolution: str | None
    resolved_by: str | None
    resolved_at: datetime | None
    resolution_note: str

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def message(self) -> str:
        """What happened, in the interface's language (the server's reason otherwise)."""
        if self.kind == DOUBLE_PAYMENT and self.server_payload is not None:
            return double_payment_text(self.local_payload, self.server_payload)
        if self.kind == BOOKING_OVERLAP and self.server_payload is not None:
            return booking_overlap_text(self.local_payload, self.server_payload)
        if self.kind == LEASE_OVERLAP and self.server_payload is not None:
            return lease_overlap_text(self.local_payload, self.server_payload, self.reason)
        return self.reason

    def changed_fields(self) -> list[str]:
        """Columns whose values differ between the two sides (bookkeeping aside)."""
        other = self.server_payload or {}
        skip = {"version", "server_seq", "updated_at"}
        keys = sorted(set(self.local_payload) | set(other))
        return [k for k in keys if k not in skip and self.local_payload.get(k) != other.get(k)]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "desk_code": self.desk_code,
            "winner": self.winner,
            "reason": self.reason,
            "created_at": iso(self.created_at),
            "changed_fields": self.changed_fields(),
            "local": self.local_payload,
            "server": self.server_payload,
            "resolution": self.resolution,
            "resolved_by": self.resolved_by,
            "resolved_at": iso(self.resolved_at),
            "resolution_note": self.resolution_note,
        }


def double_payment_text(second: dict[str, Any], first: dict[str, Any]) -> str:
    """The plain message of a charge paid twice: who gets how much back, and how
    to record it. `second`, `first`: the receipts' payloads."""
    from smesco_desk.domain.money import format_rupiah

    return _(
        "Dibayar dua kali: kembalikan {amount} kepada {payer} (kuitansi {second}); tagihan"
        " ini sudah dibayar dengan kuitansi {first}. Catat pengembaliannya dengan"
        " membatalkan kuitansi {second}."
    ).format(
        amount=format_rupiah(int(second["total"])),
        payer=second["payer_name"],
        second=second["number"],
        first=first["number"],
    )


def booking_overlap_text(lost: dict[str, Any], won: dict[str, Any]) -> str:
    """The plain message of a booking whose slot another desk booked first.
    `lost`, `won`: the bookings' payloads."""
    from smesco_desk.clock import to_wib

    def when(payload: dict[str, Any]) -> str:
        start = to_wib(datetime.fromisoformat(str(payload["starts_at"])))
        end = to_wib(datetime.fromisoformat(str(payload["ends_at"])))
        return f"{start:%d-%m-%Y %H:%M}-{end:%H:%M}"

    return _(
        'Pemesanan "{title}" ({when} WIB) dibuat saat offline, tetapi slotnya sudah dipesan'
        ' di desk lain: "{other}" ({other_when} WIB). Pemesanan ini disimpan sebagai'
        " bentrok, tagihan dan pembayarannya tetap; pindahkan ke slot lain atau batalkan."
    ).format(
        title=lost.get("title", "?"),
        when=when(lost),
        other=won.get("title", "?"),
        other_when=when(won),
    )


def lease_overlap_text(lost: dict[str, Any], won: dict[str, Any], reason: str = "") -> str:
    """The plain message of a lease whose days another desk leased first.
    `lost`, `won`: the leases' payloads (dates as ISO text); `reason`: the
    server's, `leases_no_overlap: FC2-07 · <tenant> (<id>)`, which names the winner."""
    from datetime import date

    def days(payload: dict[str, Any]) -> str:
        first = date.fromisoformat(str(payload["starts_on"]))
        last = date.fromisoformat(str(payload["ends_on"]))
        return f"{first:%d-%m-%Y} s.d. {last:%d-%m-%Y}"

    named = reason.split(": ", 1)[-1].rsplit(" (", 1)[0] if ": " in reason else ""
    return _(
        "Sewa ini ({days}) dibuat saat offline, tetapi stannya sudah disewa di desk lain"
        " pada sebagian hari yang sama: {other} ({other_days}). Sewa ini disimpan sebagai"
        " bentrok, tagihan deposit dan pembayarannya tetap; pindahkan ke stan atau tanggal"
        " lain, atau batalkan (deposit yang sudah dibayar dikembalikan)."
    ).format(days=days(lost), other=named or won.get("id", "?"), other_days=days(won))
