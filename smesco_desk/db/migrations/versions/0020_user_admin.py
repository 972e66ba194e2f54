"""user administration: a temporary password, the desk's login failures, audit indexes

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 03:30:00

- `users.must_change_password`: set when an administrator gives a user a
  temporary password; the user chooses their own at the next login.
- `login_failures` (desk-local, never synced): wrong passwords in a row per
  user name at this desk and when the lock they caused ends
  (smesco_desk.services.logins).
- `audit_log` indexes by actor and by action, each with the time and id (the
  viewer's order), for the audit viewer's filters over many rows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.create_table('login_failures',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failed_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('locked_until', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_login_failures'))
    )
    op.create_index('ix_audit_actor_at', 'audit_log', ['actor', 'at', 'id'], unique=False)
    op.create_index('ix_audit_action_at', 'audit_log', ['action', 'at', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_audit_action_at', table_name='audit_log')
    op.drop_index('ix_audit_actor_at', table_name='audit_log')
    op.drop_table('login_failures')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('must_change_password')
