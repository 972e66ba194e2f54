"""Billing a month's utilities and service charge to the food court's tenants.

`bill_utilities(month)` posts, through billing.post_charge, for each lease
holding a stall that month (by the week or the month; a stall booked by the
day, a trial or an event, has its utilities inside its day rate):

- a UTILITY charge: the month's power and water consumption of the stall
  (smesco_desk.domain.meters: the readings dated in the month, added up),
  priced at the administrator's block tariffs, one line per block. It goes to
  the lease holding the stall on the day of its latest reading that month (or,
  if none holds it that day, the last one holding it in the month). A stall
  with no reading typed that month, or nothing consumed, gets no charge and is
  reported as skipped: billing again after its readings are typed bills it.
- a SERVICE charge: the stall's size in m² times the rate per m² per month,
  for the days of the month the lease holds it, rounded once.

Both cover the month (the service charge the lease's days of it) and fall due
on the due day set by the administrator (`foodcourt_utility_due_day`, 1-28)
of the next month. Billing is repeated safely: a lease's charge of a kind for
a month is posted once (billing.posted). Once a stall's utilities of a month
are billed its readings of that month can no longer change (meters).
The charges take the stall's kind of charge for tax, as its rent does.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.clock import wib_today
from smesco_desk.db.models import Charge, Lease, MeterReading, Stall, SyncedMixin, TenantCharge
from smesco_desk.domain.charges import MAX_QUANTITY, LineInput
from smesco_desk.domain.foodcourt import DAYLESS_STATUSES, BillKind, LeasePeriod, size_m2_text
from smesco_desk.domain.meters import (
    METER_LABELS,
    METER_UNITS,
    MILLI,
    MeterKind,
    Tariff,
    block_amounts,
    parse_tariff,
    reading_label,
    service_charge,
)
from smesco_desk.domain.money import format_rupiah
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import N_, _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.foodcourt.billing import post_charge, posted
from smesco_desk.services.foodcourt.mapping import tenant_names
from smesco_desk.services.settings import SettingsService
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.meters import BilledCharge, UtilityBilling, UtilityTariffs

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

TARIFF_KEYS = {
    MeterKind.POWER: "foodcourt_power_tariff",
    MeterKind.WATER: "foodcourt_water_tariff",
}


def month_bounds(month: object) -> tuple[date, date]:
    """The first and last day of the month of `month` (any day of it)."""
    if not isinstance(month, date) or hasattr(month, "hour") or not 1900 <= month.year <= 9000:
        raise ValidationError({"month": _("Bulan tidak dikenal.")})
    last = calendar.monthrange(month.year, month.month)[1]
    return month.replace(day=1), month.replace(day=last)


def due_date(first: date, due_day: int) -> date:
    """The due day of the month after the one starting on `first`."""
    year, month = (first.year + 1, 1) if first.month == 12 else (first.year, first.month + 1)
    return date(year, month, due_day)


def month_leases(
    session: Session, stall_ids: Iterable[str], first: date, last: date
) -> list[Lease]:
    """The live leases by the week or month holding one of the stalls on some
    day of the month, earliest first."""
    ids = list(stall_ids)
    if not ids:
        return []
    query = select(Lease).where(
        Lease.stall_id.in_(ids),
        Lease.deleted_at.is_(None),
        Lease.status.not_in([s.value for s in DAYLESS_STATUSES]),
        Lease.period != LeasePeriod.DAY.value,
        Lease.starts_on <= last,
        Lease.ends_on >= first,
    )
    return list(session.scalars(query.order_by(Lease.starts_on, Lease.id)))


def holder(leases: Sequence[Lease], day: date | None) -> Lease | None:
    """Of one stall's leases in a month, the one holding it on `day`, or else the last."""
    for lease in leases:
        if day is not None and lease.starts_on <= day <= lease.ends_on:
            return lease
    return leases[-1] if leases else None


