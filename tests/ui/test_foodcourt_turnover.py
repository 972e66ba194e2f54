"""The turnover grid (ui/pages/foodcourt/turnover_grid.py) on real services:
typed as at the desk (Enter and Tab move on), totals per tenant and per day,
saved all or nothing with the refusals at their cells, a floor filter, the
report previewed as a PDF and saved as an XLSX, read only for a receptionist."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from smesco_desk.clock import to_wib
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.values.foodcourt import LeaseForm
from tests.core.helpers_foodcourt import stall_form, tenant_form
from tests.ui.helpers_ui import FakePrinter, show_active
from ui.context import AppContext
from ui.pages.foodcourt.turnover_grid import TurnoverView


@pytest.fixture
def tenants(core: Core, admin: Actor) -> tuple[str, str]:
    """Two tenants renting since 40 days ago: FC2-07 and FC1-03."""
    today = to_wib(core.now()).date()
    ids = []
    for code, name in (("FC2-07", "Soto Betawi Bang Ali"), ("FC1-03", "Bakso Cak Man")):
        core.foodcourt.save_stall(admin, stall_form(code=code, plan_x=10 * len(ids)))
        tenant = core.foodcourt.save_tenant(admin, tenant_form(name=name))
        form = LeaseForm(tenant.id, code, today - timedelta(days=40), today + timedelta(days=300))
        core.foodcourt.lease(admin, form)
        ids.append(tenant.id)
    return ids[0], ids[1]


def make_view(qtbot: Any, ctx: AppContext, printer: FakePrinter | None = None) -> TurnoverView:
    return show_active(qtbot, TurnoverView(ctx, printer=printer), 1024, 768)


def typed(qtbot: Any, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type into the cell being edited (its editor has the focus) and leave with `key`."""
    editor = QApplication.focusWidget()
    assert isinstance(editor, QWidget)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, key)
    # the delegate commits Enter on the next turn of the event loop
    qtbot.waitUntil(lambda: QApplication.focusWidget() not in (editor, None))


def test_a_week_typed_cell_after_cell_and_saved(
    qtbot: Any, ctx: AppContext, core: Core, tenants: tuple[str, str]
) -> None:
    view = make_view(qtbot, ctx)
    model, table = view.model, view.table
    assert [r.tenant for r in model.grid.rows] == ["Bakso Cak Man", "Soto Betawi Bang Ali"]
    assert len(model.grid.days) == 7 and model.grid.days[-1] == to_wib(core.now()).date()
    table.setCurrentIndex(model.index(0, 1))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_1)  # a digit starts editing the cell
    typed(qtbot, ".250.000")  # Enter: kept, the same day of the next tenant is being typed
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, 1)
    assert table.state() == table.State.EditingState
    typed(qtbot, "900000", Qt.Key.Key_Tab)  # Tab: the next day of the same tenant
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, 2)
    typed(qtbot, "Rp1.000.000")  # Enter on the last tenant: the next day's first tenant
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 3)
    assert model.row_total(1) == 1_900_000 and model.day_total(0) == 2_150_000
    assert model.data(model.index(1, 8)) == "1.900.000"  # the row's total column
    assert model.data(model.index(2, 1)) == "2.150.000"  # the day's total row
    assert view.save_button.text() == "Simpan omzet (3)"
    view.save()
    grid = core.foodcourt.turnover_grid(model.grid.days[0], 7)
    assert grid.rows[0].amounts[:3] == (1_250_000, None, None)
    assert grid.rows[1].amounts[:3] == (900_000, 1_000_000, None)
    assert not model.pending and "3 diisi" in view.message.text()


