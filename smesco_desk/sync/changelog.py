"""The server's change log stays as large as the data, not as its history.

Every change holds its row's whole state, so only a row's latest change is
needed: a desk whose cursor is behind gets that one and converges. Older
changes of a row are dropped in the transaction that writes its new change
(commit order is kept: the newer change commits with the deletion). A child
row whose parent's only change is now later in the log waits at the desk as a
held change until the parent arrives (sync.desk retries held changes after
every pull).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Json

from smesco_desk.sync.tables import synced_table

Conn = psycopg.Connection[Any]


def compact(conn: Conn, written: Sequence[tuple[str, int]]) -> None:
    """Drop the changes older than the ones just written, (entity id, seq), of the same rows."""
    latest: dict[str, int] = {}
    for entity_id, seq in written:
        latest[str(entity_id)] = max(int(seq), latest.get(str(entity_id), 0))
    if latest:
        conn.execute(
            "DELETE FROM sync_changes s USING unnest(%s::text[], %s::bigint[]) AS k(id, keep)"
            " WHERE s.entity_id = k.id AND s.seq < k.keep",
            (list(latest), list(latest.values())),
        )


def rewrite(conn: Conn, ids: Collection[str]) -> None:
    """Keep one change per row (the latest) holding the row as the server has it now."""
    if not ids:
        return
    conn.execute(
        "DELETE FROM sync_changes s WHERE s.entity_id = ANY(%s) AND s.seq <"
        " (SELECT max(d.seq) FROM sync_changes d WHERE d.entity_id = s.entity_id)",
        (list(ids),),
    )
    latest = conn.execute(
        "SELECT seq, entity, entity_id FROM sync_changes WHERE entity_id = ANY(%s)", (list(ids),)
    ).fetchall()
    by_entity: dict[str, dict[str, int]] = {}
    for seq, entity, entity_id in latest:
        by_entity.setdefault(str(entity), {})[str(entity_id)] = int(seq)
    for entity, seqs in by_entity.items():
        table = synced_table(entity)
        query = sql.SQL("SELECT {cols} FROM {t} WHERE id = ANY(%s)").format(
            cols=sql.SQL(", ").join(sql.Identifier(c) for c in table.columns),
            t=sql.Identifier(entity),
        )
        for row in conn.execute(query, (list(seqs),)).fetchall():
            values = table.to_python(dict(zip(table.columns, row, strict=True)))
            seq = seqs[values["id"]]
            payload = table.to_payload({**values, "server_seq": seq})
            conn.execute(
                "UPDATE sync_changes SET payload = %s WHERE seq = %s", (Json(payload), seq)
            )
