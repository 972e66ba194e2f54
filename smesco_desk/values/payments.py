"""Plain frozen values of the payments area: forms, charges, receipts, shifts
(never ORM objects). The vocabulary (methods, payer kinds, formats) lives in
smesco_desk.domain.payments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from smesco_desk.clock import iso, to_wib
from smesco_desk.i18n import _


@dataclass(frozen=True)
class ChargeKindInfo:
    code: str
    label: str
    taxes: tuple[Any, ...]  # smesco_desk.domain.charges.TaxRule
    active: bool


@dataclass(frozen=True)
class PriceItemInfo:
    id: str
    code: str
    name: str
    unit: str
    unit_price: int
    kind_code: str
    active: bool
    sort_order: int


@dataclass(frozen=True)
class DiscountCheck:
    """The lines of a sale being typed whose discount is above the limit
    (`sale_discount_limit_percent`): they will need a supervisor's approval."""

    limit_percent: int
    over_limit: tuple[int, ...]  # indexes of the lines as sent


@dataclass(frozen=True)
class PayerForm:
    kind: str  # a PayerKind value
    name: str
    payer_id: str | None = None  # a visitor, UMKM or tenant id, if known


@dataclass(frozen=True)
class ChargeForm:
    payer: PayerForm
    kind_code: str
    lines: tuple[Any, ...]  # smesco_desk.domain.charges.LineInput
    description: str = ""
    source: str = ""  # what made it: "sale", "booking:<id>", "stall:<id>"


@dataclass(frozen=True)
class PaymentForm:
    method: str  # a PaymentMethod value
    tendered: int | None = None  # cash handed over; None: exactly the total
    reference: str = ""  # QRIS / transfer / card reference


@dataclass(frozen=True)
class ChargeRecord:
    id: str
    kind_code: str
    payer_kind: str
    payer_id: str | None
    payer_name: str
    description: str
    source: str
    lines: tuple[Any, ...]  # ReceiptLine
    subtotal: int
    discount_total: int
    taxes: tuple[Any, ...]  # smesco_desk.domain.charges.TaxAmount
    tax_total: int
    total: int
    status: str
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "payer": self.payer_name,
            "payer_kind": self.payer_kind,
            "payer_id": self.payer_id,
            "description": self.description,
            "source": self.source,
            "kind": self.kind_code,
            "total": self.total,
            "status": self.status,
            "created_at": iso(self.created_at),
        }


@dataclass(frozen=True)
class ReceiptLine:
    description: str
    quantity: int
    unit: str
    unit_price: int
    discount: int
    amount: int
    item_code: str | None = None


@dataclass(frozen=True)
class VoidInfo:
    voided_at: datetime
    voided_by: str
    voided_by_name: str
    reason: str


@dataclass(frozen=True)
class ReceiptRecord:
    """A receipt as it is shown and printed (lines, taxes and void included)."""

    id: str
    number: str
    desk_code: str
    issued_at: datetime
    charge_id: str
    shift_id: str
    payer_kind: str
    payer_name: str
    description: str
    lines: tuple[ReceiptLine, ...]
    subtotal: int
    discount_total: int
    taxes: tuple[Any, ...]  # smesco_desk.domain.charges.TaxAmount
    tax_total: int
    total: int
    method: str
    tendered: int
    change_given: int
    reference: str
    cashier: str
    cashier_name: str
    void: VoidInfo | None = None
    print_count: int = 0
    # Numbers of the series skipped just before this one (after a restore), oldest first.
    gaps_before: tuple[ReceiptGap, ...] = ()

    METERAI_THRESHOLD = 5_000_000

    @property
    def voided(self) -> bool:
        return self.void is not None

    @property
    def needs_meterai(self) -> bool:
        """A receipt above Rp5.000.000 needs a Rp10.000 meterai."""
        return self.total > self.METERAI_THRESHOLD

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "desk": self.desk_code,
            "issued_at": iso(self.issued_at),
            "payer": self.payer_name,
            "payer_kind": self.payer_kind,
            "description": self.description,
            "lines": [
                {
                    "description": ln.description,
                    "quantity": ln.quantity,
                    "unit": ln.unit,
                    "unit_price": ln.unit_price,
                    "discount": ln.discount,
                    "amount": ln.amount,
                }
                for ln in self.lines
            ],
            "subtotal": self.subtotal,
            "discount": self.discount_total,
            "taxes": [t.to_json() for t in self.taxes],
            "tax_total": self.tax_total,
            "total": self.total,
            "method": self.method,
            "tendered": self.tendered,
            "change": self.change_given,
            "reference": self.reference,
            "cashier": self.cashier,
            "cashier_name": self.cashier_name,
            "voided": self.voided,
            "void_reason": self.void.reason if self.void else None,
            "voided_at": iso(self.void.voided_at) if self.void else None,
            "voided_by": self.void.voided_by if self.void else None,
            "meterai": self.needs_meterai,
            "print_count": self.print_count,
            "gaps_before": [g.to_json() for g in self.gaps_before],
        }