def test_a_refused_save_keeps_everything_and_marks_the_cells(
    qtbot: Any, ctx: AppContext, core: Core, tenants: tuple[str, str]
) -> None:
    view = make_view(qtbot, ctx)
    model = view.model
    model.setData(model.index(0, 1), "750.000")
    model.setData(model.index(1, 2), "-5.000")
    model.setData(model.index(1, 3), "dua juta")
    view.save()
    assert core.foodcourt.turnover_grid(model.grid.days[0], 7).total == 0  # all or nothing
    assert "negatif" in (view.cell_error(model.index(1, 2)) or "")
    assert "rupiah" in (view.cell_error(model.index(1, 3)) or "")
    assert view.cell_error(model.index(0, 1)) is None
    assert len(model.pending) == 3 and "2 sel" in view.message.text()
    model.setData(model.index(1, 2), "5.000")
    model.setData(model.index(1, 3), "")
    view.save()
    assert core.foodcourt.turnover_grid(model.grid.days[0], 7).total == 755_000


def test_days_without_a_lease_or_to_come_cannot_be_typed(
    qtbot: Any, ctx: AppContext, core: Core, tenants: tuple[str, str]
) -> None:
    view = make_view(qtbot, ctx)
    view.next_button.click()  # the seven days after: all still to come
    model = view.model
    assert model.grid.days[0] == to_wib(core.now()).date() + timedelta(days=1)
    assert not model.setData(model.index(0, 1), "1000") and not model.pending
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable


def test_the_floor_filter(
    qtbot: Any, ctx: AppContext, tenants: tuple[str, str], qtmodeltester: Any
) -> None:
    view = make_view(qtbot, ctx)
    qtmodeltester.check(view.model)
    view.floor_box.setCurrentIndex(view.floor_box.findData(2))
    assert [r.stalls for r in view.model.grid.rows] == ["FC2-07"]
    view.floor_box.setCurrentIndex(view.floor_box.findData(3))
    assert view.model.rowCount() == 0 and "Tidak ada tenan" in view.message.text()


def test_the_report_previewed_and_saved_as_xlsx(
    qtbot: Any,
    ctx: AppContext,
    core: Core,
    tenants: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printer = FakePrinter()
    view = make_view(qtbot, ctx, printer)
    today = to_wib(core.now()).date()
    view.month_edit.setDate(today.replace(day=1))
    view.model.setData(view.model.index(1, 7), "2.000.000")  # today, Soto Betawi
    view.save()
    view.pdf_button.click()
    assert printer.jobs == [("preview:office", f"Laporan omzet tenan {today:%m-%Y}")]
    target = tmp_path / "omzet"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.xlsx_button.click()
    assert view.saved_to == tmp_path / "omzet.xlsx"
    rows = list(load_workbook(view.saved_to).active.iter_rows(values_only=True))
    assert rows[-1][1] == "Total food court" and rows[-1][4] == 2_000_000


def test_a_receptionist_sees_the_grid_but_types_nothing(
    qtbot: Any, ctx: AppContext, core: Core, admin: Actor, tenants: tuple[str, str]
) -> None:
    core.users.create(admin, "sari", "Sari", "rahasia-sari-1", Role.RECEPTIONIST.value)
    ctx.actor = core.users.authenticate("sari", "rahasia-sari-1")
    view = make_view(qtbot, ctx)
    assert not view.save_button.isVisibleTo(view)
    assert view.table.editTriggers() == view.table.EditTrigger.NoEditTriggers
    assert date.today() - timedelta(days=3) <= view.model.grid.days[-1]


def test_charging_a_closed_month_and_refusing_an_open_one(
    qtbot: Any, ctx: AppContext, core: Core, admin: Actor, tenants: tuple[str, str]
) -> None:
    soto = next(x for x in core.foodcourt.leases() if x.stall_code == "FC2-07")
    core.foodcourt.set_turnover_terms(admin, soto.id, 1_000)
    view = make_view(qtbot, ctx)
    today = to_wib(core.now()).date()
    view.month_edit.setDate(today.replace(day=1))
    view.post_button.click()
    assert "belum selesai" in view.message.text()
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    view.month_edit.setDate(last_month)
    view.post_button.click()  # its base rent is not charged yet: it waits
    assert "0 tagihan baru" in view.message.text() and "1 sewa menunggu" in view.message.text()
