"""meter readings: the food court's power and water meters, read monthly

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 00:30:00

Readings in thousandths of their unit (Wh, litres), exact integers; a reading
marked `replaced` starts a new meter's series (smesco_desk.domain.meters).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('meter_readings',
    sa.Column('stall_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('meter_number', sa.String(length=32), nullable=False),
    sa.Column('read_on', sa.Date(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.Column('consumption', sa.BigInteger(), nullable=False),
    sa.Column('replaced', sa.Boolean(), nullable=False),
    sa.Column('anomaly', sa.String(length=16), nullable=False),
    sa.Column('confirmed_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_desk', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['stall_id'], ['stalls.id'],
                            name=op.f('fk_meter_readings_stall_id_stalls')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meter_readings'))
    )
    with op.batch_alter_table('meter_readings', schema=None) as batch_op:
        batch_op.create_index('ix_meter_readings_stall_kind_read',
                              ['stall_id', 'kind', 'read_on'], unique=False)


def downgrade() -> None:
    op.drop_table('meter_readings')
