"""The check-out bar: a badge scanner (which types like a keyboard, then Enter).

A visitor's badge checks the visitor out; an event participant's badge (its QR
code holds the participant's id, core.bookings.find_attendee) checks the
participant in instead, registering them as a visitor of the day. What is not
a badge (a name, a phone, the badge's short number "017": a visitor who lost
the badge) offers the matching people inside to pick from (CheckOutChoices);
an old badge of someone given a new one offers the current visit's check-out.

An offer answers the text that asked for it, and nothing after it: any change
of the field's text (typing, a scan, a paste) drops it, and an answer that
comes back from the worker after newer input is not offered at all. Only an
explicit confirm (Enter on the offered button, or a click) checks out; a
scanner's next badge ("012" + Enter) is a new question of its own."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.domain.text import isolate
from smesco_desk.errors import BadgeReplaced, DomainError, NotFound
from smesco_desk.values.bookings import AttendeeRecord
from smesco_desk.values.visitors import CheckOutResult, VisitRecord
from ui.context import AppContext
from ui.errors import show_error
from ui.pages.visitors.checkout_choices import CheckOutChoices
from ui.widgets import set_flag

UUID_CHARS = 32  # a scanned QR code holds a visit id: never a name to look up


class CheckOutBar(QFrame):
    """Enter in the scan field checks the visitor out (emits `visitor_checked_out`),
    or an event's participant in (emits `participant_checked_in`)."""

    visitor_checked_out = Signal(object)  # VisitRecord
    participant_checked_in = Signal(object)  # VisitRecord of the participant's visit

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkout_bar")
        self._ctx = ctx
        self._asked = 0  # counts the questions (and edits): an answer to an older one is stale
        title = QLabel(self.tr("Pindai badge"), self)
        title.setObjectName("section_label")
        self.title_label = title
        self.purpose_label = QLabel(self.tr("check-out tamu · check-in peserta acara"), self)
        self.purpose_label.setObjectName("hint_label")
        self.purpose_label.setWordWrap(True)  # wraps rather than widen a narrow window
        self.scan_edit = QLineEdit(self)
        self.scan_edit.setObjectName("scan_edit")
        self.scan_edit.setPlaceholderText(self.tr("Pindai badge / ketik nomor, nama, HP"))
        self.scan_edit.setToolTip(self.tr(
            "Badge tamu: tamu keluar (check-out). Badge peserta acara: peserta masuk "
            "(check-in) dan tercatat sebagai tamu hari ini."))
        self.scan_edit.setClearButtonEnabled(True)
        self.scan_edit.setMaxLength(200)
        self.scan_edit.returnPressed.connect(self.submit)
        self.scan_edit.textEdited.connect(self._on_edited)
        self.scan_edit.textChanged.connect(self._on_text_changed)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("scan_message_label")
        self.message_label.setWordWrap(True)
        self.choices = CheckOutChoices(self)
        self.choices.chosen.connect(self._on_chosen)
        self.choices.cancelled.connect(self._on_choice_cancelled)
        self.choices.typing.connect(self._on_typed_at_choices)
        hint = QLabel(self.tr("F2"), self)
        hint.setObjectName("hint_label")
        hint.setToolTip(self.tr("Tekan F2 dari mana saja di aplikasi untuk memindai"))
        row = QHBoxLayout()
        row.addWidget(title)
        row.addWidget(self.purpose_label, 1)  # all the room there is, wrapped only if need be
        row.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.scan_edit)
        layout.addWidget(self.message_label)
        layout.addWidget(self.choices)
        # The line is kept even when empty, so the lists do not jump at every scan.
        self.message_label.setMinimumHeight(self.message_label.fontMetrics().height())

    @Slot()
    def submit(self) -> None:
        key = self.scan_edit.text().strip()
        if key:
            # Cleared at once so that the next scan starts on an empty field.
            self.scan_edit.clear()
            self.check_out(key)

    def check_out(self, key: str, take_focus: bool = True) -> None:
        """Check out by scanned QR text, visit id or badge number (a participant's
        badge checks the participant in).

        `take_focus=False` leaves the keyboard where it is after a success (a badge
        scanned while someone was half-way through the registration form); a
        failure always brings it here, to the message and the text to correct.
        """
        core, actor = self._ctx.core, self._ctx.require_actor()
        asked = self._ask()

        def scan() -> CheckOutResult | VisitRecord | list[VisitRecord]:
            if core.bookings.find_attendee(key) is None:
                try:
                    return core.visitors.check_out(actor, key)
                except NotFound:
                    if len(key) >= UUID_CHARS:  # a scanned code: no person's name
                        raise
                    return core.visitors.inside_matching(actor, key)  # no badge: who is it?
            attendee: AttendeeRecord = core.bookings.check_in_attendee(actor, key)
            return core.visitors.get_visit(attendee.visit_id or "")

        self._ctx.runner.op(scan, self).success(
            lambda result: self._on_scanned(result, take_focus, asked)
        ).failure(lambda exc: self._on_failed(key, exc, asked)).run()

    def _ask(self) -> int:
        """A new question: the offer on screen (if any) was for an older one."""
        self.choices.clear()
        self._asked += 1
        return self._asked

    def _is_current(self, asked: int) -> bool:
        """Nothing asked, typed or scanned since question `asked`."""
        return asked == self._asked

    def _on_scanned(
        self,
        result: CheckOutResult | VisitRecord | list[VisitRecord],
        take_focus: bool,
        asked: int,
    ) -> None:
        take_focus = take_focus and self._is_current(asked)  # never move the typing elsewhere
        if isinstance(result, list):
            if self._is_current(asked):  # else newer input asks its own question
                self._offer(result)
            return
        if isinstance(result, CheckOutResult):
            self._on_checked_out(result, take_focus)
            return
        self.show_message(
            "success",
            self.tr("{name} masuk sebagai peserta · {badge} · {time}").format(
                name=isolate(result.name),
                badge=result.badge_number,
                time=to_wib(result.checked_in_at).strftime("%H:%M"),
            ),
        )
        if take_focus:
            self.scan_edit.setFocus()
        self.participant_checked_in.emit(result)

    def _on_checked_out(self, result: CheckOutResult, take_focus: bool = True) -> None:
        visit = result.visit
        when = to_wib(visit.checked_out_at).strftime("%H:%M") if visit.checked_out_at else ""
        self.show_message(
            "success",
            self.tr("{name} keluar · {badge} · {time}").format(
                name=isolate(visit.name), badge=visit.badge_number, time=when
            ),
        )
        if take_focus:
            self.scan_edit.setFocus()
        self.visitor_checked_out.emit(visit)

    def _offer(self, found: list[VisitRecord]) -> None:
        """The people inside whom what was typed finds: one to confirm, or a choice."""
        self.show_message("info", "")
        if len(found) == 1:
            visit = found[0]
            self.choices.offer(
                self.tr("Check-out {name} ({badge})?").format(
                    name=visit.name, badge=visit.badge_number
                ),
                found,
                self.tr("Check-out {name}").format(name=visit.name),
            )
        else:
            self.choices.offer(self.tr("Pilih tamu yang keluar:"), found)

    @Slot(object)
    def _on_chosen(self, visit: VisitRecord) -> None:
        """Check out the visit picked from the choices (typed, not scanned: "badge")."""
        core, actor = self._ctx.core, self._ctx.require_actor()
        asked = self._ask()
        self._ctx.runner.op(
            lambda: core.visitors.check_out(actor, visit.id, "badge"), self
        ).success(
            lambda result: self._on_checked_out(result, self._is_current(asked))
        ).failure(lambda exc: self._on_failed(visit.badge_number, exc, asked)).run()

    @Slot()
    def _on_choice_cancelled(self) -> None:
        self.choices.clear()
        self.show_message("info", "")
        self.scan_edit.setFocus()

    @Slot(object)
    def _on_typed_at_choices(self, event: QKeyEvent) -> None:
        """A key typed while a button of the offer had the focus: it was for the field."""
        self.scan_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.choices.clear()
        again = QKeyEvent(
            QEvent.Type.KeyPress, event.key(), event.modifiers(), event.text(),
            event.isAutoRepeat(), event.count(),
        )
        QApplication.sendEvent(self.scan_edit, again)

    def _on_failed(self, key: str, exc: BaseException, asked: int) -> None:
        if not isinstance(exc, DomainError):
            show_error(self, exc)
            return
        self.show_message("error", exc.message)
        if not self._is_current(asked):  # said, but the field holds newer input now
            set_flag(self.scan_edit, "invalid", False)
            return
        current = exc.current if isinstance(exc, BadgeReplaced) else None
        if isinstance(current, VisitRecord) and current.in_building:
            # The current badge's visit, to check out instead.
            self.choices.offer(
                "", [current], self.tr("Check-out {badge}").format(badge=current.badge_number)
            )
            return
        if not self.scan_edit.text():  # give the text back to correct a typed number
            self.scan_edit.setText(key)
            self.scan_edit.selectAll()
        self.scan_edit.setFocus()

    def show_message(self, kind: str, text: str) -> None:
        """kind: success (green), error (red, the field marked too) or info."""
        set_flag(self.message_label, "kind", kind)
        set_flag(self.scan_edit, "invalid", kind == "error")
        self.message_label.setText(text)

    def forget_error(self) -> None:
        """A check-out made elsewhere (from the list) makes an old refusal stale."""
        if self.message_label.property("kind") == "error":
            self.show_message("", "")

    def message(self) -> str:
        return self.message_label.text()

    @Slot()
    def _on_edited(self) -> None:
        if self.scan_edit.property("invalid"):
            set_flag(self.scan_edit, "invalid", False)

    @Slot()
    def _on_text_changed(self) -> None:
        """New text in the field, however it came: the offer (shown, or still to
        come back from the worker) was for the old one."""
        self._ask()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # the scan field handled it; it must not reach the form
            return
        super().keyPressEvent(event)
