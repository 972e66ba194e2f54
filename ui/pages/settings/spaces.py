"""The space catalogue (administrators): the meeting rooms, classrooms, event hall
and workshop that can be booked, with their opening hours, buffers, rates, the
UMKM discount and the kind of charge whose taxes a booking takes. A table of
the whole list and the form under it, saved with its own button through the
bookings service, off the UI thread; a refusal is shown at its field (an
opening hour at its weekday's row)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.domain.bookings import (
    MAX_BUFFER_MINUTES,
    MAX_CAPACITY,
    WEEKDAYS,
    SpaceKind,
    space_kind_label,
)
from smesco_desk.domain.money import format_rupiah
from smesco_desk.services.actors import Permission
from smesco_desk.values.bookings import BookingMisfit, SpaceForm, SpaceInfo
from smesco_desk.values.payments import ChargeKindInfo
from ui.context import AppContext
from ui.forms import FieldErrors, with_error
from ui.models.values_table import Column
from ui.pages.settings.catalogue import CataloguePage
from ui.pages.settings.catalogue_form import (
    COMBO_CHARACTERS,
    ColumnsFormPage,
    FullHeightBox,
    choose,
    shrinkable,
)
from ui.pages.settings.charge_kinds import KIND_TABLES
from ui.pages.settings.registry import settings_page
from ui.time_field import TimeField
from ui.widgets import RupiahEdit

# data_changed names: the tables the saves write, as sync pulls announce them.
SPACE_TABLES = frozenset({"spaces"})
DEFAULT_CHARGE_KIND = "room"
NAME_COLUMN = 1  # takes the room left by the others
CAPACITY_COLUMN, RATES_COLUMN = 3, 4
LIST_ROWS = 3  # the list scrolls; the form under it fits whole at 1024x768 (no scrolling)
NOT_OFFERED = "—"  # a rate of 0: not rented by that unit
# A new space: the building's office hours (Monday to Saturday, 08:00-21:00).
NEW_SPACE_HOURS = {day: ["08:00", "21:00"] for day in WEEKDAYS[:6]}
TIME_STYLE = "QLineEdit { padding: 2px 4px; }"
TIME_PADDING = 18  # the frame, the padding and the cursor around "00:00"
BUFFER_STEP = 5  # minutes
MISFITS_LISTED = 8  # bookings named in the warning; the rest are counted


def rate_text(amount: int) -> str:
    """A rate in the list, in rupiah without "Rp" (the header says it), or a dash
    for a unit the space is not rented by."""
    return format_rupiah(amount).removeprefix("Rp") if amount else NOT_OFFERED


def rates_text(space: SpaceInfo) -> str:
    """The three rates in one cell: "250.000 / 850.000 / 1.500.000"."""
    return " / ".join(rate_text(r) for r in (space.rate_hour, space.rate_half_day, space.rate_day))


class TimeEdit(TimeField):
    """A time of day typed as people type it ("0800", "8", "08.00": ui.time_field),
    24:00 being midnight at the end of the day; the service checks what was typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        # seven rows of them: tighter than other fields
        super().__init__(parent, end_of_day=True, style=TIME_STYLE)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("00:00") + TIME_PADDING)


