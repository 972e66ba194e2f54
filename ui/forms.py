"""Form helpers: an error message under each field, filled from domain errors.

Services raise `ValidationError(errors={field: message})` or a `DomainError`
with a `field`; a form keeps one `FieldError` label per field name and shows
each message right under the widget it concerns.

A message appearing or going must not move the fields under it (the next
click would land on the wrong one): an error label keeps the room of one line
once it has shown a message, and a field whose message comes while it is
typed (`reserve=True`) keeps that line from the start.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from smesco_desk.errors import DomainError, ValidationError
from ui.errors import error_text


class Banner(Protocol):
    """What a refusal needs of a dialog's banner (ui.widgets.StatusBanner)."""

    def show_message(self, kind: str, text: str, action: str = "", headline: str = "") -> None: ...


class FieldError(QLabel):
    """A red message under a form field. It takes no room until its first
    message (or from the start with `reserve`), then keeps one line's room
    while empty, so the form does not jump as messages come and go."""

    def __init__(self, parent: QWidget | None = None, *, reserve: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("field_error")
        self.setWordWrap(True)
        self.hide()
        if reserve:
            self.keep_room()

    def keep_room(self) -> None:
        """Hold one line's room from now on, shown or not."""
        policy = self.sizePolicy()
        if policy.retainSizeWhenHidden():
            return
        self.ensurePolished()  # (the style sheet's font)
        self.setMinimumHeight(self.fontMetrics().lineSpacing())
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)

    def show_message(self, text: str) -> None:
        if text:
            self.keep_room()
        self.setText(text)
        self.setVisible(bool(text))


class FieldErrors:
    """The error labels of one form, by field name (the service's field keys)."""

    def __init__(self) -> None:
        self.labels: dict[str, FieldError] = {}

    def add(self, field: str, *, reserve: bool = False) -> FieldError:
        """The label of a field; `reserve`: its line's room kept from the start
        (a field checked as it is typed)."""
        label = FieldError(reserve=reserve)
        self.labels[field] = label
        return label

    def __getitem__(self, field: str) -> FieldError:
        return self.labels[field]

    def clear(self) -> None:
        for label in self.labels.values():
            label.show_message("")

    def show(self, errors: Mapping[str, str]) -> dict[str, str]:
        """Show each message under its field; returns those with no field here."""
        self.clear()
        unplaced: dict[str, str] = {}
        for field, message in errors.items():
            if field in self.labels:
                self.labels[field].show_message(message)
            else:
                unplaced[field] = message
        return unplaced

    def show_error(self, exc: DomainError) -> dict[str, str]:
        """Place a domain error's messages; returns the ones that fit no field."""
        if isinstance(exc, ValidationError):
            return self.show(exc.errors)
        return self.show({exc.field or "": exc.message})

    def show_refusal(self, exc: BaseException, banner: Banner) -> None:
        """A save the service refused: each message under its field, the ones
        that fit no field (and anything that is not a domain error) in the banner."""
        if isinstance(exc, DomainError):
            unplaced = self.show_error(exc)
            if unplaced:
                banner.show_message("error", " ".join(unplaced.values()))
        else:
            banner.show_message("error", error_text(exc))


def error_slot(*errors: FieldError) -> QWidget:
    """The messages of several fields in one place (a start and an end time),
    keeping one line's room from the start: the first message of either does
    not move the form."""
    slot = QWidget()
    layout = QVBoxLayout(slot)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for error in errors:
        layout.addWidget(error)
    errors[0].ensurePolished()
    slot.setMinimumHeight(errors[0].fontMetrics().lineSpacing())
    return slot


def with_error(widget: QWidget, error: QWidget, *below: QWidget) -> QWidget:
    """The widget with its error label right below it (one QFormLayout row),
    then any `below` widgets (e.g. a note explaining the field)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(error)
    for extra in below:
        layout.addWidget(extra)
    return box
