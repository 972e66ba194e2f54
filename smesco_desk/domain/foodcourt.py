"""The rules of the food court: what a stall is (its code, size and rates), the
business identity of a tenant (NIB, NPWP), and what a lease may be. Pure
functions over plain values; money is integer rupiah.

Stall codes
-----------
`FC<floor>-<number>`: floor 1-3, stall 1-99, the number written with two
digits (`FC2-07`: floor 2, stall 7). Typed in any case, with the number's
leading zero or without (`fc2-7`), it is stored as `FC2-07`.

Sizes
-----
A stall's size is kept exactly as integer square centimetres (1 m² = 10 000
cm²): typed as a decimal number of square metres with at most four decimals
("6.25", "6,25"), shown as the shortest decimal ("6.25"). No float ever
holds it.

NIB and NPWP
------------
The NIB (Nomor Induk Berusaha, OSS) is 13 digits. The NPWP is 16 digits since
2024 (for a person, the NIK); the old 15-digit form (`01.234.567.8-901.000`)
is accepted and becomes 16 digits by a leading 0, as DJP converts it. Dots,
dashes and spaces are separators; anything else is refused. Both are optional
on a business (a small UMKM may have neither yet), checked when given.

Leases
------
A lease (or a stall booked for days) runs from its first day to its last day,
both included (WIB dates); two live leases of one stall never share a day
(smesco_desk.db.overlaps: the service, an SQLite trigger and a PostgreSQL
exclusion constraint over `daterange(starts_on, ends_on, '[]')`). A cancelled
lease takes no day, nor does one in conflict (made offline while another
desk leased the same days first); a lease ended early keeps only the days up to its new last
day. Rent is charged per period (day, week or month) at the stall's rate for
that period when the lease was made; a monthly lease falls due on the day of
the month it started (`due_day`, 1-31, clamped to a shorter month's last day
by the rent schedule).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from smesco_desk.domain.charges import MAX_UNIT_PRICE
from smesco_desk.i18n import N_, _

FLOORS = range(1, 4)
STALL_NUMBERS = range(1, 100)
CM2_PER_M2 = 10_000
MAX_SIZE_CM2 = 10_000 * CM2_PER_M2  # 10 000 m²: anything larger is a typing error
MAX_PLAN = 1_000  # grid units on the floor plan
MAX_LEASE_DAYS = 10 * 366  # ten years
NIB_LENGTH = 13
NPWP_LENGTH = 16
OLD_NPWP_LENGTH = 15

_STALL_CODE = re.compile(r"FC([0-9])-([0-9]{1,2})", re.ASCII)
_SEPARATORS = re.compile(r"[\s.\-]+")
_SIZE = re.compile(r"([0-9]{1,6})(?:[.,]([0-9]{1,4}))?", re.ASCII)


class InvalidNumber(ValueError):
    """A NIB or NPWP that is not one; the message says why, in Indonesian."""


class LeasePeriod(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class LeaseStatus(StrEnum):
    ACTIVE = "active"  # booked ahead or running: takes its days
    ENDED = "ended"  # ended early: takes its days up to the new last day
    CANCELLED = "cancelled"  # takes no day
    # Made offline at a desk while another desk leased the stall for some of the
    # same days first: kept (its deposit charge and payments too) but takes no
    # day, until it is moved or cancelled (smesco_desk.sync.server_push).
    CONFLICT = "conflict"


# Statuses whose lease takes no day of its stall (smesco_desk.db.overlaps agrees).
DAYLESS_STATUSES = frozenset({LeaseStatus.CANCELLED, LeaseStatus.CONFLICT})

# A lease still `active` after its last day has run its term: shown as expired
# ("Selesai masa sewa"). Derived from the day, never stored: every desk sees it
# offline, no timer writes it, and the overlap guards (which compare days, not
# this state) are untouched.
EXPIRED = "expired"


def lease_state(status: str, ends_on: date, today: date) -> str:
    """What a lease is on `today` for people: its status, or EXPIRED for an
    active lease whose last day is before `today`."""
    if status == LeaseStatus.ACTIVE and ends_on < today:
        return EXPIRED
    return status


def lease_over(status: str, ends_on: date, today: date) -> bool:
    """Over on `today`, so its deposit may be returned: ended early, or expired."""
    return status == LeaseStatus.ENDED or lease_state(status, ends_on, today) == EXPIRED


class BillKind(StrEnum):
    """What a charge of a tenancy is for (smesco_desk.db.models.TenantCharge)."""

    DEPOSIT = "deposit"
    RENT = "rent"
    LATE_FEE = "late_fee"
    UTILITY = "utility"  # power and water by the meter
    SERVICE = "service"  # the service charge per square metre
    TURNOVER = "turnover"  # turnover rent above the base rent
    NOTICE_FEE = "notice_fee"  # ending a lease early
    DEPOSIT_RETURN = "deposit_return"  # a credit: the deposit back, less deductions


class StallState(StrEnum):
    VACANT = "vacant"
    BOOKED = "booked"  # a lease starts later; nobody is in it today
    OCCUPIED = "occupied"
    ARREARS = "arrears"  # occupied, and the tenant owes money past its due date
    OUT_OF_SERVICE = "out_of_service"


PERIOD_LABELS = {
    LeasePeriod.DAY: N_("Harian"),
    LeasePeriod.WEEK: N_("Mingguan"),
    LeasePeriod.MONTH: N_("Bulanan"),
}
BILL_KIND_LABELS = {
    BillKind.DEPOSIT: N_("Deposit"),
    BillKind.RENT: N_("Sewa"),
    BillKind.LATE_FEE: N_("Denda keterlambatan"),
    BillKind.UTILITY: N_("Listrik dan air"),
    BillKind.SERVICE: N_("Biaya layanan"),
    BillKind.TURNOVER: N_("Sewa omzet"),
    BillKind.NOTICE_FEE: N_("Biaya pemutusan"),
    BillKind.DEPOSIT_RETURN: N_("Pengembalian deposit"),
}
LEASE_STATE_LABELS = {
    LeaseStatus.ACTIVE.value: N_("Aktif"),
    LeaseStatus.ENDED.value: N_("Diakhiri"),
    EXPIRED: N_("Selesai masa sewa"),
    LeaseStatus.CANCELLED.value: N_("Dibatalkan"),
    LeaseStatus.CONFLICT.value: N_("Bentrok"),
}
STATE_LABELS = {
    StallState.VACANT: N_("Kosong"),
    StallState.BOOKED: N_("Dipesan"),
    StallState.OCCUPIED: N_("Terisi"),
    StallState.ARREARS: N_("Menunggak"),
    StallState.OUT_OF_SERVICE: N_("Tidak dipakai"),
}


# --- stall codes and sizes ------------------------------------------------------------


def parse_stall_code(text: object) -> tuple[int, int]:
    """The floor and stall number of a code as typed; ValueError if it is not one."""
    if not isinstance(text, str):
        raise ValueError(_("Kode stan seperti FC2-07."))
    match = _STALL_CODE.fullmatch(text.strip().upper())
    if match is None:
        raise ValueError(_("Kode stan seperti FC2-07 (lantai 1-3, nomor 01-99)."))
    floor, number = int(match.group(1)), int(match.group(2))
    if floor not in FLOORS:
        raise ValueError(_("Lantai 1 sampai 3."))
    if number not in STALL_NUMBERS:
        raise ValueError(_("Nomor stan 01 sampai 99."))
    return floor, number


def stall_code(floor: int, number: int) -> str:
    return f"FC{floor}-{number:02d}"


def normalize_stall_code(text: object) -> str:
    """The stored form of a code as typed (`fc2-7` becomes `FC2-07`); ValueError."""
    return stall_code(*parse_stall_code(text))


def parse_size_m2(text: object) -> int:
    """Square metres as typed ("6.25", "6,25", "12", or a Decimal) in integer
    square centimetres; ValueError for anything else, 0 or above MAX_SIZE_CM2."""
    if isinstance(text, Decimal):
        try:
            cm2 = text * CM2_PER_M2
        except InvalidOperation:
            raise ValueError(_("Luas dalam m², misalnya 6,25.")) from None
        if not cm2.is_finite() or cm2 != cm2.to_integral_value():
            raise ValueError(_("Luas paling banyak 4 angka di belakang koma."))
        value = int(cm2)
    elif isinstance(text, str) and (match := _SIZE.fullmatch(text.strip())):
        whole, part = match.group(1), (match.group(2) or "")
        value = int(whole) * CM2_PER_M2 + int(part.ljust(4, "0") or "0")
    else:
        raise ValueError(_("Luas dalam m², misalnya 6,25."))
    if not 0 < value <= MAX_SIZE_CM2:
        raise ValueError(_("Luas lebih dari 0 dan paling besar 10.000 m²."))
    return value


def size_m2_text(cm2: int) -> str:
    """Integer square centimetres as the shortest decimal of square metres: 62500
    -> "6.25", 120000 -> "12"."""
    whole, part = divmod(cm2, CM2_PER_M2)
    return f"{whole}.{part:04d}".rstrip("0").rstrip(".") if part else str(whole)


def size_m2_decimal(cm2: int) -> Decimal:
    return Decimal(size_m2_text(cm2))


# --- NIB and NPWP -----------------------------------------------------------------------


def _digits(text: object, what: str) -> str:
    if not isinstance(text, str):
        raise InvalidNumber(_("{what} berupa angka.").format(what=what))
    compact = _SEPARATORS.sub("", text.strip())
    if not (compact.isascii() and compact.isdigit()):
        raise InvalidNumber(_("{what} hanya berisi angka.").format(what=what))
    return compact


def normalize_nib(text: object) -> str:
    """The 13 digits of a NIB as typed (spaces, dots, dashes between); InvalidNumber."""
    digits = _digits(text, "NIB")
    if len(digits) != NIB_LENGTH:
        raise InvalidNumber(_("NIB 13 angka (ada {n}).").format(n=len(digits)))
    if set(digits) == {"0"}:
        raise InvalidNumber(_("NIB tidak boleh nol semua."))
    return digits


def normalize_npwp(text: object) -> str:
    """The 16 digits of an NPWP as typed; the old 15-digit form gets a leading 0
    (as DJP converts it). InvalidNumber for anything else."""
    digits = _digits(text, "NPWP")
    if len(digits) == OLD_NPWP_LENGTH:
        digits = "0" + digits
    if len(digits) != NPWP_LENGTH:
        raise InvalidNumber(
            _("NPWP 16 angka, atau 15 angka format lama (ada {n}).").format(n=len(digits))
        )
    if set(digits) == {"0"}:
        raise InvalidNumber(_("NPWP tidak boleh nol semua."))
    return digits


def format_npwp(digits: str) -> str:
    """16 digits for display in groups: 0123 4567 8901 2345."""
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


# --- stalls and leases ------------------------------------------------------------------


def money_errors(values: dict[str, object]) -> dict[str, str]:
    """Rates and a deposit: integer rupiah from 0 to the largest unit price."""
    errors = {}
    for name, value in values.items():
        if not isinstance(value, int) or isinstance(value, bool):
            errors[name] = _("Jumlah dalam rupiah (angka bulat).")
        elif not 0 <= value <= MAX_UNIT_PRICE:
            errors[name] = _("Antara 0 dan {max}.").format(
                max=f"{MAX_UNIT_PRICE:,}".replace(",", ".")
            )
    return errors


def plan_errors(x: object, y: object, w: object, h: object) -> dict[str, str]:
    """A stall's place on the floor plan, in grid units: x, y from 0, w, h from 1,
    inside MAX_PLAN."""
    errors = {}
    for name, value, low in (
        ("plan_x", x, 0),
        ("plan_y", y, 0),
        ("plan_w", w, 1),
        ("plan_h", h, 1),
    ):
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= MAX_PLAN:
            errors[name] = _("Angka bulat {low} sampai {high}.").format(low=low, high=MAX_PLAN)
    return errors


def lease_errors(starts_on: object, ends_on: object, period: object) -> dict[str, str]:
    """What is wrong with a lease's dates and period, by field."""
    errors = {}
    if period not in {p.value for p in LeasePeriod}:
        errors["period"] = _("Periode harian, mingguan atau bulanan.")
    for name, value in (("starts_on", starts_on), ("ends_on", ends_on)):
        if not isinstance(value, date) or hasattr(value, "hour"):
            errors[name] = _("Tanggal tidak dikenal.")
        elif not 1900 <= value.year <= 9000:
            errors[name] = _("Tanggal di luar jangkauan.")
    if errors:
        return errors
    assert isinstance(starts_on, date) and isinstance(ends_on, date)
    if ends_on < starts_on:
        errors["ends_on"] = _("Tanggal akhir tidak boleh sebelum tanggal mulai.")
    elif (ends_on - starts_on).days + 1 > MAX_LEASE_DAYS:
        errors["ends_on"] = _("Paling lama 10 tahun.")
    return errors


def days_meet(a_first: date, a_last: date, b_first: date, b_last: date) -> bool:
    """Whether two leases share a day (both days included at both ends)."""
    return a_first <= b_last and b_first <= a_last


def due_day(starts_on: date) -> int:
    """The day of the month a monthly lease's rent falls due: the day it started."""
    return starts_on.day


def stall_state(in_service: bool, running: bool, ahead: bool, overdue: bool) -> StallState:
    """A stall's state today: out of service first; then occupied (in arrears when
    its tenant owes money past its due date); then booked ahead; else vacant, or
    in arrears while the lease that is over owes money past its due date."""
    if not in_service:
        return StallState.OUT_OF_SERVICE
    if running:
        return StallState.ARREARS if overdue else StallState.OCCUPIED
    if ahead:
        return StallState.BOOKED
    return StallState.ARREARS if overdue else StallState.VACANT
