"""The application context handed to every window: services, runner, settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from smesco_desk.services.actors import Actor, Permission
from smesco_desk.services.core import Core
from ui.operations import OperationRunner
from ui.settings import UiSettings

if TYPE_CHECKING:
    from ui.sync_controller import SyncController


@dataclass
class AppContext:
    core: Core
    runner: OperationRunner
    settings: UiSettings
    actor: Actor | None = None
    sync: SyncController | None = None  # set by the main window while someone is logged in
    extras: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.runner.report_changes_of(self.core.changes)

    def can(self, permission: Permission) -> bool:
        return self.actor is not None and self.actor.can(permission)

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise RuntimeError("no one is logged in")
        return self.actor
