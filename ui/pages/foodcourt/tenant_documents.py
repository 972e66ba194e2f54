"""A tenant's documents (a scan of the lease, a permit, a halal certificate): the
list, "Lampirkan…" (a PDF, JPG or PNG of at most 10 MB, its kind and title),
"Buka" (the file in the data folder, opened by the system's viewer) and
"Hapus" (after a confirmation). Documents are synced, so one attached at
another desk appears here after its pull (the view reloads on the change).

Embedded in the tenant's dialog or tab: `TenantDocumentsView(ctx)`, then
`set_tenant(tenant_id)` (None: nothing chosen, everything disabled).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.domain.documents import KIND_LABELS, DocumentKind
from smesco_desk.errors import DomainError
from smesco_desk.i18n import _ as core_tr
from smesco_desk.services.actors import Permission
from smesco_desk.values.documents import DocumentContent, TenantDocumentInfo
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldError
from ui.models.values_table import ValuesTableModel
from ui.settings import Option

WATCHED = frozenset({"tenant_documents", "document_blobs"})
LAST_DIR = Option("state/last_tenant_document_dir", "")


def size_text(size: int) -> str:
    """Bytes as a short size: 850 B, 12 KB, 3,4 MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


class TenantDocumentsView(QWidget):
    """The documents of one tenant, with attach, open and remove."""

    document_opened = Signal(str)  # the file's path (the system's viewer shows it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("tenant_documents_view")
        self.tenant_id: str | None = None
        self.model: ValuesTableModel[TenantDocumentInfo] = ValuesTableModel(
            [
                (self.tr("Judul"), lambda d: d.title),
                (self.tr("Jenis"), lambda d: core_tr(KIND_LABELS[DocumentKind(d.kind)])),
                (self.tr("Berkas"), lambda d: d.file_name),
                (self.tr("Ukuran"), lambda d: size_text(d.size)),
                (self.tr("Ditambahkan"), lambda d: f"{to_wib(d.added_at):%d-%m-%Y %H:%M}"),
            ],
            self,
            right=(3,),
        )
        self.table = QTableView(self)
        self.table.setObjectName("tenant_documents_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # The title and the file's name share what the kind, size and date leave.
        for column in (0, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.open_document())

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("document_kind_combo")
        for kind in DocumentKind:
            self.kind_combo.addItem(core_tr(KIND_LABELS[kind]), kind.value)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("document_title_edit")
        self.title_edit.setPlaceholderText(self.tr("Judul (nama berkas bila kosong)"))
        self.attach_button = QPushButton(self.tr("Lampirkan…"), self)
        self.attach_button.setObjectName("attach_document_button")
        self.attach_button.setToolTip(self.tr("PDF, JPG atau PNG, paling besar 10 MB"))
        self.attach_button.clicked.connect(self.attach)
        self.open_button = QPushButton(self.tr("Buka"), self)
        self.open_button.setObjectName("open_document_button")
        self.open_button.clicked.connect(self.open_document)
        self.remove_button = QPushButton(self.tr("Hapus"), self)
        self.remove_button.setObjectName("remove_document_button")
        self.remove_button.clicked.connect(self.remove)
        self.empty_label = QLabel(self.tr("Belum ada dokumen."), self)
        self.empty_label.setObjectName("documents_empty_label")
        self.message = FieldError(self)
        self.message.setObjectName("documents_message")

        adding = QHBoxLayout()
        adding.addWidget(QLabel(self.tr("Jenis"), self))
        adding.addWidget(self.kind_combo)
        adding.addWidget(self.title_edit, 1)
        adding.addWidget(self.attach_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(adding)
        layout.addWidget(self.message)
        ctx.runner.data_changed.connect(self._on_data_changed)
        self._update_buttons()

    # --- showing -------------------------------------------------------------------

    def set_tenant(self, tenant_id: str | None) -> None:
        self.tenant_id = tenant_id
        self.message.show_message("")
        self.model.set_rows([])
        self.reload()

    def reload(self) -> None:
        tenant_id = self.tenant_id
        if tenant_id is None:
            self._update_buttons()
            return
        foodcourt = self.ctx.core.foodcourt
        (self.ctx.runner.op(lambda: foodcourt.tenant_documents(tenant_id), self)
         .success(lambda docs: self._show(tenant_id, docs)).failure(self._failed).run())

    def _show(self, tenant_id: str, docs: list[TenantDocumentInfo]) -> None:
        if tenant_id != self.tenant_id:
            return  # another tenant was chosen meanwhile
        self.model.set_rows(docs)
        self._update_buttons()

    @Slot(object)
    def _on_data_changed(self, changed: frozenset[str]) -> None:
        if WATCHED & set(changed) and self.tenant_id is not None:
            self.reload()

    def current_document(self) -> TenantDocumentInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.value(rows[0].row()) if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.current_document() is not None
        may_change = self.tenant_id is not None and self.ctx.can(Permission.MANAGE_TENANTS)
        self.attach_button.setEnabled(may_change)
        self.kind_combo.setEnabled(may_change)
        self.title_edit.setEnabled(may_change)
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and may_change)
        self.empty_label.setVisible(self.tenant_id is not None and not self.model.rows())

    # --- acting ----------------------------------------------------------------------

    def choose_file(self) -> str:
        """The file picked in the file dialog ("" when cancelled)."""
        folder = self.ctx.settings.get(LAST_DIR) or str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Lampirkan dokumen"), folder,
            self.tr("Dokumen (*.pdf *.jpg *.jpeg *.png);;Semua berkas (*)"))
        return chosen

    @Slot()
    def attach(self) -> None:
        tenant_id = self.tenant_id
        chosen = self.choose_file() if tenant_id is not None else ""
        if not chosen or tenant_id is None:
            return
        self.ctx.settings.set(LAST_DIR, str(Path(chosen).parent))
        actor, foodcourt = self.ctx.require_actor(), self.ctx.core.foodcourt
        title, kind = self.title_edit.text(), str(self.kind_combo.currentData())
        self.message.show_message("")
        (self.ctx.runner.op(
            lambda: foodcourt.attach_document(actor, tenant_id, Path(chosen), title, kind), self)
         .with_progress(self.tr("Melampirkan dokumen…"))
         .success(self._attached).failure(self._failed).run())

    def _attached(self, doc: TenantDocumentInfo) -> None:
        self.title_edit.clear()
        self.message.show_message("")
        self.reload()

    @Slot()
    def open_document(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        foodcourt = self.ctx.core.foodcourt
        (self.ctx.runner.op(lambda: foodcourt.document_content(doc.id), self)
         .success(self._open_file).failure(self._failed).run())

    def _open_file(self, content: DocumentContent) -> None:
        self.document_opened.emit(str(content.path))
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(content.path))):
            self.message.show_message(self.tr(
                "Tidak ada aplikasi untuk membuka {name}; berkasnya ada di {path}.").format(
                name=content.document.file_name, path=str(content.path)))

    def confirm_remove(self, doc: TenantDocumentInfo) -> bool:
        """Remove it? "Tidak" is the default: a stray Enter keeps the document."""
        answer = QMessageBox.question(
            self,
            self.tr("Hapus dokumen"),
            self.tr("Hapus dokumen \"{title}\" di semua desk? Berkasnya ikut dihapus.").format(
                title=doc.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def remove(self) -> None:
        doc = self.current_document()
        if doc is None or not self.confirm_remove(doc):
            return
        actor, foodcourt = self.ctx.require_actor(), self.ctx.core.foodcourt
        (self.ctx.runner.op(lambda: foodcourt.remove_document(actor, doc.id), self)
         .with_progress(self.tr("Menghapus dokumen…"))
         .success(lambda _doc: self.reload()).failure(self._failed).run())

    def _failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, DomainError):
            errors = getattr(exc, "errors", None)
            text = " ".join(errors.values()) if isinstance(errors, dict) and errors else exc.message
            self.message.show_message(text)
        else:
            show_error(self, exc)
