"""Carrying out an erasure in this desk's SQLite: every copy of the person's data here.

Run by the privacy service at the desk where a supervisor erases a person, and
by sync at every other desk when it pulls the erasure (an `erasures` fact). It
blanks the person's rows (smesco_desk.domain.erasure says which columns) and
every copy of them this desk keeps outside its tables: payloads in the outbox
still to be sent (sent ones keep no payload), in sync conflicts and in held
changes. These rewrites are not queued: the erasure itself travels, and each
desk and the server rewrite their own copies the same way.

Receipts and audit entries are facts: their triggers let this through only
inside the transaction that holds the grant written here (smesco_desk.db.facts).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import bindparam, inspect, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from smesco_desk.db import search_index
from smesco_desk.db.models import BookingAttendee, Business, Visitor
from smesco_desk.domain.erasure import (
    BLANKS,
    ERASED_NAME,
    TOMBSTONED,
    ErasedPeople,
    scrub_detail,
)
from smesco_desk.domain.text import fold


def _ids(conn: Connection, query: str, **params: Collection[str]) -> set[str]:
    statement = text(query).bindparams(*(bindparam(k, expanding=True) for k in params))
    return {str(r[0]) for r in conn.execute(statement, {k: list(v) for k, v in params.items()})}


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def same_person_attendees(session: Session, visitor: Visitor) -> list[BookingAttendee]:
    """The event participants who are this visitor: the same NIK pseudonym, or the
    same phone and name (as registration finds a returning visitor). Read before the
    visitor is blanked: afterwards nothing of theirs is left to compare."""
    same: list[Any] = []
    if visitor.nik_hash:
        same.append(BookingAttendee.nik_hash == visitor.nik_hash)
    if visitor.phone:
        same.append(BookingAttendee.phone == visitor.phone)
    if not same:
        return []
    found = session.scalars(
        select(BookingAttendee).where(or_(*same)).order_by(BookingAttendee.id)
    ).all()
    return [
        a
        for a in found
        if (visitor.nik_hash and a.nik_hash == visitor.nik_hash)
        or (a.phone == visitor.phone and fold(a.name) == visitor.name_key)
    ]


def same_person_businesses(session: Session, visitor: Visitor) -> list[Business]:
    """The businesses this visitor owns (the food court's tenants): the same NIK
    pseudonym, or the same phone and owner name, as for event participants."""
    same: list[Any] = []
    if visitor.nik_hash:
        same.append(Business.owner_nik_hash == visitor.nik_hash)
    if visitor.phone:
        same.append(Business.phone == visitor.phone)
    if not same:
        return []
    found = session.scalars(select(Business).where(or_(*same)).order_by(Business.id)).all()
    return [
        b
        for b in found
        if (visitor.nik_hash and b.owner_nik_hash == visitor.nik_hash)
        or (b.phone == visitor.phone and fold(b.owner_name) == visitor.name_key)
    ]


def erase_locally(
    session: Session,
    visitor_ids: Collection[str],
    attendees: Collection[str] = (),
    businesses: Collection[str] = (),
    watchlist: Collection[str] = (),
    *,
    reindex: bool = True,
) -> ErasedPeople:
    """Blank the people's data in every table and copy of this desk (inside the
    caller's transaction, which holds the `erasures` rows). `attendees`: the event
    participants found to be these people (same_person_attendees); `businesses`:
    the businesses whose owner they are (same_person_businesses); `watchlist`:
    the watchlist's entries about them to blank (services.watchlist).
    `reindex=False`: leave the search words alone (a migration older than the
    search_words table, which its own migration builds from the rows)."""
    people, copies = locate(session, visitor_ids, attendees, businesses, watchlist)
    conn = session.connection()
    shown = _visit_texts(conn, people.visits)
    with granted(conn, "erasure", people.visitors):
        _blank_tables(conn, people)
    copies.scrub(people)
    if not reindex:
        return people
    # Nobody erased stays findable: their words go, and so do those of an
    # organisation or host no live visit has any more.
    search_index.visitors(conn, people.visitors)
    for owner, texts in shown.items():
        search_index.values(conn, owner, texts)
    return people


def _visit_texts(conn: Connection, visits: Collection[str]) -> dict[str, set[str]]:
    """The organisations and hosts of these visits, read before they are blanked."""
    shown: dict[str, set[str]] = {search_index.ORG: set(), search_index.HOST: set()}
    if visits:
        query = text("SELECT organisation, host FROM visits WHERE id IN :v").bindparams(
            bindparam("v", expanding=True)
        )
        for organisation, host in conn.execute(query, {"v": list(visits)}):
            shown[search_index.ORG].add(organisation or "")
            shown[search_index.HOST].add(host or "")
    return shown


def locate(
    session: Session,
    visitor_ids: Collection[str],
    attendees: Collection[str] = (),
    businesses: Collection[str] = (),
    watchlist: Collection[str] = (),
) -> tuple[ErasedPeople, Copies]:
    """The rows that belong to these visitors (and these event participants), and the
    copies of rows this desk keeps."""
    session.flush()
    conn = session.connection()
    people = ErasedPeople(set(visitor_ids))
    people.visits = _ids(conn, "SELECT id FROM visits WHERE visitor_id IN :v", v=people.visitors)
    people.charges = _ids(
        conn,
        "SELECT id FROM charges WHERE payer_kind = 'visitor' AND payer_id IN :v",
        v=people.visitors,
    )
    people.receipts = _ids(conn, "SELECT id FROM receipts WHERE charge_id IN :c", c=people.charges)
    people.attendees = set(attendees)
    people.businesses = set(businesses)
    people.watchlist = set(watchlist)
    if people.businesses and inspect(conn).has_table("tenant_documents"):
        people.tenants = _ids(
            conn, "SELECT id FROM tenants WHERE business_id IN :b", b=people.businesses
        )
        people.documents = _ids(
            conn, "SELECT id FROM tenant_documents WHERE tenant_id IN :t", t=people.tenants
        )
        people.blobs = _ids(
            conn, "SELECT id FROM document_blobs WHERE document_id IN :d", d=people.documents
        )
    # Migration 0006 finishes older erasures with this code, before 0010 made the table.
    if people.visits and inspect(conn).has_table("booking_attendees"):
        people.attendees |= _ids(
            conn, "SELECT id FROM booking_attendees WHERE visit_id IN :v", v=people.visits
        )
    copies = Copies(conn)
    people.learn(copies.rows())
    return people, copies


@contextmanager
def granted(conn: Connection, kind: str, subjects: Collection[str]) -> Iterator[None]:
    """The append-only triggers' grant for a sanctioned rewrite, for this transaction only."""
    rows = [{"k": kind, "s": s} for s in subjects]
    if rows:
        conn.execute(text("INSERT INTO sanctioned_rewrites (kind, subject) VALUES (:k, :s)"), rows)
    try:
        yield
    finally:
        conn.execute(text("DELETE FROM sanctioned_rewrites WHERE kind = :k"), {"k": kind})


def _blank_tables(conn: Connection, people: ErasedPeople) -> None:
    for table, ids in (
        ("visitors", people.visitors),
        ("visits", people.visits),
        ("charges", people.charges),
        ("receipts", people.receipts),
        ("booking_attendees", people.attendees),
        ("businesses", people.businesses),
        ("tenant_documents", people.documents),
        ("document_blobs", people.blobs),
        ("watchlist_entries", people.watchlist),
    ):
        if not ids:  # nothing to blank (and a table an older revision lacks is never read)
            continue
        blanks = BLANKS[table]
        sets = ", ".join(f'"{c}" = :b_{c}' for c in blanks)
        differs = " OR ".join(f'"{c}" IS NOT :b_{c}' for c in blanks)
        if table == "visitors":  # a tombstone, as at the desk that erased them
            sets += (
                ", deleted_at = COALESCE(deleted_at, (SELECT min(e.erased_at) FROM erasures e"
                " WHERE e.visitor_id = visitors.id))"
            )
            differs += " OR deleted_at IS NULL"
        elif table in TOMBSTONED:  # (any time will do: the row is gone)
            sets += ", deleted_at = COALESCE(deleted_at, updated_at)"
            differs += " OR deleted_at IS NULL"
        statement = text(
            f'UPDATE "{table}" SET {sets} WHERE id IN :ids AND ({differs})'  # noqa: S608
        ).bindparams(bindparam("ids", expanding=True))
        conn.execute(statement, {"ids": list(ids), **{f"b_{c}": v for c, v in blanks.items()}})
    audit = text("SELECT id, detail FROM audit_log WHERE entity_id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    for row_id, detail in conn.execute(audit, {"ids": list(people.related_ids())}).all():
        before = _json(detail)
        after = scrub_detail(before)
        if after != before:
            conn.execute(
                text("UPDATE audit_log SET detail = :d WHERE id = :id"),
                {"d": json.dumps(after), "id": row_id},
            )


class Copies:
    """Payloads outside the tables: unsent outbox ops, sync conflicts, held changes."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.outbox = conn.execute(
            text("SELECT id, entity, payload FROM outbox WHERE sent_at IS NULL")
        ).all()
        self.conflicts = conn.execute(
            text("SELECT id, entity, local_payload, server_payload FROM sync_conflicts")
        ).all()
        self.held = conn.execute(text("SELECT seq, entity, payload FROM sync_held")).all()

    def rows(self) -> list[tuple[str, dict[str, Any]]]:
        found = [(str(r[1]), _json(r[2])) for r in (*self.outbox, *self.held)]
        for r in self.conflicts:
            found += [(str(r[1]), _json(p)) for p in (r[2], r[3]) if p is not None]
        return found

    def holding(self, people: ErasedPeople) -> dict[str, int]:
        """How many copies in each place hold some of the people's data."""
        counts = {
            "outbox": sum(1 for r in self.outbox if people.scrub(r[1], _json(r[2]))),
            "sync_held": sum(1 for r in self.held if people.scrub(r[1], _json(r[2]))),
            "sync_conflicts": sum(
                1
                for r in self.conflicts
                if people.scrub(
                    "sync_conflicts",
                    {"entity": r[1], "local_payload": _json(r[2]), "server_payload": _json(r[3])},
                )
            ),
        }
        return {k: v for k, v in counts.items() if v}

    def scrub(self, people: ErasedPeople) -> None:
        for key, entity, payload in self.outbox:
            self._write("outbox", "id", key, people.scrub(entity, _json(payload)))
        for key, entity, payload in self.held:
            self._write("sync_held", "seq", key, people.scrub(entity, _json(payload)))
        for key, entity, local, server in self.conflicts:
            row = {"entity": entity, "local_payload": _json(local)}
            row["server_payload"] = _json(server)
            clean = people.scrub("sync_conflicts", row)
            if clean is not None:
                self.conn.execute(
                    text(
                        "UPDATE sync_conflicts SET local_payload = :l, server_payload = :s"
                        " WHERE id = :id"
                    ),
                    {
                        "l": json.dumps(clean["local_payload"]),
                        "s": None if server is None else json.dumps(clean["server_payload"]),
                        "id": key,
                    },
                )

    def _write(self, table: str, key_column: str, key: Any, payload: Any) -> None:
        if payload is not None:
            self.conn.execute(
                text(f'UPDATE "{table}" SET payload = :p WHERE "{key_column}" = :k'),  # noqa: S608
                {"p": json.dumps(payload), "k": key},
            )


__all__ = [
    "ERASED_NAME",
    "Copies",
    "erase_locally",
    "granted",
    "locate",
    "same_person_attendees",
    "same_person_businesses",
]
