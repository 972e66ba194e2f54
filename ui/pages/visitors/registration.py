"""The registration form: a walk-in visitor (new or returning) checked in with a badge.

The UU PDP consent is the person's in the form: a name or phone typed over
after the box was ticked clears it, with a note, so that the next person is
asked (a form filled for a returning visitor, or a badge scanned into a field,
is not a new person).
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from smesco_desk.clock import to_wib
from smesco_desk.domain.nik import InvalidNik, normalize_nik
from smesco_desk.errors import ApprovalRequired, DomainError, ValidationError
from smesco_desk.services.actors import Permission
from smesco_desk.values.approvals import Approval
from smesco_desk.values.visitors import Purpose, VisitorDetails, VisitorForm, VisitRecord
from ui.context import AppContext
from ui.dialogs.approval import ask_approval
from ui.errors import show_error
from ui.pages.visitors.badges import VisitorDocuments
from ui.pages.visitors.chip import same_person
from ui.pages.visitors.form_fields import RegistrationFields
from ui.pages.visitors.scan import SCANNED_BADGE, ScanCatcher
from ui.pages.visitors.suggestions import SuggestionController
from ui.settings import PRINT_BADGE_AFTER_REGISTER
from ui.widgets import set_flag

FIELD_ORDER = ("name", "phone", "nik", "organisation", "purpose", "host", "consent")


class RegistrationForm(RegistrationFields):
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
        super().__init__(ctx, documents, parent)
        self._busy = False
        self._consent_taken_at: float | None = None  # when an edit cleared the consent
        self._connect()
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

    def _connect(self) -> None:
        self.group.mode_changed.connect(self._on_group_mode)
        self.group.news.connect(lambda kind, text: self.banner.show_message(kind, text))
        self.group.print_combo.currentIndexChanged.connect(self._update_register_text)
        self.news.badge_done.connect(self.group.badge_done)
        for edit in self._line_edits():
            edit.textEdited.connect(self._on_field_edited)
            edit.textEdited.connect(self._limit_length)  # after: its note must stay
        self.name_edit.textEdited.connect(self._on_name_edited)
        self.nik_edit.editingFinished.connect(self._prepare_nik)
        for edit in (self.name_edit, self.phone_edit):  # after: a renamed link is undone first
            edit.textEdited.connect(self._on_person_edited)
        self.consent_check.toggled.connect(self._on_consent_toggled)
        self.purpose_combo.currentIndexChanged.connect(self._on_field_edited)
        self.chip.unlink_requested.connect(self.unlink_visitor)
        self.consent_check.toggled.connect(self._on_field_edited)
        self.register_button.clicked.connect(self.submit)
        self.clear_button.clicked.connect(self.clear_form)

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
            group_id=self.group.group_id,
        )

    def linked_visitor(self) -> VisitorDetails | None:
        return self._linked

    def last_visit(self) -> VisitRecord | None:
        return self.news.last_visit

    # --- registering ----------------------------------------------------------

    @Slot()
    def submit(self) -> None:
        self.suggestions.hide()
        if self._busy:
            return
        if self._nobody_typed():  # a click after the form was cleared for the next person
            self.name_edit.setFocus()
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

    @Slot()
    def _prepare_nik(self) -> None:
        """A whole NIK typed: its slow pseudonym is made now, on the worker, while
        the rest of the form is filled in, so that registering does not wait for it."""
        actor = self._ctx.actor
        try:
            nik = normalize_nik(self.nik_edit.text())
        except InvalidNik:
            return  # empty, or not a NIK: registering says what is wrong
        if actor is None:
            return
        visitors = self._ctx.core.visitors
        # A failure is left to registering, which computes it again and says why.
        self._ctx.runner.op(lambda: visitors.prepare_nik(actor, nik), self).failure(
            lambda _exc: None
        ).run()

    @Slot(str)
    def _on_scanned(self, visit_id: str) -> None:
        self.suggestions.hide()
        self.forget_cuts()
        taken = self._consent_taken_at
        if taken is not None and taken >= self.scan_catcher.burst_started:
            self.consent_check.setChecked(True)  # cleared by the scan's keys, not a new person
        self.badge_scanned.emit(visit_id)

    def _nobody_typed(self) -> bool:
        person_blank = not any(
            edit.text().strip() for edit in (self.name_edit, self.phone_edit, self.nik_edit)
        )
        return (
            person_blank
            and not self.consent_check.isChecked()
            and (self.is_blank() or self.group.active())
        )

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
        print_badge = bool(self._ctx.settings.get(PRINT_BADGE_AFTER_REGISTER))
        if self.group.active():
            print_badge = print_badge and not self.group.prints_at_the_end()
            self.group.add(visit, print_badge)
            self.clear_person()
            self._skip_kept_fields(True)
            for kept in (self.organisation_edit, self.host_edit):
                kept.setCursorPosition(0)  # their beginning, not the end typed last
        else:
            self.clear_form()
        self.name_edit.setFocus()
        self.visitor_registered.emit(visit)
        self.news.registered(visit, print_badge)

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
        self.clear_person()
        self.organisation_edit.clear()
        self.host_edit.clear()
        self.purpose_combo.setCurrentIndex(-1)

    def clear_person(self) -> None:
        """Empty what is the person's own (a group's next person keeps the rest)."""
        self.suggestions.hide()
        for edit in (self.name_edit, self.phone_edit, self.nik_edit):
            edit.clear()
        self.consent_check.setChecked(False)
        self.consent_note_label.hide()
        self.unlink_visitor()
        self.clear_errors()

    # --- groups ---------------------------------------------------------------

    @Slot(bool)
    def _on_group_mode(self, on: bool) -> None:
        if not on:  # the next one is a walk-in of their own: nothing of the group's
            self._skip_kept_fields(False)
            self.clear_form()
        self._update_register_text()
        self.hint_label.setVisible(not on)  # the group's own row takes its room
        self.name_edit.setFocus()

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
        self.nik_edit.clear()
        if not self.group.active():  # a group keeps its organisation, purpose and host
            self.organisation_edit.setText(details.organisation)
            found = self.purpose_combo.findData(details.last_purpose)
            if details.last_purpose and found >= 0:
                self.purpose_combo.setCurrentIndex(found)
            self.host_edit.setText(details.last_host)
        for edit in self._line_edits():
            edit.setCursorPosition(0)  # a long name or organisation shows its beginning
        self._link(details)
        next_field: QWidget = self.purpose_combo
        if self.purpose_combo.currentIndex() >= 0:
            on_record = details.consent_at is not None
            next_field = self.register_button if on_record else self.consent_check
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
        if details.consent_at is not None:  # not asked again; shown with its date
            self.consent_check.setChecked(True)
            self.consent_label.setText(
                self.tr("Persetujuan pemberitahuan privasi (UU PDP) tercatat sejak {date}.").format(
                    date=to_wib(details.consent_at).strftime("%d-%m-%Y")
                )
            )

    @Slot()
    def unlink_visitor(self) -> None:
        """Register the person in the form as a new visitor after all."""
        on_record = self._linked is not None and self._linked.consent_at is not None
        self._linked = None
        if on_record:  # ask the person in the form, who may be someone else
            self.consent_check.setChecked(False)
            self._set_consent_text(self._retention_days)
        self.suggestions.enabled = self._ctx.can(Permission.VIEW_PERSONAL_DATA)
        self.nik_edit.setPlaceholderText(self.tr("16 digit (opsional)"))
        self.nik_edit.setToolTip("")
        self.chip.hide()

    @Slot()
    def _on_person_edited(self) -> None:
        """The name or phone typed over: a consent ticked for whoever was there is
        not this person's (a returning visitor's on record stays theirs)."""
        on_record = self._linked is not None and self._linked.consent_at is not None
        if self.consent_check.isChecked() and not on_record:
            self.consent_check.setChecked(False)
            self._say_consent_taken_back()

    def _say_consent_taken_back(self) -> None:
        self._consent_taken_at = time.monotonic()
        self.consent_note_label.setText(
            self.tr("Persetujuan dihapus karena nama atau No. HP diubah: tanyakan tamu ini.")
        )
        self.consent_note_label.show()

    @Slot(bool)
    def _on_consent_toggled(self, checked: bool) -> None:
        if checked:
            self.consent_note_label.hide()
            self._consent_taken_at = None

    @Slot(str)
    def _on_name_edited(self, text: str) -> None:
        if self._linked is not None and not same_person(text, self._linked.name):
            consented = self.consent_check.isChecked()
            self.unlink_visitor()  # someone else: a consent on record was not theirs
            if consented and not self.consent_check.isChecked():
                self._say_consent_taken_back()

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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._update_register_text()  # the option may have changed in the settings
        super().showEvent(event)
