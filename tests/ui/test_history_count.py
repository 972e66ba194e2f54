"""The history's count (issue 14): a search that finds more than the list counts
says "lebih dari N kunjungan"; the whole history and small searches are exact;
the rows past the first page come after the last one held (keyset)."""

from __future__ import annotations

import pytest

import ui.models.visits_model as visits_model
import ui.pages.visitors.lists as lists_page
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitorForm
from tests.ui.helpers_ui import FakePrinter, show_active
from ui.context import AppContext
from ui.pages.visitors.lists import HISTORY_TAB
from ui.pages.visitors.page import VisitorsPage


@pytest.fixture
def page(qtbot, ctx: AppContext, printer: FakePrinter) -> VisitorsPage:
    return show_active(qtbot, VisitorsPage(ctx, printer=printer), 1176, 700)


def test_a_search_past_the_cap_says_more_than(
    qtbot, page: VisitorsPage, core: Core, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(visits_model, "COUNT_UP_TO", 3)
    monkeypatch.setattr(lists_page, "COUNT_UP_TO", 3)
    for i in range(5):
        form = VisitorForm(f"Santoso {i}", f"08123456780{i}", "meeting", consent=True)
        core.visitors.register(admin, form)
    core.visitors.register(admin, VisitorForm("Budi", "081234567899", "meeting", consent=True))
    lists = page.lists
    lists.history_model._batch = 2  # small pages (a search starts with one): the rest on scrolling
    lists.tabs.setCurrentIndex(HISTORY_TAB)
    qtbot.waitUntil(lambda: lists.history_count_label.text() == "6 kunjungan", timeout=20_000)
    lists.history_table.hide()  # no view fetching more rows by itself: the test scrolls
    lists.search_edit.setText("santo")
    qtbot.waitUntil(lambda: lists.history_model.filter().text == "santo")
    qtbot.waitUntil(lambda: lists.history_model.rowCount() == 2, timeout=20_000)
    assert lists.history_count_label.text() == "lebih dari 3 kunjungan"
    while lists.history_model.canFetchMore():
        lists.history_model.fetchMore()
        qtbot.waitUntil(lambda: not lists.history_model.is_loading(), timeout=20_000)
    names = [lists.history_model.record(i).name for i in range(lists.history_model.rowCount())]
    assert names == [f"Santoso {i}" for i in reversed(range(5))]  # each once, newest first
    assert lists.history_count_label.text() == "5 kunjungan"  # all loaded: counted
    lists.search_edit.setText("budi")
    qtbot.waitUntil(lambda: lists.history_model.filter().text == "budi")
    qtbot.waitUntil(lambda: lists.history_count_label.text() == "1 kunjungan", timeout=20_000)
