"""The kinds of charge (services, room rent, stall rent...) and the taxes each adds
(supervisors and administrators). A kind's taxes are copied onto each charge
when it is made, so changing them affects only charges made afterwards."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.charges import MAX_RATE_BP, TaxRule, format_rate
from smesco_desk.services.actors import Permission
from smesco_desk.values.payments import ChargeKindInfo
from ui.forms import FieldError, with_error
from ui.models.values_table import Column
from ui.pages.settings.catalogue import CataloguePage
from ui.pages.settings.registry import settings_page
from ui.widgets import note_label, plain_scroll

# data_changed names: the tables the saves write, as sync pulls announce them.
KIND_TABLES = frozenset({"charge_kinds"})
KINDS_FORM_WIDTHS = (350, 400)  # a tax line needs more room than the purposes form
TAXES_COLUMN = 2  # takes the room left by the others
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


@settings_page(order=60, permission=Permission.MANAGE_PRICES)
class ChargeKindsPage(CataloguePage[ChargeKindInfo]):
    """Kinds of charge (services, room rent, stall rent...) and the taxes each adds."""

    name = "charge_kinds"
    tables = KIND_TABLES
    stretch_column = TAXES_COLUMN
    enter_saves = True

    def title(self) -> str:
        return self.tr("Tagihan & pajak")

    def columns(self) -> Sequence[Column[ChargeKindInfo]]:
        yes, no = self.tr("Ya"), self.tr("Tidak")
        return [
            (self.tr("Kode"), lambda k: k.code),
            (self.tr("Nama"), lambda k: k.label),
            (self.tr("Pajak"), lambda k: taxes_text(k.taxes)),
            (self.tr("Aktif"), lambda k: yes if k.active else no),
        ]

    def arrange(self, table: QTableView, form: QGroupBox) -> None:
        layout = QHBoxLayout(self)
        layout.addWidget(table, 3)
        layout.addWidget(self._form_scroll(form), 2)

    def _form_scroll(self, box: QGroupBox) -> QScrollArea:
        """The form scrolls if many tax lines would not fit a 768 px screen."""
        column = QWidget(self)
        column.setObjectName("kind_form_column")
        content = QVBoxLayout(column)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(box)
        scroll = plain_scroll(self, column, "kind_form_scroll")
        scroll.setMinimumWidth(KINDS_FORM_WIDTHS[0])
        scroll.setMaximumWidth(KINDS_FORM_WIDTHS[1])
        self.form_scroll = scroll
        return scroll

    def build_form(self) -> QGroupBox:
        self.tax_lines: list[TaxLine] = []
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
        add_row = self._add_tax_row(box)
        self.taxes_column = QVBoxLayout()
        self.taxes_column.setSpacing(4)
        self.taxes_header = self._taxes_header(box)
        self.new_button, self.save_kind_button = self.buttons(
            box, ("new_kind_button", self.tr("Jenis baru")),
            ("save_kind_button", self.tr("Simpan jenis")))
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
        self.hint_label = note_label(self.tr(
            "Pajak yang diubah hanya berlaku untuk tagihan baru; tagihan dan kuitansi yang "
            "sudah ada tetap memakai pajak lamanya. Kode tidak dapat diubah setelah disimpan."),
            box)
        self.hint_label.setObjectName("taxes_hint_label")
        column.addWidget(self.hint_label)
        column.addStretch(1)
        column.addLayout(buttons)
        self._show_taxes()
        return box

    def _add_tax_row(self, box: QGroupBox) -> QHBoxLayout:
        self.add_tax_button = QPushButton(self.tr("Tambah pajak"), box)
        self.add_tax_button.setObjectName("add_tax_button")
        self.add_tax_button.clicked.connect(self._add_tax_clicked)
        self.no_taxes_label = note_label(self.tr("Tanpa pajak."), box)
        self.no_taxes_label.setObjectName("no_taxes_label")
        add_row = QHBoxLayout()
        add_row.addWidget(self.no_taxes_label)
        add_row.addStretch(1)
        add_row.addWidget(self.add_tax_button)
        return add_row

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

    # --- loading, choosing and saving ---------------------------------------------

    def fetch(self) -> Callable[[], list[ChargeKindInfo]]:
        payments = self.ctx.core.payments
        return lambda: payments.charge_kinds(active_only=False)

    def key(self, value: ChargeKindInfo) -> object:
        return value.code

    def show_entry(self, value: ChargeKindInfo) -> None:
        self.code_edit.setText(value.code)
        self.code_edit.setReadOnly(True)
        self.label_edit.setText(value.label)
        self.label_edit.setCursorPosition(0)
        self._set_tax_lines(value.taxes)
        self.active_check.setChecked(value.active)

    def clear_form(self) -> None:
        self.code_edit.clear()
        self.label_edit.clear()
        self.code_edit.setReadOnly(False)
        self._set_tax_lines(())
        self.active_check.setChecked(True)

    def first_field(self) -> QWidget:
        return self.code_edit

    new_kind = CataloguePage.new_entry

    def enter_widgets(self) -> Sequence[QWidget]:
        editing: list[QWidget] = [self.code_edit, self.label_edit, self.active_check]
        for line in self.tax_lines:
            editing += line.edits()
        return editing

    @Slot()
    def save_entry(self) -> None:
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
        self.run_save(lambda: payments.save_charge_kind(actor, code, label, rules, active))

    save_kind = save_entry

    def show_saved(self, value: ChargeKindInfo) -> None:
        self.code_edit.setText(value.code)
        self.code_edit.setReadOnly(True)
        for line in [line for line in self.tax_lines if line.is_blank()]:
            self._drop_tax_line(line)
