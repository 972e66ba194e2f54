"""The food court's meter readings: typed monthly into a grid of stalls, one
transaction for the whole grid (all or nothing), and the grid itself.

`record_readings(month, rows)` checks every row first: the stall, the meter,
the value (smesco_desk.domain.meters), the day (in the month, not after
today), that no later reading of that meter exists and that the stall's
utilities of that month are not billed yet. What is wrong goes into one
ValidationError keyed `row:<stall>:<meter>` (`row:FC2-07:power`) and nothing
is written. Then the anomalies: a reading that goes backwards or jumps past
ten times the usual raises ReadingNeedsConfirmation naming every such row,
unless `confirm` is given (then who confirmed is kept with the reading).

A row for a meter that already has a reading of the same kind (new meter or
not) in the month corrects it, while it is the latest of its meter and the
month is not billed; otherwise it adds one. A reading marked `replaced` is a
new meter's first: it starts a new series and consumes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.clock import wib_today
from smesco_desk.db.models import Lease, MeterReading, Stall, SyncedMixin
from smesco_desk.domain.foodcourt import FLOORS, parse_stall_code, stall_code
from smesco_desk.domain.meters import (
    ANOMALY_LABELS,
    METER_LABELS,
    Anomaly,
    MeterKind,
    anomaly,
    consumption,
    parse_reading,
    usual_consumption,
)
from smesco_desk.domain.text import text_errors
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.foodcourt.mapping import tenant_names
from smesco_desk.services.foodcourt.stalls import stall_by_code
from smesco_desk.services.foodcourt.utilities import (
    billed_stalls,
    holder,
    month_bounds,
    month_leases,
)
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.meters import GridRow, MeterCell, ReadingInput, ReadingRecord

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

MAX_ROWS = 500


class ReadingNeedsConfirmation(DomainError):
    """Readings that go backwards or jump: nothing was written; record them
    again with `confirm=True` once a person has checked them. `rows` holds
    (stall code, meter kind, Anomaly value) for each."""

    def __init__(self, rows: Sequence[tuple[str, str, str]]) -> None:
        self.rows = tuple(rows)
        parts = [
            _("{stall} {meter}: {why}").format(
                stall=code,
                meter=_(METER_LABELS[MeterKind(kind)]),
                why=_(ANOMALY_LABELS[Anomaly(why)]),
            )
            for code, kind, why in self.rows
        ]
        super().__init__(_("Periksa lagi angka meter ini: {rows}.").format(rows="; ".join(parts)))


@dataclass
class _Plan:
    """A checked row: what to write."""

    stall: Stall
    kind: str
    value: int
    read_on: date
    replaced: bool
    meter_number: str
    consumption: int
    anomaly: Anomaly | None
    old: MeterReading | None


def _order(r: MeterReading) -> tuple[date, bool, object]:
    """A meter's readings in order: by day, a new meter's first after the old one's last."""
    return (r.read_on, r.replaced, r.created_at)


def series_rows(
    session: Session, stall_ids: Sequence[str], until: date
) -> dict[tuple[str, str], list[MeterReading]]:
    """The live readings up to `until` of each stall's meters, in order."""
    found: dict[tuple[str, str], list[MeterReading]] = defaultdict(list)
    if not stall_ids:
        return found
    query = select(MeterReading).where(
        MeterReading.stall_id.in_(list(stall_ids)),
        MeterReading.deleted_at.is_(None),
        MeterReading.read_on <= until,
    )
    for row in sorted(session.scalars(query), key=_order):
        found[(row.stall_id, row.kind)].append(row)
    return found


def history(rows: Sequence[MeterReading]) -> list[int]:
    """The monthly consumptions of a meter's readings (series' bases and
    confirmed backwards readings left out), oldest first."""
    return [
        r.consumption
        for i, r in enumerate(rows)
        if i > 0 and not r.replaced and r.anomaly != Anomaly.BACKWARDS.value
    ]


def record_readings(
    core: Core, actor: Actor, month: date, rows: Sequence[ReadingInput], confirm: bool = False
) -> list[ReadingRecord]:
    """Record a grid of readings for `month` (any day of it): all or nothing."""
    require(actor, Permission.MANAGE_LEASES)
    first, last = month_bounds(month)
    if not isinstance(rows, list | tuple) or not rows:
        raise ValidationError({"rows": _("Belum ada angka meter yang diisi.")})
    if len(rows) > MAX_ROWS:
        raise ValidationError({"rows": _("Paling banyak {n} baris.").format(n=MAX_ROWS)})
    with Transaction.begin(core, actor) as tx:
        plans = _check(tx.session, rows, first, last, wib_today(tx.now))
        asks = [(p.stall.code, p.kind, p.anomaly.value) for p in plans if p.anomaly]
        if asks and confirm is not True:
            raise ReadingNeedsConfirmation(asks)
        written = [_write(tx, plan, actor) for plan in plans]
        changed: list[tuple[SyncedMixin, str]] = list(written)
        tx.record(
            "meter.readings", changed, {"month": first.strftime("%Y-%m"), "rows": len(written)}
        )
        codes = {p.stall.id: p.stall.code for p in plans}
        return [_record(row, codes[row.stall_id]) for row, _op in written]


