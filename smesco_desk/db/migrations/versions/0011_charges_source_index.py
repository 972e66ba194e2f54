"""an index on the charges' source: the charges of a booking found by it

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 21:20:00

"""

from __future__ import annotations

from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('charges', schema=None) as batch_op:
        batch_op.create_index('ix_charges_source', ['source'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('charges', schema=None) as batch_op:
        batch_op.drop_index('ix_charges_source')
