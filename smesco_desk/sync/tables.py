"""Which tables sync, in which order, and how their rows travel as JSON.

A table syncs by being declared: every mapped class that mixes in
`SyncedMixin` is found here, so a later kind of record (bookings, payments)
needs no sync code of its own. Rows travel as the JSON payload the outbox
already holds (`recording.row_payload`); times as ISO 8601 in UTC, bytes
(a document's content) as base64 text.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache, cached_property
from typing import Any

from sqlalchemy import JSON, Date, DateTime, LargeBinary, Table

from smesco_desk.db.models import Base, SyncedMixin
from smesco_desk.db.types import UTCDateTime

# Columns the server and the sync code manage; never part of "what changed".
BOOKKEEPING = frozenset({"server_seq"})


def _to_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        moment = value
    else:
        moment = datetime.fromisoformat(str(value))
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def to_bytes(value: Any) -> bytes | None:
    """Bytes from a column value or its base64 text in a payload."""
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, bytearray | memoryview):
        return bytes(value)
    return base64.b64decode(str(value), validate=True)


def bytes_text(value: bytes | bytearray | memoryview) -> str:
    """The base64 text of bytes, as a JSON payload carries them."""
    return base64.b64encode(bytes(value)).decode("ascii")


def _to_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _datetime_text(value: Any) -> str | None:
    moment = _to_datetime(value)
    return None if moment is None else moment.isoformat()


def _payload_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes_text(value)
    return value


@dataclass(frozen=True)
class SyncedTable:
    """One synced table: its columns and how its values convert."""

    table: Table
    rank: int  # position in foreign-key order: parents have smaller ranks
    columns: tuple[str, ...]
    datetime_columns: frozenset[str]
    date_columns: frozenset[str]
    json_columns: frozenset[str]
    binary_columns: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        return self.table.name

    @cached_property
    def _readers(self) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
        """Each column with how its payload value becomes a column value (None: as is)."""
        return tuple((col, self._reader(col)) for col in self.columns)

    def _reader(self, col: str) -> Callable[[Any], Any] | None:
        if col in self.datetime_columns:
            return _to_datetime
        if col in self.date_columns:
            return _to_date
        if col in self.binary_columns:
            return to_bytes
        return None

    @cached_property
    def _writers(self) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
        """Each column with how its value becomes a payload value."""
        return tuple(
            (col, _datetime_text if col in self.datetime_columns else _payload_value)
            for col in self.columns
        )

    def to_python(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Column values from a payload: aware UTC datetimes, dates; unknown keys dropped."""
        out: dict[str, Any] = {}
        get = payload.get
        for col, convert in self._readers:
            value = get(col)
            out[col] = value if convert is None else convert(value)
        return out

    def to_payload(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """A JSON-friendly payload from column values (datetimes as ISO 8601 UTC)."""
        out: dict[str, Any] = {}
        get = values.get
        for col, convert in self._writers:
            out[col] = convert(get(col))
        return out

    def normalize(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """The canonical payload: every column, times in UTC."""
        return self.to_payload(self.to_python(payload))

    def same_content(self, a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
        """True when two payloads hold the same row (the server's bookkeeping aside)."""
        pa, pb = self.to_python(a), self.to_python(b)
        return all(pa[c] == pb[c] for c in self.columns if c not in BOOKKEEPING)


def _describe(table: Table, rank: int) -> SyncedTable:
    datetimes, dates, jsons, binaries = set(), set(), set(), set()
    for col in table.columns:
        if isinstance(col.type, UTCDateTime | DateTime):
            datetimes.add(col.name)
        elif isinstance(col.type, Date):
            dates.add(col.name)
        elif isinstance(col.type, JSON):
            jsons.add(col.name)
        elif isinstance(col.type, LargeBinary):
            binaries.add(col.name)
    return SyncedTable(
        table,
        rank,
        tuple(col.name for col in table.columns),
        frozenset(datetimes),
        frozenset(dates),
        frozenset(jsons),
        frozenset(binaries),
    )


@cache
def synced_tables() -> dict[str, SyncedTable]:
    """Every synced table by name, in foreign-key order (parents first)."""
    synced = {
        mapper.local_table.name
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, SyncedMixin) and isinstance(mapper.local_table, Table)
    }
    ordered = [t for t in Base.metadata.sorted_tables if t.name in synced]
    return {t.name: _describe(t, rank) for rank, t in enumerate(ordered)}


def synced_table(name: str) -> SyncedTable:
    """The synced table called `name`; KeyError if there is none."""
    return synced_tables()[name]


@cache
def model_for(name: str) -> type[SyncedMixin]:
    """The mapped class of a synced table."""
    for mapper in Base.registry.mappers:
        if mapper.local_table is not None and getattr(mapper.local_table, "name", None) == name:
            cls = mapper.class_
            if issubclass(cls, SyncedMixin):
                return cls
    raise KeyError(name)
