"""recurring bookings: booking_series, and series_id on bookings

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 20:20:00

On SQLite adding the foreign key rebuilds the bookings table, which drops its
triggers: the guard against overlapping bookings (smesco_desk/db/overlaps.py)
is installed again afterwards, on both engines (install replaces it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types
from smesco_desk.db import overlaps

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('booking_series',
    sa.Column('space_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('frequency', sa.String(length=16), nullable=False),
    sa.Column('weekdays', sa.String(length=32), nullable=False),
    sa.Column('month_day', sa.Integer(), nullable=True),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('count', sa.Integer(), nullable=True),
    sa.Column('starts_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_desk', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['space_id'], ['spaces.id'], name=op.f('fk_booking_series_space_id_spaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_booking_series'))
    )
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('series_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_bookings_series_id'), ['series_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_bookings_series_id_booking_series'), 'booking_series', ['series_id'], ['id'])
    overlaps.install(op.get_bind(), "bookings")


def downgrade() -> None:
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_bookings_series_id_booking_series'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_bookings_series_id'))
        batch_op.drop_column('series_id')
    op.drop_table('booking_series')
    overlaps.install(op.get_bind(), "bookings")
