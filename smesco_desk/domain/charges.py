"""What a charge adds up to: lines, discounts and taxes, in integer rupiah.

Every amount is an int; a rate is in basis points (1100 = 11%). A line is
quantity x unit price less its discount (never below zero); taxes are computed
on the sum of the lines, each rounded half up to the rupiah. The total is that
sum plus the taxes. Nothing here touches a float.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from smesco_desk.domain.money import format_rupiah
from smesco_desk.i18n import _

MAX_QUANTITY = 10_000
MAX_UNIT_PRICE = 10**12  # Rp1 triliun: far above anything a desk sells
MAX_TOTAL = 10**15  # terbilang and every column stay well inside their range
MAX_RATE_BP = 10_000  # 100%
MAX_LINES = 50


class AmountError(ValueError):
    """Bad amounts; `errors` maps a field (e.g. "lines.2.discount") to a message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


@dataclass(frozen=True)
class LineInput:
    description: str
    quantity: int
    unit_price: int
    discount: int = 0
    unit: str = ""
    item_code: str | None = None


@dataclass(frozen=True)
class TaxRule:
    code: str
    label: str
    rate_bp: int

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "label": self.label, "rate_bp": self.rate_bp}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TaxRule:
        return cls(str(data["code"]), str(data["label"]), int(data["rate_bp"]))


@dataclass(frozen=True)
class LineAmount:
    line: LineInput
    gross: int  # quantity x unit price
    amount: int  # gross - discount


@dataclass(frozen=True)
class TaxAmount:
    code: str
    label: str
    rate_bp: int
    base: int
    amount: int

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "rate_bp": self.rate_bp,
            "base": self.base,
            "amount": self.amount,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TaxAmount:
        return cls(
            str(data["code"]),
            str(data["label"]),
            int(data["rate_bp"]),
            int(data["base"]),
            int(data["amount"]),
        )


@dataclass(frozen=True)
class ChargeTotals:
    lines: tuple[LineAmount, ...]
    subtotal: int  # sum of gross amounts, before discounts
    discount_total: int
    taxable: int  # subtotal - discounts: the base of every tax
    taxes: tuple[TaxAmount, ...]
    tax_total: int
    total: int


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def tax_amount(base: int, rate_bp: int) -> int:
    """base x rate, rounded half up to the rupiah (integers only)."""
    return (base * rate_bp + 5_000) // 10_000


def format_rate(rate_bp: int) -> str:
    """1100 -> "11%", 1150 -> "11,5%", 1125 -> "11,25%" (Indonesian decimal comma)."""
    whole, part = divmod(rate_bp, 100)
    if part == 0:
        return f"{whole}%"
    return f"{whole},{part:02d}".rstrip("0") + "%"


def validate_taxes(taxes: Sequence[TaxRule], field: str = "taxes") -> dict[str, str]:
    errors: dict[str, str] = {}
    seen: set[str] = set()
    for i, tax in enumerate(taxes):
        key = f"{field}.{i}"
        if not tax.code.strip() or not tax.label.strip():
            errors[key] = _("Pajak perlu kode dan nama.")
        elif tax.code in seen:
            errors[key] = _("Pajak {code} tercantum dua kali.").format(code=tax.code)
        elif not _is_int(tax.rate_bp) or not 0 <= tax.rate_bp <= MAX_RATE_BP:
            errors[key] = _("Tarif pajak harus 0 sampai 100%.")
        seen.add(tax.code)
    return errors


def compute_totals(
    lines: Sequence[LineInput],
    taxes: Sequence[TaxRule] = (),
    *,
    line_taxes: Sequence[Sequence[TaxRule]] | None = None,
    require_text: bool = True,
) -> ChargeTotals:
    """Add a charge up; AmountError names every bad line field.

    `taxes` apply to every line; with `line_taxes` each line has its own (a sale
    mixing kinds of charge: a taxed room and untaxed printing). A tax's base is
    the sum of the lines it applies to. `require_text=False` skips the check of
    the descriptions (a quote while the person is still typing).
    """
    errors: dict[str, str] = {}
    amounts = _line_amounts(lines, require_text, errors)
    if line_taxes is not None and len(line_taxes) != len(lines):
        raise ValueError("line_taxes must give the taxes of every line")
    per_line = [list(taxes)] * len(lines) if line_taxes is None else [list(t) for t in line_taxes]
    rules: dict[tuple[str, int], TaxRule] = {}
    for own in per_line:
        for rule in own:
            rules.setdefault((rule.code, rule.rate_bp), rule)
    errors.update(validate_taxes(list(taxes) if line_taxes is None else _distinct(rules)))
    if errors:
        raise AmountError(errors)
    tax_lines = _tax_amounts(amounts, per_line, rules)
    subtotal = sum(a.gross for a in amounts)
    taxable = sum(a.amount for a in amounts)
    tax_total = sum(t.amount for t in tax_lines)
    total = taxable + tax_total
    if total >= MAX_TOTAL:
        raise AmountError({"lines": _("Total terlalu besar.")})
    return ChargeTotals(
        lines=tuple(amounts),
        subtotal=subtotal,
        discount_total=subtotal - taxable,
        taxable=taxable,
        taxes=tax_lines,
        tax_total=tax_total,
        total=total,
    )


