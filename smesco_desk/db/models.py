"""SQLAlchemy models.

Synced tables carry the DESIGN.md conventions (UUIDv7 key, origin desk,
version, server_seq, timestamps and a tombstone) through `SyncedMixin`.
Local tables (outbox, desk counters, desk settings) never leave this desk.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from smesco_desk.db.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SyncedMixin:
    """Columns every synced row carries (DESIGN.md, data conventions)."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    origin_desk: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer, default=1)
    server_seq: Mapped[int | None] = mapped_column(BigInteger, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


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


class VisitPurpose(SyncedMixin, Base):
    """A purpose of visit; admins edit the list, codes never change."""

    __tablename__ = "visit_purposes"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    label_id: Mapped[str] = mapped_column(String(100))
    label_en: Mapped[str] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Visitor(SyncedMixin, Base):
    """A person who has visited; personal data lives here and only here."""

    __tablename__ = "visitors"
    full_name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))  # folded for prefix search
    phone: Mapped[str | None] = mapped_column(String(20), default=None)  # E.164
    phone_key: Mapped[str | None] = mapped_column(String(20), default=None)  # digits only
    organisation: Mapped[str] = mapped_column(String(200), default="")
    nik_masked: Mapped[str | None] = mapped_column(String(16), default=None)
    nik_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    consent_version: Mapped[str] = mapped_column(String(16))
    last_visit_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    visit_count: Mapped[int] = mapped_column(Integer, default=0)
    # Set on the tombstone of a visitor merged into another (the same person
    # registered at two desks while offline): the id of the one that stays.
    merged_into: Mapped[str | None] = mapped_column(String(36), default=None)

    __table_args__ = (
        Index("ix_visitors_name_key", "name_key"),
        Index("ix_visitors_phone_key", "phone_key"),
        Index("ix_visitors_nik_hash", "nik_hash"),
    )


class Visit(SyncedMixin, Base):
    """One check-in. The visitor's name and organisation are copied at check-in
    so that badges and lists show what was true that day."""

    __tablename__ = "visits"
    visitor_id: Mapped[str] = mapped_column(ForeignKey("visitors.id"))
    badge_number: Mapped[str] = mapped_column(String(32), unique=True)
    visitor_name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    purpose_code: Mapped[str] = mapped_column(String(32))
    host: Mapped[str] = mapped_column(String(200), default="")
    desk_code: Mapped[str] = mapped_column(String(16))
    checked_in_at: Mapped[datetime] = mapped_column(UTCDateTime())
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime())
    checked_in_by: Mapped[str] = mapped_column(String(64))
    # Denormalised from the CheckOut fact, kept in the same transaction.
    checked_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    __table_args__ = (
        Index("ix_visits_checked_in_at", "checked_in_at"),
        Index("ix_visits_open", "checked_out_at", "checked_in_at"),
        Index("ix_visits_visitor", "visitor_id", "checked_in_at"),
    )


class CheckOut(SyncedMixin, Base):
    """The fact that a visit ended (append-only; one per visit)."""

    __tablename__ = "visit_checkouts"
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"))
    checked_out_at: Mapped[datetime] = mapped_column(UTCDateTime())
    method: Mapped[str] = mapped_column(String(16))  # scan | badge | list | auto | cli
    checked_out_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("visit_id"),)


class Erasure(SyncedMixin, Base):
    """The fact that a person's data was erased (UU PDP): the sync operation that
    carries the erasure to the server and every desk, naming only the visitor."""

    __tablename__ = "erasures"
    visitor_id: Mapped[str] = mapped_column(String(36))  # no foreign key: a desk may not know them
    erased_at: Mapped[datetime] = mapped_column(UTCDateTime())
    erased_by: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(32))  # privacy.erase | privacy.purge

    __table_args__ = (Index("ix_erasures_visitor", "visitor_id"),)


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

    __table_args__ = (Index("ix_audit_at", "at"), Index("ix_audit_entity", "entity_id"))


# --- payments and receipts (issue 4) --------------------------------------------


