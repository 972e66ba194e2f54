"""Sync in the UI: the controller, the status bar, the Conflicts inbox, the settings
page and the muster list, with real desks on the real PostgreSQL (no mocks).

Each test that needs a server gets a fresh server database (`server_url`) and
desks in their own SQLite folders; operations run synchronously, the sync
worker runs in its own threads as in the application.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStatusBar, QWidget

from smesco_desk.services.actors import Role
from smesco_desk.services.core import Core
from smesco_desk.sync import ConflictInfo, LinkState, SyncReport, SyncStatus
from tests.sync.helpers_sync import SUPERVISOR, Desks, OffsetClock, register, sync_all
from tests.sync.proxy import TcpProxy
from tests.ui.helpers_ui import ADMIN_PASSWORD, ADMIN_USERNAME, make_actor
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.models.conflicts_model import (
    CHANGED_ROLE,
    CONFLICT_ID_ROLE,
    FIELD_ROLE,
    IS_OPEN_ROLE,
    KIND_ROLE,
    ConflictFieldsModel,
    ConflictsTableModel,
)
from ui.operations import OperationRunner
from ui.pages.conflicts.page import ConflictsPage
from ui.pages.settings.sync import SyncPage
from ui.pages.visitors.badges import VisitorDocuments
from ui.settings import UiSettings
from ui.sync_controller import SyncController, ui_entities
from ui.sync_status import SyncStatusWidget

WAIT_MS = 10_000
WINDOWS: list[MainWindow] = []


# --- fixtures -------------------------------------------------------------------------


# server_url, proxy, desks and proxied_desks come from tests/sync/fixtures_sync.py.


@pytest.fixture(autouse=True)
def _close_windows_first(qtbot) -> Iterator[None]:
    """Close the windows (stopping their sync workers) before the desks close."""
    yield
    while WINDOWS:
        WINDOWS.pop().close()
    qtbot.wait(5)


def first_desk(desks: Desks, code: str = "D01", clock: OffsetClock | None = None) -> Core:
    """A desk set up with its administrator, enrolled first (it uploads)."""
    core = desks.open(code, clock)
    core.setup.initialize(code)
    core.setup.create_first_admin(ADMIN_USERNAME, "Administrator Gedung", ADMIN_PASSWORD)
    core.sync.enroll(desks.server_url, code)
    return core


def context(core: Core, ui_settings: UiSettings, role: Role = Role.ADMIN) -> AppContext:
    admin = core.users.authenticate(ADMIN_USERNAME, ADMIN_PASSWORD)
    ctx = AppContext(core, OperationRunner(synchronous=True), ui_settings, admin)
    if role is not Role.ADMIN:
        ctx.actor = make_actor(core, admin, role, role.value.replace("_", ""))
    return ctx


def make_window(qtbot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    WINDOWS.append(window)
    return window


def nav_titles(window: MainWindow) -> list[str]:
    return [window.nav_list.item(i).text() for i in range(window.nav_list.count())]


def wait_online(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.sync_status.state_label.text() == "Online", timeout=WAIT_MS)


def double_check_out(desks: Desks, proxy: TcpProxy) -> tuple[Core, Core]:
    """Two desks that checked the same visit out while offline: D02's check-out is
    rejected (an open conflict) and the visit's check-out time a concurrent edit."""
    d1 = first_desk(desks)
    d2 = desks.join("D02")
    visit = register(d1, "Siti Rahayu", "081234567890")
    sync_all(d1, d2)
    proxy.go_offline()
    d1.visitors.check_out(SUPERVISOR, visit.badge_number)
    d2.visitors.check_out(SUPERVISOR, visit.badge_number)
    proxy.go_online()
    sync_all(d1, d2)
    return d1, d2


def concurrent_edit(desks: Desks, proxy: TcpProxy) -> tuple[Core, Core]:
    """The same visitor's organisation changed at two offline desks: a notice."""
    d1 = first_desk(desks)
    d2 = desks.join("D02")
    first = register(d1, "Siti Rahayu", "081234567890", organisation="Koperasi A")
    d1.visitors.check_out(SUPERVISOR, first.badge_number)
    sync_all(d1, d2)
    proxy.go_offline()
    register(d1, "Siti Rahayu", "081234567890", organisation="Koperasi B",
             visitor_id=first.visitor_id)
    register(d2, "Siti Rahayu", "081234567890", organisation="Koperasi C",
             visitor_id=first.visitor_id)
    proxy.go_online()
    sync_all(d1, d2)
    return d1, d2


