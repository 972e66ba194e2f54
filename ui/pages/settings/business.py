"""The building's settings, shared by every desk: they live in the database and
change through the core (administrators only)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QLineEdit, QSpinBox, QTimeEdit, QVBoxLayout, QWidget

from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.services.actors import Permission
from smesco_desk.services.core import Core
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldErrors, with_error
from ui.pages.settings.base import OptionsPage
from ui.pages.settings.registry import settings_page
from ui.widgets import note_label

BUSINESS_KEYS = (
    "building_name", "building_address", "building_npwp", "building_city", "closing_time",
    "visitor_retention_days", "backup_retention_days",
)



def save_business_settings(core: Core, ctx: AppContext, values: dict[str, Any]) -> None:
    """Worker thread: store each setting; all field errors together at the end."""
    actor = ctx.require_actor()
    errors: dict[str, str] = {}
    for key, value in values.items():
        try:
            core.settings.set(actor, key, value)
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)


class SharedSettingsPage(OptionsPage):
    """A page of settings kept in the database for every desk: `values()` gives
    the widgets' values by key; what changed since `loaded` is stored through the
    core off the UI thread, and a refusal shows at its field (`errors`)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.errors = FieldErrors()
        self.loaded: dict[str, Any] = {}

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def save(self) -> None:
        changed = {k: v for k, v in self.values().items() if self.loaded.get(k) != v}
        self.errors.clear()
        if not changed:
            self.saved.emit()
            return
        core, ctx = self.ctx.core, self.ctx
        ctx.runner.op(lambda: save_business_settings(core, ctx, changed), parent=self) \
            .success(self._stored).failure(self._refused).run()

    def _stored(self, _result: None) -> None:
        self.loaded.update(self.values())
        self.saved.emit()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            leftover = self.errors.show_error(exc)
            if leftover:
                self.errors[""].show_message(" ".join(leftover.values()))
        else:
            show_error(self, exc)


@settings_page(order=30, permission=Permission.MANAGE_SETTINGS)
class BusinessPage(SharedSettingsPage):
    """The building's settings, shared by every desk (administrators only)."""

    name = "business"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.building_name_edit = QLineEdit(self)
        self.building_name_edit.setObjectName("building_name_edit")
        self.building_address_edit = QLineEdit(self)
        self.building_address_edit.setObjectName("building_address_edit")
        self.building_npwp_edit = QLineEdit(self)
        self.building_npwp_edit.setObjectName("building_npwp_edit")
        self.building_npwp_edit.setMaxLength(32)
        self.building_npwp_edit.setMaximumWidth(260)
        self.building_city_edit = QLineEdit(self)
        self.building_city_edit.setObjectName("building_city_edit")
        self.building_city_edit.setMaxLength(60)
        self.building_city_edit.setMaximumWidth(260)
        self.closing_time_edit = QTimeEdit(self)
        self.closing_time_edit.setObjectName("closing_time_edit")
        self.closing_time_edit.setDisplayFormat("HH:mm")
        self.retention_spin = QSpinBox(self)
        self.retention_spin.setObjectName("retention_spin")
        self.retention_spin.setRange(30, 3650)
        self.retention_spin.setSuffix(self.tr(" hari"))
        self.backup_retention_spin = QSpinBox(self)
        self.backup_retention_spin.setObjectName("backup_retention_spin")
        self.backup_retention_spin.setRange(7, 3650)
        self.backup_retention_spin.setSuffix(self.tr(" hari"))
        for short in (self.closing_time_edit, self.retention_spin, self.backup_retention_spin):
            short.setMaximumWidth(180)
        form = self._form()
        rows = (
            (self.tr("Nama gedung"), self.building_name_edit, "building_name", ""),
            (self.tr("Alamat"), self.building_address_edit, "building_address", ""),
            (self.tr("NPWP gedung"), self.building_npwp_edit, "building_npwp", self.tr(
                "16 angka (format lama 15 angka diterima); dicetak di kuitansi dan "
                "perjanjian sewa stan.")),
            (self.tr("Kota"), self.building_city_edit, "building_city", self.tr(
                "Tempat penandatanganan kuitansi: \"Jakarta, 27 November 2026\".")),
            (self.tr("Jam tutup"), self.closing_time_edit, "closing_time", self.tr(
                "Tamu yang belum keluar dicatat keluar otomatis setelah jam ini.")),
            (self.tr("Masa simpan data tamu"), self.retention_spin, "visitor_retention_days",
             self.tr("Data tamu yang lebih lama dihapus (UU PDP).")),
            (self.tr("Masa simpan cadangan"), self.backup_retention_spin, "backup_retention_days",
             self.tr("Cadangan di folder data yang lebih lama dihapus; sampai itu cadangan "
                     "menyimpan salinan data tamu yang sudah dihapus.")),
        )
        for label, widget, key, note in rows:
            notes = [note_label(note, self)] if note else []
            form.addRow(label, with_error(widget, self.errors.add(key), *notes))
        layout = QVBoxLayout(self)
        layout.addWidget(self._narrow(form))
        layout.addWidget(self.errors.add(""))
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Gedung")

    def load(self) -> None:
        core = self.ctx.core
        self.ctx.runner.op(core.settings.all_public, parent=self).success(self._fill).run()

    def _fill(self, values: dict[str, Any]) -> None:
        self.loaded = {key: values.get(key) for key in BUSINESS_KEYS}
        self.building_name_edit.setText(str(values.get("building_name") or ""))
        self.building_address_edit.setText(str(values.get("building_address") or ""))
        self.building_npwp_edit.setText(str(values.get("building_npwp") or ""))
        self.building_city_edit.setText(str(values.get("building_city") or ""))
        self.closing_time_edit.setTime(QTime.fromString(str(values.get("closing_time")), "HH:mm"))
        self.retention_spin.setValue(int(values.get("visitor_retention_days") or 365))
        self.backup_retention_spin.setValue(int(values.get("backup_retention_days") or 30))

    def values(self) -> dict[str, Any]:
        return {
            "building_name": self.building_name_edit.text(),
            "building_address": self.building_address_edit.text(),
            "building_npwp": self.building_npwp_edit.text(),
            "building_city": self.building_city_edit.text(),
            "closing_time": self.closing_time_edit.time().toString("HH:mm"),
            "visitor_retention_days": self.retention_spin.value(),
            "backup_retention_days": self.backup_retention_spin.value(),
        }
