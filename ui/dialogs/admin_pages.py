"""Administrators' settings pages: visit purposes and users.

Both are short catalogues (a handful of purposes, tens of users), so their
table models hold the whole list of frozen values the service returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.errors import DomainError
from smesco_desk.i18n import _ as core_tr
from smesco_desk.services.actors import ROLE_LABELS, Permission, Role
from smesco_desk.services.users import UserInfo
from smesco_desk.values.visitors import Purpose
from ui.context import AppContext
from ui.dialogs.settings_dialog import OptionsPage, note_label
from ui.errors import show_error
from ui.forms import FieldErrors, with_error

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex
ROW_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the frozen value behind the row


class ValuesTableModel(QAbstractTableModel, Generic[T]):
    """Rows of frozen values; one text function per column."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[T], str]]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def value(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()][1](value)
        if role == ROW_VALUE_ROLE:
            return value
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section][0]
        return None


def _table(model: QAbstractTableModel, name: str, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _list_above_form(page: QWidget, table: QTableView, form: QGroupBox) -> None:
    """The list over its form: at 1024 px a form beside the list left both cut."""
    for button in form.findChildren(QPushButton):
        button.setMinimumWidth(button.sizeHint().width())
    table.setMinimumHeight(90)
    layout = QVBoxLayout(page)
    layout.addWidget(table, 1)
    layout.addWidget(form, 0)


def _failed(page: QWidget, errors: FieldErrors, exc: BaseException) -> None:
    if not isinstance(exc, DomainError):
        show_error(page, exc)
        return
    leftover = errors.show_error(exc)
    if leftover:
        errors[""].show_message(" ".join(leftover.values()))


class PurposesPage(OptionsPage):
    """The visit purposes offered at registration: add, rename, retire."""

    name = "purposes"
    saves = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        yes, no = self.tr("Ya"), self.tr("Tidak")
        self.model: ValuesTableModel[Purpose] = ValuesTableModel([
            (self.tr("Kode"), lambda p: p.code),
            (self.tr("Label (Indonesia)"), lambda p: p.label_id),
            (self.tr("Label (Inggris)"), lambda p: p.label_en),
            (self.tr("Aktif"), lambda p: yes if p.active else no),
        ], self)
        self.table = _table(self.model, "purposes_table", self)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.errors = FieldErrors()
        _list_above_form(self, self.table, self._build_form())
        ctx.runner.data_changed.connect(self._on_data_changed)

    def title(self) -> str:
        return self.tr("Tujuan kunjungan")

    def _build_form(self) -> QGroupBox:
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
        self.new_button = QPushButton(self.tr("Tujuan baru"), box)
        self.new_button.setObjectName("new_purpose_button")
        self.new_button.clicked.connect(self.new_purpose)
        self.save_purpose_button = QPushButton(self.tr("Simpan tujuan"), box)
        self.save_purpose_button.setObjectName("save_purpose_button")
        self.save_purpose_button.setProperty("primary", True)
        self.save_purpose_button.clicked.connect(self.save_purpose)
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

    def load(self) -> None:
        visitors = self.ctx.core.visitors
        self.ctx.runner.op(lambda: visitors.purposes(active_only=False), parent=self) \
            .success(self.model.set_rows).run()

    def save(self) -> None:
        """Purposes are saved one at a time with their own button."""

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if "purposes" in changes:
            self.load()

    @Slot(QModelIndex, QModelIndex)
    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        purpose = self.model.value(current.row())
        self.errors.clear()
        self.code_edit.setText(purpose.code)
        self.code_edit.setReadOnly(True)
        self.label_id_edit.setText(purpose.label_id)
        self.label_en_edit.setText(purpose.label_en)
        self.active_check.setChecked(purpose.active)

    @Slot()
    def new_purpose(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        for edit in (self.code_edit, self.label_id_edit, self.label_en_edit):
            edit.clear()
        self.code_edit.setReadOnly(False)
        self.active_check.setChecked(True)
        self.errors.clear()
        self.code_edit.setFocus()

    @Slot()
    def save_purpose(self) -> None:
        self.errors.clear()
        actor, visitors = self.ctx.require_actor(), self.ctx.core.visitors
        code, label_id = self.code_edit.text(), self.label_id_edit.text()
        label_en, active = self.label_en_edit.text(), self.active_check.isChecked()
        self.ctx.runner.op(
            lambda: visitors.save_purpose(actor, code, label_id, label_en, active), parent=self
        ).success(self._saved).failure(lambda exc: _failed(self, self.errors, exc)) \
            .changes({"purposes"}).run()

    def _saved(self, purpose: Purpose) -> None:
        self.code_edit.setText(purpose.code)
        self.code_edit.setReadOnly(True)
        self.saved.emit()


def _last_login(user: UserInfo) -> str:
    if user.last_login_at is None:
        return QCoreApplication.translate("UsersPage", "belum pernah")
    return to_wib(user.last_login_at).strftime("%d-%m-%Y %H:%M")


class UsersPage(OptionsPage):
    """Who may log in: adding a user, and a new password for one chosen in the list
    (administrators only). The core has no way yet to change a user's name, role
    or active flag, so a chosen user's other details are shown read-only."""

    name = "users"
    saves = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        yes, no = self.tr("Ya"), self.tr("Tidak")
        self.model: ValuesTableModel[UserInfo] = ValuesTableModel([
            (self.tr("Nama pengguna"), lambda u: u.username),
            (self.tr("Nama lengkap"), lambda u: u.full_name),
            (self.tr("Peran"), lambda u: core_tr(ROLE_LABELS[u.role])),
            (self.tr("Aktif"), lambda u: yes if u.active else no),
            (self.tr("Terakhir masuk"), _last_login),
        ], self)
        self.table = _table(self.model, "users_table", self)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.errors = FieldErrors()
        self._chosen: UserInfo | None = None
        _list_above_form(self, self.table, self._build_form())
        ctx.runner.data_changed.connect(self._on_data_changed)

    def title(self) -> str:
        return self.tr("Pengguna")

    def _build_form(self) -> QGroupBox:
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
        self.new_button = QPushButton(self.tr("Pengguna baru"), box)
        self.new_button.setObjectName("new_user_button")
        self.new_button.clicked.connect(self.new_user)
        self.add_button = QPushButton(self.tr("Tambah pengguna"), box)
        self.add_button.setObjectName("add_user_button")
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add_user)
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
        user = self._chosen
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
        if not self.ctx.can(Permission.MANAGE_USERS):
            return
        actor, users = self.ctx.require_actor(), self.ctx.core.users
        self.ctx.runner.op(lambda: users.list(actor), parent=self) \
            .success(self._set_users).run()

    def _set_users(self, users: list[UserInfo]) -> None:
        chosen = self._chosen.id if self._chosen is not None else None
        self.model.set_rows(users)
        row = next((i for i, u in enumerate(users) if u.id == chosen), -1)
        if row >= 0:
            self.table.selectRow(row)  # the chosen user stays chosen, with fresh details

    def save(self) -> None:
        """Users are added with their own button."""

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if "users" in changes:
            self.load()

    @Slot(QModelIndex, QModelIndex)
    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        user = self.model.value(current.row())
        if self._chosen is None or self._chosen.id != user.id:
            self.errors.clear()
            self.result_label.clear()
            self.password_edit.clear()
        self._chosen = user
        self.username_edit.setText(user.username)
        self.full_name_edit.setText(user.full_name)
        self.role_combo.setCurrentIndex(self.role_combo.findData(user.role.value))
        self._show_mode()

    @Slot()
    def new_user(self) -> None:
        self._chosen = None
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        for edit in (self.username_edit, self.full_name_edit, self.password_edit):
            edit.clear()
        self.role_combo.setCurrentIndex(self.role_combo.findData(Role.RECEPTIONIST.value))
        self.errors.clear()
        self.result_label.clear()
        self._show_mode()
        self.username_edit.setFocus()

    @Slot()
    def add_user(self) -> None:
        self.errors.clear()
        self.result_label.clear()
        actor, users = self.ctx.require_actor(), self.ctx.core.users
        username, full_name = self.username_edit.text(), self.full_name_edit.text()
        password, role = self.password_edit.text(), str(self.role_combo.currentData())
        self.ctx.runner.op(lambda: users.create(actor, username, full_name, password, role),
                           parent=self) \
            .success(self._added).failure(lambda exc: _failed(self, self.errors, exc)) \
            .changes({"users"}).run()

    def _added(self, user: UserInfo) -> None:
        for edit in (self.username_edit, self.full_name_edit, self.password_edit):
            edit.clear()
        self.result_label.setText(
            self.tr("Pengguna {username} ditambahkan.").format(username=user.username))
        self.saved.emit()

    @Slot()
    def set_password(self) -> None:
        user = self._chosen
        if user is None:
            return
        self.errors.clear()
        self.result_label.clear()
        actor, users = self.ctx.require_actor(), self.ctx.core.users
        password = self.password_edit.text()
        self.ctx.runner.op(lambda: users.set_password(actor, user.id, password), parent=self) \
            .success(lambda _none: self._password_set(user)) \
            .failure(lambda exc: _failed(self, self.errors, exc)) \
            .changes({"users"}).run()

    def _password_set(self, user: UserInfo) -> None:
        self.password_edit.clear()
        self.result_label.setText(
            self.tr("Kata sandi {username} diganti.").format(username=user.username))
        self.saved.emit()