@dataclass(frozen=True)
class ReceiptGap:
    """A range of receipt numbers skipped after a restore, and why (a recorded fact)."""

    id: str
    desk_code: str
    year: int
    first_seq: int
    last_seq: int
    cause: str  # restore
    replaced_at: datetime  # when the database that issued them was replaced
    kept_in: str  # the file that holds them (the replaced database, in backups/)
    recorded_at: datetime
    recorded_by: str

    @property
    def first_number(self) -> str:
        return f"KW/{self.desk_code}/{self.year}/{self.first_seq:06d}"

    @property
    def last_number(self) -> str:
        return f"KW/{self.desk_code}/{self.year}/{self.last_seq:06d}"

    @property
    def range_text(self) -> str:
        """KW/D01/2026/000006-000008 (one number: just that number)."""
        if self.first_seq == self.last_seq:
            return self.first_number
        return f"{self.first_number}-{self.last_seq:06d}"

    @property
    def reason(self) -> str:
        return _(
            "{range}: diterbitkan di basis data yang diganti pada {when} WIB, disimpan di {file}"
        ).format(
            range=self.range_text,
            when=to_wib(self.replaced_at).strftime("%d-%m-%Y %H:%M"),
            file=self.kept_in or "-",
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "first": self.first_number,
            "last": self.last_number,
            "count": self.last_seq - self.first_seq + 1,
            "cause": self.cause,
            "replaced_at": iso(self.replaced_at),
            "kept_in": self.kept_in,
            "recorded_at": iso(self.recorded_at),
            "recorded_by": self.recorded_by,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class ReceiptFilter:
    day: date | None = None  # a WIB day; None with no text: today
    text: str = ""  # a number (or its tail), a payer's name, or an amount
    all_days: bool = False  # every day (unless `day` is given), e.g. to search the history


@dataclass(frozen=True)
class ReceiptsSummary:
    count: int  # every receipt found, voided ones too
    voided: int
    total: int  # the receipts that stand
    by_method: dict[str, int]
    gaps: tuple[ReceiptGap, ...] = ()  # numbers skipped after a restore (see number_gaps)


@dataclass(frozen=True)
class ShiftSummary:
    """A shift's money: what the drawer should hold and, once closed, what it held."""

    id: str
    desk_code: str
    operator: str
    operator_name: str
    opened_at: datetime
    opening_float: int
    closed_at: datetime | None
    closed_by: str | None
    receipt_count: int
    void_count: int
    totals_by_method: dict[str, int]  # valid receipts only
    voided_total: int
    cash_in: int  # cash receipts that stand
    expected_cash: int  # opening float + cash_in - cash_refunds - payouts_cash
    counted: dict[str, int] | None
    counted_total: int | None
    difference: int | None  # counted - expected
    note: str
    cash_refunds: int = 0  # cash given back for receipts of closed shifts voided in this one
    payout_count: int = 0  # refunds owed paid out in this shift (any method)
    payouts_total: int = 0  # what they came to
    payouts_cash: int = 0  # of it, cash out of the drawer
    closed_by_name: str = ""  # the full name of whoever closed it

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def receiver_name(self) -> str:
        """Who took the drawer over: the supervisor who counted and closed another
        cashier's shift ("" when the cashier closed their own)."""
        if self.closed_by is None or self.closed_by == self.operator:
            return ""
        return self.closed_by_name or self.closed_by


@dataclass(frozen=True)
class RefundPayoutRecord:
    """Money owed back (a credit) paid out to its payer, and what it was owed for."""

    id: str
    charge_id: str
    shift_id: str
    desk_code: str
    paid_at: datetime
    paid_by: str
    paid_by_name: str
    amount: int  # positive: what went back
    method: str  # cash | transfer | qris
    reference: str
    payer_kind: str
    payer_name: str
    description: str  # the credit's: what it was owed for
    source: str  # the credit's: "booking:<id>"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "charge_id": self.charge_id,
            "shift_id": self.shift_id,
            "desk": self.desk_code,
            "paid_at": iso(self.paid_at),
            "paid_by": self.paid_by,
            "paid_by_name": self.paid_by_name,
            "amount": self.amount,
            "method": self.method,
            "reference": self.reference,
            "payer": self.payer_name,
            "payer_kind": self.payer_kind,
            "description": self.description,
            "source": self.source,
        }
