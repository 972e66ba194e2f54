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


def _keep_none_alive() -> None:
    """Work around PySide6 6.12 on Python 3.11: a C++ method returning nothing
    returns None without a new reference, so every call such as
    `label.setText()` or `painter.drawLine()` drops one reference to None. The
    count (about 36,000 at start) would reach zero within seconds of painting a
    custom view (hundreds of QPainter calls a paint), and the interpreter
    aborts ("none_dealloc"). Python 3.12+ makes None immortal; here None gets
    2**40 more references, more than any session can drop.
    """
    if sys.version_info >= (3, 12):
        return
    import ctypes

    before = sys.getrefcount(None)
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, PyObject's first field
    if count.value not in range(before - 8, before + 8):  # not that layout: leave it alone
        return
    if count.value < 1 << 40:
        count.value += 1 << 40


# Qt's system libraries first: a missing one ends the start with the command
# that installs it, not with a bare ImportError.
from ui.system_libraries import require_qt  # noqa: E402

require_qt()
_keep_emit_result_alive()
_keep_none_alive()
