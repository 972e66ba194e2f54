"""A block tariff typed as a small table (settings › Listrik & air): one row a
block, "up to" so many units (kWh, m³) at a price per unit; the last block has
no limit ("selebihnya": everything above the blocks before it). "+ Blok"
adds a block before the last, the button at the end of a row removes it.

`tariff()` gives the stored form (smesco_desk.domain.meters: `[[up_to, rate],
..., [None, rate]]`), or None when a row is not right (`mark=True` shows the
reason under each such row); the core checks the tariff again when it is
saved, its refusal shown under the whole table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.meters import MAX_BLOCK_UNITS, MAX_BLOCKS
from ui.forms import FieldError
from ui.widgets import RupiahEdit

StoredTariff = list[list[int | None]]


class _BlockRow:
    """The widgets of one block: its limit, its price, its remove button, its error."""

    def __init__(self, editor: BlockTariffEditor) -> None:
        self.up_to = QLineEdit(editor)
        self.up_to.setValidator(QIntValidator(1, MAX_BLOCK_UNITS, self.up_to))
        self.up_to.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.up_to.setMaximumWidth(110)
        self.rest = QLabel(editor)  # in place of the limit on the last row
        self.rest.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.rate = RupiahEdit(editor)
        self.rate.setMaximumWidth(150)
        self.remove = QToolButton(editor)
        self.remove.setText("✕")
        self.remove.setAutoRaise(True)
        self.error = FieldError(editor)
        self.error.setWordWrap(False)  # one short line
        for edit in (self.up_to, self.rate):
            edit.textEdited.connect(lambda _t: self.error.show_message(""))

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.up_to, self.rest, self.rate, self.remove, self.error)


class BlockTariffEditor(QWidget):
    """The blocks of one tariff; `changed` when a block is added or removed."""

    changed = Signal()

    def __init__(self, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = unit
        self.rows: list[_BlockRow] = []
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(4)
        self.grid.addWidget(QLabel(self.tr("Sampai ({unit})").format(unit=unit), self), 0, 0)
        self.grid.addWidget(QLabel(self.tr("Tarif per {unit}").format(unit=unit), self), 0, 1)
        self.add_button = QPushButton(self.tr("+ Blok"), self)
        self.add_button.setObjectName("add_block_button")
        self.add_button.setToolTip(self.tr("Tambah blok sebelum blok terakhir"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_block)
        self.grid.addWidget(self.add_button, 0, 2, 1, 2, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        self.set_tariff([[None, 0]])

    # --- content ------------------------------------------------------------------------

    def set_tariff(self, tariff: StoredTariff) -> None:
        """Show these blocks ([up_to, rate] pairs, the last up_to None)."""
        self._resize(len(tariff))
        for row, (up_to, rate) in zip(self.rows, tariff, strict=True):
            row.up_to.setText("" if up_to is None else str(up_to))
            row.rate.set_value(rate)
            row.error.show_message("")
        self._arrange()

    def tariff(self, *, mark: bool = False) -> StoredTariff | None:
        """The blocks typed, as stored; None if a row is not right (with `mark`,
        each such row shows why under it)."""
        errors = self.row_errors()
        if mark:
            for index, row in enumerate(self.rows):
                row.error.show_message(errors.get(index, ""))
        if errors:
            return None
        return [
            [None if index == len(self.rows) - 1 else int(row.up_to.text()), row.rate.value()]
            for index, row in enumerate(self.rows)
        ]

    def row_errors(self) -> dict[int, str]:
        """Why each row that is not right is not (by row, from 0)."""
        errors: dict[int, str] = {}
        below = 0
        for index, row in enumerate(self.rows):
            if index < len(self.rows) - 1:
                text = row.up_to.text().strip()
                if not text.isdigit():
                    errors[index] = self.tr("Isi batas {unit} blok ini.").format(unit=self.unit)
                    continue
                if int(text) <= below:
                    errors[index] = self.tr("Batas harus lebih dari {n} {unit}.").format(
                        n=below, unit=self.unit)  # fmt: skip
                    continue
                below = int(text)
            if row.rate.value() is None:
                errors[index] = self.tr("Isi tarif per {unit}.").format(unit=self.unit)
        return errors

    # --- rows ---------------------------------------------------------------------------

    @Slot()
    def add_block(self) -> None:
        """One more block before the open-ended last one (its limit to type)."""
        if len(self.rows) >= MAX_BLOCKS:
            return
        row = self._new_row()
        self.rows.insert(len(self.rows) - 1, row)
        self._arrange()
        row.up_to.setFocus()
        self.changed.emit()

    def remove_block(self, index: int) -> None:
        if len(self.rows) <= 1:
            return
        row = self.rows.pop(index)
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._arrange()
        self.changed.emit()

    def _resize(self, count: int) -> None:
        while len(self.rows) > max(count, 1):
            self.remove_block(0)
        while len(self.rows) < count:
            self.rows.append(self._new_row())

    def _new_row(self) -> _BlockRow:
        row = _BlockRow(self)
        row.remove.clicked.connect(lambda _c=False: self.remove_block(self.rows.index(row)))
        return row

    def _arrange(self) -> None:
        """Each block on two grid rows (its fields, then its error); the last
        block's limit is the words "selebihnya" (or "semua" if it is alone)."""
        for row in self.rows:
            for widget in row.widgets():
                self.grid.removeWidget(widget)
        for index, row in enumerate(self.rows):
            last = index == len(self.rows) - 1
            at = 1 + 2 * index
            self.grid.addWidget(row.rest if last else row.up_to, at, 0)
            self.grid.addWidget(row.rate, at, 1)
            self.grid.addWidget(row.remove, at, 2)
            self.grid.addWidget(row.error, at + 1, 0, 1, 3)
            row.up_to.setVisible(not last)
            row.rest.setVisible(last)
            row.rest.setText(self.tr("selebihnya") if index else self.tr("semua {unit}").format(
                unit=self.unit))  # fmt: skip
            row.remove.setVisible(len(self.rows) > 1)
            row.remove.setToolTip(self.tr("Hapus blok ini"))
            row.up_to.setObjectName(f"block_{index}_up_to")
            row.rate.setObjectName(f"block_{index}_rate")
        self.grid.setColumnStretch(3, 1)
        self.add_button.setEnabled(len(self.rows) < MAX_BLOCKS)
