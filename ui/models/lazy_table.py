"""The base of the lazily loaded tables (visits, receipts).

The model holds light records (frozen values with an `id`), never ORM objects.
Rows come in batches from a service, fetched on the worker thread: `fetchMore`
only starts the operation, and the rows are inserted when they arrive. Results
of an older filter or refresh are dropped (each load carries a generation).

A subclass says what it shows and what it fetches:

- `column_count`, `_headers()` and `_cell(record, column, role)`;
- `watched`: the data_changed names (tables) after which it reloads;
- `_first_job(filter, limit)` and `_batch_job(filter, offset, limit)`: functions
  for the worker thread (the count, or what stands for it, with the first rows;
  more rows). They run away from the model, so they capture the service and the
  filter and never touch `self`;
- `_took_head(head)` when the first job returns more than a count.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)

from ui.context import AppContext

BATCH_SIZE = 200

AnyIndex = QModelIndex | QPersistentModelIndex


class Identified(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=Identified)
F = TypeVar("F")


class LazyTableModel(QAbstractTableModel, Generic[R, F]):
    """Records matching a filter, loaded lazily; see the module's docstring."""

    total_changed = Signal(int)  # how many records match the filter (not just loaded)
    loading_changed = Signal(bool)
    load_failed = Signal(str)

    column_count: ClassVar[int] = 0
    watched: ClassVar[frozenset[str]] = frozenset()

    def __init__(
        self,
        ctx: AppContext,
        flt: F,
        parent: QObject | None = None,
        *,
        batch_size: int = BATCH_SIZE,
        live: bool = True,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._filter = flt
        self._batch = batch_size
        self._rows: list[R] = []
        self._total = 0
        self._exhausted = False
        self._loading = False
        self._generation = 0
        self._live, self._stale = live, not live
        ctx.runner.data_changed.connect(self._on_data_changed)
        if live:
            self.refresh()

    # --- what a subclass provides ---------------------------------------------

    def _headers(self) -> list[str]:
        raise NotImplementedError

    def _cell(self, record: R, column: int, role: int) -> Any:
        raise NotImplementedError

    def _first_job(self, flt: F, limit: int) -> Callable[[], tuple[Any, list[R]]]:
        raise NotImplementedError

    def _batch_job(self, flt: F, offset: int, limit: int) -> Callable[[], list[R]]:
        raise NotImplementedError

    def _about_to_load(self) -> None:
        """Called on the UI thread before every (re)load."""

    def _took_head(self, head: Any) -> None:
        """What the first job returned besides the rows: by default the count."""
        self._set_total(int(head))

    def _clear_head(self) -> None:
        """The filter changed: nothing counted yet."""
        self._set_total(0)

    # --- public -----------------------------------------------------------------

    def filter(self) -> F:
        return self._filter

    def set_filter(self, flt: F) -> None:
        """Show other records: the rows are cleared at once and loaded again.

        The total drops to 0 with them, announced, so that a count shown next to
        the table never outlives its rows (a search that finds nothing stays at 0).
        """
        self._filter = flt
        self.beginResetModel()
        self._rows, self._exhausted = [], False
        self.endResetModel()
        self._clear_head()
        self.refresh()

    def set_live(self, live: bool) -> None:
        """A model nobody looks at (a hidden tab) only notes changes; it reloads when shown."""
        self._live = live
        if live and self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Load again as many rows as are loaded now; the old rows stay until then."""
        self._stale = False
        self._about_to_load()
        self._generation += 1
        generation, limit = self._generation, max(self._batch, len(self._rows))
        job = self._first_job(self._filter, limit)
        self._set_loading(True)
        (
            self._ctx.runner.op(job, self)
            .success(lambda result: self._replace(generation, limit, *result))
            .failure(lambda exc: self._failed(generation, exc))
            .run()
        )

    def total(self) -> int:
        return self._total

    def is_loading(self) -> bool:
        return self._loading

    def record(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, record_id: str) -> int:
        """The row of a loaded record, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    # --- Qt model ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.column_count

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._loading:
            return  # one batch at a time; the view asks again when it scrolls
        generation = self._generation
        job = self._batch_job(self._filter, len(self._rows), self._batch)
        self._set_loading(True)
        (
            self._ctx.runner.op(job, self)
            .success(lambda rows: self._append(generation, rows))
            .failure(lambda exc: self._failed(generation, exc))
            .run()
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.column_count:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._cell(self._rows[index.row()], index.column(), role)

    # --- loading ----------------------------------------------------------------

    # State changes before the signals: a view or tester may call fetchMore from them.
    def _replace(self, generation: int, limit: int, head: Any, rows: list[R]) -> None:
        if generation != self._generation:
            return  # a newer filter or refresh has been asked for
        self.beginResetModel()
        self._rows, self._exhausted = list(rows), len(rows) < limit
        self.endResetModel()
        self._set_loading(False)
        self._took_head(head)

    def _append(self, generation: int, rows: list[R]) -> None:
        if generation != self._generation:
            return
        self._exhausted = len(rows) < self._batch
        if rows:
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
        if not changed & self.watched:
            return
        if self._live:
            self.refresh()
        else:
            self._stale = True
