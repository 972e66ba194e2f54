"""The watchlist at the desk (issue 13, point 10), on real services: registering
a person the list names stops with the reason in the approval dialog; a
supervisor's login lets the registration through, a refused person gets only
a Close button, and nothing is saved until someone may."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from smesco_desk.services.actors import Role
from smesco_desk.values.visitors import VisitFilter, VisitScope
from smesco_desk.values.watchlist import WatchlistForm
from tests.ui.helpers_ui import FakePrinter, show_active
from ui.context import AppContext
from ui.dialogs.approval import ApprovalDialog
from ui.pages.visitors.page import VisitorsPage

PASSWORD = "rahasia-user-1"


@pytest.fixture
def page(qtbot, ctx: AppContext, printer: FakePrinter) -> VisitorsPage:
    core, admin = ctx.core, ctx.require_actor()
    core.users.create(admin, "sari", "Sari Wulandari", PASSWORD, Role.RECEPTIONIST.value)
    core.users.create(admin, "hendra", "Hendra Gunawan", PASSWORD, Role.SUPERVISOR.value)
    hendra = core.users.authenticate("hendra", PASSWORD)
    core.watchlist.save(
        hendra, WatchlistForm("Joko Pranoto", "Sengketa sewa: panggil supervisor.", "approval")
    )
    core.watchlist.save(
        hendra,
        WatchlistForm("Bagus Wicaksono", "Mengancam petugas.", "refused", "0812 9999 0000"),
    )
    ctx.actor = core.users.authenticate("sari", PASSWORD)
    return show_active(qtbot, VisitorsPage(ctx, printer=printer), 1176, 700)


def _fill_and_register(qtbot, page: VisitorsPage, name: str, phone: str) -> None:
    form = page.form
    assert form is not None
    qtbot.keyClicks(form.name_edit, name)
    qtbot.keyClicks(form.phone_edit, phone)
    form.purpose_combo.setCurrentIndex(0)
    form.consent_check.setChecked(True)
    qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)


def _asking(page: VisitorsPage) -> ApprovalDialog:
    [dialog] = [d for d in page.findChildren(ApprovalDialog) if d.isVisible()]
    return dialog


def _visits(ctx: AppContext) -> int:
    return ctx.core.visitors.count_visits(VisitFilter(VisitScope.HISTORY))


def test_a_listed_name_stops_and_a_supervisor_lets_them_in(
    qtbot, page: VisitorsPage, ctx: AppContext
) -> None:
    _fill_and_register(qtbot, page, "Pranoto Joko", "0813 1234 5678")
    asking = _asking(page)
    reasons = asking.findChild(QLabel, "approval_reasons_label").text()
    assert "Sengketa sewa" in reasons and "nama mirip" in reasons
    assert _visits(ctx) == 0
    assert page.form is not None and "Sengketa sewa" in page.form.banner.text()
    asking.username_edit.setText("hendra")
    asking.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(page.visitor_checked_in) as done:
        qtbot.mouseClick(asking.approve_button, Qt.MouseButton.LeftButton)
    assert done.args[0].name == "Pranoto Joko" and _visits(ctx) == 1
    assert page.form.name_edit.text() == ""  # the next visitor's form


def test_a_refused_person_gets_only_a_close_button(
    qtbot, page: VisitorsPage, ctx: AppContext
) -> None:
    _fill_and_register(qtbot, page, "Siapa Saja", "0812 9999 0000")
    asking = _asking(page)
    assert asking.findChild(type(asking.cancel_button), "approve_button") is None
    label = asking.findChild(QLabel, "approval_reasons_label")
    assert "Mengancam petugas." in label.text()
    assert label.height() >= label.heightForWidth(label.width())  # the reasons are not cut
    qtbot.mouseClick(asking.cancel_button, Qt.MouseButton.LeftButton)
    assert not asking.isVisible() and _visits(ctx) == 0
    assert page.form is not None and page.form.name_edit.text() == "Siapa Saja"  # kept


def test_a_name_only_match_shows_the_listed_phone_and_nik_masked(
    qtbot, page: VisitorsPage, ctx: AppContext
) -> None:
    """The review (S/105, S/106): a spelling variant of a listed name stops, and the
    supervisor sees the listed entry's phone and NIK, masked, to compare."""
    hendra = ctx.core.users.authenticate("hendra", PASSWORD)
    ctx.core.watchlist.save(
        hendra,
        WatchlistForm("Rudi Hartono", "Pernah merusak stan.", "refused", "0812 7777 1234",
                      "3174056508900001"),
    )  # fmt: skip
    _fill_and_register(qtbot, page, "Rudy Hartanto", "0813 5555 0000")
    asking = _asking(page)
    details = asking.findChild(QLabel, "approval_details_label")
    assert details.isVisible()
    assert "Rudi Hartono" in details.text() and "************0001" in details.text()
    assert "+62812" in details.text() and "77771234" not in details.text()
    assert "3174056508900001" not in details.text()
    assert _visits(ctx) == 0
