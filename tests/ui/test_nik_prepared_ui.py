"""The registration form makes a NIK's slow pseudonym when the receptionist leaves
the NIK field (issue 14), so that registering finds it ready: on real services,
the runner synchronous, nothing timed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smesco_desk.domain.nik import nik_pseudonym
from smesco_desk.services.core import Core
from tests.ui.helpers_ui import FakePrinter, show_active
from ui.context import AppContext
from ui.pages.visitors.page import VisitorsPage
from ui.pages.visitors.registration import RegistrationForm

NIK = "3174015708900001"


@pytest.fixture
def form(qtbot, ctx: AppContext, printer: FakePrinter) -> RegistrationForm:
    page = show_active(qtbot, VisitorsPage(ctx, printer=printer), 1176, 700)
    assert page.form is not None
    page.form.suggestions.enabled = False  # a typed NIK's search would prepare it too
    return page.form


def test_leaving_a_valid_nik_field_prepares_its_pseudonym(
    qtbot, form: RegistrationForm, core: Core, hashes: list[str]
) -> None:
    form.nik_edit.setFocus()
    qtbot.keyClicks(form.nik_edit, "3174 0157 0890 0001")
    assert hashes == []  # typing alone computes nothing
    qtbot.keyClick(form.nik_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.organisation_edit
    assert hashes == [NIK]
    assert core.nik_key.pseudonym(NIK) == nik_pseudonym(core.nik_key.key(), NIK)
    assert hashes == [NIK]  # the one made ahead

    form.name_edit.setText("Siti Rahayu")
    form.phone_edit.setText("0812 3456 7890")
    form.purpose_combo.setCurrentIndex(0)
    form.consent_check.setChecked(True)
    with qtbot.waitSignal(form.visitor_registered):
        form.submit()
    assert hashes == [NIK]  # registering did not compute it again


def test_an_incomplete_nik_prepares_nothing(
    qtbot, form: RegistrationForm, core: Core, hashes: list[str]
) -> None:
    form.nik_edit.setFocus()
    qtbot.keyClicks(form.nik_edit, "3174 0157 0890")
    qtbot.keyClick(form.nik_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.organisation_edit
    assert hashes == [] and len(core.nik_key._ready) == 0
