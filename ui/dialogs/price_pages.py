"""Supervisors' and administrators' settings pages: the price list and the kinds
of charge with their taxes.

Like the purposes page (ui/dialogs/admin_pages.py) each is a short catalogue:
a table of the whole list and a form to add or change one entry, saved with its
own button (or Enter in the form) through the core, off the UI thread.
A kind's taxes are copied onto each charge when it is made, so changing them
affects only charges made afterwards.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.charges import MAX_RATE_BP, TaxRule, format_rate
from smesco_desk.domain.money import InvalidAmount, format_rupiah, parse_rupiah
from smesco_desk.values.payments import ChargeKindInfo, PriceItemInfo
from ui.context import AppContext
from ui.dialogs.admin_pages import (
    AnyIndex,
    ValuesTableModel,
    _failed,
    _table,
)
from ui.dialogs.settings_dialog import OptionsPage, note_label
from ui.forms import FieldError, FieldErrors, with_error

T = TypeVar("T")
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# data_changed names: the tables the saves write, as sync pulls announce them.
PRICE_TABLES = frozenset({"price_items"})
KIND_TABLES = frozenset({"charge_kinds"})
KINDS_FORM_WIDTHS = (350, 400)  # a tax line needs more room than the purposes form
DEFAULT_KIND = "service"
NAME_COLUMN = 1  # of the price list: takes the room left by the others
TAXES_COLUMN = 2  # of the kinds of charge, likewise
NO_TAXES = "—"
TAX_CODE_WIDTH = 64  # a tax line: code, name (the rest), rate, remove button
TAX_RATE_WIDTH = 64
HINT_ROOM = 28  # a field's frame and padding around its placeholder
TAX_REMOVE_WIDTH = 28
TAX_SPACING = 6
_RATE = re.compile(r"(?P<whole>[0-9]{1,3})(?:[.,](?P<part>[0-9]{1,2}))?\s*%?")


def parse_rate(text: str) -> int:
    """A tax rate typed in percent, in basis points: "11" -> 1100, "11,5" -> 1150,
    "12%" -> 1200, "0,25" -> 25. ValueError with a user-facing message otherwise."""
    match = _RATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(
            QCoreApplication.translate(
                "ChargeKindsPage", "Tarif tidak valid: tulis persen, misalnya 11 atau 11,5"
            )
        )
    rate = int(match["whole"]) * 100 + int((match["part"] or "0").ljust(2, "0"))
    if rate > MAX_RATE_BP:
        raise ValueError(
            QCoreApplication.translate("ChargeKindsPage", "Tarif pajak harus 0 sampai 100%.")
        )
    return rate


def taxes_text(taxes: Sequence[TaxRule]) -> str:
    """A kind's taxes in a table cell: "PPN 11%", "PPN 11%, PB1 10%", or a dash."""
    return ", ".join(f"{t.label} {format_rate(t.rate_bp)}" for t in taxes) or NO_TAXES