# --- the status bar -----------------------------------------------------------------


def test_a_desk_on_its_own_says_so_and_runs_no_worker(qtbot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    bar = window.sync_status
    assert bar.state_label.text() == "Mandiri (tanpa server)"
    assert bar.pending_label.isHidden() and bar.last_sync_label.isHidden()
    assert bar.conflicts_button.isHidden()
    assert window.sync_controller.worker is None
    assert "Konflik" not in nav_titles(window)  # nothing to resolve without a server


def test_status_bar_offline_on_a_closed_port_then_online_after_sync(
        qtbot, proxied_desks: Desks, proxy: TcpProxy, ui_settings: UiSettings) -> None:
    d1 = first_desk(proxied_desks)
    proxy.close()  # the port the desk was enrolled with now refuses connections
    window = make_window(qtbot, context(d1, ui_settings))
    bar = window.sync_status
    qtbot.waitUntil(lambda: bar.state_label.text() == "Offline", timeout=WAIT_MS)
    assert bar.dot.property("colour") == "#d97706"
    assert "tidak terjangkau" in bar.toolTip()
    register(d1, "Siti Rahayu", "081234567890")
    window.ctx.runner.data_changed.emit(frozenset({"visits", "visitors"}))  # wakes the worker
    waiting = d1.sync.status().pending_ops  # the registration's 3, and the login's
    assert waiting >= 3
    qtbot.waitUntil(lambda: bar.pending_label.text() == f"{waiting} menunggu"
                    and bar.pending_label.isVisibleTo(window), timeout=WAIT_MS)

    proxy.reopen()
    window.sync_controller.sync_now()
    wait_online(qtbot, window)
    qtbot.waitUntil(lambda: bar.pending_label.isHidden(), timeout=WAIT_MS)
    assert bar.dot.property("colour") == "#1e7a46"
    now = datetime.now(UTC) + timedelta(hours=7)
    times = {(now - timedelta(minutes=m)).strftime("%H:%M") for m in (0, 1)}
    assert bar.last_sync_label.text()[-5:] in times  # long or short: the window is narrow
    assert any(f"Sinkron terakhir {t}" in bar.toolTip() for t in times)
    assert d1.sync.status().pending_ops == 0


def test_a_refusal_shows_red_with_its_reason(qtbot, desks: Desks,
                                             ui_settings: UiSettings) -> None:
    clock = OffsetClock()
    d1 = first_desk(desks, clock=clock)
    clock.offset = timedelta(minutes=12)  # the PC's clock went wrong
    window = make_window(qtbot, context(d1, ui_settings))
    bar = window.sync_status
    qtbot.waitUntil(lambda: bar.state_label.text() == "Sinkron ditolak", timeout=WAIT_MS)
    assert bar.dot.property("colour") == "#b42318"
    assert "selisih 12 menit" in bar.toolTip()
    page = window.pages["settings"].panel.pages["sync"]
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.problem_label.isVisibleTo(page), timeout=WAIT_MS)
    assert page.problem_label.text().startswith("Sinkronisasi ditolak: Jam desk ini selisih 12")
    assert page.problem_label.property("refused") is True


def test_a_narrow_status_bar_shortens_the_last_sync(qtbot) -> None:
    """On a 1024 px desk the status bar is full: "Sinkron 14:05", never a cut text."""
    status_bar = QStatusBar()
    qtbot.addWidget(status_bar)
    bar = SyncStatusWidget(status_bar)
    status_bar.addPermanentWidget(bar)
    status_bar.show()
    moment = datetime(2026, 5, 4, 7, 5, tzinfo=UTC)  # 14:05 WIB, another day
    bar.show_status(SyncStatus(True, "D01", "postgresql://server/db", LinkState.ONLINE, 0,
                               moment, moment, None, 0, 0, 0, 9))
    long_width, short_width = bar.sizeHint().width(), bar.minimumSizeHint().width()
    assert short_width < long_width
    status_bar.resize(long_width + 60, 30)
    qtbot.waitUntil(lambda: bar.width() >= long_width)
    assert bar.last_sync_label.text() == "Sinkron terakhir 04-05-2026 14:05"
    status_bar.resize(short_width + 30, 30)
    qtbot.waitUntil(lambda: bar.last_sync_label.text() == "Sinkron 04-05-2026 14:05")
    assert "Sinkron terakhir 04-05-2026 14:05" in bar.toolTip()
    status_bar.resize(long_width + 60, 30)
    qtbot.waitUntil(lambda: bar.last_sync_label.text() == "Sinkron terakhir 04-05-2026 14:05")


