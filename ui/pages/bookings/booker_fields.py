"""Who books: the kind of booker (as the sale dialog's "Jenis pembayar"), the
name, and whether it is a registered UMKM (the space's UMKM discount).

While the booker is a visitor, returning visitors are offered under the name
as at registration (ui.pages.visitors.suggestions); the one chosen is the
charge's payer. Typing over the name forgets the visitor chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from smesco_desk.domain.payments import PayerKind, payer_label
from smesco_desk.values.payments import PayerForm
from smesco_desk.values.visitors import VisitorDetails
from ui.context import AppContext
from ui.forms import FieldErrors, with_error
from ui.pages.visitors.suggestions import SuggestionController
from ui.widgets import set_flag


class BookerFields(QObject):
    """Adds its rows to a form; `changed` when the kind, the name's visitor or
    the UMKM flag changes (what the price depends on); `failed(exception)`."""

    changed = Signal()
    failed = Signal(object)

    def __init__(
        self, ctx: AppContext, dialog: QWidget, form: QFormLayout, errors: FieldErrors
    ) -> None:
        super().__init__(dialog)
        self._ctx = ctx
        self._errors = errors
        self.payer_id: str | None = None  # a returning visitor chosen from the list
        self.kind_combo = QComboBox(dialog)
        self.kind_combo.setObjectName("payer_kind_combo")
        for kind in PayerKind:
            self.kind_combo.addItem(payer_label(kind.value), kind.value)
        self.name_edit = QLineEdit(dialog)
        self.name_edit.setObjectName("payer_name_edit")
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(self.tr("Nama tamu, UMKM, tenan atau organisasi"))
        self.name_edit.textEdited.connect(self._forget_visitor)
        self.umkm_check = QCheckBox(self.tr("UMKM terdaftar (dapat diskon UMKM ruang)"), dialog)
        self.umkm_check.setObjectName("umkm_check")
        for text, buddy, field, name in (
            (self.tr("&Jenis pemesan"), self.kind_combo, self.kind_combo, "payer_kind"),
            (self.tr("&Nama pemesan *"), self.name_edit, self.name_edit, "payer_name"),
            ("", self.umkm_check, self.umkm_check, "umkm"),
        ):
            label = QLabel(text, dialog)
            label.setBuddy(buddy)
            form.addRow(label, with_error(field, errors.add(name)))
        self.suggestions = SuggestionController(ctx, dialog, [self.name_edit])
        self.suggestions.visitor_chosen.connect(self._on_visitor_chosen)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.umkm_check.toggled.connect(self.changed)
        self._on_kind_changed()

    def payer(self) -> PayerForm:
        return PayerForm(self.kind_combo.currentData(), self.name_edit.text(), self.payer_id)

    def umkm(self) -> bool:
        return self.umkm_check.isChecked()

    def field_widgets(self) -> dict[str, QWidget]:
        return {
            "payer_kind": self.kind_combo,
            "payer_name": self.name_edit,
            "umkm": self.umkm_check,
        }

    @Slot()
    def _on_kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.suggestions.enabled = kind == PayerKind.VISITOR.value
        if not self.suggestions.enabled:
            self.suggestions.hide()
        self.payer_id = None
        if kind == PayerKind.UMKM.value:
            self.umkm_check.setChecked(True)
        self.changed.emit()

    @Slot()
    def _forget_visitor(self) -> None:
        self.payer_id = None  # the name typed is no longer the visitor chosen

    @Slot(str)
    def _on_visitor_chosen(self, visitor_id: str) -> None:
        visitors, actor = self._ctx.core.visitors, self._ctx.require_actor()
        self._ctx.runner.op(lambda: visitors.visitor_details(actor, visitor_id), self).success(
            self.fill_visitor
        ).failure(self.failed.emit).run()

    def fill_visitor(self, details: VisitorDetails) -> None:
        """The returning visitor chosen books (and pays)."""
        self.name_edit.setText(details.name)
        self.payer_id = details.visitor_id
        self._errors["payer_name"].show_message("")
        set_flag(self.name_edit, "invalid", False)