def billed_stalls(session: Session, stall_ids: Iterable[str], first: date) -> set[str]:
    """The stalls whose utilities of the month starting on `first` are billed."""
    ids = list(stall_ids)
    if not ids:
        return set()
    rows = session.scalars(
        select(Lease.stall_id)
        .join(TenantCharge, TenantCharge.lease_id == Lease.id)
        .where(
            Lease.stall_id.in_(ids),
            TenantCharge.kind == BillKind.UTILITY.value,
            TenantCharge.period_start == first,
            TenantCharge.deleted_at.is_(None),
        )
    )
    return set(rows)


def tariffs_in(session: Session) -> tuple[dict[MeterKind, Tariff], int, int]:
    """The tariffs by meter, the service charge per m² and the due day, as set."""
    get = SettingsService.get_in
    tariffs = {kind: parse_tariff(get(session, key)) for kind, key in TARIFF_KEYS.items()}
    return (
        tariffs,
        int(get(session, "foodcourt_service_charge_m2")),
        int(get(session, "foodcourt_utility_due_day")),
    )


def tariffs(core: Core) -> UtilityTariffs:
    with core.db.read() as session:
        by_kind, per_m2, due_day = tariffs_in(session)
    return UtilityTariffs(
        tuple((b.up_to, b.rate) for b in by_kind[MeterKind.POWER]),
        tuple((b.up_to, b.rate) for b in by_kind[MeterKind.WATER]),
        per_m2,
        due_day,
    )


