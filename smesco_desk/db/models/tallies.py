"""Counts kept in step by the database itself, so that showing them costs one row.

`tallies` is this desk's own (never synced): each row is a count that triggers
on the counted table keep exact through every way a row can change (the
services, a pulled sync change, an erasure, a bulk load). smesco_desk.db.tallies
installs the triggers and counts the rows again when a migration makes them.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from smesco_desk.db.models.base import Base


class Tally(Base):
    """`value` rows counted under `name` (e.g. "live_visits")."""

    __tablename__ = "tallies"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
