"""A supervisor's approval as the services hand it out (smesco_desk.services.approvals)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Approval:
    """A supervisor's yes to one request of one user (made only by `approve`)."""

    kind: str
    subject: str
    requested_by: str  # the username who asked
    approver: str  # the supervisor's username
    approver_name: str
    issued_at: datetime
    seal: str
