"""Typed domain errors with messages a receptionist understands."""

from __future__ import annotations

from collections.abc import Mapping


class DomainError(Exception):
    """A refusal the user can act on. `field` names the form field it concerns."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationError(DomainError):
    """Bad input: one message per field; nothing was saved."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        first_field, first_message = next(iter(self.errors.items()))
        super().__init__(first_message, first_field)

    def __str__(self) -> str:
        return "; ".join(f"{field}: {msg}" for field, msg in self.errors.items())


class NotFound(DomainError):
    pass


class PermissionDenied(DomainError):
    pass


class AlreadyDone(DomainError):
    """The change was already made (e.g. a visit already checked out)."""


class BadgeReplaced(AlreadyDone):
    """An old badge of a visitor who was given a new one: `current` is the visit
    of the badge that replaced it (a VisitRecord), still open or not."""

    def __init__(self, message: str, current: object, field: str | None = None) -> None:
        super().__init__(message, field)
        self.current = current


class SetupRequired(DomainError):
    """The database has not been initialised yet."""


class DatabaseReplaced(DomainError):
    """The database file was replaced (restored) under a running program: what it
    would write now would go to a file nobody reads, so it writes nothing more."""


class DatabaseInUse(DomainError):
    """Another program has the database open: a restore would pull it out from under it."""


class PasswordChangeRequired(DomainError):
    """The password was right but is a temporary one an administrator gave: the
    person chooses their own before they may act (the login dialog asks)."""


class ApprovalRequired(DomainError):
    """What the acting user asked for needs a supervisor's approval (a price
    changed from the price list, a discount above the limit, a visitor on the
    watchlist). `kind` and `subject` say what exactly: an approval given for
    them (smesco_desk.services.approvals) lets the same call through. `reasons`
    are the lines to show; `approvable` is False when nobody may let it through
    (a visitor the watchlist refuses). `details` are what the approving
    supervisor compares (a watchlist entry matched by the name only: its masked
    phone and NIK), shown in the approval dialog, not in the message."""

    def __init__(
        self,
        kind: str,
        subject: str,
        reasons: tuple[str, ...],
        *,
        approvable: bool = True,
        details: tuple[str, ...] = (),
    ) -> None:
        super().__init__(" ".join(reasons), "approval")
        self.kind = kind
        self.subject = subject
        self.reasons = reasons
        self.approvable = approvable
        self.details = details
