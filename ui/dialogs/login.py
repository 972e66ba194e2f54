"""The login dialog: username and password, the error at the field.

A refusal says why at the field: a wrong password, a lock after five wrong
passwords at this desk (until when), a deactivated account. A temporary
password (an administrator reset it) opens a second step in the same dialog:
the person chooses their own password, typed twice, and is then logged in."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.errors import DomainError, PasswordChangeRequired
from smesco_desk.services.actors import Actor
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldErrors, with_error
from ui.settings import Option

LAST_USERNAME = Option("state/last_username", "")


class LoginDialog(QDialog):
    """Asks who is at the desk; `actor` holds them once accepted."""

    def __init__(self, ctx: AppContext, demo_hint: str = "", username: str = "",
                 parent: QWidget | None = None) -> None:
        """`username` fills the field (e.g. the demo user) instead of the last one."""
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("Masuk - Smesco Desk"))
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(14)
        layout.addWidget(self._heading())
        layout.addLayout(self._build_form())
        self.demo_hint_label = QLabel(demo_hint, self)
        self.demo_hint_label.setObjectName("demo_hint_label")
        self.demo_hint_label.setWordWrap(True)
        self.demo_hint_label.setVisible(bool(demo_hint))
        layout.addWidget(self.demo_hint_label)
        layout.addStretch(1)
        layout.addSpacing(6)
        layout.addLayout(self._build_buttons())
        self.setMinimumWidth(440)
        self._restore_username(username)

    def _heading(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 6)
        title = QLabel(self.tr("Smesco Desk"), box)
        title.setObjectName("title_label")
        subtitle = QLabel(self.tr("Masuk untuk mulai bertugas di meja depan."), box)
        subtitle.setObjectName("subtitle_label")
        column.addWidget(title)
        column.addWidget(subtitle)
        return box

    def _build_form(self) -> QFormLayout:
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setPlaceholderText(self.tr("mis. sari"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Nama pengguna"),
                    with_error(self.username_edit, self.errors.add("username")))
        form.addRow(self.tr("Kata sandi"),
                    with_error(self.password_edit, self.errors.add("password")))
        self.form = form
        self._add_change_rows(form)
        return form

    def _add_change_rows(self, form: QFormLayout) -> None:
        """The second step after a temporary password, hidden until then: a new
        password, twice (in the same form, so the fields line up)."""
        self.change_note = QLabel(self.tr(
            "Kata sandi Anda sementara. Pilih kata sandi baru (minimal 8 karakter)."), self)
        self.change_note.setObjectName("change_note")
        self.change_note.setWordWrap(True)
        self.new_password_edit = QLineEdit(self)
        self.new_password_edit.setObjectName("new_password_edit")
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setObjectName("repeat_edit")
        for edit in (self.new_password_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.change_note)
        form.addRow(self.tr("Kata sandi baru"),
                    with_error(self.new_password_edit, self.errors.add("new_password")))
        form.addRow(self.tr("Ulangi"), with_error(self.repeat_edit, self.errors.add("repeat")))
        self._change_rows = (2, 3, 4)
        self._show_change_rows(False)

    def _show_change_rows(self, shown: bool) -> None:
        self._changing = shown
        for row in self._change_rows:
            self.form.setRowVisible(row, shown)

    def _build_buttons(self) -> QHBoxLayout:
        self.quit_button = QPushButton(self.tr("Keluar"), self)
        self.quit_button.setObjectName("quit_button")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        self.login_button = QPushButton(self.tr("Masuk"), self)
        self.login_button.setObjectName("login_button")
        self.login_button.setProperty("primary", True)
        self.login_button.setDefault(True)  # Enter in either field logs in
        self.login_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.quit_button)
        row.addWidget(self.login_button)
        return row

    def _restore_username(self, username: str) -> None:
        last = username or self.ctx.settings.get(LAST_USERNAME)
        self.username_edit.setText(last)
        (self.password_edit if last else self.username_edit).setFocus()

    def changing_password(self) -> bool:
        """Whether the dialog asks for a new password (after a temporary one)."""
        return self._changing

    @Slot()
    def submit(self) -> None:
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        self.errors.clear()
        if self.changing_password():
            self._submit_change(username, password)
            return
        if not username:
            self.errors["username"].show_message(self.tr("Isi nama pengguna."))
            return
        self._set_busy(True)
        ctx = self.ctx  # its core may still be opening: waited for in the worker, not here
        self.ctx.runner.op(lambda: ctx.core.users.authenticate(username, password), parent=self) \
            .success(self._logged_in).failure(self._refused).run()

    def _submit_change(self, username: str, temporary: str) -> None:
        new = self.new_password_edit.text()
        if new != self.repeat_edit.text():
            self.errors["repeat"].show_message(self.tr("Kedua kata sandi baru tidak sama."))
            self.adjustSize()
            self.repeat_edit.setFocus()
            return
        self._set_busy(True)
        ctx = self.ctx
        self.ctx.runner.op(lambda: ctx.core.users.change_temporary_password(username, temporary,
                                                                            new),
                           parent=self) \
            .success(self._logged_in).failure(self._refused).run()

    def _set_busy(self, busy: bool) -> None:
        changing = self.changing_password()
        for edit in (self.username_edit, self.password_edit):
            edit.setEnabled(not busy and not changing)
        for widget in (self.new_password_edit, self.repeat_edit, self.login_button):
            widget.setEnabled(not busy)

    def _ask_new_password(self) -> None:
        """The password was a temporary one: the second step."""
        self._show_change_rows(True)
        self.login_button.setText(self.tr("Simpan dan masuk"))
        self._set_busy(False)
        self.adjustSize()
        self.new_password_edit.setFocus()

    def _logged_in(self, actor: Actor) -> None:
        self.actor = actor
        self.ctx.settings.set(LAST_USERNAME, actor.username)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, PasswordChangeRequired) and not self.changing_password():
            self._ask_new_password()
            return
        self._set_busy(False)
        if not isinstance(exc, DomainError):
            show_error(self, exc)
            return
        leftover = self.errors.show_error(exc)
        if leftover:
            self.errors["password"].show_message(" ".join(leftover.values()))
        self.adjustSize()  # a lock's message takes three lines: the dialog grows to show them
        if self.changing_password() and exc.field in {"new_password", "repeat"}:
            self.new_password_edit.selectAll()
            self.new_password_edit.setFocus()
            return
        self.password_edit.selectAll()
        self.password_edit.setFocus()