def _check(
    session: Session, rows: Sequence[ReadingInput], first: date, last: date, today: date
) -> list[_Plan]:
    errors: dict[str, str] = {}
    typed: list[tuple[str, Stall, ReadingInput, int, date]] = []
    seen: set[tuple[str, str, bool]] = set()
    for row in rows:
        key, found = _row(session, row, first, last, today)
        if isinstance(found, str):
            errors.setdefault(key, found)
            continue
        stall, value, read_on = found
        if (stall.id, row.kind, row.replaced) in seen:
            errors.setdefault(key, _("Baris ini diisi dua kali."))
            continue
        seen.add((stall.id, row.kind, row.replaced))
        typed.append((key, stall, row, value, read_on))
    stall_ids = list({t[1].id for t in typed})
    billed = billed_stalls(session, stall_ids, first)
    series = series_rows(session, stall_ids, date.max)
    plans = []
    for key, stall, row, value, read_on in typed:
        if stall.id in billed:
            errors.setdefault(key, _("Listrik dan air bulan ini sudah ditagih."))
            continue
        plan = _plan(series[(stall.id, row.kind)], stall, row, value, read_on, first, last)
        if isinstance(plan, str):
            errors.setdefault(key, plan)
        else:
            plans.append(plan)
    if errors:
        raise ValidationError(errors)
    return plans


def _row(
    session: Session, row: object, first: date, last: date, today: date
) -> tuple[str, tuple[Stall, int, date] | str]:
    """The row's key and its stall, value and day; or the key and what is wrong."""
    if not isinstance(row, ReadingInput):
        return "rows", _("Baris tidak dikenal.")
    code = row.stall if isinstance(row.stall, str) and not text_errors({"s": row.stall}) else ""
    try:
        code = stall_code(*parse_stall_code(code))
    except ValueError:
        code = code.strip()[:20]
    kind = row.kind if row.kind in {k.value for k in MeterKind} else ""
    key = f"row:{code or '-'}:{kind or '-'}"
    if not kind:
        return key, _("Meter listrik atau air.")
    if text_errors({"meter": row.meter_number}) or len(row.meter_number.strip()) > 32:
        return key, _("Nomor meter paling banyak 32 karakter yang terlihat.")
    if not isinstance(row.replaced, bool):
        return key, _("Meter baru: ya atau tidak.")
    try:
        value = parse_reading(row.value)
    except ValueError as exc:
        return key, str(exc)
    read_on = row.read_on if row.read_on is not None else min(today, last)
    if not isinstance(read_on, date) or hasattr(read_on, "hour"):
        return key, _("Tanggal baca tidak dikenal.")
    if not first <= read_on <= last:
        return key, _("Tanggal baca harus di bulan yang dipilih.")
    if read_on > today:
        return key, _("Tanggal baca belum lewat.")
    stall = session.scalar(select(Stall).where(Stall.code == code, Stall.deleted_at.is_(None)))
    if stall is None:
        return key, _("Stan {code} tidak ditemukan.").format(code=code or "-")
    return key, (stall, value, read_on)


def _plan(
    rows: list[MeterReading],
    stall: Stall,
    typed: ReadingInput,
    value: int,
    read_on: date,
    first: date,
    last: date,
) -> _Plan | str:
    """What to write for one checked row, or why it cannot be written."""
    old = next(
        (r for r in rows if first <= r.read_on <= last and r.replaced == typed.replaced), None
    )
    others = [r for r in rows if r is not old]
    new_key = (read_on, typed.replaced)
    later = [r for r in others if (r.read_on, r.replaced) > new_key]
    if later:
        day = later[-1].read_on.strftime("%d/%m/%Y")
        return _("Sudah ada pembacaan yang lebih baru ({day}).").format(day=day)
    previous = others[-1] if others else None
    usual = usual_consumption(history(others))
    last_value = None if previous is None else previous.value
    number = typed.meter_number.strip()
    if not number and previous is not None and not typed.replaced:
        number = previous.meter_number
    if not number and typed.kind == MeterKind.POWER.value and not typed.replaced:
        number = stall.power_meter
    return _Plan(
        stall=stall,
        kind=typed.kind,
        value=value,
        read_on=read_on,
        replaced=typed.replaced,
        meter_number=number[:32],
        consumption=consumption(value, last_value, typed.replaced),
        anomaly=anomaly(value, last_value, typed.replaced, usual),
        old=old,
    )


