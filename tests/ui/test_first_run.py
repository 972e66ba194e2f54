"""The first-run wizard over a new, empty database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from smesco_desk.services.actors import Role
from ui.context import AppContext
from ui.dialogs.first_run import FirstRunWizard
from ui.dialogs.login import LAST_USERNAME


def make_wizard(qtbot, ctx: AppContext) -> FirstRunWizard:
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def fill_admin(wizard: FirstRunWizard, username: str = "kepala",
               full_name: str = "Kepala Resepsionis", password: str = "rahasia-123",
               confirm: str | None = None) -> None:
    page = wizard.admin_page
    page.username_edit.setText(username)
    page.full_name_edit.setText(full_name)
    page.password_edit.setText(password)
    page.confirm_edit.setText(password if confirm is None else confirm)


def test_the_desk_code_defaults_to_d01(qtbot, bare_ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, bare_ctx)
    assert wizard.desk_page.desk_edit.text() == "D01"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Lanjut >"


def test_typing_the_desk_code_upper_cases_it(qtbot, bare_ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, bare_ctx)
    wizard.desk_page.desk_edit.clear()
    qtbot.keyClicks(wizard.desk_page.desk_edit, "d02")
    assert wizard.desk_page.desk_edit.text() == "D02"


def test_a_bad_desk_code_is_shown_under_the_field(qtbot, bare_ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, bare_ctx)
    wizard.desk_page.desk_edit.setText("1")
    wizard.next()
    assert wizard.currentPage() is wizard.desk_page
    error = wizard.errors["desk"]
    assert error.isVisible() and "D01" in error.text()
    assert bare_ctx.core.setup.needs_setup()


def test_the_whole_set_up_logs_the_administrator_in(qtbot, bare_ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, bare_ctx)
    wizard.desk_page.desk_edit.setText("D02")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    fill_admin(wizard, username="Kepala")
    wizard.next()
    assert wizard.currentPage() is wizard.done_page
    actor = wizard.actor
    assert actor is not None and actor.username == "kepala" and actor.role == Role.ADMIN
    assert "D02" in wizard.done_page.summary.text()
    assert "Kepala Resepsionis" in wizard.done_page.summary.text()
    core = bare_ctx.core
    assert not core.setup.needs_setup() and core.desk_code == "D02"
    assert bare_ctx.settings.get(LAST_USERNAME) == "kepala"
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_service_errors_appear_under_their_fields_and_nothing_is_written(
        qtbot, bare_ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, bare_ctx)
    wizard.next()
    fill_admin(wizard, username="x", full_name="  ", password="pendek")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    for field in ("username", "full_name", "password"):
        assert wizard.errors[field].isVisible(), field
    assert "8" in wizard.errors["password"].text()
    assert not bare_ctx.core.setup.is_initialized()  # checked before anything is stored
    assert wizard.admin_page.isEnabled()


def test_password_and_confirmation_must_match(qtbot, bare_ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, bare_ctx)
    wizard.next()
    fill_admin(wizard, password="rahasia-123", confirm="rahasia-124")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    assert wizard.errors["password_confirm"].isVisible()
    assert bare_ctx.core.setup.needs_setup()


def test_mandatory_fields_keep_next_disabled(qtbot, bare_ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, bare_ctx)
    wizard.next()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    fill_admin(wizard)
    assert next_button.isEnabled()


def test_an_initialised_desk_keeps_its_code(qtbot, bare_ctx: AppContext) -> None:
    bare_ctx.core.setup.initialize("D07")  # e.g. the wizard was closed after a failure
    wizard = make_wizard(qtbot, bare_ctx)
    assert wizard.desk_page.desk_edit.text() == "D07"
    assert wizard.desk_page.desk_edit.isReadOnly()
    wizard.next()
    fill_admin(wizard)
    wizard.next()
    assert wizard.actor is not None and bare_ctx.core.desk_code == "D07"


def test_enter_moves_on(qtbot, bare_ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, bare_ctx)
    qtbot.keyClick(wizard.desk_page.desk_edit, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.admin_page


def _focused(wizard: FirstRunWizard):
    """The widget with the keyboard focus in the wizard (also when not the active window)."""
    return wizard.focusWidget()


def test_every_bad_field_is_reported_at_once(qtbot, bare_ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, bare_ctx)
    wizard.next()
    fill_admin(wizard, username="Admin Utama", password="abc", confirm="abd")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    for field in ("username", "password", "password_confirm"):
        assert not wizard.errors[field].isHidden(), field
    assert wizard.errors["full_name"].isHidden()
    assert bare_ctx.core.setup.needs_setup()


def test_after_a_refusal_the_first_bad_field_has_the_focus(qtbot, bare_ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, bare_ctx)
    wizard.next()
    page = wizard.admin_page
    fill_admin(wizard, password="abc")
    page.confirm_edit.setFocus()
    qtbot.keyClick(page.confirm_edit, Qt.Key.Key_Return)  # "Lanjut" by keyboard
    assert wizard.currentPage() is page
    assert _focused(wizard) is page.password_edit  # not a button
    assert page.password_edit.selectedText() == "abc"  # ready to type over
    fill_admin(wizard, username="Admin Utama", password="abc")
    wizard.next()
    assert _focused(wizard) is page.username_edit  # the first of two


def test_editing_a_field_takes_its_message_away(qtbot, bare_ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, bare_ctx)
    wizard.next()
    fill_admin(wizard, password="abc")
    wizard.next()
    assert not wizard.errors["password"].isHidden()
    qtbot.keyClicks(wizard.admin_page.password_edit, "defghij")
    assert wizard.errors["password"].isHidden()


def test_back_and_forth_keeps_the_values_and_drops_old_messages(
        qtbot, bare_ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, bare_ctx)
    wizard.next()
    fill_admin(wizard, username="Admin Utama", password="abc")
    wizard.next()
    assert not wizard.errors["username"].isHidden()
    wizard.back()
    assert wizard.currentPage() is wizard.desk_page
    wizard.next()
    page = wizard.admin_page
    assert wizard.currentPage() is page
    assert page.username_edit.text() == "Admin Utama" and page.password_edit.text() == "abc"
    assert all(wizard.errors[f].isHidden() for f in ("username", "password", ""))
    page.username_edit.setText("kepala")
    page.password_edit.setText("rahasia-123")
    page.confirm_edit.setText("rahasia-123")
    wizard.next()
    assert wizard.currentPage() is wizard.done_page


@pytest.mark.parametrize(("answer", "closed"), [
    (QMessageBox.StandardButton.No, False),
    (QMessageBox.StandardButton.Yes, True),
], ids=["no", "yes"])
def test_cancel_asks_first(qtbot, bare_ctx: AppContext, monkeypatch: pytest.MonkeyPatch,
                           answer: QMessageBox.StandardButton, closed: bool) -> None:
    asked: list[str] = []

    def question(_parent, title, _text, *_args):
        asked.append(title)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    wizard = make_wizard(qtbot, bare_ctx)
    with qtbot.waitSignal(wizard.rejected, timeout=200, raising=False) as rejected:
        wizard.button(QWizard.WizardButton.CancelButton).click()
    assert asked == ["Batalkan penyiapan?"]
    assert rejected.signal_triggered is closed
    assert wizard.isVisible() is not closed
