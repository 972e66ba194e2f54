"""Joining a desk to a central server: the first desk uploads, a new desk downloads.

- Empty server: the migrations run there, then this desk's whole database goes
  up in one server transaction (every row also becomes a change, so the change
  log alone can rebuild the server's state).
- Server with data: this desk must hold no business data (only what the first
  set-up makes: its desk, purposes, settings, users, audit). That is replaced
  by a full download taken from one consistent snapshot, and the pull cursor
  starts at the snapshot's change number.
- Desk codes are unique on the server: a code enrolled by another desk
  installation (another `instance_id`) is refused.
- The NIK key (smesco_desk/services/nik_key.py) is shared here and only here:
  the first desk uploads its key with its data; every later enrolment (and
  enrolling again, which is how a desk upgraded from before the key file gets
  it) hands the server's key to the desk, or stores the desk's key when the
  server has none yet.

All or nothing, and never in the desk's way: the transfer reads the desk in a
read snapshot (upload) or fills a staging file (download, see `staging`), so
the desk keeps registering meanwhile; what it changes locally (the link, the
rows' server numbers, the downloaded rows, the set-up) is one short write
transaction at the end. A failure before it leaves the desk as it was (an
empty database that an upload set up is emptied again). The installation id
exists from the database's creation (migration 0005): a retry after a failure
that came after the server side committed is recognised as this installation
and resumes.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.types.json import Json
from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from smesco_desk.db import changes, migrate
from smesco_desk.db.engine import make_engine
from smesco_desk.db.models import DeskCounter, DeskSetting, OutboxOp, SyncHeld
from smesco_desk.domain.nik import NIK_KEY_BYTES
from smesco_desk.errors import DomainError
from smesco_desk.i18n import _
from smesco_desk.ids import new_id
from smesco_desk.services.actors import SYSTEM
from smesco_desk.services.erasure import granted
from smesco_desk.services.nik_key import decode_key, encode_key
from smesco_desk.services.setup import normalize_desk_code
from smesco_desk.services.transaction import Transaction
from smesco_desk.sync import desk as local
from smesco_desk.sync import server
from smesco_desk.sync.connection import (
    check_server_url,
    connect,
    display_url,
    unreachable_message,
)
from smesco_desk.sync.staging import Staging
from smesco_desk.sync.tables import SyncedTable, synced_tables
from smesco_desk.sync.values import EnrollResult, SyncRefused, SyncUnavailable

if TYPE_CHECKING:
    from smesco_desk.services.core import Core
    from smesco_desk.sync.service import SyncService

# What the first set-up of a desk writes; any other synced row is business data.
SETUP_TABLES = frozenset(
    {
        "desks",
        "visit_purposes",
        "app_settings",
        "users",
        "audit_log",
        "sync_conflicts",
        "charge_kinds",
        "price_items",
    }
)
MIGRATION_LOCK = 0x534D_4553_4D49
UPLOAD_CHUNK = 2000


def enroll(sync: SyncService, server_url: str, desk_code: str) -> EnrollResult:
    core = sync.core
    if not core.db.is_sqlite:
        raise DomainError(_("Hanya desk dengan basis data SQLite lokal yang dapat disinkronkan."))
    url = check_server_url(server_url)
    code = normalize_desk_code(desk_code)
    with core.db.read() as session:
        state = local.read_state(session)
        if state.get(local.SERVER) and (state[local.SERVER], state[local.DESK]) != (url, code):
            raise DomainError(
                _("Desk ini sudah terdaftar sebagai {desk} di {server}.").format(
                    desk=state[local.DESK], server=display_url(state[local.SERVER])
                )
            )
        instance = state.get(local.INSTANCE) or _installation_id(session)
    try:
        conn = connect(url, code)
        try:
            return _enroll(sync, conn, url, code, instance)
        finally:
            conn.close()
    except psycopg.OperationalError as exc:
        raise SyncUnavailable(unreachable_message(exc)) from exc


def _installation_id(session: Session) -> str:
    """The id the server will know this installation by (made with the database,
    migration 0005), so that a retry after a failed enrolment is recognised."""
    row = session.get(DeskSetting, "instance_id")
    return row.value if row is not None else new_id()


def _enroll(
    sync: SyncService, conn: server.Conn, url: str, code: str, instance: str
) -> EnrollResult:
    _prepare_schema(conn, url, sync)
    sync.check_server(conn)
    desks = server.enrolled_desks(conn)
    if code in desks and desks[code] != instance:
        raise DomainError(
            _("Kode desk {code} sudah dipakai desk lain di server ini.").format(code=code),
            "desk",
        )
    if code in desks:
        return _resume(sync, conn, url, code, instance)
    if not desks:
        return _upload(sync, conn, url, code, instance)
    _refuse_business_data(sync.core)
    return _download(sync, conn, url, code, instance)


def _prepare_schema(conn: server.Conn, url: str, sync: SyncService) -> None:
    """Run the migrations on an empty server (one enroller at a time)."""
    revision, _now = server.revision_and_now(conn)
    if revision is None:
        conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
        try:
            if server.revision_and_now(conn)[0] is None:
                engine = make_engine(url)
                try:
                    migrate.upgrade(engine)
                finally:
                    engine.dispose()
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
    if not server.has_sync_tables(conn):
        raise SyncRefused(_("Basis data server bukan server Smesco Desk."))


def _local_code(core: Core) -> str | None:
    with core.db.read() as session:
        row = session.get(DeskSetting, "desk_code")
        return None if row is None else row.value


def _upload(
    sync: SyncService, conn: server.Conn, url: str, code: str, instance: str
) -> EnrollResult:
    core = sync.core
    existing = _local_code(core)
    if existing is not None and existing != code:
        raise DomainError(
            _("Desk ini berkode {code}; daftarkan dengan --desk {code}.").format(code=existing),
            "desk",
        )
    empty = existing is None and not _has_rows(core)
    try:
        core.setup.initialize(code)  # a desk enrolled before its first set-up
        return _upload_snapshot(sync, conn, url, code, instance)
    except BaseException:
        if empty:
            _forget_set_up(core)  # exactly as before: an empty database
        raise


def _upload_snapshot(
    sync: SyncService, conn: server.Conn, url: str, code: str, instance: str
) -> EnrollResult:
    """Upload one consistent read snapshot of the desk (it goes on working
    meanwhile), then, in one short local transaction, give the uploaded rows
    their server numbers, mark the uploaded operations sent, and link the desk.
    Changes made during the upload stay in the outbox for the first sync."""
    numbers: dict[str, list[dict[str, Any]]] = {}
    key = sync.core.nik_key.key()  # the first desk's key becomes the server's
    with sync.core.db.read() as session:
        last_op = session.scalar(select(func.max(OutboxOp.seq))) or 0  # the snapshot begins
        with conn.transaction():  # committed before the local transaction is
            seq, now = server.lock_changes(conn)
            if server.enrolled_desks(conn):
                raise DomainError(
                    _("Desk lain baru saja mendaftar lebih dulu; ulangi pendaftaran.")
                )
            first = seq
            for table in synced_tables().values():
                seq = _upload_table(sync, session, conn, code, table, seq, numbers)
            if server.offer_nik_key(conn, encode_key(key)) != encode_key(key):
                raise DomainError(_("Server sudah menyimpan kunci NIK lain; ulangi pendaftaran."))
            _register(conn, code, instance, first=True)
            server.finish_changes(conn, code, seq)
    with sync.core.db.write() as session:
        for name, rows in numbers.items():
            t = synced_tables()[name].table
            stmt = (
                update(t)
                .where(t.c.id == bindparam("b_id"), t.c.version == bindparam("b_version"))
                .values(server_seq=bindparam("b_seq"))
            )
            session.connection().execute(stmt, rows)
        session.execute(
            update(OutboxOp)
            .where(OutboxOp.sent_at.is_(None), OutboxOp.seq <= last_op)
            .values(sent_at=now)
        )
        local.trim_sent(session)
        _link(session, url, code, instance, seq, now)
    return EnrollResult(code, display_url(url), "upload", seq - first)


def _upload_table(
    sync: SyncService,
    session: Session,
    conn: server.Conn,
    code: str,
    table: SyncedTable,
    seq: int,
    numbers: dict[str, list[dict[str, Any]]],
) -> int:
    """Stream one table to the server (a change per row, numbered in id order);
    note each row's number for the local rows. Returns the last number."""
    query = select(table.table).order_by(table.table.c.id)
    result = session.connection().execution_options(yield_per=UPLOAD_CHUNK).execute(query)
    for chunk in result.partitions():
        params, changes = [], []
        for row in chunk:
            seq += 1
            values = {**row._mapping, "server_seq": seq}
            params.append(server.row_params(table, values))
            payload = Json(table.to_payload(values))
            changes.append((seq, table.name, values["id"], code, None, payload))
            numbers.setdefault(table.name, []).append(
                {"b_id": values["id"], "b_version": values["version"], "b_seq": seq}
            )
        with conn.cursor() as cur:
            cur.executemany(server.upsert_sql(table.name), params)
        server.insert_changes(conn, changes)
        sync.fault("enroll.transfer")
    return seq


