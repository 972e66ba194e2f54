"""One write transaction of a service: who acts, at which desk, when, and what it wrote.

A service inserts, updates and records through it; it fills the sync columns,
queues the outbox ops and writes the audit row (smesco_desk.services.recording),
and it gathers the names of the tables written. Once the transaction commits,
those names reach whoever collects the changes (`core.changes.collect()`, the
UI's operation runner): a view showing a table refreshes after any call that
wrote it, without anyone listing what changed.

    with Transaction.begin(self.core, actor) as tx:
        row = tx.insert(AppSetting(key=key, value=value))
        tx.record("setting.set", [(row, "insert")], {"key": key})

A service working inside its caller's transaction takes the caller's `tx`, or
`Transaction.joining(core, session, actor)` over a bare session. Writes made
past the transaction in the same session (ORM flushes, insert/update/delete
statements, SQL text) are reported as well (smesco_desk.db.changes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.orm import Session

from smesco_desk.db import changes
from smesco_desk.db import search_index as _search_index  # noqa: F401 - its flush listener
from smesco_desk.db.models import SyncedMixin
from smesco_desk.services import recording
from smesco_desk.services.actors import Actor

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

R = TypeVar("R", bound=SyncedMixin)

# What queuing an op and writing an audit row write besides the row itself.
OUTBOX_TABLES = ("outbox", "desk_counters")
AUDIT_TABLES = ("audit_log", *OUTBOX_TABLES)


class Transaction:
    """A session in a write transaction, with the actor, the desk and the time
    of the change (`now` is read from the clock once, when first needed)."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        desk: str | Callable[[], str],
        now: datetime | Callable[[], datetime],
    ) -> None:
        self.session = session
        self.actor = actor
        self._desk = desk
        self._now = now

    @classmethod
    @contextmanager
    def begin(cls, core: Core, actor: Actor) -> Iterator[Transaction]:
        """A new write transaction of this core's database: committed when the
        block ends, rolled back (and reporting nothing) if it raises."""
        with core.db.write() as session:
            yield cls.joining(core, session, actor)

    @classmethod
    def joining(
        cls, core: Core, session: Session, actor: Actor, desk: str | None = None
    ) -> Transaction:
        """A transaction over a session the caller opened (at `desk`, by default
        this core's desk)."""
        return cls(
            session,
            actor,
            desk if desk is not None else lambda: core.desk_code,
            core.now,
        )

    @property
    def desk(self) -> str:
        if not isinstance(self._desk, str):
            self._desk = self._desk()
        return self._desk

    @property
    def now(self) -> datetime:
        if not isinstance(self._now, datetime):
            self._now = self._now()
        return self._now

    @property
    def tables(self) -> frozenset[str]:
        """The tables this transaction has written so far."""
        return frozenset(changes.written(self.session))

    def wrote(self, *tables: str) -> None:
        """Note tables written past SQLAlchemy (the driver's own connection)."""
        changes.mark(self.session, *tables)

    # --- writing ----------------------------------------------------------------

    def insert(self, row: R) -> R:
        """A new synced row: its sync columns filled, added to the session."""
        recording.new_synced(self.session, row, self.desk, self.now)
        self.wrote(recording.entity_name(row))
        return row

    def update(self, row: R) -> R:
        """A changed synced row: a new version for sync."""
        recording.touch(row, self.now)
        self.wrote(recording.entity_name(row))
        return row

    def next_counter(self, name: str) -> int:
        """Take the next value of a desk counter (a badge number of the day)."""
        value = recording.next_counter(self.session, name)
        self.wrote("desk_counters")
        return value

    def enqueue(self, row: SyncedMixin, op: str) -> None:
        """Queue the row's current state for the central server."""
        recording.enqueue(self.session, row, op, self.now)
        self.wrote(*OUTBOX_TABLES)

    def audit(
        self, action: str, row: SyncedMixin | None = None, detail: dict[str, Any] | None = None
    ) -> None:
        """The audit row (queued too) for a change."""
        recording.audit(self.session, self.actor, self.desk, self.now, action, row, detail)
        self.wrote(*AUDIT_TABLES)

    def record(
        self,
        action: str,
        rows: Sequence[tuple[SyncedMixin, str]],
        detail: dict[str, Any] | None = None,
    ) -> None:
        """Queue every changed row (row, op) and write one audit row about the first."""
        recording.record(self.session, self.actor, self.desk, self.now, action, rows, detail)
        self.wrote(*AUDIT_TABLES)
