"""Payments and receipts (issue 4): kinds of charge, the price list, charges and
their lines, cash shifts, receipts and the facts about them (voids, prints,
skipped numbers)."""

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
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from smesco_desk.db.models.base import Base, SyncedMixin
from smesco_desk.db.types import UTCDateTime


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
    # open | paid | cancelled (its booking was cancelled before it was paid) |
    # refund_due (a credit: a negative total owed back, e.g. a paid booking moved cheaper) |
    # refunded (a credit paid out: its RefundPayout says how, when and from which shift)
    status: Mapped[str] = mapped_column(String(16), default="open")
    desk_code: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[str] = mapped_column(String(64))
    # paid with others in one receipt: the charge that gathered them (payments.pay_charges)
    settled_by: Mapped[str | None] = mapped_column(String(36), default=None)

    __table_args__ = (
        Index("ix_charges_status", "status", "created_at"),
        Index("ix_charges_source", "source"),
        Index("ix_charges_settled_by", "settled_by"),
    )


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


class RefundPayout(SyncedMixin, Base):
    """The fact that money owed back (a credit, a charge of status `refund_due`) was
    paid out to the payer by a cashier, from their shift: cash leaves the drawer."""

    __tablename__ = "refund_payouts"
    charge_id: Mapped[str] = mapped_column(ForeignKey("charges.id"))
    shift_id: Mapped[str] = mapped_column(ForeignKey("cash_shifts.id"))
    paid_at: Mapped[datetime] = mapped_column(UTCDateTime())
    paid_by: Mapped[str] = mapped_column(String(64))
    paid_by_name: Mapped[str] = mapped_column(String(200), default="")
    amount: Mapped[int] = mapped_column(BigInteger)  # positive: what went back
    method: Mapped[str] = mapped_column(String(16))  # cash | transfer | qris
    reference: Mapped[str] = mapped_column(String(100), default="")

    # One payout per credit: a second (another desk, offline) is refused by the server.
    __table_args__ = (UniqueConstraint("charge_id"), Index("ix_refund_payouts_shift", "shift_id"))


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