# --- the controller ----------------------------------------------------------------------


def test_a_change_at_desk_2_appears_in_desk_1s_list_within_seconds(
        qtbot, desks: Desks, ui_settings: UiSettings) -> None:
    d1 = first_desk(desks)
    d2 = desks.join("D02")
    window = make_window(qtbot, context(d1, ui_settings))
    model = window.visitors_page.lists.in_building_model
    wait_online(qtbot, window)
    time.sleep(0.3)  # the listener is connected
    assert model.rowCount() == 0
    register(d2, "Budi Santoso", "081311112222")
    assert d2.sync.run_once().ok  # pushed; the server announces it
    started = time.monotonic()
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert time.monotonic() - started < 3  # by LISTEN/NOTIFY, not the 5 s poll
    assert model.record(0).name == "Budi Santoso"
    qtbot.waitUntil(lambda: window.in_building_label.text() == "Di dalam gedung: 1 orang",
                    timeout=WAIT_MS)


def test_a_local_change_is_pushed_at_once(qtbot, desks: Desks, ui_settings: UiSettings) -> None:
    d1 = first_desk(desks)
    window = make_window(qtbot, context(d1, ui_settings))
    wait_online(qtbot, window)
    worker = window.sync_controller.worker
    assert worker is not None
    runs = worker.runs
    register(d1, "Siti Rahayu", "081234567890")
    window.ctx.runner.data_changed.emit(frozenset({"visits"}))
    qtbot.waitUntil(lambda: worker.runs > runs and d1.sync.status().pending_ops == 0,
                    timeout=3000)  # well before the 5 s poll


def test_changes_from_the_server_are_announced_once(qtbot, ctx: AppContext) -> None:
    """A pulled change is announced to the views but does not wake the worker again."""
    controller = SyncController(ctx)
    seen: list[frozenset[str]] = []
    ctx.runner.data_changed.connect(seen.append)
    controller._active = True
    triggered: list[bool] = []
    controller.worker = type("W", (), {"trigger": lambda self: triggered.append(True)})()
    controller._on_worker_report(_report({"visit_checkouts", "sync_conflicts"}))
    assert seen == [frozenset({"visit_checkouts", "visits", "sync_conflicts"})]
    assert triggered == []
    ctx.runner.data_changed.emit(frozenset({"visits"}))  # a local change
    assert triggered == [True]
    controller.worker = None
    controller.deleteLater()


def test_ui_entities_names_what_views_listen_for() -> None:
    assert ui_entities({"visitors"}) == {"visitors", "visits"}
    assert ui_entities({"visit_purposes", "app_settings"}) == {
        "visit_purposes", "purposes", "app_settings", "settings"}


def test_the_worker_stops_when_the_main_window_closes(qtbot, desks: Desks,
                                                     ui_settings: UiSettings) -> None:
    d1 = first_desk(desks)
    ctx = context(d1, ui_settings)
    window = make_window(qtbot, ctx)
    wait_online(qtbot, window)
    worker = window.sync_controller.worker
    assert worker is not None and worker.running and ctx.sync is window.sync_controller
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 3
    assert not worker.running
    assert window.sync_controller.worker is None and ctx.sync is None
    names = {t.name for t in threading.enumerate()}
    assert "sync-worker" not in names and "sync-listener" not in names


# --- the conflicts inbox ------------------------------------------------------------------


