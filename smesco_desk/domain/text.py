"""Text: names as stored, search keys, and what may not be stored as text at all."""

from __future__ import annotations

import re
import unicodedata

from smesco_desk.i18n import _

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


# Lone surrogates (what undecodable bytes become) and control characters: SQLite
# cannot encode the first, PostgreSQL refuses NUL, and neither belongs in a name.
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Categories that put nothing on paper: controls, format characters (zero-width
# space, joiners, BOM), unassigned and private-use code points, separators,
# marks with no letter to sit on.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"})
# Letters and symbols that are drawn as blanks (Hangul fillers, the braille blank).
_BLANK_GLYPHS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")


def unstorable(text: object) -> bool:
    """True for anything that must not be stored as text: not a str, NUL or another
    control character (tab and line breaks excepted), or a lone surrogate."""
    return not isinstance(text, str) or _UNSTORABLE.search(text) is not None


def visible_length(text: str) -> int:
    """How many characters of the text show on screen or paper."""
    return sum(
        1
        for c in text
        if c not in _BLANK_GLYPHS and unicodedata.category(c) not in _INVISIBLE_CATEGORIES
    )


def has_visible(text: str) -> bool:
    """True if the text shows at least one character on screen or paper."""
    return visible_length(text) > 0


def text_errors(fields: dict[str, object]) -> dict[str, str]:
    """A field error for each value that cannot be stored as text, and for each
    one that is filled in but shows nothing: a name of zero-width spaces looks
    filled in on screen and prints as nothing. (A blank value is the caller's to
    judge: optional, or "required" in its own words.)"""
    errors: dict[str, str] = {}
    for field, value in fields.items():
        if unstorable(value):
            errors[field] = _("Berisi karakter yang tidak dapat disimpan.")
        elif isinstance(value, str) and value.strip() and not has_visible(value):
            errors[field] = _("Wajib diisi dengan huruf atau angka yang terlihat.")
    return errors


FSI, PDI = "\u2068", "\u2069"  # Unicode first-strong isolate and its end


def isolate(text: str) -> str:
    """User text (a name, a typed key) set apart inside a sentence, so that an
    Arabic or Hebrew name keeps its own direction and leaves the sentence's
    alone. Every message that embeds what a person typed wraps it with this."""
    return f"{FSI}{text}{PDI}" if text else ""
