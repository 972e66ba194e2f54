"""The "Tunggakan" tab: what each tenant owes past due, aged by days past due
(0-30, 31-60, 61-90, over 90) with the total, most owed first and sortable by
any column; the totals of all under the table. A date field ages on another
day ("Hari ini" goes back to today).

For the tenant chosen, the tenancy staff print "Surat pengingat…" (the
reminder letter) and "Rekening koran…" (the statement up to the day shown),
both into the PDF preview (tenant_letters.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from operator import attrgetter
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import wib_today
from smesco_desk.domain.money import format_rupiah
from smesco_desk.values.foodcourt import TenantArrears
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.errors import error_text
from ui.pages.foodcourt.common import LiveTab, from_qdate, to_qdate
from ui.pages.foodcourt.tables import ValuesTable
from ui.pages.foodcourt.tenant_letters import TenantLetters, can_print_letters
from ui.widgets import StatusBanner

BUCKETS = ("d0_30", "d31_60", "d61_90", "over_90")


def bucket_text(row: TenantArrears, field: str) -> str:
    """The amount of one age (blank when none)."""
    amount: int = getattr(row, field)
    return format_rupiah(amount) if amount else ""


class ArrearsTab(LiveTab):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None,
        printer: DocumentPrinterLike | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, parent)
        self.setObjectName("arrears_tab")
        self.rows: list[TenantArrears] = []
        titles = (self.tr("0–30 hari"), self.tr("31–60 hari"), self.tr("61–90 hari"),
                  self.tr("> 90 hari"))  # fmt: skip
        columns: list[tuple[str, Callable[[TenantArrears], str]]] = [
            (self.tr("Tenan"), lambda a: a.tenant)]
        keys: dict[int, Callable[[Any], Any]] = {0: lambda a: a.tenant.casefold()}
        for number, (field, title) in enumerate(zip(BUCKETS, titles, strict=True), start=1):
            columns.append((title, partial(bucket_text, field=field)))
            keys[number] = attrgetter(field)
        columns.append((self.tr("Total"), lambda a: format_rupiah(a.total)))
        keys[5] = lambda a: a.total
        self.table: ValuesTable[TenantArrears] = ValuesTable(
            columns, self, keys=keys, right=(1, 2, 3, 4, 5), stretch=0)
        self.table.setObjectName("arrears_table")
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("arrears_date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setDate(to_qdate(wib_today(ctx.core.now())))
        self.date_edit.dateChanged.connect(lambda _d: self.reload())
        date_label = QLabel(self.tr("Per tangga&l"), self)
        date_label.setBuddy(self.date_edit)
        self.today_button = QPushButton(self.tr("Hari ini"), self)
        self.today_button.clicked.connect(self.show_today)
        self.reminder_button = QPushButton(self.tr("Surat pen&gingat…"), self)
        self.reminder_button.setObjectName("arrears_reminder_button")
        self.reminder_button.setToolTip(self.tr("Surat pengingat untuk tenan yang dipilih (PDF)"))
        self.reminder_button.clicked.connect(self.print_reminder)
        self.statement_button = QPushButton(self.tr("R&ekening koran…"), self)
        self.statement_button.setObjectName("arrears_statement_button")
        self.statement_button.setToolTip(
            self.tr("Tagihan, pembayaran dan saldo tenan sampai tanggal ini (PDF)"))
        self.statement_button.clicked.connect(self.print_statement)
        for button in (self.reminder_button, self.statement_button):
            button.setVisible(can_print_letters(ctx))
        self.banner = StatusBanner(self)
        self.letters = TenantLetters(ctx, self, self.banner.show_message, printer)
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("arrears_totals_label")
        self.totals_label.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(date_label)
        bar.addWidget(self.date_edit)
        bar.addWidget(self.today_button)
        bar.addStretch(1)
        for button in (self.today_button, self.reminder_button, self.statement_button):
            button.setAutoDefault(False)
        bar.addWidget(self.reminder_button)
        bar.addWidget(self.statement_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_label)
        self._update_buttons()

    def day(self) -> date:
        return from_qdate(self.date_edit.date())

    @Slot()
    def show_today(self) -> None:
        self.date_edit.setDate(to_qdate(wib_today(self.ctx.core.now())))

    def load(self) -> None:
        foodcourt, day = self.ctx.core.foodcourt, self.day()
        self.ctx.runner.op(lambda: foodcourt.arrears(day), self).success(self._loaded).failure(
            lambda exc: self.banner.show_message("error", error_text(exc))
        ).run()

    def _loaded(self, rows: list[TenantArrears]) -> None:
        self.rows = rows
        self.table.set_values(rows)
        sums = [sum(getattr(r, f) for r in rows) for f in BUCKETS]
        self.totals_label.setText(
            self.tr("%n tenan menunggak · total {total} (0–30 hari {a} · 31–60 hari {b} · "
                    "61–90 hari {c} · > 90 hari {d})", "", len(rows)).format(
                total=format_rupiah(sum(sums)), a=format_rupiah(sums[0]),
                b=format_rupiah(sums[1]), c=format_rupiah(sums[2]), d=format_rupiah(sums[3]))
        )  # fmt: skip
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.table.current_value() is not None
        self.reminder_button.setEnabled(chosen)
        self.statement_button.setEnabled(chosen)

    @Slot()
    def print_reminder(self) -> None:
        chosen = self.table.current_value()
        if chosen is not None:
            self.letters.reminder(chosen.tenant_id, chosen.tenant)

    @Slot()
    def print_statement(self) -> None:
        chosen = self.table.current_value()
        if chosen is not None:
            self.letters.statement(chosen.tenant_id, chosen.tenant, self.day())
