"""The watchlist as the services take and return it (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class WatchlistForm:
    """An entry as typed: the NIK in clear only on its way to the pseudonym."""

    name: str
    reason: str
    kind: str  # smesco_desk.domain.watchlist.WatchKind
    phone: str = ""
    nik: str = ""
    until: date | None = None  # the last WIB day it holds; None: until removed


@dataclass(frozen=True)
class WatchlistRecord:
    id: str
    full_name: str
    phone: str | None
    nik_masked: str | None
    reason: str
    kind: str
    until: date | None
    added_by: str
    created_at: datetime
    in_force: bool


@dataclass(frozen=True)
class WatchlistMatch:
    """An entry a visitor being registered matches, and by what."""

    entry: WatchlistRecord
    matched_by: tuple[str, ...]  # smesco_desk.domain.watchlist.MatchedBy values
