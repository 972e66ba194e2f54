"""The lines of a sale: an item from the price list (or any description), quantity,
unit price, discount, the line's amount, and its errors right under it.

The description field is an editable combo over the price list: choosing an
item (from the list, or by typing its name; the completer matches any part of
it) fills the unit price, which stays editable, and the line carries the item's
code (it is taxed as the item's kind of charge); any other text is a free
"Lain-lain" line with that description. A row left completely empty is not a
line. Error keys from the core ("lines.2.quantity") name the line as sent, so
the editor keeps the map from those indexes back to its rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.charges import MAX_QUANTITY, LineInput
from smesco_desk.domain.text import fold
from smesco_desk.values.payments import PriceItemInfo
from ui.forms import FieldError
from ui.pages.payments.common import rupiah
from ui.widgets import RupiahEdit, set_flag

LINE_FIELDS = ("description", "quantity", "unit_price", "discount")
# Column widths of a line (the description takes the rest).
QUANTITY_WIDTH, PRICE_WIDTH, DISCOUNT_WIDTH, AMOUNT_WIDTH, REMOVE_WIDTH = 76, 124, 112, 112, 30


class LineRow(QWidget):
    """One line of the sale. Emits `changed` on every edit, `remove_requested` on ✕."""

    changed = Signal()
    remove_requested = Signal(object)  # LineRow

    def __init__(self, items: Sequence[PriceItemInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sale_line_row")
        self.item: PriceItemInfo | None = None
        self._items: list[PriceItemInfo] = []
        self._build()
        self.set_items(items)

    def _build(self) -> None:
        self.item_combo = QComboBox(self)
        self.item_combo.setObjectName("line_item_combo")
        self.item_combo.setEditable(True)
        self.item_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.item_combo.setMinimumWidth(140)
        self.item_combo.setMaxVisibleItems(14)
        edit = self.item_combo.lineEdit()
        assert edit is not None  # an editable combo always has its line edit
        edit.setPlaceholderText(self.tr("Ketik atau pilih layanan…"))
        edit.setMaxLength(200)
        self.item_combo.editTextChanged.connect(self._on_text_changed)
        self.item_combo.installEventFilter(self)  # Enter while the suggestions show
        self.quantity_spin = QSpinBox(self)
        self.quantity_spin.setObjectName("line_quantity_spin")
        self.quantity_spin.setRange(1, MAX_QUANTITY)
        self.quantity_spin.setFixedWidth(QUANTITY_WIDTH)
        self.quantity_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.quantity_spin.valueChanged.connect(self._on_edited)
        self.price_edit = RupiahEdit(self)
        self.price_edit.setObjectName("line_price_edit")
        self.price_edit.setFixedWidth(PRICE_WIDTH)
        self.price_edit.value_changed.connect(self._on_edited)
        self.discount_edit = RupiahEdit(self)
        self.discount_edit.setObjectName("line_discount_edit")
        self.discount_edit.setFixedWidth(DISCOUNT_WIDTH)
        self.discount_edit.value_changed.connect(self._on_edited)
        self.amount_label = QLabel("—", self)
        self.amount_label.setObjectName("line_amount_label")
        self.amount_label.setFixedWidth(AMOUNT_WIDTH)
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("line_remove_button")
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(self.tr("Hapus baris"))
        self.remove_button.setAccessibleName(self.tr("Hapus baris"))
        self.remove_button.setFixedSize(QSize(REMOVE_WIDTH, REMOVE_WIDTH))
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+Del from the keyboard
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.error = FieldError(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.item_combo, 1)
        for widget in (
            self.quantity_spin,
            self.price_edit,
            self.discount_edit,
            self.amount_label,
            self.remove_button,
        ):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)

    # --- the price list -------------------------------------------------------

    def set_items(self, items: Sequence[PriceItemInfo]) -> None:
        """The choices (the typed text stays, and links to an item of that name)."""
        text = self.item_combo.currentText()
        self._items = list(items)
        self.item_combo.blockSignals(True)
        self.item_combo.clear()
        for item in self._items:
            price = rupiah(item.unit_price) + (f" / {item.unit}" if item.unit else "")
            self.item_combo.addItem(item.name, item.code)
            self.item_combo.setItemData(
                self.item_combo.count() - 1, price, Qt.ItemDataRole.ToolTipRole
            )
        self.item_combo.setCurrentIndex(-1)
        self.item_combo.setEditText(text)
        self.item_combo.blockSignals(False)
        completer = QCompleter([i.name for i in self._items], self.item_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.item_combo.setCompleter(completer)
        popup = completer.popup()
        assert popup is not None  # QCompleter makes its own popup on first ask
        popup.installEventFilter(self)
        self.item = self._item_named(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        """Enter or Tab in the suggestions takes the highlighted item, or the only
        one shown ("studio" is the photo studio, not a typed line at Rp0), and goes
        on to the quantity (the completer keeps those keys from the dialog, which
        would do that itself)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
        ):
            if self.take_suggestion():
                self._to_quantity()
                return True
            QTimer.singleShot(0, self, self._to_quantity)
        return super().eventFilter(watched, event)

    def take_suggestion(self) -> bool:
        """While the suggestions show: take the highlighted one, or the only one."""
        completer = self.item_combo.completer()
        popup = completer.popup() if completer is not None else None
        if completer is None or popup is None or not popup.isVisible():
            return False
        model = completer.completionModel()
        index = popup.currentIndex()
        if not index.isValid() and model.rowCount() == 1:
            index = model.index(0, 0)
        if not index.isValid():
            return False
        popup.hide()
        self.window().activateWindow()  # (offscreen Qt leaves the hidden popup active)
        self.item_combo.setEditText(str(index.data()))  # fills the item's price
        return True

    @Slot()
    def _to_quantity(self) -> None:
        edit = self.item_combo.lineEdit()
        if self.item_combo.hasFocus() or (edit is not None and edit.hasFocus()):
            self.quantity_spin.setFocus(Qt.FocusReason.TabFocusReason)

    def _item_named(self, text: str) -> PriceItemInfo | None:
        key = fold(text)
        return next((i for i in self._items if key and fold(i.name) == key), None)

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        item = self._item_named(text)
        if item is not None and item != self.item:
            self.price_edit.set_value(item.unit_price)  # the list's price, still editable
        self.item = item
        self._on_edited()

    # --- values and errors ----------------------------------------------------

    def is_blank(self) -> bool:
        return (
            not self.item_combo.currentText().strip()
            and self.price_edit.value() is None
            and self.discount_edit.value() is None
        )

    def line(self) -> LineInput:
        item = self.item
        return LineInput(
            description=self.item_combo.currentText().strip(),
            quantity=self.quantity_spin.value(),
            unit_price=self.price_edit.value() or 0,
            discount=self.discount_edit.value() or 0,
            unit=item.unit if item else "",
            item_code=item.code if item else None,
        )

    def widget_for(self, field: str) -> QWidget:
        return {
            "description": self.item_combo,
            "quantity": self.quantity_spin,
            "unit_price": self.price_edit,
            "discount": self.discount_edit,
        }[field]

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Messages by field (description, quantity, ...) under the row, fields marked."""
        self.error.show_message(" ".join(errors.values()))
        for field in LINE_FIELDS:
            marked = field in errors
            if bool(self.widget_for(field).property("invalid")) != marked:
                set_flag(self.widget_for(field), "invalid", marked)

    def first_bad_widget(self, errors: Mapping[str, str]) -> QWidget | None:
        return next((self.widget_for(f) for f in LINE_FIELDS if f in errors), None)

    def set_amount(self, amount: int | None) -> None:
        self.amount_label.setText("—" if amount is None else rupiah(amount))

    @Slot()
    def _on_edited(self) -> None:
        if self.error.isVisible() or any(
            self.widget_for(f).property("invalid") for f in LINE_FIELDS
        ):
            self.show_errors({})
        self.changed.emit()


class LinesEditor(QFrame):
    """The lines of a sale, with a header and an "add a line" button."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sale_lines")
        self.rows: list[LineRow] = []
        self._items: list[PriceItemInfo] = []
        self._sent: list[LineRow] = []  # the rows behind the last lines() (error keys)
        self.error = FieldError(self)  # "lines": no line at all, total too large
        self._rows_box = QWidget(self)
        self._rows_box.setObjectName("sale_rows_box")
        self._rows_layout = QVBoxLayout(self._rows_box)
        self._rows_layout.setContentsMargins(8, 8, 8, 8)
        self._rows_layout.setSpacing(6)
        self._rows_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("sale_lines_scroll")
        self.scroll_area.setWidget(self._rows_box)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the lines themselves
        self.add_row()
        # Made after the first line: Tab goes from the lines to this button.
        self.add_button = QPushButton(self.tr("+ T&ambah baris"), self)
        self.add_button.setObjectName("add_line_button")
        self.add_button.setToolTip(self.tr("Tambah baris (Ctrl+T)"))
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._header())
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)

    def _header(self) -> QGridLayout:
        titles = (
            (self.tr("Uraian"), 0),
            (self.tr("Banyak"), QUANTITY_WIDTH),
            (self.tr("Harga satuan"), PRICE_WIDTH),
            (self.tr("Diskon"), DISCOUNT_WIDTH),
            (self.tr("Jumlah"), AMOUNT_WIDTH),
            ("", REMOVE_WIDTH),
        )
        header = QGridLayout()
        header.setContentsMargins(9, 0, 9, 0)  # over the lines, inside their frame
        header.setHorizontalSpacing(6)
        for column, (title, width) in enumerate(titles):
            label = QLabel(title, self)
            label.setObjectName("line_header_label")
            if width:
                label.setFixedWidth(width)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            header.addWidget(label, 0, column)
        header.setColumnStretch(0, 1)
        return header

    # --- rows -----------------------------------------------------------------

    def set_items(self, items: Sequence[PriceItemInfo]) -> None:
        self._items = list(items)
        for row in self.rows:
            row.set_items(self._items)

    def add_row(self, focus: bool = False) -> LineRow:
        row = LineRow(self._items, self._rows_box)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self.remove_row)
        self._rows_layout.insertWidget(len(self.rows), row)
        previous = self.rows[-1].discount_edit if self.rows else None
        self.rows.append(row)
        if previous is not None:  # Tab goes along the line, then to the next line
            chain = [previous, row.item_combo, row.quantity_spin, row.price_edit, row.discount_edit]
            for first, second in zip(chain, chain[1:], strict=False):
                QWidget.setTabOrder(first, second)
        if focus:
            row.item_combo.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(row)
        self.changed.emit()
        return row

    @Slot(object)
    def remove_row(self, row: LineRow) -> None:
        """Remove a line; the last one is only emptied (there is always a line to type in)."""
        if len(self.rows) == 1:
            self.rows.remove(row)
            row.deleteLater()
            self.add_row(focus=True)
            return
        index = self.rows.index(row)
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self.rows[min(index, len(self.rows) - 1)].item_combo.setFocus()
        self.changed.emit()

    def remove_focused_row(self) -> None:
        """Ctrl+Del: remove the line the keyboard is in."""
        row = self.focused_row()
        if row is not None:
            self.remove_row(row)

    def focused_row(self) -> LineRow | None:
        focus = QApplication.focusWidget()
        return next((r for r in self.rows if focus is not None and r.isAncestorOf(focus)), None)

    # --- values and errors ----------------------------------------------------

    def lines(self) -> tuple[LineInput, ...]:
        """The lines to send (empty rows left out), in order."""
        self._sent = [row for row in self.rows if not row.is_blank()]
        return tuple(row.line() for row in self._sent)

    def sent_rows(self) -> list[LineRow]:
        return list(self._sent)

    def kind_code(self, kinds: Sequence[str]) -> str:
        """The kind of charge of the sale. Each price-list line carries its item's
        code and is taxed as that item's kind; a typed line is taxed as this kind.
        So it is the items' kind only when every line is an item of one kind (a
        room rental stays a room rental); with a typed line, or items of
        different kinds, it is "other" (Lain-lain)."""
        rows = self._sent or self.rows
        item_kinds = {row.item.kind_code for row in rows if row.item is not None}
        if len(item_kinds) == 1 and all(row.item is not None for row in rows):
            (kind,) = item_kinds
            if kind in kinds:
                return kind
        for fallback in ("other", "service"):
            if fallback in kinds:
                return fallback
        return kinds[0] if kinds else "other"

    def show_errors(self, errors: Mapping[str, str]) -> QWidget | None:
        """Errors keyed "lines" or "lines.N.field"; returns the first widget to fix."""
        per_row: dict[int, dict[str, str]] = {}
        for key, message in errors.items():
            parts = key.split(".")
            if len(parts) == 3 and parts[1].isdigit():
                per_row.setdefault(int(parts[1]), {})[parts[2]] = message
        self.error.show_message(errors.get("lines", ""))
        first: QWidget | None = None
        for index, row in enumerate(self._sent):
            row.show_errors(per_row.get(index, {}))
            first = first or row.first_bad_widget(per_row.get(index, {}))
        if first is None and "lines" in errors and self.rows:
            first = self.rows[0].item_combo
        return first

    def set_amounts(self, amounts: Sequence[int] | None) -> None:
        """The amounts of the sent lines from a quote (None: unknown)."""
        for row in self.rows:
            row.set_amount(None)
        if amounts is not None:
            for row, amount in zip(self._sent, amounts, strict=False):
                row.set_amount(amount)

    def set_row_amounts(self, rows: Sequence[LineRow], amounts: Sequence[int]) -> None:
        """The amounts of these rows (a quote without the bad lines); others "—"."""
        known = dict(zip([id(r) for r in rows], amounts, strict=False))
        for row in self.rows:
            row.set_amount(known.get(id(row)))

    def is_blank(self) -> bool:
        return all(row.is_blank() for row in self.rows)


def concerns_lines(key: str) -> bool:
    """An error of the lines ("lines", "lines.2.quantity") or of their taxes."""
    return key.split(".")[0] in ("lines", "taxes")


def line_errors(errors: Mapping[str, str]) -> dict[str, str]:
    """The errors of the lines ("lines", "lines.N.field"); the taxes' (two kinds of
    charge taxing one tax at different rates) go under the lines too."""
    own = {k: v for k, v in errors.items() if k.split(".")[0] == "lines"}
    others = [v for k, v in errors.items() if k.split(".")[0] == "taxes"]
    if others:
        own["lines"] = " ".join([own.get("lines", ""), *others]).strip()
    return own
