"""Settings › Stan pujasera: the administrator's stall catalogue, on real services."""

from __future__ import annotations

import pytest

from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.foodcourt import StallForm
from tests.ui.helpers_ui import make_actor
from ui.context import AppContext
from ui.pages.settings.panel import SettingsPanel
from ui.pages.settings.stalls import StallsPage


def make(qtbot, widget):
    qtbot.addWidget(widget)
    return widget


def cells(page: StallsPage, code: str) -> list[str]:
    codes = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    row = codes.index(code)
    return [page.model.index(row, c).data() for c in range(page.model.columnCount())]


def test_an_administrator_adds_a_stall(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, StallsPage(ctx))
    page.load()
    assert page.model.rowCount() == 0
    assert page.charge_kind_combo.currentData() == "stall_rent"
    page.new_stall()
    page.code_edit.setText("fc2-7")
    page.size_edit.setText("6,25")
    page.x_spin.setValue(4)
    page.y_spin.setValue(1)
    page.w_spin.setValue(3)
    page.h_spin.setValue(2)
    page.water_check.setChecked(True)
    page.meter_edit.setText("5123 4567 890")
    page.rate_day_edit.setText("75000")
    page.rate_day_edit.textEdited.emit("75000")
    page.rate_month_edit.set_value(1_500_000)
    page.deposit_edit.set_value(3_000_000)
    page.notes_edit.setText("Dekat tangga")
    page.save_stall_button.click()

    assert page.errors[""].isHidden() and page.errors["code"].isHidden()
    (stall,) = ctx.core.foodcourt.stalls()
    assert (stall.code, stall.floor, stall.number, stall.size_cm2) == ("FC2-07", 2, 7, 62_500)
    assert (stall.plan_x, stall.plan_y, stall.plan_w, stall.plan_h) == (4, 1, 3, 2)
    assert (stall.water, stall.gas, stall.power, stall.power_meter) == (
        True, False, True, "5123 4567 890")
    assert (stall.rate_day, stall.rate_week, stall.rate_month, stall.deposit) == (
        75_000, 0, 1_500_000, 3_000_000)
    assert (stall.kind_code, stall.in_service, stall.notes) == ("stall_rent", True, "Dekat tangga")
    # the list shows it, and the form the stored code (read-only now)
    assert cells(page, "FC2-07") == ["FC2-07", "2", "6,25", "75.000 / — / 1.500.000",
                                     "3.000.000", "Ya"]
    assert page.code_edit.text() == "FC2-07" and page.code_edit.isReadOnly()


def test_an_administrator_changes_a_stalls_rates(qtbot, ctx: AppContext, admin: Actor) -> None:
    ctx.core.foodcourt.save_stall(admin, StallForm(code="FC1-03", size_m2="9", rate_day=100_000,
                                                   rate_month=2_000_000, gas=True))
    ctx.core.foodcourt.save_stall(admin, StallForm(code="FC1-04", size_m2="4,5"))
    page = make(qtbot, StallsPage(ctx))
    page.load()
    page.table.selectRow(0)
    assert page.code_edit.text() == "FC1-03" and page.code_edit.isReadOnly()
    assert page.size_edit.text() == "9" and page.gas_check.isChecked()
    assert page.rate_day_edit.text() == "Rp100.000" and page.rate_week_edit.text() == ""
    page.rate_week_edit.set_value(600_000)
    page.rate_month_edit.set_value(2_250_000)
    page.in_service_check.setChecked(False)
    page.save_stall_button.click()

    changed = {s.code: s for s in ctx.core.foodcourt.stalls()}
    assert len(changed) == 2
    three = changed["FC1-03"]
    assert (three.rate_day, three.rate_week, three.rate_month) == (100_000, 600_000, 2_250_000)
    assert three.gas and not three.in_service and three.size_cm2 == 90_000
    assert cells(page, "FC1-03")[3:] == ["100.000 / 600.000 / 2.250.000", "—", "Tidak"]
    assert changed["FC1-04"].size_cm2 == 45_000


@pytest.mark.parametrize(("code", "size", "field", "message"), [
    ("FC5-01", "6,25", "code", "Lantai 1 sampai 3."),
    ("kios 7", "6,25", "code", "Kode stan seperti FC2-07"),
    ("FC2-08", "enam", "size_m2", "Luas dalam m²"),
    ("FC2-08", "0", "size_m2", "Luas lebih dari 0"),
])
def test_a_bad_code_or_size_is_refused_at_its_field(qtbot, ctx: AppContext, code: str, size: str,
                                                     field: str, message: str) -> None:
    page = make(qtbot, StallsPage(ctx))
    page.load()
    page.code_edit.setText(code)
    page.size_edit.setText(size)
    page.save_stall_button.click()
    error = page.errors[field]
    assert not error.isHidden() and error.text().startswith(message)
    assert page.errors[""].isHidden()
    assert ctx.core.foodcourt.stalls() == []
    # put right, it saves and the message goes
    page.code_edit.setText("FC2-08")
    page.size_edit.setText("6,25")
    page.save_stall_button.click()
    assert error.isHidden()
    assert [s.code for s in ctx.core.foodcourt.stalls()] == ["FC2-08"]


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.TENANT_MANAGER, Role.SUPERVISOR])
def test_only_an_administrator_sees_the_stalls(qtbot, ctx: AppContext, admin: Actor,
                                              role: Role) -> None:
    assert "stalls" in make(qtbot, SettingsPanel(ctx)).pages
    ctx.actor = make_actor(ctx.core, admin, role, "orang")
    assert "stalls" not in make(qtbot, SettingsPanel(ctx)).pages
