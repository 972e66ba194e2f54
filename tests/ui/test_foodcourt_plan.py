"""The food court's floor plan: each stall in the colour of its state, a click
or Enter opens its card with its tenant, the arrows move between stalls, an
administrator drags a stall to a place snapped to the grid (saved), and the
plan prints as an A4 landscape PDF."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt

from smesco_desk.domain.money import format_rupiah
from smesco_desk.printing.foodcourt_plan import STATE_FILL
from smesco_desk.services.actors import Actor
from tests.ui.helpers_foodcourt_ui import FoodCourt, small_food_court
from tests.ui.helpers_ui import FakePrinter, show_active
from ui.context import AppContext
from ui.pages.foodcourt.common import beside
from ui.pages.foodcourt.page import FoodCourtPage

STATES = {"FC2-01": "occupied", "FC2-02": "vacant", "FC2-03": "booked",
          "FC2-04": "arrears", "FC2-05": "out_of_service", "FC2-06": "vacant"}  # fmt: skip


@pytest.fixture
def court(ctx: AppContext, admin: Actor) -> FoodCourt:
    return small_food_court(ctx.core, admin)


def plan_page(qtbot: Any, ctx: AppContext, printer: FakePrinter) -> FoodCourtPage:
    page = show_active(qtbot, FoodCourtPage(ctx, None, printer), 1000, 700)
    page.show_tab(page.plan_tab)
    qtbot.waitUntil(lambda: bool(page.plan_tab.by_floor[2]))
    page.plan_tab.show_floor(2)
    return page


def test_each_stall_is_drawn_in_the_colour_of_its_state(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    page = plan_page(qtbot, ctx, printer)
    plan = page.plan_tab.plan
    assert {s.stall.code: s.state for s in plan.stalls()} == STATES
    image = plan.grab().toImage()
    ratio = image.devicePixelRatio()
    for code, state in STATES.items():
        assert plan.fill_of(code).name() == STATE_FILL[state].lower()
        if state == "out_of_service":
            continue  # hatched over its fill
        corner = plan.stall_rect(code).bottomRight() - QPoint(5, 5)  # below the texts
        pixel = image.pixelColor(int(corner.x() * ratio), int(corner.y() * ratio))
        assert pixel.name() == STATE_FILL[state].lower(), code
    # The legend counts each state of the floor.
    labels = page.plan_tab.legend_labels
    assert labels["vacant"].text().endswith("(2)") and labels["arrears"].text().endswith("(1)")


def test_a_filter_fades_the_other_stalls_and_the_arrows_skip_them(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    page = plan_page(qtbot, ctx, printer)
    tab, plan = page.plan_tab, page.plan_tab.plan
    tab.set_state_filter("vacant")
    plan.setFocus()
    qtbot.keyClick(plan, Qt.Key.Key_Home)
    assert plan.current_code() == "FC2-02"
    qtbot.keyClick(plan, Qt.Key.Key_Right)  # nothing vacant to the right in that row
    assert plan.current_code() == "FC2-02"
    qtbot.keyClick(plan, Qt.Key.Key_Down)
    assert plan.current_code() == "FC2-06"


def test_a_click_opens_the_card_with_the_tenant_and_what_is_owed(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    page = plan_page(qtbot, ctx, printer)
    plan = page.plan_tab.plan
    qtbot.mouseClick(plan, Qt.MouseButton.LeftButton, pos=plan.stall_rect("FC2-04").center())
    card = page.card
    assert card is not None and card.status.stall.code == "FC2-04"
    assert card.value_of("Tenan") == "Warung Vegan Hijau"
    assert card.value_of("Keadaan") == "Menunggak"
    assert card.value_of("Tagihan terbuka") == format_rupiah(court.leases["FC2-04"].deposit)
    assert card.value_of("Sewa sampai") == f"{court.leases['FC2-04'].ends_on:%d-%m-%Y}"
    coming = card.status.next_due
    assert coming is not None and card.value_of("Sewa berikutnya") == (
        f"{coming:%d-%m-%Y} · {format_rupiah(card.status.next_due_amount)}")  # fmt: skip
    assert card.pay_button.isVisibleTo(card) and card.end_button.isVisibleTo(card)
    assert not card.lease_button.isVisibleTo(card)  # taken
    assert "Warung Vegan Hijau" in plan.tooltip_of(3)


def test_the_arrows_move_between_stalls_and_enter_opens_the_card(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    page = plan_page(qtbot, ctx, printer)
    plan = page.plan_tab.plan
    plan.setFocus()
    qtbot.keyClick(plan, Qt.Key.Key_Home)
    assert plan.current_code() == "FC2-01"
    qtbot.keyClick(plan, Qt.Key.Key_Right)
    qtbot.keyClick(plan, Qt.Key.Key_Right)
    assert plan.current_code() == "FC2-03"
    qtbot.keyClick(plan, Qt.Key.Key_Down)  # the one below, slightly to the left
    assert plan.current_code() == "FC2-06"
    qtbot.keyClick(plan, Qt.Key.Key_Up)
    assert plan.current_code() in ("FC2-02", "FC2-03")
    plan.set_current("FC2-01")
    qtbot.keyClick(plan, Qt.Key.Key_Left)  # nothing there: stays
    assert plan.current_code() == "FC2-01"
    qtbot.keyClick(plan, Qt.Key.Key_Return)
    assert page.card is not None and page.card.value_of("Tenan") == "Soto Betawi Bang Ali"


def drag(qtbot: Any, widget: Any, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    steps = 6
    for step in range(1, steps + 1):
        qtbot.mouseMove(widget, start + (end - start) * step / steps)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def test_an_administrator_drags_a_stall_to_a_place_snapped_to_the_grid(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    page = plan_page(qtbot, ctx, printer)
    plan = page.plan_tab.plan
    start = plan.stall_rect("FC2-06").center()
    scale = plan.stall_rect("FC2-06").width() / 5  # 5 grid units wide
    # 4.3 units right, 2.2 units down: lands 4 right and 2 down, on the grid
    end = start + QPoint(round(4.3 * scale), round(2.2 * scale))
    drag(qtbot, plan, start, end)
    qtbot.waitUntil(lambda: next(
        s for s in ctx.core.foodcourt.stalls(2) if s.code == "FC2-06").plan_x == 10)  # fmt: skip
    moved = next(s for s in ctx.core.foodcourt.stalls(2) if s.code == "FC2-06")
    assert (moved.plan_x, moved.plan_y) == (10, 12)
    assert moved.rate_month == 3_000_000 and moved.deposit == 6_000_000  # the rest unchanged
    qtbot.waitUntil(lambda: any(
        s.stall.code == "FC2-06" and s.stall.plan_x == 10 for s in plan.stalls()))  # fmt: skip
    # Onto another stall: refused, nothing saved.
    drag(qtbot, plan, plan.stall_rect("FC2-06").center(), plan.stall_rect("FC2-02").center())
    again = next(s for s in ctx.core.foodcourt.stalls(2) if s.code == "FC2-06")
    assert (again.plan_x, again.plan_y) == (10, 12)


def test_only_an_administrator_moves_stalls(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    ctx.actor = court.manager
    page = plan_page(qtbot, ctx, printer)
    plan = page.plan_tab.plan
    start = plan.stall_rect("FC2-06").center()
    drag(qtbot, plan, start, start + QPoint(120, 40))
    stall = next(s for s in ctx.core.foodcourt.stalls(2) if s.code == "FC2-06")
    assert (stall.plan_x, stall.plan_y) == (6, 10)


def test_the_plan_prints_on_a4_landscape_in_the_preview(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    page = plan_page(qtbot, ctx, printer)
    qtbot.mouseClick(page.plan_tab.print_button, Qt.MouseButton.LeftButton)
    assert printer.jobs == [("preview:office", "Denah pujasera lantai 2")]


def test_the_plan_pdf_is_a4_landscape_with_each_stall_and_its_tenant(
    ctx: AppContext, court: FoodCourt
) -> None:
    from pypdf import PdfReader

    from smesco_desk.printing.foodcourt_plan import floor_plan_pdf
    from tests.ui.helpers_ui import pdf_text

    states = ctx.core.foodcourt.stall_states(court.today, 2)
    pdf = floor_plan_pdf({2: states}, court.today, "SMESCO Indonesia")
    page = PdfReader(__import__("io").BytesIO(pdf)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    text = pdf_text(pdf)
    for code in STATES:
        assert code in text
    assert "Soto Betawi Bang Ali" in text and "Lantai 2" in text and "Menunggak (1)" in text


def test_names_too_long_for_a_small_stall_end_with_an_ellipsis(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    page = plan_page(qtbot, ctx, printer)
    plan = page.plan_tab.plan
    page.resize(420, 360)  # small stalls
    qtbot.waitUntil(lambda: plan.stall_rect("FC2-01").width() < 90)
    cut = 0
    for status in plan.stalls():
        name = status.tenant or ""
        lines = plan.name_lines(status.stall.code)
        if not status.tenant or " ".join(lines) == name:
            continue
        cut += 1
        assert not lines or lines[-1].endswith("…"), (status.stall.code, lines)
        assert name in plan.tooltip_of(plan.stalls().index(status))  # the whole name
    assert cut  # (the test would prove nothing if every name fitted)


def test_the_card_opens_beside_the_stall_inside_the_screen(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    page = plan_page(qtbot, ctx, printer)
    plan = page.plan_tab.plan
    screen = page.screen().availableGeometry()
    for code in ("FC2-01", "FC2-03", "FC2-06"):
        qtbot.mouseClick(plan, Qt.MouseButton.LeftButton, pos=plan.stall_rect(code).center())
        card = page.card
        assert card is not None and card.status.stall.code == code
        stall = page.plan_tab.stall_on_screen(code)
        placed = card.frameGeometry()
        assert not placed.intersects(stall), (code, placed, stall)
        assert screen.contains(placed), (code, placed, screen)
        card.reject()
        qtbot.waitUntil(lambda: page.card is None)


def test_a_popup_goes_beside_its_anchor_and_stays_on_screen() -> None:
    screen = QRect(0, 0, 1024, 768)
    size = QSize(300, 200)
    assert beside(QRect(100, 100, 50, 50), size, screen) == QPoint(158, 100)  # right
    assert beside(QRect(900, 100, 50, 50), size, screen) == QPoint(592, 100)  # left
    at = beside(QRect(100, 700, 50, 50), size, screen)  # right, pushed up into the screen
    assert at == QPoint(158, 568)
    wide = QSize(600, 200)  # no room either side: below
    assert beside(QRect(400, 100, 300, 50), wide, screen) == QPoint(400, 158)


def test_the_card_stays_on_the_plan_and_starts_with_its_title(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    page = plan_page(qtbot, ctx, printer)
    plan = page.plan_tab.plan
    area = page.plan_tab.plan_on_screen().intersected(page.screen().availableGeometry())
    legend_top = page.plan_tab.mapToGlobal(plan.geometry().bottomLeft()).y()
    for code in ("FC2-02", "FC2-06", "FC2-04"):  # vacant; vacant, low on the plan; owing
        qtbot.mouseClick(plan, Qt.MouseButton.LeftButton, pos=plan.stall_rect(code).center())
        card = page.card
        assert card is not None and card.status.stall.code == code
        qtbot.waitUntil(card.isVisible)
        placed = card.frameGeometry()
        assert area.contains(placed), (code, placed, area)  # not over the legend
        assert placed.bottom() < legend_top
        assert not placed.intersects(page.plan_tab.stall_on_screen(code))
        layout = card.layout()
        assert layout is not None
        top = layout.contentsMargins().top()
        assert card.title_label.geometry().top() <= top + 1, code  # no blank above
        assert card.height() <= layout.totalHeightForWidth(card.width()) + 1, code
        card.reject()
        qtbot.waitUntil(lambda: page.card is None)
