"""The policies of bookings an administrator sets, as rules over plain values:
what a cancellation costs, when the booker may check in, when a no-show is let go.

- Cancelling more than `free_cancel_hours` before the start is free; from then
  on (after the start too, and for a no-show) the fee is `fee_percent` of the
  booking's total, rounded half up to the rupiah: 0 <= fee <= total.
- A booking cancelled within `MISTAKE_MINUTES` of being made, before its start,
  is a mistake put right (the wrong room, a typo in the time): free too.
- Check-in is open from the start of the setup buffer (the booker may come
  while the room is being set up) until the booking's end, half-open.
- A confirmed booking nobody checked in for is a no-show once
  `grace_minutes` have passed since its start (at start + grace, not before).
"""

from __future__ import annotations

from datetime import datetime, timedelta

DEFAULT_FREE_CANCEL_HOURS = 24
DEFAULT_CANCEL_FEE_PERCENT = 50
DEFAULT_NO_SHOW_GRACE_MINUTES = 30
MISTAKE_MINUTES = 15


def fee_of(total: int, percent: int) -> int:
    """`percent` of `total` rupiah, rounded half up (both whole and not negative)."""
    if total < 0 or not 0 <= percent <= 100:
        raise ValueError("a negative total or a percentage outside 0-100")
    return (total * percent + 50) // 100


def cancels_free(
    starts_at: datetime, now: datetime, free_cancel_hours: int, booked_at: datetime | None = None
) -> bool:
    """Whether a booking cancelled at `now` is still free: more than the hours
    before its start, or a mistake put right (see `just_booked`)."""
    return starts_at - now > timedelta(hours=free_cancel_hours) or just_booked(
        starts_at, now, booked_at
    )


def just_booked(starts_at: datetime, now: datetime, booked_at: datetime | None) -> bool:
    """Whether the booking was made no more than MISTAKE_MINUTES ago and has not begun."""
    if booked_at is None or now >= starts_at:
        return False
    return now - booked_at <= timedelta(minutes=MISTAKE_MINUTES)


def cancel_fee(
    total: int,
    starts_at: datetime,
    now: datetime,
    free_cancel_hours: int,
    fee_percent: int,
    booked_at: datetime | None = None,
) -> int:
    """What cancelling at `now` costs: 0 while it is free, then the percentage of the total."""
    if cancels_free(starts_at, now, free_cancel_hours, booked_at):
        return 0
    return fee_of(total, fee_percent)


def check_in_opens(starts_at: datetime, setup_minutes: int) -> datetime:
    """The first moment the booker may check in: the start of the setup buffer."""
    return starts_at - timedelta(minutes=setup_minutes)


def may_check_in(starts_at: datetime, ends_at: datetime, setup_minutes: int, now: datetime) -> bool:
    return check_in_opens(starts_at, setup_minutes) <= now < ends_at


def no_show_from(starts_at: datetime, grace_minutes: int) -> datetime:
    """When a booking nobody checked in for becomes a no-show."""
    return starts_at + timedelta(minutes=grace_minutes)
