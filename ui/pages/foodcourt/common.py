"""What the food court's tabs share: a tab that reloads when the tables it shows
change (at once when shown, else the next time it is shown), the texts of
dates, periods and lease statuses, a stall's form from what it is now, and
where a popup goes beside what it is about."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QPoint, QRect, QSize, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from smesco_desk.domain.foodcourt import BILL_KIND_LABELS, PERIOD_LABELS, BillKind, LeasePeriod
from smesco_desk.i18n import _ as core_tr
from smesco_desk.values.foodcourt import StallForm, StallInfo
from ui.context import AppContext

# The tables whose change the food court's views show (a payment changes a balance).
FOODCOURT_TABLES = frozenset(
    {"stalls", "businesses", "tenants", "leases", "tenant_charges", "charges", "receipts",
     "receipt_voids"}
)  # fmt: skip


def day_text(day: date | None) -> str:
    return "" if day is None else f"{day:%d-%m-%Y}"


def period_text(period: str) -> str:
    try:
        return core_tr(PERIOD_LABELS[LeasePeriod(period)])
    except ValueError:
        return period


def bill_kind_text(kind: str) -> str:
    """What a tenancy charge is for (Sewa, Deposit, Denda keterlambatan...)."""
    try:
        return core_tr(BILL_KIND_LABELS[BillKind(kind)])
    except ValueError:
        return kind


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def stall_form_of(stall: StallInfo, **changes: object) -> StallForm:
    """The form that saves the stall as it is (with `changes`: plan_x=...)."""
    form = StallForm(
        code=stall.code,
        size_m2=stall.size_m2,
        rate_day=stall.rate_day,
        rate_week=stall.rate_week,
        rate_month=stall.rate_month,
        deposit=stall.deposit,
        plan_x=stall.plan_x,
        plan_y=stall.plan_y,
        plan_w=stall.plan_w,
        plan_h=stall.plan_h,
        water=stall.water,
        gas=stall.gas,
        power=stall.power,
        power_meter=stall.power_meter,
        kind_code=stall.kind_code,
        in_service=stall.in_service,
        notes=stall.notes,
    )
    return replace(form, **changes)  # type: ignore[arg-type]


class LiveTab(QWidget):
    """A tab that loads what it shows (`load`), and loads it again when one of
    `tables` changes: at once if it is shown, else when it is next shown."""

    tables: frozenset[str] = FOODCOURT_TABLES

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.runner.data_changed.connect(self._on_data_changed)

    def load(self) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        self._stale = False
        self.load()

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if changes & self.tables:
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.reload()


def beside(anchor: QRect, size: QSize, screen: QRect, gap: int = 8) -> QPoint:
    """Where a window of `size` goes so that it does not cover `anchor` (both in
    screen coordinates) and stays on `screen`: to the right of it, else to the
    left, else below, else above, lined up with it and pushed inside the
    screen; where no side has the room, the side with the most, still inside."""
    w, h = size.width(), size.height()

    def inside(x: int, y: int) -> QPoint:
        x = max(screen.left(), min(x, screen.right() + 1 - w))
        y = max(screen.top(), min(y, screen.bottom() + 1 - h))
        return QPoint(x, y)

    room = {
        "right": screen.right() + 1 - (anchor.right() + 1 + gap),
        "left": anchor.left() - gap - screen.left(),
        "below": screen.bottom() + 1 - (anchor.bottom() + 1 + gap),
        "above": anchor.top() - gap - screen.top(),
    }
    places = {
        "right": (anchor.right() + 1 + gap, anchor.top()),
        "left": (anchor.left() - gap - w, anchor.top()),
        "below": (anchor.left(), anchor.bottom() + 1 + gap),
        "above": (anchor.left(), anchor.top() - gap - h),
    }
    for side in places:
        needed = w if side in ("right", "left") else h
        if room[side] >= needed:
            return inside(*places[side])
    widest = max(room, key=lambda side: room[side])
    return inside(*places[widest])
