"""Keeping the search words (table `search_words`) in step with the rows they come from.

The words are this desk's own: made from the visitors and visits it holds,
never sent or pulled. They follow every way those rows change:
- a write through the ORM (the services' `Transaction`, registration, merges):
  the session event `after_flush` below indexes the visitors and the
  organisations and hosts of the visits it flushed;
- a change pulled from sync (written past the ORM): the sync applier calls
  `visitors()` and `visit_values()` for what it stored;
- an erasure (raw UPDATEs, at this desk, when pulled, and again after a
  restore): `erase_locally` calls `visitors()` and `values()` for the people
  and the organisations and hosts it blanked, so that nobody erased stays
  findable;
- a migration or a bulk load: `rebuild()` makes the whole table again.

A visitor is indexed under the words of their name and the runs of their
phone's digits while live; a deleted (erased, merged) visitor has no words.
An organisation or host is indexed by its text while a live visit has it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from sqlalchemy import Connection, bindparam, delete, event, inspect, select, text
from sqlalchemy.orm import Session, UOWTransaction

from smesco_desk.db.models import SearchWord, Visit, Visitor
from smesco_desk.domain.search_words import MAX_WORD, name_words, phone_words

VISITOR, ORG, HOST = "visitor", "org", "host"
VALUE_COLUMNS = {ORG: "organisation", HOST: "host"}
MAX_REF = 200
_CHUNK = 500


def visitor_words(full_name: str, phone_key: str | None) -> set[str]:
    return name_words(full_name) | phone_words(phone_key)


def _rows(owner: str, ref: str, words: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    for word in words:
        yield owner, ref, word[:MAX_WORD]


def _chunks(items: Collection[str]) -> Iterator[list[str]]:
    ordered = sorted(items)
    for i in range(0, len(ordered), _CHUNK):
        yield ordered[i : i + _CHUNK]


def _insert(conn: Connection, rows: list[tuple[str, str, str]]) -> None:
    """Plain rows (owner, ref, word) in one `executemany` of the driver's own SQL
    (a pull stores thousands: SQLAlchemy's compiling of each row's parameters
    took longer than the insert; the connection's events still see it)."""
    if rows:
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        conn.exec_driver_sql(
            f"INSERT INTO search_words (owner, ref, word) VALUES ({mark}, {mark}, {mark})", rows
        )


def _forget(conn: Connection, owner: str, refs: list[str]) -> None:
    conn.execute(delete(SearchWord).where(SearchWord.owner == owner, SearchWord.ref.in_(refs)))


def visitors(conn: Connection, ids: Collection[str]) -> None:
    """Index these visitors again from their rows (no words for a deleted one)."""
    for chunk in _chunks(ids):
        _forget(conn, VISITOR, chunk)
        found = conn.execute(
            select(Visitor.id, Visitor.full_name, Visitor.phone_key).where(
                Visitor.id.in_(chunk), Visitor.deleted_at.is_(None)
            )
        ).all()
        rows = [
            r for vid, name, phone in found for r in _rows(VISITOR, vid, visitor_words(name, phone))
        ]
        _insert(conn, rows)


def values(conn: Connection, owner: str, texts: Collection[str]) -> None:
    """Index these organisations (or hosts) again: words while a live visit has one."""
    column = VALUE_COLUMNS[owner]
    texts = {t for t in texts if t and len(t) <= MAX_REF}
    for chunk in _chunks(texts):
        _forget(conn, owner, chunk)
        used = conn.execute(
            text(
                f"SELECT DISTINCT {column} FROM visits"  # noqa: S608 - a fixed column name
                f" WHERE {column} IN :texts AND deleted_at IS NULL"
            ).bindparams(bindparam("texts", expanding=True)),
            {"texts": chunk},
        ).scalars()
        _insert(conn, [r for value in used for r in _rows(owner, value, name_words(value))])


def visit_values(conn: Connection, organisations: Collection[str], hosts: Collection[str]) -> None:
    """Make sure the organisations and hosts of newly stored live visits are indexed."""
    for owner, texts in ((ORG, organisations), (HOST, hosts)):
        for value in {t for t in texts if t and len(t) <= MAX_REF}:
            known = conn.execute(
                select(SearchWord.word)
                .where(SearchWord.owner == owner, SearchWord.ref == value)
                .limit(1)
            ).first()
            if known is None:
                _insert(conn, list(_rows(owner, value, name_words(value))))


def rebuild(conn: Connection) -> int:
    """Make the whole table again from the visitors and visits; returns its row count."""
    conn.execute(delete(SearchWord))
    count = 0
    live = conn.execute(
        text("SELECT id, full_name, phone_key FROM visitors WHERE deleted_at IS NULL")
    ).all()
    batch: list[tuple[str, str, str]] = []
    for vid, name, phone in live:
        batch.extend(_rows(VISITOR, vid, visitor_words(name or "", phone)))
        if len(batch) >= 20_000:
            _insert(conn, batch)
            count, batch = count + len(batch), []
    for owner, column in VALUE_COLUMNS.items():
        used = conn.execute(
            text(
                f"SELECT DISTINCT {column} FROM visits"  # noqa: S608 - a fixed column name
                f" WHERE deleted_at IS NULL AND {column} <> ''"
            )
        ).scalars()
        for value in used:
            if len(value) <= MAX_REF:
                batch.extend(_rows(owner, value, name_words(value)))
    _insert(conn, batch)
    return count + len(batch)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    """Index the visitors and the visits' organisations and hosts this flush wrote."""
    changed: set[str] = set()
    orgs: set[str] = set()
    hosts: set[str] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Visitor):
            if obj in session.new or obj in session.deleted or _text_changed(session, obj):
                changed.add(obj.id)
        elif isinstance(obj, Visit) and obj not in session.deleted and obj.deleted_at is None:
            orgs.add(obj.organisation or "")
            hosts.add(obj.host or "")
    if not (changed or orgs or hosts):
        return
    conn = session.connection()
    if changed:
        visitors(conn, changed)
    visit_values(conn, orgs, hosts)


def _text_changed(session: Session, visitor: Visitor) -> bool:
    if not session.is_modified(visitor, include_collections=False):
        return False
    attrs = inspect(visitor).attrs
    return any(
        attrs[name].history.has_changes() for name in ("full_name", "phone_key", "deleted_at")
    )
