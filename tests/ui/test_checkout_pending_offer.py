"""A check-out offer (one person to confirm, several to pick from, an old badge's
current visit) is for the text that asked for it: whatever is typed or scanned
next cancels it and is handled on its own; only an explicit confirm checks the
offered person out. Keys go where the keyboard focus is, as a keyboard's or a
USB scanner's do (the scanner types the badge, then Enter)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitFilter, VisitorForm, VisitRecord, VisitScope
from tests.ui.helpers_ui import FakePrinter, show_active
from ui.context import AppContext
from ui.pages.visitors.checkout_bar import CheckOutBar
from ui.pages.visitors.page import VisitorsPage


def _register(core: Core, actor: Actor, name: str, phone: str) -> VisitRecord:
    return core.visitors.register(actor, VisitorForm(name, phone, "meeting", consent=True))


def _inside(core: Core) -> set[str]:
    return {v.name for v in core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))}


@pytest.fixture
def visits(core: Core, admin: Actor) -> dict[str, VisitRecord]:
    people = [
        ("Nurul Nurhaliza", "0812 1111 7890"),
        ("Agus Setiawan", "0813 2222 3333"),
        ("Citra Lestari", "0857 4444 5555"),
        ("Citra Dewi", "0858 6666 7777"),
    ]
    return {name: _register(core, admin, name, phone) for name, phone in people}


@pytest.fixture
def page(
    qtbot, ctx: AppContext, printer: FakePrinter, visits: dict[str, VisitRecord]
) -> VisitorsPage:
    page = show_active(qtbot, VisitorsPage(ctx, printer=printer), 1176, 700)
    page.focus_scan()
    return page


def _bar(page: VisitorsPage) -> CheckOutBar:
    assert page.checkout_bar is not None
    return page.checkout_bar


def _keys(qtbot, text: str, enter: bool = True) -> None:
    """Each key to the widget that has the keyboard focus when it arrives."""
    for char in text:
        qtbot.keyClick(QApplication.focusWidget(), char)
    if enter:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def _short(visit: VisitRecord) -> str:
    return visit.badge_number[-3:]


def _propose_nurul(qtbot, page: VisitorsPage, visits: dict[str, VisitRecord]) -> CheckOutBar:
    bar = _bar(page)
    _keys(qtbot, "Nurhal")
    nurul = visits["Nurul Nurhaliza"]
    assert bar.choices.prompt_label.text() == f"Check-out Nurul Nurhaliza ({nurul.badge_number})?"
    assert [b.text() for b in bar.choices.buttons] == ["Check-out Nurul Nurhaliza", "Batal"]
    assert QApplication.focusWidget() is bar.choices.buttons[0]
    return bar


def test_a_short_number_typed_over_a_proposal_is_its_own_question(
    qtbot, page: VisitorsPage, core: Core, visits: dict[str, VisitRecord]
) -> None:
    """The reviewer's steps: "Nurhal" Enter, then another visitor's "012" Enter."""
    bar = _propose_nurul(qtbot, page, visits)
    agus = visits["Agus Setiawan"]
    _keys(qtbot, _short(agus))
    assert "Nurul Nurhaliza" in _inside(core)  # the proposal was not taken
    assert bar.choices.prompt_label.text() == f"Check-out Agus Setiawan ({agus.badge_number})?"
    assert [b.text() for b in bar.choices.buttons] == ["Check-out Agus Setiawan", "Batal"]
    assert _inside(core) == set(visits)  # nobody checked out without a confirm
    with qtbot.waitSignal(page.visitor_checked_out) as checked_out:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the confirm
    assert checked_out.args[0].id == agus.id
    assert _inside(core) == set(visits) - {"Agus Setiawan"}


@pytest.mark.parametrize("code", ["visit id", "badge number"])
def test_a_badge_scanned_over_a_proposal_checks_that_badge_out(
    qtbot, page: VisitorsPage, core: Core, visits: dict[str, VisitRecord], code: str
) -> None:
    bar = _propose_nurul(qtbot, page, visits)
    citra = visits["Citra Lestari"]
    with qtbot.waitSignal(page.visitor_checked_out) as checked_out:
        _keys(qtbot, citra.id if code == "visit id" else citra.badge_number)  # one burst
    assert checked_out.args[0].id == citra.id
    assert bar.message().startswith("\u2068Citra Lestari\u2069 keluar")
    assert bar.choices.buttons == [] and not bar.choices.isVisible()
    assert _inside(core) == set(visits) - {"Citra Lestari"}
    assert bar.scan_edit.text() == "" and QApplication.focusWidget() is bar.scan_edit


def test_typing_drops_the_proposal_and_keeps_what_was_typed(
    qtbot, page: VisitorsPage, core: Core, visits: dict[str, VisitRecord]
) -> None:
    bar = _propose_nurul(qtbot, page, visits)
    _keys(qtbot, "Ag", enter=False)
    assert bar.choices.buttons == [] and not bar.choices.isVisible()
    assert bar.scan_edit.text() == "Ag" and QApplication.focusWidget() is bar.scan_edit
    assert _inside(core) == set(visits)


def test_typing_drops_the_list_to_pick_from(
    qtbot, page: VisitorsPage, core: Core, visits: dict[str, VisitRecord]
) -> None:
    bar = _bar(page)
    _keys(qtbot, "Citra")
    assert len(bar.choices.buttons) == 3  # both Citras, then Batal
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # on the second Citra
    _keys(qtbot, "Nurhal")
    assert bar.choices.prompt_label.text().startswith("Check-out Nurul Nurhaliza (")
    assert _inside(core) == set(visits)


def test_new_input_drops_an_old_badges_offer(
    qtbot, page: VisitorsPage, core: Core, admin: Actor, visits: dict[str, VisitRecord]
) -> None:
    old = visits["Agus Setiawan"]
    new = _register(core, admin, "Agus Setiawan", "0813 2222 3333")  # a new badge
    bar = _bar(page)
    _keys(qtbot, old.badge_number)
    assert bar.message().startswith("Badge lama, diganti dengan")
    assert [b.text() for b in bar.choices.buttons] == [f"Check-out {new.badge_number}", "Batal"]
    _keys(qtbot, "Nurhal")
    assert "Agus Setiawan" in _inside(core)
    assert [b.text() for b in bar.choices.buttons] == ["Check-out Nurul Nurhaliza", "Batal"]
    assert bar.message() == ""
    assert _inside(core) == set(visits)


def test_a_text_put_in_the_field_drops_the_proposal(
    qtbot, page: VisitorsPage, visits: dict[str, VisitRecord]
) -> None:
    """Not only typing: any change of the field's text (a paste, a program)."""
    bar = _propose_nurul(qtbot, page, visits)
    bar.scan_edit.setText(_short(visits["Agus Setiawan"]))
    assert bar.choices.buttons == [] and not bar.choices.isVisible()