def test_a_conflict_appears_in_the_inbox_and_resolving_removes_it(
        qtbot, proxied_desks: Desks, proxy: TcpProxy, ui_settings: UiSettings) -> None:
    d1, _d2 = double_check_out(proxied_desks, proxy)
    window = make_window(qtbot, context(d1, ui_settings, Role.SUPERVISOR))
    bar = window.sync_status
    qtbot.waitUntil(lambda: bar.conflicts_button.text() == "2 konflik"
                    and bar.conflicts_button.isVisibleTo(window), timeout=WAIT_MS)
    assert nav_titles(window) == [
        "Tamu", "Pembayaran", "Ruang", "Pujasera", "Konflik", "Audit", "Pengaturan"]
    bar.conflicts_button.click()
    page = window.pages["conflicts"]
    assert isinstance(page, ConflictsPage)
    assert window.stack.currentWidget() is page
    assert page.model.rowCount() == 2
    assert page.count_label.text() == "2 konflik belum selesai"
    row = next(r for r in range(2) if page.model.index(r, 0).data(KIND_ROLE) == "rejected")
    assert page.model.index(row, 1).data() == "Ditolak server"
    assert page.model.index(row, 2).data() == "Check-out"
    assert page.model.index(row, 3).data() == "D02"
    assert "uq_visit_checkouts_visit_id" in page.model.index(row, 4).data()
    assert page.model.index(row, 5).data() == "Perlu keputusan"
    page.table.selectRow(row)
    assert page.current_conflict() is not None and page.current_conflict().kind == "rejected"
    assert page.fields_model.rowCount() > 0
    assert "Server menolak perubahan dari desk D02" in page.summary_label.text()
    assert page.keep_button.isEnabled() and page.restore_button.isEnabled()
    assert page.restore_button.text() == "Pulihkan versi desk D02"

    page.note_edit.setText("dipindai dua kali")
    page.keep_button.click()
    assert page.model.rowCount() == 1  # the notice about the visit's check-out time
    assert page.model.index(0, 0).data(KIND_ROLE) == "concurrent_edit"
    assert page.count_label.text() == "1 konflik belum selesai"
    assert page.note_edit.text() == ""
    (resolved,) = [c for c in d1.sync.conflicts(open_only=False) if c.kind == "rejected"]
    assert resolved.resolution == "keep" and resolved.resolution_note == "dipindai dua kali"
    assert resolved.resolved_by == "supervisor"
    qtbot.waitUntil(lambda: bar.conflicts_button.text() == "1 konflik", timeout=WAIT_MS)
    page.show_resolved_check.setChecked(True)
    assert page.model.rowCount() == 2
    texts = {page.model.index(r, 5).data() for r in range(2)}
    assert texts == {"Perlu ditinjau", "Selesai: dipertahankan oleh supervisor"}

    page.show_resolved_check.setChecked(False)
    page.keep_button.click()  # the notice, acknowledged
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "Tidak ada konflik yang perlu ditangani."
    assert not page.keep_button.isEnabled()
    qtbot.waitUntil(lambda: bar.conflicts_button.isHidden(), timeout=WAIT_MS)


