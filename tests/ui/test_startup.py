"""Start-up order: the login dialog before SQLAlchemy, the core opened by a
`CoreLoader` behind it, and the main window's pages built when first shown."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from smesco_desk.errors import DomainError
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitorForm
from tests.ui.helpers_ui import ADMIN_PASSWORD, ADMIN_USERNAME
from ui.app import SETUP_NEEDED, SessionController
from ui.context import AppContext
from ui.dialogs.first_run import FirstRunWizard
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow
from ui.operations import OperationRunner
from ui.settings import UiSettings
from ui.startup import CoreLoader

REPO = Path(__file__).resolve().parents[2]


def test_the_login_dialog_needs_neither_sqlalchemy_nor_the_pages() -> None:
    """What `main.py` imports before the login dialog is on screen."""
    code = ("import sys, ui.app, ui.dialogs.login, ui.context; print(sorted(m for m in "
            "sys.modules if m.split('.')[0] in ('sqlalchemy', 'reportlab') "
            "or m.startswith('ui.pages') or m in ('ui.main_window', 'smesco_desk.services.core')"
            "))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, check=True, timeout=120)
    assert done.stdout.strip() == "[]"


class Gate:
    """A loader's `open_core` that waits until the test lets it through."""

    def __init__(self, core: Core | None = None, error: BaseException | None = None) -> None:
        self.core, self.error = core, error
        self.opened = threading.Event()

    def __call__(self) -> Core:
        assert self.opened.wait(30)
        if self.error is not None:
            raise self.error
        assert self.core is not None
        return self.core


@pytest.fixture
def loading(ui_settings: UiSettings, runner: OperationRunner
            ) -> Callable[..., AppContext]:
    """A context whose core a `CoreLoader` opens (through a Gate)."""

    def make(gate: Gate, likely_set_up: bool = True) -> AppContext:
        return AppContext(CoreLoader(gate, likely_set_up=likely_set_up), runner,
                          ui_settings)

    return make


def close_window(session: SessionController) -> None:
    if session.window is not None:
        session.window.closed.disconnect(session._quit)
        session.window.close()
        session.window.deleteLater()


def test_the_login_is_up_while_the_core_still_opens(qtbot, core: Core, loading,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    gate = Gate(core)
    ctx = loading(gate)
    seen: list[bool] = []

    def login_exec(dialog: LoginDialog) -> int:
        seen.append(ctx.core_ready())  # the dialog is up, the core not open yet
        dialog.username_edit.setText(ADMIN_USERNAME)
        dialog.password_edit.setText(ADMIN_PASSWORD)
        gate.opened.set()
        dialog.submit()  # the same check as ever: UserService.authenticate
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    session = SessionController(ctx)
    try:
        assert session.start()
        assert seen == [False]
        assert isinstance(session.window, MainWindow) and ctx.core is core
        assert ctx.actor is not None and ctx.actor.username == ADMIN_USERNAME
    finally:
        close_window(session)


def test_a_desk_without_users_turns_the_login_into_the_wizard(
        qtbot, bare_core: Core, loading, monkeypatch: pytest.MonkeyPatch) -> None:
    gate = Gate(bare_core)
    ctx = loading(gate)
    shown: list[str] = []

    def login_exec(dialog: LoginDialog) -> int:
        shown.append("login")
        gate.opened.set()
        qtbot.waitUntil(lambda: dialog.result() == SETUP_NEEDED)
        return dialog.result()

    def wizard_exec(wizard: FirstRunWizard) -> int:
        shown.append("wizard")
        wizard.show()
        wizard.desk_page.desk_edit.setText("D02")
        wizard.next()
        page = wizard.admin_page
        page.username_edit.setText(ADMIN_USERNAME)
        page.full_name_edit.setText("Admin Pertama")
        page.password_edit.setText(ADMIN_PASSWORD)
        page.confirm_edit.setText(ADMIN_PASSWORD)
        wizard.next()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    monkeypatch.setattr(FirstRunWizard, "exec", wizard_exec)
    session = SessionController(ctx)
    try:
        assert session.start()
        assert shown == ["login", "wizard"]
        assert isinstance(session.window, MainWindow) and bare_core.desk_code == "D02"
    finally:
        close_window(session)


def test_a_new_desk_waits_for_the_core_and_starts_with_the_wizard(
        bare_core: Core, loading, monkeypatch: pytest.MonkeyPatch) -> None:
    gate = Gate(bare_core)
    gate.opened.set()
    ctx = loading(gate, likely_set_up=False)  # no database file yet
    shown: list[str] = []
    monkeypatch.setattr(LoginDialog, "exec", lambda d: shown.append("login") or 0)
    monkeypatch.setattr(FirstRunWizard, "exec", lambda w: shown.append("wizard") or 0)
    session = SessionController(ctx)
    assert not session.start()  # gave up at the wizard
    assert shown == ["wizard"]


@pytest.mark.parametrize("likely_set_up", [True, False])
def test_a_database_that_cannot_be_opened_ends_the_start(
        qtbot, loading, monkeypatch: pytest.MonkeyPatch, likely_set_up: bool) -> None:
    problem = DomainError("the database is locked by another program")
    gate = Gate(error=problem)
    ctx = loading(gate, likely_set_up)
    gate.opened.set()

    def login_exec(dialog: LoginDialog) -> int:
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Rejected
                        and ctx.loader is not None and ctx.loader.is_done())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    session = SessionController(ctx)
    assert not session.start() and session.window is None
    assert ctx.loader is not None and ctx.loader.error is problem
    with pytest.raises(DomainError):
        ctx.core  # noqa: B018


# --- pages built when first shown ---------------------------------------------------


def test_pages_are_built_when_first_shown_and_follow_changes_after(qtbot,
                                                                   ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        others = [name for name in window.pages if name != "visitors"]
        assert others and window.pages.is_built("visitors")
        assert not any(window.pages.is_built(name) for name in others)
        assert "audit" in window.pages and not window.pages.is_built("audit")  # offered only
        window.show_page("audit")
        page = window.pages["audit"]
        assert window.pages.is_built("audit") and window.stack.currentWidget() is page
        assert not any(window.pages.is_built(n) for n in others if n != "audit")
        window.show_page("visitors")
        window.show_page("audit")
        assert window.pages["audit"] is page  # built once
        before = page.model.total()  # type: ignore[attr-defined]
        actor = ctx.require_actor()
        ctx.runner.op(lambda: ctx.core.visitors.register(
            actor, VisitorForm("Siti Aminah", "081234567890", "meeting", consent=True))).run()
        qtbot.waitUntil(lambda: page.model.total() > before)  # type: ignore[attr-defined]
    finally:
        window.close()
        qtbot.wait(5)
