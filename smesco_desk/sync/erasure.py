"""The server's side of an erasure (UU PDP), run inside a desk's push transaction.

When an `erasures` fact arrives the server blanks the person's data in its
tables (smesco_desk.domain.erasure says which columns; receipts and audit
entries under the grant of smesco_desk.db.facts), in its sync conflicts, and in
its change log: every older change of those rows is dropped and the latest one
holds the row as it is now. A desk whose cursor is behind gets only that; a
desk that already pulled the older changes pulls the erasure and blanks its
own copies.

Afterwards an operation from a desk that had not heard of the erasure yet (it
was offline) is blanked on its way in, so the person's data never comes back;
a visitor row of an erased person stays a tombstone. Event participants found
to be the person by their data (not by structure) are known by the ids the
erasure carries (`erasures.attendee_ids`), and so are the businesses whose
owner is the person (`erasures.business_ids`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Json

from smesco_desk.domain.erasure import BLANKS, TOMBSTONED, ErasedPeople, scrub_detail
from smesco_desk.sync import changelog

Conn = psycopg.Connection[Any]
ROW_TABLES = (
    "visitors",
    "visits",
    "charges",
    "receipts",
    "booking_attendees",
    "businesses",
    "tenant_documents",
    "document_blobs",
)
# The ErasedPeople set that holds each table's row ids.
_PEOPLE_FIELD = {
    "booking_attendees": "attendees",
    "tenant_documents": "documents",
    "document_blobs": "blobs",
}


def _ids(conn: Conn, query: str, values: Iterable[Any]) -> set[str]:
    return {str(r[0]) for r in conn.execute(query, (list(values),)) if r[0] is not None}


def locate(conn: Conn, visitors: Collection[str]) -> ErasedPeople:
    """The server rows that belong to these visitors."""
    people = ErasedPeople(set(visitors))
    people.visits = _ids(conn, "SELECT id FROM visits WHERE visitor_id = ANY(%s)", visitors)
    people.charges = _ids(
        conn,
        "SELECT id FROM charges WHERE payer_kind = 'visitor' AND payer_id = ANY(%s)",
        visitors,
    )
    people.receipts = _ids(
        conn, "SELECT id FROM receipts WHERE charge_id = ANY(%s)", people.charges
    )
    # Participants found by the person's data were blanked (as queued updates) at the
    # desk that erased them, and their ids are in the erasure; here also those whose
    # check-in was one of their visits.
    people.attendees = _ids(
        conn, "SELECT id FROM booking_attendees WHERE visit_id = ANY(%s)", people.visits
    )
    people.attendees |= _ids(
        conn,
        "SELECT json_array_elements_text(attendee_ids) FROM erasures WHERE visitor_id = ANY(%s)",
        visitors,
    )
    # The businesses whose owner is the person (or was erased as such): named by the erasure.
    people.businesses = _ids(
        conn,
        "SELECT json_array_elements_text(business_ids) FROM erasures WHERE visitor_id = ANY(%s)",
        visitors,
    )
    # Their tenants' documents and the documents' bytes, by structure.
    people.tenants = _ids(
        conn, "SELECT id FROM tenants WHERE business_id = ANY(%s)", people.businesses
    )
    people.documents = _ids(
        conn, "SELECT id FROM tenant_documents WHERE tenant_id = ANY(%s)", people.tenants
    )
    people.blobs = _ids(
        conn, "SELECT id FROM document_blobs WHERE document_id = ANY(%s)", people.documents
    )
    return people


def applied(ops: Sequence[Any], results: dict[str, Any]) -> set[str]:
    """The visitors whose erasure this batch applied."""
    return {
        str(op.payload["visitor_id"])
        for op in ops
        if op.entity == "erasures" and results[op.id].status == "applied"
    }


def carry_out(conn: Conn, visitors: Collection[str]) -> None:
    """Blank the people's data in the server's tables, conflicts and change log."""
    if not visitors:
        return
    people = locate(conn, visitors)
    conflicts = conn.execute(
        "SELECT id, entity, local_payload, server_payload FROM sync_conflicts"
    ).fetchall()
    people.learn((str(r[1]), p) for r in conflicts for p in (r[2], r[3]) if p is not None)
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO sanctioned_rewrites (kind, subject) VALUES ('erasure', %s)",
            [(v,) for v in people.visitors],
        )
    try:
        _blank_tables(conn, people)
        touched = _blank_audit(conn, people) | _blank_conflicts(conn, people, conflicts)
    finally:
        conn.execute("DELETE FROM sanctioned_rewrites WHERE kind = 'erasure'")
    changelog.rewrite(conn, people.related_ids() | touched)


def _blank_tables(conn: Conn, people: ErasedPeople) -> None:
    for table in ROW_TABLES:
        blanks = BLANKS[table]
        sets: list[sql.Composable] = [sql.SQL("{} = %s").format(sql.Identifier(c)) for c in blanks]
        differs: list[sql.Composable] = [
            sql.SQL("{} IS DISTINCT FROM %s").format(sql.Identifier(c)) for c in blanks
        ]
        if table == "visitors":
            sets.append(
                sql.SQL(
                    "deleted_at = COALESCE(deleted_at, (SELECT min(e.erased_at) FROM erasures e"
                    " WHERE e.visitor_id = visitors.id))"
                )
            )
            differs.append(sql.SQL("deleted_at IS NULL"))
        elif table in TOMBSTONED:
            sets.append(sql.SQL("deleted_at = COALESCE(deleted_at, updated_at)"))
            differs.append(sql.SQL("deleted_at IS NULL"))
        query = sql.SQL("UPDATE {t} SET {s} WHERE id = ANY(%s) AND ({d})").format(
            t=sql.Identifier(table), s=sql.SQL(", ").join(sets), d=sql.SQL(" OR ").join(differs)
        )
        values = list(blanks.values())
        ids = getattr(people, _PEOPLE_FIELD.get(table, table))
        if ids:
            conn.execute(query, [*values, list(ids), *values])


def _blank_audit(conn: Conn, people: ErasedPeople) -> set[str]:
    rows = conn.execute(
        "SELECT id, detail FROM audit_log WHERE entity_id = ANY(%s)", (list(people.related_ids()),)
    ).fetchall()
    changed = set()
    for row_id, detail in rows:
        clean = scrub_detail(detail)
        if clean != detail:
            conn.execute("UPDATE audit_log SET detail = %s WHERE id = %s", (Json(clean), row_id))
            changed.add(str(row_id))
    return changed


def _blank_conflicts(
    conn: Conn, people: ErasedPeople, conflicts: Sequence[tuple[Any, ...]]
) -> set[str]:
    changed = set()
    for row_id, entity, local_payload, server_payload in conflicts:
        row = {"entity": entity, "local_payload": local_payload, "server_payload": server_payload}
        clean = people.scrub("sync_conflicts", row)
        if clean is not None:
            server_side = clean["server_payload"]
            conn.execute(
                "UPDATE sync_conflicts SET local_payload = %s, server_payload = %s WHERE id = %s",
                (
                    Json(clean["local_payload"]),
                    None if server_side is None else Json(server_side),
                    row_id,
                ),
            )
            changed.add(str(row_id))
    return changed


# --- operations arriving after an erasure ------------------------------------------


def _referenced_visitors(conn: Conn, ops: Sequence[Any]) -> set[str]:
    refs: set[Any] = set()
    charges: set[Any] = set()
    attendees = [op.entity_id for op in ops if op.entity == "booking_attendees"]
    if attendees:  # participants an erasure named (found by the person's data)
        refs |= _ids(
            conn,
            "SELECT e.visitor_id FROM erasures e WHERE EXISTS (SELECT 1 FROM"
            " json_array_elements_text(e.attendee_ids) a(id) WHERE a.id = ANY(%s))",
            attendees,
        )
    businesses = [op.entity_id for op in ops if op.entity == "businesses"]
    if businesses:  # businesses whose owner an erasure named
        refs |= _ids(
            conn,
            "SELECT e.visitor_id FROM erasures e WHERE EXISTS (SELECT 1 FROM"
            " json_array_elements_text(e.business_ids) b(id) WHERE b.id = ANY(%s))",
            businesses,
        )
    tenants = {op.payload.get("tenant_id") for op in ops if op.entity == "tenant_documents"}
    documents = {op.payload.get("document_id") for op in ops if op.entity == "document_blobs"}
    if documents - {None}:  # the bytes of a document the server has
        tenants |= _ids(
            conn, "SELECT tenant_id FROM tenant_documents WHERE id = ANY(%s)", documents - {None}
        )
    if tenants - {None}:  # documents of a tenant whose owner an erasure named
        refs |= _ids(
            conn,
            "SELECT e.visitor_id FROM erasures e JOIN tenants t ON t.id = ANY(%s) WHERE EXISTS"
            " (SELECT 1 FROM json_array_elements_text(e.business_ids) b(id)"
            " WHERE b.id = t.business_id)",
            tenants - {None},
        )
    for op in ops:
        payload = op.payload
        if op.entity == "visitors":
            refs.add(op.entity_id)
        elif op.entity == "visits":
            refs.add(payload.get("visitor_id"))
        elif op.entity == "charges" and payload.get("payer_kind") == "visitor":
            refs.add(payload.get("payer_id"))
        elif op.entity == "receipts":
            charges.add(payload.get("charge_id"))
    if charges - {None}:
        refs |= _ids(
            conn,
            "SELECT payer_id FROM charges WHERE id = ANY(%s) AND payer_kind = 'visitor'",
            charges - {None},
        )
    return {str(r) for r in refs if r is not None}


def scrub_incoming(conn: Conn, ops: list[Any]) -> list[Any]:
    """The ops with the data of people erased earlier blanked (one query when none)."""
    refs = _referenced_visitors(conn, ops)
    if not refs:
        return ops
    erased = dict(
        conn.execute(
            "SELECT visitor_id, min(erased_at) FROM erasures WHERE visitor_id = ANY(%s)"
            " GROUP BY visitor_id",
            (list(refs),),
        ).fetchall()
    )
    if not erased:
        return ops
    people = locate(conn, erased)
    people.learn((op.entity, op.payload) for op in ops)
    out = []
    for op in ops:
        payload = people.scrub(op.entity, op.payload) or op.payload
        if op.entity == "visitors" and op.entity_id in erased and not payload.get("deleted_at"):
            payload = {**payload, "deleted_at": erased[op.entity_id].isoformat()}
        out.append(replace(op, payload=payload))
    return out
