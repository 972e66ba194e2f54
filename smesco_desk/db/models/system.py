"""Tables every area shares: this desk's settings, counters and outbox, the
business settings, desks and users, the audit log and the append-only grants.

Local tables (outbox, desk counters, desk settings) never leave this desk.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from smesco_desk.db.models.base import Base, SyncedMixin
from smesco_desk.db.types import UTCDateTime

# --- desk-local tables -------------------------------------------------------


class DeskSetting(Base):
    """Settings of this desk only (its code, its counters' owner)."""

    __tablename__ = "desk_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DeskCounter(Base):
    """Gap-free counters of this desk, taken inside write transactions."""

    __tablename__ = "desk_counters"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class OutboxOp(Base):
    """An operation waiting to be pushed to the central server."""

    __tablename__ = "outbox"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # idempotency key
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)  # push order
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(16))  # insert | update | delete
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    # The outbox seq of the first op of the same local transaction: the server
    # applies one transaction's ops parents first (a visit after its visitor).
    txn: Mapped[int | None] = mapped_column(BigInteger, default=None)
    # For an update: the row version the change was made on (conflict detection).
    base_version: Mapped[int | None] = mapped_column(Integer, default=None)

    __table_args__ = (Index("ix_outbox_pending", "sent_at", "seq"),)


class LoginFailure(Base):
    """Wrong passwords in a row for a user name at this desk, and the lock they
    caused (smesco_desk.services.logins). Desk-local: never synced."""

    __tablename__ = "login_failures"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


# --- synced tables -----------------------------------------------------------


class AppSetting(SyncedMixin, Base):
    """Business configuration shared by all desks (closing time, retention...)."""

    __tablename__ = "app_settings"
    key: Mapped[str] = mapped_column(String(64), unique=True)
    value: Mapped[Any] = mapped_column(JSON)


class Desk(SyncedMixin, Base):
    __tablename__ = "desks"
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))


class User(SyncedMixin, Base):
    __tablename__ = "users"
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    # A temporary password an administrator gave: the user sets their own at login.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)


class SanctionedRewrite(Base):
    """A grant, alive only inside the transaction that writes and deletes it, that
    lets the append-only triggers through for one sanctioned rewrite (smesco_desk.db.facts)."""

    __tablename__ = "sanctioned_rewrites"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # erasure | enrolment
    subject: Mapped[str] = mapped_column(String(36), primary_key=True)


class AuditEntry(SyncedMixin, Base):
    """Who did what, when (append-only)."""

    __tablename__ = "audit_log"
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(100))
    actor_kind: Mapped[str] = mapped_column(String(16))  # user | cli | system
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (
        Index("ix_audit_at", "at"),
        Index("ix_audit_entity", "entity_id"),
        # The audit viewer's filters (by who, by kind) over many rows.
        Index("ix_audit_actor_at", "actor", "at", "id"),
        Index("ix_audit_action_at", "action", "at", "id"),
    )