def _line_amounts(
    lines: Sequence[LineInput], require_text: bool, errors: dict[str, str]
) -> list[LineAmount]:
    """The amount of every valid line; what is wrong with the others goes to `errors`."""
    if not lines:
        errors["lines"] = _("Tambahkan paling sedikit satu baris.")
    elif len(lines) > MAX_LINES:
        errors["lines"] = _("Paling banyak {n} baris.").format(n=MAX_LINES)
    amounts: list[LineAmount] = []
    for i, line in enumerate(lines):
        key = f"lines.{i}"
        if require_text and not line.description.strip():
            errors[f"{key}.description"] = _("Uraian wajib diisi.")
        amount = _line_amount(line, key, errors)
        if amount is not None:
            amounts.append(amount)
    return amounts


def _line_amount(line: LineInput, key: str, errors: dict[str, str]) -> LineAmount | None:
    if not _is_int(line.quantity) or not 1 <= line.quantity <= MAX_QUANTITY:
        errors[f"{key}.quantity"] = _("Jumlah harus 1 sampai {n}.").format(n=MAX_QUANTITY)
        return None
    if not _is_int(line.unit_price) or not 0 <= line.unit_price <= MAX_UNIT_PRICE:
        errors[f"{key}.unit_price"] = _("Harga satuan harus angka bulat rupiah, tidak negatif.")
        return None
    gross = line.quantity * line.unit_price
    if not _is_int(line.discount) or line.discount < 0:
        errors[f"{key}.discount"] = _("Diskon harus angka bulat rupiah, tidak negatif.")
        return None
    if line.discount > gross:
        errors[f"{key}.discount"] = _("Diskon lebih besar dari harga baris.")
        return None
    return LineAmount(line, gross, gross - line.discount)


def _tax_amounts(
    amounts: Sequence[LineAmount],
    per_line: Sequence[Sequence[TaxRule]],
    rules: dict[tuple[str, int], TaxRule],
) -> tuple[TaxAmount, ...]:
    """Each tax on the sum of the lines it applies to, rounded once per tax."""
    bases = {key: 0 for key in rules}
    for amount, own in zip(amounts, per_line, strict=True):
        for rule in own:
            bases[(rule.code, rule.rate_bp)] += amount.amount
    return tuple(
        TaxAmount(
            rule.code, rule.label, rule.rate_bp, bases[key], tax_amount(bases[key], rule.rate_bp)
        )
        for key, rule in rules.items()
    )


def _distinct(rules: dict[tuple[str, int], TaxRule]) -> list[TaxRule]:
    """The rules of a mixed sale, for validation: one code with two rates is an error."""
    return list(rules.values())


def oldest_first(totals: Sequence[int], amount: int | None) -> int:
    """How many of the charges (their totals, oldest first) `amount` pays in
    full, oldest first; None pays them all.

    Invariants: the result n satisfies sum(totals[:n]) == amount exactly (whole
    rupiah, nothing rounded, no charge paid in part); an amount that is not
    such a sum, is below the oldest charge or above them all is refused with
    AmountError({"amount": ...}) naming the nearest amounts that fit.
    """
    if amount is None:
        return len(totals)
    if not _is_int(amount) or amount <= 0:
        raise AmountError({"amount": _("Isi jumlah dalam rupiah, lebih dari Rp0.")})
    running = 0
    for count, total in enumerate(totals, start=1):
        if running + total == amount:
            return count
        if running + total > amount:
            below = format_rupiah(running) if running else ""
            above = format_rupiah(running + total)
            if below:
                message = _(
                    "Pembayaran melunasi tagihan terlama lebih dulu, utuh: bayar {below} "
                    "atau {above}."
                ).format(below=below, above=above)
            else:
                message = _(
                    "Pembayaran melunasi tagihan terlama lebih dulu, utuh: paling sedikit {above}."
                ).format(above=above)
            raise AmountError({"amount": message})
        running += total
    raise AmountError(
        {
            "amount": _("Lebih dari semua tagihan yang dipilih ({total}).").format(
                total=format_rupiah(running)
            )
        }
    )
