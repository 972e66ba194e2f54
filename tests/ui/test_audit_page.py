"""The audit viewer (issue 13, point 11): filters, paging, CSV export; only for
supervisors and administrators."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog

from smesco_desk.clock import wib_today
from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.audit import AuditFilter
from tests.ui.helpers_ui import make_actor
from ui.context import AppContext
from ui.models.audit_model import COL_ACTION, COL_ACTOR, AuditTableModel
from ui.pages import PAGES
from ui.pages.audit.page import PERIOD_ALL, PERIOD_RANGE, AuditPage


@pytest.fixture
def page(qtbot, ctx: AppContext, admin: Actor) -> AuditPage:
    sari = make_actor(ctx.core, admin, Role.RECEPTIONIST, "sari")
    ctx.core.users.update(admin, sari.user_id or "", "Sari Wulandari", "receptionist")
    widget = AuditPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _choose(combo, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _column(page: AuditPage, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_the_page_is_for_supervisors_and_administrators(ctx: AppContext, admin: Actor) -> None:
    (spec,) = [p for p in PAGES if p.name == "audit"]
    assert spec.visible_to(ctx)
    for role, seen in ((Role.SUPERVISOR, True), (Role.RECEPTIONIST, False),
                       (Role.TENANT_MANAGER, False)):  # fmt: skip
        ctx.actor = make_actor(ctx.core, admin, role, f"u.{role.value}")
        assert spec.visible_to(ctx) is seen, role


def test_filters_by_user_kind_and_period(page: AuditPage) -> None:
    assert page.model.total() == len(_column(page, 0)) >= 4
    assert page.count_label.text() == f"{page.model.total()} catatan"
    _choose(page.actor_combo, "sari")
    assert page.actor_combo.currentText() == "Sari Wulandari (sari)"
    assert set(_column(page, COL_ACTOR)) == {"Sari Wulandari (sari)"}  # the name today
    _choose(page.actor_combo, "")
    _choose(page.kind_combo, "user.rename")
    assert _column(page, COL_ACTION) == ["user.rename"]
    _choose(page.kind_combo, "user")  # the whole area
    assert set(_column(page, COL_ACTION)) >= {"user.login", "user.create", "user.rename"}
    _choose(page.period_combo, PERIOD_RANGE)
    assert page.from_edit.isVisible() and page.to_edit.isVisible()
    tomorrow = wib_today(page.ctx.core.now()) + timedelta(days=1)
    page.from_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    page.to_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert page.model.rowCount() == 0 and page.count_label.text() == "0 catatan"
    page.to_edit.setDate(page.to_edit.date().addDays(-2))
    assert "sebelum" in page.message_label.text()
    _choose(page.period_combo, PERIOD_ALL)
    assert not page.from_edit.isVisible() and page.model.rowCount() > 0


def test_a_long_log_is_read_a_page_at_a_time(
    qtbot, qtmodeltester, ctx: AppContext, admin: Actor
) -> None:
    for n in range(12):
        ctx.core.users.create(admin, f"staf{n:02}", f"Staf {n}", "rahasia-staf-1",
                              Role.RECEPTIONIST.value)  # fmt: skip
    model = AuditTableModel(ctx, admin, AuditFilter(kind="user.create"), batch_size=5)
    assert (model.rowCount(), model.total()) == (5, 13)  # with the first administrator
    while model.canFetchMore():
        model.fetchMore()
    qtmodeltester.check(model)
    assert model.rowCount() == 13
    created = [model.record(r).detail.get("username") for r in range(12)]
    assert created == [f"staf{n:02}" for n in reversed(range(12))]  # newest first


def test_export_writes_the_rows_shown_as_csv_for_excel(
    page: AuditPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _choose(page.actor_combo, "sari")
    target = tmp_path / "jejak"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    page.export_button.click()
    written = tmp_path / "jejak.csv"
    assert str(written) in page.message_label.text()
    data = written.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert len(rows) - 1 == page.model.total()
    assert {(r[1], r[2]) for r in rows[1:]} == {("sari", "Sari Wulandari")}


def test_a_new_change_shows_up(page: AuditPage, ctx: AppContext, admin: Actor) -> None:
    before = page.model.total()
    ctx.runner.op(lambda: ctx.core.users.create(admin, "baru", "Baru", "rahasia-baru-1",
                                                Role.RECEPTIONIST.value)).run()  # fmt: skip
    assert page.model.total() == before + 1 and _column(page, COL_ACTION)[0] == "user.create"


def test_the_filters_fit_beside_the_navigation_at_1024(
    qtbot, qapp, ctx: AppContext, admin: Actor
) -> None:
    """With the application's style sheet, chosen days and a long name in the list,
    the page once grew wider than the screen (the window with it)."""
    from ui.app import load_style_sheet

    ctx.core.users.create(admin, "panjang", "Raden Ayu Sekar Kedaton Wulandari Kusumawardhani",
                          "rahasia-panjang-1", Role.SUPERVISOR.value)  # fmt: skip
    old = qapp.styleSheet()
    qapp.setStyleSheet(load_style_sheet())
    try:
        page = AuditPage(ctx)
        qtbot.addWidget(page)
        page.show()
        for period in (PERIOD_ALL, PERIOD_RANGE):
            _choose(page.period_combo, period)
            assert page.minimumSizeHint().width() <= 1024 - 190 - 8, period
        assert page.from_edit.isVisible()
    finally:
        qapp.setStyleSheet(old)
