"""Settings › Sinkronisasi (administrators): enrol this desk, see the status, sync now.

Enrolling joins the desk to a central PostgreSQL: the first desk uploads its
data, a later one replaces its own (set-up only) data with a download, after
which the users are the server's, so the person may have to log in again.
Refusals (schema revisions or clocks that differ) are shown as they are: the
data stays on this desk.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.errors import DomainError
from smesco_desk.services.actors import Permission
from smesco_desk.sync import EnrollResult, LinkState, SyncRefused, SyncReport, SyncStatus
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldError, FieldErrors, with_error
from ui.pages.settings.base import OptionsPage
from ui.pages.settings.registry import settings_page
from ui.sync_controller import SYNC_ENTITY, ui_entities
from ui.sync_status import SyncStatusWidget, wib_time
from ui.widgets import note_label

# Everything a download may have replaced.
DOWNLOADED_ENTITIES = frozenset({"visits", "visitors", "purposes", "users", "settings", "desk",
                                 "sync_conflicts", SYNC_ENTITY})
STYLE = """
QLabel#sync_problem_label {
    background: #fff4e0; border: 1px solid #f0c987; border-radius: 6px; padding: 8px 10px;
    color: #6b4200;
}
QLabel#sync_problem_label[refused="true"] {
    background: #fdecea; border: 1px solid #f3b8b2; color: #8a1c12;
}
QScrollArea#sync_scroll, QWidget#sync_column { background: transparent; }
QLabel#sync_result_label, QLabel#enroll_result_label { color: #1e7a46; }
"""


@settings_page(order=80, permission=Permission.MANAGE_SETTINGS)
class SyncPage(OptionsPage):
    """The link to the central server: enrolment, status, a manual run."""

    name = "sync"
    saves = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setStyleSheet(STYLE)
        self.errors = FieldErrors()
        self.status: SyncStatus | None = None
        column = QWidget(self)
        column.setObjectName("sync_column")
        content = QVBoxLayout(column)
        content.addWidget(self._build_status_box())
        content.addWidget(self._build_enroll_box())
        content.addStretch(1)
        scroll = QScrollArea(self)  # a 768 px screen may not show it all
        scroll.setObjectName("sync_scroll")
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        ctx.runner.data_changed.connect(self._on_data_changed)
        if ctx.sync is not None:  # the worker's news while the page is open
            ctx.sync.status_changed.connect(self.show_status)

    def title(self) -> str:
        return self.tr("Sinkronisasi")

    # --- building ---------------------------------------------------------------------

    def _build_status_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Status"), self)
        box.setObjectName("sync_status_box")
        box.setMaximumWidth(760)
        self.indicator = SyncStatusWidget(box, show_conflicts=False)
        self.indicator.setObjectName("sync_page_indicator")
        self.details_label = QLabel(box)
        self.details_label.setObjectName("sync_details_label")
        self.details_label.setWordWrap(True)
        self.problem_label = QLabel(box)  # offline: amber; refused or failed: red
        self.problem_label.setObjectName("sync_problem_label")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.sync_now_button = QPushButton(self.tr("Sinkronkan sekarang"), box)
        self.sync_now_button.setObjectName("sync_now_button")
        self.sync_now_button.clicked.connect(self.sync_now)
        self.result_label = FieldError(box)  # (takes no room while empty)
        self.result_label.setObjectName("sync_result_label")
        row = QHBoxLayout()
        row.addWidget(self.indicator)
        row.addStretch(1)
        row.addWidget(self.sync_now_button)
        column = QVBoxLayout(box)
        column.addLayout(row)
        column.addWidget(self.details_label)
        column.addWidget(self.problem_label)
        column.addWidget(self.result_label)
        return box

    def _build_enroll_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Hubungkan ke server"), self)
        box.setObjectName("sync_enroll_box")
        box.setMaximumWidth(760)
        self.server_edit = QLineEdit(box)
        self.server_edit.setObjectName("server_url_edit")
        self.server_edit.setPlaceholderText("postgresql+psycopg://pengguna:sandi@server/smesco")
        self.desk_edit = QLineEdit(box)
        self.desk_edit.setObjectName("desk_code_edit")
        self.desk_edit.setMaximumWidth(140)
        self.enroll_button = QPushButton(self.tr("Daftarkan desk"), box)
        self.enroll_button.setObjectName("enroll_button")
        self.enroll_button.setProperty("primary", True)
        self.enroll_button.clicked.connect(self.enroll)
        self.enroll_result_label = FieldError(box)
        self.enroll_result_label.setObjectName("enroll_result_label")
        form = self._form()
        form.addRow(self.tr("Alamat server"), with_error(self.server_edit, self.errors.add(
            "server"), note_label(self.tr(
                "URL PostgreSQL SQLAlchemy. Desk pertama mengunggah datanya; desk berikutnya "
                "(tanpa data tamu) mengunduh data server."), box)))
        form.addRow(self.tr("Kode desk"), with_error(self.desk_edit, self.errors.add("desk")))
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        column = QVBoxLayout(box)
        column.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.errors.add(""), 1)
        buttons.addWidget(self.enroll_button)
        column.addLayout(buttons)
        column.addWidget(self.enroll_result_label)
        self.enroll_box = box
        return box

    # --- loading -------------------------------------------------------------------------

    def load(self) -> None:
        sync = self.ctx.core.sync
        self.ctx.runner.op(sync.status, self).success(self.show_status).run()

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        self.indicator.show_status(status)
        self.sync_now_button.setEnabled(status.enrolled)
        self.enroll_button.setEnabled(not status.enrolled)
        self.enroll_button.setVisible(not status.enrolled)
        self.server_edit.setReadOnly(status.enrolled)
        self.desk_edit.setReadOnly(status.enrolled)
        if status.enrolled:
            self.server_edit.setText(status.server or "")
            self.desk_edit.setText(status.desk or "")
        elif not self.desk_edit.text():
            self.desk_edit.setText(status.desk or "")
        self.enroll_box.setTitle(self.tr("Server sinkronisasi") if status.enrolled
                                 else self.tr("Hubungkan ke server"))
        self.details_label.setText(self._details(status))
        self._show_problem(status)

    def _details(self, s: SyncStatus) -> str:
        if not s.enrolled:
            return self.tr("Desk ini bekerja mandiri: datanya hanya ada di komputer ini.")
        return "\n".join([
            self.tr("Desk {desk} di {server}").format(desk=s.desk or "-", server=s.server or "-"),
            self.tr("Percobaan terakhir: {time} · menunggu dikirim: {n}").format(
                time=wib_time(s.last_attempt_at) or "-", n=s.pending_ops),
            self.tr("Konflik terbuka: {n} · perlu ditinjau: {m}").format(n=s.conflicts,
                                                                          m=s.notices),
        ])

    def _show_problem(self, s: SyncStatus) -> None:
        """The last error in a box of its own: amber when offline, red when refused."""
        titles = {LinkState.OFFLINE: "",  # the message says so itself
                  LinkState.REFUSED: self.tr("Sinkronisasi ditolak:"),
                  LinkState.ERROR: self.tr("Sinkronisasi gagal:")}
        title = titles.get(s.state) if s.enrolled and s.last_error else None
        self.problem_label.setText(f"{title} {s.last_error}".strip() if title is not None
                                   else "")
        self.problem_label.setProperty("refused", s.state is not LinkState.OFFLINE)
        self.problem_label.style().unpolish(self.problem_label)
        self.problem_label.style().polish(self.problem_label)
        self.problem_label.setVisible(title is not None)

    def save(self) -> None:  # nothing to save: every action has its own button
        pass

    # --- actions ----------------------------------------------------------------------------

    @Slot()
    def enroll(self) -> None:
        self.errors.clear()
        self.enroll_result_label.show_message("")
        url, code, sync = self.server_edit.text(), self.desk_edit.text(), self.ctx.core.sync
        self.enroll_button.setEnabled(False)
        (self.ctx.runner.op(lambda: sync.enroll(url, code), self)
         .success(self._enrolled).failure(self._enroll_failed)
         .with_progress(self.tr("Mendaftarkan desk ke server…")).run())

    def _enrolled(self, result: EnrollResult) -> None:
        if result.mode == "download":
            text = self.tr(
                "Desk {desk} terdaftar di {server}: {rows} baris diunduh dari server. Data "
                "dan pengguna desk ini sekarang sama dengan server; bila akun Anda tidak ada "
                "di server, keluar akun lalu masuk lagi dengan akun dari server.")
        elif result.mode == "upload":
            text = self.tr("Desk {desk} terdaftar di {server} sebagai desk pertama: {rows} "
                           "baris diunggah ke server.")
        else:
            text = self.tr("Desk {desk} sudah terdaftar di {server}; sinkronisasi dilanjutkan.")
        self.enroll_result_label.show_message(text.format(desk=result.desk, server=result.server,
                                                     rows=result.rows))
        changed = DOWNLOADED_ENTITIES if result.mode == "download" else {SYNC_ENTITY}
        self.ctx.runner.data_changed.emit(frozenset(changed))  # (this page reloads too)

    def _enroll_failed(self, exc: BaseException) -> None:
        self.enroll_button.setEnabled(True)
        if not isinstance(exc, DomainError):
            show_error(self, exc)
            return
        if isinstance(exc, SyncRefused):
            self.errors[""].show_message(self.tr("Pendaftaran ditolak: {reason}").format(
                reason=exc.message))
            return
        leftover = self.errors.show_error(exc)
        if leftover:
            self.errors[""].show_message(" ".join(leftover.values()))

    @Slot()
    def sync_now(self) -> None:
        self.result_label.show_message("")
        self.sync_now_button.setEnabled(False)
        sync = self.ctx.core.sync
        (self.ctx.runner.op(sync.run_once, self)
         .success(self._synced).failure(self._sync_failed)
         .with_progress(self.tr("Menyinkronkan…")).run())

    def _synced(self, report: SyncReport) -> None:
        if report.ok:
            self.result_label.show_message(self.tr(
                "Selesai: {sent} terkirim, {received} diterima, {conflicts} konflik.").format(
                sent=report.sent, received=report.received, conflicts=report.conflicts))
        else:
            self.result_label.show_message("")
        self.ctx.runner.data_changed.emit(ui_entities({*report.changed_entities, SYNC_ENTITY}))

    def _sync_failed(self, exc: BaseException) -> None:
        self.sync_now_button.setEnabled(True)
        show_error(self, exc)

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if SYNC_ENTITY in changes or "sync_conflicts" in changes:
            self.load()
