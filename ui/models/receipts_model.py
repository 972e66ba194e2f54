"""A lazily loaded table of receipts (kuitansi) for one WIB day, or a search.

Rows come in batches from `core.payments.receipts` through the shared lazy
loading of `ui.models.lazy_table`; searching (number, payer or amount) happens
in SQL. With the first batch comes the summary of everything the filter finds
(`core.payments.receipts_summary`: how many, how many voided, the totals per
payment method), announced by `summary_changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont

from smesco_desk.clock import to_wib
from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.payments import method_label
from smesco_desk.values.payments import ReceiptFilter, ReceiptRecord, ReceiptsSummary
from ui.context import AppContext
from ui.models.lazy_table import BATCH_SIZE, LazyTableModel

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
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class ReceiptsTableModel(LazyTableModel[ReceiptRecord, ReceiptFilter]):
    """Receipts matching a `ReceiptFilter`, newest first, loaded lazily."""

    summary_changed = Signal(object)  # ReceiptsSummary, or None while unknown

    column_count = COLUMN_COUNT
    watched = RECEIPT_TABLES
    _summary: ReceiptsSummary | None = None  # (set by the first load, maybe in __init__)

    def __init__(
        self,
        ctx: AppContext,
        flt: ReceiptFilter | None = None,
        parent: QObject | None = None,
        *,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        super().__init__(ctx, flt or ReceiptFilter(), parent, batch_size=batch_size)
        self._strike = QFont()
        self._strike.setStrikeOut(True)
        self._bold = QFont()
        self._bold.setBold(True)

    def summary(self) -> ReceiptsSummary | None:
        """What the filter finds, all of it (None until the first batch arrives)."""
        return self._summary

    # --- fetching (the jobs run on the worker) ------------------------------------

    def _first_job(
        self, flt: ReceiptFilter, limit: int
    ) -> Callable[[], tuple[ReceiptsSummary, list[ReceiptRecord]]]:
        payments = self._ctx.core.payments
        return lambda: (payments.receipts_summary(flt), payments.receipts(flt, 0, limit))

    def _batch_job(
        self, flt: ReceiptFilter, offset: int, limit: int
    ) -> Callable[[], list[ReceiptRecord]]:
        payments = self._ctx.core.payments
        return lambda: payments.receipts(flt, offset, limit)

    def _took_head(self, head: Any) -> None:
        self._set_summary(head)
        self._set_total(head.count)

    def _clear_head(self) -> None:
        self._set_summary(None)
        self._set_total(0)

    def _set_summary(self, summary: ReceiptsSummary | None) -> None:
        self._summary = summary
        self.summary_changed.emit(summary)

    # --- Qt model -----------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_TOTAL:
            return RIGHT if orientation == Qt.Orientation.Horizontal else None
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_PAYER:
            # As its names: cut at the end, never in the middle ("embaya").
            return LEFT if orientation == Qt.Orientation.Horizontal else None
        return super().headerData(section, orientation, role)

    def _cell(self, record: ReceiptRecord, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(record, column, tooltip=role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_TOTAL:
            return RIGHT
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
