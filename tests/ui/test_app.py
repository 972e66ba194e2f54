"""Starting the application: arguments, style sheet, translations, demo data,
and the session (first run or login, main window, logout)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from smesco_desk import i18n
from smesco_desk.services.core import Core
from tests.ui.helpers_ui import ADMIN_PASSWORD, ADMIN_USERNAME
from ui.app import (
    SessionController,
    build_context,
    install_translations,
    load_style_sheet,
    parse_args,
    prepare_demo,
)
from ui.context import AppContext
from ui.dialogs.demo_fill import DemoFillDialog
from ui.dialogs.first_run import FirstRunWizard
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow
from ui.operations import OperationRunner


def test_arguments_and_what_is_left_for_qt() -> None:
    args, rest = parse_args(["--data-dir", "/tmp/x", "--demo", "--lang", "en",
                             "-platform", "offscreen"])
    assert args.data_dir == Path("/tmp/x") and args.demo and args.lang == "en"
    assert args.database_url is None
    assert rest == ["-platform", "offscreen"]


def test_the_style_sheet_points_at_the_bundled_icons() -> None:
    sheet = load_style_sheet()
    assert "QPushButton[primary=\"true\"]" in sheet
    assert "@resources@" not in sheet
    icon = sheet.split("url(", 1)[1].split(")", 1)[0]
    assert Path(icon).is_file()


def test_build_context_has_a_runner_and_nobody_logged_in(core: Core, qapp) -> None:
    ctx = build_context(core)
    assert isinstance(ctx.runner, OperationRunner) and ctx.actor is None
    ctx.runner.deleteLater()


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[list]:
    installed: list = []
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    i18n.set_language("id")


def test_english_translates_the_interface(qapp: QApplication, translators: list) -> None:
    translators += install_translations(qapp, "en")
    assert translators, "resources/translations/smesco_desk_en.qm is missing"
    assert QCoreApplication.translate("MainWindow", "Tamu") == "Visitors"
    assert QCoreApplication.translate("MainWindow", "Di dalam gedung: %n orang", "", 2) == \
        "In the building: 2 people"
    assert i18n.language() == "en"


def test_indonesian_also_translates_qt_buttons(qapp: QApplication, translators: list) -> None:
    translators += install_translations(qapp, "id")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"
    assert QCoreApplication.translate("QMessageBox", "Show Details...") == "Tampilkan rincian…"
    assert QCoreApplication.translate("MainWindow", "Tamu") == "Tamu"


@pytest.mark.slow
def test_demo_data_fills_an_empty_database(bare_ctx: AppContext, capsys) -> None:
    info = prepare_demo(bare_ctx)
    core = bare_ctx.core
    assert info is not None and not core.setup.needs_setup()
    assert f"Demo login: {info.username} / {info.password}" in capsys.readouterr().out
    core.users.authenticate(info.username, info.password)
    again = prepare_demo(bare_ctx)  # earlier demo data: only the login again
    assert again is not None and again.already_seeded


@pytest.mark.slow
def test_the_demo_fill_shows_its_window_at_once_and_fills_off_the_ui_thread(
    bare_core: Core, ui_settings, qtbot
) -> None:
    """The window is up before the first visit is written; the UI thread keeps
    turning (a timer ticks) while the worker fills; the bar reaches the end."""
    runner = OperationRunner()  # a real worker thread, as in the application
    ctx = AppContext(bare_core, runner, ui_settings, None)
    dialog = DemoFillDialog(ctx)
    qtbot.addWidget(dialog)
    seen: list[tuple[bool, int, int]] = []
    ticks = QTimer(dialog, interval=20)
    ticks.timeout.connect(lambda: seen.append(
        (dialog.isVisible(), dialog.progress_bar.value(), dialog.progress_bar.maximum())))
    ticks.start()
    try:
        info = dialog.fill()
    finally:
        runner.wait_idle()
        ticks.stop()
    assert info is not None and info.visits > 300 and not info.already_seeded
    assert len(seen) > 20, "the UI thread stood still while the demo filled"
    assert all(visible for visible, _value, _maximum in seen)
    values = [value for _visible, value, maximum in seen if maximum > 0]
    assert values == sorted(values) and len(set(values)) > 5  # it moved, forwards
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()


def test_demo_data_never_goes_into_a_real_database(ctx: AppContext, capsys) -> None:
    assert prepare_demo(ctx) is None
    assert "adds nothing" in capsys.readouterr().err


# --- the session ---------------------------------------------------------------------


class Dialogs:
    """Answers the wizard and the login dialog instead of a person."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, ctx: AppContext) -> None:
        self.logins: list[str] = []
        self.wizards = 0
        self.answer_login = True
        core = ctx.core

        def login_exec(dialog: LoginDialog) -> int:
            self.logins.append(dialog.demo_hint_label.text())
            if not self.answer_login:
                return QDialog.DialogCode.Rejected
            dialog.actor = core.users.authenticate(ADMIN_USERNAME, ADMIN_PASSWORD)
            return QDialog.DialogCode.Accepted

        def wizard_exec(wizard: FirstRunWizard) -> int:
            self.wizards += 1
            wizard.show()  # as exec() would
            wizard.desk_page.desk_edit.setText("D03")
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


