"""NIK parsing, normalising and masking."""

from __future__ import annotations

import gettext
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smesco_desk import i18n
from smesco_desk.domain.nik import (
    PROVINCES,
    PSEUDONYM_COST,
    PSEUDONYM_FLOOR,
    InvalidNik,
    NikInfo,
    PseudonymCost,
    mask_nik,
    nik_pseudonym,
    normalize_nik,
    parse_nik,
)

TODAY = date(2026, 1, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Jakarta Selatan, Tebet: a woman born 17 Aug 1990 (57 = 17 + 40).
        ("3174015708900001", NikInfo("31", "74", "01", date(1990, 8, 17), "F", "0001")),
        ("3273012505850003", NikInfo("32", "73", "01", date(1985, 5, 25), "M", "0003")),
        ("3578104112000002", NikInfo("35", "78", "10", date(2000, 12, 1), "F", "0002")),
        ("5171016903950001", NikInfo("51", "71", "01", date(1995, 3, 29), "F", "0001")),
        ("1271052211880004", NikInfo("12", "71", "05", date(1988, 11, 22), "M", "0004")),
        ("9471030101010001", NikInfo("94", "71", "03", date(2001, 1, 1), "M", "0001")),
        ("3404076002040007", NikInfo("34", "04", "07", date(2004, 2, 20), "F", "0007")),
        ("6471025212990011", NikInfo("64", "71", "02", date(1999, 12, 12), "F", "0011")),
        ("7371110407770005", NikInfo("73", "71", "11", date(1977, 7, 4), "M", "0005")),
        ("9601011508109999", NikInfo("96", "01", "01", date(2010, 8, 15), "M", "9999")),
        ("1101013112650123", NikInfo("11", "01", "01", date(1965, 12, 31), "M", "0123")),
        ("8271017101700042", NikInfo("82", "71", "01", date(1970, 1, 31), "F", "0042")),
        ("2171030101260001", NikInfo("21", "71", "03", date(2026, 1, 1), "M", "0001")),
    ],
)
def test_parse_valid(text: str, expected: NikInfo) -> None:
    assert parse_nik(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "3174 0157 0890 0001",
        "31.74.01.570890.0001",
        "31-74-01-570890-0001",
        "  3174015708900001\n",
        "3174 01-57.08 90 0001",
        "\t31 74 01 57 08 90 00 01 ",
    ],
)
def test_separators_and_whitespace_are_ignored(text: str) -> None:
    assert parse_nik(text, today=TODAY) == parse_nik("3174015708900001", today=TODAY)
    assert normalize_nik(text, today=TODAY) == "3174015708900001"


def test_province_name() -> None:
    assert parse_nik("3174015708900001", today=TODAY).province_name == "DKI Jakarta"


def test_info_is_frozen() -> None:
    info = parse_nik("3174015708900001", today=TODAY)
    with pytest.raises(AttributeError):
        info.sex = "M"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("yy", "year"),
    [("05", 2005), ("99", 1999), ("00", 2000), ("25", 2025), ("26", 2026), ("27", 1927)],
)
def test_century_is_the_one_not_in_the_future(yy: str, year: int) -> None:
    info = parse_nik(f"31740110{'01'}{yy}0001", today=TODAY)
    assert info.birth_date == date(year, 1, 10)


def test_century_boundary_is_today() -> None:
    assert parse_nik("3174011501260001", today=TODAY).birth_date == date(2026, 1, 15)
    assert parse_nik("3174011601260001", today=TODAY).birth_date == date(1926, 1, 16)
    assert parse_nik("3174015501260001", today=TODAY).birth_date == date(2026, 1, 15)


