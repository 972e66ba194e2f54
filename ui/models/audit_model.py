"""A lazily loaded table of the audit log (who did what, when), newest first.

Rows come in batches from `core.audit.entries` through the shared lazy
loading of `ui.models.lazy_table`; only the rows scrolled to are ever read,
so the log may hold millions. The table reloads after any change: every
change writes an audit row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt

from smesco_desk.clock import to_wib
from smesco_desk.services.actors import Actor
from smesco_desk.values.audit import AuditFilter, AuditRecord
from ui.context import AppContext
from ui.models.lazy_table import BATCH_SIZE, LazyTableModel

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole AuditRecord

COL_AT, COL_ACTOR, COL_ACTION, COL_ENTITY, COL_DESK, COL_DETAIL = range(6)


class AuditTableModel(LazyTableModel[AuditRecord, AuditFilter]):
    """Audit rows matching an `AuditFilter`, loaded lazily."""

    column_count = 6
    watched = frozenset({"audit_log"})

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        flt: AuditFilter | None = None,
        parent: QObject | None = None,
        *,
        batch_size: int = BATCH_SIZE,
        live: bool = True,
    ) -> None:
        self._actor = actor  # set before the first load (the base class may start it)
        super().__init__(ctx, flt or AuditFilter(), parent, batch_size=batch_size, live=live)

    def _first_job(
        self, flt: AuditFilter, limit: int
    ) -> Callable[[], tuple[int, list[AuditRecord]]]:
        audit, actor = self._ctx.core.audit, self._actor
        return lambda: (audit.count(actor, flt), audit.entries(actor, flt, 0, limit))

    def _batch_job(
        self, flt: AuditFilter, offset: int, limit: int
    ) -> Callable[[], list[AuditRecord]]:
        audit, actor = self._ctx.core.audit, self._actor
        return lambda: audit.entries(actor, flt, offset, limit)

    def _headers(self) -> list[str]:
        return [
            self.tr("Waktu"),
            self.tr("Pengguna"),
            self.tr("Jenis"),
            self.tr("Objek"),
            self.tr("Meja"),
            self.tr("Rincian"),
        ]

    def _cell(self, record: AuditRecord, column: int, role: int) -> Any:
        if role == RECORD_ROLE:
            return record
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == COL_AT:
            return to_wib(record.at).strftime("%d-%m-%Y %H:%M:%S")
        if column == COL_ACTOR:  # with who approved it, when someone else did
            return record.who_label or record.actor_label or record.actor
        if column == COL_ACTION:  # the label; its code in the tip (as the export has it)
            label = record.action_label or record.action
            tip = role == Qt.ItemDataRole.ToolTipRole and label != record.action
            return f"{label} ({record.action})" if tip else label
        values = {COL_ENTITY: record.entity, COL_DETAIL: record.detail_label,
                  COL_DESK: record.desk}  # fmt: skip
        return values.get(column, "")
