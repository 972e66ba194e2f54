"""Dates and times as printed on documents: in WIB, with Indonesian names."""

from __future__ import annotations

from datetime import datetime

from smesco_desk.clock import to_wib
from smesco_desk.i18n import N_, _

DAY_NAMES = (
    N_("Senin"),
    N_("Selasa"),
    N_("Rabu"),
    N_("Kamis"),
    N_("Jumat"),
    N_("Sabtu"),
    N_("Minggu"),
)
MONTH_ABBREVIATIONS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("Mei"),
    N_("Jun"),
    N_("Jul"),
    N_("Agu"),
    N_("Sep"),
    N_("Okt"),
    N_("Nov"),
    N_("Des"),
)

MONTH_NAMES = (
    N_("Januari"),
    N_("Februari"),
    N_("Maret"),
    N_("April"),
    N_("Mei"),
    N_("Juni"),
    N_("Juli"),
    N_("Agustus"),
    N_("September"),
    N_("Oktober"),
    N_("November"),
    N_("Desember"),
)


def format_long_date(moment: datetime) -> str:
    """'27 November 2026' (the WIB calendar day), as a letter or a kuitansi dates itself."""
    local = to_wib(moment)
    return f"{local.day} {_(MONTH_NAMES[local.month - 1])} {local.year}"


def format_date(moment: datetime) -> str:
    """'27 Nov 2026' (the WIB calendar day)."""
    local = to_wib(moment)
    month = _(MONTH_ABBREVIATIONS[local.month - 1])
    return f"{local.day} {month} {local.year}"


def format_day_month(moment: datetime) -> str:
    """'26 Nov' (the WIB calendar day, without the year)."""
    local = to_wib(moment)
    return f"{local.day} {_(MONTH_ABBREVIATIONS[local.month - 1])}"


def format_day_date(moment: datetime) -> str:
    """'Jumat, 27 Nov 2026'."""
    local = to_wib(moment)
    return _("{day}, {date}").format(day=_(DAY_NAMES[local.weekday()]), date=format_date(local))


def format_time(moment: datetime) -> str:
    """'21:00' in WIB."""
    return to_wib(moment).strftime("%H:%M")


def format_datetime(moment: datetime) -> str:
    """'Jumat, 27 Nov 2026 14:05 WIB'."""
    return _("{date} {time} WIB").format(date=format_day_date(moment), time=format_time(moment))


def same_wib_day(first: datetime, second: datetime) -> bool:
    return to_wib(first).date() == to_wib(second).date()


def format_time_on(moment: datetime, reference: datetime) -> str:
    """'14:05' on the reference's WIB day; '26 Nov 14:05' on another day."""
    if same_wib_day(moment, reference):
        return format_time(moment)
    return f"{format_day_month(moment)} {format_time(moment)}"
