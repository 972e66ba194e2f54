"""The declarative base and the columns every synced row carries.

Synced tables carry the DESIGN.md conventions (UUIDv7 key, origin desk,
version, server_seq, timestamps and a tombstone) through `SyncedMixin`.
The tables themselves live in one module per area beside this one; the
package's `__init__` imports them all, so `Base.metadata` always holds every
table once `smesco_desk.db.models` (or any module in it) is imported.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from smesco_desk.db.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SyncedMixin:
    """Columns every synced row carries (DESIGN.md, data conventions)."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    origin_desk: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer, default=1)
    server_seq: Mapped[int | None] = mapped_column(BigInteger, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