def meter_lines(kind: MeterKind, used: int, tariff: Tariff) -> list[LineInput]:
    """The lines of one meter's consumption: one per block. A whole number of
    units is quantity x rate; a fraction is one line whose description says
    the quantity (a line's quantity is a whole number)."""
    label, unit = METER_LABELS[kind], METER_UNITS[kind]
    many = len(block_amounts(used, tariff)) > 1
    lines = []
    for index, part in enumerate(block_amounts(used, tariff), start=1):
        block = N_(" blok {n}").format(n=index) if many else ""
        text = f"{label}{block}: {reading_label(part.quantity)} {unit} × {format_rupiah(part.rate)}"
        whole = part.quantity % MILLI == 0 and part.quantity // MILLI <= MAX_QUANTITY
        if whole and part.quantity // MILLI * part.rate == part.amount:
            lines.append(LineInput(f"{label}{block}", part.quantity // MILLI, part.rate, unit=unit))
        else:
            lines.append(LineInput(text, 1, part.amount))
    return lines


def bill_utilities(core: Core, actor: Actor, month: date) -> UtilityBilling:
    """Post the month's utility and service charges not yet posted (module docstring)."""
    require(actor, Permission.MANAGE_LEASES)
    first, last = month_bounds(month)
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        if first > wib_today(tx.now):
            raise ValidationError({"month": _("Bulan ini belum mulai.")})
        run = _Run(tx, first, last)
        stalls = {s.id: s for s in session.scalars(select(Stall).where(Stall.deleted_at.is_(None)))}
        leases: dict[str, list[Lease]] = defaultdict(list)
        for lease in month_leases(session, stalls, first, last):
            leases[lease.stall_id].append(lease)
        used, read_on = _month_use(session, list(leases), first, last)
        run.names = tenant_names(session, (x.tenant_id for ls in leases.values() for x in ls))
        for stall_id, held in sorted(leases.items(), key=lambda i: stalls[i[0]].code):
            stall = stalls[stall_id]
            for lease in held:
                run.service(stall, lease)
            billed_to = holder(held, read_on.get(stall_id))
            if billed_to is not None and not posted(tx, billed_to.id, BillKind.UTILITY, first):
                if stall_id not in read_on:
                    run.skipped.append((stall.code, _("Belum ada angka meter bulan ini.")))
                    continue
                run.utility(
                    stall, billed_to, {k: used.get((stall_id, k.value), 0) for k in MeterKind}
                )
        # post_charge queued the rows for sync: one audit row about the first
        if run.written:
            detail = {"month": first.strftime("%Y-%m"), "charges": len(run.written)}
            tx.audit("foodcourt.bill_utilities", run.written[0][0], detail)
        return UtilityBilling(first, tuple(run.posted), tuple(run.skipped))


class _Run:
    """One month's billing: the settings, what it posted and what it skipped."""

    def __init__(self, tx: Transaction, first: date, last: date) -> None:
        self.tx, self.first, self.last = tx, first, last
        self.tariffs, self.per_m2, due_day = tariffs_in(tx.session)
        self.due_on = due_date(first, due_day)
        self.names: dict[str, str] = {}
        self.posted: list[BilledCharge] = []
        self.skipped: list[tuple[str, str]] = []
        self.written: list[tuple[SyncedMixin, str]] = []

    def service(self, stall: Stall, lease: Lease) -> None:
        start, end = max(self.first, lease.starts_on), min(self.last, lease.ends_on)
        amount = service_charge(stall.size_cm2, self.per_m2, (end - start).days + 1, self.last.day)
        if amount <= 0 or posted(self.tx, lease.id, BillKind.SERVICE, start):
            return
        text = N_("Biaya layanan {code}: {m2} m² × {rate} per bulan, {days} hari").format(
            code=stall.code,
            m2=size_m2_text(stall.size_cm2).replace(".", ","),
            rate=format_rupiah(self.per_m2),
            days=(end - start).days + 1,
        )
        what = N_("Biaya layanan {code} {month}").format(code=stall.code, month=self._month())
        self._post(stall, lease, BillKind.SERVICE, [LineInput(text, 1, amount)], start, end, what)

    def utility(self, stall: Stall, lease: Lease, used: dict[MeterKind, int]) -> None:
        lines = [ln for k in MeterKind for ln in meter_lines(k, used[k], self.tariffs[k])]
        if not lines:
            self.skipped.append((stall.code, _("Tidak ada pemakaian listrik atau air.")))
            return
        what = N_("Listrik dan air {code} {month}").format(code=stall.code, month=self._month())
        self._post(stall, lease, BillKind.UTILITY, lines, self.first, self.last, what)

    def _month(self) -> str:
        return self.first.strftime("%m/%Y")

    def _post(
        self,
        stall: Stall,
        lease: Lease,
        kind: BillKind,
        lines: list[LineInput],
        start: date,
        end: date,
        description: str,
    ) -> None:
        row = post_charge(
            self.tx,
            lease,
            kind,
            lines,
            period_start=start,
            period_end=end,
            due_on=self.due_on,
            description=description,
        )
        self.written.append((row, "insert"))
        charge = self.tx.session.get_one(Charge, row.charge_id)
        tenant = self.names.get(lease.tenant_id, "")
        self.posted.append(
            BilledCharge(stall.code, tenant, kind.value, charge.id, charge.total, row.due_on)
        )


def _month_use(
    session: Session, stall_ids: list[str], first: date, last: date
) -> tuple[dict[tuple[str, str], int], dict[str, date]]:
    """Each stall's consumption of the month by meter, and its latest reading day."""
    used: dict[tuple[str, str], int] = defaultdict(int)
    read_on: dict[str, date] = {}
    if not stall_ids:
        return used, read_on
    rows = session.execute(
        select(MeterReading.stall_id, MeterReading.kind, MeterReading.consumption,
               MeterReading.read_on)
        .where(MeterReading.stall_id.in_(stall_ids), MeterReading.deleted_at.is_(None),
               MeterReading.read_on >= first, MeterReading.read_on <= last)
    )  # fmt: skip
    for stall_id, kind, consumed, day in rows:
        used[(stall_id, kind)] += consumed
        read_on[stall_id] = max(day, read_on.get(stall_id, day))
    return used, read_on
