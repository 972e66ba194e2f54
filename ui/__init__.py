"""The PySide6 user interface of Smesco Desk."""

from __future__ import annotations

import sys


def _keep_emit_result_alive() -> None:
    """Work around PySide6 6.12 on Python 3.11: `SignalInstance.emit()` returns
    True without a new reference, so every emit from Python drops one reference
    to True, and after a few hundred emits the interpreter aborts
    ("bool_dealloc"). Python 3.12+ has immortal booleans and needs nothing.
    """
    if sys.version_info >= (3, 12):
        return
    import ctypes

    from PySide6.QtCore import SignalInstance

    original = SignalInstance.emit
    if getattr(original, "_smesco_patched", False):
        return

    def emit(self: SignalInstance, *args: object) -> object:
        result = original(self, *args)
        if result is True or result is False:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
        return result

    emit._smesco_patched = True  # type: ignore[attr-defined]
    # The stubs say emit() returns None; it returns the bool this keeps alive.
    SignalInstance.emit = emit  # type: ignore[method-assign, assignment]


# Qt's system libraries first: a missing one ends the start with the command
# that installs it, not with a bare ImportError.
from ui.system_libraries import require_qt  # noqa: E402

require_qt()
_keep_emit_result_alive()
