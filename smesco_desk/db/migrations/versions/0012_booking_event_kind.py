"""a booking can be an event: bookings.event_kind

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 21:30:00

A nullable column: SQLite adds it in place (no rebuild), and the guard against
overlapping bookings is installed again all the same (install replaces it), as
after any change to the bookings table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from smesco_desk.db import overlaps

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('event_kind', sa.String(length=16), nullable=True))
    overlaps.install(op.get_bind(), "bookings")


def downgrade() -> None:
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.drop_column('event_kind')
    overlaps.install(op.get_bind(), "bookings")
