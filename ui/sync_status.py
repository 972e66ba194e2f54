"""The sync part of the main window's status bar.

    [●] Online · 3 menunggu · Sinkron terakhir 14:05 · [2 konflik]

The dot and the word say how the last attempt went (green online, amber
offline, red refused or failed, grey not tried yet); the tooltip gives the
server, the times and the last error. "N menunggu" counts local changes not
yet on the server; the conflicts button opens the Conflicts page. A desk that
is not enrolled says "Mandiri (tanpa server)" and nothing else.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from smesco_desk.clock import to_wib, wib_today
from smesco_desk.sync import LinkState, SyncStatus

STATE_COLOURS = {
    LinkState.NOT_ENROLLED: "#8a94a3",
    LinkState.NEVER: "#8a94a3",
    LinkState.ONLINE: "#1e7a46",
    LinkState.OFFLINE: "#d97706",
    LinkState.REFUSED: "#b42318",
    LinkState.ERROR: "#b42318",
}
DOT_SIZE = 10

STYLE = """
QLabel#sync_pending_label, QLabel#sync_last_label { color: #5b6675; }
QPushButton#sync_conflicts_button {
    background: #fdecea; color: #b42318; border: 1px solid #f3b8b2;
    border-radius: 9px; padding: 0px 9px; min-height: 18px; font-weight: 600;
}
QPushButton#sync_conflicts_button:hover { background: #fbd9d5; }
QPushButton#sync_conflicts_button:disabled { color: #b42318; }
"""


def wib_time(moment: datetime | None) -> str:
    """HH:MM in WIB for today, with the date for an earlier day."""
    if moment is None:
        return ""
    local = to_wib(moment)
    return local.strftime("%H:%M") if local.date() == wib_today() else \
        local.strftime("%d-%m-%Y %H:%M")


class SyncStatusWidget(QWidget):
    """Shows a SyncStatus (`show_status`); `conflicts_clicked` when the count is clicked."""

    conflicts_clicked = Signal()

    def __init__(self, parent: QWidget | None = None, *, can_open_conflicts: bool = True,
                 show_conflicts: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("sync_status")
        self.setStyleSheet(STYLE)
        self.can_open_conflicts = can_open_conflicts
        self.show_conflicts = show_conflicts
        self.dot = QLabel(self)
        self.dot.setObjectName("sync_dot")
        self.dot.setFixedSize(DOT_SIZE, DOT_SIZE)
        self.state_label = self._label("sync_state_label")
        self.pending_label = self._label("sync_pending_label")
        self.last_sync_label = self._label("sync_last_label")
        self.conflicts_button = QPushButton(self)
        self.conflicts_button.setObjectName("sync_conflicts_button")
        self.conflicts_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.conflicts_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.conflicts_button.clicked.connect(self.conflicts_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        for widget in (self.dot, self.state_label, self.pending_label, self.last_sync_label,
                       self.conflicts_button):
            layout.addWidget(widget)
        self.status: SyncStatus | None = None
        self._last_sync_texts = ("", "")  # long, short (a 1024 px desk has little room)
        self._show_standalone()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        # Whole or not at all: a crowded status bar must not cut "Sinkron terakhir 14:0".
        label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        return label

    # --- showing ------------------------------------------------------------------

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        if not status.enrolled:
            self._show_standalone()
            return
        self._set_dot(status.state)
        self.state_label.setText(self.state_text(status.state))
        self.pending_label.setText(self.tr("%n menunggu", "", status.pending_ops))
        self.pending_label.setVisible(status.pending_ops > 0)
        time = wib_time(status.last_sync_at)
        self._last_sync_texts = (
            (self.tr("Sinkron terakhir {time}").format(time=time),
             self.tr("Sinkron {time}").format(time=time)) if status.last_sync_at
            else (self.tr("Belum pernah sinkron"), self.tr("Belum sinkron")))
        self.last_sync_label.setText(self._last_sync_texts[0])
        self.last_sync_label.show()
        self.updateGeometry()
        self._fit_texts()
        self._show_conflicts(status)
        self.setToolTip(self.tooltip(status))

    def _show_standalone(self) -> None:
        self._last_sync_texts = ("", "")
        self._set_dot(LinkState.NOT_ENROLLED)
        self.state_label.setText(self.tr("Mandiri (tanpa server)"))
        for widget in (self.pending_label, self.last_sync_label, self.conflicts_button):
            widget.hide()
        self.setToolTip(self.tr(
            "Desk ini bekerja sendiri dengan datanya sendiri. Admin dapat menghubungkannya ke "
            "server sinkronisasi di Pengaturan › Sinkronisasi."))

    # --- long and short texts ---------------------------------------------------------
    # The hint asks for the long "Sinkron terakhir 14:05", the minimum only for the
    # short "Sinkron 14:05"; the text shown is the one the given width holds.

    def _extra_width(self, text: str) -> int:
        metrics = self.last_sync_label.fontMetrics()
        return metrics.horizontalAdvance(text) - metrics.horizontalAdvance(
            self.last_sync_label.text())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(hint.width() + self._extra_width(self._last_sync_texts[0]), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(hint.width() + self._extra_width(self._last_sync_texts[1]), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_texts()

    def _fit_texts(self) -> None:
        long_text, short_text = self._last_sync_texts
        if not long_text:
            return
        text = long_text if self.width() >= self.sizeHint().width() else short_text
        if text != self.last_sync_label.text():
            self.last_sync_label.setText(text)

    def _show_conflicts(self, status: SyncStatus) -> None:
        count = status.conflicts + status.notices
        self.conflicts_button.setText(self.tr("%n konflik", "", count))
        self.conflicts_button.setVisible(count > 0 and self.show_conflicts)
        self.conflicts_button.setEnabled(self.can_open_conflicts)
        parts = []
        if status.conflicts:
            parts.append(self.tr("%n perlu keputusan supervisor", "", status.conflicts))
        if status.notices:
            parts.append(self.tr("%n diselesaikan otomatis, perlu ditinjau", "", status.notices))
        hint = self.tr("Klik untuk membuka kotak konflik.") if self.can_open_conflicts \
            else self.tr("Minta supervisor atau admin untuk menyelesaikannya.")
        self.conflicts_button.setToolTip("\n".join([*parts, hint]))

    def _set_dot(self, state: LinkState) -> None:
        colour = STATE_COLOURS[state]
        self.dot.setStyleSheet(f"background: {colour}; border-radius: {DOT_SIZE // 2}px;")
        self.dot.setProperty("colour", colour)

    # --- texts -------------------------------------------------------------------------

    def state_text(self, state: LinkState) -> str:
        return {
            LinkState.NOT_ENROLLED: self.tr("Mandiri (tanpa server)"),
            LinkState.NEVER: self.tr("Belum tersambung"),
            LinkState.ONLINE: self.tr("Online"),
            LinkState.OFFLINE: self.tr("Offline"),
            LinkState.REFUSED: self.tr("Sinkron ditolak"),
            LinkState.ERROR: self.tr("Sinkron gagal"),
        }[state]

    def tooltip(self, status: SyncStatus) -> str:
        lines = [self.tr("Desk {desk} · server {server}").format(
            desk=status.desk or "-", server=status.server or "-")]
        if status.last_sync_at:
            lines.append(self.tr("Sinkron terakhir {time}").format(
                time=wib_time(status.last_sync_at)))
        if status.last_attempt_at:
            lines.append(self.tr("Percobaan terakhir: {time}").format(
                time=wib_time(status.last_attempt_at)))
        if status.pending_ops:
            lines.append(self.tr("%n perubahan menunggu dikirim ke server", "",
                                 status.pending_ops))
        if status.last_error:
            lines.append(status.last_error)
        if status.state is LinkState.OFFLINE:
            lines.append(self.tr("Desk tetap bisa dipakai; perubahan dikirim saat server "
                                 "terjangkau lagi."))
        return "\n".join(lines)
