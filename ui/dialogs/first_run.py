"""First start on a new desk: this desk's code, the first administrator, done.

Nothing is written until the administrator page is confirmed; then one
operation sets up the desk, creates the administrator and logs them in, so the
wizard ends with `actor` set and the main window opens straight away.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.i18n import _ as core_tr
from smesco_desk.services.actors import ROLE_LABELS, Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.services.setup import normalize_desk_code
from smesco_desk.services.users import validate_new_user
from ui.context import AppContext
from ui.dialogs.login import LAST_USERNAME
from ui.errors import show_error
from ui.forms import FieldErrors, with_error
from ui.widgets import note_label

DEFAULT_DESK = "D01"
ADMIN_FIELDS = ("username", "full_name", "password", "password_confirm")


def set_up_desk(core: Core, desk: str, username: str, full_name: str, password: str,
                confirm_error: str = "") -> Actor:
    """The whole first run (worker thread): desk, administrator, login.

    The administrator's details are checked first, so a typo writes nothing;
    every bad field is reported at once, with `confirm_error` (the password and
    its repetition differ, found by the form) among them.
    """
    errors: dict[str, str] = {}
    try:
        validate_new_user(username.strip().lower(), full_name, password, Role.ADMIN.value)
    except ValidationError as exc:
        errors.update(exc.errors)
    if confirm_error:
        errors["password_confirm"] = confirm_error
    if errors:
        raise ValidationError(errors)
    core.setup.initialize(desk)
    core.setup.create_first_admin(username, full_name, password)
    return core.users.authenticate(username, password)


def _heading(layout: QVBoxLayout, title: str, subtitle: str, parent: QWidget) -> None:
    """The page's own heading (QWizard's title area indents and crowds it)."""
    title_label = QLabel(title, parent)
    title_label.setObjectName("title_label")
    layout.addWidget(title_label)
    if subtitle:
        subtitle_label = QLabel(subtitle, parent)
        subtitle_label.setObjectName("subtitle_label")
        subtitle_label.setWordWrap(True)
        layout.addWidget(subtitle_label)
    layout.addSpacing(8)


class DeskPage(QWizardPage):
    """Welcome, and the code of this desk (D01 for the first lobby desk)."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desk_page")
        self.desk_edit = QLineEdit(DEFAULT_DESK, self)
        self.desk_edit.setObjectName("desk_edit")
        self.desk_edit.setMaxLength(8)
        self.desk_edit.setValidator(QRegularExpressionValidator(r"[A-Za-z0-9]{0,8}", self))
        self.desk_edit.textEdited.connect(self._upper_case)
        self.registerField("desk", self.desk_edit)
        form = QFormLayout()
        form.addRow(self.tr("Kode desk ini"), with_error(self.desk_edit, errors.add("desk")))
        self.errors = errors
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        _heading(layout, self.tr("Selamat datang di Smesco Desk"), self.tr(
            "Dua langkah singkat, kode meja ini lalu akun administrator pertama, menyiapkan "
            "komputer ini sebagai meja depan Gedung SMESCO."),
            self)
        layout.addWidget(note_label(self.tr(
            "Setiap meja depan punya kode sendiri, mis. D01 untuk meja pertama di lobi dan "
            "D02 untuk meja kedua. Kode ini tercetak di nomor kartu tamu dan kuitansi, "
            "dan tidak dapat diubah nanti."), self))
        layout.addLayout(form)
        layout.addStretch(1)

    def fix_code(self, code: str) -> None:
        """The database already has a desk code: show it, unchangeable."""
        self.desk_edit.setText(code)
        self.desk_edit.setReadOnly(True)

    @Slot(str)
    def _upper_case(self, text: str) -> None:
        self.desk_edit.setText(text.upper())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        try:
            normalize_desk_code(self.desk_edit.text())  # a format check, no database
        except ValidationError as exc:
            self.errors.show_error(exc)
            return False
        self.errors["desk"].show_message("")
        return True


