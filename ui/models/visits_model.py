"""A lazily loaded table of visits (in the building, today's log, history).

The model holds light `VisitRecord` values, never ORM objects. Rows come in
batches of `BATCH_SIZE` from `core.visitors.list_visits`, fetched on the
worker thread: `fetchMore` only starts the operation, and the rows are inserted
when they arrive. Results of an older filter or refresh are dropped.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)

from smesco_desk.clock import to_wib, wib_today
from smesco_desk.services.values import VisitFilter, VisitRecord, VisitScope
from ui.context import AppContext

BATCH_SIZE = 200

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3  # the whole VisitRecord
IN_BUILDING_ROLE = Qt.ItemDataRole.UserRole + 4

COL_BADGE, COL_NAME, COL_ORGANISATION, COL_PURPOSE, COL_HOST, COL_IN, COL_OUT = range(7)
COLUMN_COUNT = 7

AnyIndex = QModelIndex | QPersistentModelIndex


class VisitsTableModel(QAbstractTableModel):
    """Visits matching a `VisitFilter`, newest check-in first, loaded lazily."""

    total_changed = Signal(int)  # how many visits match the filter (not just loaded)
    loading_changed = Signal(bool)
    load_failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        flt: VisitFilter | None = None,
        parent: QObject | None = None,
        *,
        batch_size: int = BATCH_SIZE,
        live: bool = True,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._filter = flt or VisitFilter()
        self._batch = batch_size
        self._rows: list[VisitRecord] = []
        self._total = 0
        self._exhausted = False
        self._loading = False
        self._generation = 0
        self._today = wib_today()
        self._live, self._stale = live, not live
        ctx.runner.data_changed.connect(self._on_data_changed)
        if live:
            self._load_first()

    # --- public -------------------------------------------------------------

    def filter(self) -> VisitFilter:
        return self._filter

    def set_filter(self, flt: VisitFilter) -> None:
        """Show other visits: the rows are cleared at once and loaded again.

        The total drops to 0 with them, announced, so that a count shown next to
        the table never outlives its rows (a search that finds nothing stays at 0).
        """
        self._filter = flt
        self.beginResetModel()
        self._rows, self._exhausted = [], False
        self.endResetModel()
        self._set_total(0)
        self._load_first()

    def set_live(self, live: bool) -> None:
        """A model nobody looks at (a hidden tab) only notes changes; it reloads when shown."""
        self._live = live
        if live and self._stale:
            self._load_first()

    def refresh(self) -> None:
        """Load again as many rows as are loaded now; the old rows stay until then."""
        self._generation += 1
        generation, flt = self._generation, self._filter
        limit = max(self._batch, len(self._rows))
        visitors = self._ctx.core.visitors
        self._set_loading(True)
        (
            self._ctx.runner.op(
                lambda: (visitors.count_visits(flt), visitors.list_visits(flt, 0, limit)), self
            )
            .success(lambda result: self._replace(generation, limit, *result))
            .failure(lambda exc: self._failed(generation, exc))
            .run()
        )

    def total(self) -> int:
        return self._total

    def is_loading(self) -> bool:
        return self._loading

    def record(self, row: int) -> VisitRecord:
        return self._rows[row]

    def row_of(self, visit_id: str) -> int:
        """The row of a loaded visit, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == visit_id), -1)

    # --- Qt model -----------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._loading:
            return  # one batch at a time; the view asks again when it scrolls
        generation, flt, offset = self._generation, self._filter, len(self._rows)
        visitors = self._ctx.core.visitors
        self._set_loading(True)
        (
            self._ctx.runner.op(lambda: visitors.list_visits(flt, offset, self._batch), self)
            .success(lambda rows: self._append(generation, rows))
            .failure(lambda exc: self._failed(generation, exc))
            .run()
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(record, index.column())
        if role == VISIT_ID_ROLE:
            return record.id
        if role == BADGE_ROLE:
            return record.badge_number
        if role == RECORD_ROLE:
            return record
        if role == IN_BUILDING_ROLE:
            return record.in_building
        return None

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

    def _text(self, r: VisitRecord, column: int) -> str:
        if column == COL_IN:
            return self._time(r.checked_in_at)
        if column == COL_OUT:
            return self._time_out(r)
        values = (r.badge_number, r.name, r.organisation, r.purpose_label, r.host)
        return values[column] if 0 <= column < len(values) else ""

    def _time(self, moment: datetime) -> str:
        """WIB; HH:MM for today, with the date in history or for older visits."""
        local = to_wib(moment)
        if self._filter.scope is not VisitScope.HISTORY and local.date() == self._today:
            return local.strftime("%H:%M")
        return local.strftime("%d-%m-%Y %H:%M")

    def _time_out(self, r: VisitRecord) -> str:
        """Just HH:MM when the visitor left on the day they came (nearly always)."""
        if r.checked_out_at is None:
            return ""
        out = to_wib(r.checked_out_at)
        return (
            out.strftime("%H:%M")
            if out.date() == to_wib(r.checked_in_at).date()
            else out.strftime("%d-%m-%Y %H:%M")
        )

    # --- loading ------------------------------------------------------------

    def _load_first(self) -> None:
        self._today = wib_today()
        self._stale = False
        self.refresh()

    # State changes before the signals: a view or tester may call fetchMore from them.
    def _replace(self, generation: int, limit: int, total: int, rows: list[VisitRecord]) -> None:
        if generation != self._generation:
            return  # a newer filter or refresh has been asked for
        self.beginResetModel()
        self._rows, self._exhausted = list(rows), len(rows) < limit
        self.endResetModel()
        self._set_loading(False)
        self._set_total(total)

    def _append(self, generation: int, rows: list[VisitRecord]) -> None:
        if generation != self._generation:
            return
        self._exhausted = len(rows) < self._batch
        if rows:  # (a view or tester may call fetchMore from these signals)
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._set_loading(False)
        self._set_total(max(self._total, len(self._rows)))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self.load_failed.emit(getattr(exc, "message", None) or str(exc))

    def _set_total(self, total: int) -> None:
        if total != self._total:
            self._total = total
            self.total_changed.emit(total)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    @Slot(object)
    def _on_data_changed(self, changed: frozenset[str]) -> None:
        if "visits" not in changed:
            return
        if self._live:
            self._today = wib_today()
            self.refresh()
        else:
            self._stale = True


__all__ = [
    "BADGE_ROLE",
    "BATCH_SIZE",
    "COLUMN_COUNT",
    "IN_BUILDING_ROLE",
    "RECORD_ROLE",
    "VISIT_ID_ROLE",
    "VisitsTableModel",
]
