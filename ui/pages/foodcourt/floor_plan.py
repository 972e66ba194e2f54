"""The floor plan of one floor: each stall drawn at its place on the plan's grid
(plan_x, plan_y, plan_w, plan_h in grid units, scaled to the widget), filled in
the colour of its state, with its code and its tenant's name elided to fit.

- Hover: the stall's tooltip (code, state, tenant, lease until, balance).
- Click, or Enter on the chosen stall: `stall_activated(StallStatus)` (the card).
- Arrows: to the nearest stall in that direction; Home/End: the first, the last.
- An administrator (`set_editable(True)`) drags a stall to another place,
  snapped to the grid; dropping it where it fits (on the plan, on no other
  stall) emits `move_requested(code, x, y)`; the page saves it.
- Filters (`set_filter`) fade the stalls that do not match; the arrows skip them.

Painting is cheap: the geometry and the elided texts are worked out once per
size and per list of stalls (`_relayout`), not in paintEvent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from smesco_desk.domain.foodcourt import MAX_PLAN, STATE_LABELS, StallState
from smesco_desk.domain.money import format_rupiah
from smesco_desk.i18n import _ as core_tr
from smesco_desk.printing.foodcourt_plan import STATE_EDGE, STATE_FILL, plan_extent
from smesco_desk.values.foodcourt import StallStatus

MARGIN = 12
DRAG_START = 6  # pixels the mouse moves before a press becomes a drag
FILLS = {state: QColor(colour) for state, colour in STATE_FILL.items()}
EDGES = {state: QColor(colour) for state, colour in STATE_EDGE.items()}
INK = QColor("#1B1F24")
FOCUS = QColor("#0B4F71")


def state_label(state: str) -> str:
    return core_tr(STATE_LABELS[StallState(state)])


def wrap_elided(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """The text broken into at most `max_lines` lines at spaces, each no wider
    than `width`; where the text does not fit, the last line drawn ends with an
    ellipsis (never a line in the middle: a word wider than `width` ends it)."""

    def fits(line: str) -> bool:  # as elidedText measures, so a line kept is never cut
        return metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) == line

    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and fits(f"{line} {words[0]}"):
            line = f"{line} {words.pop(0)}"
        if len(lines) == max_lines - 1 or not fits(line):
            rest = " ".join([line, *words])
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        lines.append(line)
    return lines


@dataclass
class _Placed:
    """A stall as drawn now: its rectangle and its texts, elided to fit."""

    status: StallStatus
    rect: QRectF
    code: str
    name: list[str]  # the lines that fit, the last one elided if the name goes on
    shown: bool  # matches the filters


class FloorPlan(QWidget):
    """The stalls of one floor; see the module."""

    stall_activated = Signal(object)  # StallStatus
    current_changed = Signal(object)  # StallStatus | None
    move_requested = Signal(str, int, int)  # code, plan_x, plan_y

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("floor_plan")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(360, 240)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._stalls: list[StallStatus] = []
        self._placed: list[_Placed] = []
        self._matches: Callable[[StallStatus], bool] = lambda _s: True
        self._current = -1
        self._editable = False
        self._scale = 1.0
        self._origin = QPointF(0, 0)
        self._press: QPoint | None = None
        self._drag: tuple[int, QPointF] | None = None  # stall index, grab offset (grid units)
        self._drop: tuple[int, int] | None = None  # where the dragged stall would land
        self._code_font = QFont(self.font())
        self._code_font.setBold(True)
        self._name_font = QFont(self.font())

    # --- what it shows ----------------------------------------------------------------

    def set_states(self, stalls: Sequence[StallStatus]) -> None:
        """The stalls of the floor shown (the chosen stall kept, by its code)."""
        kept = self.current_code()
        self._stalls = list(stalls)
        self._cancel_drag()
        self._relayout()
        codes = [p.status.stall.code for p in self._placed]
        self._current = codes.index(kept) if kept in codes else -1
        self.update()

    def set_filter(self, matches: Callable[[StallStatus], bool]) -> None:
        self._matches = matches
        for placed in self._placed:
            placed.shown = matches(placed.status)
        self.update()

    def set_editable(self, editable: bool) -> None:
        """Whether stalls may be dragged to another place (administrators)."""
        self._editable = editable

    def stalls(self) -> list[StallStatus]:
        return list(self._stalls)

    def current(self) -> StallStatus | None:
        return self._placed[self._current].status if self._current >= 0 else None

    def current_code(self) -> str | None:
        status = self.current()
        return None if status is None else status.stall.code

    def set_current(self, code: str) -> None:
        index = next((i for i, p in enumerate(self._placed) if p.status.stall.code == code), -1)
        self._choose(index)

    def name_lines(self, code: str) -> list[str]:
        """The lines of a stall's name as drawn now."""
        return next((p.name for p in self._placed if p.status.stall.code == code), [])

    def stall_rect(self, code: str) -> QRect:
        """Where a stall is drawn now (empty if it is not on this floor)."""
        for placed in self._placed:
            if placed.status.stall.code == code:
                return placed.rect.toAlignedRect()
        return QRect()

    def fill_of(self, code: str) -> QColor:
        """The colour a stall is filled with (for its state)."""
        for placed in self._placed:
            if placed.status.stall.code == code:
                return FILLS[placed.status.state]
        return QColor()

    def to_grid(self, point: QPointF) -> QPointF:
        """A point of the widget in grid units of the plan."""
        return (point - self._origin) / self._scale

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(720, 420)

    # --- geometry -----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        ext_w, ext_h = plan_extent(self._stalls)
        room_w, room_h = self.width() - 2 * MARGIN, self.height() - 2 * MARGIN
        self._scale = max(min(room_w / ext_w, room_h / ext_h), 0.1)
        self._origin = QPointF(
            MARGIN + (room_w - ext_w * self._scale) / 2,
            MARGIN + (room_h - ext_h * self._scale) / 2,
        )
        size = max(7.0, min(11.0, self._scale * 1.6))
        self._code_font.setPointSizeF(size)
        self._name_font.setPointSizeF(max(7.0, size - 1))
        code_metrics, name_metrics = QFontMetrics(self._code_font), QFontMetrics(self._name_font)
        self._placed = []
        for status in self._stalls:
            rect = self._rect_at(status, status.stall.plan_x, status.stall.plan_y)
            room = int(rect.width()) - 8
            name = status.tenant or state_label(status.state)
            # as many whole lines as paintEvent draws below the code; the last
            # one drawn ends with "…" if the name goes on (the tooltip has it all)
            below_code = rect.height() - 6 - code_metrics.height() + 1
            lines = max(0, int(below_code) // name_metrics.height())
            self._placed.append(
                _Placed(
                    status,
                    rect,
                    code_metrics.elidedText(status.stall.code, Qt.TextElideMode.ElideRight, room),
                    wrap_elided(name, name_metrics, room, lines),
                    self._matches(status),
                )
            )

    def _rect_at(self, status: StallStatus, x: int, y: int) -> QRectF:
        s, o = self._scale, self._origin
        return QRectF(
            o.x() + x * s + 1, o.y() + y * s + 1,
            status.stall.plan_w * s - 2, status.stall.plan_h * s - 2,
        )  # fmt: skip

    def index_at(self, point: QPointF) -> int:
        for index, placed in enumerate(self._placed):
            if placed.rect.contains(point):
                return index
        return -1

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        line_h = QFontMetrics(self._code_font).height()
        for index, placed in enumerate(self._placed):
            if self._drag is not None and self._drag[0] == index and self._drop is not None:
                continue  # drawn where it would land, below
            self._paint_stall(painter, placed, placed.rect, line_h, index == self._current)
        if self._drag is not None and self._drop is not None:
            placed = self._placed[self._drag[0]]
            rect = self._rect_at(placed.status, *self._drop)
            self._paint_stall(painter, placed, rect, line_h, True)
        painter.end()

    def _paint_stall(
        self, painter: QPainter, placed: _Placed, rect: QRectF, line_h: int, chosen: bool
    ) -> None:
        state = placed.status.state
        fill, edge = QColor(FILLS[state]), QColor(EDGES[state])
        if not placed.shown:
            fill.setAlpha(60)
            edge.setAlpha(90)
        painter.setBrush(fill)
        pen = QPen(edge, 1.5)
        if state == StallState.VACANT:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(rect)
        if state == StallState.OUT_OF_SERVICE:
            painter.setBrush(QBrush(edge, Qt.BrushStyle.BDiagPattern))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRect(rect)
        if chosen:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(FOCUS, 3 if self.hasFocus() else 2))
            painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5))
        ink = QColor(INK)
        if not placed.shown:
            ink.setAlpha(110)
        painter.setPen(ink)
        text = rect.adjusted(4, 3, -4, -3)
        painter.setFont(self._code_font)
        painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, placed.code)
        painter.setFont(self._name_font)
        name_h = QFontMetrics(self._name_font).height()
        top = text.top() + line_h
        for line in placed.name:
            if top + name_h > text.bottom() + 1:
                break
            painter.drawText(
                QRectF(text.left(), top, text.width(), name_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                line,
            )
            top += name_h

    # --- hover --------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.index_at(QPointF(event.pos()))
            if index >= 0:
                QToolTip.showText(event.globalPos(), self.tooltip_of(index), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_of(self, index: int) -> str:
        s = self._placed[index].status
        lines = [f"<b>{s.stall.code}</b> · {state_label(s.state)}"]
        if s.tenant:
            lines.append(s.tenant)
        if s.lease_until is not None:
            lines.append(self.tr("Sewa sampai {day}").format(day=f"{s.lease_until:%d-%m-%Y}"))
        if s.balance:
            amount = format_rupiah(s.balance)
            lines.append(self.tr("Tagihan terbuka {amount}").format(amount=amount))
        return "<br>".join(lines)

    # --- mouse --------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        index = self.index_at(event.position())
        self._choose(index)
        self._press = event.position().toPoint() if index >= 0 else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._press is None or not self._editable:
            return
        if self._drag is None:
            if (event.position().toPoint() - self._press).manhattanLength() < DRAG_START:
                return
            stall = self._placed[self._current].status.stall
            grab = self.to_grid(QPointF(self._press)) - QPointF(stall.plan_x, stall.plan_y)
            self._drag = (self._current, grab)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self._drop = self._snapped(event.position())
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        drag, drop = self._drag, self._drop
        self._cancel_drag()
        if drag is None:
            if self.index_at(event.position()) == self._current >= 0:
                self.stall_activated.emit(self._placed[self._current].status)
            return
        stall = self._placed[drag[0]].status.stall
        if drop is not None and drop != (stall.plan_x, stall.plan_y):
            self.move_requested.emit(stall.code, *drop)
        self.update()

    def _snapped(self, point: QPointF) -> tuple[int, int] | None:
        """The grid place the dragged stall would take under the mouse; None
        where it does not fit (off the plan, or on another stall)."""
        assert self._drag is not None
        index, grab = self._drag
        stall = self._placed[index].status.stall
        at = self.to_grid(point) - grab
        x = min(max(round(at.x()), 0), MAX_PLAN - stall.plan_w)
        y = min(max(round(at.y()), 0), MAX_PLAN - stall.plan_h)
        wanted = QRect(x, y, stall.plan_w, stall.plan_h)
        for other_index, other in enumerate(self._placed):
            o = other.status.stall
            if other_index != index and wanted.intersects(
                QRect(o.plan_x, o.plan_y, o.plan_w, o.plan_h)
            ):
                return None
        return x, y

    def _cancel_drag(self) -> None:
        self._press, self._drag, self._drop = None, None, None
        self.unsetCursor()

    # --- keyboard -----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        shown = [i for i, p in enumerate(self._placed) if p.shown]
        if key in steps:
            self._choose(self._neighbour(*steps[Qt.Key(key)]))
        elif key == Qt.Key.Key_Home and shown:
            self._choose(shown[0])
        elif key == Qt.Key.Key_End and shown:
            self._choose(shown[-1])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self._current >= 0:
                self.stall_activated.emit(self._placed[self._current].status)
        elif key == Qt.Key.Key_Escape and self._drag is not None:
            self._cancel_drag()
            self.update()
        else:
            super().keyPressEvent(event)

    def _neighbour(self, dx: int, dy: int) -> int:
        """The nearest shown stall from the chosen one in direction (dx, dy): the
        one whose centre lies that way, closest along it, then across it."""
        shown = [i for i, p in enumerate(self._placed) if p.shown]
        if self._current < 0 or self._current not in shown:
            return shown[0] if shown else -1
        here = self._placed[self._current].rect.center()
        best, best_key = self._current, (float("inf"), float("inf"))
        for index in shown:
            there = self._placed[index].rect.center()
            along = (there.x() - here.x()) * dx + (there.y() - here.y()) * dy
            across = abs((there.x() - here.x()) * dy) + abs((there.y() - here.y()) * dx)
            if along <= 1:
                continue
            key = (across * 2 + along, along)
            if key < best_key:
                best, best_key = index, key
        return best

    def _choose(self, index: int) -> None:
        if index != self._current:
            self._current = index
            self.update()
            self.current_changed.emit(self.current())
