"""tenant documents and their bytes; a lease in conflict takes no day

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 01:00:00

`tenant_documents` (a scan of the lease, a permit, a halal certificate) and
`document_blobs` (the bytes of each, synced as base64 in the payloads, bytea
on the server). The leases guard (smesco_desk/db/overlaps.py) leaves out the
new status `conflict` as well as `cancelled`: a lease made offline whose days
another desk leased first is kept but takes no day.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types
from smesco_desk.db import overlaps

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('origin_desk', sa.String(length=16), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('server_seq', sa.BigInteger(), nullable=True),
        sa.Column('created_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('updated_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('deleted_at', smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
    ]


def upgrade() -> None:
    op.create_table('tenant_documents',
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('media_type', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('added_by', sa.String(length=64), nullable=False),
    *_sync_columns(),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'],
                            name=op.f('fk_tenant_documents_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenant_documents'))
    )
    with op.batch_alter_table('tenant_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tenant_documents_tenant_id'), ['tenant_id'],
                              unique=False)
    op.create_table('document_blobs',
    sa.Column('document_id', sa.String(length=36), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    *_sync_columns(),
    sa.ForeignKeyConstraint(['document_id'], ['tenant_documents.id'],
                            name=op.f('fk_document_blobs_document_id_tenant_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_blobs')),
    sa.UniqueConstraint('document_id', name=op.f('uq_document_blobs_document_id'))
    )
    overlaps.install(op.get_bind(), "leases")


def downgrade() -> None:
    op.execute("UPDATE leases SET status = 'cancelled' WHERE status = 'conflict'")
    overlaps.install(op.get_bind(), "leases", overlaps.LEASES_BEFORE_0019)
    op.drop_table('document_blobs')
    op.drop_table('tenant_documents')
