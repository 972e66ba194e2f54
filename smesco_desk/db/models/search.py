"""The search words of this desk: derived from synced rows, never synced themselves.

Each row says that a visitor (by id), an organisation or a host (by the text
itself, as visits store it) is found by a word: a folded word of the name, or
a run of the phone's digits (smesco_desk.domain.search_words). The table is
rebuilt from the rows it is made of and kept in step with them by
smesco_desk.db.search_index.
"""

from __future__ import annotations

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from smesco_desk.db.models.base import Base

# Byte order on PostgreSQL too, so that a prefix is a range of the index.
WORD = String(64).with_variant(String(64, collation="C"), "postgresql")


class SearchWord(Base):
    """`ref` of kind `owner` is found by `word` (its start)."""

    __tablename__ = "search_words"
    owner: Mapped[str] = mapped_column(String(8), primary_key=True)  # visitor | org | host
    ref: Mapped[str] = mapped_column(String(200), primary_key=True)
    word: Mapped[str] = mapped_column(WORD, primary_key=True)

    __table_args__ = (
        Index("ix_search_words_word", "owner", "word"),
        {"sqlite_with_rowid": False},
    )
