"""Settings: the watchlist supervisors keep, and the discount limit an
administrator sets (issue 13), on real services."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from smesco_desk.services.actors import Role
from tests.ui.helpers_ui import make_actor
from ui.context import AppContext
from ui.pages.settings.sale_rules import SaleRulesPage
from ui.pages.settings.watchlist import WatchlistPage

NIK = "3174056508900001"


def make_page(qtbot: Any, ctx: AppContext) -> WatchlistPage:
    page = WatchlistPage(ctx)
    qtbot.addWidget(page)
    page.load()
    return page


@pytest.fixture
def supervisor_ctx(ctx: AppContext) -> AppContext:
    ctx.actor = make_actor(ctx.core, ctx.require_actor(), Role.SUPERVISOR, "hendra")
    return ctx


def test_a_supervisor_adds_changes_and_removes_a_person(
    qtbot: Any, qtmodeltester: Any, supervisor_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, supervisor_ctx)
    page.name_edit.setText("Joko Pranoto")
    page.phone_edit.setText("0812 7777 8888")
    page.nik_edit.setText(NIK)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("refused"))
    page.reason_edit.setText("Mengancam petugas keamanan.")
    page.save_entry()
    assert page.model.rowCount() == 1
    qtmodeltester.check(page.model)
    shown = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert shown[:4] == ["Joko Pranoto", "Dilarang masuk", "+62 812-7777-8888", "************0001"]
    assert NIK not in str(shown) and page.nik_edit.text() == ""  # the NIK is never shown back
    assert "0001" in page.nik_edit.placeholderText()

    page.reason_edit.setText("Sudah berdamai; perlu persetujuan saja.")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("approval"))
    page.save_entry()  # the NIK left empty keeps the stored one
    [entry] = supervisor_ctx.core.watchlist.entries(supervisor_ctx.require_actor())
    assert (entry.kind, entry.nik_masked) == ("approval", "************0001")

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    page.remove_entry()
    assert page.model.rowCount() == 0
    assert supervisor_ctx.core.watchlist.entries(supervisor_ctx.require_actor()) == []


def test_bad_input_shows_at_the_fields(qtbot: Any, supervisor_ctx: AppContext) -> None:
    page = make_page(qtbot, supervisor_ctx)
    page.phone_edit.setText("12")
    page.save_entry()
    for field in ("name", "reason", "phone"):
        assert not page.errors[field].isHidden(), field
    assert page.model.rowCount() == 0


def test_the_discount_limit_is_saved_through_the_core(qtbot: Any, ctx: AppContext) -> None:
    page = SaleRulesPage(ctx)
    qtbot.addWidget(page)
    page.load()
    assert page.limit_spin.value() == 10
    page.limit_spin.setValue(120)
    page.save()
    assert not page.errors["sale_discount_limit_percent"].isHidden()
    page.limit_spin.setValue(25)
    with qtbot.waitSignal(page.saved, timeout=1000):
        page.save()
    assert ctx.core.settings.get("sale_discount_limit_percent") == 25