def test_default_today_is_used() -> None:
    assert parse_nik("3174015708900001").birth_date == date(1990, 8, 17)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "belum diisi"),
        ("   ", "belum diisi"),
        ("317401570890001", "16 digit (tertulis 15)"),
        ("31740157089000011", "16 digit (tertulis 17)"),
        ("3174", "16 digit (tertulis 4)"),
        ("3174O15708900001", "hanya boleh berisi angka"),
        ("3174015708900001a", "hanya boleh berisi angka"),
        ("3174/0157/0890/0001", "hanya boleh berisi angka"),
        ("+3174015708900001", "hanya boleh berisi angka"),
        ("३१७४०१५७०८९०००१", "hanya boleh berisi angka"),  # Devanagari digits
        ("0074015708900001", "provinsi 00"),
        ("2074015708900001", "provinsi 20"),
        ("3774015708900001", "provinsi 37"),
        ("9974015708900001", "provinsi 99"),
        ("1074015708900001", "provinsi 10"),
        ("3100015708900001", "kabupaten/kota"),
        ("3174005708900001", "kecamatan"),
        ("3174010008900001", "Tanggal lahir"),  # day 00
        ("3174014008900001", "Tanggal lahir"),  # day 40 (0 for a woman)
        ("3174013208900001", "Tanggal lahir"),  # day 32
        ("3174017208900001", "Tanggal lahir"),  # day 72 = 32 for a woman
        ("3174013102900001", "Tanggal lahir"),  # 31 Feb
        ("3174017102900001", "Tanggal lahir"),  # 31 Feb, woman
        ("3174012902010001", "Tanggal lahir"),  # 29 Feb 2001 / 1901
        ("3174013104900001", "Tanggal lahir"),  # 31 Apr
        ("3174011500900001", "Tanggal lahir"),  # month 00
        ("3174011513900001", "Tanggal lahir"),  # month 13
        ("3174019999990001", "Tanggal lahir"),
        ("3174015708900000", "0000"),
    ],
)
def test_invalid(text: str, fragment: str) -> None:
    with pytest.raises(InvalidNik) as caught:
        parse_nik(text, today=TODAY)
    assert fragment in str(caught.value)


def test_invalid_nik_is_a_value_error() -> None:
    assert issubclass(InvalidNik, ValueError)
    with pytest.raises(ValueError):
        normalize_nik("123")


def test_leap_day() -> None:
    assert parse_nik("3174016902000001", today=TODAY).birth_date == date(2000, 2, 29)
    assert parse_nik("3174012902960001", today=TODAY).birth_date == date(1996, 2, 29)
    # 29 Feb 2100 does not exist but 29 Feb 2000 does.
    later = date(2101, 1, 1)
    assert parse_nik("3174012902000001", today=later).birth_date == date(2000, 2, 29)


def test_date_in_the_future_under_both_centuries_is_impossible_to_write() -> None:
    # With today in 1950, "60" can only be 1860 or 1960: 1960 is in the future.
    info = parse_nik("3174010101600001", today=date(1950, 6, 1))
    assert info.birth_date == date(1860, 1, 1)


def test_provinces_table() -> None:
    expected = (
        {str(c) for c in range(11, 20)}
        | {"21"}
        | {str(c) for c in range(31, 37)}
        | {"51", "52", "53"}
        | {str(c) for c in range(61, 66)}
        | {str(c) for c in range(71, 77)}
        | {"81", "82"}
        | {str(c) for c in range(91, 98)}
    )
    assert set(PROVINCES) == expected
    assert PROVINCES["31"] == "DKI Jakarta"
    assert PROVINCES["36"] == "Banten"
    assert PROVINCES["65"] == "Kalimantan Utara"
    assert PROVINCES["96"] == "Papua Barat Daya"
    assert all(name.strip() == name and name for name in PROVINCES.values())


@pytest.mark.parametrize("code", sorted(PROVINCES))
def test_every_province_is_accepted(code: str) -> None:
    assert parse_nik(f"{code}01015708900001", today=TODAY).province_code == code


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("3174015708900001", "************0001"),
        ("3174 0157 0890 0001", "************0001"),
        ("32.73.01.250585.0003", "************0003"),
        (" 5171-01-690395-0001 ", "************0001"),
    ],
)
def test_mask(text: str, masked: str) -> None:
    assert mask_nik(text) == masked


@pytest.mark.parametrize("text", ["", "3174", "3174015708900000", "31740157089000x1"])
def test_mask_rejects_an_invalid_nik(text: str) -> None:
    with pytest.raises(InvalidNik):
        mask_nik(text)


