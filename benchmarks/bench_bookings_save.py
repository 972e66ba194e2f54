"""Booking a space: the conflict check and a booking saved, beside bare SQL.

    uv run python benchmarks/bench_bookings_save.py [--bookings 100000] [--spaces 40] [--runs 200]

The same desk as bench_bookings_grid.py: `--spaces` spaces made through the
service and `--bookings` bookings bulk-inserted (six a day per space, 07:00 to
18:30 WIB with 15-minute buffers, spread around today). Then, on the desk's
SQLite file:

- the conflict check: `clashes()` (smesco_desk.services.bookings.conflicts, the
  query `book` runs inside its transaction) for a slot that is taken and one
  that is free, beside the same SELECT on a plain `sqlite3` connection;
- a booking saved: `core.bookings.book(...)` in a free evening slot (one space
  and day after another, so each run books a new slot), beside a bare
  `INSERT INTO bookings` of the same row on a plain `sqlite3` connection (the
  overlap trigger runs for both) with its COMMIT;
- a refused booking: `book` in a taken slot, to `BookingConflict`.

`book` does more than the INSERT: it checks the form, reads the space, runs
the conflict query, writes the charge and its line, the audit entry and the
outbox operations, and commits in WAL mode with `synchronous=FULL`. The ratio
says what that costs. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fmt, header, summary, timings  # noqa: E402
from bench_bookings_grid import at, fill, make_desk  # noqa: E402

from smesco_desk.clock import wib_today  # noqa: E402
from smesco_desk.domain.payments import PayerKind  # noqa: E402
from smesco_desk.ids import new_id  # noqa: E402
from smesco_desk.paths import database_path  # noqa: E402
from smesco_desk.services.bookings import BookingConflict  # noqa: E402
from smesco_desk.services.bookings.conflicts import clashes  # noqa: E402
from smesco_desk.services.core import Core  # noqa: E402
from smesco_desk.values.bookings import BookingForm  # noqa: E402
from smesco_desk.values.payments import PayerForm  # noqa: E402

BARE_CLASH = (
    "SELECT * FROM bookings WHERE space_id = ? AND deleted_at IS NULL"
    " AND status NOT IN ('cancelled', 'released')"
    " AND occupied_from < ? AND occupied_until > ? ORDER BY occupied_from"
)
BARE_INSERT = (
    "INSERT INTO bookings (id, origin_desk, version, created_at, updated_at, space_id, title,"
    " payer_kind, payer_id, payer_name, umkm, attendees, starts_at, ends_at, setup_minutes,"
    " cleanup_minutes, occupied_from, occupied_until, status, charge_id, notes, cancel_reason)"
    " VALUES (?, 'D01', 1, ?, ?, ?, 'Rapat', 'organisation', NULL, 'Koperasi Maju', 0, 8,"
    " ?, ?, 15, 15, ?, ?, 'confirmed', NULL, '', '')"
)


def stored(moment: datetime) -> str:
    """A time as the UTCDateTime column stores it on SQLite."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def free_slots(
    spaces: list[str], first: date, start: str, end: str
) -> Iterator[tuple[str, datetime, datetime]]:
    """(space id, start, end) of evening slots no bulk booking takes, day after day."""
    day = first
    while True:
        for space in spaces:
            yield space, at(day, start), at(day, end)
        day += timedelta(days=1)


def run(args: argparse.Namespace) -> None:
    header(f"booking save: {args.spaces} spaces, {args.bookings} bookings")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        core = make_desk(folder, args.spaces)
        started = time.perf_counter()
        fill(core, args.bookings)
        print(f"   filled in {time.perf_counter() - started:.1f} s")
        bare = sqlite3.connect(database_path(folder), isolation_level=None)
        bare.execute("PRAGMA journal_mode=WAL")
        bare.execute("PRAGMA synchronous=FULL")
        try:
            measure(core, bare, args.runs)
        finally:
            bare.close()
            core.close()


