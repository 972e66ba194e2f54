"""the food court: stalls, businesses, tenants, leases; no stall leased twice

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 22:30:00

Two live leases of one stall never share a day (smesco_desk/db/overlaps.py,
guard "leases"): triggers on SQLite at a desk, an exclusion constraint
(btree_gist, daterange '[]') on PostgreSQL at the server. The `erasures` fact
gains `business_ids` (the businesses whose owner is the person erased); its
append-only triggers list the columns, so they are installed again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types
from smesco_desk.db import facts, overlaps

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def _synced() -> list[sa.Column]:
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
    op.create_table('stalls',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('floor', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('size_cm2', sa.BigInteger(), nullable=False),
    sa.Column('plan_x', sa.Integer(), nullable=False),
    sa.Column('plan_y', sa.Integer(), nullable=False),
    sa.Column('plan_w', sa.Integer(), nullable=False),
    sa.Column('plan_h', sa.Integer(), nullable=False),
    sa.Column('water', sa.Boolean(), nullable=False),
    sa.Column('gas', sa.Boolean(), nullable=False),
    sa.Column('power', sa.Boolean(), nullable=False),
    sa.Column('power_meter', sa.String(length=32), nullable=False),
    sa.Column('rate_day', sa.BigInteger(), nullable=False),
    sa.Column('rate_week', sa.BigInteger(), nullable=False),
    sa.Column('rate_month', sa.BigInteger(), nullable=False),
    sa.Column('deposit', sa.BigInteger(), nullable=False),
    sa.Column('kind_code', sa.String(length=32), nullable=False),
    sa.Column('in_service', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    *_synced(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stalls')),
    sa.UniqueConstraint('code', name=op.f('uq_stalls_code'))
    )
    with op.batch_alter_table('stalls', schema=None) as batch_op:
        batch_op.create_index('ix_stalls_floor', ['floor', 'number'], unique=False)
    op.create_table('businesses',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('owner_name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('owner_nik_masked', sa.String(length=16), nullable=True),
    sa.Column('owner_nik_hash', sa.String(length=64), nullable=True),
    sa.Column('nib', sa.String(length=13), nullable=False),
    sa.Column('npwp', sa.String(length=16), nullable=False),
    sa.Column('products', sa.Text(), nullable=False),
    sa.Column('halal_number', sa.String(length=64), nullable=False),
    *_synced(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_businesses'))
    )
    with op.batch_alter_table('businesses', schema=None) as batch_op:
        batch_op.create_index('ix_businesses_owner_nik_hash', ['owner_nik_hash'], unique=False)
    op.create_table('tenants',
    sa.Column('business_id', sa.String(length=36), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    *_synced(),
    sa.ForeignKeyConstraint(['business_id'], ['businesses.id'],
                            name=op.f('fk_tenants_business_id_businesses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenants'))
    )
    with op.batch_alter_table('tenants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tenants_business_id'), ['business_id'], unique=False)
    op.create_table('leases',
    sa.Column('stall_id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('planned_ends_on', sa.Date(), nullable=False),
    sa.Column('period', sa.String(length=8), nullable=False),
    sa.Column('rent', sa.BigInteger(), nullable=False),
    sa.Column('deposit', sa.BigInteger(), nullable=False),
    sa.Column('due_day', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('deposit_charge_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('cancel_reason', sa.Text(), nullable=False),
    *_synced(),
    sa.ForeignKeyConstraint(['deposit_charge_id'], ['charges.id'],
                            name=op.f('fk_leases_deposit_charge_id_charges')),
    sa.ForeignKeyConstraint(['stall_id'], ['stalls.id'], name=op.f('fk_leases_stall_id_stalls')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'],
                            name=op.f('fk_leases_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leases'))
    )
    with op.batch_alter_table('leases', schema=None) as batch_op:
        batch_op.create_index('ix_leases_stall_starts', ['stall_id', 'starts_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_leases_tenant_id'), ['tenant_id'], unique=False)
    overlaps.install(op.get_bind(), "leases", overlaps.LEASES_BEFORE_0019)
    # A plain ADD COLUMN (as 0013): the default fills the erasures already made.
    op.add_column('erasures', sa.Column('business_ids', sa.JSON(), nullable=False,
                                        server_default=sa.text("'[]'")))
    facts.install(op.get_bind(), ('erasures',))


def downgrade() -> None:
    facts.uninstall(op.get_bind(), ('erasures',))
    op.drop_column('erasures', 'business_ids')
    facts.install(op.get_bind(), ('erasures',))
    overlaps.uninstall(op.get_bind(), "leases")
    op.drop_table('leases')
    op.drop_table('tenants')
    op.drop_table('businesses')
    op.drop_table('stalls')
