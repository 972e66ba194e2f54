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
from ui.models.audit_model import COL_ACTION, COL_ACTOR, COL_DETAIL, AuditTableModel
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
    assert page.kind_combo.currentText().strip() == "Nama pengguna diubah"  # in words
    assert _column(page, COL_ACTION) == ["Nama pengguna diubah"]
    _choose(page.kind_combo, "user")  # the whole area
    assert page.kind_combo.currentText() == "Pengguna (semua)"
    assert {page.model.record(r).action for r in range(page.model.rowCount())} >= {
        "user.login", "user.create", "user.rename"}
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
    assert rows[0][4:6] == ["Kode jenis", "Jenis"]  # the code to filter by in Excel, the label
    assert ("user.login", "Masuk") in {(r[4], r[5]) for r in rows[1:]}


def test_a_new_change_shows_up(page: AuditPage, ctx: AppContext, admin: Actor) -> None:
    before = page.model.total()
    ctx.runner.op(lambda: ctx.core.users.create(admin, "baru", "Baru", "rahasia-baru-1",
                                                Role.RECEPTIONIST.value)).run()  # fmt: skip
    assert page.model.total() == before + 1
    assert _column(page, COL_ACTION)[0] == "Pengguna dibuat"


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


def test_rows_read_as_words_with_the_approver_beside_the_user(
    page: AuditPage, ctx: AppContext, admin: Actor
) -> None:
    """A reviewer saw codes, raw keys ("expected: 38…") and an approval under the
    clerk's name only; the approver now shows in the user column."""
    from smesco_desk.services.transaction import Transaction

    sari = next(a for a in ctx.core.audit.actors(admin) if a.name == "sari")
    clerk = make_actor(ctx.core, admin, Role.RECEPTIONIST, "ani")
    with Transaction.begin(ctx.core, clerk) as tx:
        tx.audit("approval.price", None, {
            "requested_by": "ani", "requested_by_name": "Ani", "approved_by": "hendra",
            "approved_by_name": "Hendra", "reasons": ["Harga diubah."]})  # fmt: skip
        tx.audit("shift.close", None, {"expected": 380000, "counted": 375000,
                                       "difference": -5000})  # fmt: skip
        tx.audit("shiny.new", None, {"tenant_id": "0192-abc", "mystery": 7})
    page.model.set_filter(AuditFilter(actor="ani"))
    rows = {page.model.record(r).action: r for r in range(page.model.rowCount())}
    approval, shift, unknown = rows["approval.price"], rows["shift.close"], rows["shiny.new"]
    assert page.model.index(approval, COL_ACTOR).data() == "ani (disetujui hendra)"
    assert page.model.index(approval, COL_ACTION).data() == "Persetujuan harga/diskon"
    detail = page.model.index(approval, COL_DETAIL).data()
    assert detail == "Alasan: Harga diubah." and "requested_by" not in detail
    assert page.model.index(shift, COL_DETAIL).data() == (
        "Seharusnya: Rp380.000; Dihitung: Rp375.000; Selisih: -Rp5.000")
    assert page.model.index(unknown, COL_ACTION).data() == "shiny.new"  # unknown: the code
    assert page.model.index(unknown, COL_DETAIL).data() == "mystery: 7"  # the id left out
    assert sari.label == "Sari Wulandari (sari)"
