"""Opening the core while the login dialog is already on screen.

Importing SQLAlchemy's ORM and the services and opening the database (schema
check, backup clean-up) take most of a cold start (see
benchmarks/bench_startup.py). None of it is needed to paint the login dialog,
so a `CoreLoader` does it in a plain Python thread while the person types; the
main window's modules are imported on the UI thread once the core is open
(`warm_up`). No Qt in the thread.

    loader = CoreLoader(lambda: open_core(data_dir, url)).start()
    ctx = AppContext(loader, runner, settings)   # ctx.core waits for it
    loader.wait()                                # or block here
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from smesco_desk.services.core import Core

# What the main window needs right after the login: imported (on the UI thread,
# see warm_up) once the core is open, while the person still types. Not in the
# loader's thread: with them imported there, a benchmark run that pressed Masuk
# while the thread still imported ended in a SIGSEGV; Qt stays on the UI thread.
WARM_MODULES = ("ui.main_window", "ui.pages.visitors.page", "ui.dialogs.first_run")


def warm_up(modules: Sequence[str] = WARM_MODULES) -> None:
    """Import `modules` now (call on the UI thread)."""
    for name in modules:
        importlib.import_module(name)


class CoreLoader:
    """Runs `open_core` in a thread, once. No Qt there: SQLAlchemy and the services."""

    def __init__(self, open_core: Callable[[], Core], *, likely_set_up: bool = True) -> None:
        """`likely_set_up`: the database is there (its file exists), so the login
        can be shown before the core is open."""
        self._open_core = open_core
        self.likely_set_up = likely_set_up
        self._done = threading.Event()
        self._core: Core | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> CoreLoader:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="core-loader",
                                                daemon=True)
                self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self._core = self._open_core()
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits
            self._error = exc
        finally:
            self._done.set()

    def join(self, timeout: float | None = None) -> None:
        """Wait for the whole thread (the warm-up imports too): before the
        interpreter shuts down, so no import is cut off half-way."""
        if self._thread is not None:
            self._thread.join(timeout)

    def is_warm(self) -> bool:
        """Whether the thread has finished (the core opened, or failed to)."""
        return self._thread is not None and not self._thread.is_alive()

    def is_done(self) -> bool:
        return self._done.is_set()

    def wait(self) -> Core:
        """The core, once opened (started here if need be); raises what opening raised."""
        self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._core is not None
        return self._core

    @property
    def error(self) -> BaseException | None:
        """What opening raised, once done (None while loading or after success)."""
        return self._error if self._done.is_set() else None


class _FirstPaint(QObject):
    """Starts the loader on the turn after `widget`'s first paint (so the thread
    does not compete with it), or after FALLBACK_MS if no paint comes."""

    FALLBACK_MS = 300

    def __init__(self, widget: QWidget, loader: CoreLoader) -> None:
        super().__init__(widget)
        self._loader = loader
        widget.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, loader.start)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self, self._loader.start)
        return False


def start_after_first_paint(widget: QWidget, loader: CoreLoader) -> None:
    """Start `loader` once `widget` (the login dialog) has painted itself."""
    _FirstPaint(widget, loader)
