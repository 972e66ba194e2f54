"""Form error lines (ui/forms.py): a message coming or going does not move the
fields under it once the line has room, and a reserved line has it from the start."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from ui.forms import FieldErrors, error_slot, with_error


def _form(qtbot, reserve: bool) -> tuple[QWidget, FieldErrors, QLineEdit]:
    form = QWidget()
    qtbot.addWidget(form)
    errors = FieldErrors()
    layout = QVBoxLayout(form)
    layout.addWidget(with_error(QLineEdit(), errors.add("name", reserve=reserve)))
    layout.addWidget(with_error(QLineEdit(), error_slot(errors.add("start"), errors.add("end"))))
    below = QLineEdit()
    layout.addWidget(below)
    layout.addStretch(1)
    form.resize(300, 300)
    form.show()
    qtbot.waitExposed(form)
    return form, errors, below


def _y(widget: QWidget) -> int:
    QApplication.processEvents()
    return widget.mapTo(widget.window(), widget.rect().topLeft()).y()


def test_a_line_keeps_its_room_once_it_has_shown_a_message(qtbot) -> None:
    _form_widget, errors, below = _form(qtbot, reserve=False)
    empty = _y(below)
    errors.show({"name": "Wajib diisi."})
    shown = _y(below)
    assert shown > empty  # the first message takes its line
    errors.clear()
    assert _y(below) == shown  # going, it leaves the line: the next click lands right
    errors.show({"name": "Terlalu panjang."})
    assert _y(below) == shown


def test_a_reserved_line_and_a_slot_have_room_from_the_start(qtbot) -> None:
    _form_widget, errors, below = _form(qtbot, reserve=True)
    empty = _y(below)
    errors.show({"name": "Wajib diisi.", "end": "Sesudah jam buka."})
    assert _y(below) == empty
    errors.clear()
    assert _y(below) == empty
