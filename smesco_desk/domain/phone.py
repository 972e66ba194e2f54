"""Phone numbers, stored as E.164 (`+62...`) whatever form they are typed in.

Accepted input: `0812...`, `62812...`, `+62 812...`, `0062 812...`, `812...`
(a mobile number without its 0), `(021) 1234-5678`, and foreign numbers written
with `+` or `00`. Spaces, dots, dashes and parentheses are ignored.

The checks are about plausibility (length and prefix), not about whether the
number is in service.
"""

from __future__ import annotations

import re

from smesco_desk.i18n import _

INDONESIA = "62"
_SEPARATORS = re.compile(r"[\s.\-()]+")
_ALLOWED = re.compile(r"\+?[0-9]*", re.ASCII)
_MOBILE_NSN = range(9, 13)  # national significant number of an Indonesian mobile
_LANDLINE_NSN = range(8, 12)
_E164_DIGITS = range(8, 16)  # country code included
# Area codes of two digits (Jakarta, Bandung, Semarang, Surabaya, Medan);
# all the others have three.
_TWO_DIGIT_AREA_CODES = frozenset({"21", "22", "24", "31", "61"})


class InvalidPhone(ValueError):
    """The text is not a plausible phone number; the message is user-facing."""


def normalize_phone(text: str) -> str:
    """The number in E.164 form, e.g. `+6281234567890`. Raises InvalidPhone."""
    compact = _compact(text)
    if compact.startswith("+"):
        return _international(compact[1:])
    if compact.startswith("00"):
        return _international(compact[2:])
    if compact.startswith("0"):
        return _indonesian(compact[1:])
    if compact.startswith(INDONESIA):
        return _indonesian(compact[len(INDONESIA) :])
    if compact.startswith("8"):
        return _indonesian(compact)
    raise InvalidPhone(_("Nomor telepon harus diawali 0, 62, atau + dengan kode negara"))


def format_phone_display(e164: str) -> str:
    """A readable form, e.g. `+62 812-3456-7890` or `+62 21-5555-1234`.

    Best effort, never raises: a text that is not a valid number comes back as it
    was, and foreign numbers stay in plain E.164.
    """
    try:
        number = normalize_phone(e164)
    except InvalidPhone:
        return e164
    if not number.startswith("+" + INDONESIA):
        return number
    nsn = number[1 + len(INDONESIA) :]
    head_length = 3 if nsn.startswith("8") or nsn[:2] not in _TWO_DIGIT_AREA_CODES else 2
    groups = [nsn[:head_length], *_split_evenly(nsn[head_length:])]
    return f"+{INDONESIA} " + "-".join(groups)


def mask_phone(phone: str | None) -> str:
    """A stored phone partly hidden, as lists and printed lists show it:
    `+62812•••••890` (the country and operator prefix, the last three digits)."""
    if not phone:
        return ""
    return phone[:6] + "\u2022" * max(0, len(phone) - 9) + phone[-3:]


def _compact(text: str) -> str:
    compact = _SEPARATORS.sub("", text)
    if not compact:
        raise InvalidPhone(_("Nomor telepon belum diisi"))
    if not _ALLOWED.fullmatch(compact):
        raise InvalidPhone(
            _(
                "Nomor telepon hanya boleh berisi angka, spasi, titik, tanda hubung, "
                "tanda kurung, dan tanda + di depan"
            )
        )
    return compact


def _international(digits: str) -> str:
    if digits.startswith(INDONESIA):
        return _indonesian(digits[len(INDONESIA) :])
    if not digits or digits.startswith("0"):
        raise InvalidPhone(_("Kode negara tidak valid: tidak boleh diawali 0"))
    if len(digits) not in _E164_DIGITS:
        raise InvalidPhone(
            _(
                "Nomor luar negeri harus 8 sampai 15 digit termasuk kode negara (tertulis {n})"
            ).format(n=len(digits))
        )
    return "+" + digits


def _indonesian(nsn: str) -> str:
    """Check a national significant number (the part after 62 or after the 0)."""
    if not nsn:
        raise InvalidPhone(_("Nomor telepon terlalu pendek"))
    if nsn.startswith("0"):
        raise InvalidPhone(_("Setelah kode negara 62 tidak boleh ada angka 0"))
    if nsn.startswith("8"):
        _check_length(nsn, _MOBILE_NSN, _("Nomor HP"))
    elif nsn.startswith("1"):
        raise InvalidPhone(_("Kode wilayah telepon tidak valid"))
    else:
        _check_length(nsn, _LANDLINE_NSN, _("Nomor telepon kantor/rumah"))
    return "+" + INDONESIA + nsn


def _check_length(nsn: str, allowed: range, kind: str) -> None:
    # Lengths are told as typed with the leading 0, the way people count them.
    low, high, typed = allowed.start + 1, allowed.stop, len(nsn) + 1
    if typed < low:
        message = _("{kind} terlalu pendek: {n} digit, paling sedikit {low} (termasuk 0 di depan)")
    elif typed > high:
        message = _("{kind} terlalu panjang: {n} digit, paling banyak {high} (termasuk 0 di depan)")
    else:
        return
    raise InvalidPhone(message.format(kind=kind, n=typed, low=low, high=high))


def _split_evenly(digits: str) -> list[str]:
    """Groups of at most four digits, the shorter ones first: 8 -> 4-4, 7 -> 3-4."""
    if not digits:
        return []
    count = -(-len(digits) // 4)
    size, extra = divmod(len(digits), count)
    sizes = [size] * (count - extra) + [size + 1] * extra
    groups: list[str] = []
    start = 0
    for length in sizes:
        groups.append(digits[start : start + length])
        start += length
    return groups
