"""Fixtures for end-to-end tests: the real application (main.py as a subprocess) in
a real X window (tests.fixtures_system.xvfb_display), driven with xdotool.

    uv run pytest -m e2e                                # only these
    SMESCO_E2E_SHOTS=/tmp/shots uv run pytest -m e2e    # keep the screenshots

Screenshots go to $SMESCO_E2E_SHOTS/<test name>/ when that is set, else to the
test's tmp_path; a failing test adds one of the screen as it was at the failure,
the visible windows and the application's output. Needs Xvfb, xdotool,
ImageMagick (import), poppler-utils (pdftoppm) and, for the badge, the CUPS
queue SmescoPDF (scripts/install-system-packages.sh, scripts/start-services.sh).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.helpers_e2e import DeskApp, Screen, missing_tools, write_settings
from tests.fixtures_system import _unavailable
from ui.settings import (
    BADGE_PRINTER,
    LANGUAGE,
    PREVIEW_BEFORE_PRINT,
    PRINT_BADGE_AFTER_REGISTER,
)

_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    report = yield
    if report.when == "call" and report.failed:
        item.stash[_FAILED] = True
    return report


@pytest.fixture
def shots_dir(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    root = os.environ.get("SMESCO_E2E_SHOTS")
    if not root:
        return tmp_path / "shots"
    return Path(root) / re.sub(r"[^\w.-]+", "_", request.node.name)


@pytest.fixture
def screen(xvfb_display: str, shots_dir: Path) -> Screen:
    missing = missing_tools()
    if missing:
        _unavailable(f"end-to-end tests need {', '.join(missing)}")
    return Screen(xvfb_display, shots_dir)


@pytest.fixture
def config_home(tmp_path: Path) -> Path:
    """XDG_CONFIG_HOME for the app, with its QSettings file pre-written: badges
    printed to the cups-pdf queue straight after registering, no preview."""
    home = tmp_path / "xdg-config"
    write_settings(home, {
        LANGUAGE: "id",
        BADGE_PRINTER: "SmescoPDF",
        PRINT_BADGE_AFTER_REGISTER: True,
        PREVIEW_BEFORE_PRINT: False,
    })
    return home


@pytest.fixture
def launch(request: pytest.FixtureRequest, screen: Screen, config_home: Path,
           tmp_path: Path) -> Iterator[Callable[[Path], DeskApp]]:
    """launch(data_dir) starts the app; every app started is ended after the test."""
    apps: list[DeskApp] = []

    def start(data_dir: Path) -> DeskApp:
        log = tmp_path / f"app-{len(apps) + 1}.log"
        app = DeskApp.start(data_dir, config_home, screen.display, log)
        apps.append(app)
        return app

    try:
        yield start
    finally:
        if request.node.stash.get(_FAILED, False):
            print(screen.diagnosis(shot="at-failure"))
            for app in apps:
                print(f"--- {app.log_path} ---\n{app.log()}")
        for app in apps:
            app.stop()
        print("screenshots:", *map(str, screen.shots), sep="\n  ")
