"""The month's meter readings of the food court, typed fast: a grid of stalls
(rows) with the last power and water readings, the month's, and what they
consumed. Typing a number in a "bulan ini" cell and pressing Enter moves down
the column, so a floor's meters are typed in one pass; "Simpan" records the
whole grid at once (core: services.foodcourt.meters, all or nothing) and a
refusal marks its row. A reading that goes backwards or jumps is coloured as
it is typed, with the reason in its tooltip and the banner, and listed in a
question before it is kept. "Tagih bulan ini" bills the month's power,
water and service charge (services.foodcourt.utilities).

The food-court page adds this widget as one of its tabs (MeterReadingsView(ctx)).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.meters import METER_LABELS, Anomaly, MeterKind
from smesco_desk.domain.money import format_rupiah
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Permission
from smesco_desk.services.foodcourt import ReadingNeedsConfirmation
from smesco_desk.values.meters import GridRow, ReadingRecord, UtilityBilling, UtilityTariffs
from ui.context import AppContext
from ui.errors import error_text
from ui.models.meter_grid_model import EDITABLE, WATER_LAST, MeterGridModel
from ui.pages.foodcourt.meter_replace_dialog import MeterReplaceDialog
from ui.widgets import ElidedLabel, StatusBanner

# data_changed names that change what the grid shows.
GRID_TABLES = frozenset({"meter_readings", "tenant_charges", "leases", "stalls"})


class EntryTable(QTableView):
    """A table typed into like a sheet: a key starts editing the cell, Enter
    keeps what was typed and moves down to the next editable cell of the column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)

    def closeEditor(  # noqa: N802 - Qt override
        self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint
    ) -> None:
        moving = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if moving else hint)
        if moving:
            self.move_down()

    def move_down(self) -> None:
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return
        for row in range(current.row() + 1, model.rowCount()):
            below = model.index(row, current.column())
            if model.flags(below) & Qt.ItemFlag.ItemIsEditable:
                self.setCurrentIndex(below)
                self.scrollTo(below)
                return


