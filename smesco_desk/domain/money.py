"""Rupiah amounts: always an integer number of rupiah, never a float.

`format_rupiah` writes `Rp1.234.567`; `parse_rupiah` reads what a person types;
`terbilang` spells an amount in Indonesian words for a kuitansi.
"""

from __future__ import annotations

import re

from smesco_desk.i18n import _

# terbilang knows scale words up to kuadriliun (10**15), so it spells every amount
# below 10**18 ("999 ribu triliun" and a bit more); larger ones are a ValueError.
TERBILANG_LIMIT = 10**18

_UNITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_SCALES = ("", "ribu", "juta", "miliar", "triliun", "kuadriliun")

# An optional sign, an optional currency mark (Rp, Rp., IDR), an optional sign
# again (Rp -1.500), then plain digits or digits grouped by dots, then an
# optional ",-" (the usual "Rp 1.500,-" meaning "no cents").
_AMOUNT = re.compile(
    r"(?P<sign1>[-\u2212]?)\s*(?:(?:rp\.?|idr)\s*)?(?P<sign2>[-\u2212]?)\s*"
    r"(?P<number>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,-)?",
    re.ASCII | re.IGNORECASE,
)


class InvalidAmount(ValueError):
    """The text is not a whole rupiah amount; the message is user-facing."""


def format_rupiah(amount: int) -> str:
    """`Rp1.234.567`, `Rp0`, `-Rp1.500`. TypeError for anything but an int."""
    _require_int(amount)
    digits = f"{abs(amount):,}".replace(",", ".")
    return ("-Rp" if amount < 0 else "Rp") + digits


def parse_rupiah(text: str) -> int:
    """Read `1.234.567`, `Rp 1.234.567`, `Rp1.234.567,-`, `1234567`, `-Rp1.500`.

    Raises InvalidAmount (a ValueError) for anything else, including decimals
    (`12,5`) and dots that are not thousands separators (`1.50`).
    """
    match = _AMOUNT.fullmatch(text.strip())
    # No amount has more than 40 digits and dots (int() refuses thousands of digits).
    if match is None or (match["sign1"] and match["sign2"]) or len(match["number"]) > 40:
        raise InvalidAmount(
            _("Jumlah uang tidak valid: tulis angka bulat rupiah, misalnya 1.250.000")
        )
    value = int(match["number"].replace(".", ""))
    return -value if match["sign1"] or match["sign2"] else value


def terbilang(amount: int) -> str:
    """The amount in Indonesian words, e.g. `seribu lima ratus rupiah`.

    0 <= amount < 10**18 (ValueError otherwise); TypeError for anything but an int.
    """
    _require_int(amount)
    if amount < 0:
        raise ValueError(f"terbilang needs an amount of at least 0, got {amount}")
    if amount >= TERBILANG_LIMIT:
        raise ValueError(f"terbilang supports amounts below 10**18, got {amount}")
    words = _spell(amount) if amount else "nol"
    return words + " rupiah"


def _require_int(amount: object) -> None:
    # bool is an int subclass, and True rupiah is a bug, not an amount.
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"a rupiah amount must be an int, got {type(amount).__name__}")


def _spell(amount: int) -> str:
    """Words for 1 <= amount < 10**18, one group of three digits per scale."""
    parts: list[str] = []
    for scale in reversed(range(len(_SCALES))):
        group = amount // 1000**scale % 1000
        if group:
            parts.append(_group_words(group, scale))
    return " ".join(parts)


def _group_words(group: int, scale: int) -> str:
    if scale == 1 and group == 1:
        return "seribu"
    words = _below_thousand(group)
    return f"{words} {_SCALES[scale]}" if scale else words


def _below_thousand(number: int) -> str:
    hundreds, rest = divmod(number, 100)
    parts: list[str] = []
    if hundreds:
        parts.append("seratus" if hundreds == 1 else f"{_UNITS[hundreds]} ratus")
    if rest:
        parts.append(_below_hundred(rest))
    return " ".join(parts)


def _below_hundred(number: int) -> str:
    tens, ones = divmod(number, 10)
    if number < 10:
        return _UNITS[number]
    if number == 10:
        return "sepuluh"
    if number == 11:
        return "sebelas"
    if tens == 1:
        return f"{_UNITS[ones]} belas"
    return f"{_UNITS[tens]} puluh" + (f" {_UNITS[ones]}" if ones else "")
