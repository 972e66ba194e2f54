"""Tenants' turnover on a real database: the grid saved all or nothing, one row
per tenant and day, turnover rent after the month closes on both sides of the
breakpoint (posted once), the monthly report and its PDF and XLSX. The clock:
10 March 2026; the rent schedule's charges are posted here as it posts them
(billing.post_charge, kind RENT)."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from smesco_desk.db.models import Lease
from smesco_desk.domain.charges import LineInput
from smesco_desk.domain.foodcourt import BillKind
from smesco_desk.domain.spreadsheet import read_table
from smesco_desk.domain.turnover import cell_key, entry_id
from smesco_desk.errors import PermissionDenied, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.services.foodcourt.billing import post_charge
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.foodcourt import LeaseForm, LeaseRecord
from smesco_desk.values.turnover import TurnoverCell
from tests.core.helpers_core import rows, table_counts
from tests.core.helpers_foodcourt import stall_form, tenant_form

FEB = date(2026, 2, 1)
MAR = date(2026, 3, 1)


@pytest.fixture
def leased(core: Core, admin: Actor, tenant_manager: Actor) -> LeaseRecord:
    """FC2-07 (Rp3.000.000 a month) leased from 1 February 2026 with 10 % turnover rent."""
    core.foodcourt.save_stall(admin, stall_form())
    tenant = core.foodcourt.save_tenant(tenant_manager, tenant_form())
    form = LeaseForm(tenant.id, "FC2-07", FEB, date(2027, 1, 31), turnover_rate_bp=1_000)
    return core.foodcourt.lease(tenant_manager, form)


def charge_rent(core: Core, actor: Actor, lease_id: str, first: date, last: date, net: int) -> None:
    """What the rent schedule posts for a period of a lease."""
    with Transaction.begin(core, actor) as tx:
        lease = tx.session.get_one(Lease, lease_id)
        lines = (LineInput("Sewa", 1, net),)
        bill = post_charge(tx, lease, BillKind.RENT, lines, period_start=first, period_end=last,
                           due_on=first, description="Sewa")  # fmt: skip
        tx.record("rent.post", [(bill, "insert")])


def february(tenant_id: str, amount: int) -> list[TurnoverCell]:
    return [TurnoverCell(tenant_id, FEB + timedelta(days=n), amount) for n in range(28)]


def test_above_the_breakpoint_the_difference_is_charged_once(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    saved = core.foodcourt.record_turnover(tenant_manager, february(leased.tenant_id, 1_250_000))
    assert (saved.written, saved.cleared) == (28, 0)
    charge_rent(core, tenant_manager, leased.id, FEB, date(2026, 2, 28), 3_000_000)
    posting = core.foodcourt.post_turnover_rent(tenant_manager, FEB)
    (line,) = posting.leases
    # 10 % of Rp35.000.000 is Rp3.500.000: Rp500.000 above the base rent
    assert (line.turnover, line.base_rent, line.rent, line.state) == (
        35_000_000, 3_000_000, 500_000, "posted")  # fmt: skip
    assert posting.posted_now == 1 and posting.total == 500_000
    (bill,) = rows(core, "SELECT kind, period_start, period_end, due_on, charge_id "
                         "FROM tenant_charges WHERE kind = 'turnover'")  # fmt: skip
    assert bill[:4] == ("turnover", "2026-02-01", "2026-02-28", "2026-03-10")
    (charge,) = rows(core, f"SELECT subtotal, status, source FROM charges WHERE id = '{bill[4]}'")
    assert charge == (500_000, "open", f"lease:{leased.id}")
    before = table_counts(core)
    again = core.foodcourt.post_turnover_rent(tenant_manager, FEB)
    assert again.posted_now == 0 and again.leases[0].charge_id == bill[4]
    assert table_counts(core) == before  # idempotent: nothing more written


def test_at_or_below_the_breakpoint_nothing_is_charged(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    # 10 % of 28 x Rp1.071.428 = Rp2.999.998 (rounded): under the base rent
    core.foodcourt.record_turnover(tenant_manager, february(leased.tenant_id, 1_071_428))
    charge_rent(core, tenant_manager, leased.id, FEB, date(2026, 2, 28), 3_000_000)
    posting = core.foodcourt.post_turnover_rent(tenant_manager, FEB)
    assert [(x.rent, x.state) for x in posting.leases] == [(0, "below")]
    assert rows(core, "SELECT count(*) FROM tenant_charges WHERE kind = 'turnover'") == [(0,)]


def test_base_rent_is_the_share_of_each_rent_period_in_the_month(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    """Rent charged 15 January to 14 February counts 14/31 in February."""
    core.foodcourt.record_turnover(tenant_manager, february(leased.tenant_id, 1_250_000))
    charge_rent(core, tenant_manager, leased.id, date(2026, 1, 15), date(2026, 2, 14), 3_100_000)
    charge_rent(core, tenant_manager, leased.id, date(2026, 2, 15), date(2026, 3, 14), 2_800_000)
    (line,) = core.foodcourt.post_turnover_rent(tenant_manager, FEB).leases
    base = 3_100_000 * 14 // 31 + 2_800_000 * 14 // 28  # 1.400.000 + 1.400.000
    assert line.base_rent == base and line.rent == 3_500_000 - base


def test_a_month_not_over_is_refused_and_writes_nothing(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    before = table_counts(core)
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.post_turnover_rent(tenant_manager, date(2026, 3, 9))
    assert set(refused.value.errors) == {"month"}
    assert table_counts(core) == before


def test_a_month_the_rent_schedule_has_not_charged_waits(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    core.foodcourt.record_turnover(tenant_manager, february(leased.tenant_id, 2_000_000))
    waiting = core.foodcourt.post_turnover_rent(tenant_manager, FEB)
    assert [(x.state, x.rent) for x in waiting.leases] == [("waiting", 0)]
    assert waiting.posted_now == 0
    charge_rent(core, tenant_manager, leased.id, FEB, date(2026, 2, 28), 3_000_000)
    later = core.foodcourt.post_turnover_rent(tenant_manager, FEB)
    assert later.posted_now == 1 and later.total == 2_600_000


def test_the_grid_is_saved_all_or_nothing_with_errors_at_the_cells(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    tenant = leased.tenant_id
    cells = [
        TurnoverCell(tenant, date(2026, 3, 2), 1_500_000),
        TurnoverCell(tenant, date(2026, 3, 3), -5),
        TurnoverCell(tenant, date(2026, 3, 4), 5_000_000_000),
        TurnoverCell(tenant, date(2026, 3, 11), 100),  # tomorrow
        TurnoverCell(tenant, date(2026, 1, 31), 100),  # before the lease
    ]
    before = table_counts(core)
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.record_turnover(tenant_manager, cells)
    assert set(refused.value.errors) == {
        cell_key(tenant, date(2026, 3, 3)),
        cell_key(tenant, date(2026, 3, 4)),
        cell_key(tenant, date(2026, 3, 11)),
    }
    assert table_counts(core) == before
    with pytest.raises(ValidationError) as refused:  # then the one with no lease that day
        core.foodcourt.record_turnover(tenant_manager, [cells[0], cells[4]])
    assert set(refused.value.errors) == {cell_key(tenant, date(2026, 1, 31))}
    assert "menyewa" in refused.value.errors[cell_key(tenant, date(2026, 1, 31))]
    assert table_counts(core) == before


def test_one_row_per_tenant_and_day_edited_cleared_and_typed_again(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    tenant, day = leased.tenant_id, date(2026, 3, 2)
    record = core.foodcourt.record_turnover
    record(tenant_manager, [TurnoverCell(tenant, day, 1_000_000)])
    assert record(tenant_manager, [TurnoverCell(tenant, day, 1_000_000)]).unchanged == 1
    record(tenant_manager, [TurnoverCell(tenant, day, 1_200_000)])
    assert record(tenant_manager, [TurnoverCell(tenant, day, None)]).cleared == 1
    grid = core.foodcourt.turnover_grid(day, 1)
    assert grid.rows[0].amounts == (None,)
    record(tenant_manager, [TurnoverCell(tenant, day, 900_000)])
    (row,) = rows(core, "SELECT id, amount, version, deleted_at FROM turnover_entries")
    assert row == (entry_id(tenant, day), 900_000, 4, None)  # the same row, every desk alike


def test_the_grid_shows_tenants_by_days_and_filters_by_floor(
    core: Core, admin: Actor, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    core.foodcourt.save_stall(admin, stall_form(code="FC1-03", plan_x=30))
    other = core.foodcourt.save_tenant(tenant_manager, tenant_form(name="Bakso Cak Man"))
    core.foodcourt.lease(tenant_manager, LeaseForm(other.id, "FC1-03", date(2026, 3, 5),
                                                   date(2026, 3, 31), "day"))  # fmt: skip
    core.foodcourt.record_turnover(tenant_manager, [
        TurnoverCell(leased.tenant_id, date(2026, 3, 2), 1_000_000),
        TurnoverCell(other.id, date(2026, 3, 6), 400_000),
        TurnoverCell(other.id, date(2026, 3, 7), 600_000),
    ])  # fmt: skip
    grid = core.foodcourt.turnover_grid(date(2026, 3, 2), 7)
    assert [(r.tenant, r.stalls, r.floor) for r in grid.rows] == [
        ("Bakso Cak Man", "FC1-03", 1), ("Soto Betawi Bang Ali", "FC2-07", 2)]  # fmt: skip
    bakso = grid.rows[0]
    assert bakso.leased == (False, False, False, True, True, True, True)
    assert bakso.amounts == (None, None, None, None, 400_000, 600_000, None)
    assert bakso.total == 1_000_000 and grid.day_total(0) == 1_000_000 and grid.total == 2_000_000
    assert [r.tenant for r in core.foodcourt.turnover_grid(date(2026, 3, 2), 7, 2).rows] == [
        "Soto Betawi Bang Ali"]  # fmt: skip


def test_only_the_tenant_managers_enter_turnover(
    core: Core, receptionist: Actor, leased: LeaseRecord
) -> None:
    with pytest.raises(PermissionDenied):
        core.foodcourt.record_turnover(receptionist, february(leased.tenant_id, 1))
    with pytest.raises(PermissionDenied):
        core.foodcourt.post_turnover_rent(receptionist, FEB)
    with pytest.raises(PermissionDenied):
        core.foodcourt.set_turnover_terms(receptionist, leased.id, 500)


def test_a_charged_month_keeps_its_turnover(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    core.foodcourt.record_turnover(tenant_manager, february(leased.tenant_id, 1_250_000))
    charge_rent(core, tenant_manager, leased.id, FEB, date(2026, 2, 28), 3_000_000)
    core.foodcourt.post_turnover_rent(tenant_manager, FEB)
    late = TurnoverCell(leased.tenant_id, date(2026, 2, 10), 9_000_000)
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.record_turnover(tenant_manager, [late])
    assert "sudah ditagih" in refused.value.errors[cell_key(leased.tenant_id, late.day)]


def test_turnover_terms_are_set_when_leasing_and_changed_later(
    core: Core, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    assert leased.turnover_rate_bp == 1_000 and leased.to_json()["turnover_rate_bp"] == 1_000
    changed = core.foodcourt.set_turnover_terms(tenant_manager, leased.id, 750)
    assert changed.turnover_rate_bp == 750
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.set_turnover_terms(tenant_manager, leased.id, 9_000)
    assert set(refused.value.errors) == {"turnover_rate_bp"}


def test_the_report_adds_up_per_floor_and_tenant_in_pdf_and_xlsx(
    core: Core, admin: Actor, tenant_manager: Actor, leased: LeaseRecord
) -> None:
    core.foodcourt.save_stall(admin, stall_form(code="FC1-03", plan_x=30))
    other = core.foodcourt.save_tenant(tenant_manager, tenant_form(name="Bakso Cak Man"))
    core.foodcourt.lease(tenant_manager, LeaseForm(other.id, "FC1-03", FEB, date(2026, 12, 31)))
    core.foodcourt.record_turnover(tenant_manager, february(leased.tenant_id, 1_250_000))
    core.foodcourt.record_turnover(tenant_manager, [
        TurnoverCell(other.id, date(2026, 2, 2), 400_000),
        TurnoverCell(other.id, date(2026, 2, 3), 500_001),
    ])  # fmt: skip
    charge_rent(core, tenant_manager, leased.id, FEB, date(2026, 2, 28), 3_000_000)
    report = core.foodcourt.turnover_report(FEB)
    assert report.closed and [f.floor for f in report.floors] == [1, 2]
    (bakso,) = report.floors[0].tenants
    assert (bakso.total, bakso.days_entered, bakso.average, bakso.rent) == (900_001, 2, 450_001, 0)
    (soto,) = report.floors[1].tenants
    assert (soto.total, soto.days_entered, soto.average, soto.rent, soto.state) == (
        35_000_000, 28, 1_250_000, 500_000, "due")  # fmt: skip
    assert (report.total, report.days_entered, report.rent) == (35_900_001, 30, 500_000)
    data = report.to_json()
    assert data["month"] == "2026-02"
    assert data["floors"][1]["tenants"][0]["turnover_rent"] == 500_000

    pdf = core.foodcourt.turnover_report_pdf(FEB)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Bakso Cak Man" in text and "Rp35.900.001" in text and "Februari 2026" in text

    xlsx = core.foodcourt.turnover_report_xlsx(FEB)
    sheet = load_workbook(io.BytesIO(xlsx)).active
    values = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    assert values[2][:5] == ("Lantai", "Tenan", "Stan", "Hari diisi", "Omzet")
    assert values[3][:6] == (1, "Bakso Cak Man", "FC1-03", 2, 900_001, 450_001)
    assert values[-1][1:5] == ("Total food court", None, 30, 35_900_001)
    assert values[-1][7] == 500_000
    table = read_table(xlsx, "omzet.xlsx")  # the project's own reader reads it back
    assert ["2", "Soto Betawi Bang Ali", "FC2-07", "28", "35000000"] in [c[:5] for _, c in table]
