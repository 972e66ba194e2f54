"""turnover: tenants' daily sales and the turnover rent terms of a lease

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 00:10:00

`turnover_entries` holds one row per tenant and day (its id derived from the
two, so desks typing the same day offline write the same row); a lease gets
`turnover_rate_bp`, the percentage (basis points) of a month's turnover it pays
as far as that is above the month's base rent (0: none, as for every lease made
before this revision).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch rebuild of `leases` would drop its overlap trigger.
    op.add_column('leases', sa.Column('turnover_rate_bp', sa.Integer(), nullable=False,
                                      server_default=sa.text('0')))
    op.create_table('turnover_entries',
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('lease_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_desk', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['lease_id'], ['leases.id'],
                            name=op.f('fk_turnover_entries_lease_id_leases')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'],
                            name=op.f('fk_turnover_entries_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_turnover_entries'))
    )
    with op.batch_alter_table('turnover_entries', schema=None) as batch_op:
        batch_op.create_index('ix_turnover_entries_tenant_day', ['tenant_id', 'day'],
                              unique=True)
        batch_op.create_index('ix_turnover_entries_day', ['day'], unique=False)


def downgrade() -> None:
    op.drop_table('turnover_entries')
    op.drop_column('leases', 'turnover_rate_bp')
