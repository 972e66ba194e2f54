"""The demo data (`seed-demo`, `main.py --demo`) at any time of day: today's open
shift has today's receipts even just after midnight (WIB), and nothing is dated
after the moment the demo was made."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from smesco_desk import demo
from smesco_desk.clock import WIB, to_wib
from smesco_desk.services.core import open_core
from smesco_desk.values.payments import ReceiptFilter
from smesco_desk.values.visitors import VisitFilter, VisitScope
from tests.core.helpers_core import FakeClock


@pytest.mark.slow
@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 12, 7, 0, 0, 20, tzinfo=WIB),  # twenty seconds into the day
        datetime(2026, 12, 7, 23, 59, 30, tzinfo=WIB),
    ],
)
def test_today_has_receipts_and_nothing_is_in_the_future(tmp_path: Path, moment: datetime) -> None:
    clock = FakeClock(moment.astimezone(UTC))
    core = open_core(tmp_path / "data", clock=clock)
    try:
        progress: list[tuple[int, int]] = []
        info = demo.seed_demo(
            core, days=3, progress=lambda done, total: progress.append((done, total))
        )
        assert info.receipts == 24 and info.visits > 10
        assert progress[-1][0] == progress[-1][1] and progress == sorted(progress)
        today = to_wib(clock.now).date()
        receipts = core.payments.receipts(ReceiptFilter(day=today))
        assert len(receipts) == 12
        assert all(r.issued_at <= clock.now for r in receipts)
        assert any(r.voided for r in receipts)
        visits = core.visitors.list_visits(VisitFilter(VisitScope.HISTORY), limit=1000)
        latest = max(v.checked_in_at for v in visits)
        assert latest <= clock.now
        # The building's spaces, and bookings today and this week (made before now).
        spaces = {s.code: s for s in core.bookings.spaces()}
        assert len(spaces) == 7 and {8, 12, 20} <= {s.capacity for s in spaces.values()}
        assert {"classroom", "event_hall", "workshop"} <= {s.kind for s in spaces.values()}
        assert info.bookings >= 8
        assert len(core.bookings.bookings_on(today)) >= 4
        assert all(b.created_at is not None and b.created_at <= clock.now
                   for b in core.bookings.bookings_on(today))  # fmt: skip
    finally:
        core.close()


def test_today_so_far_never_ends_after_now() -> None:
    midnight = datetime(2026, 12, 7, tzinfo=WIB)
    for seconds in (0, 1, 20, 59, 3600, 10 * 3600):
        now = midnight + timedelta(seconds=seconds)
        begin, end, close = demo._today_so_far(midnight, now)
        assert midnight <= begin <= end <= now and not close
