"""NIK pseudonyms: the key leaves the database, the old keyed hashes are dropped

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 10:00:00

Until now the NIK hash key sat in `app_settings`, so it was in every backup, in
the outbox, in the server's tables and in its change log: any copy of the data
rebuilt every NIK in seconds (an HMAC of 16 digits with a known key). From now
on the key is a file outside the database (smesco_desk/services/nik_key.py) and
the pseudonym a slow keyed hash (argon2id, smesco_desk/domain/nik.py).

This migration, the same at every desk and on the server:

- deletes the `nik_hash_key` setting and every outbox, held, conflict and (on
  the server) change-log entry that carried it;
- drops every stored NIK hash (`visitors.nik_hash` and its copies in those
  payloads). A hash cannot be turned into the new pseudonym without the NIK,
  and kept it would stay rebuildable by anyone holding an old backup with the
  old key. Visitors registered before this migration are therefore found again
  by phone and name only, until they are registered with their NIK once more;
- re-masks stored NIKs to their last four digits (`************0001`);
- on PostgreSQL (the central server) creates `sync_secrets`, the server's copy
  of the desks' shared NIK key: a server-only table, never in the change log,
  never pulled, read only by enrolment.

The old key is not moved into the key file: it has been in every backup and in
the server's change log, so it is no secret any more. A standalone desk makes a
new key on its next start; a desk linked to a server gets the server's when
`sync enroll` is run on it again (README: "NIK key").

On SQLite, deleted content is overwritten (secure_delete) and the file is
rewritten after the upgrade (VACUUM, asked for through `compact_after`) so the
old key and hashes do not linger in free pages. Backups made before this
migration still hold them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

OLD_KEY = 'nik_hash_key'
PAYLOADS = [('outbox', 'payload'), ('sync_held', 'payload'),
            ('sync_conflicts', 'local_payload'), ('sync_conflicts', 'server_payload')]


def _remask(expr: str) -> str:
    """SQL that keeps the last four characters of a masked NIK behind 12 stars."""
    return (f"CASE WHEN {expr} IS NULL OR length({expr}) < 4 THEN {expr}"
            f" ELSE '************' || substr({expr}, length({expr}) - 3) END")


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == 'postgresql'
    if not postgres:
        op.execute("PRAGMA secure_delete = ON")
        op.get_context().config.attributes['compact_after'] = True
    payloads = PAYLOADS + ([('sync_changes', 'payload')] if postgres else [])
    op.execute(f"DELETE FROM app_settings WHERE key = '{OLD_KEY}'")
    for table, column in payloads:
        _forget_key(table, column, postgres)
        _drop_hashes(table, column, postgres)
    op.execute(f"UPDATE visitors SET nik_hash = NULL, nik_masked = {_remask('nik_masked')}")
    if postgres:
        _create_secrets()


def _field(column: str, name: str, postgres: bool) -> str:
    return f"({column} ->> '{name}')" if postgres else f"json_extract({column}, '$.{name}')"


def _forget_key(table: str, column: str, postgres: bool) -> None:
    """Remove every copy of the old key's setting row (its value is the key)."""
    if table == 'sync_conflicts':
        either = " OR ".join(
            f"{_field(c, 'key', postgres)} = '{OLD_KEY}'"
            for c in ('local_payload', 'server_payload')
        )
        op.execute(f"DELETE FROM sync_conflicts WHERE entity = 'app_settings' AND ({either})")
        return
    op.execute(f"DELETE FROM {table} WHERE entity = 'app_settings'"
               f" AND {_field(column, 'key', postgres)} = '{OLD_KEY}'")


def _drop_hashes(table: str, column: str, postgres: bool) -> None:
    """Blank the hash and re-mask the NIK in every copy of a visitor row."""
    masked = _field(column, 'nik_masked', postgres)
    hashed = _field(column, 'nik_hash', postgres)
    if postgres:
        new = (f"(({column})::jsonb || jsonb_build_object('nik_hash', NULL,"
               f" 'nik_masked', {_remask(masked)}))::json")
        is_object = f"json_typeof({column}) = 'object'"
    else:
        new = f"json_set({column}, '$.nik_hash', NULL, '$.nik_masked', {_remask(masked)})"
        is_object = f"json_type({column}) = 'object'"
    op.execute(f"UPDATE {table} SET {column} = {new} WHERE entity = 'visitors'"
               f" AND {column} IS NOT NULL AND {is_object}"
               f" AND ({hashed} IS NOT NULL OR {masked} IS NOT NULL)")


def _create_secrets() -> None:
    op.create_table('sync_secrets',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_sync_secrets'))
    )
    op.execute("COMMENT ON TABLE sync_secrets IS 'Server-only secrets (the desks'' shared"
               " NIK key): never synced, never in sync_changes; read by enrolment only.'")


def downgrade() -> None:
    # The dropped hashes and the old key cannot come back (and should not).
    if op.get_bind().dialect.name == 'postgresql':
        op.drop_table('sync_secrets')