def test_the_confirm_button_clicked_checks_out(
    qtbot, page: VisitorsPage, core: Core, visits: dict[str, VisitRecord]
) -> None:
    bar = _propose_nurul(qtbot, page, visits)
    with qtbot.waitSignal(page.visitor_checked_out) as checked_out:
        qtbot.mouseClick(bar.choices.buttons[0], Qt.MouseButton.LeftButton)
    assert checked_out.args[0].id == visits["Nurul Nurhaliza"].id
    assert _inside(core) == set(visits) - {"Nurul Nurhaliza"}


def test_an_answer_for_an_older_text_does_not_take_the_focus(
    qtbot, page: VisitorsPage, ctx: AppContext, core: Core, visits: dict[str, VisitRecord]
) -> None:
    """In the application the lookup runs on the worker: its answer may come
    while the receptionist is already typing (or scanning) the next one."""
    bar = _bar(page)
    ctx.runner.synchronous = False
    _keys(qtbot, "Nurhal")  # asked; the answer waits for the event loop
    agus = visits["Agus Setiawan"]
    _keys(qtbot, _short(agus)[:2], enter=False)
    qtbot.waitUntil(lambda: not ctx.runner.is_busy())  # the answer for "Nurhal" arrives
    assert bar.choices.buttons == [] and QApplication.focusWidget() is bar.scan_edit
    _keys(qtbot, _short(agus)[2:])
    qtbot.waitUntil(lambda: not ctx.runner.is_busy())
    assert bar.choices.prompt_label.text() == f"Check-out Agus Setiawan ({agus.badge_number})?"
    assert _inside(core) == set(visits)
