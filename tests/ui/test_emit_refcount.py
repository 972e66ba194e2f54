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
