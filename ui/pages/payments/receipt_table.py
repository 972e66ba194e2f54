"""The table of receipts: columns sized to their usual text, the payer takes the
rest; on a narrow screen the payment method gives way first. The chosen
receipt and the scroll position survive a reload. An empty table says why."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from smesco_desk.services.payments import METHOD_LABELS, method_label
from smesco_desk.services.values import ReceiptRecord
from ui.models.receipts_model import (
    COL_METHOD,
    COL_NUMBER,
    COL_PAYER,
    COL_STATUS,
    COL_TIME,
    COL_TOTAL,
    COLUMN_COUNT,
    RECORD_ROLE,
    ReceiptsTableModel,
)

MIN_PAYER_WIDTH = 120
SAMPLES = {COL_NUMBER: "KW/D01/2026/000000", COL_TOTAL: "Rp99.999.999", COL_STATUS: "BATAL"}


class ReceiptTable(QTableView):
    """Emits `current_changed(ReceiptRecord | None)` when the chosen receipt (or its
    loaded data, after a reload) changes."""

    current_changed = Signal(object)

    def __init__(self, model: ReceiptsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receipts_table")
        self.setModel(model)
        self._model = model
        self._kept_id: str | None = None
        self._pending_id: str | None = None
        self._kept_scroll = 0
        self._empty_text = ""
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_PAYER, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self.viewport())
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty_label.hide()
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)
        model.modelAboutToBeReset.connect(self._keep_place)
        model.modelReset.connect(self._restore_place)
        for signal in (model.modelReset, model.rowsInserted, model.loading_changed):
            signal.connect(self._update_empty)

    # --- columns --------------------------------------------------------------

    def _measured(self, column: int) -> int:
        metrics = self.fontMetrics()
        if column == COL_TIME:
            long = self._model.filter().all_days
            samples = ["00-00-0000 00:00" if long else "00:00"]
        elif column == COL_METHOD:
            samples = [method_label(m.value) for m in METHOD_LABELS]
        else:
            samples = [SAMPLES[column]]
        width = max(metrics.horizontalAdvance(s) for s in samples) + 20
        return max(width, self.horizontalHeader().sectionSizeFromContents(column).width())

    def fit_columns(self) -> None:
        """Measured widths; the payment method hides when the payer would get too little."""
        fixed = {c: self._measured(c) for c in range(COLUMN_COUNT) if c != COL_PAYER}
        room = self.viewport().width() - sum(fixed.values())
        self.setColumnHidden(COL_METHOD, room < MIN_PAYER_WIDTH)
        for column, width in fixed.items():
            self.horizontalHeader().resizeSection(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.empty_label.setGeometry(self.viewport().rect().adjusted(16, 16, -16, -16))
        self.fit_columns()

    # --- empty state ----------------------------------------------------------

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self._update_empty()

    @Slot()
    def _update_empty(self) -> None:
        empty = self._model.rowCount() == 0 and not self._model.is_loading()
        self.empty_label.setText(self._empty_text)
        self.empty_label.setVisible(empty and bool(self._empty_text))

    def empty_message(self) -> str:
        return self.empty_label.text() if not self.empty_label.isHidden() else ""

    # --- the chosen receipt ---------------------------------------------------

    def current_record(self) -> ReceiptRecord | None:
        index = self.currentIndex()
        record = index.data(RECORD_ROLE) if index.isValid() else None
        return record if isinstance(record, ReceiptRecord) else None

    def select_id(self, receipt_id: str) -> None:
        """Choose a receipt now if it is loaded, else after the next reload (a new sale
        is announced before the list has reloaded it)."""
        row = self._model.row_of(receipt_id)
        if row >= 0:
            self.selectRow(row)
            self.scrollTo(self._model.index(row, 0))
        else:
            self._pending_id = receipt_id

    @Slot()
    def _on_current_changed(self) -> None:
        self.current_changed.emit(self.current_record())

    @Slot()
    def _keep_place(self) -> None:
        record = self.current_record()
        self._kept_id = record.id if record else None
        self._kept_scroll = self.verticalScrollBar().value()

    @Slot()
    def _restore_place(self) -> None:
        wanted, self._pending_id = self._pending_id or self._kept_id, None
        row = self._model.row_of(wanted) if wanted else -1
        if row >= 0:
            self.selectRow(row)
        self.current_changed.emit(self.current_record())
        QTimer.singleShot(0, self, self._restore_scroll)

    @Slot()
    def _restore_scroll(self) -> None:
        self.verticalScrollBar().setValue(self._kept_scroll)
        record = self.current_record()
        if record is not None:
            self.scrollTo(self.currentIndex())
