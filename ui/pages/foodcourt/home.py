"""The "Beranda" tab: the tenant manager's day at a glance, one section per
thing to act on, each with its count, its first few rows and one click to
the list behind it:

- leases ending within 30 days (to "Sewa", shown "Berakhir dalam 30 hari");
- vacant stalls (to "Denah", only the vacant ones shown).

A section is `_add_section(title, rows, open_callback)`; what the sections
show is gathered in one operation off the UI thread (`_gather`, a dict of
lists), then laid out in `_show`. Another section (today's due rent, the
arrears) is one more entry in `_gather` and one more `_add_section` in `_show`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import wib_today
from smesco_desk.domain.foodcourt import StallState, size_m2_text
from ui.context import AppContext
from ui.errors import error_text
from ui.pages.foodcourt.common import LiveTab, day_text
from ui.pages.foodcourt.leases_tab import ending_soon
from ui.widgets import StatusBanner, note_label

if TYPE_CHECKING:
    from ui.pages.foodcourt.page import FoodCourtPage

ROWS_SHOWN = 5
COLUMNS = 2


class HomeSection(QFrame):
    """A card: the title and count, a few rows, "Lihat semua…"."""

    def __init__(
        self, title: str, rows: Sequence[str], open_callback: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("home_section")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = title
        self.rows = list(rows)
        self.title_label = QLabel(f"<b>{title}</b>", self)
        self.title_label.setWordWrap(True)
        self.count_label = QLabel(str(len(rows)), self)
        self.count_label.setObjectName("home_count_label")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.count_label)
        for text in rows[:ROWS_SHOWN]:
            label = QLabel(text, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        if len(rows) > ROWS_SHOWN:
            more = len(rows) - ROWS_SHOWN
            layout.addWidget(note_label(self.tr("dan %n lainnya", "", more), self))
        if not rows:
            layout.addWidget(note_label(self.tr("Tidak ada."), self))
        layout.addStretch(1)
        self.open_button = QPushButton(self.tr("Lihat semua…"), self)
        self.open_button.setObjectName("home_open_button")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(open_callback)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)


class HomeTab(LiveTab):
    def __init__(self, ctx: AppContext, page: FoodCourtPage) -> None:
        super().__init__(ctx, page)
        self.setObjectName("home_tab")
        self.page = page
        self.sections: list[HomeSection] = []
        self.banner = StatusBanner(self)
        self.grid_box = QWidget(self)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(12)
        box_layout = QVBoxLayout(self.grid_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addLayout(self.grid)
        box_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("home_scroll")
        self.grid_box.setObjectName("home_sections")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)

    def load(self) -> None:
        core = self.ctx.core
        self.ctx.runner.op(lambda: self._gather(core), self).success(self._show).failure(
            lambda exc: self.banner.show_message("error", error_text(exc))
        ).run()

    @staticmethod
    def _gather(core: Any) -> dict[str, Any]:
        """What the sections show (on the worker: services only)."""
        today = wib_today(core.now())
        return {
            "today": today,
            "leases": core.foodcourt.leases(),
            "stalls": core.foodcourt.stall_states(today),
        }

    def _show(self, data: dict[str, Any]) -> None:
        self._clear()
        today = data["today"]
        ending = sorted((r for r in data["leases"] if ending_soon(r, today)),
                        key=lambda r: r.ends_on)  # fmt: skip
        self._add_section(
            self.tr("Sewa berakhir dalam 30 hari"),
            [self.tr("{day} · {stall} · {tenant}").format(
                day=day_text(r.ends_on), stall=r.stall_code, tenant=r.tenant) for r in ending],
            self.page.show_leases_ending,
        )  # fmt: skip
        vacant = [s for s in data["stalls"] if s.state == StallState.VACANT]
        self._add_section(
            self.tr("Stan kosong"),
            [self.tr("{code} · lantai {floor} · {size} m²").format(
                code=s.stall.code, floor=s.stall.floor, size=size_m2_text(s.stall.size_cm2))
             for s in vacant],
            self.page.show_vacant_stalls,
        )  # fmt: skip

    def _clear(self) -> None:
        for section in self.sections:
            self.grid.removeWidget(section)
            section.deleteLater()
        self.sections = []

    def _add_section(
        self, title: str, rows: Sequence[str], open_callback: Callable[[], None]
    ) -> HomeSection:
        """One more card (title, its count and first rows, "Lihat semua…" calling
        `open_callback`), placed after the others, two to a row."""
        section = HomeSection(title, rows, open_callback, self.grid_box)
        index = len(self.sections)
        self.grid.addWidget(section, index // COLUMNS, index % COLUMNS)
        self.sections.append(section)
        return section

    def section(self, title: str) -> HomeSection | None:
        return next((s for s in self.sections if s.title == title), None)