def _write(tx: Transaction, plan: _Plan, actor: Actor) -> tuple[MeterReading, str]:
    row = plan.old if plan.old is not None else MeterReading(stall_id=plan.stall.id, kind=plan.kind)
    row.read_on, row.value, row.replaced = plan.read_on, plan.value, plan.replaced
    row.meter_number, row.consumption = plan.meter_number, plan.consumption
    row.anomaly = "" if plan.anomaly is None else plan.anomaly.value
    row.confirmed_by = "" if plan.anomaly is None else actor.username[:64]
    if plan.old is None:
        return tx.insert(row), "insert"
    return tx.update(row), "update"


def _record(row: MeterReading, code: str) -> ReadingRecord:
    return ReadingRecord(
        id=row.id,
        stall_code=code,
        kind=row.kind,
        meter_number=row.meter_number,
        read_on=row.read_on,
        value=row.value,
        consumption=row.consumption,
        replaced=row.replaced,
        anomaly=row.anomaly,
        confirmed_by=row.confirmed_by,
    )


# --- reading ----------------------------------------------------------------------------


def _stalls(session: Session, floor: int | None) -> list[Stall]:
    query = select(Stall).where(Stall.deleted_at.is_(None))
    if floor is not None:
        if not isinstance(floor, int) or isinstance(floor, bool) or floor not in FLOORS:
            return []
        query = query.where(Stall.floor == floor)
    return list(session.scalars(query.order_by(Stall.floor, Stall.number)))


def readings_grid(core: Core, month: date, floor: int | None = None) -> list[GridRow]:
    """Each stall in service (on `floor`, or all) with its meters in the month:
    the last reading before it, the month's (if typed), its consumption, the
    usual; the tenant holding it that month; whether it is billed."""
    first, last = month_bounds(month)
    with core.db.read() as session:
        stalls = [s for s in _stalls(session, floor) if s.in_service]
        ids = [s.id for s in stalls]
        series = series_rows(session, ids, last)
        leases: dict[str, list[Lease]] = defaultdict(list)
        for lease in month_leases(session, ids, first, last):
            leases[lease.stall_id].append(lease)
        names = tenant_names(session, (x.tenant_id for ls in leases.values() for x in ls))
        billed = billed_stalls(session, ids, first)
        out = []
        for stall in stalls:
            cells = {k: _cell(series[(stall.id, k.value)], first) for k in MeterKind}
            held = holder(leases[stall.id], last)
            tenant = None if held is None else names.get(held.tenant_id)
            out.append(
                GridRow(
                    stall.code, stall.floor, tenant, cells[MeterKind.POWER],
                    cells[MeterKind.WATER], stall.id in billed,
                )
            )  # fmt: skip
        return out


def _cell(rows: list[MeterReading], first: date) -> MeterCell:
    before = [r for r in rows if r.read_on < first]
    month = [r for r in rows if r.read_on >= first]
    previous = before[-1] if before else None
    current = month[-1] if month else None
    return MeterCell(
        last=None if previous is None else previous.value,
        last_on=None if previous is None else previous.read_on,
        current=None if current is None else current.value,
        current_on=None if current is None else current.read_on,
        consumption=sum(r.consumption for r in month) if month else None,
        usual=usual_consumption(history(before)),
        replaced=any(r.replaced for r in month),
    )


def readings(
    core: Core, stall: str | None = None, month: date | None = None
) -> list[ReadingRecord]:
    """The readings of a stall (by its code), of a month, or all; by stall, meter, day."""
    with core.db.read() as session:
        query = select(MeterReading, Stall.code).join(Stall, Stall.id == MeterReading.stall_id)
        query = query.where(MeterReading.deleted_at.is_(None))
        if stall is not None:
            query = query.where(MeterReading.stall_id == stall_by_code(session, stall).id)
        if month is not None:
            first, last = month_bounds(month)
            query = query.where(MeterReading.read_on >= first, MeterReading.read_on <= last)
        found = session.execute(query).all()
        ordered = sorted(found, key=lambda rc: (rc[1], rc[0].kind, _order(rc[0])))
        return [_record(row, code) for row, code in ordered]