def _has_rows(core: Core) -> bool:
    with core.db.read() as session:
        return any(
            session.scalar(select(func.count()).select_from(t.table))
            for t in synced_tables().values()
        )


def _forget_set_up(core: Core) -> None:
    """Undo the first set-up an enrolment made on an empty database."""
    with core.db.write() as session, granted(session.connection(), "enrolment", ["undo"]):
        # The set-up's own audit entries are facts: only this grant lets them go.
        for table in reversed(list(synced_tables().values())):
            session.execute(delete(table.table))
        session.execute(delete(OutboxOp))
        session.execute(delete(DeskCounter))
        session.execute(delete(DeskSetting).where(DeskSetting.key != "instance_id"))
    core.forget_desk_code()


def _register(conn: server.Conn, code: str, instance: str, first: bool = False) -> None:
    conn.execute(
        "INSERT INTO sync_desks (code, instance_id, last_seen_at) VALUES (%s, %s, now())",
        (code, instance),
    )
    if first:
        revision = server.revision_and_now(conn)[0] or ""
        conn.execute(
            "INSERT INTO sync_meta (key, value) VALUES ('first_desk', %s), ('created_revision', %s)"
            " ON CONFLICT (key) DO NOTHING",
            (code, revision),
        )


def _refuse_business_data(core: Core) -> None:
    with core.db.read() as session:
        _refuse_business_data_in(session)


