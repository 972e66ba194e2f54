"""No double booking, held by the database itself (the service checks first and
says which booking collides; this is what stays true whatever writes the row:
another desk's sync, a script, a bug).

A live booking (status neither cancelled nor released, not deleted) occupies
its space over [occupied_from, occupied_until): its start less the setup
buffer to its end plus the cleanup buffer, half-open, so one booking may start
the minute another one's cleanup ends. Two live bookings of one space never
overlap:

- SQLite (every desk): triggers before INSERT and UPDATE raise
  `booking_overlap: ...` (an IntegrityError through SQLAlchemy);
- PostgreSQL (the server): the exclusion constraint `bookings_no_overlap`
  (btree_gist), which raises SQLSTATE 23P01 exclusion_violation naming it.

Both compare the same stored columns, so both engines agree to the minute.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

CONSTRAINT = "bookings_no_overlap"
FREE_STATUSES = ("cancelled", "released")  # bookings that no longer take their slot
_FREE = ", ".join(f"'{s}'" for s in FREE_STATUSES)
_LIVE_NEW = f"NEW.status NOT IN ({_FREE}) AND NEW.deleted_at IS NULL"
_CLASH = (
    "SELECT 1 FROM bookings b WHERE b.space_id = NEW.space_id AND b.id <> NEW.id"
    f" AND b.status NOT IN ({_FREE}) AND b.deleted_at IS NULL"
    " AND b.occupied_from < NEW.occupied_until AND NEW.occupied_from < b.occupied_until"
)


def sqlite_triggers() -> list[str]:
    refuse = (
        f"BEGIN SELECT RAISE(ABORT, '{CONSTRAINT}: the space is already booked then')"
        f" WHERE EXISTS ({_CLASH}); END"
    )
    return [
        f'CREATE TRIGGER "{CONSTRAINT}_{op.lower()}" BEFORE {op} ON bookings'
        f" WHEN {_LIVE_NEW} {refuse}"
        for op in ("INSERT", "UPDATE")
    ]


POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    f"ALTER TABLE bookings ADD CONSTRAINT {CONSTRAINT} EXCLUDE USING gist"
    " (space_id WITH =, tstzrange(occupied_from, occupied_until, '[)') WITH &&)"
    f" WHERE (status NOT IN ({_FREE}) AND deleted_at IS NULL)",
]


def install(conn: Connection) -> None:
    """Create the guard on this connection's database (the bookings table exists)."""
    uninstall(conn)
    statements = POSTGRES if conn.dialect.name == "postgresql" else sqlite_triggers()
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
