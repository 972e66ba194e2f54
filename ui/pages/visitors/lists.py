"""The visit lists: in the building now, today's log, and searchable history."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.text import isolate
from smesco_desk.errors import DomainError
from smesco_desk.services.actors import Permission
from smesco_desk.values.visitors import CheckOutResult, VisitFilter, VisitRecord, VisitScope
from ui.context import AppContext
from ui.errors import error_text, show_error
from ui.models.visits_model import (
    COL_OUT,
    COL_PURPOSE,
    COUNT_UP_TO,
    RECORD_ROLE,
    VisitsTableModel,
)
from ui.pages.visitors.badges import VisitorDocuments
from ui.pages.visitors.details import VisitDetailsDialog
from ui.pages.visitors.visit_table import VisitTable
from ui.widgets import FittingButton, FittingToolButton, StatusBanner

SEARCH_DEBOUNCE_MS = 300
IN_BUILDING_TAB, TODAY_TAB, HISTORY_TAB = range(3)


class VisitLists(QWidget):
    """Three tabs of visits with their actions. Emits `visitor_checked_out`."""

    visitor_checked_out = Signal(object)  # VisitRecord
    in_building_count_changed = Signal(int)

    def __init__(
        self, ctx: AppContext, documents: VisitorDocuments, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._documents = documents
        self.in_building_model = VisitsTableModel(ctx, VisitFilter(VisitScope.IN_BUILDING), self)
        self.today_model = VisitsTableModel(ctx, VisitFilter(VisitScope.TODAY), self)
        # History can be large: it loads when its tab is first shown, and refreshes
        # only while shown (the other two show their counts in the tab titles).
        self.history_model = VisitsTableModel(
            ctx, VisitFilter(VisitScope.HISTORY), self, live=False
        )
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("visit_tabs")
        self.tabs.setDocumentMode(False)
        self.tabs.addTab(self._build_in_building(), "")
        self.today_table = self._table(self.today_model, "today_table")
        self.today_table.set_empty_text(self.tr("Belum ada kunjungan hari ini."))
        self.tabs.addTab(self.today_table, "")
        self.tabs.addTab(self._build_history(), self.tr("Riwayat"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.banner = StatusBanner(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        for model in (self.in_building_model, self.today_model, self.history_model):
            model.total_changed.connect(self._on_total_changed)
            model.load_failed.connect(self._on_load_failed)
        self._on_total_changed()

    # --- building -------------------------------------------------------------

    def _table(
        self,
        model: VisitsTableModel,
        name: str,
        long_times: bool = False,
        hidden: tuple[int, ...] = (),
    ) -> VisitTable:
        table = VisitTable(
            model, name, self, long_times=long_times, hidden=hidden, settings=self._ctx.settings
        )
        table.doubleClicked.connect(self._on_double_clicked)
        table.customContextMenuRequested.connect(self._on_context_menu)
        return table

    def _build_in_building(self) -> QWidget:
        page = QWidget(self)
        self.in_building_table = self._table(
            self.in_building_model, "in_building_table", hidden=(COL_OUT,)
        )  # nobody here has left
        self.in_building_table.set_empty_text(self.tr("Tidak ada tamu di gedung."))
        self.in_building_table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.checkout_button = QPushButton(self.tr("Check-out"), page)
        self.checkout_button.setObjectName("list_checkout_button")
        self.checkout_button.setToolTip(self.tr("Check-out tamu terpilih (Ctrl+O)"))
        self.checkout_button.clicked.connect(self.check_out_selected)
        self.checkout_button.setVisible(self._ctx.can(Permission.CHECK_OUT))
        self.reprint_button = FittingButton(
            self.tr("Cetak ulang badge"), self.tr("Cetak ulang"), page
        )
        self.reprint_button.setObjectName("reprint_button")
        self.reprint_button.setToolTip(self.tr("Cetak ulang badge tamu terpilih (Ctrl+P)"))
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.reprint_button.setVisible(self._ctx.can(Permission.REGISTER_VISITOR))
        self.in_building_filter = QLineEdit(page)
        self.in_building_filter.setObjectName("in_building_filter_edit")
        self.in_building_filter.setPlaceholderText(self.tr("Saring: nama, telepon, badge"))
        self.in_building_filter.setToolTip(
            self.tr(
                "Awal kata nama, 4 angka telepon atau lebih, atau nomor badge (017). Ctrl+F"
            )
        )
        self.in_building_filter.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._filter_timer.timeout.connect(self.filter_in_building)
        self.in_building_filter.textChanged.connect(self._filter_timer.start)
        row = QHBoxLayout()
        row.addWidget(self.checkout_button)
        row.addWidget(self.reprint_button)
        row.addStretch(1)
        row.addWidget(self._build_muster_button(page))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        # A row of its own: beside the buttons it would widen a 1024 px window.
        layout.addWidget(self.in_building_filter)
        layout.addWidget(self.in_building_table, 1)
        # Tab as the eye reads: the buttons, the filter, then the table (made first).
        chain = (self.checkout_button, self.reprint_button, self.muster_button,
                 self.in_building_filter, self.in_building_table)  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._update_actions()
        return page

    def _build_muster_button(self, parent: QWidget) -> QToolButton:
        button = FittingToolButton(
            self.tr("Cetak daftar evakuasi (muster)"), self.tr("Daftar evakuasi"), parent
        )
        button.setObjectName("muster_button")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(self.print_muster)
        menu = QMenu(button)
        for name, text, slot in (
            ("muster_preview_action", self.tr("Pratinjau…"), self.preview_muster),
            ("muster_save_action", self.tr("Simpan PDF…"), self.save_muster),
        ):
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(slot)
        button.setMenu(menu)
        button.setVisible(self._ctx.can(Permission.PRINT_MUSTER))
        self.muster_button = button
        return button

    def _build_history(self) -> QWidget:
        page = QWidget(self)
        self.search_edit = QLineEdit(page)
        self.search_edit.setObjectName("history_search_edit")
        self.search_edit.setPlaceholderText(
            self.tr("Cari awal kata nama, organisasi, tuan rumah; 4+ angka telepon; nomor badge")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_edited)
        self.history_count_label = QLabel(page)
        self.history_count_label.setObjectName("history_count_label")
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.search_history)
        # Dates make this table wider; the purpose is in the details and the header menu.
        self.history_table = self._table(
            self.history_model, "history_table", long_times=True, hidden=(COL_PURPOSE,)
        )
        self.history_model.loading_changed.connect(self._update_history_count)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.history_count_label)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.history_table, 1)
        return page

    # --- counts ---------------------------------------------------------------

    @Slot()
    def _on_total_changed(self) -> None:
        count = self.in_building_model.total()
        filtered = bool(self.in_building_model.filter().text)  # how many match, not who is in
        title = self.tr("Di gedung: {n} cocok") if filtered else None
        self.tabs.setTabText(
            IN_BUILDING_TAB, (title or self.tr("Di gedung sekarang ({n})")).format(n=count)
        )
        self.tabs.setTabText(
            TODAY_TAB, self.tr("Log hari ini ({n})").format(n=self.today_model.total())
        )
        self._update_history_count()
        if self.sender() is self.in_building_model and not filtered:
            self.in_building_count_changed.emit(count)

    @Slot()
    def _update_history_count(self) -> None:
        """The count of matching visits; "searching" while a new search has no rows yet."""
        model = self.history_model
        if model.is_loading() and model.rowCount() == 0:
            self.history_count_label.setText(self.tr("Mencari…"))
        elif model.count_is_partial():
            self.history_count_label.setText(
                self.tr("lebih dari {n} kunjungan").format(n=COUNT_UP_TO)
            )
        else:
            self.history_count_label.setText(self.tr("{n} kunjungan").format(n=model.total()))
        self.history_table.set_empty_text(
            self.tr("Tidak ada kunjungan yang cocok dengan “{text}”.").format(
                text=isolate(model.filter().text)
            )
            if model.filter().text
            else self.tr("Belum ada kunjungan.")
        )

    @Slot(str)
    def _on_load_failed(self, message: str) -> None:
        self.banner.show_message("error", message)

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        self.history_model.set_live(index == HISTORY_TAB)

    # --- by keyboard ----------------------------------------------------------

    @Slot()
    def focus_filter(self) -> None:
        """Ctrl+F: the in-building list shown, the keyboard in its filter."""
        self.tabs.setCurrentIndex(IN_BUILDING_TAB)
        self.in_building_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.in_building_filter.selectAll()

    def show_in_building(self) -> VisitRecord | None:
        """The in-building list shown; its chosen visitor, or None with the keyboard
        put in the list (which chooses the first row) for the person to pick."""
        self.tabs.setCurrentIndex(IN_BUILDING_TAB)
        record = self.in_building_table.current_record()
        if record is None:
            self.in_building_table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return record if isinstance(record, VisitRecord) else None

    # --- searches -------------------------------------------------------------

    @Slot()
    def filter_in_building(self) -> None:
        """Show only the people inside whom the filter box finds (in SQL)."""
        text = self.in_building_filter.text().strip()
        if text == self.in_building_model.filter().text:
            return
        self.in_building_model.set_filter(VisitFilter(VisitScope.IN_BUILDING, text))
        self.in_building_table.set_empty_text(
            self.tr("Tidak ada tamu di gedung yang cocok dengan “{text}”.").format(text=text)
            if text
            else self.tr("Tidak ada tamu di gedung.")
        )

    @Slot()
    def _on_search_edited(self) -> None:
        self._search_timer.start()

    @Slot()
    def search_history(self) -> None:
        text = self.search_edit.text().strip()
        if text != self.history_model.filter().text:
            self.history_model.set_filter(VisitFilter(VisitScope.HISTORY, text))

    # --- actions --------------------------------------------------------------

    @Slot()
    def _update_actions(self) -> None:
        record = self.in_building_table.current_record()
        here = record is not None and record.in_building
        self.checkout_button.setEnabled(here)
        self.reprint_button.setEnabled(here)

    @Slot()
    def check_out_selected(self) -> None:
        record = self.in_building_table.current_record()
        if record is not None:
            self.check_out(record)

    def check_out(self, record: VisitRecord) -> None:
        """Check a visitor out from the list, after asking (method "list")."""
        if not record.in_building:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Check-out"),
            self.tr("Catat {name} ({badge}) keluar sekarang?").format(
                name=isolate(record.name), badge=record.badge_number
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        visitors, actor = self._ctx.core.visitors, self._ctx.require_actor()
        self._ctx.runner.op(lambda: visitors.check_out(actor, record.id, "list"), self).success(
            self._on_checked_out
        ).failure(self._on_failed).run()

    def _on_checked_out(self, result: CheckOutResult) -> None:
        name = isolate(result.visit.name)
        self.banner.show_message("success", self.tr("{name} keluar").format(name=name))
        self.visitor_checked_out.emit(result.visit)

    @Slot()
    def reprint_selected(self) -> None:
        record = self.in_building_table.current_record()
        if record is not None:
            self.reprint(record)

    def reprint(self, record: VisitRecord) -> None:
        """Print the badge again, marked as a copy (SALINAN)."""
        self.banner.show_message(
            "info", self.tr("Mencetak ulang badge {badge}…").format(badge=record.badge_number)
        )
        self._documents.print_badge(
            record,
            True,
            lambda _printed: self.banner.show_message(
                "success",
                self.tr("Badge {badge} dicetak ulang (SALINAN).").format(badge=record.badge_number),
            ),
            self._on_failed,
        )

    @Slot()
    def print_muster(self) -> None:
        self._muster("print")

    @Slot()
    def preview_muster(self) -> None:
        self._muster("preview")

    @Slot()
    def save_muster(self) -> None:
        self._muster("save")

    def _muster(self, mode: str) -> None:
        self.banner.show_message("info", self.tr("Menyiapkan daftar evakuasi…"))
        self._documents.muster(mode, self._muster_done, self._on_failed)

    def _muster_done(self, printed: bool) -> None:
        if printed:
            self.banner.show_message(
                "success",
                self.tr("Daftar evakuasi dicetak ke {printer}.").format(
                    printer=self._documents.printer_name("office")
                ),
            )
        else:
            self.banner.clear()

    def _on_failed(self, exc: BaseException) -> None:
        self.banner.show_message("error", error_text(exc))
        if not isinstance(exc, DomainError):
            show_error(self, exc)  # a bug: the details go with it

    # --- rows -----------------------------------------------------------------

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if isinstance(record, VisitRecord):
            self.show_details(record)

    def show_details(self, record: VisitRecord) -> None:
        dialog = VisitDetailsDialog(record, self)
        dialog.exec()
        dialog.deleteLater()

    @Slot(QPoint)
    def _on_context_menu(self, pos: QPoint) -> None:
        table = self.sender()
        if not isinstance(table, VisitTable):
            return
        index = table.indexAt(pos)
        if not index.isValid():
            return
        table.selectRow(index.row())
        record = table.current_record()
        if record is not None:
            self._row_menu(record).exec(table.viewport().mapToGlobal(pos))

    def _row_menu(self, record: VisitRecord) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("visit_menu")
        menu.addAction(self.tr("Rincian…"), lambda: self.show_details(record))
        if record.in_building and self._ctx.can(Permission.CHECK_OUT):
            menu.addAction(self.tr("Check-out"), lambda: self.check_out(record))
        if record.in_building and self._ctx.can(Permission.REGISTER_VISITOR):
            menu.addAction(self.tr("Cetak ulang badge"), lambda: self.reprint(record))
        return menu