class AdminPage(QWizardPage):
    """The first administrator; confirming it does the whole set-up."""

    def __init__(self, ctx: AppContext, errors: FieldErrors,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.errors = ctx, errors
        self.actor: Actor | None = None
        self.setObjectName("admin_page")
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        _heading(layout, self.tr("Administrator pertama"), self.tr(
            "Akun ini mengatur pengguna, printer dan pengaturan gedung. Akun resepsionis "
            "ditambahkan nanti di Pengaturan › Pengguna."), self)
        layout.addLayout(self._build_form())
        self.general_error = errors.add("")
        layout.addWidget(self.general_error)
        layout.addStretch(1)

    def _line_edit(self, name: str, field: str, password: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.registerField(f"{field}*", edit)
        edit.textEdited.connect(lambda _text, f=field: self.errors[f].show_message(""))
        return edit

    def edit_for(self, field: str) -> QLineEdit:
        return {"username": self.username_edit, "full_name": self.full_name_edit,
                "password": self.password_edit, "password_confirm": self.confirm_edit}[field]

    def _build_form(self) -> QFormLayout:
        self.username_edit = self._line_edit("username_edit", "username")
        self.username_edit.setPlaceholderText(self.tr("huruf kecil, mis. admin"))
        self.full_name_edit = self._line_edit("full_name_edit", "full_name")
        self.password_edit = self._line_edit("password_edit", "password", password=True)
        self.password_edit.setPlaceholderText(self.tr("minimal 8 karakter"))
        self.confirm_edit = self._line_edit("confirm_edit", "password_confirm", password=True)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        for label, edit, field in (
            (self.tr("Nama pengguna"), self.username_edit, "username"),
            (self.tr("Nama lengkap"), self.full_name_edit, "full_name"),
            (self.tr("Kata sandi"), self.password_edit, "password"),
            (self.tr("Ulangi kata sandi"), self.confirm_edit, "password_confirm"),
        ):
            form.addRow(label, with_error(edit, self.errors.add(field)))
        return form

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self.actor is not None:
            return True
        self.errors.clear()
        self._start_set_up()
        return False  # the operation moves on when it succeeds

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override
        """Going back keeps what was typed (QWizard would empty the fields), but not
        the messages about it: the next "Lanjut" checks it all again."""
        for field in ("", *ADMIN_FIELDS):
            self.errors[field].show_message("")

    def _start_set_up(self) -> None:
        core = self.ctx.core
        desk, username = str(self.field("desk")), self.username_edit.text().strip()
        full_name, password = self.full_name_edit.text(), self.password_edit.text()
        mismatch = self.tr("Kata sandi dan ulangannya tidak sama.") \
            if password != self.confirm_edit.text() else ""
        self._set_busy(True)
        self.ctx.runner.op(lambda: set_up_desk(core, desk, username, full_name, password,
                                               mismatch),
                           parent=self) \
            .success(self._done).failure(self._failed) \
            .with_progress(self.tr("Menyiapkan desk…")).run()

    def _set_busy(self, busy: bool) -> None:
        self.setEnabled(not busy)
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.NextButton).setEnabled(not busy)

    def _done(self, actor: Actor) -> None:
        self.actor = actor
        self.ctx.settings.set(LAST_USERNAME, actor.username)
        self._set_busy(False)
        self.wizard().next()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, DomainError):
            show_error(self, exc)
            return
        leftover = self.errors.show_error(exc)
        if exc.field == "desk" or (isinstance(exc, ValidationError) and "desk" in exc.errors):
            self.wizard().back()  # the desk code is on the first page
            return
        if leftover:
            self.general_error.show_message(" ".join(leftover.values()))
        self._focus_first_error()

    def _focus_first_error(self) -> None:
        """The keyboard to the first field to correct (the page was disabled meanwhile,
        which sent the focus to a button), its text selected for typing over."""
        bad = [f for f in ADMIN_FIELDS if not self.errors[f].isHidden()]
        edit = self.edit_for(bad[0]) if bad else self.username_edit
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.selectAll()


class DonePage(QWizardPage):
    def __init__(self, admin_page: AdminPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.admin_page = admin_page
        self.setObjectName("done_page")
        self.summary = QLabel(self)
        self.summary.setObjectName("summary_label")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        _heading(layout, self.tr("Siap dipakai"), "", self)
        layout.addWidget(self.summary)
        layout.addWidget(note_label(self.tr(
            "Langkah berikutnya: pilih printer kartu tamu dan kuitansi di Pengaturan › "
            "Printer, lalu tambahkan akun resepsionis di Pengaturan › Pengguna."), self))
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        actor = self.admin_page.actor
        if actor is None:
            return
        self.summary.setText(self.tr(
            "Desk {desk} sudah disiapkan. Anda masuk sebagai {name} ({role})."
        ).format(desk=self.field("desk"), name=actor.full_name,
                 role=core_tr(ROLE_LABELS[actor.role])))


class FirstRunWizard(QWizard):
    """Sets up a new desk; `actor` is the new administrator, logged in, once done."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("first_run_wizard")
        self.setWindowTitle(self.tr("Penyiapan awal - Smesco Desk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOptions(QWizard.WizardOption.NoBackButtonOnLastPage
                        | QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.errors = FieldErrors()
        self.desk_page = DeskPage(self.errors, self)
        self.admin_page = AdminPage(ctx, self.errors, self)
        self.done_page = DonePage(self.admin_page, self)
        for page in (self.desk_page, self.admin_page, self.done_page):
            self.addPage(page)
        self._translate_buttons()
        self.setMinimumSize(660, 480)  # room for a message under every field
        self._load_existing_desk()

    def _translate_buttons(self) -> None:
        # Qt ships no Indonesian translation of its own buttons.
        texts = {
            QWizard.WizardButton.BackButton: self.tr("< Kembali"),
            QWizard.WizardButton.NextButton: self.tr("Lanjut >"),
            QWizard.WizardButton.FinishButton: self.tr("Mulai"),
            QWizard.WizardButton.CancelButton: self.tr("Batal"),
        }
        for button, text in texts.items():
            self.setButtonText(button, text)
        for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
            widget = self.button(button)
            widget.setProperty("primary", True)
            widget.style().polish(widget)  # the property changed after the style sheet applied

    def _load_existing_desk(self) -> None:
        core = self.ctx.core
        self.ctx.runner.op(lambda: core.desk_code if core.setup.is_initialized() else None,
                           parent=self).success(self._desk_loaded).run()

    def _desk_loaded(self, code: str | None) -> None:
        if code:
            self.desk_page.fix_code(code)

    @property
    def actor(self) -> Actor | None:
        return self.admin_page.actor

    def reject(self) -> None:
        """Batal, Esc or closing the window: ask first (it ends the application)."""
        if self.actor is not None:  # set up already: Esc on the last page is "Mulai"
            self.accept()
            return
        answer = QMessageBox.question(
            self, self.tr("Batalkan penyiapan?"),
            self.tr("Penyiapan belum selesai. Tutup Smesco Desk sekarang?\n\n"
                    "Penyiapan dimulai lagi saat aplikasi dibuka berikutnya."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            super().reject()
