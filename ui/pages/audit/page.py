"""The audit viewer: who did what, when (supervisors and administrators).

Filters by who (as the log records them: a login name never changes, so a
renamed user's rows stay theirs and show their name today), by kind (one
action, or every action of an area), and by a period of WIB days. The table
reads a page of rows at a time as it scrolls (ui.models.audit_model). The
rows shown can be saved as CSV for Excel (smesco_desk.services.audit).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import wib_today
from smesco_desk.errors import DomainError
from smesco_desk.private_files import write_private
from smesco_desk.services.audit_text import action_label, area_label
from smesco_desk.values.audit import AuditActor, AuditFilter
from ui.context import AppContext
from ui.errors import show_error
from ui.models.audit_model import (
    COL_ACTION,
    COL_ACTOR,
    COL_DETAIL,
    COL_ENTITY,
    AuditTableModel,
)
from ui.record_table import RecordTable

# The periods offered: today, the last 7 or 30 days, every day, or chosen days.
PERIOD_TODAY, PERIOD_WEEK, PERIOD_MONTH, PERIOD_ALL, PERIOD_RANGE = (
    "today", "week", "month", "all", "range")  # fmt: skip


class AuditPage(QWidget):
    """Filters above the log; the count and the export beside them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("audit_page")
        self._filled = False
        title = QLabel(self.tr("Jejak audit"), self)
        title.setObjectName("page_title_label")
        filters = self._build_filters()
        self.model = AuditTableModel(ctx, ctx.require_actor(), self._filter_now(), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(self._build_status())
        layout.addWidget(self._build_table(), 1)
        self.model.total_changed.connect(self._show_total)
        self.model.load_failed.connect(self._show_problem)
        self._show_total(self.model.total())  # (a synchronous first load came before)

    # --- building -------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        self.actor_combo = QComboBox(self)
        self.actor_combo.setObjectName("actor_combo")
        self.actor_combo.addItem(self.tr("Semua pengguna"), "")
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind_combo")
        self.kind_combo.addItem(self.tr("Semua jenis"), "")
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("period_combo")
        for key, text in ((PERIOD_TODAY, self.tr("Hari ini")),
                          (PERIOD_WEEK, self.tr("7 hari terakhir")),
                          (PERIOD_MONTH, self.tr("30 hari terakhir")),
                          (PERIOD_ALL, self.tr("Semua tanggal")),
                          (PERIOD_RANGE, self.tr("Pilih tanggal…"))):  # fmt: skip
            self.period_combo.addItem(text, key)
        self.period_combo.setCurrentIndex(self.period_combo.findData(PERIOD_WEEK))
        today = self._today()
        self.from_edit = self._date_edit("from_edit", today - timedelta(days=6))
        self.to_edit = self._date_edit("to_edit", today)
        for combo, chars in ((self.actor_combo, 16), (self.kind_combo, 12),
                             (self.period_combo, 11)):  # fmt: skip
            # As wide as a usual entry, not the longest one: the row fits 1024 px.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
            combo.currentIndexChanged.connect(self.apply_filter)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.apply_filter)
        row = QHBoxLayout()
        row.setSpacing(8)
        for label, widget in ((self.tr("Pengguna"), self.actor_combo),
                              (self.tr("Jenis"), self.kind_combo),
                              (self.tr("Periode"), self.period_combo)):  # fmt: skip
            row.addWidget(QLabel(label, self))
            row.addWidget(widget)
        self.range_sep = QLabel(self.tr("s.d."), self)
        row.addStretch(1)
        return row

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        return edit

    def _build_status(self) -> QHBoxLayout:
        self.count_label = QLabel(self)
        self.count_label.setObjectName("audit_count_label")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("audit_message_label")
        self.message_label.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Ekspor CSV…"), self)
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self.export_csv)
        row = QHBoxLayout()
        row.setSpacing(8)
        for widget in (self.from_edit, self.range_sep, self.to_edit):  # chosen days
            row.addWidget(widget)
        row.addSpacing(8)
        row.addWidget(self.count_label)
        row.addWidget(self.message_label, 1)
        row.addWidget(self.export_button)
        self._show_range()
        return row

    def _build_table(self) -> RecordTable:
        self.table = RecordTable(self.model, self)
        self.table.setObjectName("audit_table")
        self.table.set_empty_text(self.tr("Tidak ada catatan yang cocok."))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Who and what at a set width (the whole text in the tip, the column can be
        # dragged wider), so the details keep room at 1024 px. The object's table
        # is left out: the kind names it (the export keeps it, and its id).
        for column, width in ((COL_ACTOR, 200), (COL_ACTION, 170)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(COL_ENTITY, True)
        return self.table

    # --- filters --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._filled:
            self._filled = True
            self.load_choices()

    def load_choices(self) -> None:
        """Who and which kinds the log holds, for the filters."""
        audit, actor = self.ctx.core.audit, self.ctx.require_actor()
        self.ctx.runner.op(lambda: (audit.actors(actor), audit.kinds(actor)), self) \
            .success(self._fill_choices).failure(self._failed).run()

    def _fill_choices(self, found: tuple[list[AuditActor], list[str]]) -> None:
        actors, kinds = found
        for combo in (self.actor_combo, self.kind_combo):
            combo.blockSignals(True)
        for who in actors:
            self.actor_combo.addItem(who.label, who.name)
        areas = sorted({k.split(".", 1)[0] for k in kinds if "." in k},
                       key=lambda a: area_label(a).casefold())  # fmt: skip
        for area in areas:  # in words; the codes (as the export has them) in the tips
            self.kind_combo.addItem(self.tr("{area} (semua)").format(area=area_label(area)), area)
            self.kind_combo.setItemData(self.kind_combo.count() - 1, f"{area}.*",
                                        Qt.ItemDataRole.ToolTipRole)  # fmt: skip
            for kind in (k for k in kinds if k.startswith(area + ".")):
                self.kind_combo.addItem("    " + action_label(kind), kind)
                self.kind_combo.setItemData(self.kind_combo.count() - 1, kind,
                                            Qt.ItemDataRole.ToolTipRole)  # fmt: skip
        for combo in (self.actor_combo, self.kind_combo):
            combo.blockSignals(False)
            view = combo.view()  # the list open is as wide as its longest entry
            view.setMinimumWidth(view.sizeHintForColumn(0) + 32)

    def _today(self) -> date:
        return wib_today(self.ctx.core.now())

    def _period(self) -> tuple[date | None, date | None]:
        key = self.period_combo.currentData()
        today = self._today()
        if key == PERIOD_RANGE:
            return self.from_edit.date().toPython(), self.to_edit.date().toPython()  # type: ignore[return-value]
        back = {PERIOD_TODAY: 0, PERIOD_WEEK: 6, PERIOD_MONTH: 29}.get(str(key))
        return (None, None) if back is None else (today - timedelta(days=back), today)

    def _filter_now(self) -> AuditFilter:
        start, end = self._period()
        return AuditFilter(str(self.actor_combo.currentData() or ""),
                           str(self.kind_combo.currentData() or ""), start, end)  # fmt: skip

    def _show_range(self) -> None:
        chosen = self.period_combo.currentData() == PERIOD_RANGE
        for widget in (self.from_edit, self.range_sep, self.to_edit):
            widget.setVisible(chosen)

    @Slot()
    def apply_filter(self) -> None:
        self._show_range()
        self.message_label.clear()
        flt = self._filter_now()
        if flt.date_from and flt.date_to and flt.date_to < flt.date_from:
            self._show_problem(self.tr("Tanggal akhir sebelum tanggal awal."))
            return
        self.model.set_filter(flt)

    @Slot(int)
    def _show_total(self, total: int) -> None:
        self.count_label.setText(self.tr("{n} catatan").format(n=f"{total:,}".replace(",", ".")))

    @Slot(str)
    def _show_problem(self, text: str) -> None:
        self.message_label.setProperty("error", True)
        self.message_label.setText(text)

    # --- export ---------------------------------------------------------------------

    @Slot()
    def export_csv(self) -> None:
        flt = self.model.filter()
        suggested = Path.home() / f"audit-{self._today().isoformat()}.csv"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan jejak audit"), str(suggested),
            self.tr("CSV untuk Excel (*.csv)"))  # fmt: skip
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".csv") else f"{chosen}.csv")
        audit, actor = self.ctx.core.audit, self.ctx.require_actor()

        def write() -> Path:
            write_private(path, audit.export_csv(actor, flt))
            return path

        self.ctx.runner.op(write, self).with_progress(self.tr("Menyimpan…")) \
            .success(self._exported).failure(self._failed).run()

    def _exported(self, path: Path) -> None:
        self.message_label.setProperty("error", False)
        self.message_label.setText(self.tr("Disimpan: {path}").format(path=str(path)))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self._show_problem(exc.message)
        elif isinstance(exc, OSError):
            self._show_problem(self.tr("Tidak dapat menyimpan: {reason}").format(
                reason=exc.strerror or str(exc)))  # fmt: skip
        else:
            show_error(self, exc)