def test_messages_are_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    class Shouting(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return "EN:" + message

    monkeypatch.setattr(i18n, "_current", Shouting())
    with pytest.raises(InvalidNik, match=r"^EN:NIK harus 16 digit \(tertulis 3\)$"):
        parse_nik("123")


# --- properties ----------------------------------------------------------------


def _two_digits(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda n: f"{n:02d}")


@st.composite
def nik_parts(draw: st.DrawFn) -> tuple[str, NikInfo]:
    info = NikInfo(
        province_code=draw(st.sampled_from(sorted(PROVINCES))),
        regency_code=draw(_two_digits(1, 99)),
        district_code=draw(_two_digits(1, 99)),
        birth_date=draw(st.dates(date(TODAY.year - 99, 1, 1), TODAY)),
        sex=draw(st.sampled_from(["F", "M"])),
        serial=draw(st.integers(1, 9999).map(lambda n: f"{n:04d}")),
    )
    born = info.birth_date
    day = born.day + (40 if info.sex == "F" else 0)
    nik = (
        f"{info.province_code}{info.regency_code}{info.district_code}"
        f"{day:02d}{born.month:02d}{born.year % 100:02d}{info.serial}"
    )
    return nik, info


@given(nik_parts())
def test_parse_decodes_what_was_encoded(case: tuple[str, NikInfo]) -> None:
    nik, info = case
    assert parse_nik(nik, today=TODAY) == info
    assert normalize_nik(nik, today=TODAY) == nik


@given(
    nik_parts(), st.lists(st.sampled_from([" ", ".", "-", "  ", " - "]), min_size=15, max_size=15)
)
def test_separators_never_change_the_result(case: tuple[str, NikInfo], seps: list[str]) -> None:
    nik, info = case
    typed = "".join(digit + sep for digit, sep in zip(nik, [*seps, ""], strict=True))
    assert parse_nik(typed, today=TODAY) == info


@given(nik_parts())
def test_mask_shows_only_the_last_four_digits(case: tuple[str, NikInfo]) -> None:
    nik, _info = case
    masked = mask_nik(nik)
    assert len(masked) == 16
    assert masked == "************" + nik[12:]


@given(st.text(max_size=30))
def test_anything_either_parses_or_raises_invalid_nik(text: str) -> None:
    try:
        info = parse_nik(text, today=TODAY)
    except InvalidNik as error:
        assert str(error)
    else:
        assert info.birth_date <= TODAY


@given(nik_parts(), st.integers(0, 15), st.sampled_from("0123456789"))
def test_birth_date_never_in_the_future(case: tuple[str, NikInfo], index: int, digit: str) -> None:
    nik, _info = case
    mutated = nik[:index] + digit + nik[index + 1 :]
    try:
        info = parse_nik(mutated, today=TODAY)
    except InvalidNik:
        return
    assert TODAY - timedelta(days=366 * 100) <= info.birth_date <= TODAY


# --- the stored pseudonym ---------------------------------------------------------

KEY_A, KEY_B = bytes(range(32)), bytes(range(1, 33))
CHEAP = PseudonymCost(time_cost=1, memory_kib=64, parallelism=1)  # shape tests only


def test_pseudonym_costs_are_at_or_above_the_documented_floor() -> None:
    # The floor (OWASP's argon2id minimum) is what makes a guess cost tens of
    # milliseconds; benchmarks/bench_nik_pseudonym.py prints the measured cost.
    assert PSEUDONYM_FLOOR.time_cost >= 2 and PSEUDONYM_FLOOR.memory_kib >= 19 * 1024
    assert PSEUDONYM_COST.time_cost >= PSEUDONYM_FLOOR.time_cost
    assert PSEUDONYM_COST.memory_kib >= PSEUDONYM_FLOOR.memory_kib
    assert PSEUDONYM_COST.parallelism == 1  # more lanes would only cut the wall time


def test_pseudonym_is_argon2id_of_the_digits_salted_with_the_key() -> None:
    from argon2.low_level import Type, hash_secret_raw

    expected = hash_secret_raw(
        b"3174015708900001",
        KEY_A,
        time_cost=PSEUDONYM_COST.time_cost,
        memory_cost=PSEUDONYM_COST.memory_kib,
        parallelism=PSEUDONYM_COST.parallelism,
        hash_len=32,
        type=Type.ID,
    ).hex()
    assert nik_pseudonym(KEY_A, "3174015708900001") == expected
    assert len(expected) == 64  # fits visitors.nik_hash


def test_pseudonym_depends_on_the_key_and_the_nik() -> None:
    one = nik_pseudonym(KEY_A, "3174015708900001", CHEAP)
    assert nik_pseudonym(KEY_A, "3174 0157 0890 0001", CHEAP) == one
    assert nik_pseudonym(KEY_B, "3174015708900001", CHEAP) != one
    assert nik_pseudonym(KEY_A, "3174015708900002", CHEAP) != one


@pytest.mark.parametrize("key", [b"", b"short", bytes(31)])
def test_pseudonym_refuses_a_short_key(key: bytes) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        nik_pseudonym(key, "3174015708900001", CHEAP)
