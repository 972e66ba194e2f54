"""The visit purposes offered at registration: add, rename, retire (administrators)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.services.actors import Permission
from smesco_desk.values.visitors import Purpose
from ui.forms import with_error
from ui.models.values_table import Column
from ui.pages.settings.catalogue import CataloguePage
from ui.pages.settings.registry import settings_page
from ui.widgets import note_label


@settings_page(order=40, permission=Permission.MANAGE_PURPOSES)
class PurposesPage(CataloguePage[Purpose]):
    """The visit purposes offered at registration: add, rename, retire."""

    name = "purposes"
    tables = frozenset({"purposes"})
    keeps_choice = False

    def title(self) -> str:
        return self.tr("Tujuan kunjungan")

    def columns(self) -> Sequence[Column[Purpose]]:
        yes, no = self.tr("Ya"), self.tr("Tidak")
        return [
            (self.tr("Kode"), lambda p: p.code),
            (self.tr("Label (Indonesia)"), lambda p: p.label_id),
            (self.tr("Label (Inggris)"), lambda p: p.label_en),
            (self.tr("Aktif"), lambda p: yes if p.active else no),
        ]

    def build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tujuan"), self)
        self.code_edit = QLineEdit(box)
        self.code_edit.setObjectName("code_edit")
        self.code_edit.setPlaceholderText(self.tr("mis. pameran"))
        self.label_id_edit = QLineEdit(box)
        self.label_id_edit.setObjectName("label_id_edit")
        self.label_en_edit = QLineEdit(box)
        self.label_en_edit.setObjectName("label_en_edit")
        self.active_check = QCheckBox(self.tr("Aktif (muncul di pendaftaran)"), box)
        self.active_check.setObjectName("active_check")
        self.active_check.setChecked(True)
        self.active_check.setToolTip(self.tr(
            "Tujuan aktif ditawarkan di formulir pendaftaran tamu."))
        form = QFormLayout()
        form.addRow(self.tr("Kode"), with_error(self.code_edit, self.errors.add("code")))
        form.addRow(self.tr("Label (Indonesia)"),
                    with_error(self.label_id_edit, self.errors.add("label_id")))
        form.addRow(self.tr("Label (Inggris)"),
                    with_error(self.label_en_edit, self.errors.add("label_en")))
        form.addRow(self.active_check)  # the whole row: the label column would cut its text
        self.new_button, self.save_purpose_button = self.buttons(
            box, ("new_purpose_button", self.tr("Tujuan baru")),
            ("save_purpose_button", self.tr("Simpan tujuan")))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_purpose_button)
        column = QVBoxLayout(box)
        column.addLayout(form)
        column.addWidget(self.errors.add(""))
        column.addWidget(note_label(self.tr(
            "Kode tidak dapat diubah setelah disimpan. Tujuan yang tidak dipakai lagi cukup "
            "dinonaktifkan; kunjungan lama tetap menyebutnya."), box))
        column.addStretch(1)
        column.addLayout(buttons)
        return box

    def fetch(self) -> Callable[[], list[Purpose]]:
        visitors = self.ctx.core.visitors
        return lambda: visitors.purposes(active_only=False)

    def key(self, value: Purpose) -> object:
        return value.code

    def show_entry(self, value: Purpose) -> None:
        self.code_edit.setText(value.code)
        self.code_edit.setReadOnly(True)
        self.label_id_edit.setText(value.label_id)
        self.label_en_edit.setText(value.label_en)
        self.active_check.setChecked(value.active)

    def clear_form(self) -> None:
        for edit in (self.code_edit, self.label_id_edit, self.label_en_edit):
            edit.clear()
        self.code_edit.setReadOnly(False)
        self.active_check.setChecked(True)

    def first_field(self) -> QWidget:
        return self.code_edit

    new_purpose = CataloguePage.new_entry

    def save_entry(self) -> None:
        self.errors.clear()
        actor, visitors = self.ctx.require_actor(), self.ctx.core.visitors
        code, label_id = self.code_edit.text(), self.label_id_edit.text()
        label_en, active = self.label_en_edit.text(), self.active_check.isChecked()
        self.run_save(lambda: visitors.save_purpose(actor, code, label_id, label_en, active))

    def show_saved(self, value: Purpose) -> None:
        self.code_edit.setText(value.code)
        self.code_edit.setReadOnly(True)
