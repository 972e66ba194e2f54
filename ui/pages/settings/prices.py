"""The price list (supervisors and administrators): the services the front desk
sells, with code, name, unit, price and kind of charge. A short catalogue: a
table of the whole list and a form under it, saved with its own button (or
Enter in the form) through the core, off the UI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.money import InvalidAmount, format_rupiah, parse_rupiah
from smesco_desk.services.actors import Permission
from smesco_desk.values.payments import ChargeKindInfo, PriceItemInfo
from ui.context import AppContext
from ui.forms import with_error
from ui.models.values_table import Column
from ui.pages.settings.catalogue import CataloguePage
from ui.pages.settings.charge_kinds import KIND_TABLES
from ui.pages.settings.registry import settings_page
from ui.widgets import note_label

# data_changed names: the tables the saves write, as sync pulls announce them.
PRICE_TABLES = frozenset({"price_items"})
DEFAULT_KIND = "service"
NAME_COLUMN = 1  # takes the room left by the others
PRICE_COLUMN = 3


@settings_page(order=50, permission=Permission.MANAGE_PRICES)
class PricesPage(CataloguePage[PriceItemInfo]):
    """The services the front desk sells: code, name, unit, price and kind of charge."""

    name = "prices"
    tables = PRICE_TABLES | KIND_TABLES
    right_columns = (PRICE_COLUMN,)
    stretch_column = NAME_COLUMN
    enter_saves = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._kind_labels: dict[str, str] = {}

    def title(self) -> str:
        return self.tr("Harga")

    def columns(self) -> Sequence[Column[PriceItemInfo]]:
        yes, no = self.tr("Ya"), self.tr("Tidak")
        return [
            (self.tr("Kode"), lambda p: p.code),
            (self.tr("Nama layanan"), lambda p: p.name),
            (self.tr("Satuan"), lambda p: p.unit),
            (self.tr("Harga"), lambda p: format_rupiah(p.unit_price)),
            (self.tr("Jenis tagihan"), lambda p: self._kind_labels.get(p.kind_code, p.kind_code)),
            (self.tr("Aktif"), lambda p: yes if p.active else no),
        ]

    def arrange(self, table: QTableView, form: QGroupBox) -> None:
        # Six columns do not fit beside a form in a 1024 px window: the form goes below.
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addWidget(form)

    def build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Layanan"), self)
        self.code_edit = QLineEdit(box)
        self.code_edit.setObjectName("code_edit")
        self.code_edit.setPlaceholderText(self.tr("mis. studio_jam"))
        self.name_edit = QLineEdit(box)
        self.name_edit.setObjectName("name_edit")
        self.unit_edit = QLineEdit(box)
        self.unit_edit.setObjectName("unit_edit")
        self.unit_edit.setPlaceholderText(self.tr("mis. jam, lembar"))
        self.unit_edit.setMaxLength(32)
        self.price_edit = QLineEdit(box)
        self.price_edit.setObjectName("price_edit")
        self.price_edit.setPlaceholderText(self.tr("mis. 150.000"))
        self.price_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.price_edit.editingFinished.connect(self._tidy_price)
        self.kind_combo = QComboBox(box)
        self.kind_combo.setObjectName("kind_combo")
        self.active_check = QCheckBox(self.tr("Aktif (dapat dipilih saat menagih)"), box)
        self.active_check.setObjectName("active_check")
        self.active_check.setChecked(True)
        left, right = QFormLayout(), QFormLayout()
        for form, label, widget, field in (
            (left, self.tr("Kode"), self.code_edit, "code"),
            (left, self.tr("Nama layanan"), self.name_edit, "name"),
            (left, self.tr("Satuan"), self.unit_edit, "unit"),
            (right, self.tr("Harga"), self.price_edit, "unit_price"),
            (right, self.tr("Jenis tagihan"), self.kind_combo, "kind_code"),
        ):
            form.addRow(label, with_error(widget, self.errors.add(field)))
        right.addRow(self.active_check)  # the whole row: the field column would cut its text
        fields = QHBoxLayout()  # (its spacing would be the forms' row spacing too)
        fields.addLayout(left, 3)
        fields.addSpacing(24)
        fields.addLayout(right, 2)
        column = QVBoxLayout(box)
        column.addLayout(fields)
        column.addWidget(self.errors.add(""))
        column.addLayout(self._bottom_row(box))
        return box

    def _bottom_row(self, box: QGroupBox) -> QHBoxLayout:
        self.new_button, self.save_item_button = self.buttons(
            box, ("new_price_button", self.tr("Layanan baru")),
            ("save_price_button", self.tr("Simpan harga")))
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addWidget(note_label(self.tr(
            "Kode tidak dapat diubah setelah disimpan. Harga baru berlaku untuk tagihan "
            "berikutnya; layanan yang tidak dijual lagi cukup dinonaktifkan."), box), 1)
        bottom.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignBottom)
        bottom.addWidget(self.save_item_button, 0, Qt.AlignmentFlag.AlignBottom)
        return bottom

    def enter_widgets(self) -> Sequence[QWidget]:
        return (self.code_edit, self.name_edit, self.unit_edit, self.price_edit,
                self.kind_combo, self.active_check)

    def fetch(self) -> Callable[[], tuple[list[ChargeKindInfo], list[PriceItemInfo]]]:
        payments = self.ctx.core.payments
        return lambda: (payments.charge_kinds(active_only=False),
                        payments.price_list(active_only=False))

    def rows_from(
            self, loaded: tuple[list[ChargeKindInfo], list[PriceItemInfo]]
    ) -> Sequence[PriceItemInfo]:
        kinds, items = loaded
        self._kind_labels = {k.code: k.label for k in kinds}
        self._fill_kinds(kinds)
        return items

    def _fill_kinds(self, kinds: list[ChargeKindInfo]) -> None:
        chosen = self.kind_combo.currentData() or DEFAULT_KIND
        self.kind_combo.clear()
        for kind in kinds:
            text = (kind.label if kind.active
                    else self.tr("{label} (nonaktif)").format(label=kind.label))
            self.kind_combo.addItem(text, kind.code)
        self._choose_kind(chosen)

    def _choose_kind(self, code: str) -> None:
        index = self.kind_combo.findData(code)
        if index < 0:
            index = self.kind_combo.findData(DEFAULT_KIND)
        self.kind_combo.setCurrentIndex(max(0, index))

    def key(self, value: PriceItemInfo) -> object:
        return value.code

    def show_entry(self, value: PriceItemInfo) -> None:
        self.code_edit.setText(value.code)
        self.code_edit.setReadOnly(True)
        self.name_edit.setText(value.name)
        self.name_edit.setCursorPosition(0)  # a long name shows its beginning
        self.unit_edit.setText(value.unit)
        self.price_edit.setText(format_rupiah(value.unit_price))
        self._choose_kind(value.kind_code)
        self.active_check.setChecked(value.active)

    def clear_form(self) -> None:
        for edit in (self.code_edit, self.name_edit, self.unit_edit, self.price_edit):
            edit.clear()
        self.code_edit.setReadOnly(False)
        self._choose_kind(DEFAULT_KIND)
        self.active_check.setChecked(True)

    def first_field(self) -> QWidget:
        return self.code_edit

    new_item = CataloguePage.new_entry

    @Slot()
    def _tidy_price(self) -> None:
        """Show a typed price the way the table does (150000 -> Rp150.000)."""
        try:
            price = parse_rupiah(self.price_edit.text())
        except InvalidAmount:
            return
        if price >= 0:
            self.price_edit.setText(format_rupiah(price))

    @Slot()
    def save_entry(self) -> None:
        self.errors.clear()
        try:
            price = parse_rupiah(self.price_edit.text())
        except InvalidAmount as exc:
            self.errors["unit_price"].show_message(str(exc))
            self.price_edit.setFocus()
            return
        actor, payments = self.ctx.require_actor(), self.ctx.core.payments
        code, name, unit = self.code_edit.text(), self.name_edit.text(), self.unit_edit.text()
        kind, active = str(self.kind_combo.currentData() or ""), self.active_check.isChecked()
        self.run_save(
            lambda: payments.save_price_item(actor, code, name, price, unit, kind, active))

    save_item = save_entry

    def show_saved(self, value: PriceItemInfo) -> None:
        self.code_edit.setText(value.code)
        self.code_edit.setReadOnly(True)
        self.price_edit.setText(format_rupiah(value.unit_price))
