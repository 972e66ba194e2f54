"""A tenant and its business's identity: business name, owner, phone, the
owner's NIK (as for visitors: optional, never shown again but masked to its
last four digits; left empty on a change it keeps the one stored), NIB (13
digits), NPWP (16 digits; the old 15-digit form is taken and prefixed with 0
by the core), products, halal certificate number and notes.

Saved through `core.foodcourt.save_tenant`; a refusal shows under each field
(ValidationError). Emits `saved(TenantInfo)` and closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.values.foodcourt import TenantForm, TenantInfo
from ui.context import AppContext
from ui.forms import FieldErrors, with_error
from ui.pages.payments.common import fit_height
from ui.widgets import StatusBanner, note_label

FIELDS = ("name", "owner", "phone", "nik", "nib", "npwp", "products", "halal_number", "notes")


class TenantDialog(QDialog):
    """A new tenant (`tenant=None`) or a change to one."""

    saved = Signal(object)  # TenantInfo

    def __init__(
        self, ctx: AppContext, parent: QWidget | None, tenant: TenantInfo | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tenant_dialog")
        self._ctx, self.tenant = ctx, tenant
        self.result_tenant: TenantInfo | None = None
        self.setWindowTitle(self.tr("Tenan baru") if tenant is None else self.tr("Ubah tenan"))
        self.errors = FieldErrors()
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        rows = (
            ("name", self.tr("Nama &usaha"), self.tr("mis. Soto Betawi Bang Ali"), None),
            ("owner", self.tr("&Pemilik"), self.tr("nama pemilik usaha"), None),
            ("phone", self.tr("&Telepon"), self.tr("08… atau +62…"), None),
            ("nik", self.tr("NI&K pemilik"), self.tr("16 digit (opsional)"),
             self.tr("Tidak ditampilkan lagi; disimpan tersamar seperti NIK tamu.")),
            ("nib", self.tr("NI&B"), self.tr("13 digit (opsional)"), None),
            ("npwp", self.tr("NP&WP"), self.tr("16 digit (opsional)"),
             self.tr("Format lama 15 digit diterima (diawali 0).")),
            ("products", self.tr("P&roduk"), self.tr("mis. soto, nasi uduk"), None),
            ("halal_number", self.tr("No. sertifikat &halal"), self.tr("opsional"), None),
        )  # fmt: skip
        for name, label, hint, note in rows:
            edit = QLineEdit(self)
            edit.setObjectName(f"{name}_edit")
            edit.setPlaceholderText(hint)
            edit.textEdited.connect(lambda _t, field=name: self.errors[field].show_message(""))
            self.edits[name] = edit
            below = [note_label(note, self)] if note else []
            form.addRow(label, with_error(edit, self.errors.add(name), *below))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("notes_edit")
        self.notes_edit.setFixedHeight(56)
        form.addRow(self.tr("&Catatan"), with_error(self.notes_edit, self.errors.add("notes")))
        self.banner = StatusBanner(self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("&Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        if tenant is not None:
            self._fill(tenant)
        # the first field has the keys from the start (not "Simpan": typing
        # "Es Teler…" would press it with the space, and the name lose "Es ")
        self.edits["name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, tenant: TenantInfo) -> None:
        values = {
            "name": tenant.name, "owner": tenant.owner, "phone": tenant.phone,
            "nib": tenant.nib, "npwp": tenant.npwp, "products": tenant.products,
            "halal_number": tenant.halal_number,
        }  # fmt: skip
        for name, value in values.items():
            self.edits[name].setText(value)
        if tenant.owner_nik_masked:
            self.edits["nik"].setPlaceholderText(tenant.owner_nik_masked)
            self.edits["nik"].setToolTip(
                self.tr("NIK tersimpan; biarkan kosong untuk tetap memakainya"))
        self.notes_edit.setPlainText(tenant.notes)

    def form_value(self) -> TenantForm:
        text = {name: edit.text() for name, edit in self.edits.items()}
        return TenantForm(
            name=text["name"], owner=text["owner"], phone=text["phone"], nik=text["nik"],
            nib=text["nib"], npwp=text["npwp"], products=text["products"],
            halal_number=text["halal_number"], notes=self.notes_edit.toPlainText(),
            tenant_id=None if self.tenant is None else self.tenant.id,
        )  # fmt: skip

    @Slot()
    def save(self) -> None:
        self.errors.clear()
        self.banner.clear()
        foodcourt, actor = self._ctx.core.foodcourt, self._ctx.require_actor()
        form = self.form_value()
        self.save_button.setEnabled(False)
        self._ctx.runner.op(lambda: foodcourt.save_tenant(actor, form), self).with_progress(
            self.tr("Menyimpan tenan…")
        ).success(self._saved).failure(self._refused).run()

    def _saved(self, tenant: TenantInfo) -> None:
        self.result_tenant = tenant
        self.saved.emit(tenant)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show_refusal(exc, self.banner)
        first = next((f for f in FIELDS if f in self.edits and self.errors[f].text()), None)
        if first is not None:
            self.edits[first].setFocus()
        fit_height(self)
