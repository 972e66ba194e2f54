"""The rules of a tenancy's life (issue 12): the deposit returned less its
deductions, the notice an early end needs and the fee a short one costs, and a
statement's running balance. Pure functions over plain values; money is
integer rupiah.

Deposit returned
----------------
A paid deposit goes back once, when the lease ends (or has reached its last
day), less deductions: each a reason (`Kerusakan meja`) and a positive amount.
The deductions together never exceed the deposit; what is left (possibly 0,
when everything was kept) is owed back to the tenant.

Notice and its fee
------------------
An administrator sets the notice (`foodcourt_notice_days`, e.g. 30) and the
fee (`foodcourt_notice_fee_periods`, e.g. 1): the fee is that many periods of
the lease's own rent (for a monthly lease, N months' rent; by the week, N
weeks'; by the day, N days'). A lease ended before its agreed last day with
fewer days between the notice and the new last day than the notice asks pays
the fee; ending on the agreed last day (or with enough notice) costs nothing.

Statement
---------
Charges raise what the tenant owes, payments lower it, a credit (money owed
back, such as a deposit returned) lowers it and its payout raises it again:
the running balance is the sum so far; positive is owed by the tenant.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from itertools import accumulate

from smesco_desk.domain.charges import MAX_UNIT_PRICE
from smesco_desk.domain.text import clean_name, has_visible, unstorable
from smesco_desk.i18n import _

MAX_DEDUCTIONS = 20
MAX_REASON = 120
MAX_NOTICE_DAYS = 365
MAX_FEE_PERIODS = 12


def deduction_errors(deposit: int, deductions: Sequence[tuple[object, object]]) -> dict[str, str]:
    """What is wrong with the deductions from a deposit, by field
    (`deductions.<i>.reason`, `deductions.<i>.amount`, `deductions`)."""
    errors: dict[str, str] = {}
    if len(deductions) > MAX_DEDUCTIONS:
        return {"deductions": _("Paling banyak {n} potongan.").format(n=MAX_DEDUCTIONS)}
    total = 0
    for i, pair in enumerate(deductions):
        reason, amount = pair
        if not isinstance(reason, str) or unstorable(reason) or not has_visible(reason):
            errors[f"deductions.{i}.reason"] = _("Tulis alasan potongan.")
        elif len(clean_name(reason)) > MAX_REASON:
            errors[f"deductions.{i}.reason"] = _("Paling banyak {n} karakter.").format(n=MAX_REASON)
        if not isinstance(amount, int) or isinstance(amount, bool):
            errors[f"deductions.{i}.amount"] = _("Jumlah dalam rupiah (angka bulat).")
        elif not 0 < amount <= MAX_UNIT_PRICE:
            errors[f"deductions.{i}.amount"] = _("Potongan lebih dari 0.")
        else:
            total += amount
    if not errors and total > deposit:
        errors["deductions"] = _("Potongan ({total}) melebihi deposit ({deposit}).").format(
            total=_rupiah(total), deposit=_rupiah(deposit)
        )
    return errors


def clean_deductions(deductions: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """The deductions as stored: reasons trimmed and single-spaced."""
    return [(clean_name(reason)[:MAX_REASON], amount) for reason, amount in deductions]


def deposit_back(deposit: int, deductions: Iterable[tuple[str, int]]) -> int:
    """What goes back to the tenant: the deposit less the deductions (never below 0)."""
    return max(0, deposit - sum(amount for _reason, amount in deductions))


def notice_short(notice_on: date, last_day: date, planned_end: date, notice_days: int) -> bool:
    """Whether ending on `last_day`, told on `notice_on`, is early with too little
    notice (see the module's docstring)."""
    if last_day >= planned_end:
        return False
    return (last_day - notice_on).days < notice_days


def notice_fee(rent: int, fee_periods: int) -> int:
    """The fee of a short notice: `fee_periods` periods of the lease's rent."""
    return max(0, rent) * max(0, fee_periods)


def running_balance(amounts: Iterable[int]) -> list[int]:
    """The balance after each entry, in order (positive: owed by the tenant)."""
    return list(accumulate(amounts))


def _rupiah(amount: int) -> str:
    return "Rp" + f"{amount:,}".replace(",", ".")
