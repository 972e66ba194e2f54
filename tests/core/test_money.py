"""Rupiah formatting, parsing and terbilang."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smesco_desk.domain.money import (
    TERBILANG_LIMIT,
    InvalidAmount,
    format_rupiah,
    parse_rupiah,
    terbilang,
)

MAX_SUPPORTED = 999_999_999_999_999_999

# --- format_rupiah -------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "Rp0"),
        (1, "Rp1"),
        (999, "Rp999"),
        (1000, "Rp1.000"),
        (10_000, "Rp10.000"),
        (150_000, "Rp150.000"),
        (1_234_567, "Rp1.234.567"),
        (5_000_000, "Rp5.000.000"),
        (1_000_000_000_000, "Rp1.000.000.000.000"),
        (-1, "-Rp1"),
        (-1500, "-Rp1.500"),
        (-2_750_000, "-Rp2.750.000"),
    ],
)
def test_format_rupiah(amount: int, text: str) -> None:
    assert format_rupiah(amount) == text


@pytest.mark.parametrize("bad", [1.0, 1500.5, True, False, Decimal("1500"), "1500", None])
def test_format_rupiah_rejects_non_integers(bad: object) -> None:
    with pytest.raises(TypeError):
        format_rupiah(bad)  # type: ignore[arg-type]


# --- parse_rupiah --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1.234.567", 1_234_567),
        ("Rp 1.234.567", 1_234_567),
        ("Rp1.234.567", 1_234_567),
        ("Rp. 1.234.567", 1_234_567),
        ("rp 1.234.567", 1_234_567),
        ("RP1.234.567", 1_234_567),
        ("IDR 1.234.567", 1_234_567),
        ("1234567", 1_234_567),
        ("Rp 1.500,-", 1500),
        ("  25.000  ", 25_000),
        ("0", 0),
        ("Rp0", 0),
        ("999", 999),
        ("1.000", 1000),
        ("-Rp1.500", -1500),
        ("-1.500", -1500),
        ("Rp -1.500", -1500),
        ("- Rp 1.500", -1500),
        ("\u2212Rp1.500", -1500),
        ("Rp 1.000.000.000.000", 1_000_000_000_000),
    ],
)
def test_parse_rupiah(text: str, amount: int) -> None:
    assert parse_rupiah(text) == amount


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Rp",
        "Rp.",
        "12,5",
        "1.234,56",
        "1.234,00",
        "1,234,567",
        "1.5",
        "1.50",
        "1.2345",
        "1234.567",
        ".500",
        "1.000.",
        "1..000",
        "1 000",
        "seribu",
        "Rp 1.500 rupiah",
        "--1500",
        "-Rp-1.500",
        "+1500",
        "1e6",
        "Rp 1.500,-,-",
        "USD 100",
        "١٢٣",  # Arabic-Indic digits
    ],
)
def test_parse_rupiah_rejects_garbage(text: str) -> None:
    with pytest.raises(ValueError):
        parse_rupiah(text)


def test_parse_error_is_user_facing() -> None:
    with pytest.raises(InvalidAmount, match="angka bulat rupiah"):
        parse_rupiah("12,5")
    assert issubclass(InvalidAmount, ValueError)


@given(st.integers(-(10**20), 10**20))
def test_format_round_trips_through_parse(amount: int) -> None:
    assert parse_rupiah(format_rupiah(amount)) == amount


@given(st.integers(0, 10**20))
def test_plain_digits_parse(amount: int) -> None:
    assert parse_rupiah(str(amount)) == amount


@given(st.integers(-(10**15), 10**15))
def test_format_shape(amount: int) -> None:
    text = format_rupiah(amount)
    body = text.removeprefix("-").removeprefix("Rp")
    assert text.startswith("-Rp" if amount < 0 else "Rp")
    assert all(len(group) == 3 for group in body.split(".")[1:])
    assert 1 <= len(body.split(".")[0]) <= 3
    assert body.replace(".", "") == str(abs(amount))


# --- terbilang -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (2, "dua"),
        (7, "tujuh"),
        (9, "sembilan"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (15, "lima belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (45, "empat puluh lima"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (119, "seratus sembilan belas"),
        (200, "dua ratus"),
        (250, "dua ratus lima puluh"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1010, "seribu sepuluh"),
        (1100, "seribu seratus"),
        (1500, "seribu lima ratus"),
        (1999, "seribu sembilan ratus sembilan puluh sembilan"),
        (2000, "dua ribu"),
        (10_000, "sepuluh ribu"),
        (11_000, "sebelas ribu"),
        (12_500, "dua belas ribu lima ratus"),
        (21_000, "dua puluh satu ribu"),
        (100_000, "seratus ribu"),
        (101_000, "seratus satu ribu"),
        (111_000, "seratus sebelas ribu"),
        (150_000, "seratus lima puluh ribu"),
        (
            999_999,
            "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan",
        ),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (1_000_001, "satu juta satu"),
        (1_100_000, "satu juta seratus ribu"),
        (2_500_000, "dua juta lima ratus ribu"),
        (5_000_000, "lima juta"),
        (10_000_000, "sepuluh juta"),
        (11_000_000, "sebelas juta"),
        (
            1_234_567,
            "satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh",
        ),
        (1_000_000_000, "satu miliar"),
        (1_000_001_000, "satu miliar seribu"),
        (2_000_000_000, "dua miliar"),
        (1_000_000_000_000, "satu triliun"),
        (1_001_000_000_000, "satu triliun satu miliar"),
        (1_000_000_000_001, "satu triliun satu"),
        (999_000_000_000_000, "sembilan ratus sembilan puluh sembilan triliun"),
        (1_000_000_000_000_000, "satu kuadriliun"),
        (1_000_000_000_001_000, "satu kuadriliun seribu"),
        (
            MAX_SUPPORTED,
            "sembilan ratus sembilan puluh sembilan kuadriliun "
            "sembilan ratus sembilan puluh sembilan triliun "
            "sembilan ratus sembilan puluh sembilan miliar "
            "sembilan ratus sembilan puluh sembilan juta "
            "sembilan ratus sembilan puluh sembilan ribu "
            "sembilan ratus sembilan puluh sembilan",
        ),
    ],
)
def test_terbilang(amount: int, words: str) -> None:
    assert terbilang(amount) == words + " rupiah"


@pytest.mark.parametrize("amount", [-1, -1000, TERBILANG_LIMIT, TERBILANG_LIMIT + 1, 10**30])
def test_terbilang_out_of_range(amount: int) -> None:
    with pytest.raises(ValueError):
        terbilang(amount)


def test_limit_is_just_past_the_largest_supported_amount() -> None:
    assert MAX_SUPPORTED + 1 == TERBILANG_LIMIT


@pytest.mark.parametrize("bad", [1.0, 0.0, 1500.5, True, False, Decimal("1"), "10", None])
def test_terbilang_rejects_non_integers(bad: object) -> None:
    with pytest.raises(TypeError):
        terbilang(bad)  # type: ignore[arg-type]


# An independent reader of Indonesian number words, to check terbilang from the
# other side. It is written from the grammar, not from the implementation.
_DIGIT_WORDS = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
_MULTIPLIERS = {"puluh": 10, "ratus": 100}
_SE_WORDS = {"sepuluh": 10, "sebelas": 11, "seratus": 100}
_BIG = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12, "kuadriliun": 10**15}


def read_words(text: str) -> int:
    words = text.split(" ")
    assert words.pop() == "rupiah"
    if words == ["nol"]:
        return 0
    total, group, pending, last_scale = 0, 0, None, 10**18
    for word in words:
        if word in _DIGIT_WORDS:
            assert pending is None, text
            pending = _DIGIT_WORDS[word]
        elif word == "belas":
            assert pending is not None and pending >= 2, text
            group, pending = group + 10 + pending, None
        elif word in _MULTIPLIERS:
            assert pending is not None and pending >= 2, text
            group, pending = group + pending * _MULTIPLIERS[word], None
        elif word in _SE_WORDS:
            assert pending is None, text
            group += _SE_WORDS[word]
        elif word == "seribu":
            assert pending is None and group == 0 and last_scale > 1000, text
            total, last_scale = total + 1000, 1000
        else:
            scale = _BIG[word]
            group += pending or 0
            assert 0 < group < 1000 and scale < last_scale, text
            assert not (scale == 1000 and group == 1), text  # that is "seribu"
            total, group, pending, last_scale = total + group * scale, 0, None, scale
    return total + group + (pending or 0)


@given(st.integers(0, MAX_SUPPORTED))
def test_terbilang_reads_back(amount: int) -> None:
    assert read_words(terbilang(amount)) == amount


@given(st.integers(0, 999_999_999_999_999))
def test_terbilang_reads_back_up_to_999_triliun(amount: int) -> None:
    assert read_words(terbilang(amount)) == amount


def test_terbilang_reads_back_exhaustively_below_a_hundred_thousand() -> None:
    for amount in range(100_000):
        assert read_words(terbilang(amount)) == amount


@given(st.integers(0, MAX_SUPPORTED))
def test_terbilang_shape(amount: int) -> None:
    text = terbilang(amount)
    assert text.endswith(" rupiah")
    assert text == text.strip() == text.lower()
    assert "  " not in text
    assert text.count("rupiah") == 1
    assert ("nol" in text.split()) == (amount == 0)
    for wrong in ("satu ratus", "satu puluh", "satu belas", "sepuluh satu"):
        assert wrong not in text
    # A thousands group of exactly 1 is "seribu", never "satu ribu"; but
    # "seratus satu ribu" (101 000) is right.
    assert ("seribu" in text) == ((amount // 1000) % 1000 == 1)
    assert not text.startswith("satu ribu") and " juta satu ribu" not in text


@given(st.lists(st.integers(0, MAX_SUPPORTED), min_size=2, max_size=50, unique=True))
def test_terbilang_is_injective(amounts: list[int]) -> None:
    assert len({terbilang(amount) for amount in amounts}) == len(amounts)


def test_terbilang_is_injective_on_the_first_hundred_thousand() -> None:
    assert len({terbilang(amount) for amount in range(100_000)}) == 100_000
