"""The "Beranda" tab: the tenant manager's day at a glance, one section per
thing to act on, each with its count, its first few rows and one click to
the list behind it:

- the charges falling due today, and in the seven days from today (to
  "Jatuh tempo", for that day or week): count, total, the first rows;
- the arrears (to "Tunggakan"): the tenants owing, the total and each age;
- leases ending within 30 days (to "Sewa", shown "Berakhir dalam 30 hari");
- vacant stalls (to "Denah", only the vacant ones shown).

A section is `_add_section(title, rows, open_callback, count=, summary=)`; what the sections
show is gathered in one operation off the UI thread (`_gather`, a dict of
lists), then laid out in `_show`. Another section (today's due rent, the
arrears) is one more entry in `_gather` and one more `_add_section` in `_show`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import wib_today
from smesco_desk.domain.foodcourt import BillKind, StallState, size_m2_text
from smesco_desk.domain.money import format_rupiah
from smesco_desk.values.foodcourt import TenantArrears, TenantChargeItem
from ui.context import AppContext
from ui.errors import error_text
from ui.pages.foodcourt.common import LiveTab, bill_kind_text, day_text
from ui.pages.foodcourt.leases_tab import ending_soon
from ui.widgets import StatusBanner, note_label

if TYPE_CHECKING:
    from ui.pages.foodcourt.page import FoodCourtPage

ROWS_SHOWN = 5
COLUMNS = 2
WEEK = 7
UNPAID = frozenset({"open", "scheduled"})


class HomeSection(QFrame):
    """A card: the title and count, a few rows, "Lihat semua…"."""

    def __init__(
        self, title: str, rows: Sequence[str], open_callback: Callable[[], None],
        parent: QWidget | None = None, *, count: int | None = None, summary: str = "",
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("home_section")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = title
        self.rows = list(rows)
        self.title_label = QLabel(f"<b>{title}</b>", self)
        self.title_label.setWordWrap(True)
        self.count_label = QLabel(str(len(rows) if count is None else count), self)
        self.count_label.setObjectName("home_count_label")
        self.summary_label = QLabel(summary, self)
        self.summary_label.setObjectName("home_summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setVisible(bool(summary))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.title_label)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_label)
        count_row.addWidget(self.summary_label, 1)
        layout.addLayout(count_row)
        for text in rows[:ROWS_SHOWN]:
            label = QLabel(text, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            layout.addWidget(label)
        if len(rows) > ROWS_SHOWN:
            more = len(rows) - ROWS_SHOWN
            layout.addWidget(note_label(self.tr("dan %n lainnya", "", more), self))
        if not rows and not count:
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
            "due": core.foodcourt.rent_due(today, WEEK),
            "arrears": core.foodcourt.arrears(today),
            "leases": core.foodcourt.leases(),
            "stalls": core.foodcourt.stall_states(today),
        }

    def _show(self, data: dict[str, Any]) -> None:
        self._clear()
        today = data["today"]
        self._add_due_sections(today, data["due"])
        self._add_arrears_section(data["arrears"])
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

    def _add_due_sections(self, today: date, items: list[TenantChargeItem]) -> None:
        """Today's charges, then the week's (falling due on those days; the
        ones made today but due before are in the arrears): the count, the
        total and what is still unpaid of it, one row per charge (paid ones
        marked)."""
        last = today + timedelta(days=WEEK - 1)
        live = [c for c in items if c.status != "cancelled" and today <= c.due_on <= last]
        for title, shown, days in (
            (self.tr("Jatuh tempo hari ini"), [c for c in live if c.due_on == today], 1),
            (self.tr("Jatuh tempo 7 hari ke depan"), live, WEEK),
        ):
            unpaid = sum(c.amount for c in shown if c.status in UNPAID)
            summary = self.tr("total {total} · belum dibayar {unpaid}").format(
                total=format_rupiah(sum(c.amount for c in shown)), unpaid=format_rupiah(unpaid))
            self._add_section(
                title, [self._due_row(c, today) for c in shown],
                partial(self.page.show_rent_due, days),
                summary=summary if shown else "",
            )  # fmt: skip

    def _due_row(self, item: TenantChargeItem, today: date) -> str:
        text = self.tr("{stall} · {tenant} · {amount}").format(
            stall=item.stall, tenant=item.tenant, amount=format_rupiah(item.amount))
        if item.kind != BillKind.RENT.value:
            text += f" ({bill_kind_text(item.kind)})"
        if item.due_on != today:
            text = f"{day_text(item.due_on)} · {text}"
        if item.status == "paid":
            text += " " + self.tr("(lunas)")
        return text

    def _add_arrears_section(self, rows: list[TenantArrears]) -> None:
        """The tenants owing past due: their number, the total, each age."""
        sums = [sum(getattr(r, f) for r in rows) for f in ("d0_30", "d31_60", "d61_90", "over_90")]
        ages = (self.tr("0–30 hari"), self.tr("31–60 hari"), self.tr("61–90 hari"),
                self.tr("> 90 hari"))  # fmt: skip
        self._add_section(
            self.tr("Tunggakan"),
            [f"{age}: {format_rupiah(amount)}" for age, amount in zip(ages, sums, strict=True)]
            if rows else [],
            self.page.show_arrears,
            count=len(rows),
            summary=self.tr("%n tenan · total {total}", "", len(rows)).format(
                total=format_rupiah(sum(sums))) if rows else "",
        )  # fmt: skip

    def _clear(self) -> None:
        for section in self.sections:
            self.grid.removeWidget(section)
            section.deleteLater()
        self.sections = []

    def _add_section(
        self, title: str, rows: Sequence[str], open_callback: Callable[[], None], *,
        count: int | None = None, summary: str = "",
    ) -> HomeSection:
        """One more card (title, its count (the rows' unless given), a summary,
        its first rows, "Lihat semua…" calling `open_callback`), placed after
        the others, two to a row."""
        section = HomeSection(title, rows, open_callback, self.grid_box, count=count,
                              summary=summary)
        index = len(self.sections)
        self.grid.addWidget(section, index // COLUMNS, index % COLUMNS)
        self.sections.append(section)
        return section

    def section(self, title: str) -> HomeSection | None:
        return next((s for s in self.sections if s.title == title), None)
