"""The food court's meter grid (MeterReadingsView) on real services: typing a
reading and Enter moves down the column; "Simpan" records the grid at once; a
bad value marks its row and writes nothing; a reading going backwards is
asked about in a question listing it; "Tagih bulan ini" bills the month."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox

from smesco_desk.clock import wib_today
from smesco_desk.domain.meters import Anomaly
from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.foodcourt import LeaseForm, StallForm, TenantForm
from smesco_desk.values.meters import ReadingInput
from tests.ui.helpers_ui import make_actor
from ui.context import AppContext
from ui.models.meter_grid_model import ODD_BRUSH, POWER_NOW, POWER_USED, WATER_NOW
from ui.pages.foodcourt.meter_grid import MeterReadingsView


def months_ago(n: int, day: int = 1) -> date:
    today = wib_today()
    year, month = divmod(today.year * 12 + today.month - 1 - n, 12)
    return date(year, month + 1, day)


@pytest.fixture
def manager_ctx(ctx: AppContext, admin: Actor) -> AppContext:
    core = ctx.core
    for code in ("FC2-07", "FC2-08", "FC2-09"):
        core.foodcourt.save_stall(admin, StallForm(code, "6,25", rate_month=3_000_000, water=True))
    ctx.actor = make_actor(core, admin, Role.TENANT_MANAGER, "dewi")
    tenant = core.foodcourt.save_tenant(ctx.actor, TenantForm("Soto Bang Ali", "Ali", "0812345678"))
    form = LeaseForm(tenant.id, "FC2-07", months_ago(4), months_ago(-8))
    core.foodcourt.lease(ctx.actor, form)
    before = months_ago(2, 25)
    typed = [ReadingInput(code, kind, "1000", before) for code in ("FC2-07", "FC2-08")
             for kind in ("power", "water")]  # fmt: skip
    core.foodcourt.record_readings(ctx.actor, before, typed)
    return ctx


@pytest.fixture
def view(qtbot, manager_ctx: AppContext) -> MeterReadingsView:
    widget = MeterReadingsView(manager_ctx)
    qtbot.addWidget(widget)
    last = months_ago(1)
    widget.month_edit.setDate(QDate(last.year, last.month, 1))
    widget.resize(1024, 768)
    widget.show()
    return widget


def type_in(qtbot, view: MeterReadingsView, row: int, column: int, text: str) -> None:
    index = view.model.index(row, column)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    (editor,) = [e for e in view.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: view.table.state() != editing)  # (the delegate commits queued)


def answer(monkeypatch: pytest.MonkeyPatch, reply: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent, title, text, *_rest):
        asked.append(f"{title}\n{text}")
        return reply

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_enter_moves_down_the_column_and_the_grid_is_saved_at_once(
    qtbot, view: MeterReadingsView
) -> None:
    model = view.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "FC2-07", "FC2-08", "FC2-09"]  # fmt: skip
    assert model.index(0, 1).data() == "Soto Bang Ali"
    type_in(qtbot, view, 0, POWER_NOW, "1150,5")
    assert view.table.currentIndex().row() == 1  # moved down the column
    assert model.index(0, POWER_USED).data() == "150,5"  # the preview
    type_in(qtbot, view, 1, POWER_NOW, "1002")
    type_in(qtbot, view, 0, WATER_NOW, "1012")
    assert view.save_button.isEnabled()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert "3 angka meter disimpan" in view.banner.text()
    saved = view._ctx.core.foodcourt.meter_readings("FC2-07", months_ago(1))
    assert sorted((r.kind, r.value, r.consumption) for r in saved) == [
        ("power", 1_150_500, 150_500), ("water", 1_012_000, 12_000)]  # fmt: skip
    assert not model.has_pending() and model.index(0, POWER_NOW).data() == "1.150,5"


def test_a_bad_value_marks_its_row_and_nothing_is_written(
    qtbot, view: MeterReadingsView
) -> None:
    type_in(qtbot, view, 0, POWER_NOW, "1100")
    type_in(qtbot, view, 1, POWER_NOW, "12,3456")
    view.save()
    assert view.banner.kind() == "error" and "FC2-08" in view.banner.text()
    assert view.model.error(1) and not view.model.error(0)
    assert view.model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert view._ctx.core.foodcourt.meter_readings(None, months_ago(1)) == []
    assert view.model.has_pending()  # what was typed stays to be corrected


def test_a_reading_going_backwards_is_asked_about_first(
    qtbot, view: MeterReadingsView, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    type_in(qtbot, view, 1, POWER_NOW, "1002")  # forward: not flagged
    assert view.model.oddity(1, POWER_NOW) is None and view.banner.text() == ""
    type_in(qtbot, view, 0, POWER_NOW, "900")
    # flagged as it is typed, before any save: the colour, the reason, the banner
    odd = view.model.index(0, POWER_NOW)
    assert view.model.oddity(0, POWER_NOW) == Anomaly.BACKWARDS
    assert odd.data(Qt.ItemDataRole.BackgroundRole) == ODD_BRUSH
    assert view.model.index(0, POWER_USED).data(Qt.ItemDataRole.BackgroundRole) == ODD_BRUSH
    assert "lebih kecil" in odd.data(Qt.ItemDataRole.ToolTipRole)
    assert "FC2-07" in view.banner.text() and "lebih kecil" in view.banner.text()
    assert view.model.index(1, POWER_NOW).data(Qt.ItemDataRole.BackgroundRole) != ODD_BRUSH
    view.model.setData(view.model.index(1, POWER_NOW), "")  # only the odd one is saved
    view.save()
    assert len(asked) == 1 and "FC2-07" in asked[0] and "lebih kecil" in asked[0]
    assert view._ctx.core.foodcourt.meter_readings(None, months_ago(1)) == []
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    view.save()
    (kept,) = view._ctx.core.foodcourt.meter_readings(None, months_ago(1))
    assert (kept.anomaly, kept.confirmed_by, kept.consumption) == ("backwards", "dewi", 0)


def test_the_month_is_billed_from_the_grid(
    qtbot, view: MeterReadingsView, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_in(qtbot, view, 0, POWER_NOW, "1150")
    type_in(qtbot, view, 0, WATER_NOW, "1010")
    view.save()
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.bill_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert "2 tagihan dibuat" in view.banner.text()
    row = view.model.grid_row(0)
    assert row.billed and not (view.model.flags(view.model.index(0, POWER_NOW))
                               & Qt.ItemFlag.ItemIsEditable)  # fmt: skip
    tenant = view._ctx.core.foodcourt.tenants()[0]
    power, water, service = 100 * 1444 + 50 * 1699, 10 * 7450, 156_250
    assert tenant.balance == power + water + service  # (no deposit on these stalls)


def test_a_receptionist_sees_the_grid_but_types_nothing(
    qtbot, manager_ctx: AppContext, admin: Actor
) -> None:
    manager_ctx.actor = make_actor(manager_ctx.core, admin, Role.RECEPTIONIST, "sari")
    widget = MeterReadingsView(manager_ctx)
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 3
    assert widget.save_button.isHidden() and widget.bill_button.isHidden()


def test_a_replaced_meter_is_recorded_from_the_grid(
    qtbot, view: MeterReadingsView, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.pages.foodcourt.meter_replace_dialog import MeterReplaceDialog

    def fill_and_save(dialog: MeterReplaceDialog) -> int:
        dialog.new_edit.setText("")
        dialog.save()
        assert "angka awal" in dialog.error.text()  # the new meter's first reading is needed
        dialog.old_edit.setText("1050")
        dialog.new_edit.setText("3")
        dialog.number_edit.setText("PLN-207-BARU")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(MeterReplaceDialog, "exec", fill_and_save)
    view.table.setCurrentIndex(view.model.index(0, POWER_USED))
    view.replace_meter()
    assert "Meter baru FC2-07" in view.banner.text()
    made = view._ctx.core.foodcourt.meter_readings("FC2-07", months_ago(1))
    assert [(r.value, r.consumption, r.replaced, r.meter_number) for r in made] == [
        (1_050_000, 50_000, False, ""),  # (this stall has no meter number)
        (3_000, 0, True, "PLN-207-BARU"),
    ]
    cell = view.model.grid_row(0).power
    assert (cell.current, cell.consumption, cell.replaced) == (3_000, 50_000, True)
    assert "meter baru" in view.model.index(0, POWER_NOW).data()


def test_the_grid_model_passes_the_model_tester(
    qtbot, qtmodeltester, view: MeterReadingsView
) -> None:
    qtmodeltester.check(view.model)
    type_in(qtbot, view, 0, POWER_NOW, "1100")
    view.model.set_errors({"row:FC2-08:power": "Angka meter di luar jangkauan.", "x": "y"})
    qtmodeltester.check(view.model)
    assert view.model.errors() == {"FC2-08": "Angka meter di luar jangkauan."}
