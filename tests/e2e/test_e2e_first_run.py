"""First start on a new desk, in the real application: the wizard, typed through,
then the administrator logs in by typing and reaches the main window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smesco_desk.services.actors import Role
from smesco_desk.services.core import open_core
from tests.e2e.helpers_e2e import (
    LOGIN_TITLE,
    MAIN_TITLE,
    WIZARD_TITLE,
    DeskApp,
    Screen,
    audit_actions,
    wait_until,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

USERNAME, FULL_NAME, PASSWORD = "admin", "Budi Santoso", "rahasia-admin-1"


def log_in_with_password(screen: Screen, app: DeskApp, shot: str) -> None:
    """The login as it opens for the last user: the name filled in, the password
    field focused. Type the password, Enter."""
    login = screen.wait_window(LOGIN_TITLE, app)
    screen.focus(login)
    screen.type(PASSWORD)
    screen.shot(shot)
    screen.key("Return")


def test_first_run_wizard_then_login(launch: Callable[[Path], DeskApp], screen: Screen,
                                     tmp_path: Path) -> None:
    data_dir = tmp_path / "data"  # empty: a new desk
    app = launch(data_dir)

    wizard = screen.wait_window(WIZARD_TITLE, app)
    screen.focus(wizard)
    screen.shot("wizard-desk-code")
    screen.key("ctrl+a")
    screen.type("d07")  # the field upper-cases what is typed
    screen.key("Return")
    screen.type(USERNAME)
    screen.key("Tab")
    screen.type(FULL_NAME)
    screen.key("Tab")
    screen.type(PASSWORD)
    screen.key("Tab")
    screen.type(PASSWORD)
    screen.shot("wizard-administrator")
    screen.key("Return")

    # The set-up runs on a worker (desk, administrator, login); the last page
    # follows at once. Return pressed earlier could reach another button.
    wait_until(lambda: "user.login" in audit_actions(data_dir), 30,
               "the wizard to set up the desk and log the administrator in",
               on_timeout=lambda: screen.diagnosis(app))
    screen.shot("wizard-done")
    screen.key("Return")

    # The wizard logs the new administrator in; a login in between is fine too.
    shown, window = screen.wait_any({"main": MAIN_TITLE, "login": LOGIN_TITLE}, app)
    if shown == "login":
        log_in_with_password(screen, app, "login-after-wizard")
        window = screen.wait_window(MAIN_TITLE, app)
    screen.focus(window)
    screen.shot("main-window-after-wizard")

    # Berkas › Keluar akun, then log in again by typing.
    screen.key("alt+b", "Down", "Return", delay_ms=150)
    log_in_with_password(screen, app, "login")
    main = screen.wait_window(MAIN_TITLE, app, exclude=[window])
    screen.focus(main)
    screen.shot("main-window")

    screen.key("ctrl+q")
    assert app.wait_exit(15) == 0, app.log()
    assert "Traceback" not in app.log(), app.log()

    # Each login is audited: the wizard's (or the login after it), and the one typed.
    assert audit_actions(data_dir).count("user.login") == (3 if shown == "login" else 2)
    core = open_core(data_dir, upgrade=False)
    try:
        assert core.desk_code == "D07"
        actor = core.users.authenticate(USERNAME, PASSWORD)
        assert (actor.full_name, actor.role) == (FULL_NAME, Role.ADMIN)
    finally:
        core.close()