def measure(core: Core, bare: sqlite3.Connection, runs: int) -> None:
    admin = core.users.authenticate("admin", "bench-2026!")
    spaces = core.bookings.spaces()
    ids = [s.id for s in spaces]
    code = {s.id: s.code for s in spaces}
    tomorrow = wib_today(core.now()) + timedelta(days=1)
    # a taken slot (the bulk 09:00-10:30 booking) and a free one (the evening)
    taken = (ids[0], at(tomorrow, "09:30"), at(tomorrow, "10:00"))
    free = (ids[0], at(tomorrow, "19:00"), at(tomorrow, "20:30"))

    def service_check(slot: tuple[str, datetime, datetime]) -> Callable[[], object]:
        def check() -> object:
            with core.db.read() as session:
                return clashes(
                    session,
                    slot[0],
                    slot[1] - timedelta(minutes=15),
                    slot[2] + timedelta(minutes=15),
                )

        return check

    def bare_check(slot: tuple[str, datetime, datetime]) -> Callable[[], object]:
        params = (
            slot[0],
            stored(slot[2] + timedelta(minutes=15)),
            stored(slot[1] - timedelta(minutes=15)),
        )
        return lambda: bare.execute(BARE_CLASH, params).fetchall()

    rows = {}
    for label, slot in (("taken slot", taken), ("free slot ", free)):
        service = summary(timings(service_check(slot), runs))
        raw = summary(timings(bare_check(slot), runs))
        rows[label] = (service, raw)
        print(f"   conflict check, {label}  service  {fmt(service)}")
        print(f"                               bare SQL {fmt(raw)}")
        print(
            f"                               ratio p50 {service['p50'] / raw['p50']:.1f}x,"
            f" p95 {service['p95'] / raw['p95']:.1f}x"
        )

    # the service books 19:00-20:30, the bare INSERT 21:00-21:15 (after its cleanup buffer)
    service_slots = free_slots(ids, tomorrow + timedelta(days=2), "19:00", "20:30")
    bare_slots = free_slots(ids, tomorrow + timedelta(days=2), "21:00", "21:15")
    payer = PayerForm(PayerKind.ORGANISATION.value, "Koperasi Maju Bersama")

    def service_save() -> object:
        space, starts, ends = next(service_slots)
        return core.bookings.book(
            admin, BookingForm(code[space], "Rapat koordinasi", starts, ends, payer, attendees=8)
        )

    def bare_save() -> object:
        space, starts, ends = next(bare_slots)
        now = stored(datetime.now(UTC))
        bare.execute("BEGIN IMMEDIATE")
        bare.execute(
            BARE_INSERT,
            (
                new_id(),
                now,
                now,
                space,
                stored(starts),
                stored(ends),
                stored(starts - timedelta(minutes=15)),
                stored(ends + timedelta(minutes=15)),
            ),
        )
        bare.execute("COMMIT")
        return None

    service = summary(timings(service_save, runs))
    raw = summary(timings(bare_save, runs))
    print(f"   booking saved     book()   {fmt(service)}")
    print(f"                     bare SQL {fmt(raw)}")
    print(
        f"                     ratio p50 {service['p50'] / raw['p50']:.1f}x,"
        f" p95 {service['p95'] / raw['p95']:.1f}x"
    )

    def refused() -> object:
        try:
            core.bookings.book(
                admin, BookingForm(code[taken[0]], "Rapat", taken[1], taken[2], payer, attendees=8)
            )
        except BookingConflict as exc:
            return exc
        raise AssertionError("the taken slot was booked")

    clash = summary(timings(refused, runs))
    print(f"   booking refused (BookingConflict) {fmt(clash)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bookings", type=int, default=100_000)
    parser.add_argument("--spaces", type=int, default=40)
    parser.add_argument("--runs", type=int, default=200)
    run(parser.parse_args())


if __name__ == "__main__":
    main()
