"""What the catalogue pages with a wide form share (spaces, food-court stalls):
the list a few rows tall over a group box of columns of compact forms, a row
at its foot with a line of notes, a yes/no box and the "new" and "save"
buttons, and a combo of the kinds of charge whose taxes the entry takes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.values.payments import ChargeKindInfo
from ui.forms import with_error
from ui.pages.settings.catalogue import CataloguePage

T = TypeVar("T")
FORM_ROW_SPACING = 6
COLUMN_SPACING = 10
COMBO_CHARACTERS = 7  # a combo may shrink to this (a narrow window), eliding its text


def shrinkable(spin: QAbstractSpinBox) -> None:
    """A spin box that may be narrower than its widest value (a 1024 px window)."""
    spin.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)


def choose(combo: QComboBox, data: str, fallback: str) -> None:
    """The combo's item of `data`, else of `fallback`, else the first."""
    index = combo.findData(data)
    if index < 0:
        index = combo.findData(fallback)
    combo.setCurrentIndex(max(0, index))


class FullHeightBox(QGroupBox):
    """A group box never squeezed below its height (in a scroll area it scrolls)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class ColumnsFormPage(CataloguePage[T]):
    """A catalogue page whose form is columns side by side over a bottom row."""

    list_rows = 3  # the list keeps room for this many entries

    def keep_list_rows(self, table: QTableView) -> None:
        table.setMinimumHeight(table.horizontalHeader().sizeHint().height()
                               + self.list_rows * table.verticalHeader().defaultSectionSize()
                               + 2 * table.frameWidth())  # fmt: skip

    def columns_box(self, title: str, columns: Sequence[tuple[QLayout, int]],
                    bottom: QHBoxLayout, box: FullHeightBox) -> FullHeightBox:  # fmt: skip
        """`box` titled, holding the columns (layout, stretch) over `bottom`."""
        box.setTitle(title)
        fields = QHBoxLayout()
        fields.setSpacing(COLUMN_SPACING)
        for layout, stretch in columns:
            fields.addLayout(layout, stretch)
        column = QVBoxLayout(box)
        column.addLayout(fields)
        column.addWidget(self.errors.add(""))
        column.addLayout(bottom)
        return box

    def compact_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setVerticalSpacing(FORM_ROW_SPACING)
        form.setHorizontalSpacing(8)
        return form

    def charge_kind_combo_in(self, box: QWidget, tip: str) -> QComboBox:
        combo = QComboBox(box)
        combo.setObjectName("charge_kind_combo")
        combo.setToolTip(tip)
        combo.setMinimumContentsLength(COMBO_CHARACTERS)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def fill_charge_kinds(self, combo: QComboBox, kinds: Sequence[ChargeKindInfo],
                          default: str) -> None:  # fmt: skip
        """The kinds of charge, an inactive one marked; the one chosen kept."""
        chosen = combo.currentData() or default
        combo.clear()
        for kind in kinds:
            text = (kind.label if kind.active
                    else self.tr("{label} (nonaktif)").format(label=kind.label))  # fmt: skip
            combo.addItem(text, kind.code)
        choose(combo, chosen, default)

    def bottom_row(self, note: tuple[QLabel, QLineEdit, str], flag: tuple[QCheckBox, str],
                   buttons: tuple[QPushButton, QPushButton]) -> QHBoxLayout:  # fmt: skip
        """The line of notes (label, edit, error field), the yes/no box (with its
        error field) and the buttons, top-aligned in one row."""
        label, edit, edit_field = note
        label.setBuddy(edit)
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        top = Qt.AlignmentFlag.AlignTop
        bottom.addWidget(label, 0, top)
        bottom.addWidget(with_error(edit, self.errors.add(edit_field)), 1, top)
        bottom.addSpacing(8)
        bottom.addWidget(with_error(flag[0], self.errors.add(flag[1])), 0, top)
        bottom.addSpacing(8)
        for button in buttons:
            bottom.addWidget(button, 0, top)
        return bottom
