"""sync: conflicts (synced), desk sync state, held changes, outbox txn/base_version;
on PostgreSQL also the central server's own tables

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 22:00:00

The server-only tables (sync_desks, sync_applied_ops, sync_changes,
sync_counter, sync_meta) are created only when the database is PostgreSQL:
a desk's SQLite file never holds them, and they are not in Base.metadata
(smesco_desk/sync/server.py queries them by name).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('origin_desk', sa.String(length=16), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('server_seq', sa.BigInteger(), nullable=True),
        sa.Column('created_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('updated_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('deleted_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    ]


def upgrade() -> None:
    op.create_table('sync_conflicts',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('op_id', sa.String(length=36), nullable=False),
    sa.Column('desk_code', sa.String(length=16), nullable=False),
    sa.Column('local_payload', sa.JSON(), nullable=False),
    sa.Column('server_payload', sa.JSON(), nullable=True),
    sa.Column('winner', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('resolution', sa.String(length=16), nullable=True),
    sa.Column('resolved_by', sa.String(length=100), nullable=True),
    sa.Column('resolved_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('resolution_note', sa.Text(), nullable=False),
    *_synced_columns(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflicts'))
    )
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.create_index('ix_sync_conflicts_status', ['status'], unique=False)
        batch_op.create_index('ix_sync_conflicts_entity_id', ['entity_id'], unique=False)

    op.create_table('sync_state',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_state'))
    )
    op.create_table('sync_held',
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('held_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_held'))
    )
    with op.batch_alter_table('sync_held', schema=None) as batch_op:
        batch_op.create_index('ix_sync_held_entity_id', ['entity_id'], unique=False)

    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('txn', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('base_version', sa.Integer(), nullable=True))

    if op.get_bind().dialect.name == 'postgresql':
        _create_server_tables()


def _create_server_tables() -> None:
    op.create_table('sync_desks',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('instance_id', sa.String(length=36), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_sync_desks'))
    )
    op.create_table('sync_applied_ops',
    sa.Column('op_id', sa.String(length=36), nullable=False),
    sa.Column('desk', sa.String(length=16), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('op_id', name=op.f('pk_sync_applied_ops'))
    )
    op.create_table('sync_changes',
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('origin_desk', sa.String(length=16), nullable=False),
    sa.Column('op_id', sa.String(length=36), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('committed_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_changes'))
    )
    op.create_index('ix_sync_changes_entity_id', 'sync_changes', ['entity_id', 'seq'])
    op.create_table('sync_counter',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_sync_counter'))
    )
    op.execute("INSERT INTO sync_counter (name, value) VALUES ('changes', 0)")
    op.create_table('sync_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_meta'))
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for table in ('sync_meta', 'sync_counter', 'sync_changes', 'sync_applied_ops',
                      'sync_desks'):
            op.drop_table(table)
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('base_version')
        batch_op.drop_column('txn')
    op.drop_table('sync_held')
    op.drop_table('sync_state')
    op.drop_table('sync_conflicts')
