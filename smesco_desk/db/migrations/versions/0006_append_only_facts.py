"""append-only facts: triggers, the erasures fact, sanctioned rewrites; sent outbox
payloads trimmed

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 10:00:00

The triggers (smesco_desk/db/facts.py) go on SQLite at a desk and on PostgreSQL
at the server alike. At a desk, visitors erased before this revision are erased
again by the new rule (it also blanks copies the old one left); on the server
the change log keeps each row's latest change. Outbox operations already acknowledged by the server keep
only the row id and version: the data went to the server, and a sent payload
is one more copy of a person's data that an erasure would have to find.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types
from smesco_desk.db import facts

# The facts of this revision (later revisions guard the tables they add themselves).
TABLES = ('audit_log', 'receipts', 'receipt_voids', 'receipt_prints', 'visit_checkouts',
          'erasures', 'receipt_number_gaps', 'visits')

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('erasures',
    sa.Column('visitor_id', sa.String(length=36), nullable=False),
    sa.Column('erased_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('erased_by', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_desk', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_erasures'))
    )
    with op.batch_alter_table('erasures', schema=None) as batch_op:
        batch_op.create_index('ix_erasures_visitor', ['visitor_id'], unique=False)
    op.create_table('sanctioned_rewrites',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'subject', name=op.f('pk_sanctioned_rewrites'))
    )
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        _finish_earlier_erasures(bind)
        op.execute(
            "UPDATE outbox SET payload = json_object('id', entity_id, 'version',"
            " json_extract(payload, '$.version')) WHERE sent_at IS NOT NULL"
        )
    else:  # the server's change log: each row's latest change only
        op.execute(
            "DELETE FROM sync_changes s WHERE s.seq <"
            " (SELECT max(d.seq) FROM sync_changes d WHERE d.entity_id = s.entity_id)"
        )
    facts.install(bind, TABLES)


def _finish_earlier_erasures(bind: sa.engine.Connection) -> None:
    """Visitors erased before this revision: blank what that erasure left (their
    receipts' payer, audit details, conflicts, held changes), before the triggers."""
    from sqlalchemy.orm import Session

    from smesco_desk.services.erasure import erase_locally

    erased = [
        r[0]
        for r in bind.execute(
            sa.text("SELECT id FROM visitors WHERE deleted_at IS NOT NULL AND full_name = '(dihapus)'")
        )
    ]
    if erased:
        erase_locally(Session(bind=bind), erased, reindex=False)  # words: 0023


def downgrade() -> None:
    facts.uninstall(op.get_bind(), TABLES)
    op.drop_table('sanctioned_rewrites')
    with op.batch_alter_table('erasures', schema=None) as batch_op:
        batch_op.drop_index('ix_erasures_visitor')
    op.drop_table('erasures')
