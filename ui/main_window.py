"""The main window: navigation on the left, one page per area, a status bar."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast, runtime_checkable

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.i18n import _ as core_tr
from smesco_desk.paths import backups_dir
from smesco_desk.private_files import make_private_dir
from smesco_desk.services.actors import ROLE_LABELS, Permission
from smesco_desk.services.maintenance import BackupResult
from smesco_desk.sync import SyncStatus
from smesco_desk.sync.tables import synced_tables
from smesco_desk.values.visitors import VisitFilter, VisitScope
from ui.context import AppContext
from ui.errors import show_error
from ui.navigation import LazyPages, NavList
from ui.pages import PAGES
from ui.pages.conflicts import can_resolve
from ui.pages.visitors.page import VisitorsPage  # the first page shown: built at start anyway
from ui.sync_controller import SyncController, ui_entities
from ui.sync_status import SyncStatusWidget

if TYPE_CHECKING:
    from ui.pages.payments.page import PaymentsPage

AUTO_CHECK_OUT_MS = 60_000
WATCH_MS = 3_000  # how often to look for changes another program made to the file
# What the views listen for, for every synced table: another program may have
# written any of them.
EVERY_ENTITY = ui_entities(synced_tables())
SMALL_SCREEN_WIDTH = 1440
GEOMETRY_STATE, WINDOW_STATE = "main_window/geometry", "main_window/state"


@runtime_checkable
class OwnsShortcuts(Protocol):
    """A page whose keys the window takes over (they work from every page there)."""

    def release_shortcuts(self) -> None: ...


class MainWindow(QMainWindow):
    """Everything a logged-in person works with. Emits `logout_requested`."""

    logout_requested = Signal()
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Smesco Desk"))
        self.sync_controller = SyncController(ctx, self)
        ctx.sync = self.sync_controller
        self._build_pages()
        self._build_status_bar()
        self._build_menus()
        self.sync_controller.status_changed.connect(self._on_sync_status)
        ctx.runner.data_changed.connect(self._on_data_changed)
        ctx.runner.busy_changed.connect(self._on_busy_changed)
        ctx.runner.error_unhandled.connect(self._on_error_unhandled)
        self.auto_check_out_timer = QTimer(self, interval=AUTO_CHECK_OUT_MS)
        self.auto_check_out_timer.timeout.connect(self.run_auto_check_out)
        self.auto_check_out_timer.start()
        self.watch_timer = QTimer(self, interval=WATCH_MS)
        self.watch_timer.timeout.connect(self.check_changed_elsewhere)
        self.watch_timer.start()
        self._restore_geometry()
        self.refresh_status()
        self.sync_controller.start()
        QTimer.singleShot(0, self.run_auto_check_out)

    # --- pages ------------------------------------------------------------------

    def _build_pages(self) -> None:
        self.nav_list = NavList(self)
        self.nav_list.setObjectName("nav_list")
        self.nav_list.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("page_stack")
        self.pages = LazyPages(self.ctx, self, self.nav_list, self.stack, self._page_built)
        for spec in PAGES:
            if spec.visible_to(self.ctx) and not spec.once_enrolled:
                self.pages.add(spec)
        self.nav_list.itemSelectionChanged.connect(self._show_selected)
        self.nav_list.setCurrentRow(self._home_row())
        central = QWidget(self)
        central.setObjectName("central_widget")
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._nav_panel())
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _home_row(self) -> int:
        """The row of the page shown first: the one made the home of the person's
        role (the tenant manager's food court), else the first."""
        role = self.ctx.require_actor().role
        names = list(self.pages)
        return next((names.index(s.name) for s in PAGES
                     if role in s.home_for and s.name in names), 0)  # fmt: skip

    @Slot()
    def _show_selected(self) -> None:
        rows = [i.row() for i in self.nav_list.selectedIndexes()]
        if rows:
            self.stack.setCurrentWidget(self.pages[self.pages.name_at(rows[0])])

    def _page_built(self, _name: str, page: QWidget) -> None:
        if isinstance(page, OwnsShortcuts):
            page.release_shortcuts()

    def _offer_enrolled_pages(self) -> None:
        """Pages offered once the desk is enrolled (the conflicts inbox), in the
        table's order."""
        for i, spec in enumerate(PAGES):
            if spec.once_enrolled and spec.name not in self.pages and spec.visible_to(self.ctx):
                before = next((s.name for s in PAGES[i + 1:] if s.name in self.pages), "")
                self.pages.add(spec, before=before)

    @property
    def visitors_page(self) -> VisitorsPage:
        return cast(VisitorsPage, self.pages["visitors"])

    @property
    def payments_page(self) -> PaymentsPage | None:
        return cast("PaymentsPage | None", self.pages.get("payments"))

    def _nav_panel(self) -> QWidget:
        panel = QWidget(self)
        panel.setObjectName("nav_panel")
        panel.setFixedWidth(190)
        brand = QLabel(self.tr("Smesco Desk"), panel)
        brand.setObjectName("brand_label")
        sub = QLabel(self.tr("Gedung SMESCO, Jakarta"), panel)
        sub.setObjectName("brand_sub_label")
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(brand)
        column.addWidget(sub)
        column.addWidget(self.nav_list, 1)
        return panel

    def show_page(self, name: str) -> None:
        self.nav_list.setCurrentRow(list(self.pages).index(name))

    # --- status bar -----------------------------------------------------------

    def _status_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        self.statusBar().addPermanentWidget(label)
        return label

    def _build_status_bar(self) -> None:
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busy_bar")
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setFixedWidth(110)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("busy_label")
        self.statusBar().addWidget(self.busy_bar)
        self.statusBar().addWidget(self.busy_label)
        self.sync_status = SyncStatusWidget(self, can_open_conflicts=can_resolve(self.ctx))
        self.sync_status.conflicts_clicked.connect(self.show_conflicts)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.in_building_label = self._status_label("in_building_label")
        self.desk_label = self._status_label("desk_label")
        self.user_label = self._status_label("user_label")
        actor = self.ctx.require_actor()
        self.user_label.setText(self.tr("{name} · {role}").format(
            name=actor.full_name or actor.username, role=core_tr(ROLE_LABELS[actor.role])))

    @Slot()
    def refresh_status(self) -> None:
        core = self.ctx.core
        in_building = VisitFilter(scope=VisitScope.IN_BUILDING)
        self.ctx.runner.op(lambda: (core.desk_code, core.visitors.count_visits(in_building)),
                           parent=self).success(self._show_status).run()

    def _show_status(self, status: tuple[str, int]) -> None:
        desk, count = status
        self.desk_label.setText(self.tr("Desk {desk}").format(desk=desk))
        self.in_building_label.setText(self.tr("Di dalam gedung: %n orang", "", count))

    @Slot(object)
    def _on_sync_status(self, status: SyncStatus) -> None:
        self.sync_status.show_status(status)
        # The inbox exists once there is a server to conflict with.
        if status.enrolled:
            self._offer_enrolled_pages()

    @Slot()
    def show_conflicts(self) -> None:
        if "conflicts" in self.pages:
            self.show_page("conflicts")

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if "visits" in changes:
            self.refresh_status()

    @Slot(str)
    def _on_busy_changed(self, label: str) -> None:
        self.busy_bar.setVisible(bool(label))
        self.busy_label.setText(label)

    @Slot(object)
    def _on_error_unhandled(self, exc: BaseException) -> None:
        show_error(self, exc)

    # --- changes made by another program ------------------------------------------

    @Slot()
    def check_changed_elsewhere(self) -> None:
        """The command line (a sale, a void) or another program wrote to this
        desk's file: the views reload, as after a sync."""
        if self.ctx.runner.is_busy():
            return  # the next tick; never queue checks behind slow work
        self.ctx.runner.op(self.ctx.core.maintenance.changed_elsewhere, parent=self) \
            .success(self._changed_elsewhere).run()

    def _changed_elsewhere(self, changed: bool) -> None:
        if changed:
            self.ctx.runner.data_changed.emit(EVERY_ENTITY)

    # --- automatic check-out ------------------------------------------------------

    @Slot()
    def run_auto_check_out(self) -> None:
        """Close visits still open from before the last closing time, free the
        rooms of bookings nobody came to (past the grace period of the policy), and
        post the food court's rent and late fees that have fallen due."""
        core = self.ctx.core
        self.ctx.runner.op(core.visitors.auto_check_out, parent=self) \
            .success(self._auto_checked_out).run()
        self.ctx.runner.op(core.bookings.release_no_shows, parent=self) \
            .success(self._no_shows_released).run()
        self.ctx.runner.op(core.foodcourt.post_due, parent=self).run()

    def _no_shows_released(self, released: list[object]) -> None:
        if released:
            self.statusBar().showMessage(
                self.tr("%n pemesanan ruang dilepas (tamu tidak datang).", "", len(released)),
                10_000)

    def _auto_checked_out(self, closed: int) -> None:
        # Announce a change only when something closed: views refresh every minute otherwise.
        if closed:
            self.ctx.runner.data_changed.emit(frozenset({"visits"}))
            self.statusBar().showMessage(
                self.tr("%n kunjungan dicatat keluar otomatis (lewat jam tutup).", "", closed),
                10_000)

    # --- menus ----------------------------------------------------------------

    def _action(self, name: str, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        self.backup_action = self._action("backup_action", self.tr("&Cadangkan data…"),
                                          self.back_up)
        self.backup_action.setEnabled(self.ctx.can(Permission.BACKUP))
        self.logout_action = self._action("logout_action", self.tr("&Keluar akun"),
                                          self.logout, QKeySequence("Ctrl+Shift+L"))
        self.quit_action = self._action("quit_action", self.tr("&Tutup aplikasi"), self.close,
                                        QKeySequence(QKeySequence.StandardKey.Quit))
        file_menu = self.menuBar().addMenu(self.tr("&Berkas"))
        file_menu.setObjectName("file_menu")
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.logout_action)
        file_menu.addAction(self.quit_action)
        self._build_visitors_menu()
        self._build_payments_menu()
        help_menu = self.menuBar().addMenu(self.tr("Ba&ntuan"))
        help_menu.setObjectName("help_menu")
        self.about_action = self._action("about_action", self.tr("&Tentang Smesco Desk"),
                                         self.show_about)
        help_menu.addAction(self.about_action)

    def _build_visitors_menu(self) -> None:
        """F2 (scan a badge) and F3 (next visitor) from every page of the window."""
        page = self.visitors_page  # built already: the first page shown
        self.scan_action = self._action(
            "scan_action", self.tr("&Pindai badge (check-out tamu / check-in peserta)"),
            self.go_scan, QKeySequence(Qt.Key.Key_F2))
        self.scan_action.setEnabled(page.checkout_bar is not None)
        self.new_visitor_action = self._action("new_visitor_action",
                                               self.tr("&Daftarkan tamu"), self.go_register,
                                               QKeySequence(Qt.Key.Key_F3))
        self.new_visitor_action.setEnabled(page.form is not None)
        menu = self.menuBar().addMenu(self.tr("&Tamu"))
        menu.setObjectName("visitors_menu")
        self.visitors_menu = menu
        menu.addAction(self.scan_action)
        menu.addAction(self.new_visitor_action)
        for action in (self.scan_action, self.new_visitor_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)  # works with the menu closed, from any page
        menu.addSeparator()
        self._build_in_building_actions(menu, page)

    def _build_in_building_actions(self, menu: QMenu, page: VisitorsPage) -> None:
        """The in-building list by keyboard: its filter, and check-out or reprint of
        the chosen visitor. The keys work while the keyboard is on the Visitors page
        (the Payments page has its own Ctrl+F and Ctrl+P); the menu from anywhere."""
        lists = page.lists
        for name, text, keys, slot, allowed in (
            ("filter_in_building_action", self.tr("&Saring tamu di gedung"), "Ctrl+F",
             lists.focus_filter, True),
            ("checkout_selected_action", self.tr("Check-&out tamu terpilih…"), "Ctrl+O",
             lists.check_out_selected, self.ctx.can(Permission.CHECK_OUT)),
            ("reprint_selected_action", self.tr("&Cetak ulang badge tamu terpilih"), "Ctrl+P",
             lists.reprint_selected, self.ctx.can(Permission.REGISTER_VISITOR)),
        ):  # fmt: skip
            action = self._action(name, text, partial(self._on_in_building, slot),
                                  QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setEnabled(allowed)
            page.addAction(action)  # the keys: while the keyboard is on the page
            menu.addAction(action)
            setattr(self, name, action)

    def _on_in_building(self, slot: Callable[[], None]) -> None:
        """To the in-building list, then `slot`; with no visitor chosen yet the
        keyboard goes to the list (which chooses the first) instead."""
        self.show_page("visitors")
        lists = self.visitors_page.lists
        if slot != lists.focus_filter and lists.show_in_building() is None:
            return
        slot()

    def _build_payments_menu(self) -> None:
        """F4 (a new sale) from every page of the window, the shift and the cash-up."""
        if "payments" not in self.pages:
            return
        self.new_sale_action = self._action("new_sale_action", self.tr("Penjualan &baru…"),
                                            self.go_new_sale, QKeySequence(Qt.Key.Key_F4))
        self.new_sale_action.setEnabled(self.ctx.can(Permission.TAKE_PAYMENT))
        self.new_sale_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self.new_sale_action)  # works with the menu closed, from any page
        self.open_shift_action = self._action("open_shift_action", self.tr("B&uka shift kas…"),
                                              lambda: self._on_payments("open_shift"))
        self.cashup_action = self._action("cashup_action", self.tr("&Tutup kas…"),
                                          lambda: self._on_payments("cash_up"))
        menu = self.menuBar().addMenu(self.tr("&Pembayaran"))
        menu.setObjectName("payments_menu")
        for action in (self.new_sale_action, self.open_shift_action, self.cashup_action):
            menu.addAction(action)

    def _on_payments(self, slot: str) -> None:
        """To the Payments page (built if need be), then its `slot`."""
        self.show_page("payments")
        getattr(self.pages["payments"], slot)()

    @Slot()
    def go_new_sale(self) -> None:
        """To the Payments page, with the sale dialog open."""
        if "payments" in self.pages:
            self._on_payments("new_sale")

    @Slot()
    def go_scan(self) -> None:
        """To the Visitors page, keyboard in the scan field (a badge is coming)."""
        self.show_page("visitors")
        self.visitors_page.focus_scan()

    @Slot()
    def go_register(self) -> None:
        self.show_page("visitors")
        self.visitors_page.focus_name()

    @Slot()
    def logout(self) -> None:
        self.logout_requested.emit()

    @Slot()
    def back_up(self) -> None:
        chosen = self._ask_backup_path()
        if chosen is None:
            return
        core, actor = self.ctx.core, self.ctx.require_actor()
        self.ctx.runner.op(lambda: core.maintenance.backup(actor, chosen), parent=self) \
            .success(self._backed_up).failure(self._backup_failed) \
            .with_progress(self.tr("Mencadangkan data…")).run()

    def _ask_backup_path(self) -> Path | None:
        folder = backups_dir(self.ctx.core.data_dir) if self.ctx.core.data_dir else Path.home()
        make_private_dir(folder)  # else the dialog opens wherever the program was started
        stamp = to_wib(self.ctx.core.now()).strftime("%Y%m%d-%H%M")  # the desk's own clock
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Cadangkan data"), str(folder / f"smesco_desk-{stamp}.sqlite3"),
            self.tr("Cadangan basis data (*.sqlite3)"))
        return Path(chosen) if chosen else None

    def _backed_up(self, result: BackupResult) -> None:
        QMessageBox.information(self, self.tr("Cadangan selesai"), self.tr(
            "Data dicadangkan ke:\n{path}\n\nUkuran {size:.1f} MB; pemeriksaan: {check}."
        ).format(path=result.path, size=result.size_bytes / 1_048_576, check=result.integrity))

    def _backup_failed(self, exc: BaseException) -> None:
        show_error(self, exc, self.tr("Cadangan gagal"))

    @Slot()
    def show_about(self) -> None:
        try:
            app_version = version("smesco-desk")
        except PackageNotFoundError:
            app_version = "?"
        QMessageBox.about(self, self.tr("Tentang Smesco Desk"), self.tr(
            "<h3>Smesco Desk {version}</h3>"
            "<p>Aplikasi meja depan dan kantor tenan Gedung SMESCO, Jakarta: pendaftaran tamu, "
            "kartu tamu, ruang, pujasera dan kuitansi.</p>"
            "<p>LLP-KUKM · Qt {qt}</p>").format(version=app_version, qt=qVersion()))

    # --- window state ---------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.ctx.settings.state(GEOMETRY_STATE)
        if geometry is None or not self.restoreGeometry(geometry):
            self._first_size()
        state = self.ctx.settings.state(WINDOW_STATE)
        if state is not None:
            self.restoreState(state)

    def _first_size(self) -> None:
        """Desk PCs (1366x768 and the like) get the whole screen; big screens a window."""
        screen = self.screen().availableGeometry()
        if screen.width() <= SMALL_SCREEN_WIDTH:
            self.setWindowState(Qt.WindowState.WindowMaximized)
            self.resize(screen.size())  # also without a window manager
        else:
            self.resize(min(1360, screen.width()), min(880, screen.height()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """F2, F3 and F4 that no page used: when no window is active (a dialog
        just closed without a window manager to hand the focus back) the
        shortcuts do not fire but the keys still arrive, from the grid or any
        other widget that passes them on. A badge scanned next must not land there."""
        if not event.modifiers():
            for action in (self.scan_action, self.new_visitor_action,
                           getattr(self, "new_sale_action", None)):
                if action is not None and action.shortcut().matches(
                        QKeySequence(event.key())) == QKeySequence.SequenceMatch.ExactMatch:
                    if action.isEnabled():
                        action.trigger()
                    event.accept()
                    return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.auto_check_out_timer.stop()
        self.sync_controller.stop()  # joins the worker's threads
        if self.ctx.sync is self.sync_controller:
            self.ctx.sync = None
        self.ctx.settings.save_state(GEOMETRY_STATE, self.saveGeometry())
        self.ctx.settings.save_state(WINDOW_STATE, self.saveState())
        super().closeEvent(event)
        self.closed.emit()
