"""search words: a visitor found by any word of the name or any run of the phone

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 04:00:00

`search_words` (this desk's own, never synced) holds the folded words of each
live visitor's name and the runs of their phone's digits, and the words of the
organisations and hosts of live visits (smesco_desk.db.search_index), built
here from the rows already stored. The visits' organisation and host get an
index: a search finds the visits of an organisation or host by its text.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from smesco_desk.db import search_index

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None

WORD = sa.String(length=64).with_variant(sa.String(length=64, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table('search_words',
    sa.Column('owner', sa.String(length=8), nullable=False),
    sa.Column('ref', sa.String(length=200), nullable=False),
    sa.Column('word', WORD, nullable=False),
    sa.PrimaryKeyConstraint('owner', 'ref', 'word', name=op.f('pk_search_words')),
    sqlite_with_rowid=False,
    )
    op.create_index('ix_search_words_word', 'search_words', ['owner', 'word'], unique=False)
    op.create_index('ix_visits_organisation', 'visits', ['organisation'], unique=False)
    op.create_index('ix_visits_host', 'visits', ['host'], unique=False)
    search_index.rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_index('ix_visits_host', table_name='visits')
    op.drop_index('ix_visits_organisation', table_name='visits')
    op.drop_index('ix_search_words_word', table_name='search_words')
    op.drop_table('search_words')
