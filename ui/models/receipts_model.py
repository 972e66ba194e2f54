"""A lazily loaded table of receipts (kuitansi) for one WIB day, or a search.

As the visits table: the model holds light `ReceiptRecord` values, never ORM
objects; rows come in batches from `core.payments.receipts`, fetched on the
worker thread (`fetchMore` only starts the operation, the rows are inserted
when they arrive), and results of an older filter or refresh are dropped.
Searching (number, payer or amount) happens in SQL.
"""

from __future__ import annotations

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
from PySide6.QtGui import QColor, QFont

from smesco_desk.clock import to_wib
from smesco_desk.domain.money import format_rupiah
from smesco_desk.services.payments import method_label
from smesco_desk.services.values import ReceiptFilter, ReceiptRecord
from ui.context import AppContext

BATCH_SIZE = 200
# data_changed names (the tables sync pulls announce) that change what the list shows.
RECEIPT_TABLES = frozenset({"receipts", "receipt_voids", "receipt_prints", "charges"})

RECEIPT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3  # the whole ReceiptRecord
VOIDED_ROLE = Qt.ItemDataRole.UserRole + 4
TOTAL_ROLE = Qt.ItemDataRole.UserRole + 5  # the total as an int (rupiah)

COL_NUMBER, COL_TIME, COL_PAYER, COL_METHOD, COL_TOTAL, COL_STATUS = range(6)
COLUMN_COUNT = 6

VOIDED_FOREGROUND = QColor("#8a94a3")
VOIDED_STATUS_FOREGROUND = QColor("#b42318")

AnyIndex = QModelIndex | QPersistentModelIndex


class ReceiptsTableModel(QAbstractTableModel):
    """Receipts matching a `ReceiptFilter`, newest first, loaded lazily."""

    total_changed = Signal(int)  # how many receipts match (not just loaded)
    loading_changed = Signal(bool)
    load_failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        flt: ReceiptFilter | None = None,
        parent: QObject | None = None,
        *,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._filter = flt or ReceiptFilter()
        self._batch = batch_size
        self._rows: list[ReceiptRecord] = []
        self._total = 0
        self._exhausted = False
        self._loading = False
        self._generation = 0
        self._strike = QFont()
        self._strike.setStrikeOut(True)
        self._bold = QFont()
        self._bold.setBold(True)
        ctx.runner.data_changed.connect(self._on_data_changed)
        self.refresh()

    # --- public -------------------------------------------------------------

    def filter(self) -> ReceiptFilter:
        return self._filter

    def set_filter(self, flt: ReceiptFilter) -> None:
        """Show other receipts: the rows (and the total) go at once, then load again."""
        self._filter = flt
        self.beginResetModel()
        self._rows, self._exhausted = [], False
        self.endResetModel()
        self._set_total(0)
        self.refresh()

    def refresh(self) -> None:
        """Load again as many rows as are loaded now; the old rows stay until then."""
        self._generation += 1
        generation, flt = self._generation, self._filter
        limit = max(self._batch, len(self._rows))
        payments = self._ctx.core.payments
        self._set_loading(True)
        (
            self._ctx.runner.op(
                lambda: (payments.count_receipts(flt), payments.receipts(flt, 0, limit)), self
            )
            .success(lambda result: self._replace(generation, limit, *result))
            .failure(lambda exc: self._failed(generation, exc))
            .run()
        )

    def total(self) -> int:
        return self._total

    def is_loading(self) -> bool:
        return self._loading

    def record(self, row: int) -> ReceiptRecord:
        return self._rows[row]

    def row_of(self, receipt_id: str) -> int:
        """The row of a loaded receipt, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == receipt_id), -1)

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
        payments, batch = self._ctx.core.payments, self._batch
        self._set_loading(True)
        (
            self._ctx.runner.op(lambda: payments.receipts(flt, offset, batch), self)
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
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(record, column, tooltip=role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
            return self._look(record, column, role)
        return self._value(record, role)

    # --- cells --------------------------------------------------------------

    def _headers(self) -> list[str]:
        return [
            self.tr("Nomor"),
            self.tr("Waktu"),
            self.tr("Pembayar"),
            self.tr("Cara bayar"),
            self.tr("Total"),
            self.tr("Status"),
        ]

    def _text(self, r: ReceiptRecord, column: int, tooltip: bool = False) -> str:
        if column == COL_STATUS:
            if r.voided:
                return (
                    self.tr("BATAL: {reason}").format(reason=r.void.reason)
                    if tooltip and r.void
                    else self.tr("BATAL")
                )
            return ""
        if column == COL_TIME:
            local = to_wib(r.issued_at)
            same_day = self._filter.day is None or local.date() == self._filter.day
            return (
                local.strftime("%H:%M")
                if same_day and not self._filter.all_days
                else local.strftime("%d-%m-%Y %H:%M")
            )
        values = {
            COL_NUMBER: r.number,
            COL_PAYER: r.payer_name,
            COL_METHOD: method_label(r.method),
            COL_TOTAL: format_rupiah(r.total),
        }
        return values.get(column, "")

    def _look(self, r: ReceiptRecord, column: int, role: int) -> Any:
        """A voided receipt: greyed and struck through, its status in bold red."""
        if not r.voided:
            return None
        if column == COL_STATUS:
            return self._bold if role == Qt.ItemDataRole.FontRole else VOIDED_STATUS_FOREGROUND
        return self._strike if role == Qt.ItemDataRole.FontRole else VOIDED_FOREGROUND

    @staticmethod
    def _value(r: ReceiptRecord, role: int) -> Any:
        values = {
            RECEIPT_ID_ROLE: r.id,
            NUMBER_ROLE: r.number,
            RECORD_ROLE: r,
            VOIDED_ROLE: r.voided,
            TOTAL_ROLE: r.total,
        }
        return values.get(role)

    # --- loading ------------------------------------------------------------

    # State changes before the signals: a view or tester may call fetchMore from them.
    def _replace(self, generation: int, limit: int, total: int, rows: list[ReceiptRecord]) -> None:
        if generation != self._generation:
            return  # a newer filter or refresh has been asked for
        self.beginResetModel()
        self._rows, self._exhausted = list(rows), len(rows) < limit
        self.endResetModel()
        self._set_loading(False)
        self._set_total(total)

    def _append(self, generation: int, rows: list[ReceiptRecord]) -> None:
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
        if changed & RECEIPT_TABLES:
            self.refresh()


__all__ = [
    "BATCH_SIZE",
    "COLUMN_COUNT",
    "NUMBER_ROLE",
    "RECEIPT_ID_ROLE",
    "RECEIPT_TABLES",
    "RECORD_ROLE",
    "TOTAL_ROLE",
    "VOIDED_ROLE",
    "ReceiptsTableModel",
]
