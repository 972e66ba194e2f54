"""No double booking, held by the database itself (the service checks first and
says which booking collides; this is what stays true whatever writes the row:
another desk's sync, a script, a bug).

A live booking (status neither cancelled, released nor conflict, not deleted) occupies
its space over [occupied_from, occupied_until): its start less the setup
buffer to its end plus the cleanup buffer, half-open, so one booking may start
the minute another one's cleanup ends. Two live bookings of one space never
overlap:

- SQLite (every desk): triggers before INSERT and UPDATE raise
  `booking_overlap: ...` (an IntegrityError through SQLAlchemy);
- PostgreSQL (the server): the exclusion constraint `bookings_no_overlap`
  (btree_gist), which raises SQLSTATE 23P01 exclusion_violation naming it.

Both compare the same stored columns, so both engines agree to the minute.

A booking in `conflict` (made offline at a desk while another desk won its
slot: smesco_desk.sync.server_push) is kept with its charge and payments, but
takes no slot until it is moved (migration 0011 left it out of the guard).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

CONSTRAINT = "bookings_no_overlap"
# Bookings that take no slot (smesco_desk.domain.bookings.SLOTLESS_STATUSES agrees).
SLOTLESS_STATUSES = ("cancelled", "released", "conflict")
BEFORE_0011 = ("cancelled", "released")  # what migrations 0008-0010 left out


def _free(statuses: tuple[str, ...]) -> str:
    return ", ".join(f"'{s}'" for s in statuses)


def sqlite_triggers(slotless: tuple[str, ...] = SLOTLESS_STATUSES) -> list[str]:
    free = _free(slotless)
    live_new = f"NEW.status NOT IN ({free}) AND NEW.deleted_at IS NULL"
    clash = (
        "SELECT 1 FROM bookings b WHERE b.space_id = NEW.space_id AND b.id <> NEW.id"
        f" AND b.status NOT IN ({free}) AND b.deleted_at IS NULL"
        " AND b.occupied_from < NEW.occupied_until AND NEW.occupied_from < b.occupied_until"
    )
    refuse = (
        f"BEGIN SELECT RAISE(ABORT, '{CONSTRAINT}: the space is already booked then')"
        f" WHERE EXISTS ({clash}); END"
    )
    return [
        f'CREATE TRIGGER "{CONSTRAINT}_{op.lower()}" BEFORE {op} ON bookings'
        f" WHEN {live_new} {refuse}"
        for op in ("INSERT", "UPDATE")
    ]


def postgres(slotless: tuple[str, ...] = SLOTLESS_STATUSES) -> list[str]:
    return [
        "CREATE EXTENSION IF NOT EXISTS btree_gist",
        f"ALTER TABLE bookings ADD CONSTRAINT {CONSTRAINT} EXCLUDE USING gist"
        " (space_id WITH =, tstzrange(occupied_from, occupied_until, '[)') WITH &&)"
        f" WHERE (status NOT IN ({_free(slotless)}) AND deleted_at IS NULL)",
    ]


def install(conn: Connection, slotless: tuple[str, ...] = SLOTLESS_STATUSES) -> None:
    """Create the guard on this connection's database (the bookings table exists);
    `slotless`: the statuses left out (a migration installs what it had)."""
    uninstall(conn)
    if conn.dialect.name == "postgresql":
        statements = postgres(slotless)
    else:
        statements = sqlite_triggers(slotless)
    for statement in statements:
        conn.execute(text(statement))


def uninstall(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"ALTER TABLE bookings DROP CONSTRAINT IF EXISTS {CONSTRAINT}"))
    else:
        for op in ("insert", "update"):
            conn.execute(text(f'DROP TRIGGER IF EXISTS "{CONSTRAINT}_{op}"'))


def is_overlap(error: BaseException) -> bool:
    """Whether a database error is this guard's refusal (either engine)."""
    return CONSTRAINT in str(error)
