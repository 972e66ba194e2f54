"""Who may log in: adding a user, and a new password for one chosen in the list
(administrators only)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.i18n import _ as core_tr
from smesco_desk.services.actors import ROLE_LABELS, Permission, Role
from smesco_desk.services.users import UserInfo
from ui.forms import with_error
from ui.models.values_table import Column
from ui.pages.settings.catalogue import CataloguePage
from ui.pages.settings.registry import settings_page
from ui.widgets import note_label

USER_TABLES = frozenset({"users"})


def _last_login(user: UserInfo) -> str:
    if user.last_login_at is None:
        return QCoreApplication.translate("UsersPage", "belum pernah")
    return to_wib(user.last_login_at).strftime("%d-%m-%Y %H:%M")


@settings_page(order=72, permission=Permission.MANAGE_USERS)
class UsersPage(CataloguePage[UserInfo]):
    """Who may log in: adding a user, and a new password for one chosen in the list
    (administrators only). The core has no way yet to change a user's name, role
    or active flag, so a chosen user's other details are shown read-only."""

    name = "users"
    tables = USER_TABLES

    def title(self) -> str:
        return self.tr("Pengguna")

    def columns(self) -> Sequence[Column[UserInfo]]:
        yes, no = self.tr("Ya"), self.tr("Tidak")
        return [
            (self.tr("Nama pengguna"), lambda u: u.username),
            (self.tr("Nama lengkap"), lambda u: u.full_name),
            (self.tr("Peran"), lambda u: core_tr(ROLE_LABELS[u.role])),
            (self.tr("Aktif"), lambda u: yes if u.active else no),
            (self.tr("Terakhir masuk"), _last_login),
        ]

    def build_form(self) -> QGroupBox:
        self.box = box = QGroupBox(self.tr("Pengguna baru"), self)
        self.username_edit = QLineEdit(box)
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setPlaceholderText(self.tr("huruf kecil, mis. sari"))
        self.full_name_edit = QLineEdit(box)
        self.full_name_edit.setObjectName("full_name_edit")
        self.role_combo = QComboBox(box)
        self.role_combo.setObjectName("role_combo")
        for role in Role:
            self.role_combo.addItem(core_tr(ROLE_LABELS[role]), role.value)
        self.password_edit = QLineEdit(box)
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("minimal 8 karakter"))
        form = QFormLayout()
        for label, widget, field in (
            (self.tr("Nama pengguna"), self.username_edit, "username"),
            (self.tr("Nama lengkap"), self.full_name_edit, "full_name"),
            (self.tr("Peran"), self.role_combo, "role"),
            (self.tr("Kata sandi"), self.password_edit, "password"),
        ):
            form.addRow(label, with_error(widget, self.errors.add(field)))
        self.last_login_label = note_label("", box)
        self.last_login_label.setObjectName("last_login_label")
        self.edit_note = note_label(self.tr(
            "Untuk pengguna yang sudah ada, di sini hanya kata sandinya yang dapat diganti."),
            box)
        self.result_label = note_label("", box)
        self.result_label.setObjectName("result_label")
        column = QVBoxLayout(box)
        column.addLayout(form)
        column.addWidget(self.errors.add(""))
        column.addWidget(self.last_login_label)
        column.addWidget(self.edit_note)
        column.addWidget(self.result_label)
        column.addStretch(1)
        column.addLayout(self._build_buttons(box))
        self._show_mode()
        return box

    def _build_buttons(self, box: QGroupBox) -> QHBoxLayout:
        self.new_button, self.add_button = self.buttons(
            box, ("new_user_button", self.tr("Pengguna baru")),
            ("add_user_button", self.tr("Tambah pengguna")))
        self.password_button = QPushButton(self.tr("Ganti kata sandi"), box)
        self.password_button.setObjectName("set_password_button")
        self.password_button.setProperty("primary", True)
        self.password_button.clicked.connect(self.set_password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.password_button)
        return buttons

    def _show_mode(self) -> None:
        """A new user's form, or the chosen user's details with a new password."""
        user = self.chosen
        self.box.setTitle(self.tr("Pengguna baru") if user is None
                          else self.tr("Pengguna: {username}").format(username=user.username))
        for edit in (self.username_edit, self.full_name_edit):
            edit.setReadOnly(user is not None)
        self.role_combo.setEnabled(user is None)
        self.password_edit.setPlaceholderText(
            self.tr("minimal 8 karakter") if user is None
            else self.tr("kata sandi baru"))
        self.last_login_label.setText("" if user is None else self.tr(
            "Terakhir masuk: {when}").format(when=_last_login(user)))
        for widget in (self.last_login_label, self.edit_note, self.new_button,
                       self.password_button):
            widget.setVisible(user is not None)
        self.add_button.setVisible(user is None)

    def load(self) -> None:
        if self.ctx.can(Permission.MANAGE_USERS):
            super().load()

    def fetch(self) -> Callable[[], list[UserInfo]]:
        actor, users = self.ctx.require_actor(), self.ctx.core.users
        return lambda: users.list(actor)

    def key(self, value: UserInfo) -> object:
        return value.id

    def select_chosen(self) -> None:
        """The chosen user stays chosen, with fresh details."""
        chosen = self.key(self.chosen) if self.chosen is not None else None
        row = next((r for r in range(self.model.rowCount())
                    if self.model.value(r).id == chosen), -1)
        if row >= 0:
            self.table.selectRow(row)

    def choose(self, value: UserInfo) -> None:
        if self.chosen is None or self.chosen.id != value.id:
            self.errors.clear()
            self.result_label.clear()
            self.password_edit.clear()
        self.chosen = value
        self.show_entry(value)

    def show_entry(self, value: UserInfo) -> None:
        self.username_edit.setText(value.username)
        self.full_name_edit.setText(value.full_name)
        self.role_combo.setCurrentIndex(self.role_combo.findData(value.role.value))
        self._show_mode()

    def clear_form(self) -> None:
        for edit in (self.username_edit, self.full_name_edit, self.password_edit):
            edit.clear()
        self.role_combo.setCurrentIndex(self.role_combo.findData(Role.RECEPTIONIST.value))
        self.result_label.clear()
        self._show_mode()

    def first_field(self) -> QWidget:
        return self.username_edit

    new_user = CataloguePage.new_entry

    @Slot()
    def save_entry(self) -> None:
        """Add the user in the form."""
        self.errors.clear()
        self.result_label.clear()
        actor, users = self.ctx.require_actor(), self.ctx.core.users
        username, full_name = self.username_edit.text(), self.full_name_edit.text()
        password, role = self.password_edit.text(), str(self.role_combo.currentData())
        self.ctx.runner.op(lambda: users.create(actor, username, full_name, password, role),
                           parent=self) \
            .success(self._added).failure(self._refused).run()

    add_user = save_entry

    def _added(self, user: UserInfo) -> None:
        for edit in (self.username_edit, self.full_name_edit, self.password_edit):
            edit.clear()
        self.result_label.setText(
            self.tr("Pengguna {username} ditambahkan.").format(username=user.username))
        self.saved.emit()

    @Slot()
    def set_password(self) -> None:
        user = self.chosen
        if user is None:
            return
        self.errors.clear()
        self.result_label.clear()
        actor, users = self.ctx.require_actor(), self.ctx.core.users
        password = self.password_edit.text()
        self.ctx.runner.op(lambda: users.set_password(actor, user.id, password), parent=self) \
            .success(lambda _none: self._password_set(user)) \
            .failure(self._refused).run()

    def _password_set(self, user: UserInfo) -> None:
        self.password_edit.clear()
        self.result_label.setText(
            self.tr("Kata sandi {username} diganti.").format(username=user.username))
        self.saved.emit()
