"""Time helpers: everything is stored in UTC and shown in Asia/Jakarta (WIB)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.now(UTC)


def to_wib(moment: datetime) -> datetime:
    """Convert an aware datetime (naive ones are taken as UTC) to WIB."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(WIB)


def wib_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC instants at which a WIB calendar day starts and ends; a day no
    clock can reach (year 1, year 9999) is a field error, not an OverflowError."""
    try:
        start = datetime.combine(day, time(0, 0), tzinfo=WIB).astimezone(UTC)
        return start, start + timedelta(days=1)
    except OverflowError:
        from smesco_desk.errors import ValidationError
        from smesco_desk.i18n import _

        raise ValidationError({"day": _("Tanggal di luar jangkauan.")}) from None


def wib_today(now: datetime | None = None) -> date:
    return to_wib(now or utc_now()).date()


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 in WIB with its offset, or None."""
    return None if moment is None else to_wib(moment).isoformat(timespec="seconds")
