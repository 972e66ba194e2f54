"""Adding one participant by hand (Tambah peserta): name, phone, organisation,
NIK and email, saved by `core.bookings.add_attendee`.

The core checks it as it checks a row of an imported file (a name, a phone
the phone rules accept, a valid NIK or email when given, no phone or NIK
already on the event); each refusal shows under its field. On success
`attendee_added(AttendeeRecord)` and the dialog closes.

Keyboard: Enter moves to the next field and saves from the last; Ctrl+Enter
saves from anywhere; Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
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

from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.values.bookings import AttendeeForm, AttendeeRecord, BookingRecord
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldErrors, with_error
from ui.widgets import StatusBanner, set_flag

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
FIELDS = ("name", "phone", "organisation", "nik", "email")


class AttendeeDialog(QDialog):
    """Emits `attendee_added(AttendeeRecord)` once the participant is saved."""

    attendee_added = Signal(object)  # AttendeeRecord

    def __init__(self, ctx: AppContext, parent: QWidget | None, booking: BookingRecord) -> None:
        super().__init__(parent)
        self.setObjectName("attendee_dialog")
        self.setWindowTitle(self.tr("Tambah peserta: {title}").format(title=booking.title))
        self._ctx = ctx
        self.booking = booking
        self._busy = False
        self.errors = FieldErrors()
        self.edits: dict[str, QLineEdit] = {}
        self._build()
        self.setMinimumWidth(540)
        save = QShortcut(QKeySequence("Ctrl+Return"), self)
        save.activated.connect(self.save)
        QShortcut(QKeySequence("Ctrl+Enter"), self).activated.connect(self.save)
        self.edits["name"].setFocus(Qt.FocusReason.OtherFocusReason)  # typing starts at once

    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(12)
        rows = (
            ("name", self.tr("&Nama *"), 200, self.tr("nama lengkap")),
            ("phone", self.tr("&Telepon *"), 40, self.tr("mis. 0812-3456-7890")),
            ("organisation", self.tr("&Organisasi"), 200, self.tr("UMKM, instansi (boleh kosong)")),
            ("nik", self.tr("NI&K"), 40, self.tr("16 digit (boleh kosong)")),
            ("email", self.tr("&Email"), 254, self.tr("boleh kosong")),
        )
        for name, title, length, hint in rows:
            edit = QLineEdit(self)
            edit.setObjectName(f"{name}_edit")
            edit.setMaxLength(length)
            edit.setPlaceholderText(hint)
            edit.textEdited.connect(lambda _t, n=name: self._clear_field(n))
            self.edits[name] = edit
            label = QLabel(title, self)
            label.setBuddy(edit)
            form.addRow(label, with_error(edit, self.errors.add(name)))
        self.banner = StatusBanner(self)
        self.save_button = QPushButton(self.tr("&Simpan"), self)
        self.save_button.setObjectName("save_button")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter is handled in keyPressEvent
            buttons.addWidget(button)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def form(self) -> AttendeeForm:
        return AttendeeForm(*(self.edits[f].text() for f in FIELDS))

    @Slot()
    def save(self) -> None:
        if self._busy:
            return
        bookings, actor = self._ctx.core.bookings, self._ctx.require_actor()
        booking_id, form = self.booking.id, self.form()
        self._busy = True
        self.save_button.setEnabled(False)
        self.banner.clear()
        self._ctx.runner.op(lambda: bookings.add_attendee(actor, booking_id, form), self) \
            .with_progress(self.tr("Menyimpan peserta…")).success(self._saved) \
            .failure(self._failed).run()

    def _saved(self, attendee: AttendeeRecord) -> None:
        self._set_idle()
        self.attendee_added.emit(attendee)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_idle()
        if not isinstance(exc, DomainError):
            show_error(self, exc)
            return
        errors = exc.errors if isinstance(exc, ValidationError) else {exc.field or "": exc.message}
        rest = self.errors.show(errors)
        for name, edit in self.edits.items():
            set_flag(edit, "invalid", name in errors)
        if rest:
            self.banner.show_message("error", " ".join(rest.values()))
        self._grow()
        first = next((self.edits[f] for f in FIELDS if f in errors), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            first.selectAll()

    def _grow(self) -> None:
        """Tall enough for the messages now shown (a wrapped one included)."""
        layout = self._layout
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() \
            else layout.totalSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def _set_idle(self) -> None:
        self._busy = False
        self.save_button.setEnabled(True)

    def _clear_field(self, name: str) -> None:
        self.errors[name].show_message("")
        if self.edits[name].property("invalid"):
            set_flag(self.edits[name], "invalid", False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in ENTER_KEYS:
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                focus.click()
            elif focus is self.edits["email"]:
                self.save()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)
