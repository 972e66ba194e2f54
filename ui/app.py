"""Starting the desktop application: arguments, Qt set-up, first run or login, main window.

    uv run main.py [--data-dir DIR] [--database-url URL] [--demo] [--lang id|en]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer, QTranslator, Slot
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from smesco_desk import i18n
from smesco_desk.paths import database_path, default_data_dir, resource, translations_dir
from smesco_desk.services.actors import Actor
from ui.context import AppContext
from ui.errors import show_error
from ui.operations import OperationRunner
from ui.settings import LANGUAGE, UiSettings
from ui.startup import CoreLoader, start_after_first_paint, warm_up
from ui.system_libraries import require_display_plugin

if TYPE_CHECKING:
    from smesco_desk.demo import DemoInfo
    from smesco_desk.services.core import Core
    from ui.dialogs.login import LoginDialog
    from ui.main_window import MainWindow

# Not imported at start: SQLAlchemy's ORM, the services and the pages come in the
# CoreLoader's thread while the login dialog is on screen (ui/startup.py).
LOADER_POLL_MS = 20
# LoginDialog.done() code when the database turned out to need the first-run wizard.
SETUP_NEEDED = 2

ORGANIZATION = "SMESCO"
APPLICATION = "SmescoDesk"
LANGUAGES = ("id", "en")


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and whatever is left for Qt (e.g. -platform offscreen)."""
    parser = argparse.ArgumentParser(prog="smesco-desk",
                                     description="Smesco Desk: SMESCO front desk application")
    parser.add_argument("--data-dir", type=Path, help="folder for the SQLite database")
    parser.add_argument("--database-url", help="SQLAlchemy URL instead of the SQLite file")
    parser.add_argument("--demo", action="store_true",
                        help="fill demo data into an empty database and show the demo login")
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language for this run")
    return parser.parse_known_args(list(argv))


def create_application(qt_args: Sequence[str]) -> QApplication:
    require_display_plugin(qt_args)
    app = QApplication([sys.argv[0] if sys.argv else "smesco-desk", *qt_args])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Smesco Desk")
    app.setQuitOnLastWindowClosed(False)  # logging out closes the window, not the app
    app.setStyle("Fusion")  # the same base on every OS, so the style sheet looks the same
    app.setStyleSheet(load_style_sheet())
    return app


def load_style_sheet() -> str:
    """resources/style.qss, with @resources@ pointing at the resources folder."""
    path = resource("style.qss")
    if not path.is_file():
        return ""
    return path.read_text(encoding="utf-8").replace("@resources@", resource().as_posix())


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """UI strings (Qt Linguist .qm) and core strings (gettext) in `language`.

    Indonesian is the source language: it needs only the small catalogue for
    Qt's own buttons, which Qt does not ship in Indonesian.
    """
    i18n.set_language(language)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
                       if language == "id" else QLocale(QLocale.Language.English))
    names = ["qtbase_id"] if language == "id" else [f"smesco_desk_{language}"]
    installed = []
    for name in names:
        translator = QTranslator(app)
        if translator.load(name, str(translations_dir())):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def build_context(core: Core | CoreLoader, settings: UiSettings | None = None,
                  parent: QObject | None = None) -> AppContext:
    """The context every window gets: core (or its loader), one operation runner, settings."""
    return AppContext(core, OperationRunner(parent), settings or UiSettings())


def prepare_demo(ctx: AppContext) -> DemoInfo | None:
    """Demo data for an empty database, filled behind a progress window while
    the worker writes it (or the login of earlier demo data)."""
    from smesco_desk import demo

    core = ctx.core
    if demo.is_seeded(core):
        info: DemoInfo | None = demo.seed_demo(core)  # adds nothing: the login again
    elif core.setup.needs_setup():
        from ui.dialogs.demo_fill import DemoFillDialog

        dialog = DemoFillDialog(ctx)
        info = dialog.fill()
        dialog.deleteLater()
    else:
        print("The database already holds data: --demo adds nothing to it.", file=sys.stderr)
        return None
    if info is not None:
        print(f"Demo login: {info.username} / {info.password}", flush=True)
    return info


