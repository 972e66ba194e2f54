"""refunds paid out: the refund_payouts fact (append-only)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 22:20:00

Money owed back to a payer (a credit: a charge of status `refund_due`) is paid
out by a cashier from their shift; the payout is a fact, never changed, and the
credit's status becomes `refunded`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types
from smesco_desk.db import facts

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('refund_payouts',
    sa.Column('charge_id', sa.String(length=36), nullable=False),
    sa.Column('shift_id', sa.String(length=36), nullable=False),
    sa.Column('paid_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('paid_by', sa.String(length=64), nullable=False),
    sa.Column('paid_by_name', sa.String(length=200), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_desk', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['charge_id'], ['charges.id'], name=op.f('fk_refund_payouts_charge_id_charges')),
    sa.ForeignKeyConstraint(['shift_id'], ['cash_shifts.id'], name=op.f('fk_refund_payouts_shift_id_cash_shifts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refund_payouts')),
    sa.UniqueConstraint('charge_id', name=op.f('uq_refund_payouts_charge_id'))
    )
    with op.batch_alter_table('refund_payouts', schema=None) as batch_op:
        batch_op.create_index('ix_refund_payouts_shift', ['shift_id'], unique=False)
    facts.install(op.get_bind(), ('refund_payouts',))


def downgrade() -> None:
    facts.uninstall(op.get_bind(), ('refund_payouts',))
    with op.batch_alter_table('refund_payouts', schema=None) as batch_op:
        batch_op.drop_index('ix_refund_payouts_shift')
    op.drop_table('refund_payouts')
