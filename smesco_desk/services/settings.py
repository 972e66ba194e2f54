"""Business configuration shared by every desk (kept in the database)."""

from __future__ import annotations

import re
from datetime import time
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import AppSetting
from smesco_desk.domain.foodcourt import InvalidNumber, normalize_npwp
from smesco_desk.domain.meters import parse_tariff, tariff_json
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import N_, _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.queries import save_by
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.tenancy import Building

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

DEFAULTS: dict[str, Any] = {
    "building_name": "SMESCO Indonesia",
    "building_address": "Jl. Gatot Subroto Kav. 94, Pancoran, Jakarta Selatan 12780",
    "closing_time": "21:00",
    "visitor_retention_days": 365,
    # Backups in the data folder's backups/ older than this are removed (they hold
    # copies of erased visitors' data until then).
    "backup_retention_days": 30,
    "consent_version": "2026-1",
    # The bookings' policies (an administrator's): a booking cancelled more than
    # this many hours before its start costs nothing; later (or a no-show) it
    # costs this percentage of its total; a confirmed booking nobody checked in
    # for is let go this many minutes after its start (services.bookings.policies).
    "booking_free_cancel_hours": 24,
    "booking_cancel_fee_percent": 50,
    "booking_no_show_grace_minutes": 30,
    # The food court's late fees (an administrator's; smesco_desk.domain.foodcourt_rent):
    # none | percent | fixed; basis points of the overdue amount per month (200 =
    # 2%) or rupiah per month overdue; days of grace; whether late fees earn late
    # fees too (never, unless set).
    "rent_late_fee_mode": "none",
    "rent_late_fee_percent_bp": 0,
    "rent_late_fee_fixed": 0,
    "rent_late_fee_grace_days": 0,
    "rent_late_fee_compounding": False,
    # The food court's utilities (services.foodcourt.utilities): block tariffs as
    # [[up to units, rupiah per unit], ..., [null, rupiah per unit]]
    # (smesco_desk.domain.meters), the service charge in rupiah per m² per month,
    # and the day of the next month those charges fall due.
    "foodcourt_power_tariff": [[100, 1444], [None, 1699]],
    "foodcourt_water_tariff": [[10, 7450], [None, 12550]],
    "foodcourt_service_charge_m2": 25_000,
    "foodcourt_utility_due_day": 10,
    # The building's NPWP (16 digits, "" until set), printed on lease agreements
    # and on the kuitansi's letterhead.
    "building_npwp": "",
    # The city an official document is signed in ("Jakarta, 27 November 2026").
    "building_city": "Jakarta",
    # Ending a food-court lease early (smesco_desk.domain.tenancy): this many days'
    # notice, or a fee of this many periods of the lease's rent (N months' rent
    # for a monthly lease).
    "foodcourt_notice_days": 30,
    "foodcourt_notice_fee_periods": 1,
    # A discount on a line of a sale above this percentage of the line needs a
    # supervisor's approval when a receptionist gives it (services.payments.overrides).
    "sale_discount_limit_percent": 10,
}

# Whole-number settings: (least, most, the message when out of range).
BOUNDED: dict[str, tuple[int, int, str]] = {
    "sale_discount_limit_percent": (0, 100, N_("Batas diskon harus 0 sampai 100%.")),
    "visitor_retention_days": (30, 3650, N_("Masa simpan harus 30 sampai 3650 hari.")),
    "backup_retention_days": (7, 3650, N_("Masa simpan cadangan harus 7 sampai 3650 hari.")),
    "booking_free_cancel_hours": (
        0,
        720,
        N_("Batas pembatalan gratis harus 0 sampai 720 jam sebelum mulai."),
    ),
    "booking_cancel_fee_percent": (0, 100, N_("Biaya pembatalan harus 0 sampai 100%.")),
    "booking_no_show_grace_minutes": (
        0,
        1440,
        N_("Masa tenggang tidak datang harus 0 sampai 1440 menit."),
    ),
    "rent_late_fee_percent_bp": (0, 10_000, N_("Denda keterlambatan 0 sampai 100% per bulan.")),
    "rent_late_fee_fixed": (
        0,
        1_000_000_000,
        N_("Denda tetap 0 sampai Rp1.000.000.000 per bulan."),
    ),
    "rent_late_fee_grace_days": (0, 60, N_("Masa tenggang denda 0 sampai 60 hari.")),
    "foodcourt_service_charge_m2": (
        0,
        10_000_000,
        N_("Biaya layanan per m² harus 0 sampai 10.000.000 rupiah."),
    ),
    "foodcourt_utility_due_day": (1, 28, N_("Jatuh tempo tanggal 1 sampai 28.")),
    "foodcourt_notice_days": (0, 365, N_("Pemberitahuan harus 0 sampai 365 hari.")),
    "foodcourt_notice_fee_periods": (
        0,
        12,
        N_("Biaya pemutusan harus 0 sampai 12 kali sewa per periode."),
    ),
}
TARIFFS = ("foodcourt_power_tariff", "foodcourt_water_tariff")
# Settings that take one of a few words: the words.
CHOICES: dict[str, tuple[str, ...]] = {
    "rent_late_fee_mode": ("none", "percent", "fixed"),
}
# Yes-or-no settings.
FLAGS = frozenset({"rent_late_fee_compounding"})


