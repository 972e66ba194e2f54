"""Plain values of the audit viewer: what to show, and one row of the log."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class AuditFilter:
    """Rows of the audit log: by who (the name the log records: a user name, or
    `cli:NAME` / `system:system`), by kind (an action such as `user.rename`, or
    an area such as `user` for all of its actions) and by WIB days, inclusive."""

    actor: str = ""
    kind: str = ""
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class AuditRecord:
    id: str
    at: datetime
    actor: str  # as recorded: a user name never changes (smesco_desk.services.users)
    actor_name: str  # the user's full name today ("" for the command line, the system)
    actor_kind: str  # user | cli | system
    action: str
    entity: str
    entity_id: str | None
    desk: str
    detail: dict[str, Any] = field(default_factory=dict)
    actor_label: str = ""  # "Hendra Gunawan (hendra)", "Sistem", "Baris perintah: budi"
    # In words (smesco_desk.services.audit_text): "Pemesanan ruang dibuat", who
    # approved it (someone else than the actor), the label with the approver, the
    # detail as readable text.
    action_label: str = ""
    approver: str = ""
    who_label: str = ""  # "sari (disetujui hendra)"
    detail_label: str = ""

    @property
    def detail_text(self) -> str:
        """The detail as one line of `key: value` pairs, as stored (the command
        line; the viewer shows `detail_label`)."""
        return ", ".join(f"{k}: {_value(v)}" for k, v in self.detail.items())


def _value(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class AuditActor:
    """Someone the audit can be filtered by."""

    name: str  # as the log records it
    label: str  # "Hendra Gunawan (hendra)", "Baris perintah: budi"
