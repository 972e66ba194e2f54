"""Meter readings and utility bills on a real database: consumption within a
series, readings going backwards, replaced meters, ten-times jumps, a grid
written all or nothing, block tariffs, the service charge, billing repeated
safely, and the charges on the tenant (tenant_charges of kind utility and
service). The clock: 10 March 2026; FC2-07 (6,25 m²) leased by the month from
1 October 2025."""

from __future__ import annotations

from datetime import date

import pytest

from smesco_desk.errors import PermissionDenied, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.services.foodcourt import ReadingNeedsConfirmation
from smesco_desk.values.foodcourt import LeaseForm, LeaseRecord
from smesco_desk.values.meters import ReadingInput
from tests.core.helpers_core import rows, table_counts
from tests.core.helpers_foodcourt import stall_form, tenant_form

NOV, DEC, JAN, FEB, MAR = (date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1),
                           date(2026, 2, 1), date(2026, 3, 1))  # fmt: skip


@pytest.fixture
def leased(core: Core, admin: Actor, tenant_manager: Actor) -> LeaseRecord:
    core.foodcourt.save_stall(admin, stall_form())
    core.foodcourt.save_stall(admin, stall_form(code="FC2-08", size_m2="9"))
    tenant = core.foodcourt.save_tenant(tenant_manager, tenant_form())
    form = LeaseForm(tenant.id, "FC2-07", date(2025, 10, 1), date(2026, 9, 30))
    return core.foodcourt.lease(tenant_manager, form)


def read(
    core: Core, actor: Actor, month: date, power: str | None, water: str | None = None,
    *, stall: str = "FC2-07", replaced: bool = False, confirm: bool = False,
    day: int = 25,
) -> list[object]:  # fmt: skip
    on = month.replace(day=day) if month < MAR else None
    pairs = (("power", power), ("water", water))
    typed = [ReadingInput(stall, k, v, on, replaced) for k, v in pairs if v is not None]
    return list(core.foodcourt.record_readings(actor, month, typed, confirm=confirm))


def consumptions(core: Core, kind: str = "power") -> list[tuple[str, int, int]]:
    return [(r.read_on.isoformat(), r.value, r.consumption)
            for r in core.foodcourt.meter_readings("FC2-07") if r.kind == kind]  # fmt: skip


