"""The counts of table `tallies`, kept exact by triggers on the counted table.

The history's count of live visits (`LIVE_VISITS`: visits not deleted) is read
every time the visit history opens; counting a million rows takes 150-200 ms,
reading this row well under a millisecond. Triggers rather than the services
keep it, because visits change in ways that pass the ORM (a pulled sync change,
an erasure's raw UPDATEs, a bulk load): an insert of a live visit adds one, a
delete of one takes one away, and a change of `deleted_at` between NULL and a
time moves it (today the append-only guard freezes `deleted_at`; the trigger
stays in case it ever moves). A restore brings back the file with its own count. `install()`
(a migration) creates the triggers and counts the rows once.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from smesco_desk.db.models import Tally

LIVE_VISITS = "live_visits"

_LIVE = "{row}.deleted_at IS NULL"
_MOVE = f"UPDATE tallies SET value = value + ({{delta}}) WHERE name = '{LIVE_VISITS}'"


def _sqlite() -> list[str]:
    moved = "CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END"
    return [
        f"CREATE TRIGGER tally_visits_insert AFTER INSERT ON visits"
        f" WHEN {_LIVE.format(row='NEW')} BEGIN {_MOVE.format(delta=1)}; END",
        f"CREATE TRIGGER tally_visits_delete AFTER DELETE ON visits"
        f" WHEN {_LIVE.format(row='OLD')} BEGIN {_MOVE.format(delta=-1)}; END",
        "CREATE TRIGGER tally_visits_update AFTER UPDATE OF deleted_at ON visits"
        " WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)"
        f" BEGIN {_MOVE.format(delta=moved)}; END",
    ]


def install(conn: Connection) -> None:
    """Create the triggers and count the live visits once (the table exists).

    Not on PostgreSQL: the sync server shows no history, and one row updated by
    every desk's pushed visit would make concurrent pushes wait on each other;
    without a tally row the history is counted (`live_visits` is None)."""
    uninstall(conn)
    if conn.dialect.name == "postgresql":
        return
    for statement in _sqlite():
        conn.execute(text(statement))
    conn.execute(text("DELETE FROM tallies WHERE name = :n"), {"n": LIVE_VISITS})
    conn.execute(
        text(
            "INSERT INTO tallies (name, value)"
            " SELECT :n, count(*) FROM visits WHERE deleted_at IS NULL"
        ),
        {"n": LIVE_VISITS},
    )


def uninstall(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        for op in ("insert", "delete", "update"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS tally_visits_{op}"))


def live_visits(session: Session) -> int | None:
    """The live visits' count, or None where no tally is kept (then count them)."""
    return session.scalar(select(Tally.value).where(Tally.name == LIVE_VISITS))
