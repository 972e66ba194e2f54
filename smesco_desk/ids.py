"""Primary keys: UUIDv7 made on the desk (time-ordered, no central counter)."""

from __future__ import annotations

import uuid6


def new_id() -> str:
    """A new UUIDv7 as its canonical 36-character string."""
    return str(uuid6.uuid7())
