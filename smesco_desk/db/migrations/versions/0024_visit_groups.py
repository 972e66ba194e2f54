"""visits of a group registered together: visits.group_id

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 04:00:00

A nullable column (SQLite adds it in place) and its index: the visits of a
group ("rombongan") share one id, so the lists show them together. The
column travels with the visit like every other column of a synced table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_id', sa.String(length=36), nullable=True))
        batch_op.create_index('ix_visits_group', ['group_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index('ix_visits_group')
        batch_op.drop_column('group_id')
