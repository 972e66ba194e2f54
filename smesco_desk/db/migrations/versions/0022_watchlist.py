"""the watchlist: people who may not enter, or only with a supervisor's approval

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 03:40:00

`watchlist_entries` (issue 13), a synced table like every other: name, the NIK
as its keyed pseudonym and masked, phone, reason, until when, and whether the
person is refused or needs approval. (0021, not 0020: another branch holds
0020; whoever merges puts them in a row.)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('watchlist_entries',
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('nik_masked', sa.String(length=16), nullable=True),
    sa.Column('nik_hash', sa.String(length=64), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('added_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_desk', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_watchlist_entries'))
    )
    with op.batch_alter_table('watchlist_entries', schema=None) as batch_op:
        batch_op.create_index('ix_watchlist_entries_nik_hash', ['nik_hash'], unique=False)
        batch_op.create_index('ix_watchlist_entries_phone', ['phone'], unique=False)


def downgrade() -> None:
    op.drop_table('watchlist_entries')