class ChargeKind(SyncedMixin, Base):
    """A kind of charge (services, room bookings, stall rent...) and its taxes.

    `taxes` is a list of {"code", "label", "rate_bp"} (basis points: 1100 = 11%),
    copied onto each charge when it is made; the default is none.
    """

    __tablename__ = "charge_kinds"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    label: Mapped[str] = mapped_column(String(100))
    taxes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PriceItem(SyncedMixin, Base):
    """A service the front desk sells from the price list."""

    __tablename__ = "price_items"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(32), default="")
    unit_price: Mapped[int] = mapped_column(BigInteger)
    kind_code: Mapped[str] = mapped_column(String(32))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Charge(SyncedMixin, Base):
    """What someone owes. Amounts are integer rupiah; `taxes` holds the tax lines
    as computed ({"code", "label", "rate_bp", "base", "amount"})."""

    __tablename__ = "charges"
    kind_code: Mapped[str] = mapped_column(String(32))
    payer_kind: Mapped[str] = mapped_column(String(16))  # visitor | umkm | tenant | organisation
    payer_id: Mapped[str | None] = mapped_column(String(36), default=None)
    payer_name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(64), default="")  # e.g. "sale", "booking:<id>"
    subtotal: Mapped[int] = mapped_column(BigInteger)  # before discounts
    discount_total: Mapped[int] = mapped_column(BigInteger, default=0)
    taxes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    tax_total: Mapped[int] = mapped_column(BigInteger, default=0)
    total: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | paid
    desk_code: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_charges_status", "status", "created_at"),)


class ChargeLine(SyncedMixin, Base):
    __tablename__ = "charge_lines"
    charge_id: Mapped[str] = mapped_column(ForeignKey("charges.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    item_code: Mapped[str | None] = mapped_column(String(32), default=None)
    description: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(32), default="")
    unit_price: Mapped[int] = mapped_column(BigInteger)
    discount: Mapped[int] = mapped_column(BigInteger, default=0)
    amount: Mapped[int] = mapped_column(BigInteger)  # quantity x unit_price - discount

    __table_args__ = (UniqueConstraint("charge_id", "line_no"),)


class CashShift(SyncedMixin, Base):
    """One operator's shift at one desk: opening float, then the counted cash."""

    __tablename__ = "cash_shifts"
    desk_code: Mapped[str] = mapped_column(String(16))
    operator: Mapped[str] = mapped_column(String(64))
    operator_name: Mapped[str] = mapped_column(String(200), default="")
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    opening_float: Mapped[int] = mapped_column(BigInteger, default=0)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    closed_by: Mapped[str | None] = mapped_column(String(64), default=None)
    counted: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    counted_total: Mapped[int | None] = mapped_column(BigInteger, default=None)
    expected_cash: Mapped[int | None] = mapped_column(BigInteger, default=None)
    difference: Mapped[int | None] = mapped_column(BigInteger, default=None)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_cash_shifts_open", "desk_code", "operator", "closed_at"),)


class Receipt(SyncedMixin, Base):
    """A payment and its receipt (kuitansi): one fact, never changed or deleted.

    The number `KW/<desk>/<year>/<seq>` is taken inside the payment's transaction
    from the desk's own gap-free series.
    """

    __tablename__ = "receipts"
    number: Mapped[str] = mapped_column(String(40), unique=True)
    desk_code: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    charge_id: Mapped[str] = mapped_column(ForeignKey("charges.id"))
    shift_id: Mapped[str] = mapped_column(ForeignKey("cash_shifts.id"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    payer_name: Mapped[str] = mapped_column(String(200))
    payer_key: Mapped[str] = mapped_column(String(200))  # folded: search without case/accents
    total: Mapped[int] = mapped_column(BigInteger)
    method: Mapped[str] = mapped_column(String(16))  # cash | qris | transfer | card
    tendered: Mapped[int] = mapped_column(BigInteger)  # cash handed over (= total otherwise)
    change_given: Mapped[int] = mapped_column(BigInteger, default=0)
    reference: Mapped[str] = mapped_column(String(100), default="")
    cashier: Mapped[str] = mapped_column(String(64))
    cashier_name: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        UniqueConstraint("desk_code", "year", "seq", name="uq_receipts_series"),
        Index("ix_receipts_issued_at", "issued_at"),
        Index("ix_receipts_charge", "charge_id"),
        Index("ix_receipts_shift", "shift_id"),
    )


class ReceiptVoid(SyncedMixin, Base):
    """The fact that a receipt was voided (BATAL), by a supervisor, with a reason."""

    __tablename__ = "receipt_voids"
    receipt_id: Mapped[str] = mapped_column(ForeignKey("receipts.id"))
    voided_at: Mapped[datetime] = mapped_column(UTCDateTime())
    voided_by: Mapped[str] = mapped_column(String(64))
    voided_by_name: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text)
    shift_id: Mapped[str | None] = mapped_column(String(36), default=None)  # the voider's
    # The receipt's shift was already counted and closed: its figures stay, and a
    # cash refund comes out of the voider's shift.
    after_close: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (UniqueConstraint("receipt_id"),)


class ReceiptPrint(SyncedMixin, Base):
    """Each time a receipt went to a printer or a PDF; every one after the first is a copy."""

    __tablename__ = "receipt_prints"
    receipt_id: Mapped[str] = mapped_column(ForeignKey("receipts.id"))
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    printed_by: Mapped[str] = mapped_column(String(64))
    format: Mapped[str] = mapped_column(String(16))  # thermal | a5
    copy: Mapped[bool] = mapped_column(Boolean)

    __table_args__ = (Index("ix_receipt_prints_receipt", "receipt_id"),)


class ReceiptNumberGap(SyncedMixin, Base):
    """Receipt numbers of a desk's series that were skipped, and why (a fact).

    A restore puts back a database that never saw the numbers issued after its
    backup; they are never issued again, so the series goes on after them and
    the skipped range is recorded here: every number of a series is a receipt
    or lies in a recorded gap. `kept_in` names the file that holds the receipts
    of the range (the replaced database, kept in backups/).
    """

    __tablename__ = "receipt_number_gaps"
    desk_code: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    first_seq: Mapped[int] = mapped_column(Integer)
    last_seq: Mapped[int] = mapped_column(Integer)
    cause: Mapped[str] = mapped_column(String(32))  # restore
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime())
    kept_in: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("desk_code", "year", "first_seq", name="uq_receipt_number_gaps_start"),
    )