class AlignedTableModel(ValuesTableModel[T]):
    """A ValuesTableModel whose `right` columns (amounts) are right-aligned."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[T], str]]],
        right: Sequence[int] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, parent)
        self._right = frozenset(right)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and index.isValid()
            and index.column() in self._right
        ):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().data(index, role)

    def headerData(  # noqa: N802 - Qt override
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and orientation == Qt.Orientation.Horizontal
            and section in self._right
        ):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().headerData(section, orientation, role)


def _select_quietly(page: PricesPage | ChargeKindsPage, code: str | None) -> None:
    """Keep the entry with `code` chosen in a reloaded table without refilling the
    form (which may hold changes not saved yet)."""
    model = page.model
    row = next((r for r in range(model.rowCount()) if model.value(r).code == code), -1)
    if code is None or row < 0:
        return
    with QSignalBlocker(page.table.selectionModel()):
        page.table.selectRow(row)


class PricesPage(OptionsPage):
    """The services the front desk sells: code, name, unit, price and kind of charge."""

    name = "prices"
    saves = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        yes, no = self.tr("Ya"), self.tr("Tidak")
        self._kind_labels: dict[str, str] = {}
        self.model: AlignedTableModel[PriceItemInfo] = AlignedTableModel(
            [
                (self.tr("Kode"), lambda p: p.code),
                (self.tr("Nama layanan"), lambda p: p.name),
                (self.tr("Satuan"), lambda p: p.unit),
                (self.tr("Harga"), lambda p: format_rupiah(p.unit_price)),
                (
                    self.tr("Jenis tagihan"),
                    lambda p: self._kind_labels.get(p.kind_code, p.kind_code),
                ),
                (self.tr("Aktif"), lambda p: yes if p.active else no),
            ],
            right=(3,),
            parent=self,
        )
        self.table = _table(self.model, "prices_table", self)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.errors = FieldErrors()
        self._chosen_code: str | None = None
        # Six columns do not fit beside a form in a 1024 px window: the form goes below.
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._build_form())
        ctx.runner.data_changed.connect(self._on_data_changed)

    def title(self) -> str:
        return self.tr("Harga")

    def _build_form(self) -> QGroupBox:
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
        self.new_button = QPushButton(self.tr("Layanan baru"), box)
        self.new_button.setObjectName("new_price_button")
        self.new_button.clicked.connect(self.new_item)
        self.save_item_button = QPushButton(self.tr("Simpan harga"), box)
        self.save_item_button.setObjectName("save_price_button")
        self.save_item_button.setProperty("primary", True)
        self.save_item_button.clicked.connect(self.save_item)
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addWidget(
            note_label(
                self.tr(
                    "Kode tidak dapat diubah setelah disimpan. Harga baru berlaku untuk tagihan "
                    "berikutnya; layanan yang tidak dijual lagi cukup dinonaktifkan."
                ),
                box,
            ),
            1,
        )
        bottom.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignBottom)
        bottom.addWidget(self.save_item_button, 0, Qt.AlignmentFlag.AlignBottom)
        column = QVBoxLayout(box)
        column.addLayout(fields)
        column.addWidget(self.errors.add(""))
        column.addLayout(bottom)
        self._enter_saves = (
            self.code_edit,
            self.name_edit,
            self.unit_edit,
            self.price_edit,
            self.kind_combo,
            self.active_check,
        )
        return box

    def load(self) -> None:
        payments = self.ctx.core.payments
        self.ctx.runner.op(
            lambda: (
                payments.charge_kinds(active_only=False),
                payments.price_list(active_only=False),
            ),
            parent=self,
        ).success(self._fill).run()

    def _fill(self, loaded: tuple[list[ChargeKindInfo], list[PriceItemInfo]]) -> None:
        kinds, items = loaded
        self._kind_labels = {k.code: k.label for k in kinds}
        self._fill_kinds(kinds)
        self.model.set_rows(items)
        _select_quietly(self, self._chosen_code)

    def _fill_kinds(self, kinds: list[ChargeKindInfo]) -> None:
        chosen = self.kind_combo.currentData() or DEFAULT_KIND
        self.kind_combo.clear()
        for kind in kinds:
            text = (
                kind.label
                if kind.active
                else self.tr("{label} (nonaktif)").format(label=kind.label)
            )
            self.kind_combo.addItem(text, kind.code)
        self._choose_kind(chosen)

    def _choose_kind(self, code: str) -> None:
        index = self.kind_combo.findData(code)
        if index < 0:
            index = self.kind_combo.findData(DEFAULT_KIND)
        self.kind_combo.setCurrentIndex(max(0, index))

    def save(self) -> None:
        """Price items are saved one at a time with their own button."""

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if changes & (PRICE_TABLES | KIND_TABLES):
            self.load()

    @Slot(QModelIndex, QModelIndex)
    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        item = self.model.value(current.row())
        self.errors.clear()
        self._chosen_code = item.code
        self.code_edit.setText(item.code)
        self.code_edit.setReadOnly(True)
        self.name_edit.setText(item.name)
        self.name_edit.setCursorPosition(0)  # a long name shows its beginning
        self.unit_edit.setText(item.unit)
        self.price_edit.setText(format_rupiah(item.unit_price))
        self._choose_kind(item.kind_code)
        self.active_check.setChecked(item.active)

    @Slot()
    def new_item(self) -> None:
        self._chosen_code = None
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        for edit in (self.code_edit, self.name_edit, self.unit_edit, self.price_edit):
            edit.clear()
        self.code_edit.setReadOnly(False)
        self._choose_kind(DEFAULT_KIND)
        self.active_check.setChecked(True)
        self.errors.clear()
        self.code_edit.setFocus()

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
    def save_item(self) -> None:
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
        op = self.ctx.runner.op(
            lambda: payments.save_price_item(actor, code, name, price, unit, kind, active),
            parent=self,
        )
        op.success(self._saved).failure(self._refused).changes(PRICE_TABLES).run()

    def _saved(self, item: PriceItemInfo) -> None:
        self._chosen_code = item.code
        self.code_edit.setText(item.code)
        self.code_edit.setReadOnly(True)
        self.price_edit.setText(format_rupiah(item.unit_price))
        _select_quietly(self, item.code)
        self.saved.emit()

    def _refused(self, exc: BaseException) -> None:
        _failed(self, self.errors, exc)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Enter in the form saves (line edits pass it on to their parents).
        if event.key() in ENTER_KEYS and self.focusWidget() in self._enter_saves:
            event.accept()
            self.save_item()
            return
        super().keyPressEvent(event)


class TaxLine(QWidget):
    """One tax of a kind of charge: code, name and rate in percent, with its error."""

    remove_requested = Signal(object)  # this TaxLine

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tax_line")
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("tax_code_edit")
        # Hints that cannot pass for values already typed ("ppn", "11%" did).
        self.code_edit.setPlaceholderText(self.tr("kode, mis. ppn"))
        self.label_edit = QLineEdit(self)
        self.label_edit.setObjectName("tax_label_edit")
        self.label_edit.setPlaceholderText(self.tr("nama, mis. PPN"))
        self.rate_edit = QLineEdit(self)
        self.rate_edit.setObjectName("tax_rate_edit")
        self.rate_edit.setPlaceholderText(self.tr("tarif %, mis. 11"))
        for edit, least in ((self.code_edit, TAX_CODE_WIDTH), (self.rate_edit, TAX_RATE_WIDTH)):
            hint = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
            edit.setFixedWidth(max(least, hint + HINT_ROOM))  # the hint reads whole
        self.rate_edit.editingFinished.connect(self._tidy_rate)
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("remove_tax_button")
        self.remove_button.setText("✕")
        self.remove_button.setFixedWidth(TAX_REMOVE_WIDTH)
        self.remove_button.setToolTip(self.tr("Hapus pajak ini"))
        self.remove_button.setAccessibleName(self.tr("Hapus pajak ini"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.error = FieldError(self)
        row = QHBoxLayout()
        row.setSpacing(TAX_SPACING)
        row.addWidget(self.code_edit)
        row.addWidget(self.label_edit, 1)
        row.addWidget(self.rate_edit)
        row.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.error)

    def set_rule(self, rule: TaxRule) -> None:
        self.code_edit.setText(rule.code)
        self.label_edit.setText(rule.label)
        self.rate_edit.setText(format_rate(rule.rate_bp))

    def edits(self) -> tuple[QLineEdit, ...]:
        return (self.code_edit, self.label_edit, self.rate_edit)

    def is_blank(self) -> bool:
        return not any(edit.text().strip() for edit in self.edits())

    def rule(self) -> TaxRule:
        """The typed tax; ValueError (user message) for a rate that is not a percentage."""
        return TaxRule(
            self.code_edit.text().strip().lower(),
            self.label_edit.text().strip(),
            parse_rate(self.rate_edit.text()),
        )

    @Slot()
    def _tidy_rate(self) -> None:
        with contextlib.suppress(ValueError):  # a bad rate is shown as typed, with its error
            self.rate_edit.setText(format_rate(parse_rate(self.rate_edit.text())))


class ChargeKindsPage(OptionsPage):
    """Kinds of charge (services, room rent, stall rent...) and the taxes each adds."""

    name = "charge_kinds"
    saves = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        yes, no = self.tr("Ya"), self.tr("Tidak")
        self.model: ValuesTableModel[ChargeKindInfo] = ValuesTableModel(
            [
                (self.tr("Kode"), lambda k: k.code),
                (self.tr("Nama"), lambda k: k.label),
                (self.tr("Pajak"), lambda k: taxes_text(k.taxes)),
                (self.tr("Aktif"), lambda k: yes if k.active else no),
            ],
            self,
        )
        self.table = _table(self.model, "charge_kinds_table", self)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TAXES_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.errors = FieldErrors()
        self.tax_lines: list[TaxLine] = []
        self._chosen_code: str | None = None
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addWidget(self._form_scroll(self._build_form()), 2)
        ctx.runner.data_changed.connect(self._on_data_changed)

    def title(self) -> str:
        return self.tr("Tagihan & pajak")

    def _form_scroll(self, box: QGroupBox) -> QScrollArea:
        """The form scrolls if many tax lines would not fit a 768 px screen."""
        self.setStyleSheet(
            "QScrollArea#kind_form_scroll, QWidget#kind_form_column { background: transparent; }"
        )
        column = QWidget(self)
        column.setObjectName("kind_form_column")
        content = QVBoxLayout(column)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(box)
        scroll = QScrollArea(self)
        scroll.setObjectName("kind_form_scroll")
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(KINDS_FORM_WIDTHS[0])
        scroll.setMaximumWidth(KINDS_FORM_WIDTHS[1])
        self.form_scroll = scroll
        return scroll

    def _build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Jenis tagihan"), self)
        self.code_edit = QLineEdit(box)
        self.code_edit.setObjectName("code_edit")
        self.code_edit.setPlaceholderText(self.tr("mis. sewa_aula"))
        self.label_edit = QLineEdit(box)
        self.label_edit.setObjectName("label_edit")
        self.active_check = QCheckBox(self.tr("Aktif (dapat dipilih saat menagih)"), box)
        self.active_check.setObjectName("active_check")
        self.active_check.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Kode"), with_error(self.code_edit, self.errors.add("code")))
        form.addRow(self.tr("Nama"), with_error(self.label_edit, self.errors.add("label")))
        self.add_tax_button = QPushButton(self.tr("Tambah pajak"), box)
        self.add_tax_button.setObjectName("add_tax_button")
        self.add_tax_button.clicked.connect(self._add_tax_clicked)
        self.no_taxes_label = note_label(self.tr("Tanpa pajak."), box)
        self.no_taxes_label.setObjectName("no_taxes_label")
        self.taxes_column = QVBoxLayout()
        self.taxes_column.setSpacing(4)
        self.taxes_header = self._taxes_header(box)
        add_row = QHBoxLayout()
        add_row.addWidget(self.no_taxes_label)
        add_row.addStretch(1)
        add_row.addWidget(self.add_tax_button)
        self.new_button = QPushButton(self.tr("Jenis baru"), box)
        self.new_button.setObjectName("new_kind_button")
        self.new_button.clicked.connect(self.new_kind)
        self.save_kind_button = QPushButton(self.tr("Simpan jenis"), box)
        self.save_kind_button.setObjectName("save_kind_button")
        self.save_kind_button.setProperty("primary", True)
        self.save_kind_button.clicked.connect(self.save_kind)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_kind_button)
        taxes_title = QLabel(self.tr("Pajak"), box)
        taxes_title.setObjectName("taxes_title_label")
        column = QVBoxLayout(box)
        column.addLayout(form)
        column.addWidget(taxes_title)
        column.addWidget(self.taxes_header)
        column.addLayout(self.taxes_column)
        column.addLayout(add_row)
        column.addWidget(self.active_check)
        column.addWidget(self.errors.add(""))
        self.hint_label = note_label(
            self.tr(
                "Pajak yang diubah hanya berlaku untuk tagihan baru; tagihan dan kuitansi yang "
                "sudah ada tetap memakai pajak lamanya. Kode tidak dapat diubah setelah disimpan."
            ),
            box,
        )
        self.hint_label.setObjectName("taxes_hint_label")
        column.addWidget(self.hint_label)
        column.addStretch(1)
        column.addLayout(buttons)
        self._show_taxes()
        return box

    def _taxes_header(self, box: QWidget) -> QWidget:
        """Column titles above the tax lines, at the same widths as their fields."""
        header = QWidget(box)
        row = QHBoxLayout(header)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(TAX_SPACING)
        for text, width in (
            (self.tr("Kode"), TAX_CODE_WIDTH),
            (self.tr("Nama pajak"), 0),
            (self.tr("Tarif (%)"), TAX_RATE_WIDTH),
            ("", TAX_REMOVE_WIDTH),
        ):
            label = QLabel(text, header)
            label.setObjectName("note_label")
            if width:
                label.setFixedWidth(width)
            row.addWidget(label, 0 if width else 1)
        return header

    # --- the tax lines -------------------------------------------------------------

    def add_tax_line(self, rule: TaxRule | None = None) -> TaxLine:
        line = TaxLine(self)
        if rule is not None:
            line.set_rule(rule)
        line.remove_requested.connect(self.remove_tax_line)
        self.tax_lines.append(line)
        self.taxes_column.addWidget(line)
        self._show_taxes()
        return line

    @Slot()
    def _add_tax_clicked(self) -> None:
        self.add_tax_line().code_edit.setFocus()

    @Slot(object)
    def remove_tax_line(self, line: TaxLine) -> None:
        self._drop_tax_line(line)
        (self.tax_lines[-1].rate_edit if self.tax_lines else self.add_tax_button).setFocus()

    def _drop_tax_line(self, line: TaxLine) -> None:
        self.tax_lines.remove(line)
        self.taxes_column.removeWidget(line)
        line.hide()
        line.deleteLater()
        self._show_taxes()

    def _set_tax_lines(self, rules: Sequence[TaxRule]) -> None:
        for line in list(self.tax_lines):
            self._drop_tax_line(line)
        for rule in rules:
            self.add_tax_line(rule)

    def _show_taxes(self) -> None:
        self.taxes_header.setVisible(bool(self.tax_lines))
        self.no_taxes_label.setVisible(not self.tax_lines)
        # Tab goes through the form top to bottom, added tax lines included.
        chain: list[QWidget] = [self.code_edit, self.label_edit]
        for line in self.tax_lines:
            chain += [*line.edits(), line.remove_button]
        chain += [self.add_tax_button, self.active_check, self.new_button, self.save_kind_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _register_tax_errors(self, lines: Sequence[TaxLine]) -> None:
        """Errors "taxes.N" of the service go under the Nth line sent to it."""
        for key in [k for k in self.errors.labels if k.startswith("taxes.")]:
            del self.errors.labels[key]
        for line in self.tax_lines:
            line.error.show_message("")
        for i, line in enumerate(lines):
            self.errors.labels[f"taxes.{i}"] = line.error

    # --- loading and choosing -------------------------------------------------------

    def load(self) -> None:
        payments = self.ctx.core.payments
        op = self.ctx.runner.op(lambda: payments.charge_kinds(active_only=False), parent=self)
        op.success(self._fill).run()

    def _fill(self, kinds: list[ChargeKindInfo]) -> None:
        self.model.set_rows(kinds)
        _select_quietly(self, self._chosen_code)

    def save(self) -> None:
        """Kinds of charge are saved one at a time with their own button."""

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if changes & KIND_TABLES:
            self.load()

    @Slot(QModelIndex, QModelIndex)
    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        kind = self.model.value(current.row())
        self.errors.clear()
        self._chosen_code = kind.code
        self.code_edit.setText(kind.code)
        self.code_edit.setReadOnly(True)
        self.label_edit.setText(kind.label)
        self.label_edit.setCursorPosition(0)
        self._set_tax_lines(kind.taxes)
        self.active_check.setChecked(kind.active)

    @Slot()
    def new_kind(self) -> None:
        self._chosen_code = None
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.code_edit.clear()
        self.label_edit.clear()
        self.code_edit.setReadOnly(False)
        self._set_tax_lines(())
        self.active_check.setChecked(True)
        self.errors.clear()
        self.code_edit.setFocus()

    # --- saving -------------------------------------------------------------------

    @Slot()
    def save_kind(self) -> None:
        lines = [line for line in self.tax_lines if not line.is_blank()]
        self._register_tax_errors(lines)
        self.errors.clear()
        rules: list[TaxRule] = []
        bad_rates: dict[str, str] = {}
        for i, line in enumerate(lines):
            try:
                rules.append(line.rule())
            except ValueError as exc:
                bad_rates[f"taxes.{i}"] = str(exc)
        if bad_rates:
            self.errors.show(bad_rates)
            return
        actor, payments = self.ctx.require_actor(), self.ctx.core.payments
        code, label = self.code_edit.text(), self.label_edit.text()
        active = self.active_check.isChecked()
        op = self.ctx.runner.op(
            lambda: payments.save_charge_kind(actor, code, label, rules, active), parent=self
        )
        op.success(self._saved).failure(self._refused).changes(KIND_TABLES).run()

    def _saved(self, kind: ChargeKindInfo) -> None:
        self._chosen_code = kind.code
        self.code_edit.setText(kind.code)
        self.code_edit.setReadOnly(True)
        for line in [line for line in self.tax_lines if line.is_blank()]:
            self._drop_tax_line(line)
        _select_quietly(self, kind.code)
        self.saved.emit()

    def _refused(self, exc: BaseException) -> None:
        _failed(self, self.errors, exc)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Enter in the form saves (line edits pass it on to their parents).
        editing = {self.code_edit, self.label_edit, self.active_check}
        for line in self.tax_lines:
            editing.update(line.edits())
        if event.key() in ENTER_KEYS and self.focusWidget() in editing:
            event.accept()
            self.save_kind()
            return
        super().keyPressEvent(event)
