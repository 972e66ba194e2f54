"""One line of a sale (issue 13 split it from sale_lines): the item or any
description, quantity, unit price (the list's, locked for a user who may not
change it alone, with ✎ to type another), discount, amount and its errors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
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
UNLOCK_WIDTH = 26


class LineRow(QWidget):
    """One line of the sale. Emits `changed` on every edit, `remove_requested` on ✕."""

    changed = Signal()
    remove_requested = Signal(object)  # LineRow

    def __init__(self, items: Sequence[PriceItemInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sale_line_row")
        self.item: PriceItemInfo | None = None
        self._items: list[PriceItemInfo] = []
        self._lock_prices = False  # the user may not change a list price alone
        self._unlocked = False  # ... but chose to type another (asks at paying)
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
        self.unlock_button = QToolButton(self)
        self.unlock_button.setObjectName("line_unlock_price_button")
        self.unlock_button.setText("✎")
        self.unlock_button.setToolTip(
            self.tr("Ubah harga dari daftar harga (perlu persetujuan supervisor)")
        )
        self.unlock_button.setAccessibleName(self.tr("Ubah harga"))
        self.unlock_button.setFixedSize(QSize(UNLOCK_WIDTH, UNLOCK_WIDTH))
        self.unlock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.unlock_button.clicked.connect(self.unlock_price)
        keep = self.unlock_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the columns stay under their headers
        self.unlock_button.setSizePolicy(keep)
        self.unlock_button.hide()
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
        self.note_label = QLabel(self)  # a discount above the limit, as it is typed
        self.note_label.setObjectName("line_note_label")
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.item_combo, 1)
        for widget in (
            self.quantity_spin,
            self.price_edit,
            self.unlock_button,
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
        layout.addWidget(self.note_label)

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
            self._unlocked = False
            self.price_edit.set_value(item.unit_price)  # the list's price
        self.item = item
        self._apply_lock()
        self._on_edited()

    # --- the list's price, locked -------------------------------------------

    def set_price_lock(self, locked: bool) -> None:
        """Lock the price of price-list items (a user who may not change it alone)."""
        self._lock_prices = locked
        self._apply_lock()

    def price_locked(self) -> bool:
        return self._lock_prices and self.item is not None and not self._unlocked

    def _apply_lock(self) -> None:
        locked = self.price_locked()
        self.price_edit.setReadOnly(locked)
        self.price_edit.setFocusPolicy(
            Qt.FocusPolicy.NoFocus if locked else Qt.FocusPolicy.StrongFocus
        )
        self.price_edit.setToolTip(
            self.tr("Harga dari daftar harga. Ubah dengan ✎ (perlu persetujuan supervisor).")
            if locked
            else ""
        )
        set_flag(self.price_edit, "locked", locked)
        self.unlock_button.setVisible(locked)

    @Slot()
    def unlock_price(self) -> None:
        """Type another price for this item: the sale then asks a supervisor."""
        self._unlocked = True
        self._apply_lock()
        self.price_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.price_edit.selectAll()

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

    def show_discount_over(self, limit_percent: int | None) -> None:
        """Say at the line that its discount is above the limit (None: it is not)."""
        if limit_percent is None:
            self.note_label.hide()
            return
        self.note_label.setText(
            self.tr("Diskon di atas batas {limit}%: perlu persetujuan supervisor saat membayar.")
            .format(limit=limit_percent)
        )
        self.note_label.show()

    def set_amount(self, amount: int | None) -> None:
        self.amount_label.setText("—" if amount is None else rupiah(amount))

    @Slot()
    def _on_edited(self) -> None:
        if self.error.isVisible() or any(
            self.widget_for(f).property("invalid") for f in LINE_FIELDS
        ):
            self.show_errors({})
        self.changed.emit()
