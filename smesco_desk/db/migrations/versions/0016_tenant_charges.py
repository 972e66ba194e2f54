"""tenant charges: the kind, period and due day of each charge of a tenancy

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 00:00:00

Rent, late fees, utilities and the rest are charges of the payments area
(source `lease:<id>`); `tenant_charges` says what each is to the tenancy and
when it falls due, from which arrears are aged. The deposits of leases made
before this revision get their row here (due on the lease's first day).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('tenant_charges',
    sa.Column('lease_id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('charge_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_desk', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['charge_id'], ['charges.id'],
                            name=op.f('fk_tenant_charges_charge_id_charges')),
    sa.ForeignKeyConstraint(['lease_id'], ['leases.id'],
                            name=op.f('fk_tenant_charges_lease_id_leases')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'],
                            name=op.f('fk_tenant_charges_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenant_charges')),
    sa.UniqueConstraint('charge_id', name=op.f('uq_tenant_charges_charge_id'))
    )
    with op.batch_alter_table('tenant_charges', schema=None) as batch_op:
        batch_op.create_index('ix_tenant_charges_tenant_due', ['tenant_id', 'due_on'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_tenant_charges_lease_id'), ['lease_id'],
                              unique=False)


def downgrade() -> None:
    op.drop_table('tenant_charges')