class SessionController(QObject):
    """Who is logged in: first run or login, the main window, logging out."""

    def __init__(self, ctx: AppContext, demo_hint: str = "", demo_username: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        self.demo_hint = demo_hint
        self.demo_username = demo_username
        self.window: MainWindow | None = None
        self._setup_needed = False

    def start(self) -> bool:
        """Run the first-run wizard or the login; False if the person gave up (or
        the database could not be opened: `ctx.loader.error`)."""
        self._setup_needed = False
        actor = self._first_run() if self._starts_with_setup() else self._login()
        if actor is None and self._setup_needed:  # the login was up before we knew
            actor = self._first_run()
        if actor is None:
            return False
        self._open_main_window(actor)
        return True

    def _starts_with_setup(self) -> bool:
        """Whether to begin with the wizard. While the core is still opening, a
        desk whose database file is there shows the login at once (the loader
        may still turn it into the wizard); a new desk waits for the core."""
        loader = self.ctx.loader
        if self.ctx.core_ready() or loader is None or not loader.likely_set_up:
            try:
                return self.ctx.core.setup.needs_setup()
            except Exception:  # noqa: BLE001 - the caller reports the loader's error
                if loader is None or loader.error is None:
                    raise
                return False
        return False

    def _first_run(self) -> Actor | None:
        from ui.dialogs.first_run import FirstRunWizard

        wizard = FirstRunWizard(self.ctx)
        accepted = wizard.exec() == QDialog.DialogCode.Accepted
        wizard.deleteLater()
        return wizard.actor if accepted else None

    def _login(self) -> Actor | None:
        from ui.dialogs.login import LoginDialog

        loader = self.ctx.loader
        if loader is not None and loader.error is not None:
            return None
        dialog = LoginDialog(self.ctx, self.demo_hint, self.demo_username)
        if not self.ctx.core_ready() and loader is not None:
            start_after_first_paint(dialog, loader)
            watch = QTimer(dialog, interval=LOADER_POLL_MS)
            watch.timeout.connect(lambda: self._core_opened(dialog, watch))
            watch.start()
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.actor if accepted else None

    def _core_opened(self, dialog: LoginDialog, watch: QTimer) -> None:
        """Polled while the login is up and the core still opening: a failure
        ends the login; a desk that needs setting up gets the wizard instead."""
        loader = self.ctx.loader
        if loader is None or not loader.is_done():
            return
        watch.stop()
        if loader.error is not None:
            dialog.reject()
        elif self.ctx.core.setup.needs_setup():
            self._setup_needed = True
            dialog.done(SETUP_NEEDED)
        else:
            warm_up()  # the main window's modules, while the person still types

    def _open_main_window(self, actor: Actor) -> None:
        from ui.main_window import MainWindow

        self.ctx.actor = actor
        self.window = MainWindow(self.ctx)
        self.window.logout_requested.connect(self._logout)
        self.window.closed.connect(self._quit)
        self.window.show()

    @Slot()
    def _logout(self) -> None:
        old, self.window = self.window, None
        if old is not None:
            old.closed.disconnect(self._quit)
            old.close()
            old.deleteLater()
        # After whatever the worker still has queued (a NIK being prepared).
        self.ctx.runner.op(self.ctx.core.visitors.forget_prepared_niks).run()
        self.ctx.actor = None
        actor = self._login()
        if actor is None:
            self._quit()
        else:
            self._open_main_window(actor)

    @Slot()
    def _quit(self) -> None:
        QApplication.quit()


def _excepthook(kind: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    """An error nobody caught in a slot: tell the person, keep the app running."""
    sys.__excepthook__(kind, exc, tb)
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    active = QApplication.activeWindow()
    show_error(active if isinstance(active, QWidget) else None, exc)


def core_loader(args: argparse.Namespace) -> CoreLoader:
    """Opens the core of `args` in a thread (not started yet)."""

    def open_it() -> Core:
        from smesco_desk.services.core import open_core

        return open_core(args.data_dir, args.database_url)

    has_file = args.database_url is not None or database_path(
        args.data_dir or default_data_dir()).is_file()
    return CoreLoader(open_it, likely_set_up=has_file)


def _cannot_open(exc: BaseException) -> int:
    show_error(None, exc, QApplication.translate("app", "Basis data tidak dapat dibuka"))
    return 1


def _close(ctx: AppContext) -> None:
    """Close the core, once the loader is done (it may be upgrading the schema)."""
    try:
        core = ctx.core
    except Exception:  # noqa: BLE001 - never opened: nothing to close
        core = None
    if ctx.loader is not None:
        ctx.loader.join(30)
    if core is not None:
        core.close()


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    app = create_application(qt_args)
    settings = UiSettings()
    language = args.lang or str(settings.get(LANGUAGE))
    install_translations(app, language if language in LANGUAGES else "id")
    loader = core_loader(args)
    ctx = build_context(loader, settings, app)
    try:
        if args.demo:
            try:
                ctx.core  # noqa: B018 - the demo fill needs it now
            except Exception as exc:  # noqa: BLE001 - any failure here ends the start
                return _cannot_open(exc)
        info = prepare_demo(ctx) if args.demo else None
        hint = QApplication.translate("app", "Data demo: masuk sebagai {user} / {password}")
        controller = SessionController(
            ctx, hint.format(user=info.username, password=info.password) if info else "",
            info.username if info else "")
        sys.excepthook = _excepthook
        if not controller.start():
            return 0 if loader.error is None else _cannot_open(loader.error)
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        ctx.runner.wait_idle()
        settings.sync()
        _close(ctx)
