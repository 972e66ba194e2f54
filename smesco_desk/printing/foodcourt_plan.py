"""The floor plan of the food court for the notice board: one A4 landscape page
per floor, the stalls drawn at their places on the plan's grid, filled in the
colour of their state (the same colours as the window's plan), each with its
code and its tenant's name shrunk to fit, and a legend.

Takes values (StallStatus), returns PDF bytes; no database, no services.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4, landscape

from smesco_desk.domain.foodcourt import STATE_LABELS, StallState
from smesco_desk.i18n import _
from smesco_desk.printing.fonts import base_font, draw_text, draw_text_fitted
from smesco_desk.printing.style import INK, MUTED, RULE, footer_rule, new_canvas, rgb
from smesco_desk.values.foodcourt import StallStatus

# The fill of each state, shared with the window's plan (ui/pages/foodcourt):
# light tints of the Okabe-Ito colours (told apart with the common colour
# blindnesses), each state also named in the legend and hatched or marked.
STATE_FILL: Mapping[str, str] = {
    StallState.VACANT: "#FFFFFF",
    StallState.BOOKED: "#F6E27F",
    StallState.OCCUPIED: "#9FCDEB",
    StallState.ARREARS: "#F0A071",
    StallState.OUT_OF_SERVICE: "#BDBDBD",
}
STATE_EDGE: Mapping[str, str] = {
    StallState.VACANT: "#009E73",
    StallState.BOOKED: "#A08400",
    StallState.OCCUPIED: "#0072B2",
    StallState.ARREARS: "#D55E00",
    StallState.OUT_OF_SERVICE: "#616161",
}
LEGEND_ORDER = (
    StallState.VACANT,
    StallState.BOOKED,
    StallState.OCCUPIED,
    StallState.ARREARS,
    StallState.OUT_OF_SERVICE,
)
MIN_EXTENT = 10  # grid units: a floor with few stalls is not blown up


def plan_extent(stalls: Sequence[StallStatus]) -> tuple[int, int]:
    """The width and depth (grid units) the stalls of a floor take."""
    width = max((s.stall.plan_x + s.stall.plan_w for s in stalls), default=0)
    depth = max((s.stall.plan_y + s.stall.plan_h for s in stalls), default=0)
    return max(width, MIN_EXTENT), max(depth, MIN_EXTENT)


def floor_plan_pdf(floors: Mapping[int, Sequence[StallStatus]], day: date, building: str) -> bytes:
    """One page per floor (in floor order) of the stalls' states on `day`."""
    title = _("Denah Pujasera")
    canvas, buffer = new_canvas(landscape(A4), title, initial_font=base_font())
    for floor in sorted(floors) or [1]:
        _page(canvas, floor, floors.get(floor, ()), day, building)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _page(canvas: Any, floor: int, stalls: Sequence[StallStatus], day: date, building: str) -> None:
    page_w, page_h = landscape(A4)
    margin = 36.0
    c = canvas
    c.setFillColor(rgb(INK))
    draw_text(
        c,
        _("Denah Pujasera · Lantai {floor}").format(floor=floor),
        margin,
        page_h - margin - 14,
        18,
        bold=True,
    )
    draw_text(
        c,
        _("{building} · keadaan {day}").format(building=building, day=f"{day:%d-%m-%Y}"),
        page_w - margin,
        page_h - margin - 14,
        10,
        align="right",
    )
    legend_y = margin + 6
    _legend(c, margin, legend_y, stalls)
    footer_rule(c, margin, page_w - margin, legend_y + 18, RULE)
    top, bottom = page_h - margin - 34, legend_y + 30
    _stalls(c, stalls, margin, bottom, page_w - 2 * margin, top - bottom)


def _legend(c: Any, x: float, y: float, stalls: Sequence[StallStatus]) -> None:
    counts = {state: 0 for state in LEGEND_ORDER}
    for s in stalls:
        counts[StallState(s.state)] += 1
    for state in LEGEND_ORDER:
        _box(c, x, y - 2, 14, 10, state)
        text = f"{_(STATE_LABELS[state])} ({counts[state]})"
        c.setFillColor(rgb(INK))
        x += 20 + draw_text(c, text, x + 20, y, 9) + 18


def _box(c: Any, x: float, y: float, w: float, h: float, state: str) -> None:
    c.setFillColor(rgb(STATE_FILL[state]))
    c.setStrokeColor(rgb(STATE_EDGE[state]))
    c.setLineWidth(1.2)
    if state == StallState.VACANT:
        c.setDash(3, 2)
    c.rect(x, y, w, h, stroke=1, fill=1)
    c.setDash()
    if state == StallState.OUT_OF_SERVICE:  # hatched: told apart without colour
        c.saveState()
        path = c.beginPath()
        path.rect(x, y, w, h)
        c.clipPath(path, stroke=0, fill=0)
        c.setLineWidth(0.4)
        c.setStrokeColor(rgb("#8E8E8E"))
        step = 6.0
        offset = -h
        while offset < w:
            c.line(x + offset, y, x + offset + h, y + h)
            offset += step
        c.restoreState()


def _stalls(
    c: Any, stalls: Sequence[StallStatus], left: float, bottom: float, width: float, height: float
) -> None:
    if not stalls:
        c.setFillColor(rgb(MUTED))
        draw_text(c, _("Belum ada stan di lantai ini."), left, bottom + height / 2, 12)
        return
    ext_w, ext_h = plan_extent(stalls)
    scale = min(width / ext_w, height / ext_h)
    ox = left + (width - ext_w * scale) / 2
    oy = bottom + height - (height - ext_h * scale) / 2  # the plan's top edge (y grows down)
    for s in stalls:
        st = s.stall
        x = ox + st.plan_x * scale
        w, h = st.plan_w * scale, st.plan_h * scale
        y = oy - (st.plan_y + st.plan_h) * scale
        _box(c, x + 1, y + 1, w - 2, h - 2, s.state)
        c.setFillColor(rgb(INK))
        code_size = max(6.0, min(12.0, h / 4))
        draw_text(c, st.code, x + 5, y + h - 5 - code_size, code_size, bold=True)
        name = s.tenant or _(STATE_LABELS[StallState(s.state)])
        draw_text_fitted(
            c,
            name,
            x + 5,
            y + h - 10 - 2 * code_size,
            w - 10,
            max(6.0, code_size - 2),
            max(5.0, code_size - 4),
            max_lines=3,
        )
