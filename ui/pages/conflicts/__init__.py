"""The Conflicts page (Konflik): sync conflicts to look at and resolve.

Who may resolve them is known without building the page (the main window asks
before it offers the page at all).
"""

from __future__ import annotations

from smesco_desk.services.actors import Role
from ui.context import AppContext

RESOLVERS = frozenset({Role.SUPERVISOR, Role.ADMIN})  # as core.sync.resolve_conflict checks


def can_resolve(ctx: AppContext) -> bool:
    return ctx.actor is not None and ctx.actor.role in RESOLVERS
