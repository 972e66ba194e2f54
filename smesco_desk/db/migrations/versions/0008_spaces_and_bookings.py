"""spaces and bookings; no double booking in the database

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 19:40:00

The guard against overlapping live bookings of a space (smesco_desk/db/overlaps.py)
is a pair of triggers on SQLite at a desk and an exclusion constraint
(btree_gist) on PostgreSQL at the server.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types
from smesco_desk.db import overlaps

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('spaces',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('floor', sa.String(length=16), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('opening_hours', sa.JSON(), nullable=False),
    sa.Column('setup_minutes', sa.Integer(), nullable=False),
    sa.Column('cleanup_minutes', sa.Integer(), nullable=False),
    sa.Column('rate_hour', sa.BigInteger(), nullable=False),
    sa.Column('rate_half_day', sa.BigInteger(), nullable=False),
    sa.Column('rate_day', sa.BigInteger(), nullable=False),
    sa.Column('umkm_discount_bp', sa.Integer(), nullable=False),
    sa.Column('kind_code', sa.String(length=32), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_desk', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_spaces')),
    sa.UniqueConstraint('code', name=op.f('uq_spaces_code'))
    )
    op.create_table('bookings',
    sa.Column('space_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('payer_kind', sa.String(length=16), nullable=False),
    sa.Column('payer_id', sa.String(length=36), nullable=True),
    sa.Column('payer_name', sa.String(length=200), nullable=False),
    sa.Column('umkm', sa.Boolean(), nullable=False),
    sa.Column('attendees', sa.Integer(), nullable=False),
    sa.Column('starts_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('setup_minutes', sa.Integer(), nullable=False),
    sa.Column('cleanup_minutes', sa.Integer(), nullable=False),
    sa.Column('occupied_from', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('occupied_until', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('charge_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('cancel_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_desk', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['charge_id'], ['charges.id'], name=op.f('fk_bookings_charge_id_charges')),
    sa.ForeignKeyConstraint(['space_id'], ['spaces.id'], name=op.f('fk_bookings_space_id_spaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bookings'))
    )
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.create_index('ix_bookings_space_occupied', ['space_id', 'occupied_from'], unique=False)
        batch_op.create_index('ix_bookings_starts_at', ['starts_at'], unique=False)
    overlaps.install(op.get_bind(), "bookings")


def downgrade() -> None:
    overlaps.uninstall(op.get_bind(), "bookings")
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.drop_index('ix_bookings_starts_at')
        batch_op.drop_index('ix_bookings_space_occupied')
    op.drop_table('bookings')
    op.drop_table('spaces')
