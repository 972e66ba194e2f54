"""bookings in conflict take no slot; an erasure names the participant rows it blanked

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 21:40:00

A booking another desk won the slot of (status "conflict") is kept with its
charge and payments but leaves the slot free: the guard against overlapping
bookings (smesco_desk/db/overlaps.py) is installed again without it. The
`erasures` fact gains `attendee_ids` (the event participants found to be the
person where they were erased), so a desk that pushes an old copy of those rows
after the erasure has them blanked; its append-only triggers list the columns,
so they are installed again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from smesco_desk.db import facts, overlaps

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (a batch rebuild of the table would break the triggers of
    # other tables that read it); the default fills the erasures already made.
    op.add_column('erasures', sa.Column('attendee_ids', sa.JSON(), nullable=False,
                                        server_default=sa.text("'[]'")))
    facts.install(op.get_bind(), ('erasures',))
    overlaps.install(op.get_bind(), "bookings")


def downgrade() -> None:
    facts.uninstall(op.get_bind(), ('erasures',))
    op.drop_column('erasures', 'attendee_ids')
    facts.install(op.get_bind(), ('erasures',))
    overlaps.install(op.get_bind(), "bookings", overlaps.BEFORE_0011)
