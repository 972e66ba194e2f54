"""The login dialog against real users in a temporary database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from smesco_desk.services.actors import Role
from tests.ui.helpers_ui import ADMIN_PASSWORD, ADMIN_USERNAME
from ui.context import AppContext
from ui.dialogs.login import LAST_USERNAME, LoginDialog


def make_dialog(qtbot, ctx: AppContext, hint: str = "") -> LoginDialog:
    ctx.actor = None
    dialog = LoginDialog(ctx, hint)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_correct_login_accepts_and_remembers_the_username(qtbot, ctx: AppContext) -> None:
    dialog = make_dialog(qtbot, ctx)
    dialog.username_edit.setText(" Admin ")
    dialog.password_edit.setText(ADMIN_PASSWORD)
    dialog.login_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role == Role.ADMIN
    assert ctx.settings.get(LAST_USERNAME) == ADMIN_USERNAME


def test_a_wrong_password_is_shown_at_the_field(qtbot, ctx: AppContext) -> None:
    dialog = make_dialog(qtbot, ctx)
    dialog.username_edit.setText(ADMIN_USERNAME)
    dialog.password_edit.setText("salah-sekali")
    dialog.login_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.actor is None
    error = dialog.errors["password"]
    assert error.isVisible() and "salah" in error.text()
    assert dialog.password_edit.hasSelectedText()
    assert dialog.login_button.isEnabled()  # can try again


def test_an_empty_username_is_asked_for(qtbot, ctx: AppContext) -> None:
    dialog = make_dialog(qtbot, ctx)
    dialog.password_edit.setText(ADMIN_PASSWORD)
    dialog.login_button.click()
    assert dialog.errors["username"].isVisible()
    assert not dialog.errors["password"].isVisible()


def test_enter_in_the_password_field_logs_in(qtbot, ctx: AppContext) -> None:
    dialog = make_dialog(qtbot, ctx)
    dialog.username_edit.setText(ADMIN_USERNAME)
    dialog.password_edit.setText(ADMIN_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_last_username_is_filled_in(qtbot, ctx: AppContext) -> None:
    ctx.settings.set(LAST_USERNAME, "sari")
    dialog = make_dialog(qtbot, ctx)
    assert dialog.username_edit.text() == "sari"


def test_the_demo_hint_shows_only_when_given(qtbot, ctx: AppContext) -> None:
    plain = make_dialog(qtbot, ctx)
    assert plain.demo_hint_label.isHidden()
    demo = make_dialog(qtbot, ctx, "Data demo: masuk sebagai sari / smesco2026")
    assert demo.demo_hint_label.isVisible() and "sari" in demo.demo_hint_label.text()


def test_quit_rejects(qtbot, ctx: AppContext) -> None:
    dialog = make_dialog(qtbot, ctx)
    dialog.quit_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.actor is None


def test_a_given_username_wins_over_the_last_one(qtbot, ctx: AppContext) -> None:
    ctx.settings.set(LAST_USERNAME, "admin")
    ctx.actor = None
    dialog = LoginDialog(ctx, "Data demo: masuk sebagai sari / smesco2026", "sari")
    qtbot.addWidget(dialog)
    assert dialog.username_edit.text() == "sari"
