"""Engine set-up and transactions.

SQLite runs in WAL mode with synchronous=FULL, secure_delete and a busy timeout; write
transactions begin IMMEDIATE so two writers never deadlock half-way through.

A write transaction on a SQLite file first checks that the file is still the
one this program opened (device and inode): a database restored or copied
into place under a running program would otherwise take its writes into the
old, unlinked file, which nobody reads again. Once that is seen, every write
is refused with DatabaseReplaced; a change whose commit raced with the
replacement is not acknowledged either (the check runs again after it).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from smesco_desk.db import text_guard
from smesco_desk.db.changes import ChangeFeed, track
from smesco_desk.errors import DatabaseReplaced
from smesco_desk.i18n import _

BUSY_TIMEOUT_MS = 10_000
text_guard.install()


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file; characters such as # ? % in the path are escaped."""
    url = URL.create("sqlite+pysqlite", database=str(path))
    return url.render_as_string(hide_password=False)


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own is broken).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    # Overwrite deleted and replaced content with zeros: an erased name must not
    # live on in a free page of the file.
    cur.execute("PRAGMA secure_delete = ON")
    cur.close()


def _on_sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    """An engine for a SQLite file or a PostgreSQL server."""
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL; None for a server or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:" or parsed.database.startswith("file:"):
        return None
    return Path(parsed.database)


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino)


class Database:
    """The application's database: read sessions and IMMEDIATE write sessions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # The tables each committed write transaction wrote (smesco_desk.db.changes).
        self.changes = ChangeFeed()
        self.path = sqlite_file(url)
        self._file_id: tuple[int, int] | None = None
        self.replaced = False
        self.adopt_file()
        self._watch: sqlite3.Connection | None = None
        self._watch_lock = threading.Lock()
        self._seen_version: int | None = None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction: committed on success, else rolled back.

        DatabaseReplaced if the file was replaced under this program (see above).
        Once committed, the tables it wrote go to `self.changes`."""
        self._check_same_file()
        conn = self.engine.connect()
        if self.is_sqlite:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        try:
            with Session(bind=conn, expire_on_commit=False) as session, session.begin():
                session.connection()  # BEGIN IMMEDIATE: nobody writes between check and commit
                self._check_same_file()
                written = track(session)
                yield session
            self._check_same_file()
            self._data_version()  # our own commit is not a change made elsewhere
            self.changes.publish(written)
        finally:
            conn.close()

    def changed_elsewhere(self) -> bool:
        """Whether another program (the command line, a second window) committed
        to the SQLite file since the last call or this program's last commit.

        SQLite's `PRAGMA data_version` on a watching connection of our own moves
        with every commit made by any other connection; each commit of ours moves
        the baseline too, so only changes made elsewhere count (one that lands in
        the instant after our own commit is seen with the next one). Always False
        for a server database."""
        before = self._seen_version
        now = self._data_version()
        changed = before is not None and now != before
        if changed:
            self.changes.forget_all()  # what was cached may be stale
        return changed

    def _data_version(self) -> int | None:
        if self.path is None:
            return None
        with self._watch_lock:
            if self._watch is None:
                self._watch = sqlite3.connect(self.path, check_same_thread=False,
                                              isolation_level=None)
            self._seen_version = int(self._watch.execute("PRAGMA data_version").fetchone()[0])
            return self._seen_version

    def adopt_file(self) -> None:
        """Take the file now at the path as this database's (at start, and after
        a restore made by this program)."""
        self._file_id = _file_id(self.path) if self.path is not None else None
        self.replaced = False
        self.changes.forget_all()

    def _check_same_file(self) -> None:
        if self.path is None:
            return
        current = _file_id(self.path)
        if self._file_id is None:
            self._file_id = current
        elif current != self._file_id:
            self.replaced = True
        if self.replaced:
            raise DatabaseReplaced(
                _(
                    "Basis data desk ini telah diganti (dipulihkan dari cadangan) oleh program "
                    "lain saat aplikasi ini berjalan. Perubahan terakhir TIDAK disimpan. Tutup "
                    "aplikasi ini lalu buka lagi."
                ),
            )

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; whatever it changes is rolled back."""
        with self._sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def truncate_wal(self) -> None:
        """Copy the write-ahead log into the database and empty it (after an erasure:
        the log still holds the pages as they were). Best effort: a reader that
        holds an old snapshot keeps the log until the next checkpoint."""
        if not self.is_sqlite:
            return
        raw = self.engine.raw_connection()  # no BEGIN: a checkpoint runs outside one
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # type: ignore[union-attr]
        finally:
            raw.close()

    def dispose(self) -> None:
        self.engine.dispose()
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
            self._watch, self._seen_version = None, None
