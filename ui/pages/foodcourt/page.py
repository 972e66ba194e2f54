"""The Pujasera page (the food court): tabs over the stalls, tenants and leases.

- "Beranda" (home): what needs acting on, one click to each (home.py);
- "Denah": the floor plan of a floor, filters, legend, printing (plan_tab.py);
- "Stan": the same stalls as a sortable table (stall_table.py);
- "Tenan": the tenants, the tenant dialog (tenants_tab.py);
- "Sewa": the leases; leasing, ending, cancelling (leases_tab.py);
- "Jatuh tempo": the charges due on a day or in a week (due_tab.py);
- "Tunggakan": the arrears aged per tenant, reminders, statements (arrears_tab.py).

A stall opened anywhere shows its card (stall_card.py), beside the stall when
opened from the plan; "Sewakan…" there or
in the leases tab opens the lease dialog (lease_dialog.py). Everyone who logs
in sees the page: the receptionist sees the plan and balances and takes a
payment; the buttons that change a lease or a tenant show only to those who
may (Permission.MANAGE_LEASES, MANAGE_TENANTS), dragging stalls only to an
administrator (MANAGE_STALLS).

Another tab is one line: `page.add_tab(widget, title)` (the meter readings,
the turnover grid).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStyle, QTabWidget, QVBoxLayout, QWidget

from smesco_desk.domain.foodcourt import StallState
from smesco_desk.services.actors import Permission
from smesco_desk.values.foodcourt import LeaseRecord, StallStatus
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.pages.foodcourt.arrears_tab import ArrearsTab
from ui.pages.foodcourt.common import beside
from ui.pages.foodcourt.due_tab import DueTab
from ui.pages.foodcourt.home import HomeTab
from ui.pages.foodcourt.lease_dialog import LeaseDialog
from ui.pages.foodcourt.leases_tab import ENDING, LeasesTab
from ui.pages.foodcourt.meter_grid import MeterReadingsView
from ui.pages.foodcourt.plan_tab import PlanTab
from ui.pages.foodcourt.stall_card import StallCard
from ui.pages.foodcourt.stall_table import StallTableTab
from ui.pages.foodcourt.tenants_tab import TenantsTab
from ui.pages.foodcourt.turnover_grid import TurnoverView

CARD_FRAME = 4  # px of a window's border, each side (the title bar comes on top)


class FoodCourtPage(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        printer: DocumentPrinterLike | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("foodcourt_page")
        self.ctx = ctx
        self.printer = printer
        self.card: StallCard | None = None
        self.lease_dialog: LeaseDialog | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("foodcourt_tabs")
        self.tabs.setDocumentMode(True)
        self.home_tab = HomeTab(ctx, self)
        self.plan_tab = PlanTab(ctx, self, printer)
        self.plan_tab.stall_activated.connect(self._open_from_plan)
        self.stall_tab = StallTableTab(ctx, self)
        self.stall_tab.stall_activated.connect(self.open_stall)
        self.tenants_tab = TenantsTab(ctx, self, printer)
        self.leases_tab = LeasesTab(ctx, self, printer)
        self.leases_tab.lease_requested.connect(lambda: self.new_lease())
        self.add_tab(self.home_tab, self.tr("Be&randa"))
        self.add_tab(self.plan_tab, self.tr("&Denah"))
        self.add_tab(self.stall_tab, self.tr("S&tan"))
        self.add_tab(self.tenants_tab, self.tr("Te&nan"))
        self.add_tab(self.leases_tab, self.tr("Se&wa"))
        self.due_tab = DueTab(ctx, self)
        self.add_tab(self.due_tab, self.tr("&Jatuh tempo"))
        self.arrears_tab = ArrearsTab(ctx, self, printer)
        self.add_tab(self.arrears_tab, self.tr("Tungga&kan"))
        self.meter_tab: MeterReadingsView | None = None
        self.turnover_tab: TurnoverView | None = None
        if ctx.can(Permission.MANAGE_LEASES):  # the tenant office's monthly work
            self.meter_tab = MeterReadingsView(ctx, self)
            self.add_tab(self.meter_tab, self.tr("&Meter"))
            self.turnover_tab = TurnoverView(ctx, self, printer)
            self.add_tab(self.turnover_tab, self.tr("&Omzet"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.tabs)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """One more tab, after the others; its index."""
        return self.tabs.addTab(widget, title)

    def show_tab(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(widget)

    # --- where the home page's sections lead ------------------------------------------

    @Slot()
    def show_leases_ending(self) -> None:
        self.leases_tab.show_only(ENDING)
        self.show_tab(self.leases_tab)

    def show_rent_due(self, days: int = 1) -> None:
        """The charges due from today: today's (1) or the week's (7)."""
        self.due_tab.show_days(days)
        self.show_tab(self.due_tab)

    @Slot()
    def show_arrears(self) -> None:
        self.arrears_tab.show_today()
        self.show_tab(self.arrears_tab)

    @Slot()
    def show_vacant_stalls(self) -> None:
        self.plan_tab.set_state_filter(StallState.VACANT.value)
        self.show_tab(self.plan_tab)

    # --- a stall's card, a new lease -------------------------------------------------

    @Slot(object)
    def open_stall(
        self, status: StallStatus, anchor: QRect | None = None, area: QRect | None = None
    ) -> StallCard:
        """The stall's card; beside `anchor` (the stall on the plan, in screen
        coordinates) so that it does not cover it, inside `area` (the plan's
        visible part: not over the legend) and the screen."""
        self.card = StallCard(self.ctx, self, status, self.printer)
        self.card.lease_requested.connect(lambda code: self.new_lease(stall=code))
        self.card.finished.connect(lambda _r: setattr(self, "card", None))
        if anchor is not None and not anchor.isEmpty():
            self.card.fit()
            frame = self.card.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
            size = self.card.size() + QSize(2 * CARD_FRAME, frame + 2 * CARD_FRAME)
            screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
            if area is not None and not area.isEmpty():
                screen = screen.intersected(area)
            self.card.move(beside(anchor, size, screen))
        self.card.open()
        return self.card

    @Slot(object)
    def _open_from_plan(self, status: StallStatus) -> None:
        code = status.stall.code
        self.open_stall(status, self.plan_tab.stall_on_screen(code), self.plan_tab.plan_on_screen())

    def new_lease(self, stall: str | None = None, tenant_id: str | None = None) -> LeaseDialog:
        self.lease_dialog = LeaseDialog(
            self.ctx, self, stall=stall, tenant_id=tenant_id, printer=self.printer
        )
        self.lease_dialog.leased.connect(self._leased)
        self.lease_dialog.finished.connect(lambda _r: setattr(self, "lease_dialog", None))
        self.lease_dialog.open()
        return self.lease_dialog

    def _leased(self, lease: LeaseRecord) -> None:
        self.plan_tab.show_stall(lease.stall_code)
