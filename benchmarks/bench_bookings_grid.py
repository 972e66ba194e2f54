"""The Ruang page's grids: from a day change to the day grid painted, and from
a week change to the week view (one space) painted.

    uv run python benchmarks/bench_bookings_grid.py [--bookings 100000] [--spaces 40] [--runs 60]

A fresh desk with `--spaces` spaces (made through the service) and `--bookings`
bookings bulk-inserted with SQLAlchemy Core (a fixture generator, not a service
use: six bookings a day per space, back to back with their buffers, a few
cancelled, spread over the days before and after today). Then, offscreen, the
real page with the real (threaded) operation runner: each run moves one day
(`step_day(+1)`, as PageDown does), waits for the model's `loaded` and paints
the grid's viewport (`repaint()`: the paint happens now, not later). Printed
beside it: `bookings_on(day)` alone and the paint alone. Then the same for the
week view of one space: each run moves one week (`step(+1)` in the week view,
as PageDown does there), waits for `loaded` and paints; beside it
`bookings_between(monday, sunday, space_id)` alone and the paint alone.
Goal: a day or week change to painted under 50 ms (median). Prints figures;
asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import budget_line, fmt, header, summary, timings  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from smesco_desk.clock import WIB, wib_today  # noqa: E402
from smesco_desk.db.models import Booking  # noqa: E402
from smesco_desk.ids import new_id  # noqa: E402
from smesco_desk.services.core import Core, open_core  # noqa: E402
from smesco_desk.values.bookings import SpaceForm  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.operations import OperationRunner  # noqa: E402
from ui.pages.bookings.page import BookingsPage  # noqa: E402
from ui.settings import UiSettings  # noqa: E402

BUDGET_MS = 50.0
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# (start, end) of a space's bookings each day, WIB; 15-minute buffers fit between them
SLOTS = (("07:00", "08:30"), ("09:00", "10:30"), ("11:00", "12:30"), ("13:00", "14:30"),
         ("15:00", "16:30"), ("17:00", "18:30"))
TITLES = ("Rapat koordinasi", "Pelatihan foto produk", "Kurasi produk", "Temu mitra ritel",
          "Kelas QRIS dan pembukuan", "Konsultasi ekspor")
BOOKERS = ("Koperasi Maju Bersama", "Kopi Gayo Lestari", "Dinas Koperasi DKI Jakarta",
           "Batik Sekar Jagad", "Asosiasi UMKM Nusantara", "Keripik Tempe Bu Sri")


def make_desk(folder: Path, spaces: int) -> Core:
    core = open_core(folder)
    core.setup.initialize("D01")
    core.setup.create_first_admin("admin", "Admin Satu", "bench-2026!")
    admin = core.users.authenticate("admin", "bench-2026!")
    for i in range(spaces):
        core.bookings.save_space(admin, SpaceForm(
            f"ruang_{i:02d}", f"Ruang Rapat {i + 1:02d}", "meeting_room", 12,
            {d: ["07:00", "21:00"] for d in WEEK}, str(1 + i % 4), 15, 15, 250_000))
    return core


def at(day: date, hhmm: str) -> datetime:
    hour, minute = map(int, hhmm.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB).astimezone(UTC)


def fill(core: Core, bookings: int) -> None:
    spaces = [s.id for s in core.bookings.spaces()]
    per_day = len(spaces) * len(SLOTS)
    days = -(-bookings // per_day)
    first = wib_today(core.now()) - timedelta(days=days // 2)
    made = 0
    rows = []
    for d in range(days):
        day = first + timedelta(days=d)
        for s, space in enumerate(spaces):
            for k, (start, end) in enumerate(SLOTS):
                if made >= bookings:
                    break
                starts, ends = at(day, start), at(day, end)
                made += 1
                rows.append({
                    "id": new_id(), "origin_desk": "D01", "version": 1,
                    "created_at": starts - timedelta(days=3),
                    "updated_at": starts - timedelta(days=3),
                    "space_id": space, "title": TITLES[(s + k + d) % len(TITLES)],
                    "payer_kind": "organisation", "payer_id": None,
                    "payer_name": BOOKERS[(s * 7 + k + d) % len(BOOKERS)], "umkm": False,
                    "attendees": 8, "starts_at": starts, "ends_at": ends,
                    "setup_minutes": 15, "cleanup_minutes": 15,
                    "occupied_from": starts - timedelta(minutes=15),
                    "occupied_until": ends + timedelta(minutes=15),
                    "status": "cancelled" if made % 23 == 0 else "confirmed",
                    "charge_id": None, "notes": "", "cancel_reason": "",
                })
    with core.db.engine.begin() as conn:
        for i in range(0, len(rows), 5000):
            conn.execute(insert(Booking.__table__), rows[i:i + 5000])
        conn.exec_driver_sql("ANALYZE")


def run(args: argparse.Namespace) -> None:
    header(f"day grid: {args.spaces} spaces, {args.bookings} bookings")
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        core = make_desk(Path(tmp) / "data", args.spaces)
        started = time.perf_counter()
        fill(core, args.bookings)
        print(f"   filled in {time.perf_counter() - started:.1f} s")
        admin = core.users.authenticate("admin", "bench-2026!")
        settings = UiSettings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        ctx = AppContext(core, OperationRunner(), settings, admin)
        page = BookingsPage(ctx)
        page.resize(1366 - 190, 700)
        page.show()
        wait_loaded(page)
        change = [step_and_paint(page, 1 if i % 20 < 10 else -1) for i in range(args.runs + 2)]
        change = change[2:]
        day = page.model.day()
        query = timings(lambda: core.bookings.bookings_on(day), args.runs)
        paint = timings(page.grid.viewport().repaint, args.runs)
        print(f"   {page.model.block_count()} bookings in the day shown, "
              f"{page.model.columnCount()} columns")
        print(f"   day change to painted     {fmt(summary(change))}")
        print(f"   bookings_on(day) alone    {fmt(summary(query))}")
        print(f"   paint alone               {fmt(summary(paint))}")
        print("   " + budget_line("day change to painted, median", summary(change)["p50"],
                                 BUDGET_MS))
        week_figures(page, core, args.runs)
        page.close()
        ctx.runner.wait_idle()
        core.close()
    del app


def week_figures(page: BookingsPage, core: Core, runs: int) -> None:
    """A week change to painted in the week view of the first space."""
    space = core.bookings.spaces()[0]
    page.show_week(space.code)
    wait_loaded(page)
    change = [step_week_and_paint(page, 1 if i % 20 < 10 else -1) for i in range(runs + 2)]
    change = change[2:]
    monday = page.week_model.monday()
    sunday = monday + timedelta(days=6)
    query = timings(lambda: core.bookings.bookings_between(monday, sunday, space.id), runs)
    paint = timings(page.week_grid.viewport().repaint, runs)
    print(f"   week view of {space.code}: {page.week_model.block_count()} bookings in the week "
          f"shown, {page.week_model.rowCount()} rows")
    print(f"   week change to painted    {fmt(summary(change))}")
    print(f"   bookings_between alone    {fmt(summary(query))}")
    print(f"   week paint alone          {fmt(summary(paint))}")
    print("   " + budget_line("week change to painted, median", summary(change)["p50"],
                             BUDGET_MS))


def step_week_and_paint(page: BookingsPage, weeks: int) -> float:
    started = time.perf_counter_ns()
    page.step(weeks)
    wait_loaded(page)
    page.week_grid.viewport().repaint()
    return (time.perf_counter_ns() - started) / 1e6


def wait_loaded(page: BookingsPage) -> None:
    """The worker's read done, then its result delivered to the model (the UI thread)."""
    page.ctx.runner.wait_idle()
    QApplication.processEvents()


def step_and_paint(page: BookingsPage, days: int) -> float:
    started = time.perf_counter_ns()
    page.step_day(days)
    wait_loaded(page)
    page.grid.viewport().repaint()
    return (time.perf_counter_ns() - started) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bookings", type=int, default=100_000)
    parser.add_argument("--spaces", type=int, default=40)
    parser.add_argument("--runs", type=int, default=60)
    run(parser.parse_args())


if __name__ == "__main__":
    main()
