"""Recognising a badge scanned into a field that is not the scan field.

A USB scanner types like a keyboard: the QR code's text (the visit id, a UUID),
each key a few milliseconds after the last, then Enter. When the receptionist
is in the middle of the registration form, that text lands in whatever field
has the focus. `ScanCatcher` watches the keys of some line edits, before the
field sees them (a field's length limit would cut the text, and its check
would report a bad phone number), and on Enter after a fast burst that is a
whole visit id it gives the field back what it held and emits `scanned(text)`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

# A badge QR code holds the visit id.
SCANNED_BADGE = re.compile(r"\s*[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\s*")
# Scanners send a key every few ms; people type a key every 100-300 ms.
MAX_KEY_GAP_S = 0.08
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanCatcher(QObject):
    """Emits `scanned(visit_id)` for a badge scanned into one of the watched fields."""

    scanned = Signal(str)

    def __init__(self, edits: Iterable[QLineEdit], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._edit: QLineEdit | None = None  # where the current burst of keys goes
        self._before = ""  # that field's text before the burst
        self._keys = ""
        self._last = 0.0
        self.burst_started = 0.0  # when the last burst of keys began (time.monotonic)
        for edit in edits:
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) \
                or not isinstance(watched, QLineEdit):
            return False
        if event.key() in ENTER_KEYS:
            return self._enter(watched)
        text = event.text()
        if text and text.isprintable():
            self._typed(watched, text)
        else:
            self._edit = None  # Backspace, arrows, Tab: a person at work
        return False

    def _typed(self, edit: QLineEdit, text: str) -> None:
        now = time.monotonic()
        if edit is not self._edit or now - self._last > MAX_KEY_GAP_S:
            self._edit, self._before, self._keys = edit, edit.text(), ""
            self.burst_started = now
        self._keys += text
        self._last = now

    def _enter(self, edit: QLineEdit) -> bool:
        """True (Enter used up) when the burst into `edit` was a whole visit id."""
        scan, before = self._keys, self._before
        # (However late the Enter: some scanners are set to send none, and a person adds it.)
        is_scan = edit is self._edit and SCANNED_BADGE.fullmatch(scan) is not None
        self._edit, self._keys = None, ""
        if not is_scan:
            return False
        edit.setText(before)  # the field as it was: the scan was never meant for it
        self.scanned.emit(scan.strip())
        return True