# --- sync with the central server (issue 3) ------------------------------------


class SyncConflict(SyncedMixin, Base):
    """A change the central server could not simply apply, shown at every desk.

    `local_payload` is the row as the desk `desk_code` sent it; `server_payload`
    is the row the server held. kind "concurrent_edit": both desks changed the
    row; the server kept `winner` ("local" or "server") by a deterministic rule
    and status is "info". kind "rejected": the row broke a rule of the server
    (a unique number taken, an overlapping booking); status is "open" until a
    supervisor resolves it. The desk's own row is never silently deleted.
    """

    __tablename__ = "sync_conflicts"
    kind: Mapped[str] = mapped_column(String(16))  # concurrent_edit | rejected
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(36))
    op_id: Mapped[str] = mapped_column(String(36))
    desk_code: Mapped[str] = mapped_column(String(16))
    local_payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    server_payload: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    winner: Mapped[str] = mapped_column(String(16))  # local | server
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16))  # open | info | resolved
    resolution: Mapped[str | None] = mapped_column(String(16), default=None)
    resolved_by: Mapped[str | None] = mapped_column(String(100), default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    resolution_note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_sync_conflicts_status", "status"),
        Index("ix_sync_conflicts_entity_id", "entity_id"),
    )


class SyncState(Base):
    """This desk's link to the central server: url, desk code, pull cursor, last result."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncHeld(Base):
    """A pulled change this desk could not store yet (a local row not accepted by
    the server holds the same unique value); retried on every pull."""

    __tablename__ = "sync_held"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(36))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    held_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_sync_held_entity_id", "entity_id"),)
