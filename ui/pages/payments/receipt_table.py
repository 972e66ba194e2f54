"""The table of receipts: columns sized to their usual text (and their header's,
with a small margin), the payer takes the rest and is fitted again whenever the
viewport changes (a scroll bar appearing); on a narrow screen (1024 px) the
payment method gives way first. The chosen
receipt across reloads and the empty state: ui.record_table. Under the table,
the summary of what the filter finds (`ReceiptsSummaryLabel`)."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QWidget

from smesco_desk.domain.payments import METHOD_LABELS, PaymentMethod, method_label
from smesco_desk.values.payments import ReceiptRecord, ReceiptsSummary
from ui.models.receipts_model import (
    COL_METHOD,
    COL_NUMBER,
    COL_PAYER,
    COL_STATUS,
    COL_TIME,
    COL_TOTAL,
    COLUMN_COUNT,
    ReceiptsTableModel,
)
from ui.pages.payments.common import rupiah
from ui.record_table import RecordTable

MIN_PAYER_WIDTH = 120
CELL_PADDING = 10  # a cell's text margins (Qt: 4 px each side) and a little air
HEADER_PADDING = 18  # the style sheet's 8 px each side, and the section's border
SAMPLES = {COL_NUMBER: "KW/D01/2026/000000", COL_TOTAL: "Rp99.999.999", COL_STATUS: "BATAL"}


class ReceiptTable(RecordTable):
    """Receipts, newest first; `current_changed(ReceiptRecord | None)`."""

    keep_current_visible = True  # a new sale, chosen after the reload, is seen

    def __init__(self, model: ReceiptsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.setObjectName("receipts_table")
        self._receipts = model
        header = self.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_PAYER, QHeaderView.ResizeMode.Stretch)

    # --- columns --------------------------------------------------------------

    def _measured(self, column: int) -> int:
        metrics = self.fontMetrics()
        if column == COL_TIME:
            long = self._receipts.filter().all_days
            samples = ["00-00-0000 00:00" if long else "00:00"]
        elif column == COL_METHOD:
            samples = [method_label(m.value) for m in METHOD_LABELS]
        else:
            samples = [SAMPLES[column]]
        return max(
            max(metrics.horizontalAdvance(s) for s in samples) + CELL_PADDING,
            self._header_width(column),
        )

    def _header_width(self, column: int) -> int:
        """The header's title whole: in the style sheet's semi-bold, with its padding."""
        font = QFont(self.horizontalHeader().font())
        font.setWeight(QFont.Weight.DemiBold)
        title = str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")
        return QFontMetrics(font).horizontalAdvance(title) + HEADER_PADDING

    def fit_columns(self) -> None:
        """Measured widths; the payment method hides when the payer would get too little."""
        fixed = {c: self._measured(c) for c in range(COLUMN_COUNT) if c != COL_PAYER}
        room = self.viewport().width() - sum(fixed.values())
        self.setColumnHidden(COL_METHOD, room < MIN_PAYER_WIDTH)
        for column, width in fixed.items():
            self.horizontalHeader().resizeSection(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_columns()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """A scroll bar appearing narrows the viewport without resizing the table."""
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return handled

    def current_record(self) -> ReceiptRecord | None:
        record = super().current_record()
        return record if isinstance(record, ReceiptRecord) else None


class ReceiptsSummaryLabel(QLabel):
    """ "12 kuitansi · 1 batal · Total Rp4.512.000 (Tunai Rp2.100.000 · QRIS …)":
    every receipt the filter finds, not only those loaded; the total and the
    methods count the receipts that stand (voided ones are left out)."""

    def __init__(self, model: ReceiptsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receipts_summary_label")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self._model = model
        self._parts: list[str] = []
        self._gaps: list[str] = []
        model.summary_changed.connect(self.update_text)
        model.loading_changed.connect(self.update_text)
        self.update_text()

    @Slot()
    def update_text(self) -> None:
        summary = self._model.summary()
        if summary is None:
            self._parts = [self.tr("Mencari…")] if self._model.is_loading() else []
        else:
            self._parts = self.summary_parts(summary)
        # Lines break only between the parts ("Kartu debit/kredit Rp754.000" stays whole).
        text = " · ".join(f"<nobr>{html.escape(part)}</nobr>" for part in self._parts)
        self._gaps = self.gap_lines(summary) if summary is not None else []
        for line in self._gaps:  # numbers a restore skipped: said, never hidden
            text += f'<br><span style="color:#B3261E">{html.escape(line)}</span>'
        self.setText(text)

    def plain_text(self) -> str:
        return "\n".join([" · ".join(self._parts), *self._gaps])

    def gap_lines(self, summary: ReceiptsSummary) -> list[str]:
        return [self.tr("Nomor dilewati: {reason}").format(reason=g.reason) for g in summary.gaps]

    def summary_parts(self, summary: ReceiptsSummary) -> list[str]:
        parts = [self.tr("%n kuitansi", "", summary.count)]
        if summary.voided:
            parts.append(self.tr("%n batal", "", summary.voided))
        if summary.count == summary.voided:
            return parts  # nothing stands: no total to give
        total = self.tr("Total {amount}").format(amount=rupiah(summary.total))
        methods = [
            f"{method_label(m.value)} {rupiah(summary.by_method[m.value])}"
            for m in PaymentMethod
            if summary.by_method.get(m.value)
        ]
        if not methods:
            return [*parts, total]
        methods[0] = f"{total} ({methods[0]}"
        methods[-1] = f"{methods[-1]})"
        return parts + methods
