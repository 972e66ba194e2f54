"""Settings › Daftar harga and Jenis tagihan & pajak: real services, temp database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from smesco_desk.domain.charges import LineInput, TaxRule
from smesco_desk.services.actors import Actor, Role
from tests.ui.helpers_ui import make_actor
from ui.context import AppContext
from ui.models.values_table import ROW_VALUE_ROLE
from ui.pages.settings.charge_kinds import ChargeKindsPage, parse_rate, taxes_text
from ui.pages.settings.panel import SettingsPanel
from ui.pages.settings.prices import PricesPage

SEEDED_PRICES = 5  # PaymentService.seed_defaults
SEEDED_KINDS = ["other", "room", "service", "stall_rent"]


def make(qtbot, widget):
    qtbot.addWidget(widget)
    return widget


def choose(combo, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def row_of(page, code: str) -> int:
    codes = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    return codes.index(code)


@pytest.fixture
def supervisor_ctx(ctx: AppContext, admin: Actor) -> AppContext:
    ctx.actor = make_actor(ctx.core, admin, Role.SUPERVISOR, "sinta")
    return ctx


def fill_price(page: PricesPage, code: str, name: str, unit: str, price: str) -> None:
    page.new_item()
    page.code_edit.setText(code)
    page.name_edit.setText(name)
    page.unit_edit.setText(unit)
    page.price_edit.setText(price)


# --- the price list ---------------------------------------------------------------


def test_the_price_list_shows_prices_in_rupiah(qtbot, qtmodeltester, ctx: AppContext) -> None:
    page = make(qtbot, PricesPage(ctx))
    page.load()
    assert page.model.rowCount() == SEEDED_PRICES
    qtmodeltester.check(page.model)
    row = row_of(page, "studio_hour")
    cells = [page.model.index(row, c).data() for c in range(6)]
    assert cells == ["studio_hour", "Studio foto (per jam)", "jam", "Rp250.000", "Layanan", "Ya"]
    price = page.model.index(row, 3)
    assert price.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert price.data(ROW_VALUE_ROLE).unit_price == 250_000
    kinds = [page.kind_combo.itemData(i) for i in range(page.kind_combo.count())]
    assert sorted(kinds) == SEEDED_KINDS


def test_a_supervisor_adds_a_price_item(qtbot, supervisor_ctx: AppContext) -> None:
    page = make(qtbot, PricesPage(supervisor_ctx))
    page.load()
    fill_price(page, "scan_a4", "Pindai dokumen A4", "lembar", "Rp2.500")
    choose(page.kind_combo, "other")
    with qtbot.waitSignal(page.saved, timeout=1000):
        page.save_item_button.click()
    assert page.model.rowCount() == SEEDED_PRICES + 1  # reloaded on data_changed
    assert page.code_edit.isReadOnly()
    assert page.table.currentIndex().row() == row_of(page, "scan_a4")
    items = {p.code: p for p in supervisor_ctx.core.payments.price_list()}
    item = items["scan_a4"]
    assert (item.name, item.unit, item.unit_price, item.kind_code, item.active) == (
        "Pindai dokumen A4",
        "lembar",
        2_500,
        "other",
        True,
    )
    assert page.model.index(row_of(page, "scan_a4"), 4).data() == "Lain-lain"


@pytest.mark.parametrize("typed", ["150.000", "Rp150.000", "150000", "Rp 150.000,-"])
def test_a_price_is_read_as_typed_rupiah(qtbot, ctx: AppContext, typed: str) -> None:
    page = make(qtbot, PricesPage(ctx))
    page.load()
    fill_price(page, "sewa_proyektor", "Sewa proyektor", "jam", typed)
    page.save_item_button.click()
    items = {p.code: p for p in ctx.core.payments.price_list()}
    assert items["sewa_proyektor"].unit_price == 150_000
    assert page.price_edit.text() == "Rp150.000"


def test_a_price_item_is_changed_and_retired(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, PricesPage(ctx))
    page.load()
    page.table.selectRow(row_of(page, "print_bw"))
    assert page.code_edit.text() == "print_bw" and page.code_edit.isReadOnly()
    assert page.price_edit.text() == "Rp1.000"
    page.price_edit.setText("1.500")
    page.active_check.setChecked(False)
    page.save_item_button.click()
    everything = {p.code: p for p in ctx.core.payments.price_list(active_only=False)}
    assert everything["print_bw"].unit_price == 1_500 and not everything["print_bw"].active
    assert "print_bw" not in [p.code for p in ctx.core.payments.price_list()]
    assert page.model.index(row_of(page, "print_bw"), 5).data() == "Tidak"


def test_enter_in_the_form_saves(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, PricesPage(ctx))
    page.show()
    page.load()
    fill_price(page, "laminasi", "Laminasi A4", "lembar", "5000")
    page.name_edit.setFocus()
    with qtbot.waitSignal(page.saved, timeout=1000):
        qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert "laminasi" in [p.code for p in ctx.core.payments.price_list()]


@pytest.mark.parametrize("typed", ["12,5", "seratus ribu", "1.50", ""])
def test_a_bad_price_shows_at_the_field_and_nothing_is_saved(
    qtbot, supervisor_ctx: AppContext, typed: str
) -> None:
    page = make(qtbot, PricesPage(supervisor_ctx))
    page.load()
    fill_price(page, "sewa_kursi", "Sewa kursi", "buah", typed)
    page.save_item_button.click()
    error = page.errors["unit_price"]
    assert not error.isHidden() and "1.250.000" in error.text()
    assert page.model.rowCount() == SEEDED_PRICES
    assert "sewa_kursi" not in [p.code for p in supervisor_ctx.core.payments.price_list(False)]
    page.price_edit.setText("25.000")
    page.save_item_button.click()
    assert error.isHidden()
    assert page.model.rowCount() == SEEDED_PRICES + 1


def test_service_errors_show_at_their_fields(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, PricesPage(ctx))
    page.load()
    fill_price(page, "X!", "  ", "", "-Rp1.000")
    page.save_item_button.click()
    for field in ("code", "name", "unit_price"):
        assert not page.errors[field].isHidden(), field
    assert "negatif" in page.errors["unit_price"].text()
    assert page.model.rowCount() == SEEDED_PRICES


# --- kinds of charge and their taxes ----------------------------------------------


def test_kinds_are_listed_with_their_taxes(
    qtbot, qtmodeltester, ctx: AppContext, admin: Actor
) -> None:
    ctx.core.payments.save_charge_kind(
        admin, "room", "Sewa ruang", [TaxRule("ppn", "PPN", 1100), TaxRule("pb1", "PB1", 1000)]
    )
    page = make(qtbot, ChargeKindsPage(ctx))
    page.load()
    qtmodeltester.check(page.model)
    assert [page.model.index(r, 0).data() for r in range(4)] == SEEDED_KINDS
    assert page.model.index(row_of(page, "room"), 2).data() == "PPN 11%, PB1 10%"
    assert page.model.index(row_of(page, "service"), 2).data() == "—"
    page.table.selectRow(row_of(page, "room"))
    assert page.code_edit.isReadOnly() and page.label_edit.text() == "Sewa ruang"
    assert [
        (t.code_edit.text(), t.label_edit.text(), t.rate_edit.text()) for t in page.tax_lines
    ] == [("ppn", "PPN", "11%"), ("pb1", "PB1", "10%")]
    page.table.selectRow(row_of(page, "service"))
    assert page.tax_lines == [] and not page.no_taxes_label.isHidden()


def test_an_admin_sets_ppn_and_quotes_include_it(qtbot, ctx: AppContext) -> None:
    lines = [LineInput("Sewa ruang rapat", 2, 500_000)]
    assert ctx.core.payments.quote("room", lines).tax_total == 0
    page = make(qtbot, ChargeKindsPage(ctx))
    page.load()
    page.table.selectRow(row_of(page, "room"))
    line = page.add_tax_line()
    line.code_edit.setText("ppn")
    line.label_edit.setText("PPN")
    line.rate_edit.setText("11")
    with qtbot.waitSignal(page.saved, timeout=1000):
        page.save_kind_button.click()
    totals = ctx.core.payments.quote("room", lines)
    assert [(t.code, t.rate_bp, t.amount) for t in totals.taxes] == [("ppn", 1100, 110_000)]
    assert totals.total == 1_110_000
    assert page.model.index(row_of(page, "room"), 2).data() == "PPN 11%"
    assert page.table.currentIndex().row() == row_of(page, "room")
    assert "hanya berlaku untuk tagihan baru" in page.hint_label.text()


def test_a_new_kind_with_a_fractional_rate(qtbot, supervisor_ctx: AppContext) -> None:
    page = make(qtbot, ChargeKindsPage(supervisor_ctx))
    page.load()
    page.new_kind()
    page.code_edit.setText("sewa_aula")
    page.label_edit.setText("Sewa aula")
    line = page.add_tax_line()
    line.code_edit.setText("PPN")
    line.label_edit.setText("PPN")
    line.rate_edit.setText("11,5")
    page.add_tax_line()  # left blank: dropped, not refused
    page.save_kind_button.click()
    kinds = {k.code: k for k in supervisor_ctx.core.payments.charge_kinds()}
    assert kinds["sewa_aula"].taxes == (TaxRule("ppn", "PPN", 1150),)
    assert len(page.tax_lines) == 1 and page.model.rowCount() == 5


def test_a_tax_line_is_removed(qtbot, ctx: AppContext, admin: Actor) -> None:
    ctx.core.payments.save_charge_kind(admin, "room", "Sewa ruang", [TaxRule("ppn", "PPN", 1100)])
    page = make(qtbot, ChargeKindsPage(ctx))
    page.load()
    page.table.selectRow(row_of(page, "room"))
    page.tax_lines[0].remove_button.click()
    assert page.tax_lines == []
    page.save_kind_button.click()
    kinds = {k.code: k for k in ctx.core.payments.charge_kinds()}
    assert kinds["room"].taxes == ()
    assert ctx.core.payments.quote("room", [LineInput("Rapat", 1, 100_000)]).total == 100_000


@pytest.mark.parametrize("typed", ["sebelas", "11,555", "150", "-5", ""])
def test_a_bad_rate_shows_at_its_line_and_nothing_is_saved(
    qtbot, ctx: AppContext, typed: str
) -> None:
    page = make(qtbot, ChargeKindsPage(ctx))
    page.load()
    page.table.selectRow(row_of(page, "room"))
    page.label_edit.setText("Sewa ruang (baru)")
    good = page.add_tax_line(TaxRule("pb1", "PB1", 1000))
    bad = page.add_tax_line()
    bad.code_edit.setText("ppn")
    bad.label_edit.setText("PPN")
    bad.rate_edit.setText(typed)
    page.save_kind_button.click()
    message = bad.error.text()
    assert not bad.error.isHidden() and ("100%" in message or "11,5" in message)
    assert good.error.isHidden()
    kind = {k.code: k for k in ctx.core.payments.charge_kinds()}["room"]
    assert kind.label == "Sewa ruang" and kind.taxes == ()


def test_service_errors_show_at_the_kind_fields_and_tax_lines(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, ChargeKindsPage(ctx))
    page.load()
    page.new_kind()
    page.code_edit.setText("A")
    page.add_tax_line()  # blank: not sent, so the errors below go to the lines sent
    first = page.add_tax_line(TaxRule("ppn", "PPN", 1100))
    second = page.add_tax_line(TaxRule("ppn", "PPN lagi", 1200))
    page.save_kind_button.click()
    assert not page.errors["code"].isHidden() and not page.errors["label"].isHidden()
    assert first.error.isHidden()
    assert "dua kali" in second.error.text() and not second.error.isHidden()
    assert page.model.rowCount() == len(SEEDED_KINDS)
    second.code_edit.setText("pph")
    page.code_edit.setText("parkir")
    page.label_edit.setText("Parkir")
    page.save_kind_button.click()
    assert second.error.isHidden() and page.errors["code"].isHidden()
    assert page.model.rowCount() == len(SEEDED_KINDS) + 1


def test_a_new_kind_is_offered_on_the_price_page(qtbot, ctx: AppContext) -> None:
    prices = make(qtbot, PricesPage(ctx))
    prices.load()
    kinds = make(qtbot, ChargeKindsPage(ctx))
    kinds.load()
    kinds.new_kind()
    kinds.code_edit.setText("parkir")
    kinds.label_edit.setText("Parkir")
    kinds.save_kind_button.click()
    assert prices.kind_combo.findData("parkir") >= 0  # reloaded on data_changed


@pytest.mark.parametrize(
    ("typed", "rate"),
    [
        ("11", 1100),
        ("11,5", 1150),
        ("12%", 1200),
        (" 11.5 % ", 1150),
        ("0,25", 25),
        ("0", 0),
        ("100", 10_000),
    ],
)
def test_rates_are_read_in_percent(typed: str, rate: int) -> None:
    assert parse_rate(typed) == rate


def test_taxes_text() -> None:
    assert taxes_text(()) == "—"
    assert taxes_text((TaxRule("ppn", "PPN", 1100),)) == "PPN 11%"


# --- who sees the pages -------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        (Role.RECEPTIONIST, False),
        (Role.TENANT_MANAGER, False),
        (Role.SUPERVISOR, True),
    ],
)
def test_only_supervisors_and_admins_see_the_pages(
    qtbot, ctx: AppContext, admin: Actor, role: Role, shown: bool
) -> None:
    ctx.actor = make_actor(ctx.core, admin, role, "orang")
    panel = make(qtbot, SettingsPanel(ctx))
    assert ("prices" in panel.pages, "charge_kinds" in panel.pages) == (shown, shown)


def test_an_administrator_sees_the_pages_after_purposes(qtbot, ctx: AppContext) -> None:
    panel = make(qtbot, SettingsPanel(ctx))
    names = list(panel.pages)
    assert names.index("prices") == names.index("purposes") + 1
    # the sale rules (the discount limit) belong with the prices, then the charge kinds
    assert names.index("sale_rules") == names.index("prices") + 1
    assert names.index("charge_kinds") == names.index("sale_rules") + 1
    titles = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    assert "Harga" in titles
    assert "Tagihan && pajak" in titles  # a literal "&", not a keyboard shortcut
    assert panel.pages["charge_kinds"].title() == "Tagihan & pajak"
    panel.show_tab("prices")
    assert panel.save_button.isHidden()  # the pages have their own buttons


def test_nothing_is_cut_at_1024(qtbot, ctx: AppContext) -> None:
    panel = make(qtbot, SettingsPanel(ctx))
    panel.resize(1024 - 190 - 48, 640)  # the window less the navigation and the margins
    panel.show()
    qtbot.waitExposed(panel)
    prices = panel.pages["prices"]
    kinds = panel.pages["charge_kinds"]
    panel.show_tab("charge_kinds")
    kinds.table.selectRow(row_of(kinds, "room"))
    kinds.add_tax_line(TaxRule("ppn", "PPN", 1100))
    for page, buttons in (
        (prices, (prices.new_button, prices.save_item_button)),
        (kinds, (kinds.new_button, kinds.save_kind_button, kinds.add_tax_button)),
    ):
        panel.show_tab(page.name)
        qtbot.wait(10)
        for widget in (page.active_check, *buttons):
            assert widget.width() >= widget.sizeHint().width(), (page.name, widget.text())
        header = page.table.horizontalHeader()
        assert header.length() <= page.table.viewport().width(), page.name  # no side scrolling


def test_tab_goes_through_the_tax_lines_in_order(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, ChargeKindsPage(ctx))
    page.load()
    page.table.selectRow(row_of(page, "room"))
    first = page.add_tax_line(TaxRule("ppn", "PPN", 1100))
    second = page.add_tax_line()
    assert page.label_edit.nextInFocusChain() is first.code_edit
    assert first.remove_button.nextInFocusChain() is second.code_edit
    assert second.remove_button.nextInFocusChain() is page.add_tax_button
    assert page.add_tax_button.nextInFocusChain() is page.active_check


def test_a_new_tax_line_hints_cannot_pass_for_values(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, ChargeKindsPage(ctx))
    page.load()
    page.table.selectRow(row_of(page, "room"))
    line = page.add_tax_line()
    hints = [e.placeholderText() for e in (line.code_edit, line.label_edit, line.rate_edit)]
    assert hints == ["kode, mis. ppn", "nama, mis. PPN", "tarif %, mis. 11"]
    for edit in (line.code_edit, line.rate_edit):  # fixed widths, wide enough for the hint
        assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 20
