"""The Conflicts page with a lease another desk won the days of: "Bentrok sewa
stan" naming the winner, its stall and days filled in, "Pindahkan" to a free
stall and "Batalkan sewa" (the paid deposit owed back), with real desks on the
real PostgreSQL (tests/sync/fixtures_sync.py) and synchronous operations."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

from smesco_desk.clock import wib_today
from smesco_desk.services.core import Core
from smesco_desk.sync import LEASE_OVERLAP
from smesco_desk.values.foodcourt import LeaseForm
from tests.core.helpers_core import cash
from tests.core.helpers_foodcourt import stall_form, tenant_form
from tests.sync.helpers_sync import Desks, sync_all
from tests.sync.proxy import TcpProxy
from tests.ui.helpers_ui import ADMIN_PASSWORD, ADMIN_USERNAME
from ui.context import AppContext
from ui.operations import OperationRunner
from ui.pages.conflicts.page import ConflictsPage
from ui.settings import UiSettings

pytestmark = pytest.mark.slow


def _conflict(desks: Desks, proxy: TcpProxy) -> tuple[Core, Core, str]:
    d1 = desks.open("D01")
    d1.setup.initialize("D01")
    d1.setup.create_first_admin(ADMIN_USERNAME, "Administrator Gedung", ADMIN_PASSWORD)
    d1.sync.enroll(desks.server_url, "D01")
    d2 = desks.join("D02")
    admin = d1.users.authenticate(ADMIN_USERNAME, ADMIN_PASSWORD)
    d1.foodcourt.save_stall(admin, stall_form())
    d1.foodcourt.save_stall(admin, stall_form(code="FC1-01"))
    ali = d1.foodcourt.save_tenant(admin, tenant_form())
    budi = d1.foodcourt.save_tenant(admin, tenant_form(name="Bakso Malang Cak Man", owner="Man"))
    sync_all(d1, d2)
    proxy.go_offline()
    start = wib_today(d1.now()) + timedelta(days=5)
    d1.foodcourt.lease(admin, LeaseForm(ali.id, "FC2-07", start, start + timedelta(59)))
    lost = d2.foodcourt.lease(admin, LeaseForm(budi.id, "FC2-07", start, start + timedelta(29)))
    assert lost.deposit_charge_id is not None
    d2.payments.open_shift(admin, 100_000)
    d2.payments.pay(admin, lost.deposit_charge_id, cash(lost.deposit))
    proxy.go_online()
    sync_all(d1, d2)
    return d1, d2, lost.id


def _page(qtbot, core: Core, ui_settings: UiSettings) -> ConflictsPage:  # type: ignore[no-untyped-def]
    admin = core.users.authenticate(ADMIN_USERNAME, ADMIN_PASSWORD)
    ctx = AppContext(core, OperationRunner(synchronous=True), ui_settings, admin)
    page = ConflictsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024, 768)
    page.show()
    page.table.selectRow(0)
    return page


def test_the_inbox_moves_the_lease_to_a_free_stall(
    qtbot, proxied_desks: Desks, proxy: TcpProxy, ui_settings: UiSettings
) -> None:
    d1, d2, lost = _conflict(proxied_desks, proxy)
    page = _page(qtbot, d2, ui_settings)
    conflict = page.current_conflict()
    assert conflict is not None and conflict.kind == LEASE_OVERLAP
    assert "Bentrok sewa stan" in page.summary_label.text()
    assert "FC2-07 · Soto Betawi Bang Ali" in page.summary_label.text()
    panel = page.lease_panel
    assert panel.isVisible() and not page.keep_button.isVisible()
    assert panel.stall_edit.text() == "FC2-07"
    if os.environ.get("SMESCO_SHOTS"):
        page.grab().save(os.path.join(os.environ["SMESCO_SHOTS"], "lease_conflict.png"))
    panel.move_button.click()  # its own stall is still taken then
    assert "Bentrok dengan sewa Soto Betawi Bang Ali" in panel.error_label.text()
    panel.stall_edit.setText("FC1-01")
    panel.move_button.click()
    assert "dipindahkan ke stan FC1-01" in page.result_label.text()
    assert d2.foodcourt.get_lease(lost).status == "active"
    sync_all(d2, d1)
    assert d1.foodcourt.get_lease(lost).stall_code == "FC1-01"


def test_the_inbox_cancels_the_lease_and_owes_the_deposit_back(
    qtbot, proxied_desks: Desks, proxy: TcpProxy, ui_settings: UiSettings
) -> None:
    d1, _d2, lost = _conflict(proxied_desks, proxy)
    page = _page(qtbot, d1, ui_settings)  # the winning desk sees it too
    page.lease_panel.cancel_button.click()
    assert "dibatalkan" in page.result_label.text()
    assert d1.foodcourt.get_lease(lost).status == "cancelled"
    (credit,) = d1.payments.refunds_due()
    assert credit.total == -d1.foodcourt.get_lease(lost).deposit
