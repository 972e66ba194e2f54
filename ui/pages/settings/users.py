"""Who may log in (administrators only): adding a user; for one chosen in the
list, a new full name or role, deactivating and reactivating, a temporary
password, and ending a lock after wrong passwords at this desk.

The login name of a user who exists is shown read-only: it never changes
(smesco_desk.services.users says why)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
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

USER_TABLES = frozenset({"users", "login_failures"})
LIST_ROWS = 5  # the list keeps room for this many users (at 1024x768 it once showed 2-3)


def _last_login(user: UserInfo) -> str:
    if user.last_login_at is None:
        return QCoreApplication.translate("UsersPage", "belum pernah")
    return to_wib(user.last_login_at).strftime("%d-%m-%Y %H:%M")


def _state(user: UserInfo) -> str:
    """Active, deactivated, locked here, or waiting for its own password."""
    if not user.active:
        return QCoreApplication.translate("UsersPage", "Nonaktif")
    if user.locked_until is not None:
        until = to_wib(user.locked_until).strftime("%H:%M")
        return QCoreApplication.translate("UsersPage", "Terkunci s.d. {time}").format(time=until)
    if user.must_change_password:
        return QCoreApplication.translate("UsersPage", "Aktif, sandi sementara")
    return QCoreApplication.translate("UsersPage", "Aktif")


@settings_page(order=72, permission=Permission.MANAGE_USERS)
class UsersPage(CataloguePage[UserInfo]):
    """Who may log in: the list, and under it a new user's form or the chosen
    user's details with what an administrator may do to them."""

    name = "users"
    tables = USER_TABLES
    says_saved = True  # "Perubahan rudi disimpan." under the form

    def title(self) -> str:
        return self.tr("Pengguna")

    def columns(self) -> Sequence[Column[UserInfo]]:
        return [
            (self.tr("Nama pengguna"), lambda u: u.username),
            (self.tr("Nama lengkap"), lambda u: u.full_name),
            (self.tr("Peran"), lambda u: core_tr(ROLE_LABELS[u.role])),
            (self.tr("Status"), _state),
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
        form.addRow(self.tr("Nama pengguna"), self._name_and_role_row(box))
        for label, widget, field in (
            (self.tr("Nama lengkap"), self.full_name_edit, "full_name"),
            (self.tr("Kata sandi"), self._password_row(box), "password"),
        ):
            form.addRow(label, with_error(widget, self.errors.add(field)))
        self.result_label = note_label("", box)
        self.result_label.setObjectName("result_label")
        column = QVBoxLayout(box)
        column.addLayout(form)
        column.addWidget(self.errors.add(""))
        column.addStretch(1)  # (what was done: beside the buttons, a row less)
        column.addLayout(self._build_buttons(box))
        self._show_mode()
        return box

    def _name_and_role_row(self, box: QGroupBox) -> QWidget:
        """The login name and the role on one row: a row less under the list."""
        row = QWidget(box)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        role_label = QLabel(self.tr("Peran"), row)
        role_label.setBuddy(self.role_combo)
        role_label.setMinimumHeight(self.role_combo.sizeHint().height())  # level with it
        line.addWidget(with_error(self.username_edit, self.errors.add("username")), 3)
        line.addSpacing(8)
        line.addWidget(role_label, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(with_error(self.role_combo, self.errors.add("role")), 2)
        return row

    def arrange(self, table: QTableView, form: QGroupBox) -> None:
        """The list keeps room for LIST_ROWS users (the rest scroll) and the form
        under it is whole; the list takes what a taller window gives."""
        super().arrange(table, form)
        self.form_scroll = self.scroll_form(form, "user_form_scroll")
        table.setMinimumHeight(table.horizontalHeader().sizeHint().height()
                               + LIST_ROWS * table.verticalHeader().defaultSectionSize()
                               + 2 * table.frameWidth())  # fmt: skip

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """The form whole before the list grows (the list had squeezed it to
        scroll); measured once shown, with the style sheet's spacing."""
        super().showEvent(event)
        self._fit_form()

    def _fit_form(self) -> None:
        """The form's height, again after a message beside the buttons (it wraps)."""
        self.box.adjustSize()
        self.form_scroll.setMinimumHeight(self.box.sizeHint().height())

    def _password_row(self, box: QGroupBox) -> QWidget:
        """The password, and for a chosen user the button that makes it their
        temporary one."""
        row = QWidget(box)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.password_button = QPushButton(self.tr("Jadikan sandi sementara"), row)
        self.password_button.setObjectName("set_password_button")
        self.password_button.clicked.connect(self.set_password)
        line.addWidget(self.password_edit, 1)
        line.addWidget(self.password_button)
        return row

    def _build_buttons(self, box: QGroupBox) -> QHBoxLayout:
        self.new_button, self.add_button = self.buttons(
            box, ("new_user_button", self.tr("Pengguna baru")),
            ("add_user_button", self.tr("Tambah pengguna")))
        self.unlock_button = QPushButton(self.tr("Buka kunci"), box)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.clicked.connect(self.unlock)
        self.active_button = QPushButton(self.tr("Nonaktifkan"), box)
        self.active_button.setObjectName("active_button")
        self.active_button.clicked.connect(self.toggle_active)
        self.update_button = QPushButton(self.tr("Simpan perubahan"), box)
        self.update_button.setObjectName("update_button")
        self.update_button.setProperty("primary", True)
        self.update_button.clicked.connect(self.save_entry)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.result_label, 1)
        for button in (self.unlock_button, self.active_button, self.add_button,
                       self.update_button):
            buttons.addWidget(button)
        return buttons

    def _show_mode(self) -> None:
        """A new user's form, or the chosen user's details and actions."""
        user = self.chosen
        # The chosen user's state in the title: a row less, the list keeps its room.
        self.box.setTitle(self.tr("Pengguna baru") if user is None
                          else self.tr("Pengguna: {username} · {state}").format(
                              username=user.username, state=self._state_text(user)))
        self.username_edit.setReadOnly(user is not None)
        self.username_edit.setToolTip("" if user is None else self.tr(
            "Nama pengguna tidak dapat diubah: riwayat audit mencatat pengguna dengan nama ini."))
        self.password_edit.setPlaceholderText(
            self.tr("minimal 8 karakter") if user is None
            else self.tr("sandi sementara, diganti saat masuk"))
        for widget in (self.new_button, self.password_button,
                       self.active_button, self.update_button):
            widget.setVisible(user is not None)
        self.unlock_button.setVisible(user is not None and user.locked_until is not None)
        if user is not None:
            self.active_button.setText(
                self.tr("Nonaktifkan") if user.active else self.tr("Aktifkan kembali"))
        self.add_button.setVisible(user is None)

    def _state_text(self, user: UserInfo) -> str:
        if user.locked_until is not None:  # why, and where: the lock is this desk's
            return self.tr("{state} (5 kali salah kata sandi di meja ini)").format(
                state=_state(user))
        return self.tr("{state} · terakhir masuk {when}").format(
            state=_state(user), when=_last_login(user))

    def load(self) -> None:
        if self.ctx.can(Permission.MANAGE_USERS):
            super().load()

    def fetch(self) -> Callable[[], list[UserInfo]]:
        actor, users = self.ctx.require_actor(), self.ctx.core.users
        return lambda: users.list(actor)

    def key(self, value: UserInfo) -> object:
        return value.id

    def _fill(self, loaded: object) -> None:
        super()._fill(loaded)
        chosen = self.chosen.id if self.chosen is not None else None
        rows = (self.model.value(r) for r in range(self.model.rowCount()))
        fresh = next((u for u in rows if u.id == chosen), None)
        if fresh is not None:  # its state may have changed (a lock, another desk's edit)
            self.chosen = fresh
            self._show_mode()

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
        """Add the user in the form, or save the chosen user's name and role."""
        self.errors.clear()
        self.result_label.clear()
        actor, users = self.ctx.require_actor(), self.ctx.core.users
        full_name, role = self.full_name_edit.text(), str(self.role_combo.currentData())
        user = self.chosen
        if user is not None:
            self._run(lambda: users.update(actor, user.id, full_name, role),
                      self.tr("Perubahan {username} disimpan."))
            return
        username, password = self.username_edit.text(), self.password_edit.text()
        self.ctx.runner.op(lambda: users.create(actor, username, full_name, password, role),
                           parent=self) \
            .success(self._added).failure(self._refused).run()

    add_user = save_entry

    def _added(self, user: UserInfo) -> None:
        for edit in (self.username_edit, self.full_name_edit, self.password_edit):
            edit.clear()
        self.result_label.setText(
            self.tr("Pengguna {username} ditambahkan.").format(username=user.username))
        self._fit_form()
        self.saved.emit()

    def _run(self, work: Callable[[], UserInfo], done: str) -> None:
        """A change of the chosen user; `done` says so, with {username}."""
        self.ctx.runner.op(work, parent=self) \
            .success(lambda user: self._changed(user, done)).failure(self._refused).run()

    def _changed(self, user: UserInfo, done: str) -> None:
        self.result_label.setText(done.format(username=user.username))
        self.chosen = user
        self.show_entry(user)
        self._fit_form()
        self.saved.emit()

    @Slot()
    def toggle_active(self) -> None:
        user = self.chosen
        if user is None:
            return
        self.errors.clear()
        self.result_label.clear()
        if user.active and not self._confirm_deactivate(user):
            return
        actor, users = self.ctx.require_actor(), self.ctx.core.users
        self._run(lambda: users.set_active(actor, user.id, not user.active),
                  self.tr("{username} diaktifkan kembali.") if not user.active
                  else self.tr("{username} dinonaktifkan."))  # fmt: skip

    def _confirm_deactivate(self, user: UserInfo) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Nonaktifkan pengguna?"),
            self.tr("{name} ({username}) tidak dapat masuk lagi sampai diaktifkan kembali. "
                    "Riwayatnya tetap tersimpan.").format(
                name=user.full_name, username=user.username),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def unlock(self) -> None:
        user = self.chosen
        if user is None:
            return
        self.errors.clear()
        actor, users = self.ctx.require_actor(), self.ctx.core.users
        self._run(lambda: users.unlock(actor, user.id), self.tr("Kunci {username} dibuka."))

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
        own = user.id == self.ctx.require_actor().user_id
        self.result_label.setText(
            (self.tr("Kata sandi {username} diganti.") if own else self.tr(
                "Kata sandi sementara {username} disimpan: berikan kepadanya; ia memilih "
                "kata sandinya sendiri saat masuk berikutnya.")).format(username=user.username))
        self._fit_form()
        self.saved.emit()
