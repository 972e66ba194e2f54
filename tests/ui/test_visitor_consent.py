"""The UU PDP consent belongs to the person it was asked of (review of
2026-12-07, point 5): a name or phone typed over after the box was ticked
clears it, with a note saying why; a form filled for a returning visitor, or a
badge scanned into a field, leaves it as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitFilter, VisitorForm, VisitScope
from tests.ui.helpers_ui import FakePrinter, show_active
from ui.context import AppContext
from ui.pages.visitors.page import VisitorsPage
from ui.pages.visitors.registration import RegistrationForm


@pytest.fixture
def page(qtbot, ctx: AppContext, printer: FakePrinter) -> VisitorsPage:
    return show_active(qtbot, VisitorsPage(ctx, printer=printer), 1176, 700)


def _form(page: VisitorsPage) -> RegistrationForm:
    assert page.form is not None
    return page.form


def _inside(core: Core) -> list[str]:
    return [v.name for v in core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))]


def _fill_and_consent(qtbot, form: RegistrationForm) -> None:
    form.name_edit.setFocus()
    qtbot.keyClicks(form.name_edit, "Rudy Hartono")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.phone_edit, "081233334444")
    form.purpose_combo.setCurrentIndex(form.purpose_combo.findData("meeting"))
    form.consent_check.setChecked(True)


@pytest.mark.parametrize("field", ["name", "phone"])
def test_typing_over_the_person_clears_the_consent_and_says_why(
    qtbot, page: VisitorsPage, core: Core, field: str
) -> None:
    form = _form(page)
    _fill_and_consent(qtbot, form)
    assert form.consent_note_label.isHidden()
    edit = form.name_edit if field == "name" else form.phone_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Siti Aminah" if field == "name" else "081255556666")
    assert not form.consent_check.isChecked()
    assert form.consent_note_label.isVisible()
    assert "tanyakan" in form.consent_note_label.text()

    qtbot.keyClick(edit, Qt.Key.Key_Return)  # registered without being asked: refused
    assert _inside(core) == []
    assert form.errors["consent"].text()

    qtbot.keyClick(form.consent_check, Qt.Key.Key_Space)  # asked, and she agrees
    assert form.consent_check.isChecked() and form.consent_note_label.isHidden()
    with qtbot.waitSignal(page.visitor_checked_in):
        qtbot.keyClick(form.consent_check, Qt.Key.Key_Return)
    assert form.consent_note_label.isHidden()


def test_an_edit_before_the_box_is_ticked_changes_nothing(qtbot, page: VisitorsPage) -> None:
    form = _form(page)
    _fill_and_consent(qtbot, form)
    form.consent_check.setChecked(False)
    qtbot.keyClicks(form.name_edit, "a")
    assert form.consent_note_label.isHidden()


def test_a_returning_visitor_s_filled_form_keeps_the_consent_on_record(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    form = _form(page)
    visit = core.visitors.register(
        admin, VisitorForm("Siti Nurhaliza", "081234567801", "meeting", consent=True)
    )
    form.fill_from(core.visitors.visitor_details(admin, visit.visitor_id))
    assert form.consent_check.isChecked() and form.consent_note_label.isHidden()
    form.phone_edit.setFocus()
    form.phone_edit.end(False)
    qtbot.keyClick(form.phone_edit, Qt.Key.Key_Backspace)  # a digit corrected: still her
    assert form.consent_check.isChecked() and form.consent_note_label.isHidden()
    form.name_edit.setFocus()
    form.name_edit.selectAll()
    qtbot.keyClicks(form.name_edit, "Rina Marlina")  # someone else: asked again
    assert not form.consent_check.isChecked() and form.consent_note_label.isVisible()


def test_a_badge_scanned_into_the_name_leaves_the_consent_ticked(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    form = _form(page)
    visit = core.visitors.register(
        admin, VisitorForm("Nurul Kurniawan", "081234567809", "meeting", consent=True)
    )
    _fill_and_consent(qtbot, form)
    form.name_edit.setFocus()
    form.name_edit.end(False)
    with qtbot.waitSignal(page.visitor_checked_out):
        qtbot.keyClicks(QApplication.focusWidget(), visit.id)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert form.name_edit.text() == "Rudy Hartono"
    assert form.consent_check.isChecked() and form.consent_note_label.isHidden()
