"""Five wrong passwords in a row lock a user name at this desk for fifteen minutes.

The count lives in a desk-local table (`login_failures`), so it survives a
restart of the application and covers the window, the command line and a
supervisor's approval alike, but it does not travel to other desks:

- a lock defends against someone guessing at one keyboard; a desk that is
  offline could not learn of another desk's count anyway, and the user row
  is synced and versioned, so writing a counter into it at every wrong
  password would send a stream of updates that collide with an
  administrator's edits of the same row;
- the lock itself is written to the (synced) audit log as `user.locked`,
  so supervisors see it from every desk.

A lock ends by itself after `LOCK_FOR` (read from the core's clock), or
earlier when an administrator unlocks the user or gives a new password at
this desk. The count starts again after a lock has ended and after every
correct password. Unknown user names are not counted (there is no account
to protect, and counting them would let anyone fill the table).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from smesco_desk.clock import iso
from smesco_desk.db.models import LoginFailure, User
from smesco_desk.services.transaction import Transaction

MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
TABLE = "login_failures"


def locked_until(session: Session, username: str, now: datetime) -> datetime | None:
    """When the lock on this user name at this desk ends, if it is locked now."""
    row = session.get(LoginFailure, username)
    if row is None or row.locked_until is None or row.locked_until <= now:
        return None
    return row.locked_until


def note_failure(tx: Transaction, user: User) -> datetime | None:
    """Count one more wrong password for the user; the end of the lock if this
    one locks the account (recorded in the audit as `user.locked`)."""
    now = tx.now
    row = tx.session.get(LoginFailure, user.username)
    if row is None:
        row = LoginFailure(username=user.username, failures=0, last_failed_at=now)
        tx.session.add(row)
    if row.locked_until is not None and row.locked_until <= now:
        row.failures, row.locked_until = 0, None  # the lock is over: a fresh count
    row.failures += 1
    row.last_failed_at = now
    tx.wrote(TABLE)
    if row.failures < MAX_FAILURES:
        return None
    row.locked_until = now + LOCK_FOR
    tx.audit("user.locked", user, {"username": user.username, "failures": row.failures,
                                   "until": iso(row.locked_until)})  # fmt: skip
    return row.locked_until


def clear(tx: Transaction, username: str) -> bool:
    """Forget the wrong passwords (and any lock) of a user name; whether any were kept."""
    if tx.session.get(LoginFailure, username) is None:
        return False
    tx.session.execute(delete(LoginFailure).where(LoginFailure.username == username))
    tx.wrote(TABLE)
    return True


def current_locks(session: Session, now: datetime) -> dict[str, datetime]:
    """The user names locked at this desk now, with when each lock ends."""
    rows = session.scalars(select(LoginFailure).where(LoginFailure.locked_until > now))
    return {r.username: r.locked_until for r in rows if r.locked_until is not None}
