"""charges paid together: `charges.settled_by` names the charge that paid them

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 03:30:00

Several open charges of one payer paid with one kuitansi (payments.pay_charges):
one charge gathers them, line by line, and its receipt pays it; each charge it
gathered is paid with `settled_by` set to it. A void of that receipt opens
them again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no batch copy of `charges`: receipts and lines refer to it)
    op.add_column('charges', sa.Column('settled_by', sa.String(length=36), nullable=True))
    op.create_index('ix_charges_settled_by', 'charges', ['settled_by'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_charges_settled_by', table_name='charges')
    op.drop_column('charges', 'settled_by')
