"""The registration form: a walk-in visitor (new or returning) checked in with a badge."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.errors import ApprovalRequired, DomainError, ValidationError
from smesco_desk.services.actors import Permission
from smesco_desk.values.approvals import Approval
from smesco_desk.values.visitors import Purpose, VisitorDetails, VisitorForm, VisitRecord
from ui.context import AppContext
from ui.dialogs.approval import ask_approval
from ui.errors import show_error
from ui.forms import FieldErrors
from ui.pages.visitors.badge_news import BadgeNews
from ui.pages.visitors.badges import VisitorDocuments
from ui.pages.visitors.chip import ReturningChip, same_person
from ui.pages.visitors.scan import SCANNED_BADGE, ScanCatcher
from ui.pages.visitors.suggestions import SuggestionController
from ui.settings import PRINT_BADGE_AFTER_REGISTER
from ui.widgets import FittingButton, StatusBanner, set_flag

FIELD_ORDER = ("name", "phone", "nik", "organisation", "purpose", "host", "consent")
DEFAULT_RETENTION_DAYS = 365


class RegistrationForm(QFrame):
    """Emits `visitor_registered(VisitRecord)` once a visit is saved.

    A badge scanned into any of its fields is not a name or a phone number: it
    is handed on as `badge_scanned(text)` (the page checks the visitor out), and
    the field keeps what it held.
    """

    visitor_registered = Signal(object)
    badge_scanned = Signal(str)

    def __init__(
        self, ctx: AppContext, documents: VisitorDocuments, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registration_panel")
        self._ctx = ctx
        self._documents = documents
        self._linked: VisitorDetails | None = None
        self._busy = False
        self.errors = FieldErrors()
        self._build()
        self.suggestions = SuggestionController(
            ctx, self, [self.name_edit, self.phone_edit, self.nik_edit]
        )
        self.suggestions.enabled = ctx.can(Permission.VIEW_PERSONAL_DATA)
        self.suggestions.visitor_chosen.connect(self._on_visitor_chosen)
        # Installed after the suggestions' filter, so it sees a scan's Enter first.
        self.scan_catcher = ScanCatcher(self._line_edits(), self)
        self.scan_catcher.scanned.connect(self._on_scanned)
        ctx.runner.data_changed.connect(self._on_data_changed)
        self._load_purposes()
        self._load_retention()

    # --- building -------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Pendaftaran tamu"), self)
        title.setObjectName("section_label")
        self.banner = StatusBanner(self)
        self.news = BadgeNews(self.banner, self._documents, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addLayout(self._build_fields())
        layout.addLayout(self._build_consent())
        layout.addLayout(self._build_buttons())
        hint = QLabel(self.tr("F3: ke Nama · F2: ke pindai badge · Enter: daftarkan"), self)
        hint.setObjectName("hint_label")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        # Under everything, so that news of a registration never moves the fields.
        layout.addWidget(self.banner)
        layout.addStretch(1)

    def _line_edit(self, name: str, placeholder: str, max_length: int = 200) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"{name}_edit")
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(max_length)
        edit.textEdited.connect(self._on_field_edited)
        return edit

    def _build_fields(self) -> QGridLayout:
        self.name_edit = self._line_edit("name", self.tr("Nama lengkap sesuai identitas"))
        self.name_edit.textEdited.connect(self._on_name_edited)
        self.phone_edit = self._line_edit("phone", self.tr("mis. 0812 3456 7890"), 24)
        self.nik_edit = self._line_edit("nik", self.tr("16 digit (opsional)"), 24)
        self.organisation_edit = self._line_edit(
            "organisation", self.tr("Nama organisasi, instansi atau UMKM")
        )
        self.purpose_combo = QComboBox(self)
        self.purpose_combo.setObjectName("purpose_combo")
        self.purpose_combo.setPlaceholderText(self.tr("Pilih…"))
        # May be narrower than its longest label (the open list shows it in full),
        # so that the form fits a 1024 px screen.
        self.purpose_combo.setMinimumWidth(110)
        self.purpose_combo.currentIndexChanged.connect(self._on_field_edited)
        self.host_edit = self._line_edit("host", self.tr("Yang dikunjungi atau nama acara"))
        self.chip = ReturningChip(self)
        self.chip.unlink_requested.connect(self.unlink_visitor)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        top = Qt.AlignmentFlag.AlignTop  # a message under one field must not shift its neighbour
        grid.addWidget(
            self._cell("name", self.tr("Nama *"), self.name_edit, self.chip), 0, 0, 1, 2, top
        )
        grid.addWidget(self._cell("phone", self.tr("No. HP *"), self.phone_edit), 1, 0, top)
        grid.addWidget(self._cell("nik", self.tr("NIK (opsional)"), self.nik_edit), 1, 1, top)
        grid.addWidget(
            self._cell("organisation", self.tr("Organisasi / UMKM"), self.organisation_edit),
            2,
            0,
            1,
            2,
            top,
        )
        grid.addWidget(self._cell("purpose", self.tr("Keperluan *"), self.purpose_combo), 3, 0, top)
        grid.addWidget(self._cell("host", self.tr("Tuan rumah / acara"), self.host_edit), 3, 1, top)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _cell(
        self, field: str, label_text: str, widget: QWidget, extra: QWidget | None = None
    ) -> QWidget:
        """Label above the widget, the field's error message right under it."""
        cell = QWidget(self)
        cell.setObjectName(f"{field}_cell")
        label = QLabel(label_text, cell)
        label.setBuddy(widget)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(3)
        box.addWidget(label)
        box.addWidget(widget)
        box.addWidget(self.errors.add(field))
        if extra is not None:
            box.addWidget(extra)
        return cell

    def _build_consent(self) -> QVBoxLayout:
        self.consent_check = QCheckBox(self)
        self.consent_check.setObjectName("consent_check")
        self.consent_check.toggled.connect(self._on_field_edited)
        self.consent_label = QLabel(self)
        self.consent_label.setObjectName("consent_label")
        self.consent_label.setWordWrap(True)
        self.consent_label.installEventFilter(self)  # a click on the text ticks the box
        self._set_consent_text(DEFAULT_RETENTION_DAYS)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.consent_check, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.consent_label, 1)
        box = QVBoxLayout()
        box.setSpacing(3)
        box.addLayout(row)
        box.addWidget(self.errors.add("consent"))
        return box

    def _build_buttons(self) -> QHBoxLayout:
        self.register_button = FittingButton("", "", self)
        self.register_button.setObjectName("register_button")
        self.register_button.setProperty("primary", True)
        self.register_button.setDefault(True)
        self.register_button.clicked.connect(self.submit)
        self.clear_button = QPushButton(self.tr("Bersihkan"), self)
        self.clear_button.setObjectName("clear_button")
        self.clear_button.clicked.connect(self.clear_form)
        for button in (self.register_button, self.clear_button):
            button.setAutoDefault(True)  # Enter on a focused button presses it
        self._update_register_text()
        chain = [
            self.name_edit,
            self.phone_edit,
            self.nik_edit,
            self.organisation_edit,
            self.purpose_combo,
            self.host_edit,
            self.consent_check,
            self.register_button,
            self.clear_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        row = QHBoxLayout()
        row.addWidget(self.register_button, 2)
        row.addWidget(self.clear_button, 1)
        return row

    def _set_consent_text(self, days: int) -> None:
        text = self.tr(
            "Tamu setuju data dirinya diproses untuk keperluan keamanan dan layanan gedung "
            "sesuai UU PDP (UU No. 27 Tahun 2022); data disimpan {days} hari, lalu dihapus."
        ).format(days=days)
        self.consent_label.setText(text)
        self.consent_check.setAccessibleName(text)

    def _update_register_text(self) -> None:
        if self._ctx.settings.get(PRINT_BADGE_AFTER_REGISTER):
            self.register_button.set_texts(
                self.tr("Daftarkan && cetak badge"), self.tr("Daftarkan && cetak")
            )
        else:
            self.register_button.set_texts(self.tr("Daftarkan"), self.tr("Daftarkan"))

    # --- loading --------------------------------------------------------------

    def _load_purposes(self) -> None:
        visitors = self._ctx.core.visitors
        self._ctx.runner.op(visitors.purposes, self).success(self._set_purposes).failure(
            self._show_failure
        ).run()

    def _set_purposes(self, purposes: list[Purpose]) -> None:
        current = self.purpose_combo.currentData()
        self.purpose_combo.clear()
        for purpose in purposes:
            self.purpose_combo.addItem(purpose.label, purpose.code)
        self.purpose_combo.setCurrentIndex(self.purpose_combo.findData(current))

    def _load_retention(self) -> None:
        settings = self._ctx.core.settings
        self._ctx.runner.op(lambda: settings.get("visitor_retention_days"), self).success(
            lambda days: self._set_consent_text(int(days))
        ).run()

    @Slot(object)
    def _on_data_changed(self, changed: frozenset[str]) -> None:
        if "purposes" in changed:
            self._load_purposes()
        if "settings" in changed:
            self._load_retention()

    # --- values ---------------------------------------------------------------

    def form_value(self) -> VisitorForm:
        return VisitorForm(
            name=self.name_edit.text(),
            phone=self.phone_edit.text(),
            purpose=self.purpose_combo.currentData() or "",
            organisation=self.organisation_edit.text(),
            nik=self.nik_edit.text(),
            host=self.host_edit.text(),
            consent=self.consent_check.isChecked(),
            visitor_id=self._linked.visitor_id if self._linked else None,
        )

    def linked_visitor(self) -> VisitorDetails | None:
        return self._linked

    def last_visit(self) -> VisitRecord | None:
        return self.news.last_visit

    def _line_edits(self) -> list[QLineEdit]:
        return [
            self.name_edit,
            self.phone_edit,
            self.nik_edit,
            self.organisation_edit,
            self.host_edit,
        ]

    def widget_for(self, field: str) -> QWidget:
        return {
            "name": self.name_edit,
            "phone": self.phone_edit,
            "nik": self.nik_edit,
            "organisation": self.organisation_edit,
            "purpose": self.purpose_combo,
            "host": self.host_edit,
            "consent": self.consent_check,
        }[field]

    # --- registering ----------------------------------------------------------

    @Slot()
    def submit(self) -> None:
        self.suggestions.hide()
        if self._busy:
            return
        if SCANNED_BADGE.fullmatch(self.name_edit.text()):  # typed slowly, or pasted
            scanned = self.name_edit.text().strip()
            self.name_edit.clear()
            self.badge_scanned.emit(scanned)
            return
        self._register(self.form_value())

    def _register(self, form: VisitorForm, approval: Approval | None = None) -> None:
        """Register `form`; a watchlist stop asks a supervisor, then comes back here."""
        visitors, actor = self._ctx.core.visitors, self._ctx.actor
        if actor is None:
            return
        self._set_busy(True)
        self._ctx.runner.op(lambda: visitors.register(actor, form, approval), self).with_progress(
            self.tr("Menyimpan…")
        ).success(self._on_registered).failure(lambda e: self._on_register_failed(e, form)).run()

    @Slot(str)
    def _on_scanned(self, visit_id: str) -> None:
        self.suggestions.hide()
        self.badge_scanned.emit(visit_id)

    def is_blank(self) -> bool:
        """Whether nothing has been entered yet (the next visitor's form)."""
        return (
            not any(edit.text().strip() for edit in self._line_edits())
            and self.purpose_combo.currentIndex() < 0
            and not self.consent_check.isChecked()
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.register_button.setEnabled(not busy)

    def _on_registered(self, visit: VisitRecord) -> None:
        self._set_busy(False)
        self.clear_form()
        self.name_edit.setFocus()
        self.visitor_registered.emit(visit)
        self.news.registered(visit, self._ctx.settings.get(PRINT_BADGE_AFTER_REGISTER))

    def _on_register_failed(self, exc: BaseException, form: VisitorForm | None = None) -> None:
        self._set_busy(False)
        if isinstance(exc, ApprovalRequired) and form is not None:  # the watchlist (issue 13)
            self.banner.show_message("error", exc.message)
            ask_approval(self._ctx, exc, self, lambda approval: self._register(form, approval))
        elif isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        elif isinstance(exc, DomainError) and exc.field in self.errors.labels:
            self.show_errors({str(exc.field): exc.message})
        elif isinstance(exc, DomainError):
            if self._linked is not None and exc.field is None:
                self.unlink_visitor()  # the returning visitor was erased meanwhile
            self.banner.show_message("error", exc.message)
        else:
            show_error(self, exc)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field, the fields marked; the first bad one focused."""
        self.clear_errors()
        unplaced = self.errors.show(errors)
        for field in errors:
            if field in FIELD_ORDER:
                set_flag(self.widget_for(field), "invalid", True)
        first = next((f for f in FIELD_ORDER if f in errors), None)
        if first is not None:
            self.widget_for(first).setFocus(Qt.FocusReason.OtherFocusReason)
        if unplaced:
            self.banner.show_message("error", " ".join(unplaced.values()))

    def clear_errors(self) -> None:
        self.errors.clear()
        for field in FIELD_ORDER:
            if self.widget_for(field).property("invalid"):
                set_flag(self.widget_for(field), "invalid", False)

    @Slot()
    def clear_form(self) -> None:
        """Empty every field for the next visitor (the banner stays)."""
        self.suggestions.hide()
        for edit in (
            self.name_edit,
            self.phone_edit,
            self.nik_edit,
            self.organisation_edit,
            self.host_edit,
        ):
            edit.clear()
        self.purpose_combo.setCurrentIndex(-1)
        self.consent_check.setChecked(False)
        self.unlink_visitor()
        self.clear_errors()

    @Slot()
    def _on_field_edited(self) -> None:
        sender = self.sender()
        for field in FIELD_ORDER:
            if self.widget_for(field) is sender and self.widget_for(field).property("invalid"):
                self.errors[field].show_message("")
                set_flag(self.widget_for(field), "invalid", False)

    # --- badge ----------------------------------------------------------------

    @Slot()
    def on_visit_checked_out(self, visit: VisitRecord) -> None:
        self.news.checked_out(visit)

    @Slot()
    def print_last_badge(self) -> None:
        self.news.print_last_badge()

    # --- returning visitors ---------------------------------------------------

    @Slot(str)
    def _on_visitor_chosen(self, visitor_id: str) -> None:
        visitors, actor = self._ctx.core.visitors, self._ctx.require_actor()
        self._ctx.runner.op(lambda: visitors.visitor_details(actor, visitor_id), self).success(
            self.fill_from
        ).failure(self._show_failure).run()

    def fill_from(self, details: VisitorDetails) -> None:
        """Fill the form for a returning visitor and remember who it is."""
        self.clear_errors()
        self.name_edit.setText(details.name)
        self.phone_edit.setText(details.phone)
        self.organisation_edit.setText(details.organisation)
        self.nik_edit.clear()
        if details.last_purpose and self.purpose_combo.findData(details.last_purpose) >= 0:
            self.purpose_combo.setCurrentIndex(self.purpose_combo.findData(details.last_purpose))
        self.host_edit.setText(details.last_host)
        for edit in self._line_edits():
            edit.setCursorPosition(0)  # a long name or organisation shows its beginning
        self._link(details)
        next_field = (
            self.consent_check if self.purpose_combo.currentIndex() >= 0 else self.purpose_combo
        )
        next_field.setFocus()

    def _link(self, details: VisitorDetails) -> None:
        self._linked = details
        self.suggestions.enabled = False
        self.nik_edit.setPlaceholderText(details.nik_masked or self.tr("16 digit (opsional)"))
        self.nik_edit.setToolTip(
            self.tr("NIK tersimpan; biarkan kosong untuk tetap memakainya")
            if details.nik_masked
            else ""
        )
        self.chip.show_visitor(details.name, details.visit_count)

    @Slot()
    def unlink_visitor(self) -> None:
        """Register the person in the form as a new visitor after all."""
        self._linked = None
        self.suggestions.enabled = self._ctx.can(Permission.VIEW_PERSONAL_DATA)
        self.nik_edit.setPlaceholderText(self.tr("16 digit (opsional)"))
        self.nik_edit.setToolTip("")
        self.chip.hide()

    @Slot(str)
    def _on_name_edited(self, text: str) -> None:
        if self._linked is not None and not same_person(text, self._linked.name):
            self.unlink_visitor()

    def _show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.banner.show_message("error", exc.message)
        else:
            show_error(self, exc)

    # --- Qt events ------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Enter in a field (line edits pass it on) registers, as in a dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.submit()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if watched is self.consent_label and event.type() == QEvent.Type.MouseButtonRelease:
            self.consent_check.toggle()
            self.consent_check.setFocus()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._update_register_text()  # the option may have changed in the settings
        super().showEvent(event)
