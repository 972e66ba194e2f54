"""A lazily loaded table of visits (in the building, today's log, history).

Rows come in batches from `core.visitors.list_visits` through the shared lazy
loading of `ui.models.lazy_table` (light `VisitRecord` values, fetched on the
worker thread, older results dropped). This module names the columns.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt

from smesco_desk.clock import to_wib, wib_today
from smesco_desk.values.visitors import (
    HISTORY_COUNT_UP_TO,
    VisitFilter,
    VisitRecord,
    VisitScope,
)
from ui.context import AppContext
from ui.models.lazy_table import BATCH_SIZE, LazyTableModel

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3  # the whole VisitRecord
IN_BUILDING_ROLE = Qt.ItemDataRole.UserRole + 4
SHORT_TEXT_ROLE = Qt.ItemDataRole.UserRole + 5  # a shorter text for a narrow column, or None

COL_BADGE, COL_NAME, COL_ORGANISATION, COL_PURPOSE, COL_HOST, COL_IN, COL_OUT = range(7)
COLUMN_COUNT = 7
COUNT_UP_TO = HISTORY_COUNT_UP_TO


class VisitsTableModel(LazyTableModel[VisitRecord, VisitFilter]):
    """Visits matching a `VisitFilter`, newest check-in first, loaded lazily."""

    column_count = COLUMN_COUNT
    watched = frozenset({"visits"})

    def __init__(
        self,
        ctx: AppContext,
        flt: VisitFilter | None = None,
        parent: QObject | None = None,
        *,
        batch_size: int = BATCH_SIZE,
        live: bool = True,
    ) -> None:
        super().__init__(ctx, flt or VisitFilter(), parent, batch_size=batch_size, live=live)

    # --- fetching (the jobs run on the worker) ------------------------------------

    def _about_to_load(self) -> None:
        self._today = wib_today()  # the log moves on to the new day after midnight

    def _first_job(
        self, flt: VisitFilter, limit: int
    ) -> Callable[[], tuple[int, list[VisitRecord]]]:
        visitors = self._ctx.core.visitors
        searched = flt.scope is VisitScope.HISTORY and bool(flt.text.strip())
        up_to = COUNT_UP_TO if searched else None
        return lambda: (visitors.count_visits(flt, up_to), visitors.list_visits(flt, 0, limit))

    def _batch_job(
        self, flt: VisitFilter, offset: int, limit: int
    ) -> Callable[[], list[VisitRecord]]:
        visitors = self._ctx.core.visitors
        # Keyset: from just past the last row held (as cheap deep in the history as at its top).
        last = self._rows[-1] if offset and offset == len(self._rows) else None
        after = (last.checked_in_at, last.id) if last is not None else None
        return lambda: visitors.list_visits(flt, offset, limit, after)

    def count_is_partial(self) -> bool:
        """The total is a lower bound: a history search found more than COUNT_UP_TO
        (and its rows are not all loaded yet, which would count them)."""
        flt = self._filter
        searched = flt.scope is VisitScope.HISTORY and bool(flt.text.strip())
        return searched and self.total() > COUNT_UP_TO and not self._exhausted

    # --- cells --------------------------------------------------------------

    def _headers(self) -> list[str]:
        return [
            self.tr("Badge"),
            self.tr("Nama"),
            self.tr("Organisasi"),
            self.tr("Keperluan"),
            self.tr("Tuan rumah"),
            self.tr("Masuk"),
            self.tr("Keluar"),
        ]

    def _cell(self, record: VisitRecord, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(record, column)
        if role == SHORT_TEXT_ROLE:
            return self._short_text(record, column)
        values = {
            VISIT_ID_ROLE: record.id,
            BADGE_ROLE: record.badge_number,
            RECORD_ROLE: record,
            IN_BUILDING_ROLE: record.in_building,
        }
        return values.get(role)

    def _text(self, r: VisitRecord, column: int) -> str:
        if column == COL_IN:
            return self._time(r.checked_in_at)
        if column == COL_OUT:
            return self._time_out(r)
        organisation = r.organisation
        if r.group_size > 1:  # the group's members stand together: say they are one
            group = self.tr("Rombongan {n}").format(n=r.group_size)
            organisation = f"{group} · {organisation}" if organisation else group
        values = (r.badge_number, r.name, organisation, r.purpose_label, r.host)
        return values[column] if 0 <= column < len(values) else ""

    def _short_text(self, r: VisitRecord, column: int) -> str | None:
        """A group's organisation with "Rbg" for "Rombongan": in a narrow column
        the organisation's start stays readable (two groups told apart)."""
        if column != COL_ORGANISATION or r.group_size <= 1 or not r.organisation:
            return None
        group = self.tr("Rbg {n}").format(n=r.group_size)
        return f"{group} · {r.organisation}"

    def _time(self, moment: datetime) -> str:
        """WIB; HH:MM for today, with the date in history or for older visits."""
        local = to_wib(moment)
        if self._filter.scope is not VisitScope.HISTORY and local.date() == self._today:
            return local.strftime("%H:%M")
        return local.strftime("%d-%m-%Y %H:%M")

    @staticmethod
    def _time_out(r: VisitRecord) -> str:
        """Just HH:MM when the visitor left on the day they came (nearly always)."""
        if r.checked_out_at is None:
            return ""
        out = to_wib(r.checked_out_at)
        same_day = out.date() == to_wib(r.checked_in_at).date()
        return out.strftime("%H:%M") if same_day else out.strftime("%d-%m-%Y %H:%M")


__all__ = [
    "BADGE_ROLE",
    "BATCH_SIZE",
    "COLUMN_COUNT",
    "COUNT_UP_TO",
    "IN_BUILDING_ROLE",
    "RECORD_ROLE",
    "VISIT_ID_ROLE",
    "VisitsTableModel",
]
