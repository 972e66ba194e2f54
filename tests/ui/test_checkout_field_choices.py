"""The check-out field when the badge is lost or replaced, and the in-building
filter box (issue 13, points 2 and 4), on real services (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitFilter, VisitorForm, VisitRecord, VisitScope
from tests.ui.helpers_ui import FakePrinter, show_active
from ui.context import AppContext
from ui.pages.visitors.lists import IN_BUILDING_TAB
from ui.pages.visitors.page import VisitorsPage


def _register(core: Core, actor: Actor, name: str, phone: str, **kw: str) -> VisitRecord:
    return core.visitors.register(actor, VisitorForm(name, phone, "meeting", consent=True, **kw))


def _inside(core: Core) -> list[str]:
    return [v.name for v in core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))]


@pytest.fixture
def visits(core: Core, admin: Actor) -> dict[str, VisitRecord]:
    people = [
        ("Citra Lestari", "0812 1111 7890"),
        ("Citra Dewi", "0813 2222 3333"),
        ("Bambang Sutrisno", "0857 4444 5555"),
    ]
    return {name: _register(core, admin, name, phone) for name, phone in people}


@pytest.fixture
def page(
    qtbot, ctx: AppContext, printer: FakePrinter, visits: dict[str, VisitRecord]
) -> VisitorsPage:
    page = show_active(qtbot, VisitorsPage(ctx, printer=printer), 1176, 700)
    page.focus_scan()
    return page


def _scan(qtbot, page: VisitorsPage, text: str) -> None:
    bar = page.checkout_bar
    assert bar is not None
    bar.scan_edit.setFocus()
    qtbot.keyClicks(bar.scan_edit, text)
    qtbot.keyClick(bar.scan_edit, Qt.Key.Key_Return)


def _labels(page: VisitorsPage) -> list[str]:
    assert page.checkout_bar is not None
    return [b.text() for b in page.checkout_bar.choices.buttons]


def test_a_name_offers_the_people_inside_to_pick_from(
    qtbot, page: VisitorsPage, core: Core, visits: dict[str, VisitRecord]
) -> None:
    bar = page.checkout_bar
    assert bar is not None
    _scan(qtbot, page, "Citra")
    labels = _labels(page)
    assert len(labels) == 3 and labels[-1] == "Batal"
    assert labels[0].startswith(f"Citra Dewi · {visits['Citra Dewi'].badge_number}")
    assert labels[1].startswith("Citra Lestari")
    assert "tidak dikenal" not in bar.message()
    assert QApplication.focusWidget() is bar.choices.buttons[0]
    # Down to the second, Enter checks her out.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert QApplication.focusWidget() is bar.choices.buttons[1]
    with qtbot.waitSignal(page.visitor_checked_out) as checked_out:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert checked_out.args[0].id == visits["Citra Lestari"].id
    assert bar.message().startswith("\u2068Citra Lestari\u2069 keluar")  # isolated name
    assert not bar.choices.isVisible() and bar.choices.buttons == []
    assert QApplication.focusWidget() is bar.scan_edit
    assert sorted(_inside(core)) == ["Bambang Sutrisno", "Citra Dewi"]


@pytest.mark.parametrize("typed", ["7890", "002", "lestari"])
def test_one_match_is_that_person_to_confirm(
    qtbot, page: VisitorsPage, core: Core, visits: dict[str, VisitRecord], typed: str
) -> None:
    if typed == "002":
        typed = visits["Citra Lestari"].badge_number[-3:]
    bar = page.checkout_bar
    assert bar is not None
    _scan(qtbot, page, typed)
    assert bar.choices.prompt_label.text() == (
        f"Check-out Citra Lestari ({visits['Citra Lestari'].badge_number})?"
    )
    assert _labels(page) == ["Check-out Citra Lestari", "Batal"]
    with qtbot.waitSignal(page.visitor_checked_out):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "Citra Lestari" not in _inside(core)


def test_escape_cancels_and_checks_nobody_out(qtbot, page: VisitorsPage, core: Core) -> None:
    bar = page.checkout_bar
    assert bar is not None
    _scan(qtbot, page, "Citra")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert bar.choices.buttons == [] and QApplication.focusWidget() is bar.scan_edit
    assert len(_inside(core)) == 3


def test_nobody_matching_says_what_was_typed(qtbot, page: VisitorsPage) -> None:
    bar = page.checkout_bar
    assert bar is not None
    _scan(qtbot, page, "Yohanes")
    assert bar.message() == "Tidak ada tamu di dalam yang cocok dengan \u201cYohanes\u201d."
    assert bar.message_label.property("kind") == "error"
    assert bar.choices.buttons == []
    assert bar.scan_edit.selectedText() == "Yohanes"


def test_an_old_badge_offers_the_current_visit(
    qtbot, page: VisitorsPage, core: Core, admin: Actor, visits: dict[str, VisitRecord]
) -> None:
    old = visits["Bambang Sutrisno"]
    new = _register(core, admin, "Bambang Sutrisno", "0857 4444 5555")  # a new badge
    bar = page.checkout_bar
    assert bar is not None
    _scan(qtbot, page, old.badge_number)
    assert bar.message() == (f"Badge lama, diganti dengan {new.badge_number}; tamu masih di dalam.")
    assert "Bambang Sutrisno" in _inside(core)  # the old badge checked nobody out
    assert _labels(page) == [f"Check-out {new.badge_number}", "Batal"]
    with qtbot.waitSignal(page.visitor_checked_out) as checked_out:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert checked_out.args[0].id == new.id
    assert "Bambang Sutrisno" not in _inside(core)


def test_the_in_building_filter_box(
    qtbot, page: VisitorsPage, visits: dict[str, VisitRecord]
) -> None:
    lists = page.lists
    model = lists.in_building_model
    assert model.rowCount() == 3
    qtbot.keyClicks(lists.in_building_filter, "citra")
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert {model.record(r).name for r in range(2)} == {"Citra Lestari", "Citra Dewi"}
    assert lists.tabs.tabText(IN_BUILDING_TAB) == "Di gedung: 2 cocok"
    lists.in_building_filter.clear()
    qtbot.keyClicks(lists.in_building_filter, "5555")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.record(0).name == "Bambang Sutrisno"
    lists.in_building_filter.clear()
    qtbot.keyClicks(lists.in_building_filter, "zzz")
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert "zzz" in lists.in_building_table.empty_label.text()
    lists.in_building_filter.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert lists.tabs.tabText(IN_BUILDING_TAB) == "Di gedung sekarang (3)"
    assert page.in_building_count() == 3


def test_an_old_badge_s_short_number_offers_the_current_visit(
    qtbot, page: VisitorsPage, core: Core, admin: Actor, visits: dict[str, VisitRecord]
) -> None:
    old = visits["Bambang Sutrisno"]
    new = _register(core, admin, "Bambang Sutrisno", "0857 4444 5555")  # a new badge
    bar = page.checkout_bar
    assert bar is not None
    _scan(qtbot, page, old.badge_number.rsplit("-", 1)[1])  # "003", as printed big
    assert bar.message() == (f"Badge lama, diganti dengan {new.badge_number}; tamu masih di dalam.")
    assert _labels(page) == [f"Check-out {new.badge_number}", "Batal"]
    with qtbot.waitSignal(page.visitor_checked_out) as checked_out:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert checked_out.args[0].id == new.id


def test_long_choices_show_the_start_of_each_name_at_1024_px(
    qtbot, ctx: AppContext, printer: FakePrinter, core: Core, admin: Actor
) -> None:
    people = ["Yusuf Hakim", "Rina Marlina", "Agus Salim", "Dewi Lestari", "Bambang Sutrisno"]
    organisation = "Koperasi Batik Tulis Lasem Rembang Jawa Tengah"
    for i, name in enumerate(people):
        _register(core, admin, name, f"0812 5678 00{i:02d}", organisation=organisation)
    # The visitors page of a 1024 x 768 screen (less the side bar and the menu).
    page = show_active(qtbot, VisitorsPage(ctx, printer=printer), 834, 700)
    _scan(qtbot, page, "5678")
    bar = page.checkout_bar
    assert bar is not None
    buttons = bar.choices.buttons[:-1]
    assert len(buttons) == 5
    assert page.width() == 834  # the choices never widen the window
    for button in buttons:
        shown = button.shown_text()
        name = button.text().split(" · ")[0]
        assert name in people
        assert shown.startswith(name)  # from its start, never "uf Hakim"
        assert shown.endswith("…") and button.toolTip() == button.text()
        assert button.width() <= bar.width()
