"""The style sheet: keyboard focus is clearly visible (a receptionist works by keyboard)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QPushButton, QVBoxLayout, QWidget

from tests.ui.helpers_ui import ring_pixels


@pytest.mark.parametrize("kind", ["checkbox", "button", "primary_button"])
def test_the_focused_widget_gets_an_amber_ring(qtbot, styled: None, kind: str) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    first = QPushButton("Lain", window)
    widget = QCheckBox(window) if kind == "checkbox" else QPushButton("Daftarkan", window)
    if kind == "primary_button":
        widget.setProperty("primary", True)
    layout = QVBoxLayout(window)
    layout.addWidget(first)
    layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    before = widget.grab().toImage()
    size = widget.size()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    after = widget.grab().toImage()
    assert ring_pixels(before) == 0
    assert ring_pixels(after) >= 30  # a 2px ring, not a faint patch
    assert widget.size() == size  # the ring takes no room: nothing moves
