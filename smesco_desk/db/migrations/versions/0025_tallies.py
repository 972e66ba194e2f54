"""tallies: the history's count of live visits kept by triggers

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07 04:10:00

`tallies` (this desk's own, never synced) holds counts that triggers keep
exact (smesco_desk.db.tallies): the live visits, read when the visit history
opens instead of counting a million rows (issue 14).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from smesco_desk.db import tallies

revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('tallies',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_tallies')),
    )
    tallies.install(op.get_bind())


def downgrade() -> None:
    tallies.uninstall(op.get_bind())
    op.drop_table('tallies')