def test_consumption_is_this_reading_less_the_last(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    read(core, tenant_manager, NOV, "1000", "50")
    read(core, tenant_manager, DEC, "1150,5", "62.25")
    assert consumptions(core) == [("2025-11-25", 1_000_000, 0), ("2025-12-25", 1_150_500, 150_500)]
    assert consumptions(core, "water")[-1] == ("2025-12-25", 62_250, 12_250)
    made = core.foodcourt.meter_readings("FC2-07")[0]
    assert made.meter_number == "PLN-207-53117"  # the stall's power meter
    grid = {g.stall_code: g for g in core.foodcourt.readings_grid(JAN, floor=2)}
    cell = grid["FC2-07"].power
    assert (cell.last, cell.current, cell.consumption) == (1_150_500, None, None)
    assert grid["FC2-07"].tenant == "Soto Betawi Bang Ali" and grid["FC2-08"].tenant is None


def test_a_reading_going_backwards_asks_first_and_bills_nothing(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    read(core, tenant_manager, NOV, "1000")
    read(core, tenant_manager, DEC, "1100")
    before = table_counts(core)
    with pytest.raises(ReadingNeedsConfirmation) as asked:
        read(core, tenant_manager, JAN, "990")
    assert asked.value.rows == (("FC2-07", "power", "backwards"),)
    assert "FC2-07" in str(asked.value) and "lebih kecil" in str(asked.value)
    assert table_counts(core) == before
    made = read(core, tenant_manager, JAN, "990", confirm=True)
    assert len(made) == 1
    last = core.foodcourt.meter_readings("FC2-07")[-1]
    assert (last.consumption, last.anomaly, last.confirmed_by) == (0, "backwards", "pengelola")
    read(core, tenant_manager, FEB, "1090")  # counts on from the confirmed level
    assert consumptions(core)[-1] == ("2026-02-25", 1_090_000, 100_000)


def test_a_replaced_meter_starts_a_new_series(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    read(core, tenant_manager, NOV, "5000")
    read(core, tenant_manager, DEC, "5100")
    # January: the old meter's final reading, then the new meter from 3
    read(core, tenant_manager, JAN, "5180", day=20)
    read(core, tenant_manager, JAN, "3", replaced=True, day=20)
    read(core, tenant_manager, FEB, "123")
    assert [c for _d, _v, c in consumptions(core)] == [0, 100_000, 80_000, 0, 120_000]
    grid = {g.stall_code: g for g in core.foodcourt.readings_grid(JAN)}["FC2-07"].power
    assert (grid.current, grid.consumption, grid.replaced) == (3_000, 80_000, True)
    billed = core.foodcourt.bill_utilities(tenant_manager, JAN)
    utility = next(c for c in billed.posted if c.kind == "utility")
    assert utility.amount == 80 * 1444  # only what the old meter gave


def test_ten_times_the_usual_asks_for_confirmation(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    read(core, tenant_manager, NOV, "1000")
    read(core, tenant_manager, DEC, "2000")  # no usual yet: a big first month is fine
    read(core, tenant_manager, JAN, "2100")
    read(core, tenant_manager, FEB, "2220")
    # usual: median of 1000, 100, 120 = 120 kWh; 1200 is ten times, 1201 more
    with pytest.raises(ReadingNeedsConfirmation) as asked:
        read(core, tenant_manager, MAR, "3421")
    assert asked.value.rows == (("FC2-07", "power", "jump"),)
    assert read(core, tenant_manager, MAR, "3420")
    grid = {g.stall_code: g for g in core.foodcourt.readings_grid(MAR)}["FC2-07"].power
    assert (grid.usual, grid.consumption) == (120_000, 1_200_000)


def test_a_grid_is_written_all_or_nothing(
    core: Core, tenant_manager: Actor, receptionist: Actor, leased: LeaseRecord
) -> None:
    before = table_counts(core)
    typed = [
        ReadingInput("FC2-07", "power", "1000", date(2026, 2, 25)),
        ReadingInput("FC2-08", "power", "12,34567", date(2026, 2, 25)),
        ReadingInput("FC9-01", "water", "5", date(2026, 2, 25)),
        ReadingInput("FC2-07", "water", "5", date(2026, 3, 2)),
    ]
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.record_readings(tenant_manager, FEB, typed)
    assert set(refused.value.errors) == {"row:FC2-08:power", "row:FC9-01:water",
                                         "row:FC2-07:water"}  # fmt: skip
    assert table_counts(core) == before
    with pytest.raises(PermissionDenied):
        core.foodcourt.record_readings(receptionist, FEB, typed[:1])
    with pytest.raises(PermissionDenied):
        core.foodcourt.bill_utilities(receptionist, FEB)


def test_a_month_is_billed_once_with_block_tariffs_and_the_service_charge(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    read(core, tenant_manager, JAN, "1000", "40")
    read(core, tenant_manager, FEB, "1150", "52,5")
    billed = core.foodcourt.bill_utilities(tenant_manager, FEB)
    amounts = {c.kind: c.amount for c in billed.posted}
    power = 100 * 1444 + 50 * 1699
    water = 10 * 7450 + 31_375  # 12,5 m³
    assert amounts == {"utility": power + water, "service": 156_250}
    assert billed.skipped == ()
    assert {c.due_on for c in billed.posted} == {date(2026, 3, 10)}
    charged = rows(core, "SELECT kind, period_start, period_end, due_on FROM tenant_charges "
                         "WHERE kind != 'deposit' ORDER BY kind")  # fmt: skip
    assert [tuple(r) for r in charged] == [
        ("service", "2026-02-01", "2026-02-28", "2026-03-10"),
        ("utility", "2026-02-01", "2026-02-28", "2026-03-10"),
    ]
    lines = rows(core, "SELECT l.description, l.quantity, l.unit_price FROM charge_lines l "
                       "JOIN tenant_charges t ON t.charge_id = l.charge_id "
                       "WHERE t.kind = 'utility' ORDER BY l.line_no")  # fmt: skip
    assert [tuple(x)[1:] for x in lines] == [(100, 1444), (50, 1699), (10, 7450), (1, 31_375)]
    assert "2,5 m³" in lines[-1][0]
    # the tenant owes them beside the deposit
    tenant = core.foodcourt.tenant(leased.tenant_id)
    assert tenant.balance == leased.deposit + power + water + 156_250
    # a second run posts nothing, and the month's readings are closed
    assert core.foodcourt.bill_utilities(tenant_manager, FEB).posted == ()
    with pytest.raises(ValidationError) as closed:
        read(core, tenant_manager, FEB, "1160")
    assert "sudah ditagih" in closed.value.errors["row:FC2-07:power"]


def test_a_stall_without_readings_is_skipped_until_they_are_typed(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    billed = core.foodcourt.bill_utilities(tenant_manager, FEB)
    assert [c.kind for c in billed.posted] == ["service"]
    assert [code for code, _why in billed.skipped] == ["FC2-07"]
    read(core, tenant_manager, JAN, "1000")
    read(core, tenant_manager, FEB, "1010")
    again = core.foodcourt.bill_utilities(tenant_manager, FEB)
    assert [(c.kind, c.amount) for c in again.posted] == [("utility", 10 * 1444)]


def test_the_service_charge_counts_the_days_of_a_lease_begun_in_the_month(
    core: Core, admin: Actor, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    tenant = core.foodcourt.save_tenant(tenant_manager, tenant_form(name="Bakso Cak Man", nib=""))
    core.foodcourt.lease(tenant_manager, LeaseForm(tenant.id, "FC2-08", date(2026, 2, 15),
                                                   date(2026, 8, 14)))  # fmt: skip
    core.settings.set(admin, "foodcourt_service_charge_m2", 28_000)
    billed = core.foodcourt.bill_utilities(tenant_manager, FEB)
    service = {c.stall_code: c.amount for c in billed.posted if c.kind == "service"}
    assert service == {"FC2-07": 175_000, "FC2-08": 9 * 28_000 * 14 // 28}


def test_tariffs_are_an_administrators_settings(
    core: Core, admin: Actor, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    core.settings.set(admin, "foodcourt_power_tariff", "50:1000, 2000")
    assert core.foodcourt.utility_tariffs().power == ((50, 1000), (None, 2000))
    with pytest.raises(ValidationError) as refused:
        core.settings.set(admin, "foodcourt_water_tariff", "10:5000")
    assert "foodcourt_water_tariff" in refused.value.errors
    with pytest.raises(PermissionDenied):
        core.settings.set(tenant_manager, "foodcourt_power_tariff", "1500")
    read(core, tenant_manager, JAN, "0")
    read(core, tenant_manager, FEB, "60")
    billed = core.foodcourt.bill_utilities(tenant_manager, FEB)
    assert {c.kind: c.amount for c in billed.posted}["utility"] == 50 * 1000 + 10 * 2000
    with pytest.raises(ValidationError):
        core.foodcourt.bill_utilities(tenant_manager, date(2026, 4, 1))