class OpeningHoursGrid(QWidget):
    """Seven rows, Monday to Sunday: a "buka" (open) box named after the day, and
    from when until when. A weekday's refusal shows under its row (field
    `opening_hours.<day>`)."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opening_hours_grid")
        names = ((self.tr("Sen"), self.tr("Buka hari Senin")),
                 (self.tr("Sel"), self.tr("Buka hari Selasa")),
                 (self.tr("Rab"), self.tr("Buka hari Rabu")),
                 (self.tr("Kam"), self.tr("Buka hari Kamis")),
                 (self.tr("Jum"), self.tr("Buka hari Jumat")),
                 (self.tr("Sab"), self.tr("Buka hari Sabtu")),
                 (self.tr("Min"), self.tr("Buka hari Minggu")))
        self.open_checks: dict[str, QCheckBox] = {}
        self.opens_edits: dict[str, TimeEdit] = {}
        self.closes_edits: dict[str, TimeEdit] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        for index, (day, (name, open_text)) in enumerate(zip(WEEKDAYS, names, strict=True)):
            row = 2 * index
            check = QCheckBox(name, self)
            check.setObjectName(f"open_{day}_check")
            check.setToolTip(open_text)
            check.setAccessibleName(open_text)
            opens, closes = TimeEdit(self), TimeEdit(self)
            opens.setObjectName(f"opens_{day}_edit")
            closes.setObjectName(f"closes_{day}_edit")
            check.toggled.connect(opens.setEnabled)
            check.toggled.connect(closes.setEnabled)
            grid.addWidget(check, row, 0)
            grid.addWidget(opens, row, 1)
            grid.addWidget(QLabel("–", self), row, 2)
            grid.addWidget(closes, row, 3)
            grid.addWidget(errors.add(f"opening_hours.{day}"), row + 1, 0, 1, 4)
            self.open_checks[day], self.opens_edits[day], self.closes_edits[day] = (
                check, opens, closes)
        grid.addWidget(errors.add("opening_hours"), 2 * len(WEEKDAYS), 0, 1, 4)
        grid.setColumnStretch(4, 1)

    def set_hours(self, hours: Mapping[str, Any]) -> None:
        """Show opening hours as the service keeps them; a closed day keeps the
        times of an open one, ready to be ticked."""
        shown = next((span for span in hours.values() if span), ["08:00", "21:00"])
        for day in WEEKDAYS:
            span = hours.get(day)
            opens, closes = span if span else shown
            self.opens_edits[day].set_text(str(opens))
            self.closes_edits[day].set_text(str(closes))
            self.open_checks[day].setChecked(bool(span))
            self.opens_edits[day].setEnabled(bool(span))
            self.closes_edits[day].setEnabled(bool(span))

    def hours(self) -> dict[str, list[str]]:
        """The open days, as typed (the service says what is wrong with them)."""
        return {day: [self.opens_edits[day].typed_text(), self.closes_edits[day].typed_text()]
                for day in WEEKDAYS if self.open_checks[day].isChecked()}


@settings_page(order=65, permission=Permission.MANAGE_SPACES)
class SpacesPage(ColumnsFormPage[SpaceInfo]):
    """The bookable spaces: what each is, when it is open, what it costs."""

    name = "spaces"
    tables = SPACE_TABLES | KIND_TABLES
    right_columns = (CAPACITY_COLUMN, RATES_COLUMN)
    stretch_column = NAME_COLUMN
    list_rows = LIST_ROWS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.clear_form()

    def title(self) -> str:
        return self.tr("Ruang")

    def columns(self) -> Sequence[Column[SpaceInfo]]:
        yes, no = self.tr("Ya"), self.tr("Tidak")
        return [
            (self.tr("Kode"), lambda s: s.code),
            (self.tr("Nama"), lambda s: s.name),
            (self.tr("Jenis"), lambda s: space_kind_label(s.kind)),  # (the floor: in the form)
            (self.tr("Orang"), lambda s: str(s.capacity)),  # the capacity (narrow: 1024 px)
            (self.tr("Tarif (Rp) jam / ½ hari / hari"), rates_text),
            (self.tr("Aktif"), lambda s: yes if s.active else no),
        ]

    def arrange(self, table: QTableView, form: QGroupBox) -> None:
        """The list keeps room for LIST_ROWS spaces; the form under it scrolls when
        the window is short (1024x768)."""
        super().arrange(table, form)
        self.scroll_form(form, "space_form_scroll")
        self.keep_list_rows(table)

    # --- the form -------------------------------------------------------------------

    def build_form(self) -> QGroupBox:
        box = FullHeightBox(self)
        columns = ((self._what_column(box), 5), (self._price_column(box), 4),
                   (self._hours_column(box), 0))  # fmt: skip
        return self.columns_box(self.tr("Ruang"), columns, self._bottom_row(box), box)

    def _what_column(self, box: QGroupBox) -> QFormLayout:
        """What the space is: code, name, kind, floor, capacity, kind of charge."""
        self.code_edit = QLineEdit(box)
        self.code_edit.setObjectName("code_edit")
        self.code_edit.setPlaceholderText(self.tr("mis. rapat_melati"))
        self.name_edit = QLineEdit(box)
        self.name_edit.setObjectName("name_edit")
        self.kind_combo = QComboBox(box)
        self.kind_combo.setObjectName("kind_combo")
        for kind in SpaceKind:
            self.kind_combo.addItem(space_kind_label(kind), kind.value)
        self.kind_combo.setMinimumContentsLength(COMBO_CHARACTERS)
        self.kind_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.charge_kind_combo = self.charge_kind_combo_in(box, self.tr(
            "Pajak pemesanan mengikuti jenis tagihan ini (Pengaturan › Tagihan & pajak)."))
        self.floor_edit = QLineEdit(box)
        self.floor_edit.setObjectName("floor_edit")
        self.floor_edit.setMaxLength(16)
        self.floor_edit.setPlaceholderText(self.tr("mis. 2"))
        self.capacity_spin = QSpinBox(box)
        self.capacity_spin.setObjectName("capacity_spin")
        self.capacity_spin.setRange(1, MAX_CAPACITY)
        self.capacity_spin.setSuffix(self.tr(" orang"))
        shrinkable(self.capacity_spin)
        form = self.compact_form()
        for label, widget, field in (
            (self.tr("Kode"), self.code_edit, "code"),
            (self.tr("Nama ruang"), self.name_edit, "name"),
            (self.tr("Jenis"), self.kind_combo, "kind"),
            (self.tr("Lantai"), self.floor_edit, "floor"),
            (self.tr("Kapasitas"), self.capacity_spin, "capacity"),
            (self.tr("Jenis tagihan"), self.charge_kind_combo, "kind_code"),
        ):
            form.addRow(label, with_error(widget, self.errors.add(field)))
        return form

    def _hours_column(self, box: QGroupBox) -> QVBoxLayout:
        hours = QVBoxLayout()
        hours.setSpacing(4)
        title = QLabel(self.tr("Buka, jam WIB"), box)
        title.setObjectName("hours_title_label")
        self.hours_grid = OpeningHoursGrid(self.errors, box)
        hours.addWidget(title)
        hours.addWidget(self.hours_grid)
        hours.addStretch(1)
        return hours

    def _price_column(self, box: QGroupBox) -> QFormLayout:
        """What it costs and the time around a booking: rates, UMKM discount, buffers."""
        not_offered = self.tr("tidak ada")
        self.rate_hour_edit = RupiahEdit(box, not_offered)
        self.rate_hour_edit.setObjectName("rate_hour_edit")
        self.rate_half_day_edit = RupiahEdit(box, not_offered)
        self.rate_half_day_edit.setObjectName("rate_half_day_edit")
        self.rate_day_edit = RupiahEdit(box, not_offered)
        self.rate_day_edit.setObjectName("rate_day_edit")
        rates_hint = self.tr(
            "Setengah hari 4 jam, sehari 8 jam; harga pemesanan memakai gabungan tarif yang "
            "termurah. Tarif kosong: tidak disewakan per satuan itu; ketiganya kosong: gratis.")
        for edit in (self.rate_hour_edit, self.rate_half_day_edit, self.rate_day_edit):
            edit.setToolTip(rates_hint)
        self.discount_spin = QDoubleSpinBox(box)
        self.discount_spin.setObjectName("discount_spin")
        self.discount_spin.setRange(0, 100)
        self.discount_spin.setDecimals(2)
        self.discount_spin.setSuffix(" %")
        self.discount_spin.setToolTip(self.tr("Potongan harga sewa untuk UMKM terdaftar."))
        self.setup_spin = self._minutes_spin("setup_spin", box, self.tr(
            "Waktu menyiapkan ruang sebelum mulai; tidak dapat dipesan orang lain."))
        self.cleanup_spin = self._minutes_spin("cleanup_spin", box, self.tr(
            "Waktu membereskan ruang sesudah selesai; tidak dapat dipesan orang lain."))
        for spin in (self.discount_spin, self.setup_spin, self.cleanup_spin):
            shrinkable(spin)
        form = self.compact_form()
        for label, widget, field in (
            (self.tr("Tarif per jam"), self.rate_hour_edit, "rate_hour"),
            (self.tr("Tarif ½ hari"), self.rate_half_day_edit, "rate_half_day"),
            (self.tr("Tarif sehari"), self.rate_day_edit, "rate_day"),
            (self.tr("Diskon UMKM"), self.discount_spin, "umkm_discount_bp"),
            (self.tr("Jeda persiapan"), self.setup_spin, "setup_minutes"),
            (self.tr("Jeda beres"), self.cleanup_spin, "cleanup_minutes"),
        ):
            form.addRow(label, with_error(widget, self.errors.add(field)))
        return form

    def _minutes_spin(self, name: str, box: QGroupBox, hint: str) -> QSpinBox:
        spin = QSpinBox(box)
        spin.setObjectName(name)
        spin.setToolTip(hint)
        spin.setRange(0, MAX_BUFFER_MINUTES)
        spin.setSingleStep(BUFFER_STEP)
        spin.setSuffix(self.tr(" menit"))
        spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        return spin

    def _bottom_row(self, box: QGroupBox) -> QHBoxLayout:
        """The description, whether the space may be booked, and the buttons."""
        self.description_edit = QLineEdit(box)
        self.description_edit.setObjectName("description_edit")
        self.description_edit.setPlaceholderText(self.tr("mis. proyektor, TV 55 inci"))
        description_label = QLabel(self.tr("Keterangan"), box)
        self.active_check = QCheckBox(self.tr("Aktif"), box)
        self.active_check.setObjectName("active_check")
        self.active_check.setToolTip(self.tr("Ruang aktif dapat dipesan."))
        self.new_button, self.save_space_button = self.buttons(
            box, ("new_space_button", self.tr("Ruang baru")),
            ("save_space_button", self.tr("Simpan ruang")))
        return self.bottom_row((description_label, self.description_edit, "description"),
                               (self.active_check, "active"),
                               (self.new_button, self.save_space_button))  # fmt: skip

    # --- the list ---------------------------------------------------------------------

    def fetch(self) -> Callable[[], tuple[list[ChargeKindInfo], list[SpaceInfo]]]:
        payments, bookings = self.ctx.core.payments, self.ctx.core.bookings
        return lambda: (payments.charge_kinds(active_only=False),
                        bookings.spaces(active_only=False))

    def rows_from(
            self, loaded: tuple[list[ChargeKindInfo], list[SpaceInfo]]
    ) -> Sequence[SpaceInfo]:
        kinds, spaces = loaded
        self.fill_charge_kinds(self.charge_kind_combo, kinds, DEFAULT_CHARGE_KIND)
        return spaces

    def key(self, value: SpaceInfo) -> object:
        return value.code

    def show_entry(self, value: SpaceInfo) -> None:
        self.code_edit.setText(value.code)
        self.code_edit.setReadOnly(True)
        self.name_edit.setText(value.name)
        self.name_edit.setCursorPosition(0)  # a long name shows its beginning
        choose(self.kind_combo, value.kind, SpaceKind.MEETING_ROOM.value)
        self.floor_edit.setText(value.floor)
        self.capacity_spin.setValue(value.capacity)
        choose(self.charge_kind_combo, value.kind_code, DEFAULT_CHARGE_KIND)
        self.hours_grid.set_hours(value.opening_hours)
        self.setup_spin.setValue(value.setup_minutes)
        self.cleanup_spin.setValue(value.cleanup_minutes)
        for edit, amount in ((self.rate_hour_edit, value.rate_hour),
                             (self.rate_half_day_edit, value.rate_half_day),
                             (self.rate_day_edit, value.rate_day)):
            edit.set_value(amount or None)
        self.discount_spin.setValue(value.umkm_discount_bp / 100)
        self.description_edit.setText(value.description)
        self.description_edit.setCursorPosition(0)
        self.active_check.setChecked(value.active)

    def clear_form(self) -> None:
        for edit in (self.code_edit, self.name_edit, self.floor_edit, self.description_edit):
            edit.clear()
        self.code_edit.setReadOnly(False)
        choose(self.kind_combo, SpaceKind.MEETING_ROOM.value, "")
        self.capacity_spin.setValue(1)
        choose(self.charge_kind_combo, DEFAULT_CHARGE_KIND, "")
        self.hours_grid.set_hours(NEW_SPACE_HOURS)
        self.setup_spin.setValue(0)
        self.cleanup_spin.setValue(0)
        for edit in (self.rate_hour_edit, self.rate_half_day_edit, self.rate_day_edit):
            edit.set_value(None)
        self.discount_spin.setValue(0)
        self.active_check.setChecked(True)

    def first_field(self) -> QWidget:
        return self.code_edit

    new_space = CataloguePage.new_entry

    # --- saving ---------------------------------------------------------------------------

    def form(self) -> SpaceForm:
        """The space as the form shows it."""
        return SpaceForm(
            code=self.code_edit.text(),
            name=self.name_edit.text(),
            kind=str(self.kind_combo.currentData() or ""),
            capacity=self.capacity_spin.value(),
            opening_hours=self.hours_grid.hours(),
            floor=self.floor_edit.text(),
            setup_minutes=self.setup_spin.value(),
            cleanup_minutes=self.cleanup_spin.value(),
            rate_hour=self.rate_hour_edit.value() or 0,
            rate_half_day=self.rate_half_day_edit.value() or 0,
            rate_day=self.rate_day_edit.value() or 0,
            umkm_discount_bp=round(self.discount_spin.value() * 100),
            kind_code=str(self.charge_kind_combo.currentData() or ""),
            description=self.description_edit.text(),
            active=self.active_check.isChecked(),
        )

    @Slot()
    def save_entry(self) -> None:
        """Save; first, when the change leaves bookings to come out of the space
        (capacity, opening hours, out of use), say which and ask."""
        self.errors.clear()
        bookings, form = self.ctx.core.bookings, self.form()
        self.ctx.runner.op(lambda: bookings.misfits(form), parent=self) \
            .success(lambda found: self._save_checked(form, found)) \
            .failure(self._refused).run()

    def _save_checked(self, form: SpaceForm, misfits: list[BookingMisfit]) -> None:
        if misfits and not self.confirm_misfits(misfits):
            return
        actor, bookings = self.ctx.require_actor(), self.ctx.core.bookings
        self.run_save(lambda: bookings.save_space(actor, form))

    def confirm_misfits(self, misfits: Sequence[BookingMisfit]) -> bool:
        lines = [
            self.tr("• {when}: {title} ({booker}): {reason}").format(
                when=to_wib(m.booking.starts_at).strftime("%d-%m-%Y %H:%M"),
                title=m.booking.title, booker=m.booking.payer_name, reason=m.reason)
            for m in misfits[:MISFITS_LISTED]
        ]
        if len(misfits) > MISFITS_LISTED:
            lines.append(self.tr("… dan {n} pemesanan lain.").format(
                n=len(misfits) - MISFITS_LISTED))
        answer = QMessageBox.question(
            self,
            self.tr("Pemesanan tidak cocok lagi"),
            self.tr("Dengan perubahan ini, {n} pemesanan mendatang tidak cocok lagi "
                    "dengan ruangnya:\n\n{lines}\n\nPemesanan itu tetap tercatat; hubungi "
                    "pemesannya untuk memindahkan atau membatalkan. Simpan juga?").format(
                n=len(misfits), lines="\n".join(lines)),
        )
        return answer == QMessageBox.StandardButton.Yes

    save_space = save_entry

    def show_saved(self, value: SpaceInfo) -> None:
        self.code_edit.setText(value.code)
        self.code_edit.setReadOnly(True)
