"""The food-court stalls (administrators): each stall's code (`FC2-07`: floor 2,
stall 7), size, place on the floor plan, facilities, rates, deposit, the kind of
charge whose taxes its rent takes, and whether it is in service. A table of the
whole list and the form under it, saved with its own button through the
food-court service, off the UI thread; a refusal is shown at its field."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QWidget,
)

from smesco_desk.domain.foodcourt import MAX_PLAN, size_m2_text
from smesco_desk.services.actors import Permission
from smesco_desk.values.foodcourt import StallForm, StallInfo
from smesco_desk.values.payments import ChargeKindInfo
from ui.context import AppContext
from ui.forms import with_error
from ui.models.values_table import Column
from ui.pages.settings.catalogue import CataloguePage
from ui.pages.settings.catalogue_form import ColumnsFormPage, FullHeightBox, choose, shrinkable
from ui.pages.settings.charge_kinds import KIND_TABLES
from ui.pages.settings.registry import settings_page
from ui.pages.settings.spaces import rate_text
from ui.widgets import RupiahEdit

# data_changed names: the tables the saves write, as sync pulls announce them.
STALL_TABLES = frozenset({"stalls"})
DEFAULT_CHARGE_KIND = "stall_rent"
SIZE_COLUMN, RATES_COLUMN, DEPOSIT_COLUMN = 2, 3, 4
LIST_ROWS = 4  # the list scrolls; the form under it fits whole at 1024x768
NEW_PLAN = (0, 0, 2, 2)  # a new stall's place on the plan: the corner, 2x2 grid units


def size_text(cm2: int) -> str:
    """Square metres as Indonesians write them: "6,25"."""
    return size_m2_text(cm2).replace(".", ",")


def stall_rates_text(stall: StallInfo) -> str:
    """The three rates in one cell: "75.000 / 450.000 / 1.500.000"."""
    return " / ".join(rate_text(r) for r in (stall.rate_day, stall.rate_week, stall.rate_month))


@settings_page(order=70, permission=Permission.MANAGE_STALLS)
class StallsPage(ColumnsFormPage[StallInfo]):
    """The food court's stalls: where each is, what it has, what it costs."""

    name = "stalls"
    tables = STALL_TABLES | KIND_TABLES
    right_columns = (SIZE_COLUMN, RATES_COLUMN, DEPOSIT_COLUMN)
    stretch_column = RATES_COLUMN
    list_rows = LIST_ROWS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.clear_form()

    def title(self) -> str:
        return self.tr("Stan pujasera")

    def columns(self) -> Sequence[Column[StallInfo]]:
        yes, no = self.tr("Ya"), self.tr("Tidak")
        return [
            (self.tr("Kode"), lambda s: s.code),
            (self.tr("Lantai"), lambda s: str(s.floor)),
            (self.tr("Luas (m²)"), lambda s: size_text(s.size_cm2)),
            (self.tr("Tarif (Rp) hari / minggu / bulan"), stall_rates_text),
            (self.tr("Deposit (Rp)"), lambda s: rate_text(s.deposit)),
            (self.tr("Beroperasi"), lambda s: yes if s.in_service else no),
        ]

    def arrange(self, table: QTableView, form: QGroupBox) -> None:
        super().arrange(table, form)
        self.keep_list_rows(table)

    # --- the form -------------------------------------------------------------------

    def build_form(self) -> QGroupBox:
        box = FullHeightBox(self)
        columns = ((self._what_column(box), 1), (self._price_column(box), 1))
        return self.columns_box(self.tr("Stan"), columns, self._bottom_row(box), box)

    def _plan_spin(self, name: str, low: int, hint: str, box: QGroupBox) -> QSpinBox:
        spin = QSpinBox(box)
        spin.setObjectName(name)
        spin.setRange(low, MAX_PLAN)
        spin.setToolTip(hint)
        spin.setAccessibleName(hint)
        shrinkable(spin)
        return spin

    def _what_column(self, box: QGroupBox) -> QFormLayout:
        """What the stall is: code, size, place on the plan, facilities."""
        self.code_edit = QLineEdit(box)
        self.code_edit.setObjectName("code_edit")
        self.code_edit.setMaxLength(20)
        self.code_edit.setPlaceholderText(self.tr("mis. FC2-07 (lantai 2, stan 7)"))
        self.size_edit = QLineEdit(box)
        self.size_edit.setObjectName("size_edit")
        self.size_edit.setMaxLength(12)
        self.size_edit.setPlaceholderText(self.tr("mis. 6,25"))
        self.x_spin = self._plan_spin("plan_x_spin", 0, self.tr("Posisi X di denah"), box)
        self.y_spin = self._plan_spin("plan_y_spin", 0, self.tr("Posisi Y di denah"), box)
        self.w_spin = self._plan_spin("plan_w_spin", 1, self.tr("Lebar di denah"), box)
        self.h_spin = self._plan_spin("plan_h_spin", 1, self.tr("Tinggi di denah"), box)
        plan = QWidget(box)
        plan_row = QHBoxLayout(plan)
        plan_row.setContentsMargins(0, 0, 0, 0)
        plan_row.setSpacing(4)
        for label, spin in (("x", self.x_spin), ("y", self.y_spin),
                            (self.tr("l"), self.w_spin), (self.tr("t"), self.h_spin)):
            # three digits each: the row fits beside the settings navigation at 1024
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("000") + 40)
            spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("0000") + 40)
            plan_row.addWidget(QLabel(label, plan))
            plan_row.addWidget(spin, 1)
        plan.setToolTip(self.tr(
            "Posisi dan ukuran di denah lantai, dalam kotak grid (juga dapat digeser di denah)."))
        self.water_check = QCheckBox(self.tr("Air"), box)
        self.water_check.setObjectName("water_check")
        self.gas_check = QCheckBox(self.tr("Gas"), box)
        self.gas_check.setObjectName("gas_check")
        self.power_check = QCheckBox(self.tr("Listrik"), box)
        self.power_check.setObjectName("power_check")
        facilities = QWidget(box)
        facilities_row = QHBoxLayout(facilities)
        facilities_row.setContentsMargins(0, 0, 0, 0)
        for check in (self.water_check, self.gas_check, self.power_check):
            facilities_row.addWidget(check)
        facilities_row.addStretch(1)
        self.meter_edit = QLineEdit(box)
        self.meter_edit.setObjectName("power_meter_edit")
        self.meter_edit.setMaxLength(32)
        self.meter_edit.setPlaceholderText(self.tr("nomor meter PLN"))
        self.power_check.toggled.connect(self.meter_edit.setEnabled)
        form = self.compact_form()
        errors = self.errors
        plan_errors = [errors.add(f) for f in ("plan_x", "plan_y", "plan_w", "plan_h")]
        for label, widget in (
            (self.tr("Kode"), with_error(self.code_edit, errors.add("code"))),
            (self.tr("Luas (m²)"), with_error(self.size_edit, errors.add("size_m2"))),
            (self.tr("Denah"), with_error(plan, *plan_errors)),
            (self.tr("Fasilitas"), with_error(facilities, errors.add("water"),
                                              errors.add("gas"), errors.add("power"))),
            (self.tr("Meter listrik"), with_error(self.meter_edit, errors.add("power_meter"))),
        ):
            form.addRow(label, widget)
        return form

    def _price_column(self, box: QGroupBox) -> QFormLayout:
        """What it costs: rates, deposit, the kind of charge for tax."""
        not_offered = self.tr("tidak ada")
        self.rate_day_edit = RupiahEdit(box, not_offered)
        self.rate_day_edit.setObjectName("rate_day_edit")
        self.rate_week_edit = RupiahEdit(box, not_offered)
        self.rate_week_edit.setObjectName("rate_week_edit")
        self.rate_month_edit = RupiahEdit(box, not_offered)
        self.rate_month_edit.setObjectName("rate_month_edit")
        self.deposit_edit = RupiahEdit(box, self.tr("tanpa deposit"))
        self.deposit_edit.setObjectName("deposit_edit")
        hint = self.tr("Perubahan tarif berlaku untuk sewa yang dibuat sesudahnya.")
        for edit in (self.rate_day_edit, self.rate_week_edit, self.rate_month_edit):
            edit.setToolTip(hint)
        self.charge_kind_combo = self.charge_kind_combo_in(box, self.tr(
            "Pajak sewa mengikuti jenis tagihan ini (Pengaturan › Tagihan & pajak)."))
        form = self.compact_form()
        for label, widget, field in (
            (self.tr("Tarif harian"), self.rate_day_edit, "rate_day"),
            (self.tr("Tarif mingguan"), self.rate_week_edit, "rate_week"),
            (self.tr("Tarif bulanan"), self.rate_month_edit, "rate_month"),
            (self.tr("Deposit"), self.deposit_edit, "deposit"),
            (self.tr("Jenis tagihan"), self.charge_kind_combo, "kind_code"),
        ):
            form.addRow(label, with_error(widget, self.errors.add(field)))
        return form

    def _bottom_row(self, box: QGroupBox) -> QHBoxLayout:
        """The notes, whether the stall is in service, and the buttons."""
        self.notes_edit = QLineEdit(box)
        self.notes_edit.setObjectName("notes_edit")
        self.notes_edit.setPlaceholderText(self.tr("mis. dekat tangga, sudut"))
        notes_label = QLabel(self.tr("Catatan"), box)
        self.in_service_check = QCheckBox(self.tr("Beroperasi"), box)
        self.in_service_check.setObjectName("in_service_check")
        self.in_service_check.setToolTip(self.tr("Stan yang tidak beroperasi tidak dapat disewa."))
        self.new_button, self.save_stall_button = self.buttons(
            box, ("new_stall_button", self.tr("Stan baru")),
            ("save_stall_button", self.tr("Simpan stan")))
        return self.bottom_row((notes_label, self.notes_edit, "notes"),
                               (self.in_service_check, "in_service"),
                               (self.new_button, self.save_stall_button))  # fmt: skip

    # --- the list ---------------------------------------------------------------------

    def fetch(self) -> Callable[[], tuple[list[ChargeKindInfo], list[StallInfo]]]:
        payments, foodcourt = self.ctx.core.payments, self.ctx.core.foodcourt
        return lambda: (payments.charge_kinds(active_only=False), foodcourt.stalls())

    def rows_from(
            self, loaded: tuple[list[ChargeKindInfo], list[StallInfo]]
    ) -> Sequence[StallInfo]:
        kinds, stalls = loaded
        self.fill_charge_kinds(self.charge_kind_combo, kinds, DEFAULT_CHARGE_KIND)
        return stalls

    def key(self, value: StallInfo) -> object:
        return value.code

    def _choose_kind(self, code: str) -> None:
        choose(self.charge_kind_combo, code, DEFAULT_CHARGE_KIND)

    def show_entry(self, value: StallInfo) -> None:
        self.code_edit.setText(value.code)
        self.code_edit.setReadOnly(True)
        self.size_edit.setText(size_text(value.size_cm2))
        for spin, number in ((self.x_spin, value.plan_x), (self.y_spin, value.plan_y),
                             (self.w_spin, value.plan_w), (self.h_spin, value.plan_h)):
            spin.setValue(number)
        self.water_check.setChecked(value.water)
        self.gas_check.setChecked(value.gas)
        self.power_check.setChecked(value.power)
        self.meter_edit.setText(value.power_meter)
        self.meter_edit.setEnabled(value.power)
        for edit, amount in ((self.rate_day_edit, value.rate_day),
                             (self.rate_week_edit, value.rate_week),
                             (self.rate_month_edit, value.rate_month),
                             (self.deposit_edit, value.deposit)):
            edit.set_value(amount or None)
        self._choose_kind(value.kind_code)
        self.notes_edit.setText(value.notes)
        self.notes_edit.setCursorPosition(0)
        self.in_service_check.setChecked(value.in_service)

    def clear_form(self) -> None:
        for edit in (self.code_edit, self.size_edit, self.meter_edit, self.notes_edit):
            edit.clear()
        self.code_edit.setReadOnly(False)
        for spin, number in zip((self.x_spin, self.y_spin, self.w_spin, self.h_spin), NEW_PLAN,
                                strict=True):
            spin.setValue(number)
        self.water_check.setChecked(False)
        self.gas_check.setChecked(False)
        self.power_check.setChecked(True)
        self.meter_edit.setEnabled(True)
        for edit in (self.rate_day_edit, self.rate_week_edit, self.rate_month_edit,
                     self.deposit_edit):
            edit.set_value(None)
        self._choose_kind(DEFAULT_CHARGE_KIND)
        self.in_service_check.setChecked(True)

    def first_field(self) -> QWidget:
        return self.code_edit

    new_stall = CataloguePage.new_entry

    # --- saving ---------------------------------------------------------------------------

    def form(self) -> StallForm:
        """The stall as the form shows it."""
        return StallForm(
            code=self.code_edit.text(),
            size_m2=self.size_edit.text(),
            rate_day=self.rate_day_edit.value() or 0,
            rate_week=self.rate_week_edit.value() or 0,
            rate_month=self.rate_month_edit.value() or 0,
            deposit=self.deposit_edit.value() or 0,
            plan_x=self.x_spin.value(),
            plan_y=self.y_spin.value(),
            plan_w=self.w_spin.value(),
            plan_h=self.h_spin.value(),
            water=self.water_check.isChecked(),
            gas=self.gas_check.isChecked(),
            power=self.power_check.isChecked(),
            power_meter=self.meter_edit.text() if self.power_check.isChecked() else "",
            kind_code=str(self.charge_kind_combo.currentData() or ""),
            in_service=self.in_service_check.isChecked(),
            notes=self.notes_edit.text(),
        )

    @Slot()
    def save_entry(self) -> None:
        self.errors.clear()
        actor, foodcourt, form = self.ctx.require_actor(), self.ctx.core.foodcourt, self.form()
        self.run_save(lambda: foodcourt.save_stall(actor, form))

    save_stall = save_entry

    def show_saved(self, value: StallInfo) -> None:
        self.show_entry(value)
