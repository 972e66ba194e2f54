"""The food court's rules: stall codes, sizes kept exactly, NIB and NPWP (the old
15-digit NPWP becomes 16 by a leading 0), lease dates and a stall's state.
Property tests beside the examples."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smesco_desk.domain.foodcourt import (
    InvalidNumber,
    StallState,
    days_meet,
    due_day,
    format_npwp,
    lease_errors,
    normalize_nib,
    normalize_npwp,
    normalize_stall_code,
    parse_size_m2,
    parse_stall_code,
    size_m2_text,
    stall_state,
)

# --- stall codes and sizes ----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("FC2-07", "FC2-07"), ("fc2-7", "FC2-07"), (" Fc3-16 ", "FC3-16"), ("FC1-99", "FC1-99")],
)
def test_stall_codes_as_typed(typed: str, stored: str) -> None:
    assert normalize_stall_code(typed) == stored


@pytest.mark.parametrize("typed", ["FC4-01", "FC0-01", "FC2-00", "FC2-100", "F2-07", "FC2_07",
                                   "FC2-٠٧", "", "FC²-07", None, 207])  # fmt: skip
def test_not_stall_codes(typed: object) -> None:
    with pytest.raises(ValueError):
        parse_stall_code(typed)


@given(st.integers(1, 3), st.integers(1, 99))
def test_a_code_round_trips(floor: int, number: int) -> None:
    code = f"FC{floor}-{number:02d}"
    assert parse_stall_code(code) == (floor, number)
    assert parse_stall_code(code.lower().replace("-0", "-")) == (floor, number)


@pytest.mark.parametrize(
    ("typed", "cm2"),
    [("6.25", 62_500), ("6,25", 62_500), ("12", 120_000), ("0.0001", 1),
     (Decimal("9.5"), 95_000), ("10000", 100_000_000)],
)  # fmt: skip
def test_sizes_are_exact_square_centimetres(typed: str | Decimal, cm2: int) -> None:
    assert parse_size_m2(typed) == cm2


@pytest.mark.parametrize(
    "typed", ["0", "0,00001", "-1", "1e3", "6.2.5", "", "nan", 6.25, Decimal("NaN"), "10000.01"]
)
def test_not_sizes(typed: object) -> None:
    with pytest.raises(ValueError):
        parse_size_m2(typed)


@given(st.integers(1, 100_000_000))
def test_size_text_round_trips_exactly(cm2: int) -> None:
    text = size_m2_text(cm2)
    assert parse_size_m2(text) == cm2
    assert Decimal(text) * 10_000 == cm2
    assert float(text) == float(Decimal(cm2) / 10_000)  # JSON writes the same number


# --- NIB and NPWP ---------------------------------------------------------------------


def test_nib_is_13_digits_with_separators_allowed() -> None:
    assert normalize_nib("1234567890123") == "1234567890123"
    assert normalize_nib(" 1234 5678 90123 ") == "1234567890123"
    for bad in ("123456789012", "12345678901234", "12345678901a3", "0000000000000", "",
                "١٢٣٤٥٦٧٨٩٠١٢٣", None):  # fmt: skip
        with pytest.raises(InvalidNumber):
            normalize_nib(bad)


def test_npwp_16_digits_and_the_old_15_digit_form() -> None:
    assert normalize_npwp("0123456789012345") == "0123456789012345"
    assert normalize_npwp("3171015708900001") == "3171015708900001"  # a person's NIK
    assert normalize_npwp("01.234.567.8-901.000") == "0012345678901000"  # old: a leading 0
    assert normalize_npwp("012345678901000") == "0012345678901000"
    assert format_npwp("0012345678901000") == "0012 3456 7890 1000"
    for bad in ("01234567890123", "01234567890123456", "01.234.567.8/901.000", "0" * 16,
                "0" * 15, "", "²" * 16):  # fmt: skip
        with pytest.raises(InvalidNumber):
            normalize_npwp(bad)


digits = st.text(alphabet="0123456789", min_size=1, max_size=20)


@given(digits)
def test_npwp_accepts_exactly_15_or_16_digits_not_all_zero(text: str) -> None:
    try:
        out = normalize_npwp(text)
    except InvalidNumber:
        assert len(text) not in (15, 16) or set(text) == {"0"}
    else:
        assert len(text) in (15, 16) and len(out) == 16 and out.isdigit()
        assert out.endswith(text) and (len(text) == 16 or out == "0" + text)


@given(digits, st.lists(st.sampled_from([" ", ".", "-"]), max_size=4), st.data())
def test_separators_never_change_the_number(
    text: str, seps: list[str], data: st.DataObject
) -> None:
    typed = text
    for sep in seps:
        at = data.draw(st.integers(0, len(typed)))
        typed = typed[:at] + sep + typed[at:]
    for normalize in (normalize_nib, normalize_npwp):
        try:
            plain = normalize(text)
        except InvalidNumber:
            with pytest.raises(InvalidNumber):
                normalize(typed)
        else:
            assert normalize(typed) == plain


@given(digits)
def test_nib_accepts_exactly_13_digits_not_all_zero(text: str) -> None:
    ok = len(text) == 13 and set(text) != {"0"}
    if ok:
        assert normalize_nib(text) == text
    else:
        with pytest.raises(InvalidNumber):
            normalize_nib(text)


# --- leases and states ------------------------------------------------------------------


def test_lease_dates() -> None:
    assert lease_errors(date(2026, 1, 1), date(2026, 1, 1), "day") == {}
    assert set(lease_errors(date(2026, 1, 2), date(2026, 1, 1), "month")) == {"ends_on"}
    assert set(lease_errors(date(2026, 1, 1), date(2036, 12, 31), "month")) == {"ends_on"}
    assert set(lease_errors(datetime(2026, 1, 1), date(2026, 2, 1), "year")) == {
        "starts_on",
        "period",
    }
    assert due_day(date(2026, 1, 31)) == 31


@given(st.dates(), st.dates(), st.dates(), st.dates())
def test_days_meet_is_symmetric_and_matches_shared_days(
    a1: date, a2: date, b1: date, b2: date
) -> None:
    a1, a2 = min(a1, a2), max(a1, a2)
    b1, b2 = min(b1, b2), max(b1, b2)
    assert days_meet(a1, a2, b1, b2) == days_meet(b1, b2, a1, a2)
    shared = max(a1, b1) <= min(a2, b2)
    assert days_meet(a1, a2, b1, b2) == shared


def test_stall_states() -> None:
    assert stall_state(False, True, True, True) is StallState.OUT_OF_SERVICE
    assert stall_state(True, True, True, True) is StallState.ARREARS
    assert stall_state(True, True, True, False) is StallState.OCCUPIED
    assert stall_state(True, False, True, False) is StallState.BOOKED
    assert stall_state(True, False, False, False) is StallState.VACANT
    assert stall_state(True, False, False, True) is StallState.ARREARS  # a lease over, owing
    assert stall_state(True, False, True, True) is StallState.BOOKED
