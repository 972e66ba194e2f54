"""The Conflicts inbox: conflicts of sync, and both sides of one of them.

`ConflictsTableModel` lists `ConflictInfo` values from `core.sync.conflicts()`,
loaded through the operation runner. Conflicts are rare (a handful, even in a
bad week), so the model holds the whole list rather than fetching in batches.
`ConflictFieldsModel` compares the two versions of one conflict field by
field, changed fields first and marked.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
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
from PySide6.QtGui import QBrush, QColor, QFont

from smesco_desk.clock import to_wib
from smesco_desk.sync import BOOKING_OVERLAP, DOUBLE_PAYMENT, LEASE_OVERLAP, ConflictInfo
from ui.context import AppContext

CONFLICT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole ConflictInfo
IS_OPEN_ROLE = Qt.ItemDataRole.UserRole + 3  # not resolved yet (a decision or a review)
KIND_ROLE = Qt.ItemDataRole.UserRole + 4  # concurrent_edit | rejected

COL_TIME, COL_KIND, COL_ENTITY, COL_DESK, COL_REASON, COL_STATUS = range(6)
COLUMN_COUNT = 6

FIELD_ROLE = Qt.ItemDataRole.UserRole + 11  # the column name of the row
CHANGED_ROLE = Qt.ItemDataRole.UserRole + 12  # True if the two sides differ there
COL_FIELD, COL_LOCAL, COL_SERVER = range(3)

CHANGED_BACKGROUND = QColor("#fff1c7")
CURRENT_FOREGROUND = QColor("#1e7a46")
# Bookkeeping nobody decides on; hashes are never shown.
HIDDEN_FIELDS = frozenset({"server_seq"})
# Columns every synced row has: listed after the row's own fields.
BOOKKEEPING_FIELDS = ("id", "origin_desk", "version", "created_at", "updated_at", "deleted_at")
SECRET_SUFFIX = "_hash"
# A column that names the row, for the list ("Tamu · Siti Rahayu").
NAME_FIELDS = ("full_name", "visitor_name", "username", "badge_number", "label_id", "code", "key")

AnyIndex = QModelIndex | QPersistentModelIndex


def format_moment(value: datetime) -> str:
    return to_wib(value).strftime("%d-%m-%Y %H:%M")


def format_value(field: str, value: Any) -> str:
    """A payload value as a person reads it (times in WIB, secrets hidden)."""
    if value is None:
        return "—"
    if field.endswith(SECRET_SUFFIX):
        return "••••••"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, str) and len(value) >= 19 and value[10:11] == "T":
        with contextlib.suppress(ValueError):
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is not None:
                return to_wib(moment).strftime("%d-%m-%Y %H:%M:%S")
    return str(value)


def row_name(conflict: ConflictInfo) -> str:
    payload = conflict.local_payload or conflict.server_payload or {}
    for field in NAME_FIELDS:
        if payload.get(field):
            return str(payload[field])
    return ""


class ConflictsTableModel(QAbstractTableModel):
    """Conflicts, newest first: the open ones, or all with `set_open_only(False)`."""

    loaded = Signal(int)  # how many rows, after each load
    load_failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *,
                 open_only: bool = True, load: bool = True) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._open_only = open_only
        self._rows: list[ConflictInfo] = []
        self._generation = 0
        ctx.runner.data_changed.connect(self._on_data_changed)
        if load:
            self.reload()

    # --- public ---------------------------------------------------------------

    def open_only(self) -> bool:
        return self._open_only

    def set_open_only(self, open_only: bool) -> None:
        if open_only != self._open_only:
            self._open_only = open_only
            self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation, open_only, sync = self._generation, self._open_only, self._ctx.core.sync
        (self._ctx.runner.op(lambda: sync.conflicts(open_only), self)
         .success(lambda rows: self._replace(generation, rows))
         .failure(lambda exc: self._failed(generation, exc))
         .run())

    def set_rows(self, rows: list[ConflictInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.loaded.emit(len(self._rows))

    def conflict(self, row: int) -> ConflictInfo:
        return self._rows[row]

    def row_of(self, conflict_id: str) -> int:
        return next((i for i, c in enumerate(self._rows) if c.id == conflict_id), -1)

    # --- Qt model ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Waktu"), self.tr("Jenis"), self.tr("Data"), self.tr("Desk"),
                    self.tr("Alasan"), self.tr("Status")][section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        conflict = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(conflict, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_STATUS:
            return QBrush(QColor("#b42318")) if conflict.is_open else None
        if role == CONFLICT_ID_ROLE:
            return conflict.id
        if role == CONFLICT_ROLE:
            return conflict
        if role == IS_OPEN_ROLE:
            return conflict.status != "resolved"
        if role == KIND_ROLE:
            return conflict.kind
        return None

    # --- texts -----------------------------------------------------------------------

    def text(self, c: ConflictInfo, column: int) -> str:
        if column == COL_TIME:
            return format_moment(c.created_at)
        if column == COL_KIND:
            return self.kind_text(c.kind)
        if column == COL_ENTITY:
            name = row_name(c)
            entity = self.entity_text(c.entity)
            return f"{entity} · {name}" if name else entity
        if column == COL_DESK:
            return c.desk_code
        if column == COL_REASON:
            return self.reason_text(c)
        if column == COL_STATUS:
            return self.status_text(c)
        return ""

    def kind_text(self, kind: str) -> str:
        return {"concurrent_edit": self.tr("Diubah di dua desk"),
                "rejected": self.tr("Ditolak server"),
                DOUBLE_PAYMENT: self.tr("Dibayar dua kali"),
                BOOKING_OVERLAP: self.tr("Bentrok pemesanan"),
                LEASE_OVERLAP: self.tr("Bentrok sewa stan")}.get(kind, kind)

    def entity_text(self, entity: str) -> str:
        return {
            "visitors": self.tr("Tamu"),
            "visits": self.tr("Kunjungan"),
            "visit_checkouts": self.tr("Check-out"),
            "visit_purposes": self.tr("Keperluan kunjungan"),
            "users": self.tr("Pengguna"),
            "app_settings": self.tr("Pengaturan"),
            "desks": self.tr("Desk"),
            "audit_log": self.tr("Log audit"),
            "receipts": self.tr("Kuitansi"),
            "bookings": self.tr("Pemesanan ruang"),
            "leases": self.tr("Sewa stan"),
            "tenant_documents": self.tr("Dokumen tenan"),
        }.get(entity, entity)

    def reason_text(self, c: ConflictInfo) -> str:
        if c.reason:
            return c.message()  # the core's text, in the interface's language
        if c.kind == "concurrent_edit":
            return self.tr("Berlaku versi desk {desk}").format(desk=c.desk_code) \
                if c.winner == "local" else self.tr("Berlaku versi yang sudah ada di server")
        return ""

    def status_text(self, c: ConflictInfo) -> str:
        if c.status == "open":
            return self.tr("Perlu keputusan")
        if c.status == "info":
            return self.tr("Perlu ditinjau")
        choice = {"keep": self.tr("dipertahankan"), "restore": self.tr("dipulihkan"),
                  "refund": self.tr("dikembalikan"), "accepted": self.tr("pembayaran sah"),
                  "moved": self.tr("dipindahkan"), "cancelled": self.tr("dibatalkan")}
        return self.tr("Selesai: {choice} oleh {who}").format(
            choice=choice.get(c.resolution or "", c.resolution or ""), who=c.resolved_by or "-")

    # --- loading ------------------------------------------------------------------------

    def _replace(self, generation: int, rows: list[ConflictInfo]) -> None:
        if generation == self._generation:
            self.set_rows(rows)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.load_failed.emit(getattr(exc, "message", None) or str(exc))

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if "sync_conflicts" in changes:
            self.reload()


@dataclass(frozen=True)
class FieldRow:
    field: str
    local: Any
    server: Any
    changed: bool


class ConflictFieldsModel(QAbstractTableModel):
    """One conflict's two versions side by side; changed fields first, highlighted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._conflict: ConflictInfo | None = None
        self._rows: list[FieldRow] = []

    def set_conflict(self, conflict: ConflictInfo | None) -> None:
        self.beginResetModel()
        self._conflict = conflict
        self._rows = [] if conflict is None else self._field_rows(conflict)
        self.endResetModel()

    def conflict(self) -> ConflictInfo | None:
        return self._conflict

    def changed_fields(self) -> list[str]:
        return [r.field for r in self._rows if r.changed]

    @staticmethod
    def _field_rows(c: ConflictInfo) -> list[FieldRow]:
        server = c.server_payload or {}
        # A rejected new row has no other side: nothing to compare, nothing to mark.
        changed = set(c.changed_fields()) if c.server_payload is not None else set()
        fields = [f for f in sorted(set(c.local_payload) | set(server)) if f not in HIDDEN_FIELDS]
        # Changed first, then the row's own fields, then bookkeeping; each alphabetical.
        fields.sort(key=lambda f: (f not in changed, f in BOOKKEEPING_FIELDS))
        return [FieldRow(f, c.local_payload.get(f), server.get(f), f in changed) for f in fields]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 3:
            return None
        c = self._conflict
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(section, c)
        if role == Qt.ItemDataRole.ForegroundRole and c is not None and section != COL_FIELD:
            current = COL_LOCAL if c.winner == "local" else COL_SERVER
            return QBrush(CURRENT_FOREGROUND) if section == current else None
        return None

    def _header(self, section: int, c: ConflictInfo | None) -> str:
        if section == COL_FIELD:
            return self.tr("Kolom")
        desk = c.desk_code if c is not None else "-"
        side = (self.tr("Dikirim desk {desk}").format(desk=desk) if section == COL_LOCAL
                else self.tr("Di server"))
        winning = c is not None and (c.winner == "local") == (section == COL_LOCAL)
        return self.tr("{side} (berlaku)").format(side=side) if winning else side

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:  # the column's own name, for a technician
            return row.field if index.column() == COL_FIELD else self._cell(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and row.changed:
            return QBrush(CHANGED_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and row.changed:
            font = QFont()
            font.setBold(True)
            return font
        if role == FIELD_ROLE:
            return row.field
        if role == CHANGED_ROLE:
            return row.changed
        return None

    def field_label(self, field: str) -> str:
        """A person's name for a column; the column name itself for any other."""
        labels = {
            "full_name": self.tr("Nama"), "visitor_name": self.tr("Nama tamu"),
            "organisation": self.tr("Organisasi"), "phone": self.tr("No. HP"),
            "nik_masked": self.tr("NIK"), "badge_number": self.tr("Badge"),
            "purpose_code": self.tr("Keperluan"), "host": self.tr("Tuan rumah"),
            "desk_code": self.tr("Desk"), "checked_in_at": self.tr("Masuk"),
            "checked_in_by": self.tr("Dicatat masuk oleh"),
            "valid_until": self.tr("Berlaku sampai"),
            "checked_out_at": self.tr("Keluar"), "checked_out_by": self.tr("Dicatat keluar oleh"),
            "method": self.tr("Cara check-out"), "visit_id": self.tr("Kunjungan (id)"),
            "visitor_id": self.tr("Tamu (id)"), "consent_at": self.tr("Persetujuan data"),
            "last_visit_at": self.tr("Kunjungan terakhir"),
            "visit_count": self.tr("Jumlah kunjungan"), "username": self.tr("Nama pengguna"),
            "role": self.tr("Peran"), "active": self.tr("Aktif"),
            "id": self.tr("ID"), "origin_desk": self.tr("Desk asal"),
            "version": self.tr("Versi"), "created_at": self.tr("Dibuat"),
            "updated_at": self.tr("Diubah"), "deleted_at": self.tr("Dihapus"),
        }
        return labels.get(field, field)

    def _cell(self, row: FieldRow, column: int) -> str:
        if column == COL_FIELD:
            return self.field_label(row.field)
        if column == COL_LOCAL:
            return format_value(row.field, row.local)
        if self._conflict is not None and self._conflict.server_payload is None:
            return self.tr("(tidak ada)")
        return format_value(row.field, row.server)


__all__ = [
    "CHANGED_ROLE", "CONFLICT_ID_ROLE", "CONFLICT_ROLE", "FIELD_ROLE", "IS_OPEN_ROLE",
    "KIND_ROLE", "ConflictFieldsModel", "ConflictsTableModel",
]
