"""The lines of a sale: an item from the price list (or any description), quantity,
unit price, discount, the line's amount, and its errors right under it.

The description field is an editable combo over the price list: choosing an
item (from the list, or by typing its name; the completer matches any part of
it) fills the unit price, and the line carries the item's code (it is taxed as
the item's kind of charge); any other text is a free "Lain-lain" line with
that description. For a user who may not change prices alone (issue 13) the
price of an item stays the list's: read-only, skipped by Tab and Enter, and
the ✎ button beside it lets them type another, which the core then sells only
with a supervisor's approval. Enter goes along a line as Tab does (the
service, its quantity, the price where it may be typed, the discount) and from
the discount to the next line (a new one after the last); a discount above
the administrator's limit is noted at its line as it is typed (the approval
itself is asked when paying). A row left completely
empty is not a line (sale_line_row holds one line). Error keys from the core
("lines.2.quantity") name the line as sent, so the editor keeps the map from
those indexes back to its rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.charges import LineInput
from smesco_desk.values.payments import DiscountCheck, PriceItemInfo
from ui.forms import FieldError
from ui.pages.payments.sale_line_row import (
    AMOUNT_WIDTH,
    DISCOUNT_WIDTH,
    PRICE_WIDTH,
    QUANTITY_WIDTH,
    REMOVE_WIDTH,
    UNLOCK_WIDTH,
    LineRow,
)

__all__ = ["LineRow", "LinesEditor", "concerns_lines", "line_errors"]


class LinesEditor(QFrame):
    """The lines of a sale, with a header and an "add a line" button."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sale_lines")
        self.rows: list[LineRow] = []
        self._items: list[PriceItemInfo] = []
        self._lock_prices = False
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
            ("", UNLOCK_WIDTH),
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

    def set_price_lock(self, locked: bool) -> None:
        self._lock_prices = locked
        for row in self.rows:
            row.set_price_lock(locked)

    def enter_from(self, focus: QWidget | None) -> bool:
        """Enter in a line's discount, its last field, goes to the next line (a new
        one after the last); the fields before it go on as Tab does. True when it
        moved."""
        row = next(
            (
                r
                for r in self.rows
                if focus is r.discount_edit
                or (focus is not None and r.discount_edit.isAncestorOf(focus))
            ),
            None,
        )
        if row is None or row.is_blank():
            return False
        index = self.rows.index(row)
        if index + 1 < len(self.rows):
            self.rows[index + 1].item_combo.setFocus(Qt.FocusReason.TabFocusReason)
            self.scroll_area.ensureWidgetVisible(self.rows[index + 1])
        else:
            self.add_row(focus=True)
        return True

    def add_row(self, focus: bool = False) -> LineRow:
        row = LineRow(self._items, self._rows_box)
        row.set_price_lock(self._lock_prices)
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

    def unlock_focused_price(self) -> None:
        """F2: type another price for the item of the line the keyboard is in."""
        row = self.focused_row()
        if row is not None and row.price_locked():
            row.unlock_price()

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

    def show_discount_check(self, check: DiscountCheck | None) -> None:
        """Note the sent lines whose discount is above the limit (None: none)."""
        over = set(check.over_limit) if check is not None else set()
        for index, row in enumerate(self._sent):
            row.show_discount_over(check.limit_percent if check and index in over else None)
        for row in self.rows:
            if row not in self._sent:
                row.show_discount_over(None)

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
