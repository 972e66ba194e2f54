"""the participants of an event booked in a space

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 20:20:00

"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('booking_attendees',
    sa.Column('booking_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('organisation', sa.String(length=200), nullable=False),
    sa.Column('nik_masked', sa.String(length=16), nullable=True),
    sa.Column('nik_hash', sa.String(length=64), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('checked_in_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_desk', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['booking_id'], ['bookings.id'], name=op.f('fk_booking_attendees_booking_id_bookings')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_booking_attendees_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_booking_attendees'))
    )
    with op.batch_alter_table('booking_attendees', schema=None) as batch_op:
        batch_op.create_index('ix_booking_attendees_booking', ['booking_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('booking_attendees', schema=None) as batch_op:
        batch_op.drop_index('ix_booking_attendees_booking')
    op.drop_table('booking_attendees')
