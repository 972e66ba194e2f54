"""Phone number normalisation to E.164 and display."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smesco_desk.domain.phone import InvalidPhone, format_phone_display, normalize_phone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Mobile numbers in every usual form.
        ("081234567890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("0812 3456 7890", "+6281234567890"),
        ("0812.3456.7890", "+6281234567890"),
        ("(0812) 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("62 812 3456 7890", "+6281234567890"),
        ("+6281234567890", "+6281234567890"),
        ("+62 812-3456-7890", "+6281234567890"),
        ("+62 (812) 3456 7890", "+6281234567890"),
        ("006281234567890", "+6281234567890"),
        ("0062 812 3456 7890", "+6281234567890"),
        ("  0812 3456 7890  ", "+6281234567890"),
        ("81234567890", "+6281234567890"),
        ("0811 123 456", "+62811123456"),  # shortest: 10 digits with the 0
        ("0857-1234-56789", "+62857123456789"),  # longest: 13 digits with the 0
        ("0896 1234 5678", "+6289612345678"),
        ("0813-1111-2222", "+6281311112222"),
        # Landlines with their area code.
        ("(021) 5555-1234", "+622155551234"),
        ("021-5555-1234", "+622155551234"),
        ("021 555 1234", "+62215551234"),
        ("+62 21 5555 1234", "+622155551234"),
        ("62-21-5555-1234", "+622155551234"),
        ("(022) 250-1234", "+62222501234"),
        ("(0274) 512345", "+62274512345"),
        ("0361 123456", "+62361123456"),
        ("0711-1234567", "+627111234567"),
        ("(0967) 533123", "+62967533123"),
        # Foreign numbers written with + or 00.
        ("+65 6123 4567", "+6561234567"),
        ("+60 12-345 6789", "+60123456789"),
        ("+1 (415) 555-2671", "+14155552671"),
        ("+44 20 7946 0958", "+442079460958"),
        ("0044 20 7946 0958", "+442079460958"),
        ("+81 3-1234-5678", "+81312345678"),
        ("+61 2 9876 5432", "+61298765432"),
        ("+86 138 0013 8000", "+8613800138000"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize_phone(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "belum diisi"),
        ("   ", "belum diisi"),
        ("- ( ) .", "belum diisi"),
        ("0812-3456-789O", "hanya boleh berisi angka"),
        ("telepon saya", "hanya boleh berisi angka"),
        ("0812 3456 7890 ext 12", "hanya boleh berisi angka"),
        ("0812/3456/7890", "hanya boleh berisi angka"),
        ("0812+34567890", "hanya boleh berisi angka"),
        ("++6281234567890", "hanya boleh berisi angka"),
        ("٠٨١٢٣٤٥٦٧٨٩٠", "hanya boleh berisi angka"),  # Arabic-Indic digits
        ("+6208123456789", "angka 0"),
        ("620812345678", "angka 0"),
        ("00620812345678", "angka 0"),
        ("0812345", "terlalu pendek"),
        ("0812", "terlalu pendek"),
        ("+62 812 345 67", "terlalu pendek"),
        ("0812-3456-7890-12", "terlalu panjang"),
        ("+62 812 3456 7890 123", "terlalu panjang"),
        ("021 1234", "terlalu pendek"),
        ("021 1234 5678 90", "terlalu panjang"),
        ("+62", "terlalu pendek"),
        ("0", "terlalu pendek"),
        ("+62 123 4567 89", "Kode wilayah"),
        ("12345", "diawali 0, 62"),
        ("5551234", "diawali 0, 62"),
        ("+0 123 4567 89", "Kode negara"),
        ("000 123 4567 89", "Kode negara"),
        ("+", "Kode negara"),
        ("+65 1234", "8 sampai 15"),
        ("+1 234 567 890 123 456", "8 sampai 15"),
    ],
)
def test_invalid(text: str, fragment: str) -> None:
    with pytest.raises(InvalidPhone) as caught:
        normalize_phone(text)
    assert fragment in str(caught.value)


def test_invalid_phone_is_a_value_error() -> None:
    assert issubclass(InvalidPhone, ValueError)


@pytest.mark.parametrize(
    ("e164", "shown"),
    [
        ("+6281234567890", "+62 812-3456-7890"),
        ("+628123456789", "+62 812-345-6789"),
        ("+62811123456", "+62 811-123-456"),
        ("+62812345678901", "+62 812-345-678-901"),
        ("+622155551234", "+62 21-5555-1234"),
        ("+62215551234", "+62 21-555-1234"),
        ("+62274512345", "+62 274-512-345"),
        ("+627111234567", "+62 711-123-4567"),
        ("+6561234567", "+6561234567"),
        ("0812 3456 7890", "+62 812-3456-7890"),
        ("not a number", "not a number"),
        ("", ""),
    ],
)
def test_format_display(e164: str, shown: str) -> None:
    assert format_phone_display(e164) == shown


# --- properties ----------------------------------------------------------------

mobile_nsn = st.from_regex(r"8[1-9][0-9]{7,10}", fullmatch=True)
landline_nsn = st.from_regex(r"[2-79][0-9]{7,10}", fullmatch=True)
foreign_e164 = st.from_regex(r"[1-9][0-9]{7,14}", fullmatch=True).filter(
    lambda d: not d.startswith("62")
)


def _spaced(digits: str, seps: list[str]) -> str:
    return "".join(d + s for d, s in zip(digits, seps + [""] * len(digits), strict=False))


@given(
    mobile_nsn,
    st.sampled_from(["0", "62", "+62", "+62 ", "0062", "", "(0", "+62 ("]),
    st.lists(st.sampled_from(["", " ", "-", "."]), max_size=13),
)
def test_every_way_of_typing_a_mobile_gives_one_number(
    nsn: str, prefix: str, seps: list[str]
) -> None:
    assert normalize_phone(prefix + _spaced(nsn, seps)) == "+62" + nsn


@given(landline_nsn, st.sampled_from(["0", "62", "+62", "0062"]))
def test_landlines(nsn: str, prefix: str) -> None:
    assert normalize_phone(prefix + nsn) == "+62" + nsn


@given(foreign_e164, st.sampled_from(["+", "00", "+ "]))
def test_foreign_numbers_are_kept(digits: str, prefix: str) -> None:
    assert normalize_phone(prefix + digits) == "+" + digits


@given(st.one_of(mobile_nsn.map(lambda n: "0" + n), landline_nsn.map(lambda n: "0" + n)))
def test_normalize_is_idempotent_and_display_reads_back(typed: str) -> None:
    e164 = normalize_phone(typed)
    assert normalize_phone(e164) == e164
    assert normalize_phone(format_phone_display(e164)) == e164
    assert format_phone_display(e164).startswith("+62 ")


@given(st.text(max_size=25))
def test_anything_either_normalizes_or_raises_invalid_phone(text: str) -> None:
    try:
        e164 = normalize_phone(text)
    except InvalidPhone as error:
        assert str(error)
    else:
        assert e164.startswith("+")
        assert e164[1:].isdigit() and e164[1] != "0"
        assert 8 <= len(e164) - 1 <= 15
        assert not e164.startswith("+620")


@given(st.text(max_size=25))
def test_display_never_raises(text: str) -> None:
    assert isinstance(format_phone_display(text), str)
