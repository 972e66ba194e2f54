"""Text folding for search keys."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def clean_name(text: str) -> str:
    """A name as it should be stored: trimmed, single spaces, NFC."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str) -> str:
    """A search key: lower case, no diacritics, single spaces ("Zoë  Ñ" -> "zoe n")."""
    decomposed = unicodedata.normalize("NFKD", clean_name(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix`."""
    return prefix + "\U0010ffff"