def test_both_versions_side_by_side_changed_fields_marked(
        qtbot, proxied_desks: Desks, proxy: TcpProxy, ui_settings: UiSettings) -> None:
    d1, d2 = concurrent_edit(proxied_desks, proxy)
    ctx = context(d1, ui_settings)
    page = ConflictsPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 5).data() == "Perlu ditinjau"
    fields = page.fields_model
    changed = fields.changed_fields()
    assert "organisation" in changed and "full_name" not in changed
    marks = [fields.index(r, 0).data(CHANGED_ROLE) for r in range(fields.rowCount())]
    assert marks == [True] * len(changed) + [False] * (len(marks) - len(changed))  # first
    row = next(r for r in range(fields.rowCount())
               if fields.index(r, 0).data(FIELD_ROLE) == "organisation")
    assert {fields.index(row, 1).data(), fields.index(row, 2).data()} == {"Koperasi B",
                                                                          "Koperasi C"}
    assert fields.index(row, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    headers = [fields.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert sum("(berlaku)" in h for h in headers) == 1
    conflict = page.current_conflict()
    assert conflict is not None
    lost = conflict.server_payload if conflict.winner == "local" else conflict.local_payload
    assert lost is not None
    page.restore_button.click()
    assert page.model.rowCount() == 0
    sync_all(d1, d2)
    details = d2.visitors.visitor_details(SUPERVISOR, conflict.entity_id)
    assert details.organisation == lost["organisation"]


def test_a_receptionist_sees_the_count_but_has_no_inbox(
        qtbot, proxied_desks: Desks, proxy: TcpProxy, ui_settings: UiSettings) -> None:
    d1, _d2 = double_check_out(proxied_desks, proxy)
    window = make_window(qtbot, context(d1, ui_settings, Role.RECEPTIONIST))
    bar = window.sync_status
    qtbot.waitUntil(lambda: bar.conflicts_button.text() == "2 konflik", timeout=WAIT_MS)
    assert not bar.conflicts_button.isEnabled()
    assert "supervisor" in bar.conflicts_button.toolTip()
    assert "conflicts" not in window.pages


# --- the models ------------------------------------------------------------------------------


def _conflict(n: int, **changes: Any) -> ConflictInfo:
    values: dict[str, Any] = dict(
        id=f"c{n}", kind="concurrent_edit", status="info", entity="visitors",
        entity_id=f"v{n}", desk_code="D02",
        local_payload={"id": f"v{n}", "full_name": "Siti", "organisation": "B", "version": 3,
                       "nik_hash": "abc"},
        server_payload={"id": f"v{n}", "full_name": "Siti", "organisation": "C", "version": 2,
                        "nik_hash": "abc"},
        winner="server", reason="", created_at=datetime(2026, 5, 4, 3, 0, tzinfo=UTC),
        resolution=None, resolved_by=None, resolved_at=None, resolution_note="")
    values.update(changes)
    return ConflictInfo(**values)


def _report(entities: set[str]) -> SyncReport:
    return SyncReport(received=1, changed_entities=frozenset(entities))


def test_the_conflicts_model_passes_the_model_tester(qtmodeltester, ctx: AppContext) -> None:
    model = ConflictsTableModel(ctx)
    assert model.rowCount() == 0  # a desk on its own has none
    qtmodeltester.check(model)
    model.set_rows([_conflict(1), _conflict(2, kind="rejected", status="open",
                                            server_payload=None, reason="uq_visit: dup")])
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "04-05-2026 10:00"  # WIB
    assert model.index(0, 2).data() == "Tamu · Siti"
    assert model.index(1, 4).data() == "uq_visit: dup"
    assert model.index(0, 4).data() == "Berlaku versi yang sudah ada di server"
    assert model.index(1, 0).data(CONFLICT_ID_ROLE) == "c2"
    assert model.index(1, 0).data(IS_OPEN_ROLE) is True


def _paid_twice() -> ConflictInfo:
    second = {"id": "r2", "number": "KW/D02/2026/000001", "total": 18000, "payer_name": "Budi"}
    first = {"id": "r1", "number": "KW/D01/2026/000002", "total": 18000, "payer_name": "Budi"}
    return _conflict(3, kind="double_payment", status="open", entity="receipts",
                     entity_id="r2", local_payload=second, server_payload=first,
                     reason="Dibayar dua kali: ...")


def test_a_charge_paid_twice_says_whom_to_refund_and_offers_no_choice(
        qtbot, ctx: AppContext) -> None:
    page = ConflictsPage(ctx)
    qtbot.addWidget(page)
    page.model.set_rows([_paid_twice()])
    assert page.model.index(0, 1).data() == "Dibayar dua kali"
    assert page.model.index(0, 4).data().startswith(
        "Dibayar dua kali: kembalikan Rp18.000 kepada Budi (kuitansi KW/D02/2026/000001)")
    page.table.selectRow(0)
    assert "kembalikan Rp18.000 kepada Budi" in page.summary_label.text()
    # Settled by the refund (a void of the second receipt), not by keep or restore.
    assert not page.keep_button.isEnabled() and not page.restore_button.isEnabled()


def test_the_fields_model_passes_the_model_tester(qtmodeltester) -> None:
    model = ConflictFieldsModel()
    qtmodeltester.check(model)
    model.set_conflict(_conflict(1))
    qtmodeltester.check(model)
    assert model.changed_fields() == ["organisation"]
    texts = {model.index(r, 0).data(FIELD_ROLE): model.index(r, 1).data()
             for r in range(model.rowCount())}
    assert texts["nik_hash"] == "••••••"  # never shown
    assert model.index(0, 0).data() == "Organisasi"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "organisation"
    fields = [model.index(r, 0).data(FIELD_ROLE) for r in range(model.rowCount())]
    assert fields == ["organisation", "full_name", "nik_hash", "id", "version"]
    model.set_conflict(_conflict(2, kind="rejected", server_payload=None))
    assert model.changed_fields() == []  # nothing on the other side to compare
    assert model.index(0, 2).data() == "(tidak ada)"


def test_the_conflicts_model_against_a_real_desk(
        qtmodeltester, proxied_desks: Desks, proxy: TcpProxy, ui_settings: UiSettings) -> None:
    d1, _d2 = double_check_out(proxied_desks, proxy)
    model = ConflictsTableModel(context(d1, ui_settings))
    assert model.rowCount() == 2
    qtmodeltester.check(model)


# --- settings › sinkronisasi ---------------------------------------------------------------


def test_an_administrator_enrols_the_desk_from_settings(
        qtbot, ctx: AppContext, server_url: str) -> None:
    window = make_window(qtbot, ctx)
    page = window.pages["settings"].panel.pages["sync"]
    assert isinstance(page, SyncPage)
    assert page.desk_edit.text() == "D01" and not page.sync_now_button.isEnabled()
    page.server_edit.setText(server_url)
    page.enroll_button.click()
    assert "sebagai desk pertama" in page.enroll_result_label.text()
    wait_online(qtbot, window)  # the worker started without logging in again
    assert window.sync_controller.worker is not None
    assert "Konflik" in nav_titles(window)
    assert page.server_edit.isReadOnly() and page.enroll_button.isHidden()
    assert page.sync_now_button.isEnabled()
    register(ctx.core, "Siti Rahayu", "081234567890")
    page.sync_now_button.click()
    assert page.result_label.text().startswith("Selesai: ")
    assert ctx.core.sync.status().pending_ops == 0


def test_a_second_desk_downloads_and_is_told_to_log_in_again(
        qtbot, desks: Desks, bare_core: Core, bare_ctx: AppContext) -> None:
    first_desk(desks)
    bare_core.setup.initialize("D02")
    bare_core.setup.create_first_admin("kasir", "Admin Desk Dua", ADMIN_PASSWORD)
    bare_ctx.actor = bare_core.users.authenticate("kasir", ADMIN_PASSWORD)
    page = SyncPage(bare_ctx)
    qtbot.addWidget(page)
    page.load()
    page.server_edit.setText(desks.server_url)
    page.desk_edit.setText("D02")
    page.enroll_button.click()
    text = page.enroll_result_label.text()
    assert "diunduh dari server" in text and "masuk lagi" in text


def test_a_wrong_address_is_shown_under_the_field(qtbot, ctx: AppContext) -> None:
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.load()
    page.server_edit.setText("mysql://server/smesco")
    page.enroll_button.click()
    assert "PostgreSQL" in page.errors["server"].text()
    assert page.enroll_button.isEnabled()


def test_enrolment_refused_for_a_wrong_clock(qtbot, tmp_path: Path, server_url: str,
                                            ui_settings: UiSettings) -> None:
    desks = Desks(tmp_path, server_url)
    try:
        core = desks.open("D01", OffsetClock(timedelta(minutes=-9)))
        core.setup.initialize("D01")
        core.setup.create_first_admin(ADMIN_USERNAME, "Administrator Gedung", ADMIN_PASSWORD)
        page = SyncPage(context(core, ui_settings))
        qtbot.addWidget(page)
        page.load()
        page.server_edit.setText(server_url)
        page.enroll_button.click()
        message = page.errors[""].text()
        assert message.startswith("Pendaftaran ditolak: Jam desk ini selisih 9 menit")
        assert not core.sync.status().enrolled
    finally:
        desks.close()


# --- the muster list --------------------------------------------------------------------------


class _Printer:
    def __init__(self) -> None:
        self.printed: list[bytes] = []

    def printer_name(self, kind: str) -> str:
        return "Printer kantor"

    def print_pdf(self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None) -> None:
        self.printed.append(pdf)

    def preview(self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None) -> None:
        self.printed.append(pdf)

    def save_pdf(self, pdf: bytes, suggested_name: str, parent: QWidget | None = None) -> object:
        return None


def _muster_times(qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    seen: list[Any] = []
    original = ctx.core.visitors.muster_pdf

    def muster_pdf(
        actor: Any, last_sync_at: datetime | None = None, evacuation: bool = False
    ) -> bytes:
        assert evacuation  # printed for an evacuation: with phones, noted in the audit
        seen.append(last_sync_at)
        return original(actor, last_sync_at, evacuation)

    monkeypatch.setattr(ctx.core.visitors, "muster_pdf", muster_pdf)
    widget = QWidget()
    qtbot.addWidget(widget)
    printer = _Printer()
    done: list[bool] = []
    VisitorDocuments(ctx, widget, printer).muster("print", done.append, pytest.fail)
    assert done == [True] and printer.printed
    return seen


def test_the_muster_list_of_an_enrolled_desk_carries_the_last_sync(
        qtbot, desks: Desks, ui_settings: UiSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    d1 = first_desk(desks)
    assert d1.sync.run_once().ok
    last = d1.sync.status().last_sync_at
    assert last is not None
    assert _muster_times(qtbot, context(d1, ui_settings), monkeypatch) == [last]


def test_the_muster_list_of_a_desk_on_its_own_has_no_sync_time(
        qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _muster_times(qtbot, ctx, monkeypatch) == [None]
