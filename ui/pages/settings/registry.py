"""The settings pages register themselves here; the settings panel reads the list.

    @settings_page(order=40, permission=Permission.MANAGE_PURPOSES)
    class PurposesPage(CataloguePage[Purpose]): ...

The rule: every settings page is a module of this package (ui/pages/settings/),
whatever area it configures (the price list belongs to payments, the purposes
to visitors): the settings are one place for the person, so they are one folder
for the code. A new page is a new module here with the decorator; the panel
imports every module of the package before it reads the registry, so nothing
else needs an edit. `order` places the tab (gaps of ten leave room);
`permission` None means everyone who may log in.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from smesco_desk.services.actors import Permission
from ui.context import AppContext
from ui.pages.settings.base import OptionsPage

P = TypeVar("P", bound=type[OptionsPage])


@dataclass(frozen=True)
class SettingsEntry:
    name: str
    order: int
    page: type[OptionsPage]
    permission: Permission | None

    def visible_to(self, ctx: AppContext) -> bool:
        return self.permission is None or ctx.can(self.permission)


_ENTRIES: dict[str, SettingsEntry] = {}


def settings_page(order: int, permission: Permission | None = None) -> Callable[[P], P]:
    """Class decorator: the page, under its `name`, at `order`, for `permission`."""

    def register(page: P) -> P:
        known = _ENTRIES.get(page.name)
        if known is not None and known.page.__qualname__ != page.__qualname__:
            raise ValueError(f"two settings pages named {page.name!r}")
        _ENTRIES[page.name] = SettingsEntry(page.name, order, page, permission)
        return page

    return register


def _import_pages() -> None:
    package = importlib.import_module(__package__ or "ui.pages.settings")
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")


def entries_for(ctx: AppContext) -> list[SettingsEntry]:
    """The pages this person may see, in their order."""
    _import_pages()
    return [e for e in sorted(_ENTRIES.values(), key=lambda e: e.order) if e.visible_to(ctx)]