@pytest.fixture
def controller(qtbot) -> Iterator[list[SessionController]]:
    made: list[SessionController] = []
    yield made
    for item in made:
        if item.window is not None:
            item.window.closed.disconnect(item._quit)
            item.window.close()
            item.window.deleteLater()
    qtbot.wait(5)


def test_a_new_database_starts_with_the_wizard(bare_ctx: AppContext, controller,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    dialogs = Dialogs(monkeypatch, bare_ctx)
    session = SessionController(bare_ctx)
    controller.append(session)
    assert session.start()
    assert dialogs.wizards == 1 and dialogs.logins == []
    assert isinstance(session.window, MainWindow)
    assert bare_ctx.actor is not None and bare_ctx.core.desk_code == "D03"


def test_a_set_up_database_starts_with_the_login(ctx: AppContext, controller,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    dialogs = Dialogs(monkeypatch, ctx)
    session = SessionController(ctx, "Data demo: masuk sebagai sari / smesco2026")
    controller.append(session)
    assert session.start()
    assert dialogs.logins == ["Data demo: masuk sebagai sari / smesco2026"]
    assert session.window is not None and session.window.isVisible()


def test_giving_up_at_the_login_ends_the_start(ctx: AppContext, controller,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    dialogs = Dialogs(monkeypatch, ctx)
    dialogs.answer_login = False
    session = SessionController(ctx)
    controller.append(session)
    assert not session.start() and session.window is None


def test_logout_asks_for_a_login_and_opens_a_new_window(qtbot, ctx: AppContext, controller,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    dialogs = Dialogs(monkeypatch, ctx)
    session = SessionController(ctx)
    controller.append(session)
    session.start()
    first = session.window
    assert first is not None
    first.logout_action.trigger()
    assert len(dialogs.logins) == 2
    assert session.window is not None and session.window is not first
    assert not first.isVisible()


def test_logout_then_giving_up_quits(qtbot, ctx: AppContext, controller,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    dialogs = Dialogs(monkeypatch, ctx)
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    session = SessionController(ctx)
    controller.append(session)
    session.start()
    dialogs.answer_login = False
    assert session.window is not None
    session.window.logout_action.trigger()
    assert quits == [True] and session.window is None and ctx.actor is None


def test_question_boxes_have_plain_buttons(qapp: QApplication) -> None:
    """Under X the platform theme gave "Ya" and "Tidak" green and red ball icons
    (a reviewer's screenshot); the style sheet turns them off whatever the theme."""
    from PySide6.QtWidgets import QMessageBox, QProxyStyle, QStyle

    hint = QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons

    class IconTheme(QProxyStyle):  # a platform theme that wants icons, as X's did
        def styleHint(self, which, option=None, widget=None, data=None):  # noqa: N802
            return 1 if which == hint else super().styleHint(which, option, widget, data)

    old_sheet, old_style = qapp.styleSheet(), qapp.style().name()
    try:
        qapp.setStyle(IconTheme("Fusion"))
        qapp.setStyleSheet("")
        boxes = []
        for sheet in ("", load_style_sheet()):
            qapp.setStyleSheet(sheet)
            box = QMessageBox(QMessageBox.Icon.Question, "?", "Nonaktifkan?",
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            box.show()
            boxes.append(box)
            QCoreApplication.processEvents()
        with_theme, with_sheet = ([b.icon().isNull() for b in box.buttons()] for box in boxes)
        assert with_theme == [False, False]  # (the theme's icons, without the rule)
        assert with_sheet == [True, True]
        for box in boxes:
            box.close()
    finally:
        qapp.setStyleSheet(old_sheet)
        qapp.setStyle(old_style)
