"""Primary keys: UUIDv7 made on the desk (time-ordered, no central counter)."""

from __future__ import annotations

import uuid

import uuid6


def new_id() -> str:
    """A new UUIDv7 as its canonical 36-character string."""
    return str(uuid6.uuid7())


# The namespace of ids derived from what a row is (uuid5), not made at random.
_DERIVED = uuid.UUID("6f1c3d1e-2a57-4c1b-9a8e-5d3e0b7c4a21")


def derived_id(*parts: str) -> str:
    """The same id for the same parts at every desk (a UUIDv5 of them): a row two
    desks make for one purpose while offline (the rent of one lease for one
    period) is one row once both have synced, not two."""
    return str(uuid.uuid5(_DERIVED, "\x1f".join(parts)))
