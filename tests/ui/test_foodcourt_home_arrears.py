"""The tenant manager's money views of the food court on real services: the
home page's due-rent and arrears sections (real numbers, one click to their
tab), the "Jatuh tempo" and "Tunggakan" tabs equal to the core's lists, the
statement and reminder letter into the PDF preview, and a tenant's documents
under the tenants list; all within a 1024-wide window."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from smesco_desk.domain.money import format_rupiah
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from tests.ui.helpers_foodcourt_money import food_court_in_arrears
from tests.ui.helpers_foodcourt_ui import FoodCourt
from tests.ui.helpers_ui import FakePrinter, make_actor, pdf_text, show_active
from ui.app import load_style_sheet
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages.foodcourt.common import to_qdate
from ui.pages.foodcourt.page import FoodCourtPage


@dataclass
class PreviewPrinter(FakePrinter):
    """A fake printer that keeps the PDFs it was asked to preview."""

    previewed: list[bytes] = field(default_factory=list)

    def preview(self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None) -> None:
        assert pdf.startswith(b"%PDF")
        self.previewed.append(pdf)
        super().preview(pdf, kind, title, parent)


@pytest.fixture
def court(ctx: AppContext, core: Core, admin: Actor) -> FoodCourt:
    court = food_court_in_arrears(core, admin)
    ctx.actor = court.manager
    return court


def make_page(qtbot: Any, ctx: AppContext, printer: FakePrinter) -> FoodCourtPage:
    return show_active(qtbot, FoodCourtPage(ctx, None, printer), 1000, 700)


def test_home_shows_todays_rent_and_the_arrears_and_leads_to_them(
    qtbot: Any, ctx: AppContext, core: Core, court: FoodCourt
) -> None:
    page = make_page(qtbot, ctx, FakePrinter())
    home = page.home_tab
    qtbot.waitUntil(lambda: home.section("Tunggakan") is not None)
    today = home.section("Jatuh tempo hari ini")
    assert today is not None
    due = [c for c in core.foodcourt.rent_due(court.today) if c.due_on == court.today]
    assert today.count_label.text() == str(len(due)) == "2"
    # FC2-01 leased today: its deposit and its first month fall due today.
    assert today.rows == [
        "FC2-01 · Soto Betawi Bang Ali · Rp6.000.000 (Deposit)",
        "FC2-01 · Soto Betawi Bang Ali · Rp3.000.000",
    ]
    assert today.summary_label.text() == "total Rp9.000.000 · belum dibayar Rp9.000.000"
    arrears = core.foodcourt.arrears(court.today)
    section = home.section("Tunggakan")
    assert section is not None and section.count_label.text() == str(len(arrears)) == "3"
    total = format_rupiah(sum(a.total for a in arrears))
    assert section.summary_label.text() == f"3 tenan · total {total}"
    # Bu Tini rents since 100 days ago, never paid: her months are in every age.
    assert section.rows == [
        "0–30 hari: Rp21.000.000",
        "31–60 hari: Rp3.000.000",
        "61–90 hari: Rp3.000.000",
        "> 90 hari: Rp9.000.000",
    ]
    qtbot.mouseClick(section.open_button, Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is page.arrears_tab
    page.show_tab(home)
    qtbot.mouseClick(today.open_button, Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is page.due_tab
    assert page.due_tab.days() == 1
    page.show_tab(home)
    week = home.section("Jatuh tempo 7 hari ke depan")
    assert week is not None
    qtbot.mouseClick(week.open_button, Qt.MouseButton.LeftButton)
    assert page.due_tab.days() == 7
    ids = [c.id for c in core.foodcourt.rent_due(court.today, 7)]
    qtbot.waitUntil(lambda: sorted(c.id for c in page.due_tab.table.shown_values()) == sorted(ids))


def test_the_due_list_is_the_cores_for_the_days_chosen(
    qtbot: Any, ctx: AppContext, core: Core, court: FoodCourt
) -> None:
    page = make_page(qtbot, ctx, FakePrinter())
    page.show_rent_due(1)
    tab = page.due_tab
    expected = core.foodcourt.rent_due(court.today)
    qtbot.waitUntil(lambda: len(tab.items) == len(expected))
    assert sorted(c.id for c in tab.table.shown_values()) == sorted(c.id for c in expected)
    unpaid = sum(c.amount for c in expected if c.status in ("open", "scheduled"))
    assert format_rupiah(unpaid) in tab.totals_label.text()
    later = court.today + timedelta(days=10)
    tab.date_edit.setDate(to_qdate(later))
    expected = core.foodcourt.rent_due(later)
    qtbot.waitUntil(lambda: [c.id for c in tab.items] == [c.id for c in expected])
    # the lease starting that day: its deposit, and its first rent not posted yet
    assert {(c.stall, c.kind) for c in tab.items} >= {("FC2-03", "deposit"), ("FC2-03", "rent")}
    statuses = {tab.table.proxy.index(r, 4).data() for r in range(tab.table.proxy.rowCount())}
    assert "Terjadwal" in statuses


def test_the_arrears_tab_is_the_cores_ageing_and_ages_on_another_day(
    qtbot: Any, ctx: AppContext, core: Core, court: FoodCourt
) -> None:
    page = make_page(qtbot, ctx, FakePrinter())
    page.show_arrears()
    tab = page.arrears_tab
    expected = core.foodcourt.arrears(court.today)
    qtbot.waitUntil(lambda: tab.rows == expected)
    assert sorted(tab.table.shown_values(), key=lambda a: a.tenant) == sorted(
        expected, key=lambda a: a.tenant
    )
    tab.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    first = tab.table.proxy.index(0, 0)
    assert first.data() == "Nasi Uduk Bu Tini"
    assert [tab.table.proxy.index(0, c).data() for c in range(1, 6)] == [
        "Rp3.000.000", "Rp3.000.000", "Rp3.000.000", "Rp9.000.000", "Rp18.000.000"]  # fmt: skip
    assert "3 tenan menunggak · total Rp36.000.000" in tab.totals_label.text()
    earlier = court.today - timedelta(days=45)
    tab.date_edit.setDate(to_qdate(earlier))
    expected = core.foodcourt.arrears(earlier)
    qtbot.waitUntil(lambda: tab.rows == expected)
    assert [a.tenant for a in expected] == ["Nasi Uduk Bu Tini"]


def test_reminder_and_statement_from_the_arrears_tab_open_as_pdfs(
    qtbot: Any, ctx: AppContext, core: Core, court: FoodCourt
) -> None:
    printer = PreviewPrinter()
    page = make_page(qtbot, ctx, printer)
    page.show_arrears()
    tab = page.arrears_tab
    qtbot.waitUntil(lambda: len(tab.rows) == 3)
    assert not tab.reminder_button.isEnabled()
    assert tab.table.select_where(lambda a: a.tenant == "Nasi Uduk Bu Tini")
    qtbot.mouseClick(tab.reminder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printer.previewed) == 1)
    assert printer.jobs[-1] == ("preview:office", "Surat pengingat Nasi Uduk Bu Tini")
    text = pdf_text(printer.previewed[0])
    assert "Nasi Uduk Bu Tini" in text and "FC2-02" in text
    qtbot.mouseClick(tab.statement_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printer.previewed) == 2)
    assert printer.jobs[-1] == ("preview:office", "Rekening koran Nasi Uduk Bu Tini")
    assert "Nasi Uduk Bu Tini" in pdf_text(printer.previewed[1])


def test_the_tenants_tab_prints_letters_and_shows_the_tenants_documents(
    qtbot: Any, ctx: AppContext, core: Core, court: FoodCourt, tmp_path: Path
) -> None:
    scan = tmp_path / "izin-usaha.pdf"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    tini = court.tenants["FC2-02"]
    core.foodcourt.attach_document(court.manager, tini.id, scan, "Izin usaha", "permit")
    printer = PreviewPrinter()
    page = make_page(qtbot, ctx, printer)
    tab = page.tenants_tab
    page.show_tab(tab)
    qtbot.waitUntil(lambda: len(tab.table.shown_values()) == 4)
    assert tab.documents_box.isVisible() and not tab.documents.attach_button.isEnabled()
    assert tab.table.select_where(lambda t: t.id == tini.id)
    assert tab.documents.tenant_id == tini.id
    qtbot.waitUntil(lambda: len(tab.documents.model.rows()) == 1)
    assert tab.documents.model.rows()[0].title == "Izin usaha"
    assert tab.documents_box.title() == "Dokumen Nasi Uduk Bu Tini"
    qtbot.mouseClick(tab.statement_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printer.previewed) == 1)
    assert printer.jobs[-1] == ("preview:office", "Rekening koran Nasi Uduk Bu Tini")
    statement = pdf_text(printer.previewed[0])
    assert "Nasi Uduk Bu Tini" in statement and "18.000.000" in statement
    # Bakso Malang's only charge (its deposit) falls due in ten days: no reminder.
    assert tab.table.select_where(lambda t: t.name == "Bakso Malang Cak Man")
    qtbot.waitUntil(lambda: not tab.documents.model.rows())
    qtbot.mouseClick(tab.reminder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "tidak punya tagihan yang lewat jatuh tempo" in tab.banner.text())
    assert len(printer.previewed) == 1


def test_a_receptionist_sees_the_money_but_no_letters_or_documents(
    qtbot: Any, ctx: AppContext, core: Core, admin: Actor, court: FoodCourt
) -> None:
    ctx.actor = make_actor(core, admin, Role.RECEPTIONIST, "rina")
    page = make_page(qtbot, ctx, FakePrinter())
    page.show_arrears()
    qtbot.waitUntil(lambda: len(page.arrears_tab.rows) == 3)
    assert not page.arrears_tab.reminder_button.isVisible()
    assert not page.arrears_tab.statement_button.isVisible()
    page.show_tab(page.tenants_tab)
    assert not page.tenants_tab.statement_button.isVisible()
    assert not page.tenants_tab.documents_box.isVisible()


def test_the_window_with_the_money_tabs_fits_1024(
    qtbot: Any, qapp: Any, ctx: AppContext, court: FoodCourt
) -> None:
    old = qapp.styleSheet()
    qapp.setStyleSheet(load_style_sheet())
    try:
        window = show_active(qtbot, MainWindow(ctx), 1024, 768)
        page = window.pages["foodcourt"]
        assert isinstance(page, FoodCourtPage)
        for tab in (page.home_tab, page.due_tab, page.arrears_tab, page.tenants_tab):
            page.show_tab(tab)
            qtbot.wait(50)
            assert window.minimumSizeHint().width() <= 1024, tab.objectName()
        page.tenants_tab.table.selectRow(0)
        assert window.minimumSizeHint().width() <= 1024
    finally:
        qapp.setStyleSheet(old)
