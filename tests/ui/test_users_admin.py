"""Settings › Pengguna and the login dialog (issue 13, point 11): rename, role,
deactivate, a temporary password, a lock after five wrong passwords."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.logins import MAX_FAILURES
from smesco_desk.values.audit import AuditFilter
from tests.ui.helpers_ui import ADMIN_PASSWORD, USER_PASSWORD, make_actor
from ui.context import AppContext
from ui.dialogs.login import LoginDialog
from ui.pages.settings.users import UsersPage


def _page(qtbot, ctx: AppContext) -> UsersPage:
    page = UsersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.load()
    return page


def _pick(page: UsersPage, username: str) -> None:
    row = [page.model.index(r, 0).data() for r in range(page.model.rowCount())].index(username)
    page.table.selectRow(row)


def _cell(page: UsersPage, username: str, column: int) -> str:
    row = [page.model.index(r, 0).data() for r in range(page.model.rowCount())].index(username)
    return str(page.model.index(row, column).data())


def _login(qtbot, ctx: AppContext, username: str, password: str) -> LoginDialog:
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    dialog.login_button.click()
    return dialog


@pytest.fixture
def sari(ctx: AppContext, admin: Actor) -> Actor:
    return make_actor(ctx.core, admin, Role.RECEPTIONIST, "sari")


def test_rename_and_role_are_saved_and_the_login_name_stays(
    qtbot, ctx: AppContext, sari: Actor
) -> None:
    page = _page(qtbot, ctx)
    _pick(page, "sari")
    assert page.username_edit.isReadOnly() and page.update_button.isVisible()
    page.full_name_edit.setText("Sari Wulandari")
    page.role_combo.setCurrentIndex(page.role_combo.findData(Role.SUPERVISOR.value))
    page.update_button.click()
    assert "disimpan" in page.result_label.text()
    assert _cell(page, "sari", 1) == "Sari Wulandari" and _cell(page, "sari", 2) == "Supervisor"
    (rename,) = ctx.core.audit.entries(ctx.require_actor(), AuditFilter(kind="user.rename"))
    assert rename.detail["to"] == "Sari Wulandari"


def test_the_last_administrator_keeps_the_role_with_a_message_at_the_field(
    qtbot, ctx: AppContext, sari: Actor
) -> None:
    page = _page(qtbot, ctx)
    _pick(page, "admin")
    page.role_combo.setCurrentIndex(page.role_combo.findData(Role.SUPERVISOR.value))
    page.update_button.click()
    assert "terakhir" in page.errors["role"].text() and page.errors["role"].isVisible()
    assert _cell(page, "admin", 2) == "Administrator"


def test_deactivate_asks_then_refuses_the_login_and_reactivate_lets_in(
    qtbot, ctx: AppContext, sari: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, ctx)
    _pick(page, "sari")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    page.active_button.click()  # "No": nothing changes
    assert _cell(page, "sari", 3) == "Aktif"
    page.active_button.click()
    assert _cell(page, "sari", 3) == "Nonaktif"
    assert page.active_button.text() == "Aktifkan kembali"
    dialog = _login(qtbot, ctx, "sari", USER_PASSWORD)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "dinonaktifkan" in dialog.errors["username"].text()
    page.active_button.click()  # reactivating asks nothing
    assert _cell(page, "sari", 3) == "Aktif"
    assert _login(qtbot, ctx, "sari", USER_PASSWORD).result() == QDialog.DialogCode.Accepted


def test_five_wrong_passwords_lock_and_the_administrator_unlocks(
    qtbot, ctx: AppContext, sari: Actor
) -> None:
    admin_actor = ctx.require_actor()
    for _ in range(MAX_FAILURES):
        dialog = _login(qtbot, ctx, "sari", "bukan-sandinya")
    assert "terkunci" in dialog.errors["password"].text().lower()
    ctx.actor = admin_actor
    page = _page(qtbot, ctx)
    assert _cell(page, "sari", 3).startswith("Terkunci")
    _pick(page, "sari")
    assert page.unlock_button.isVisible() and "Terkunci" in page.box.title()
    page.unlock_button.click()
    assert _cell(page, "sari", 3) == "Aktif" and not page.unlock_button.isVisible()
    assert _login(qtbot, ctx, "sari", USER_PASSWORD).result() == QDialog.DialogCode.Accepted


def test_a_temporary_password_is_replaced_in_the_login_dialog(
    qtbot, ctx: AppContext, sari: Actor
) -> None:
    admin_actor = ctx.require_actor()
    page = _page(qtbot, ctx)
    _pick(page, "sari")
    page.password_edit.setText("sementara-1")
    page.password_button.click()
    assert "sementara" in page.result_label.text()
    assert _cell(page, "sari", 3) == "Aktif, sandi sementara"
    dialog = _login(qtbot, ctx, "sari", "sementara-1")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.changing_password() and dialog.new_password_edit.isVisible()
    assert not dialog.password_edit.isEnabled()
    assert dialog.login_button.text() == "Simpan dan masuk"
    dialog.new_password_edit.setText("milik-sari-1")
    dialog.repeat_edit.setText("milik-sari-2")
    dialog.login_button.click()
    assert "tidak sama" in dialog.errors["repeat"].text()
    dialog.new_password_edit.setText("pendek")
    dialog.repeat_edit.setText("pendek")
    dialog.login_button.click()
    assert "minimal" in dialog.errors["new_password"].text()
    dialog.new_password_edit.setText("milik-sari-1")
    dialog.repeat_edit.setText("milik-sari-1")
    dialog.login_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.username == "sari"
    ctx.actor = admin_actor
    page.load()
    assert _cell(page, "sari", 3) == "Aktif"
    assert ctx.core.users.authenticate("sari", "milik-sari-1").username == "sari"


def test_a_new_user_is_still_added(qtbot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    page.username_edit.setText("rudi")
    page.full_name_edit.setText("Rudi Hartono")
    page.password_edit.setText(ADMIN_PASSWORD)
    page.add_button.click()
    assert _cell(page, "rudi", 1) == "Rudi Hartono" and _cell(page, "rudi", 3) == "Aktif"


def test_one_message_and_five_users_in_view_at_1024x768(
    qtbot, qapp, ctx: AppContext, admin: Actor, sari: Actor
) -> None:
    """A reviewer saw "Perubahan rudi disimpan." and "Pengaturan tersimpan." at
    once, and two or three users over the form at 1024x768."""
    from PySide6.QtWidgets import QScrollArea

    from ui.app import load_style_sheet
    from ui.pages.settings.panel import SettingsPanel
    from ui.pages.settings.users import LIST_ROWS

    for name in ("rudi", "dewi", "hendra", "wati"):
        make_actor(ctx.core, admin, Role.RECEPTIONIST, name)
    old = qapp.styleSheet()
    qapp.setStyleSheet(load_style_sheet())
    try:
        panel = SettingsPanel(ctx)
        qtbot.addWidget(panel)
        panel.resize(1024 - 190 - 48, 768 - 30 - 30 - 70)  # beside the navigation
        panel.show()
        panel.show_tab("users")
        qtbot.waitExposed(panel)
        page = panel.pages["users"]
        assert isinstance(page, UsersPage)
        _pick(page, "rudi")
        page.full_name_edit.setText("Rudi Hartono")
        page.update_button.click()
        assert page.result_label.text() == "Perubahan rudi disimpan."
        assert panel.status_label.text() == ""  # one message only
        rows = page.table.viewport().height() // page.table.verticalHeader().defaultSectionSize()
        assert rows >= LIST_ROWS >= 5
        scroll = page.findChild(QScrollArea, "user_form_scroll")
        for button in (page.update_button, page.new_button, page.active_button):
            bottom = button.mapTo(scroll.viewport(), button.rect().bottomRight()).y()
            assert bottom <= scroll.viewport().height(), button.text()  # not scrolled away
    finally:
        qapp.setStyleSheet(old)
