"""The Conflicts page: sync conflicts a supervisor or an administrator looks at.

A concurrent edit was settled by the rule and only needs a look; a row the
server refused needs a decision. The details show both versions field by
field (changed fields marked). "Pertahankan versi server" keeps what the
server holds now; "Pulihkan versi …" makes the version that lost the current
one again, as a new change of this desk. A booking another desk won the slot
of is moved to a free slot or cancelled instead (booking_moves). The decision
goes to every desk with the next sync.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.errors import DomainError
from smesco_desk.sync import (
    BOOKING_OVERLAP,
    DOUBLE_PAYMENT,
    LEASE_OVERLAP,
    ConflictChoice,
    ConflictInfo,
)
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldError
from ui.models.conflicts_model import (
    COL_REASON,
    CONFLICT_ROLE,
    ConflictFieldsModel,
    ConflictsTableModel,
    format_moment,
)
from ui.pages.conflicts import can_resolve
from ui.pages.conflicts.booking_moves import BookingMovesPanel
from ui.pages.conflicts.lease_moves import LeaseMovesPanel

STYLE = """
QLabel#conflict_summary_label {
    background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px; padding: 8px 10px;
}
QLabel#resolve_error_label { color: #b42318; }
QLabel#resolve_result_label { color: #1e7a46; }
"""


class ConflictsPage(QWidget):
    """The inbox (open conflicts, or all of them) above the details of the selected one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("conflicts_page")
        self.setStyleSheet(STYLE)
        self._desk_code = ""
        self._shown_once = False
        self._selected_id = ""
        self.model = ConflictsTableModel(ctx, self, load=False)
        self.fields_model = ConflictFieldsModel(self)
        title = QLabel(self.tr("Konflik sinkronisasi"), self)
        title.setObjectName("page_title_label")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("conflicts_splitter")
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_details())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
        self.model.loaded.connect(self._on_loaded)
        self.model.load_failed.connect(self.count_label.setText)
        core = ctx.core
        ctx.runner.op(lambda: core.desk_code, self).success(self._set_desk_code).run()
        self.model.reload()
        self._show_conflict(self.current_conflict())

    # --- building -----------------------------------------------------------------

    def _build_list(self) -> QWidget:
        box = QWidget(self)
        self.count_label = QLabel(box)
        self.count_label.setObjectName("conflicts_count_label")
        self.show_resolved_check = QCheckBox(self.tr("Tampilkan yang sudah selesai"), box)
        self.show_resolved_check.setObjectName("show_resolved_check")
        self.show_resolved_check.toggled.connect(self._on_show_resolved)
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.show_resolved_check)
        self.table = QTableView(box)
        self.table.setObjectName("conflicts_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        return box

    def _build_details(self) -> QWidget:
        box = QFrame(self)
        box.setObjectName("conflict_details")
        self.summary_label = QLabel(box)
        self.summary_label.setObjectName("conflict_summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.fields_table = QTableView(box)
        self.fields_table.setObjectName("conflict_fields_table")
        self.fields_table.setModel(self.fields_model)
        self.fields_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.fields_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields_table.verticalHeader().hide()
        fields_header = self.fields_table.horizontalHeader()
        fields_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        fields_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.fields_table, 1)
        layout.addLayout(self._build_actions(box))
        self.moves_panel = BookingMovesPanel(self.ctx, box)
        self.moves_panel.resolved.connect(self._booking_resolved)
        self.note_edit.textChanged.connect(lambda text: setattr(self.moves_panel, "note", text))
        layout.addWidget(self.moves_panel)
        self.lease_panel = LeaseMovesPanel(self.ctx, box)
        self.lease_panel.resolved.connect(self._booking_resolved)
        self.note_edit.textChanged.connect(lambda text: setattr(self.lease_panel, "note", text))
        layout.addWidget(self.lease_panel)
        self.error_label = FieldError(box)  # (takes no room while empty)
        self.error_label.setObjectName("resolve_error_label")
        self.result_label = FieldError(box)
        self.result_label.setObjectName("resolve_result_label")
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        return box

    def _build_actions(self, parent: QWidget) -> QHBoxLayout:
        self.note_edit = QLineEdit(parent)
        self.note_edit.setObjectName("resolve_note_edit")
        self.note_edit.setPlaceholderText(self.tr("Catatan keputusan (mis. alasannya)"))
        self.keep_button = QPushButton(self.tr("Pertahankan versi server"), parent)
        self.keep_button.setObjectName("keep_button")
        self.keep_button.setToolTip(self.tr(
            "Versi yang sekarang berlaku di server tetap dipakai di semua desk."))
        self.keep_button.clicked.connect(self.keep)
        self.restore_button = QPushButton(self.tr("Pulihkan versi desk ini"), parent)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setToolTip(self.tr(
            "Versi yang kalah dipakai lagi, sebagai perubahan baru dari desk ini."))
        self.restore_button.clicked.connect(self.restore)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Catatan"), parent))
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.keep_button)
        row.addWidget(self.restore_button)
        return row

    # --- showing -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._shown_once:  # conflicts arrive with pulls; cheap to read again
            self.model.reload()
        self._shown_once = True
        super().showEvent(event)
        self.table.setFocus()  # arrow keys walk the list at once

    @Slot(str)
    def _set_desk_code(self, code: str) -> None:
        self._desk_code = code
        self._show_conflict(self.current_conflict())

    @Slot(int)
    def _on_loaded(self, count: int) -> None:
        if self.model.open_only():
            self.count_label.setText(self.tr("%n konflik belum selesai", "", count) if count
                                     else self.tr("Tidak ada konflik yang perlu ditangani."))
        else:
            self.count_label.setText(self.tr("%n konflik", "", count))
        if count:  # the same conflict stays selected when the list is read again
            self.table.selectRow(max(0, self.model.row_of(self._selected_id)))
        else:
            self._show_conflict(None)

    @Slot(bool)
    def _on_show_resolved(self, checked: bool) -> None:
        self.model.set_open_only(not checked)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, _selected: QItemSelection,
                              _deselected: QItemSelection) -> None:
        self.error_label.show_message("")
        conflict = self.current_conflict()
        self._selected_id = conflict.id if conflict is not None else ""
        self._show_conflict(conflict)

    def current_conflict(self) -> ConflictInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(CONFLICT_ROLE)
        return value if isinstance(value, ConflictInfo) else None

    def _show_conflict(self, c: ConflictInfo | None) -> None:
        self.fields_model.set_conflict(c)
        self.summary_label.setText(self._summary(c))
        # A charge paid twice is settled by its refund (a void), not by a choice here.
        unresolved = (c is not None and c.status != "resolved" and can_resolve(self.ctx)
                      and c.kind != DOUBLE_PAYMENT)
        # A booking in conflict is moved or cancelled (the panel), not kept or restored.
        booking = c is not None and c.kind in (BOOKING_OVERLAP, LEASE_OVERLAP)
        self.keep_button.setVisible(not booking)
        self.restore_button.setVisible(not booking)
        self.moves_panel.set_conflict(c if unresolved else None)
        self.lease_panel.set_conflict(c if c is not None and c.status != "resolved" else None)
        self.keep_button.setEnabled(unresolved)
        self.note_edit.setEnabled(unresolved)
        self.restore_button.setText(self._restore_text(c))
        self.restore_button.setEnabled(unresolved and c is not None and _losing(c) is not None)

    def _restore_text(self, c: ConflictInfo | None) -> str:
        if c is not None and c.winner == "local":
            return self.tr("Pulihkan versi server sebelumnya")
        if c is None or c.desk_code == self._desk_code:
            return self.tr("Pulihkan versi desk ini")
        return self.tr("Pulihkan versi desk {desk}").format(desk=c.desk_code)

    def _summary(self, c: ConflictInfo | None) -> str:
        if c is None:
            return self.tr("Pilih konflik di daftar untuk melihat kedua versinya.")
        m = self.model
        lines = [
            f"<b>{m.kind_text(c.kind)}</b> · {m.entity_text(c.entity)} · "
            + self.tr("desk {desk} · {time}").format(desk=c.desk_code,
                                                     time=format_moment(c.created_at)),
            self._explanation(c),
        ]
        if c.kind in (DOUBLE_PAYMENT, BOOKING_OVERLAP, LEASE_OVERLAP):
            lines.append(_html(c.message()))
        elif c.reason:
            lines.append(self.tr("Alasan server: {reason}").format(reason=_html(c.reason)))
        if c.status == "resolved":
            lines.append(self.tr("{status}, {time}. Catatan: {note}").format(
                status=m.status_text(c),
                time=format_moment(c.resolved_at) if c.resolved_at else "-",
                note=_html(c.resolution_note) or "-"))
        return "<br>".join(lines)

    def _explanation(self, c: ConflictInfo) -> str:
        if c.kind == DOUBLE_PAYMENT:
            return self.tr("Satu tagihan dibayar di dua desk saat offline. Kedua kuitansi tetap "
                           "tercatat; konflik ini selesai setelah kuitansi kedua dibatalkan "
                           "(pengembalian uang) dan pembatalan itu tersinkron.")
        if c.kind == BOOKING_OVERLAP:
            return self.tr("Dua desk memesan ruang yang sama saat offline; pemesanan dari "
                           "desk {desk} sampai di server kemudian.").format(desk=c.desk_code)
        if c.kind == LEASE_OVERLAP:
            return self.tr("Dua desk menyewakan stan yang sama untuk hari yang bertumpuk saat "
                           "offline; sewa dari desk {desk} sampai di server kemudian. "
                           "Pindahkan sewa itu ke stan atau tanggal lain, atau batalkan."
                           ).format(desk=c.desk_code)
        if c.kind == "rejected":
            return self.tr("Server menolak perubahan dari desk {desk}; perubahan itu belum "
                           "berlaku di desk lain. Putuskan versi mana yang dipakai.").format(
                desk=c.desk_code)
        if c.winner == "local":
            return self.tr("Dua desk mengubah data yang sama. Berlaku versi dari desk {desk}; "
                           "versi sebelumnya di server tersimpan di sini.").format(
                desk=c.desk_code)
        return self.tr("Dua desk mengubah data yang sama. Versi yang sudah ada di server tetap "
                       "berlaku; versi dari desk {desk} tersimpan di sini.").format(
            desk=c.desk_code)

    # --- resolving -------------------------------------------------------------------------

    @Slot()
    def keep(self) -> None:
        self.resolve(ConflictChoice.KEEP)

    @Slot()
    def restore(self) -> None:
        self.resolve(ConflictChoice.RESTORE)

    def resolve(self, choice: ConflictChoice) -> None:
        conflict = self.current_conflict()
        if conflict is None:
            return
        actor, note, sync = self.ctx.require_actor(), self.note_edit.text(), self.ctx.core.sync
        self.error_label.show_message("")
        self.result_label.show_message("")
        self.keep_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        (self.ctx.runner.op(lambda: sync.resolve_conflict(actor, conflict.id, choice, note), self)
         .success(self._resolved).failure(self._resolve_failed)
         .with_progress(self.tr("Menyimpan keputusan…")).run())

    def _booking_resolved(self, text: str) -> None:
        self.note_edit.clear()
        self.result_label.show_message(text + " " + self.tr(
            "Keputusan ini dikirim ke semua desk pada sinkronisasi berikutnya."))
        self.model.reload()

    def _resolved(self, conflict: ConflictInfo) -> None:
        self.note_edit.clear()
        self.result_label.show_message(self.tr("Konflik diselesaikan ({status}). Keputusan ini "
                                          "dikirim ke semua desk pada sinkronisasi berikutnya.")
                                  .format(status=self.model.status_text(conflict)))

    def _resolve_failed(self, exc: BaseException) -> None:
        self._show_conflict(self.current_conflict())
        if isinstance(exc, DomainError):
            self.error_label.show_message(exc.message)
        else:
            show_error(self, exc)


def _losing(c: ConflictInfo) -> dict[str, object] | None:
    return c.server_payload if c.winner == "local" else c.local_payload


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
