"""Tenants' turnover typed into a grid: a week of days across, the tenants
renting a stall down, a total per tenant and per day (TurnoverView).

Fast entry, as in a spreadsheet: a number typed into a cell starts editing
it, Enter saves the cell and opens the same day of the next tenant (after the
last tenant, the next day's first), Tab the next day of the same tenant (then
the next tenant's first), Shift+Tab goes back; amounts are typed as at the
desk ("1.250.000", "Rp1.250.000", "1250000";
smesco_desk.domain.money.parse_rupiah), an empty cell clears the day.
Nothing is written until "Simpan": then every typed cell is saved at once, or
none is, and a refusal marks its cells in red with the reason as the
cell's tooltip. A floor filter; the week before and after; the monthly report
as a PDF preview or saved as an XLSX spreadsheet; a closed month's turnover
rent charged ("Tagih sewa omzet", once per lease and month). Only the tenant manager
(and supervisors) may save; others see the grid.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.domain.money import format_rupiah
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.private_files import write_private
from smesco_desk.services.actors import Permission
from smesco_desk.values.turnover import RentState, TurnoverGrid, TurnoverPosting, TurnoverSaved
from ui.context import AppContext
from ui.documents import DocumentPrinterLike, PageDocuments
from ui.errors import error_text
from ui.models.turnover_grid_model import TurnoverGridModel

DAYS = 7
TENANT_WIDTH = 170  # px at least
WATCHED = frozenset({"turnover_entries", "leases", "tenants", "businesses", "stalls"})


class GridTable(QTableView):
    """A table typed into like a spreadsheet: Enter saves the cell and edits
    the same day of the next tenant, Tab the next day of the same tenant,
    skipping the cells that cannot be typed into. The days and the total take
    what their numbers need; the tenant's column the rest (at least
    TENANT_WIDTH: a narrower window scrolls sideways, never cuts a number)."""

    def fit_first_column(self) -> None:
        header = self.horizontalHeader()
        numbers = sum(header.sectionSize(c) for c in range(1, header.count()))
        width = max(TENANT_WIDTH, self.viewport().width() - numbers)
        if header.count() and header.sectionSize(0) != width:
            self.setColumnWidth(0, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit_first_column()

    def updateGeometries(self) -> None:  # noqa: N802 (Qt's name): after sections resize
        super().updateGeometries()
        self.fit_first_column()

    def closeEditor(  # noqa: N802 (Qt's name)
        self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint
    ) -> None:
        if hint != QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # not Enter
            super().closeEditor(editor, hint)
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        below = self.next_editable(forward=True, down=True)
        if below.isValid() and below != self.currentIndex():
            self.setCurrentIndex(below)
            self.scrollTo(below)
            self.edit(below)

    def moveCursor(  # noqa: N802 (Qt's name)
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        forward = action == QAbstractItemView.CursorAction.MoveNext
        if not forward and action != QAbstractItemView.CursorAction.MovePrevious:
            return super().moveCursor(action, modifiers)
        index = self.next_editable(forward=forward, down=False)
        return index if index.isValid() else super().moveCursor(action, modifiers)

    def next_editable(self, *, forward: bool, down: bool) -> QModelIndex:
        """The next cell that can be typed into, as a spreadsheet goes: across
        the days of a tenant then the next tenant's (Tab), or down a day's
        tenants then the next day's first tenant (Enter, `down`). Invalid if the
        grid is empty; the current cell if it is the only one."""
        model = self.model()
        current = self.currentIndex()
        rows, columns = model.rowCount(), model.columnCount()
        if not current.isValid() or not rows or not columns:
            return QModelIndex()
        size = rows * columns
        if down:
            position = current.column() * rows + current.row()
        else:
            position = current.row() * columns + current.column()
        for step in range(1, size):
            nxt = (position + (step if forward else -step)) % size
            row, column = (nxt % rows, nxt // rows) if down else divmod(nxt, columns)
            index = model.index(row, column)
            if model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                return index
        return current


class TurnoverView(QWidget):
    """The turnover grid of a week, with its report buttons."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None,
        printer: DocumentPrinterLike | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._ctx = ctx
        self._documents = PageDocuments(ctx, self, printer)
        self.model = TurnoverGridModel(self)
        self.saved_to: Path | None = None
        self._build()
        self.model.dataChanged.connect(self._on_edited)
        self.model.modelReset.connect(self._on_edited)
        ctx.runner.data_changed.connect(self._on_data_changed)
        self.go_to(self._last_week())

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.previous_button = QToolButton()
        self.previous_button.setText("‹")
        self.previous_button.setToolTip(self.tr("7 hari sebelumnya"))
        self.start_edit = QDateEdit()
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("dd/MM/yyyy")
        self.next_button = QToolButton()
        self.next_button.setText("›")
        self.next_button.setToolTip(self.tr("7 hari berikutnya"))
        self.this_week_button = QPushButton(self.tr("7 hari terakhir"))
        self.floor_box = QComboBox()
        self.floor_box.addItem(self.tr("Semua lantai"), None)
        for floor in (1, 2, 3):
            self.floor_box.addItem(self.tr("Lantai {n}").format(n=floor), floor)
        for widget in (self.previous_button, self.start_edit, self.next_button,
                       self.this_week_button):  # fmt: skip
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Lantai:")))
        bar.addWidget(self.floor_box)
        layout.addLayout(bar)

        self.table = GridTable()
        self.table.setModel(self.model)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(80)
        layout.addWidget(self.table, 1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("turnover_message")
        saving = QHBoxLayout()  # what a save said, and the save buttons beside it
        saving.addWidget(self.message, 1)
        layout.addLayout(saving)

        buttons = QHBoxLayout()
        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("MM/yyyy")
        self.pdf_button = QPushButton(self.tr("Laporan PDF…"))
        self.xlsx_button = QPushButton(self.tr("Simpan XLSX…"))
        self.post_button = QPushButton(self.tr("Tagih sewa omzet"))
        self.post_button.setToolTip(
            self.tr("Setelah bulan selesai: tagih selisih di atas sewa dasar (sekali per bulan).")
        )
        self.discard_button = QPushButton(self.tr("Batalkan perubahan"))
        self.save_button = QPushButton(self.tr("Simpan omzet"))
        self.save_button.setDefault(True)
        buttons.addWidget(QLabel(self.tr("Laporan bulan:")))
        for widget in (self.month_edit, self.pdf_button, self.xlsx_button, self.post_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        saving.addWidget(self.discard_button)
        saving.addWidget(self.save_button)
        layout.addLayout(buttons)
        last_month = self._today().replace(day=1) - timedelta(days=1)
        self.month_edit.setDate(QDate(last_month.year, last_month.month, 1))
        can_save = self._ctx.can(Permission.MANAGE_LEASES)
        for button in (self.save_button, self.discard_button, self.post_button):
            button.setVisible(can_save)
        if not can_save:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.previous_button.clicked.connect(lambda: self.go_to(self.start - timedelta(DAYS)))
        self.next_button.clicked.connect(lambda: self.go_to(self.start + timedelta(DAYS)))
        self.this_week_button.clicked.connect(lambda: self.go_to(self._last_week()))
        self.start_edit.dateChanged.connect(self._on_start_picked)
        self.floor_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.reload)
        self.pdf_button.clicked.connect(self.preview_report)
        self.xlsx_button.clicked.connect(self.save_xlsx)
        self.post_button.clicked.connect(self.post_rent)

    # --- loading ------------------------------------------------------------------------

    def _today(self) -> date:
        return to_wib(self._ctx.core.now()).date()

    def _last_week(self) -> date:
        """The first of the seven days that end today: the days still to be typed."""
        return self._today() - timedelta(days=DAYS - 1)

    @property
    def start(self) -> date:
        return _day(self.start_edit.date())

    def go_to(self, start: date) -> None:
        if self.start == start:
            self.reload()
        else:
            self.start_edit.setDate(QDate(start.year, start.month, start.day))

    @Slot(QDate)
    def _on_start_picked(self, _picked: QDate) -> None:
        self.reload()

    @Slot()
    def reload(self) -> None:
        foodcourt, start, floor = self._ctx.core.foodcourt, self.start, self.floor_box.currentData()
        self._ctx.runner.op(lambda: foodcourt.turnover_grid(start, DAYS, floor), self).success(
            self._loaded
        ).failure(self._failed).run()

    def _loaded(self, grid: TurnoverGrid) -> None:
        self.model.set_grid(grid, self._today())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.fit_first_column()
        nobody = self.tr("Tidak ada tenan yang menyewa stan pada hari-hari ini.")
        if not grid.rows:
            self.message.setText(nobody)
        elif self.message.text() == nobody:  # what was said of a save stays
            self.message.setText("")

    @Slot(frozenset)
    def _on_data_changed(self, changed: frozenset[str]) -> None:
        if changed & WATCHED and not self.model.pending:  # typed cells are never thrown away
            self.reload()

    @Slot()
    def _on_edited(self, *_args: object) -> None:
        typed = len(self.model.pending)
        self.save_button.setEnabled(typed > 0)
        self.discard_button.setEnabled(typed > 0)
        self.save_button.setText(
            self.tr("Simpan omzet ({n})").format(n=typed) if typed else self.tr("Simpan omzet")
        )

    # --- saving -------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.setFocus()  # commits the cell being typed
        cells = self.model.cells()
        if not cells:
            return
        foodcourt, actor = self._ctx.core.foodcourt, self._ctx.require_actor()
        self._ctx.runner.op(lambda: foodcourt.record_turnover(actor, cells), self).with_progress(
            self.tr("Menyimpan omzet…")
        ).success(self._saved).failure(self._refused).run()

    def _saved(self, saved: TurnoverSaved) -> None:
        self.model.pending.clear()
        self.message.setText(
            self.tr("Tersimpan: {w} diisi, {c} dikosongkan.").format(w=saved.written,
                                                                     c=saved.cleared)
        )  # fmt: skip
        self.reload()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            elsewhere = self.model.show_errors(exc.errors)
            text = self.tr(
                "Tidak ada yang disimpan: {n} sel perlu diperbaiki (merah; alasannya di sel)."
            ).format(n=len(exc.errors))
            if elsewhere:
                text += " " + exc.message
            self.message.setText(text)
        else:
            self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))

    def cell_error(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        return self.model.data(index, Qt.ItemDataRole.ToolTipRole)  # type: ignore[no-any-return]

    # --- the report ---------------------------------------------------------------------

    def _month(self) -> date:
        return _day(self.month_edit.date()).replace(day=1)

    @Slot()
    def preview_report(self) -> None:
        foodcourt, month = self._ctx.core.foodcourt, self._month()
        title = self.tr("Laporan omzet tenan {month}").format(month=month.strftime("%m-%Y"))
        self._ctx.runner.op(lambda: foodcourt.turnover_report_pdf(month), self).with_progress(
            self.tr("Menyiapkan laporan…")
        ).success(lambda pdf: self._show_pdf(pdf, title)).failure(self._failed).run()

    def _show_pdf(self, pdf: bytes, title: str) -> None:
        try:
            self._documents.printer().preview(pdf, "office", title, self)
        except DomainError as exc:
            self._failed(exc)

    @Slot()
    def save_xlsx(self) -> None:
        month = self._month()
        suggested = Path.home() / f"omzet-tenan-{month.strftime('%Y-%m')}.xlsx"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan laporan omzet"), str(suggested),
            self.tr("Lembar kerja Excel (*.xlsx)"),
        )  # fmt: skip
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".xlsx") else f"{chosen}.xlsx")
        foodcourt = self._ctx.core.foodcourt

        def write() -> Path:
            write_private(path, foodcourt.turnover_report_xlsx(month))
            return path

        self._ctx.runner.op(write, self).with_progress(self.tr("Menyimpan laporan…")).success(
            self._xlsx_saved
        ).failure(self._failed).run()

    @Slot()
    def post_rent(self) -> None:
        """Charge the month's turnover rent (refused for a month not over)."""
        foodcourt, actor, month = self._ctx.core.foodcourt, self._ctx.require_actor(), self._month()
        self._ctx.runner.op(lambda: foodcourt.post_turnover_rent(actor, month), self).with_progress(
            self.tr("Menagih sewa omzet…")
        ).success(self._posted).failure(self._failed).run()

    def _posted(self, posting: TurnoverPosting) -> None:
        waiting = sum(1 for x in posting.leases if x.state == RentState.WAITING)
        text = self.tr("Sewa omzet {month}: {n} tagihan baru, total ditagih {total}.").format(
            month=posting.month.strftime("%m/%Y"), n=posting.posted_now,
            total=format_rupiah(posting.total),
        )  # fmt: skip
        if waiting:
            text += " " + self.tr("{n} sewa menunggu tagihan sewa dasarnya.").format(n=waiting)
        self.message.setText(text)

    def _xlsx_saved(self, path: Path) -> None:
        self.saved_to = path
        self.message.setText(self.tr("Laporan disimpan ke {path}").format(path=path))


def _day(picked: QDate) -> date:
    return date(picked.year(), picked.month(), picked.day())


__all__ = ["TurnoverView"]