class MeterReadingsView(QWidget):
    """The month's readings of one floor (or all), typed and billed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meter_readings_view")
        self._ctx = ctx
        self.model = MeterGridModel(self)
        self.month_edit = QDateEdit(self)
        self.month_edit.setObjectName("meter_month_edit")
        self.month_edit.setDisplayFormat("MM/yyyy")
        today = ctx.core.now().date()
        self.month_edit.setDate(QDate(today.year, today.month, 1))
        self.floor_box = QComboBox(self)
        self.floor_box.setObjectName("meter_floor_box")
        self.floor_box.addItem(self.tr("Semua lantai"), None)
        for floor in (1, 2, 3):
            self.floor_box.addItem(self.tr("Lantai {n}").format(n=floor), floor)
        self.banner = StatusBanner(self)
        self.table = EntryTable(self)
        self.table.setObjectName("meter_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(84)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tariff_label = QLabel(self)
        self.tariff_label.setObjectName("meter_tariff_label")
        self.tariff_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Simpan angka meter"), self)
        self.save_button.setObjectName("meter_save_button")
        self.replace_button = QPushButton(self.tr("Meter diganti…"), self)
        self.replace_button.setObjectName("meter_replace_button")
        self.replace_button.setToolTip(
            self.tr("Catat meter baru untuk stan dan kolom (listrik atau air) yang dipilih.")
        )
        self.bill_button = QPushButton(self.tr("Tagih bulan ini"), self)
        self.bill_button.setObjectName("meter_bill_button")
        self._lay_out()
        self.month_edit.dateChanged.connect(self._choose)
        self.floor_box.currentIndexChanged.connect(self._choose)
        self.save_button.clicked.connect(self.save)
        self.bill_button.clicked.connect(self.bill)
        self.replace_button.clicked.connect(self.replace_meter)
        self.model.dataChanged.connect(self._update_buttons)
        self.model.dataChanged.connect(self._flag_oddity)
        self.model.modelReset.connect(self._update_buttons)
        ctx.runner.data_changed.connect(self._on_data_changed)
        may = ctx.can(Permission.MANAGE_LEASES)
        self.table.setEditTriggers(
            self.table.editTriggers() if may else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.bill_button.setVisible(may)
        self.save_button.setVisible(may)
        self.replace_button.setVisible(may)
        self.reload()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bulan"), self))
        top.addWidget(self.month_edit)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Lantai"), self))
        top.addWidget(self.floor_box)
        top.addStretch(1)
        hint = ElidedLabel(
            self.tr("Ketik angka meter lalu Enter: kursor turun ke stan berikutnya."), self
        )
        hint.setObjectName("meter_hint_label")
        hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(hint)
        bottom = QHBoxLayout()
        bottom.addWidget(self.tariff_label, 1)
        bottom.addWidget(self.replace_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.bill_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # --- reading ------------------------------------------------------------------------

    def month(self) -> date:
        picked = self.month_edit.date()
        return date(picked.year(), picked.month(), 1)

    def floor(self) -> int | None:
        value = self.floor_box.currentData()
        return value if isinstance(value, int) else None

    @Slot()
    def _choose(self) -> None:
        """Another month or floor: what was typed and not saved is dropped."""
        self.banner.clear()
        self.reload()

    @Slot()
    def reload(self) -> None:
        foodcourt = self._ctx.core.foodcourt
        month, floor = self.month(), self.floor()
        self._ctx.runner.op(
            lambda: (foodcourt.readings_grid(month, floor), foodcourt.utility_tariffs()), self
        ).success(self._show).failure(self._refused).run()

    def _show(self, result: tuple[list[GridRow], UtilityTariffs]) -> None:
        rows, tariffs = result
        self.model.set_rows(rows)
        self.tariff_label.setText(self._tariff_text(tariffs))
        if rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, next(iter(EDITABLE))))

    def _tariff_text(self, tariffs: UtilityTariffs) -> str:
        def blocks(pairs: tuple[tuple[int | None, int], ...], unit: str) -> str:
            parts = []
            below = 0
            for up_to, rate in pairs:
                price = f"{format_rupiah(rate)}/{unit}"
                if up_to is None:
                    rest = self.tr("selebihnya {price}") if below else "{price}"
                    parts.append(rest.format(price=price))
                else:
                    parts.append(f"{below}–{up_to} {unit} {price}")
                    below = up_to
            return ", ".join(parts)

        return self.tr("Tarif listrik: {power}. Air: {water}. Biaya layanan: {m2}/m².").format(
            power=blocks(tariffs.power, "kWh"),
            water=blocks(tariffs.water, "m³"),
            m2=format_rupiah(tariffs.service_per_m2),
        )

    @Slot(object)
    def _on_data_changed(self, changed: frozenset[str]) -> None:
        if changed & GRID_TABLES and not self.model.has_pending():
            self.reload()

    def _flag_oddity(self, first: QModelIndex, last: QModelIndex, *_roles: object) -> None:
        """A reading just typed (one row changed) that goes backwards or jumps:
        say why at once."""
        row = first.row()
        if row != last.row():
            return
        reasons = [
            f"{_(METER_LABELS[kind])}: {self.model.oddity_text(row, column)}"
            for column, kind in EDITABLE.items()
            if self.model.oddity(row, column) is not None
        ]
        if reasons:
            stall = self.model.grid_row(row).stall_code
            self.banner.show_message("info", self.tr(
                "{stall}: {reasons}. Periksa lagi; ditanyakan saat disimpan.").format(
                stall=stall, reasons="; ".join(reasons)))  # fmt: skip

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.model.has_pending())

    # --- saving -------------------------------------------------------------------------

    @Slot()
    def save(self, confirm: bool = False) -> None:
        rows = self.model.pending()
        if not rows:
            self.banner.show_message("info", self.tr("Belum ada angka meter yang diketik."))
            return
        actor, month = self._ctx.require_actor(), self.month()
        foodcourt = self._ctx.core.foodcourt
        self._ctx.runner.op(
            lambda: foodcourt.record_readings(actor, month, rows, confirm=confirm), self
        ).with_progress(self.tr("Menyimpan…")).success(self._saved).failure(
            self._save_refused
        ).run()

    def _saved(self, made: list[ReadingRecord]) -> None:
        self.banner.show_message(
            "success", self.tr("{n} angka meter disimpan.").format(n=len(made))
        )
        self.reload()

    def _save_refused(self, exc: BaseException) -> None:
        if isinstance(exc, ReadingNeedsConfirmation):
            if self.confirm_anomalies(exc):
                self.save(confirm=True)
            return
        if isinstance(exc, ValidationError):
            self.model.set_errors(exc.errors)
            lines = [f"{code}: {message}" for code, message in self.model.errors().items()]
            text = "\n".join(lines) or error_text(exc)
            self.banner.show_message(
                "error", text, headline=self.tr("Tidak ada yang disimpan. Perbaiki baris ini:")
            )
            return
        self._refused(exc)

    def confirm_anomalies(self, exc: ReadingNeedsConfirmation) -> bool:
        """Ask whether the readings that go backwards or jump are right."""
        why = {
            Anomaly.BACKWARDS.value: self.tr("lebih kecil dari bulan lalu"),
            Anomaly.JUMP.value: self.tr("lebih dari sepuluh kali pemakaian biasanya"),
        }
        lines = [
            f"• {code} {_(METER_LABELS[MeterKind(kind)])}: {why.get(reason, reason)}"
            for code, kind, reason in exc.rows
        ]
        text = self.tr(
            "Angka meter ini tidak biasa:\n{rows}\n\nSudah diperiksa dan benar? "
            "(Meter yang diganti: jawab Tidak, lalu pakai \"Meter diganti…\".)"
        ).format(rows="\n".join(lines))
        answer = QMessageBox.question(
            self,
            self.tr("Periksa angka meter"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def replace_meter(self) -> None:
        """Record a replaced meter of the chosen stall (the chosen column's meter)."""
        index = self.table.currentIndex()
        if not index.isValid():
            self.banner.show_message("info", self.tr("Pilih dulu stannya di tabel."))
            return
        kind = MeterKind.WATER if index.column() >= WATER_LAST else MeterKind.POWER
        stall = self.model.grid_row(index.row()).stall_code
        dialog = MeterReplaceDialog(self._ctx, stall, kind, self.month(), self)
        if dialog.exec() == MeterReplaceDialog.DialogCode.Accepted:
            self.banner.show_message(
                "success", self.tr("Meter baru {stall} dicatat.").format(stall=stall)
            )
            self.reload()
        dialog.deleteLater()

    # --- billing ------------------------------------------------------------------------

    @Slot()
    def bill(self) -> None:
        month = self.month()
        answer = QMessageBox.question(
            self,
            self.tr("Tagih bulan ini"),
            self.tr(
                "Tagihkan listrik, air dan biaya layanan bulan {month} ke setiap tenan? "
                "Tagihan yang sudah dibuat tidak dibuat lagi."
            ).format(month=month.strftime("%m/%Y")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor, foodcourt = self._ctx.require_actor(), self._ctx.core.foodcourt
        self._ctx.runner.op(lambda: foodcourt.bill_utilities(actor, month), self).with_progress(
            self.tr("Menagih…")
        ).success(self._billed).failure(self._refused).run()

    def _billed(self, billed: UtilityBilling) -> None:
        text = self.tr("{n} tagihan dibuat, jumlah {total}.").format(
            n=len(billed.posted), total=format_rupiah(billed.total)
        )
        if billed.skipped:
            skipped = ", ".join(f"{code} ({why})" for code, why in billed.skipped)
            text += " " + self.tr("Belum ditagih: {stalls}.").format(stalls=skipped)
        self.banner.show_message("success" if billed.posted else "info", text)
        self.reload()

    def _refused(self, exc: BaseException) -> None:
        self.banner.show_message("error", error_text(exc))


__all__ = ["EntryTable", "MeterReadingsView"]
