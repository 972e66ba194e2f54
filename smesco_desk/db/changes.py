"""Which tables a write transaction wrote, told to whoever listens once it commits.

Every `Database.write()` session is tracked: the names of the tables it writes
gather in the session, and only a committed transaction publishes them to its
database's `ChangeFeed` (a rollback tells nobody anything).

A caller learns what a call changed, in its own thread or context:

    with core.changes.collect() as changed:
        core.users.create(...)
    changed  # {"users", "audit_log", "outbox", "desk_counters"}

What is written is seen three ways, so that a write made past the service's
`Transaction` (smesco_desk.services.transaction) is reported all the same:
- ORM objects flushed (session event `after_flush`: new, changed, deleted);
- ORM insert/update/delete statements (session event `do_orm_execute`);
- any statement run on the transaction's connection (Core, SQL text, the ORM's
  own) that changed a row (connection event `after_cursor_execute`).
Writes through the raw driver connection (the sync pull's fast path) are
marked by hand with `mark()`.

A cache of what a table holds keeps the table's `stamp()` beside it and is
stale once the stamp differs: every committed transaction that wrote the table
moves it, and so does `forget_all()` (the database changed under this program:
another program committed, or the file was replaced).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.sql.dml import UpdateBase

_KEY = "smesco_desk.tables_written"
# INSERT [OR x] INTO t / REPLACE INTO t / UPDATE [OR x] t / DELETE FROM t, t maybe quoted.
_SQL_TARGET = re.compile(
    r"""^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)
    \s+["`\[]?(\w+)""",
    re.IGNORECASE | re.VERBOSE,
)


def track(session: Session) -> set[str]:
    """Start gathering the tables this session writes (its connection included);
    returns the set that fills as it goes."""
    names: set[str] = session.info.setdefault(_KEY, set())

    def after_cursor_execute(
        _conn: Connection, cursor: Any, statement: str, *_args: Any
    ) -> None:
        match = _SQL_TARGET.match(statement)
        if match and getattr(cursor, "rowcount", -1) != 0:
            names.add(match[1])
            if match[1] == "visits" and not statement.lstrip().upper().startswith("UPDATE"):
                names.add("tallies")  # its triggers count the visits (smesco_desk.db.tallies)

    # (The listener goes with this Connection object; the pooled DBAPI connection
    # under it keeps none.)
    event.listen(session.connection(), "after_cursor_execute", after_cursor_execute)
    return names


def written(session: Session) -> set[str]:
    """The tables written so far in this session's transaction (an empty set, not
    gathering, for a session nobody tracks)."""
    found: set[str] | None = session.info.get(_KEY)
    return found if found is not None else set()


def mark(session: Session, *tables: str) -> None:
    """Note tables written past SQLAlchemy (e.g. through the driver's connection)."""
    names: set[str] | None = session.info.get(_KEY)
    if names is not None:
        names.update(tables)


def _tables_of(obj: object) -> Iterator[str]:
    for table in inspect(obj).mapper.tables:
        yield str(table.name)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    names: set[str] | None = session.info.get(_KEY)
    if names is None:
        return
    # (After a flush the session's lists and histories still show what it wrote.)
    for obj in (*session.new, *session.deleted):
        names.update(_tables_of(obj))
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            names.update(_tables_of(obj))


@event.listens_for(Session, "do_orm_execute")
def _do_orm_execute(state: ORMExecuteState) -> None:
    names: set[str] | None = state.session.info.get(_KEY)
    if names is not None and (state.is_insert or state.is_update or state.is_delete):
        table = _target(state.statement)
        if table is not None:
            names.add(table)


def _target(statement: Any) -> str | None:
    """The table an insert, update or delete statement writes."""
    name = getattr(statement.table, "name", None) if isinstance(statement, UpdateBase) else None
    return str(name) if name else None


class ChangeFeed:
    """The tables committed transactions of one database wrote, for the callers
    collecting in the current thread or context (see the module docstring)."""

    # (feed, names) of every collection open in this context, innermost last.
    _open: ContextVar[tuple[tuple[ChangeFeed, set[str]], ...]] = ContextVar(
        "smesco_desk_change_collections", default=()
    )

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._epoch = 0  # moved by forget_all()
        self._generations: dict[str, int] = {}  # commits that wrote each table

    def stamp(self, table: str) -> tuple[int, int]:
        """Moves whenever a committed transaction writes `table` (or on forget_all)."""
        with self._lock:
            return self._epoch, self._generations.get(table, 0)

    def forget_all(self) -> None:
        """Every table may have changed (written elsewhere, or the file replaced)."""
        with self._lock:
            self._epoch += 1

    @contextmanager
    def collect(self) -> Iterator[set[str]]:
        """The names of the tables written by transactions of this database that
        commit inside the block, in this thread or context."""
        names: set[str] = set()
        token = self._open.set((*self._open.get(), (self, names)))
        try:
            yield names
        finally:
            self._open.reset(token)

    def publish(self, tables: Iterable[str]) -> None:
        """A transaction committed having written these tables."""
        tables = frozenset(tables)
        if not tables:
            return
        with self._lock:
            for table in tables:
                self._generations[table] = self._generations.get(table, 0) + 1
        for feed, names in self._open.get():
            if feed is self:
                names.update(tables)
