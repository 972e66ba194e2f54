"""NIK (Nomor Induk Kependudukan): the 16-digit Indonesian population number.

Layout: province(2) regency(2) district(2) DDMMYY(6) serial(4). Women have 40
added to the day of birth. The region is where the person first registered, not
where they live now, so it says nothing about an address.

Only the structure is checked: a structurally valid NIK may still not exist.

A NIK is never stored. What is stored is its last four digits for display and a
pseudonym to find a returning visitor: a deliberately slow keyed hash
(argon2id, the key as its salt). Sixteen digits with a known layout are few
enough to try them all, so the pseudonym must be useless without the key (a
256-bit secret kept outside the database, smesco_desk/services/nik_key.py) and
costly even with it: tens of milliseconds for every guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from argon2.low_level import Type, hash_secret_raw

from smesco_desk.clock import wib_today
from smesco_desk.i18n import _

NIK_LENGTH = 16
_FEMALE_DAY_OFFSET = 40
_SEPARATORS = re.compile(r"[\s.\-]+")
_DIGITS = re.compile(r"[0-9]*", re.ASCII)

# Kemendagri province codes (Kepmendagri 100.1.1-6117/2022 and its successors),
# which Dukcapil uses in the NIK. "97" is not a Kemendagri code: it is BPS's code
# for Papua Pegunungan (Kemendagri: 95). It is accepted as well because the two
# code lists get mixed up in circulating data and the front desk should not turn
# a visitor away over it.
PROVINCES: dict[str, str] = {
    "11": "Aceh",
    "12": "Sumatera Utara",
    "13": "Sumatera Barat",
    "14": "Riau",
    "15": "Jambi",
    "16": "Sumatera Selatan",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta",
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "DI Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
    "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat",
    "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah",
    "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara",
    "75": "Gorontalo",
    "76": "Sulawesi Barat",
    "81": "Maluku",
    "82": "Maluku Utara",
    "91": "Papua",
    "92": "Papua Barat",
    "93": "Papua Selatan",
    "94": "Papua Tengah",
    "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
    "97": "Papua Pegunungan",
}

Sex = Literal["F", "M"]


class InvalidNik(ValueError):
    """The text is not a structurally valid NIK; the message is user-facing."""


@dataclass(frozen=True, slots=True)
class NikInfo:
    """What the structure of a NIK tells (it deliberately keeps no full NIK)."""

    province_code: str
    regency_code: str
    district_code: str
    birth_date: date
    sex: Sex
    serial: str

    @property
    def province_name(self) -> str:
        return PROVINCES[self.province_code]


def parse_nik(text: str, *, today: date | None = None) -> NikInfo:
    """Validate a NIK as typed (spaces, dots, dashes allowed) and decode it.

    The two-digit birth year takes the century that does not put the birth date
    after `today` (default: today in Jakarta). Raises InvalidNik.
    """
    digits = _clean_digits(text)
    province, regency, district = digits[0:2], digits[2:4], digits[4:6]
    _check_region(province, regency, district)
    birth_date, sex = _birth_date_and_sex(digits[6:12], today or wib_today())
    serial = digits[12:16]
    if serial == "0000":
        raise InvalidNik(_("Nomor urut NIK (4 digit terakhir) tidak boleh 0000"))
    return NikInfo(province, regency, district, birth_date, sex, serial)


def normalize_nik(text: str, *, today: date | None = None) -> str:
    """The 16 digits of a valid NIK, without separators. Raises InvalidNik."""
    parse_nik(text, today=today)
    return _clean_digits(text)


def mask_nik(nik: str) -> str:
    """The NIK for display: only its last 4 digits, e.g. ************0001.

    The region and birth date (the first 12 digits) are left out: with them the
    last four are a small guess away. The NIK is validated first (InvalidNik).
    """
    digits = normalize_nik(nik)
    return MASK_HIDDEN + digits[-4:]


def _clean_digits(text: str) -> str:
    digits = _SEPARATORS.sub("", text)
    if not digits:
        raise InvalidNik(_("NIK belum diisi"))
    if not _DIGITS.fullmatch(digits):
        raise InvalidNik(_("NIK hanya boleh berisi angka"))
    if len(digits) != NIK_LENGTH:
        raise InvalidNik(_("NIK harus 16 digit (tertulis {n})").format(n=len(digits)))
    return digits


def _check_region(province: str, regency: str, district: str) -> None:
    if province not in PROVINCES:
        raise InvalidNik(_("Kode provinsi {code} pada NIK tidak dikenal").format(code=province))
    if regency == "00":
        raise InvalidNik(_("Kode kabupaten/kota pada NIK tidak boleh 00"))
    if district == "00":
        raise InvalidNik(_("Kode kecamatan pada NIK tidak boleh 00"))


def _birth_date_and_sex(ddmmyy: str, today: date) -> tuple[date, Sex]:
    day, month, yy = int(ddmmyy[0:2]), int(ddmmyy[2:4]), int(ddmmyy[4:6])
    sex: Sex = "M"
    if day > _FEMALE_DAY_OFFSET:
        day, sex = day - _FEMALE_DAY_OFFSET, "F"
    if not 1 <= month <= 12:
        raise InvalidNik(
            _(
                "Tanggal lahir pada NIK tidak valid: bulan {mm} (digit ke-9 dan ke-10 harus 01-12)"
            ).format(mm=ddmmyy[2:4])
        )
    if not 1 <= day <= 31:
        raise InvalidNik(
            _(
                "Tanggal lahir pada NIK tidak valid: tanggal {dd} (digit ke-7 dan ke-8 "
                "harus 01-31, atau 41-71 untuk perempuan)"
            ).format(dd=ddmmyy[0:2])
        )
    for century in _centuries(today):
        try:
            born = date(century + yy, month, day)
        except ValueError:
            continue  # 29 Feb exists in 2000 but not in 1900 or 2100
        if born <= today:
            return born, sex
    raise InvalidNik(
        _("Tanggal lahir pada NIK tidak valid ({dd}-{mm}-{yy})").format(
            dd=ddmmyy[0:2], mm=ddmmyy[2:4], yy=ddmmyy[4:6]
        )
    )


def _centuries(today: date) -> tuple[int, int]:
    """The current century first, then the one before it."""
    current = today.year // 100 * 100
    return current, current - 100


MASK_HIDDEN = "*" * 12
NIK_KEY_BYTES = 32


@dataclass(frozen=True, slots=True)
class PseudonymCost:
    """The argon2id costs of a NIK pseudonym. Changing them changes every pseudonym."""

    time_cost: int  # passes over the memory
    memory_kib: int
    parallelism: int


# The least a pseudonym may cost (a test holds PSEUDONYM_COST to it): OWASP's
# minimum for argon2id, m=19 MiB, t=2, p=1. A guess then takes tens of
# milliseconds on a desk PC: 5e10 plausible NIKs are thousands of CPU-years.
PSEUDONYM_FLOOR = PseudonymCost(time_cost=2, memory_kib=19 * 1024, parallelism=1)
# About 35 ms per guess on the 2-core development VM (benchmarks/bench_nik_pseudonym.py);
# computed once per registration or typed NIK, never per stored row.
PSEUDONYM_COST = PseudonymCost(time_cost=3, memory_kib=19 * 1024, parallelism=1)


def nik_pseudonym(key: bytes, nik: str, cost: PseudonymCost = PSEUDONYM_COST) -> str:
    """The stored pseudonym of a NIK (64 hex digits): argon2id of the 16 digits,
    salted with the desk's NIK key. Equal NIKs give equal pseudonyms under one key
    (that is how a returning visitor is found); without the key none can be tested.
    """
    if len(key) < NIK_KEY_BYTES:
        raise ValueError("the NIK key must be at least 32 bytes")
    digits = _clean_digits(nik)
    raw = hash_secret_raw(
        digits.encode("ascii"),
        key,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_kib,
        parallelism=cost.parallelism,
        hash_len=32,
        type=Type.ID,
    )
    return raw.hex()
