"""One folder per area of the main window: `ui/pages/<area>/` holds the area's
page (`page.py`), its parts and its dialogs.

The main window's navigation is the table below: a page's name, its title (in
the MainWindow translation context), who may see it, and where its class is,
imported and built the first time the page is shown. A new area adds its folder
and one row here. Settings pages are the exception to "its own folder": they
all live in `ui/pages/settings/` and register themselves there (see
`ui/pages/settings/registry.py`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from smesco_desk.services.actors import Permission, Role
from ui.context import AppContext
from ui.pages.conflicts import can_resolve

PageFactory = Callable[[AppContext, QWidget], QWidget]


@dataclass(frozen=True)
class PageSpec:
    """A row of the navigation. `factory` is "module:Class" (imported when the
    page is first shown) or a callable taking (ctx, window)."""

    name: str
    title: str  # untranslated; QCoreApplication.translate("MainWindow", title)
    factory: str | PageFactory
    permission: Permission | None = None  # None: everyone who may log in
    may_see: Callable[[AppContext], bool] | None = None  # instead of a permission
    once_enrolled: bool = False  # offered once the desk is enrolled in sync
    home_for: frozenset[Role] = frozenset()  # the page shown first to these roles

    def visible_to(self, ctx: AppContext) -> bool:
        if self.may_see is not None:
            return self.may_see(ctx)
        return self.permission is None or ctx.can(self.permission)

    def build(self, ctx: AppContext, window: QWidget) -> QWidget:
        if callable(self.factory):
            return self.factory(ctx, window)
        module, _, name = self.factory.partition(":")
        page_class: PageFactory = getattr(importlib.import_module(module), name)
        return page_class(ctx, window)


PAGES = (
    PageSpec("visitors", str(QT_TRANSLATE_NOOP("MainWindow", "Tamu")),
             "ui.pages.visitors.page:VisitorsPage"),
    PageSpec("payments", str(QT_TRANSLATE_NOOP("MainWindow", "Pembayaran")),
             "ui.pages.payments.page:PaymentsPage", permission=Permission.VIEW_RECEIPTS),
    PageSpec("bookings", str(QT_TRANSLATE_NOOP("MainWindow", "Ruang")),
             "ui.pages.bookings.page:BookingsPage", permission=Permission.BOOK_SPACE),
    PageSpec("foodcourt", str(QT_TRANSLATE_NOOP("MainWindow", "Pujasera")),
             "ui.pages.foodcourt.page:FoodCourtPage",
             home_for=frozenset({Role.TENANT_MANAGER})),
    PageSpec("conflicts", str(QT_TRANSLATE_NOOP("MainWindow", "Konflik")),
             "ui.pages.conflicts.page:ConflictsPage", may_see=can_resolve, once_enrolled=True),
    PageSpec("audit", str(QT_TRANSLATE_NOOP("MainWindow", "Audit")),
             "ui.pages.audit.page:AuditPage", permission=Permission.VIEW_AUDIT),
    PageSpec("settings", str(QT_TRANSLATE_NOOP("MainWindow", "Pengaturan")),
             "ui.pages.settings.page:SettingsPage"),
)
