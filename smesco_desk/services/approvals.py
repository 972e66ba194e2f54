"""A supervisor's approval at the desk: what a receptionist may not do alone.

A service that refuses something for want of approval raises ApprovalRequired
with a `kind` ("price", "watchlist") and a `subject` (a digest of exactly what
was asked: the sale's changed lines, the watchlist entries matched). A
supervisor types their login in a small dialog; `approve` checks it with the
same check the login runs (UserService.check_password: a deactivated or locked
account is refused as there) and the role, writes nothing, and returns an
Approval sealed by this core for that actor, kind and subject, good for a few
minutes. The same call made again with it goes through, and `record` writes,
in that call's transaction, one audit row naming both people. Anything else
(another sale, another person, a changed line, an approval made up outside
this core) is refused again: the seal is an HMAC with a key that lives only
in this process's memory. The approval is printed on nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from smesco_desk.db.models import SyncedMixin
from smesco_desk.errors import ApprovalRequired, DomainError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.approvals import Approval

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

__all__ = ["APPROVAL_TTL", "Approval", "ApprovalService", "record", "subject_of"]

# What may be approved: a sale's prices (services.payments.overrides) and a
# visitor on the watchlist (services.watchlist).
KINDS = frozenset({"price", "watchlist"})
_DIGEST = re.compile(r"[0-9a-f]{32}")
# How long an approval holds: the supervisor is at the desk now, not later.
APPROVAL_TTL = timedelta(minutes=10)


def subject_of(value: Any) -> str:
    """A short, stable digest of what is asked (JSON-ready values)."""
    text = json.dumps(value, sort_keys=True, default=str)  # ASCII: any text digests
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:32]


# The seal's key: never stored anywhere, so approvals die with the process.
_KEY = secrets.token_bytes(32)


class ApprovalService:
    def __init__(self, core: Core) -> None:
        self.core = core

    def approve(
        self, actor: Actor, request: ApprovalRequired, username: str, password: str
    ) -> Approval:
        """The supervisor's approval of `request` for `actor`; DomainError (field
        "password" or "username") for a wrong login or a role that may not."""
        if actor.can(Permission.APPROVE_EXCEPTIONS):
            raise DomainError(_("Anda sendiri boleh melakukannya; tidak perlu persetujuan."))
        if not request.approvable or not _well_formed(request):
            raise DomainError(_("Ini tidak dapat disetujui di meja."), "approval")
        approver = self.core.users.check_password(username, password)
        if not approver.can(Permission.APPROVE_EXCEPTIONS):
            raise DomainError(
                _("{name} bukan supervisor atau administrator.").format(
                    name=approver.full_name or approver.username
                ),
                "username",
            )
        issued = self.core.now()
        fields = (request.kind, request.subject, actor.username, approver.username, issued)
        return Approval(
            request.kind,
            request.subject,
            actor.username,
            approver.username,
            approver.full_name or approver.username,
            issued,
            _seal(*fields),
        )


def record(
    tx: Transaction,
    approval: Approval | None,
    request: ApprovalRequired,
    row: SyncedMixin | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Let `request` through for the transaction's actor: their own role may
    (recorded as their own approval), or `approval` is this core's for exactly
    this; else ApprovalRequired again (always, when it is not approvable).
    Writes the audit row "approval.<kind>" with both names (requested_by,
    approved_by)."""
    actor = tx.actor
    if not request.approvable:  # nobody lets it through, a supervisor at the desk neither
        raise request
    if actor.can(Permission.APPROVE_EXCEPTIONS):
        approver, approver_name = actor.username, actor.full_name or actor.username
    elif approval is not None and _holds(approval, actor, request, tx.now):
        approver, approver_name = approval.approver, approval.approver_name
    else:
        raise request
    tx.audit(
        f"approval.{request.kind}",
        row,
        {
            "requested_by": actor.username,
            "requested_by_name": actor.full_name or actor.username,
            "approved_by": approver,
            "approved_by_name": approver_name,
            "reasons": list(request.reasons),
            **(detail or {}),
        },
    )


def _well_formed(request: ApprovalRequired) -> bool:
    """A request as a service makes it (a known kind, a digest of subject_of)."""
    return request.kind in KINDS and bool(_DIGEST.fullmatch(request.subject))


def _holds(approval: Approval, actor: Actor, request: ApprovalRequired, now: datetime) -> bool:
    fields = (
        approval.kind,
        approval.subject,
        approval.requested_by,
        approval.approver,
        approval.issued_at,
    )
    return (
        request.approvable
        and hmac.compare_digest(approval.seal, _seal(*fields))
        and (approval.kind, approval.subject) == (request.kind, request.subject)
        and approval.requested_by == actor.username
        and approval.issued_at <= now <= approval.issued_at + APPROVAL_TTL
    )


def _seal(kind: str, subject: str, by: str, approver: str, issued: datetime) -> str:
    message = "\x1f".join((kind, subject, by, approver, issued.isoformat()))
    return hmac.new(_KEY, message.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
