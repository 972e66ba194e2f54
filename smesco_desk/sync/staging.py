"""A scratch SQLite file that holds a desk's download from the server.

Enrolling a new desk downloads every synced row. Written straight into the
desk's database, that would hold its write lock for the whole transfer (a
registration at the desk would wait, then fail with "database is locked"), and
a transfer that fails half-way would leave half a download. So the rows go
first into this file beside the database, outside any transaction of the desk;
then one short local transaction copies them in (a local copy: seconds, not
the minutes a slow network takes), or nothing is copied at all.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Dialect

from smesco_desk.ids import new_id
from smesco_desk.sync import server
from smesco_desk.sync.desk import bind_converter, plain_insert_sql
from smesco_desk.sync.tables import SyncedTable

CHUNK = 2000


class Staging:
    def __init__(self, folder: Path, dialect: Dialect) -> None:
        self.path = folder / f".enroll-{new_id()}.sqlite3"
        self.dialect = dialect
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")  # scratch: thrown away on any failure
        self.tables: list[SyncedTable] = []

    def fill(self, conn: server.Conn, table: SyncedTable, chunk_done: Callable[[], None]) -> int:
        """Copy one server table here (inside the caller's snapshot transaction)."""
        cols = ", ".join(f'"{c}"' for c in table.columns)
        self.db.execute(f'CREATE TABLE "{table.name}" ({cols})')
        self.tables.append(table)
        convert = bind_converter(table, self.dialect)
        insert = f'INSERT INTO "{table.name}" VALUES ({", ".join("?" * len(table.columns))})'
        count = 0
        with conn.cursor(name=f"download_{table.name}") as cur:
            cur.execute(f'SELECT {cols} FROM "{table.name}" ORDER BY id')  # noqa: S608
            while rows := cur.fetchmany(CHUNK):
                values = [table.to_python(dict(zip(table.columns, r, strict=True))) for r in rows]
                self.db.executemany(insert, [convert(v) for v in values])
                count += len(rows)
                chunk_done()
        return count

    def copy_into(self, raw: Any) -> None:
        """Insert every staged row into the desk's database through `raw` (its
        sqlite3 connection, inside the caller's write transaction)."""
        for table in self.tables:
            cols = ", ".join(f'"{c}"' for c in table.columns)
            rows = self.db.execute(f'SELECT {cols} FROM "{table.name}"')  # noqa: S608
            while chunk := rows.fetchmany(CHUNK):
                raw.executemany(plain_insert_sql(table.name), chunk)

    def close(self) -> None:
        self.db.close()
        with contextlib.suppress(OSError):
            self.path.unlink()
