"""receipt number gaps: ranges a restore skipped, with the reason

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import smesco_desk.db.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "receipt_number_gaps",
        sa.Column("desk_code", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("first_seq", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("cause", sa.String(length=32), nullable=False),
        sa.Column(
            "replaced_at", smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("kept_in", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_desk", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.BigInteger(), nullable=True),
        sa.Column("created_at", smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", smesco_desk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", smesco_desk.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipt_number_gaps")),
        sa.UniqueConstraint(
            "desk_code", "year", "first_seq", name="uq_receipt_number_gaps_start"
        ),
    )


def downgrade() -> None:
    op.drop_table("receipt_number_gaps")
