"""PySide6 6.12 on Python 3.11 drops a reference to True on every emit();
`ui` patches that. Without the patch a long session aborts the interpreter."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import ui  # noqa: F401  (applies the patch)


class _Emitter(QObject):
    plain = Signal()
    with_value = Signal(object)


def test_emitting_keeps_the_reference_count_of_booleans(qapp: object) -> None:
    emitter = _Emitter()
    emitter.with_value.connect(lambda _value: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(2000):
        emitter.plain.emit()
        emitter.with_value.emit(1)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before


def test_calls_returning_nothing_never_bring_none_near_zero(qapp: object) -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None on every call of a
    method returning nothing (a painted view makes hundreds a paint); `ui` gives
    None more references than a session can drop (3.12+: None is immortal)."""
    emitter = _Emitter()
    for _ in range(2000):
        emitter.setObjectName("x")
    assert sys.getrefcount(None) > 1 << 30
