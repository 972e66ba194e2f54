"""Nothing booked twice, held by the database itself (a service checks first and
says which row collides; this is what stays true whatever writes the row:
another desk's sync, a script, a bug). One guard per table, defined in GUARDS:

- `bookings` (rooms and spaces): a live booking (status neither cancelled,
  released nor conflict, not deleted) occupies its space over
  [occupied_from, occupied_until): its start less the setup buffer to its end
  plus the cleanup buffer, half-open, so one booking may start the minute
  another one's cleanup ends.
- `leases` (the food court): a live lease (neither cancelled nor in conflict,
  not deleted) takes
  its stall from `starts_on` to `ends_on`, both days included ('[]'), so one
  lease may start the day after another's last day. A lease ended early keeps
  its days up to its new last day.

Two live rows of one owner (space, stall) never overlap:

- SQLite (every desk): triggers before INSERT and UPDATE raise
  `<constraint>: ...` (an IntegrityError through SQLAlchemy);
- PostgreSQL (the server): an exclusion constraint (btree_gist) named the
  same, which raises SQLSTATE 23P01 exclusion_violation naming it.

Both compare the same stored columns, so both engines agree to the minute (or
the day). SQLite compares dates as their ISO text, which sorts as the dates do.

A booking in `conflict` (made offline at a desk while another desk won its
slot: smesco_desk.sync.server_push) is kept with its charge and payments, but
takes no slot until it is moved (migration 0011 left it out of the guard). So
does a lease in `conflict` (migration 0019): it takes no day until it is moved.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection


@dataclass(frozen=True)
class Guard:
    """No two live rows of `table` with the same `owner` meet over [start, end]:
    `bounds` '[)' (half-open, times) or '[]' (both ends included, days)."""

    table: str
    constraint: str
    owner: str
    start: str
    end: str
    range_type: str  # tstzrange | daterange (PostgreSQL)
    bounds: str  # '[)' | '[]'
    free: tuple[str, ...]  # the statuses that take nothing
    taken: str  # the refusal's words

    @property
    def before(self) -> str:
        """The comparison of one row's start with another's end."""
        return "<" if self.bounds == "[)" else "<="


GUARDS: dict[str, Guard] = {
    "bookings": Guard(
        "bookings",
        "bookings_no_overlap",
        "space_id",
        "occupied_from",
        "occupied_until",
        "tstzrange",
        "[)",
        # Bookings that take no slot (smesco_desk.domain.bookings.SLOTLESS_STATUSES agrees).
        ("cancelled", "released", "conflict"),
        "the space is already booked then",
    ),
    "leases": Guard(
        "leases",
        "leases_no_overlap",
        "stall_id",
        "starts_on",
        "ends_on",
        "daterange",
        "[]",
        # (smesco_desk.domain.foodcourt.DAYLESS_STATUSES agrees)
        ("cancelled", "conflict"),
        "the stall is already leased then",
    ),
}
CONSTRAINT = GUARDS["bookings"].constraint
SLOTLESS_STATUSES = GUARDS["bookings"].free
BEFORE_0011 = ("cancelled", "released")  # what migrations 0008-0010 left out of bookings
LEASES_BEFORE_0019 = ("cancelled",)  # what migrations 0015-0018 left out of leases


def _free(statuses: tuple[str, ...]) -> str:
    return ", ".join(f"'{s}'" for s in statuses)


def sqlite_triggers(guard: Guard, free: tuple[str, ...] | None = None) -> list[str]:
    out = _free(guard.free if free is None else free)
    g, lt = guard, guard.before
    live_new = f"NEW.status NOT IN ({out}) AND NEW.deleted_at IS NULL"
    clash = (
        f"SELECT 1 FROM {g.table} b WHERE b.{g.owner} = NEW.{g.owner} AND b.id <> NEW.id"
        f" AND b.status NOT IN ({out}) AND b.deleted_at IS NULL"
        f" AND b.{g.start} {lt} NEW.{g.end} AND NEW.{g.start} {lt} b.{g.end}"
    )
    refuse = f"BEGIN SELECT RAISE(ABORT, '{g.constraint}: {g.taken}') WHERE EXISTS ({clash}); END"
    return [
        f'CREATE TRIGGER "{g.constraint}_{op.lower()}" BEFORE {op} ON {g.table}'
        f" WHEN {live_new} {refuse}"
        for op in ("INSERT", "UPDATE")
    ]


def postgres(guard: Guard, free: tuple[str, ...] | None = None) -> list[str]:
    g = guard
    out = _free(g.free if free is None else free)
    return [
        "CREATE EXTENSION IF NOT EXISTS btree_gist",
        f"ALTER TABLE {g.table} ADD CONSTRAINT {g.constraint} EXCLUDE USING gist"
        f" ({g.owner} WITH =, {g.range_type}({g.start}, {g.end}, '{g.bounds}') WITH &&)"
        f" WHERE (status NOT IN ({out}) AND deleted_at IS NULL)",
    ]


def install(conn: Connection, table: str, free: tuple[str, ...] | None = None) -> None:
    """Create the guard of `table` on this connection's database (the table
    exists); `free`: the statuses left out, if not the guard's own (a migration
    installs what it had)."""
    guard = GUARDS[table]
    uninstall(conn, table)
    if conn.dialect.name == "postgresql":
        statements = postgres(guard, free)
    else:
        statements = sqlite_triggers(guard, free)
    for statement in statements:
        conn.execute(text(statement))


def uninstall(conn: Connection, table: str) -> None:
    guard = GUARDS[table]
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(f"ALTER TABLE {guard.table} DROP CONSTRAINT IF EXISTS {guard.constraint}")
        )
    else:
        for op in ("insert", "update"):
            conn.execute(text(f'DROP TRIGGER IF EXISTS "{guard.constraint}_{op}"'))


def is_overlap(error: BaseException, table: str = "bookings") -> bool:
    """Whether a database error is the guard of `table` refusing (either engine)."""
    return GUARDS[table].constraint in str(error)


def guard_named(constraint: str | None) -> Guard | None:
    """The guard whose constraint this is (a PostgreSQL error's constraint name)."""
    return next((g for g in GUARDS.values() if g.constraint == constraint), None)


def meeting(model: Any, table: str, owner_id: str, start: Any, end: Any) -> list[Any]:
    """The WHERE clauses of a service's check before the database would refuse:
    the live rows of `model` (mapped on `table`) of this owner that meet
    [start, end] as the guard compares them (the same columns, bounds, statuses)."""
    g = GUARDS[table]
    before = operator.lt if g.bounds == "[)" else operator.le
    return [
        getattr(model, g.owner) == owner_id,
        model.deleted_at.is_(None),
        model.status.not_in(g.free),
        before(getattr(model, g.start), end),
        before(start, getattr(model, g.end)),
    ]
