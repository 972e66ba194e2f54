"""visitors merged on sync; the installation's own id

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 10:00:00

- `visitors.merged_into`: a visitor registered at two desks while both were
  offline is merged by the server into the older record; the other becomes a
  tombstone that points at the survivor (a desk that still holds the old id
  follows it).
- `desk_settings.instance_id` (SQLite desks only): the id by which the server
  knows this installation. It exists from the database's creation on, so that
  enrolling writes nothing until it has succeeded and a retry after a failed
  one is still recognised as the same installation. A desk that already has
  one in its link state (`sync_state.instance_id`) keeps that one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from smesco_desk.ids import new_id

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visitors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into", sa.String(length=36), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        linked = bind.execute(
            sa.text("SELECT value FROM sync_state WHERE key = 'instance_id'")
        ).scalar()
        bind.execute(
            sa.text("INSERT INTO desk_settings (key, value) VALUES ('instance_id', :v)"),
            {"v": linked or new_id()},
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        bind.execute(sa.text("DELETE FROM desk_settings WHERE key = 'instance_id'"))
    with op.batch_alter_table("visitors", schema=None) as batch_op:
        batch_op.drop_column("merged_into")
