"""The "Denah" tab: the floor chosen (1, 2, 3), filters by state and by
facility, the floor plan (floor_plan.FloorPlan), its legend with the count of
each state, and "Cetak denah" (the A4 landscape plan in the preview).

It loads every floor's stalls at once (`core.foodcourt.stall_states`) and shows
one; a stall clicked or opened with Enter is passed on as `stall_activated`
(the page opens its card). An administrator drags stalls: the new place is
saved through `core.foodcourt.save_stall` and the plan reloads.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import wib_today
from smesco_desk.domain.foodcourt import FLOORS, StallState
from smesco_desk.printing.foodcourt_plan import (
    LEGEND_ORDER,
    STATE_EDGE,
    STATE_FILL,
    floor_plan_pdf,
)
from smesco_desk.services.actors import Permission
from smesco_desk.values.foodcourt import StallStatus
from ui.context import AppContext
from ui.documents import DocumentPrinterLike, PageDocuments
from ui.errors import error_text, show_error
from ui.flow_layout import FlowLayout
from ui.pages.foodcourt.common import LiveTab, stall_form_of
from ui.pages.foodcourt.floor_plan import FloorPlan, state_label
from ui.widgets import StatusBanner, note_label

FACILITIES = ("water", "gas", "power")


class Swatch(QWidget):
    """A small square in a state's colours (the legend)."""

    def __init__(self, state: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setFixedSize(18, 14)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setBrush(QColor(STATE_FILL[self.state]))
        pen_colour = QColor(STATE_EDGE[self.state])
        painter.setPen(pen_colour)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.state == StallState.OUT_OF_SERVICE:
            painter.setBrush(Qt.BrushStyle.BDiagPattern)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class PlanTab(LiveTab):
    """Emits `stall_activated(StallStatus)` for the card."""

    stall_activated = Signal(object)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None,
        printer: DocumentPrinterLike | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, parent)
        self.setObjectName("plan_tab")
        self.by_floor: dict[int, list[StallStatus]] = {floor: [] for floor in FLOORS}
        self.floor = 1
        self.documents = PageDocuments(ctx, self, printer)
        self.plan = FloorPlan(self)
        self.plan.set_editable(ctx.can(Permission.MANAGE_STALLS))
        self.plan.stall_activated.connect(self.stall_activated)
        self.plan.move_requested.connect(self.move_stall)
        self.banner = StatusBanner(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._build_bar())
        layout.addWidget(self.banner)
        layout.addWidget(self.plan, 1)
        layout.addLayout(self._build_legend())
        self.setFocusProxy(self.plan)

    def stall_on_screen(self, code: str) -> QRect:
        """Where a stall is drawn, in screen coordinates (empty if not shown)."""
        rect = self.plan.stall_rect(code)
        return rect if rect.isEmpty() else QRect(self.plan.mapToGlobal(rect.topLeft()), rect.size())

    def plan_on_screen(self) -> QRect:
        """The plan's visible part, in screen coordinates (where a card may go)."""
        shown = self.plan.visibleRegion().boundingRect()
        return QRect(self.plan.mapToGlobal(shown.topLeft()), shown.size())

    # --- building -----------------------------------------------------------------------

    def _build_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(QLabel(self.tr("Lantai"), self))
        self.floor_group = QButtonGroup(self)
        self.floor_group.setExclusive(True)
        self.floor_buttons: dict[int, QPushButton] = {}
        for floor in FLOORS:
            button = QPushButton(str(floor), self)
            button.setObjectName(f"floor_{floor}_button")
            button.setCheckable(True)
            button.setProperty("section", True)
            button.setAutoDefault(False)
            button.setProperty("floor", True)
            button.setToolTip(self.tr("Lantai {floor}").format(floor=floor))
            self.floor_group.addButton(button, floor)
            self.floor_buttons[floor] = button
            row.addWidget(button)
        self.floor_buttons[1].setChecked(True)
        self.floor_group.idClicked.connect(self.show_floor)
        row.addSpacing(12)
        self.state_combo = QComboBox(self)
        self.state_combo.setObjectName("state_filter_combo")
        self.state_combo.addItem(self.tr("Semua keadaan"), "")
        for state in LEGEND_ORDER:
            self.state_combo.addItem(state_label(state), state.value)
        self.state_combo.currentIndexChanged.connect(self._apply_filter)
        self.facility_combo = QComboBox(self)
        self.facility_combo.setObjectName("facility_filter_combo")
        self.facility_combo.addItem(self.tr("Semua fasilitas"), "")
        for name, text in zip(
            FACILITIES, (self.tr("Ada air"), self.tr("Ada gas"), self.tr("Ada listrik")),
            strict=True,
        ):
            self.facility_combo.addItem(text, name)
        self.facility_combo.currentIndexChanged.connect(self._apply_filter)
        for combo in (self.state_combo, self.facility_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            row.addWidget(combo)
        row.addStretch(1)
        self.print_button = QPushButton(self.tr("&Cetak denah…"), self)
        self.print_button.setObjectName("print_plan_button")
        self.print_button.setToolTip(self.tr("Denah lantai ini di A4 mendatar, untuk papan info"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_plan)
        row.addWidget(self.print_button)
        return row

    def _build_legend(self) -> QVBoxLayout:
        self.legend_labels: dict[str, QLabel] = {}
        legend = QWidget(self)
        legend.setObjectName("plan_legend")
        flow = FlowLayout(legend, spacing=6)
        for state in LEGEND_ORDER:
            item = QWidget(legend)
            item_row = QHBoxLayout(item)
            item_row.setContentsMargins(0, 0, 12, 0)
            item_row.setSpacing(6)
            item_row.addWidget(Swatch(state, item))
            label = QLabel(state_label(state), item)
            item_row.addWidget(label)
            self.legend_labels[state.value] = label
            flow.addWidget(item)
        row = QVBoxLayout()
        row.setSpacing(2)
        row.addWidget(legend)
        hint = (
            self.tr("Klik stan atau tekan Enter untuk kartunya; seret untuk memindahkannya.")
            if self.ctx.can(Permission.MANAGE_STALLS)
            else self.tr("Klik stan atau tekan Enter untuk kartunya.")
        )
        self.hint_label = note_label(hint, self)
        row.addWidget(self.hint_label)
        return row

    # --- loading ------------------------------------------------------------------------

    def load(self) -> None:
        foodcourt = self.ctx.core.foodcourt
        self.ctx.runner.op(foodcourt.stall_states, self).success(self._loaded).failure(
            lambda exc: self.banner.show_message("error", error_text(exc))
        ).run()

    def _loaded(self, states: list[StallStatus]) -> None:
        self.by_floor = {floor: [] for floor in FLOORS}
        for status in states:
            self.by_floor.setdefault(status.stall.floor, []).append(status)
        self.show_floor(self.floor)

    @Slot(int)
    def show_floor(self, floor: int) -> None:
        self.floor = floor
        self.floor_buttons[floor].setChecked(True)
        stalls = self.by_floor.get(floor, [])
        self.plan.set_states(stalls)
        self._apply_filter()
        counts = {state.value: 0 for state in LEGEND_ORDER}
        for status in stalls:
            counts[status.state] = counts.get(status.state, 0) + 1
        for state, label in self.legend_labels.items():
            label.setText(self.tr("{state} ({count})").format(
                state=state_label(state), count=counts.get(state, 0)))

    def filter(self) -> Callable[[StallStatus], bool]:
        """Whether a stall matches the filters chosen."""
        state, facility = self.state_combo.currentData(), self.facility_combo.currentData()

        def matches(status: StallStatus) -> bool:
            if state and status.state != state:
                return False
            return not facility or bool(getattr(status.stall, facility))

        return matches

    @Slot()
    def _apply_filter(self) -> None:
        self.plan.set_filter(self.filter())

    def show_stall(self, code: str) -> None:
        """The stall's floor, with the stall chosen (from the table or the home page)."""
        for floor, stalls in self.by_floor.items():
            if any(s.stall.code == code for s in stalls):
                self.show_floor(floor)
                self.plan.set_current(code)
                return

    def set_state_filter(self, state: str) -> None:
        self.state_combo.setCurrentIndex(max(self.state_combo.findData(state), 0))

    # --- moving a stall -----------------------------------------------------------------

    @Slot(str, int, int)
    def move_stall(self, code: str, x: int, y: int) -> None:
        status = next((s for s in self.plan.stalls() if s.stall.code == code), None)
        if status is None:
            return
        foodcourt, actor = self.ctx.core.foodcourt, self.ctx.require_actor()
        form = stall_form_of(status.stall, plan_x=x, plan_y=y)
        self.ctx.runner.op(lambda: foodcourt.save_stall(actor, form), self).with_progress(
            self.tr("Memindahkan stan…")
        ).success(lambda _info: self.banner.clear()).failure(
            lambda exc: self.banner.show_message("error", error_text(exc))
        ).run()

    # --- printing -----------------------------------------------------------------------

    @Slot()
    def print_plan(self) -> None:
        """The floor shown, on A4 landscape, in the preview (print or save from there)."""
        core, floor = self.ctx.core, self.floor

        def render() -> bytes:
            day = wib_today(core.now())
            building = str(core.settings.get("building_name"))
            return floor_plan_pdf({floor: core.foodcourt.stall_states(day, floor)}, day, building)

        title = self.tr("Denah pujasera lantai {floor}").format(floor=floor)
        self.ctx.runner.op(render, self).with_progress(self.tr("Menyiapkan denah…")).success(
            lambda pdf: self._preview(pdf, title)
        ).failure(lambda exc: show_error(self, exc)).run()

    def _preview(self, pdf: bytes, title: str) -> None:
        try:
            self.documents.printer().preview(pdf, "office", title, self)
        except Exception as exc:  # noqa: BLE001 - a printer problem is shown, never raised
            show_error(self, exc, self.tr("Tidak dapat mencetak"))
