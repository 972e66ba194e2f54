"""The watchlist (Daftar pantauan) supervisors keep: people who may not enter, or
only with a supervisor's approval (issue 13). A catalogue page: the list, and
under it a form for one entry (name, phone, NIK, refused or needs approval,
until when, why), saved through `core.watchlist`; "Hapus dari daftar" takes
an entry off (its data blanked everywhere). The NIK is typed only to be turned
into its pseudonym: the list shows it masked, and a NIK left empty when
changing an entry keeps the one stored. Every desk gets the list by sync; the
registration form checks it (smesco_desk.services.watchlist).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import wib_today
from smesco_desk.domain.phone import format_phone_display
from smesco_desk.domain.watchlist import WatchKind, kind_label
from smesco_desk.services.actors import Permission
from smesco_desk.values.watchlist import WatchlistForm, WatchlistRecord
from ui.forms import with_error
from ui.models.values_table import Column
from ui.pages.settings.catalogue import CataloguePage
from ui.pages.settings.registry import settings_page
from ui.time_field import DateField
from ui.widgets import note_label


def _day(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else "—"


@settings_page(order=85, permission=Permission.MANAGE_WATCHLIST)
class WatchlistPage(CataloguePage[WatchlistRecord]):
    """People who may not enter, or only with a supervisor's approval."""

    name = "watchlist"
    tables = frozenset({"watchlist_entries"})
    stretch_column = 5

    def title(self) -> str:
        return self.tr("Daftar pantauan")

    def columns(self) -> Sequence[Column[WatchlistRecord]]:
        return [
            (self.tr("Nama"), lambda e: e.full_name),
            (self.tr("Jenis"), lambda e: kind_label(e.kind)),
            (self.tr("No. HP"), lambda e: format_phone_display(e.phone) if e.phone else "—"),
            (self.tr("NIK"), lambda e: e.nik_masked or "—"),
            (
                self.tr("Sampai"),
                lambda e: (
                    _day(e.until)
                    if e.in_force
                    else self.tr("berakhir {day}").format(day=_day(e.until))
                ),
            ),
            (self.tr("Alasan"), lambda e: e.reason),
        ]

    def build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Orang"), self)
        self.name_edit = self._edit(box, "watch_name_edit", self.tr("Nama lengkap"), 200)
        self.phone_edit = self._edit(box, "watch_phone_edit", self.tr("mis. 0812 3456 7890"), 32)
        self.nik_edit = self._edit(box, "watch_nik_edit", self.tr("16 digit (tidak disimpan)"), 32)
        self.kind_combo = QComboBox(box)
        self.kind_combo.setObjectName("watch_kind_combo")
        for kind in WatchKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.until_check = QCheckBox(self.tr("Sampai tanggal"), box)
        self.until_check.setObjectName("watch_until_check")
        self.until_edit = DateField(box)
        self.until_edit.setObjectName("watch_until_edit")
        self.until_edit.setDisplayFormat("dd-MM-yyyy")
        self.until_edit.setCalendarPopup(True)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        self.reason_edit = self._edit(
            box, "watch_reason_edit", self.tr("Dibaca petugas meja saat tamu ini mendaftar"), 500
        )
        until = QWidget(box)
        until_row = QHBoxLayout(until)
        until_row.setContentsMargins(0, 0, 0, 0)
        until_row.addWidget(self.until_check)
        until_row.addWidget(self.until_edit, 1)
        form = QGridLayout()  # two fields a row: the list above keeps its room at 768 px
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        cells = (
            (0, 0, self.tr("Nama *"), self.name_edit, "name", 3),
            (1, 0, self.tr("No. HP"), self.phone_edit, "phone", 1),
            (1, 2, self.tr("NIK"), self.nik_edit, "nik", 1),
            (2, 0, self.tr("Jenis"), self.kind_combo, "kind", 1),
            (2, 2, self.tr("Berlaku"), until, "until", 1),
            (3, 0, self.tr("Alasan *"), self.reason_edit, "reason", 3),
        )
        for row, col, text, widget, field, span in cells:
            label = QLabel(text, box)
            label.setBuddy(widget)
            form.addWidget(label, row, col)
            form.addWidget(with_error(widget, self.errors.add(field)), row, col + 1, 1, span)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        self.new_button, self.save_button = self.buttons(
            box,
            ("new_watch_button", self.tr("Orang baru")),
            ("save_watch_button", self.tr("Simpan")),
        )
        self.remove_button = QPushButton(self.tr("Hapus dari daftar"), box)
        self.remove_button.setObjectName("remove_watch_button")
        self.remove_button.clicked.connect(self.remove_entry)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        column = QVBoxLayout(box)
        column.addLayout(form)
        column.addWidget(self.errors.add(""))
        column.addWidget(
            note_label(
                self.tr(
                    "Pendaftaran tamu yang cocok (NIK sama, No. HP sama, atau nama mirip) "
                    "berhenti dengan alasan ini. «Perlu persetujuan»: supervisor menyetujui "
                    "di meja. «Dilarang masuk»: ditolak bila NIK atau No. HP sama; bila hanya "
                    "namanya mirip, supervisor dapat menyetujui bahwa itu orang lain."
                ),
                box,
            )
        )
        column.addLayout(buttons)
        self.clear_form()
        return box

    def _edit(self, box: QWidget, name: str, placeholder: str, length: int) -> QLineEdit:
        edit = QLineEdit(box)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(length)
        return edit

    def fetch(self) -> Callable[[], list[WatchlistRecord]]:
        watchlist, actor = self.ctx.core.watchlist, self.ctx.require_actor()
        return lambda: watchlist.entries(actor)

    def key(self, value: WatchlistRecord) -> object:
        return value.id

    def show_entry(self, value: WatchlistRecord) -> None:
        self.name_edit.setText(value.full_name)
        self.phone_edit.setText(format_phone_display(value.phone) if value.phone else "")
        self.nik_edit.clear()
        self.nik_edit.setPlaceholderText(
            self.tr("{nik} (kosongkan: tetap)").format(nik=value.nik_masked)
            if value.nik_masked
            else self.tr("16 digit (tidak disimpan)")
        )
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(value.kind)))
        self.until_check.setChecked(value.until is not None)
        self.until_edit.setEnabled(value.until is not None)
        if value.until is not None:
            self.until_edit.setDate(QDate(value.until.year, value.until.month, value.until.day))
        self.reason_edit.setText(value.reason)
        self.remove_button.setEnabled(True)

    def clear_form(self) -> None:
        for edit in (self.name_edit, self.phone_edit, self.nik_edit, self.reason_edit):
            edit.clear()
        self.nik_edit.setPlaceholderText(self.tr("16 digit (tidak disimpan)"))
        self.kind_combo.setCurrentIndex(0)
        self.until_check.setChecked(False)
        self.until_edit.setEnabled(False)
        today = wib_today(self.ctx.core.now())
        self.until_edit.setDate(QDate(today.year, today.month, today.day).addMonths(6))
        self.remove_button.setEnabled(False)

    def first_field(self) -> QWidget:
        return self.name_edit

    def form_value(self) -> WatchlistForm:
        qdate = self.until_edit.date()
        until = (
            date(qdate.year(), qdate.month(), qdate.day()) if self.until_check.isChecked() else None
        )
        return WatchlistForm(
            self.name_edit.text(),
            self.reason_edit.text(),
            str(self.kind_combo.currentData()),
            self.phone_edit.text(),
            self.nik_edit.text(),
            until,
        )

    @Slot()
    def save_entry(self) -> None:
        self.errors.clear()
        actor, watchlist, form = (
            self.ctx.require_actor(),
            self.ctx.core.watchlist,
            self.form_value(),
        )
        entry_id = self.chosen.id if self.chosen is not None else None
        self.run_save(lambda: watchlist.save(actor, form, entry_id))

    def show_saved(self, value: WatchlistRecord) -> None:
        self.show_entry(value)

    @Slot()
    def remove_entry(self) -> None:
        if self.chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Hapus dari daftar pantauan"),
            self.tr("Hapus {name} dari daftar pantauan? Datanya dihapus di semua meja.").format(
                name=self.chosen.full_name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor, watchlist, entry_id = (
            self.ctx.require_actor(),
            self.ctx.core.watchlist,
            self.chosen.id,
        )
        self.ctx.runner.op(lambda: watchlist.remove(actor, entry_id), parent=self).success(
            lambda _r: self.new_entry()
        ).failure(self._refused).run()
