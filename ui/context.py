"""The application context handed to every window: services, runner, settings.

The core may still be opening when the context is made (the login dialog is
shown before SQLAlchemy is imported, see ui/startup.py): `ctx.core` then waits
for it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from smesco_desk.services.actors import Actor, Permission
from ui.operations import OperationRunner
from ui.settings import UiSettings

if TYPE_CHECKING:
    from smesco_desk.services.core import Core
    from ui.startup import CoreLoader
    from ui.sync_controller import SyncController


class AppContext:
    """`core` (or a `CoreLoader` opening it), runner, settings, who is logged in."""

    def __init__(self, core: Core | CoreLoader, runner: OperationRunner, settings: UiSettings,
                 actor: Actor | None = None, sync: SyncController | None = None,
                 extras: dict[str, object] | None = None) -> None:
        self.runner = runner
        self.settings = settings
        self.actor = actor
        self.sync = sync  # set by the main window while someone is logged in
        self.extras: dict[str, object] = {} if extras is None else extras
        self._lock = threading.Lock()
        self._core: Core | None = None
        self._loader: CoreLoader | None = None
        from ui.startup import CoreLoader  # cheap: no SQLAlchemy behind it

        if isinstance(core, CoreLoader):
            self._loader = core
        else:
            self._attach(core)

    @property
    def core(self) -> Core:
        """The core; waits for the loader if it is still opening (raises its error)."""
        if self._core is None:
            assert self._loader is not None
            self._attach(self._loader.wait())
        assert self._core is not None
        return self._core

    def core_ready(self) -> bool:
        """Whether `core` answers at once (False while the loader is still opening it)."""
        return self._core is not None or (self._loader is not None and self._loader.is_done()
                                          and self._loader.error is None)

    @property
    def loader(self) -> CoreLoader | None:
        return self._loader

    def _attach(self, core: Core) -> None:
        with self._lock:
            if self._core is None:
                self.runner.report_changes_of(core.changes)
                self._core = core

    def can(self, permission: Permission) -> bool:
        return self.actor is not None and self.actor.can(permission)

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise RuntimeError("no one is logged in")
        return self.actor
