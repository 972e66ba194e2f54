"""Typed settings over QSettings: user options apart from remembered UI state.

Business configuration (closing time, purposes, desks) lives in the database,
not here; this is only what belongs to this PC and this user.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T


# user options (shown on the options pages)
LANGUAGE = Option("options/language", "id")
BADGE_PRINTER = Option("options/printers/badge", "")
RECEIPT_PRINTER = Option("options/printers/receipt", "")
OFFICE_PRINTER = Option("options/printers/office", "")
BADGE_FORMAT = Option("options/badge_format", "card")  # card | label
PRINT_BADGE_AFTER_REGISTER = Option("options/print_badge_after_register", True)
PREVIEW_BEFORE_PRINT = Option("options/preview_before_print", False)

PRINTER_OPTIONS = {"badge": BADGE_PRINTER, "receipt": RECEIPT_PRINTER, "office": OFFICE_PRINTER}


class UiSettings:
    """Typed access to QSettings. `state/` keys are remembered UI state."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings()

    def get(self, option: Option[T]) -> T:
        # _coerce gives a value of the default's type, which mypy cannot tie to T.
        return cast(T, _coerce(self._q.value(option.key, option.default), option.default))

    def set(self, option: Option[T], value: T) -> None:
        self._q.setValue(option.key, value)

    def printer_for(self, kind: str) -> str:
        return self.get(PRINTER_OPTIONS[kind])

    # remembered UI state: geometry, splitters, column widths
    def state(self, name: str) -> QByteArray | None:
        value: Any = self._q.value(f"state/{name}")
        return value if isinstance(value, QByteArray) else None

    def save_state(self, name: str, value: QByteArray) -> None:
        self._q.setValue(f"state/{name}", value)

    def sync(self) -> None:
        self._q.sync()


def _coerce(value: object, default: object) -> object:
    """QSettings gives back strings from an INI file: "true" for True, "3" for 3."""
    if isinstance(default, bool):
        return (value in (True, "true", "1", 1)) if not isinstance(value, bool) else value
    if isinstance(default, int):
        try:
            return int(value)  # type: ignore[call-overload]  # a bad value falls back below
        except (TypeError, ValueError):
            return default
    return value if value is not None else default
