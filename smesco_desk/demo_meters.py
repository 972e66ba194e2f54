"""Demo data of the food court's meters: five months of power and water
readings of every stall in service, typed on the 25th of each month as the
tenant manager would type the grid, the utilities and service charge of the
older months billed on the 1st of the next month and paid by transfer (the
stall in arrears pays nothing), and last month's readings typed but not yet
billed. Called by demo_foodcourt.seed_foodcourt, after the leases.

Consumption follows the stall's size (a 12 m² kitchen draws about 800 kWh a
month, a 4 m² drinks stand about 250) and whether it was leased that month; an
empty stall's meter barely moves. One stall's power meter was replaced two
months ago (its old meter's final reading typed first).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from smesco_desk.domain.meters import MILLI, reading_text
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.foodcourt import StallStatus
from smesco_desk.values.meters import ReadingInput
from smesco_desk.values.payments import PaymentForm

MONTHS = 5  # of readings, the oldest the meters' base
REPLACED = "FC1-02"  # its power meter replaced two months ago
KWH_PER_M2 = 65  # a month's power per m² of a stall in use
WATER_PER_M2 = 2  # m³ a month per m² (a stall with water)


def seed_meters(
    core: Core,
    manager: Actor,
    rng: random.Random,
    today: date,
    at: Callable[[Core, date], None],
    arrears: str,
) -> int:
    """The readings and bills described above; returns how many readings."""
    states = [s for s in core.foodcourt.stall_states(today) if s.stall.in_service]
    level = {(s.stall.code, k): rng.randint(1_000, 20_000) * MILLI for s in states
             for k in ("power", "water")}  # fmt: skip
    count = 0
    for back in range(MONTHS, 0, -1):
        month = _months_back(today, back)
        at(core, month.replace(day=25))
        typed = []
        for state in states:
            typed += _month_rows(core, state, month, back, level, rng)
        count += len(core.foodcourt.record_readings(manager, month, typed, confirm=True))
        if back > 1 and back < MONTHS:
            at(core, _months_back(today, back - 1))
            billed = core.foodcourt.bill_utilities(manager, month)
            _pay(
                core, manager, [c.charge_id for c in billed.posted if c.stall_code != arrears], rng
            )
    return count


def _months_back(today: date, months: int) -> date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return date(year, month + 1, 1)


def _month_rows(
    core: Core,
    state: StallStatus,
    month: date,
    back: int,
    level: dict[tuple[str, str], int],
    rng: random.Random,
) -> list[ReadingInput]:
    code, size_m2 = state.stall.code, state.stall.size_cm2 / 10_000
    leased = _leased(core, code, month.replace(day=25))
    rows = []
    for kind, per_m2 in (("power", KWH_PER_M2), ("water", WATER_PER_M2)):
        if kind == "water" and not state.stall.water:
            continue
        use = (
            int(per_m2 * size_m2 * rng.uniform(0.8, 1.2) * MILLI)
            if leased
            else rng.randint(0, 3) * MILLI
        )
        if back < MONTHS:
            level[(code, kind)] += use // 100 * 100  # meters show tenths of a unit
        value = level[(code, kind)]
        day = month.replace(day=25)
        if code == REPLACED and kind == "power" and back == 2:
            rows.append(ReadingInput(code, kind, reading_text(value), day))
            level[(code, kind)] = 12 * MILLI  # the new meter
            rows.append(
                ReadingInput(code, kind, "12", day, replaced=True, meter_number="PLN-102-N1")
            )
            continue
        rows.append(ReadingInput(code, kind, reading_text(value), day))
    return rows


def _leased(core: Core, code: str, day: date) -> bool:
    return any(
        lease.starts_on <= day <= lease.ends_on and lease.status != "cancelled"
        for lease in core.foodcourt.leases(stall=code)
    )


def _pay(core: Core, manager: Actor, charge_ids: list[str], rng: random.Random) -> None:
    """The month's bills paid by transfer in one shift of the tenant manager."""
    if not charge_ids:
        return
    shift = core.payments.open_shift(manager, 0)
    for charge_id in charge_ids:
        reference = f"TRF-{rng.randint(10**7, 10**8 - 1)}"
        core.payments.pay(manager, charge_id, PaymentForm("transfer", None, reference))
    core.payments.close_shift(manager, shift.id, {}, "Listrik, air dan biaya layanan (transfer)")