class SettingsService:
    def __init__(self, core: Core) -> None:
        self.core = core
        # The letterhead as last read, with the app_settings stamp it was read at.
        self._letterhead: tuple[tuple[int, int], Building] | None = None

    def letterhead(self) -> Building:
        """The building as official documents head and sign them (`letterhead_in`),
        read once and kept until a committed change to the settings (made here, by
        a sync pull, or seen made elsewhere) moves the table's stamp."""
        stamp = self.core.db.changes.stamp(AppSetting.__tablename__)
        cached = self._letterhead
        if cached is not None and cached[0] == stamp:
            return cached[1]
        with self.core.db.read() as session:
            building = letterhead_in(session)
        self._letterhead = (stamp, building)
        return building

    def get(self, key: str) -> Any:
        with self.core.db.read() as session:
            return self.get_in(session, key)

    @staticmethod
    def get_in(session: Session, key: str) -> Any:
        row = session.scalar(select(AppSetting).where(AppSetting.key == key))
        return DEFAULTS.get(key) if row is None else row.value

    def closing_time(self) -> time:
        return parse_hhmm(str(self.get("closing_time")))

    def all_public(self) -> dict[str, Any]:
        # Plain (key, value) tuples: ORM rows expire when the read session ends.
        with self.core.db.read() as session:
            rows = session.execute(select(AppSetting.key, AppSetting.value)).all()
        values = dict(DEFAULTS)
        values.update(dict(rows))
        return values

    def set(self, actor: Actor, key: str, value: Any) -> None:
        require(actor, Permission.MANAGE_SETTINGS)
        value = validate_setting(key, value)
        with Transaction.begin(self.core, actor) as tx:
            self.put_in(tx, key, value)

    @staticmethod
    def put_in(tx: Transaction, key: str, value: Any) -> None:
        row, op = save_by(tx, AppSetting, lambda: AppSetting(key=key, value=value), key=key)
        row.value = value
        tx.record("setting.set", [(row, op)], {"key": key, "value": value})


LETTERHEAD = ("building_name", "building_address", "building_npwp", "building_city")


def letterhead_in(session: Session) -> Building:
    """The building as official documents head and sign them: one query for the
    four settings (a kuitansi reads them each time it prints)."""
    query = select(AppSetting.key, AppSetting.value).where(AppSetting.key.in_(LETTERHEAD))
    stored = {str(key): value for key, value in session.execute(query)}
    name, address, npwp, city = (str(stored.get(k, DEFAULTS[k]) or "") for k in LETTERHEAD)
    return Building(name, address, npwp, city or str(DEFAULTS["building_city"]))


def parse_hhmm(text: str) -> time:
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError({"closing_time": _("Jam harus berbentuk JJ:MM, mis. 21:00.")})
    return time(int(match[1]), int(match[2]))


def validate_setting(key: str, value: Any) -> Any:
    if key == "closing_time":
        return parse_hhmm(str(value)).strftime("%H:%M")
    if key in BOUNDED:
        least, most, message = BOUNDED[key]
        try:
            number = int(value)
        except (TypeError, ValueError, OverflowError):
            number = least - 1
        if not least <= number <= most:
            raise ValidationError({key: _(message)})
        return number
    if key in CHOICES:
        if value not in CHOICES[key]:
            raise ValidationError({key: _("Pilihan tidak dikenal.")})
        return value
    if key in FLAGS:
        if not isinstance(value, bool):
            raise ValidationError({key: _("Pilih ya atau tidak.")})
        return value
    if key in TARIFFS:
        try:
            return tariff_json(parse_tariff(value))
        except ValueError as exc:
            raise ValidationError({key: str(exc)}) from None
    if key == "building_npwp":
        return _building_npwp(value)
    if key in ("building_name", "building_address", "building_city"):
        text = str(value).strip()
        if not text:
            raise ValidationError({key: _("Wajib diisi.")})
        return text
    raise ValidationError({key: _("Pengaturan tidak dikenal: {key}").format(key=key)})


def _building_npwp(value: Any) -> str:
    if isinstance(value, str) and not value.strip():
        return ""
    try:
        return normalize_npwp(value)
    except InvalidNumber as exc:
        raise ValidationError({"building_npwp": str(exc)}) from None