def _refuse_business_data_in(session: Session) -> None:
    for name, table in synced_tables().items():
        if name in SETUP_TABLES:
            continue
        if session.scalar(select(func.count()).select_from(table.table)):
            raise DomainError(
                _(
                    "Desk ini sudah berisi data ({table}); desk baru harus kosong untuk"
                    " mengunduh data dari server."
                ).format(table=name)
            )


def _claim(conn: server.Conn, code: str, instance: str) -> None:
    """Take the desk code on the server (codes are unique); this installation's
    own claim from an attempt that failed afterwards stands."""
    with conn.transaction():
        server.lock_changes(conn)
        taken = server.enrolled_desks(conn).get(code)
        if taken == instance:
            return
        if taken is not None:
            raise DomainError(
                _("Kode desk {code} sudah dipakai desk lain di server ini.").format(code=code),
                "desk",
            )
        _register(conn, code, instance)


def _download(
    sync: SyncService, conn: server.Conn, url: str, code: str, instance: str
) -> EnrollResult:
    """Download one snapshot of the server into a staging file (the desk's
    database untouched meanwhile), claim the desk code, then replace this desk's
    set-up rows by the snapshot and set the desk up, in one short transaction."""
    core = sync.core
    staging = Staging(database_folder(core), core.db.engine.dialect)
    try:
        count = 0
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            row = conn.execute("SELECT value, now() FROM sync_counter WHERE name = 'changes'")
            cursor, now = row.fetchone() or (0, None)
            for table in synced_tables().values():
                count += staging.fill(conn, table, lambda: sync.fault("enroll.transfer"))
        _claim(conn, code, instance)
        _share_nik_key(core, conn)
        with core.db.write() as session, granted(session.connection(), "enrolment", [code]):
            _refuse_business_data_in(session)  # nothing was registered meanwhile
            # The set-up's own audit entries are facts: only this grant lets them go.
            for table in reversed(list(synced_tables().values())):
                session.execute(delete(table.table))
            session.execute(delete(OutboxOp))
            session.execute(delete(SyncHeld))
            session.execute(delete(DeskSetting).where(DeskSetting.key == "desk_code"))
            staging.copy_into(session.connection().connection.driver_connection)
            changes.mark(session, *(t.name for t in staging.tables))  # (written past SQLAlchemy)
            _link(session, url, code, instance, int(cursor), now)
            core.setup.initialize_in(Transaction.joining(core, session, SYSTEM, code))
    finally:
        staging.close()
        core.forget_desk_code()
    return EnrollResult(code, display_url(url), "download", count)


def database_folder(core: Core) -> Path:
    return Path(str(make_url(core.db.url).database)).resolve().parent


def _resume(
    sync: SyncService, conn: server.Conn, url: str, code: str, instance: str
) -> EnrollResult:
    """This installation enrolled before but did not finish (or enrolls again)."""
    core = sync.core
    with core.db.read() as session:
        linked = local.read_state(session).get(local.SERVER) == url
    if linked:
        _share_nik_key(core, conn)
        return EnrollResult(code, display_url(url), "resume", 0)
    try:
        _refuse_business_data(core)
    except DomainError:
        # The upload committed on the server but not here: the change log from
        # the start brings everything back; this desk's own rows wait in its outbox.
        _share_nik_key(core, conn)
        with core.db.write() as session:
            _link(session, url, code, instance, 0, None)
        return EnrollResult(code, display_url(url), "resume", 0)
    return _download(sync, conn, url, code, instance)


def _share_nik_key(core: Core, conn: server.Conn) -> None:
    """This desk takes the server's NIK key; a server without one (set up before
    the key left the database) takes this desk's, made now if need be."""
    with conn.transaction():
        stored = server.shared_nik_key(conn)
    if stored is None:
        mine = core.nik_key.read() or secrets.token_bytes(NIK_KEY_BYTES)
        with conn.transaction():
            stored = server.offer_nik_key(conn, encode_key(mine))
    core.nik_key.adopt(decode_key(stored))


def _link(session: Any, url: str, code: str, instance: str, cursor: int, now: Any) -> None:
    local.write_state(
        session,
        **{
            local.SERVER: url,
            local.DESK: code,
            local.INSTANCE: instance,
            local.CURSOR: cursor,
            local.LAST_SYNC: now,
            local.LAST_ERROR: None,
            local.STATE: "online" if now is not None else None,
        },
    )
