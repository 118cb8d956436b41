"""normalize_phone skips phonenumbers' generic parsing for the usual shape (0 + 9 digits
starting 3, 5, 7, 8 or 9) and skips text cleaning for a cell of plain digits. These tests
hold both short cuts to phonenumbers' own answer and to the full path, over many numbers."""

from __future__ import annotations

import phonenumbers
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sonla_desktop.domain import identity
from sonla_desktop.domain.identity import normalize_phone
from sonla_desktop.errors import ValidationError


def phonenumbers_type(national: str) -> int | None:
    """The check as phonenumbers documents it: parse, then validate, then classify."""
    try:
        number = phonenumbers.parse(national, "VN")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 84 or not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.number_type(number)


mobile_shaped = st.builds(lambda first, rest: f"0{first}{rest:08d}",
                          st.sampled_from("35789"), st.integers(0, 10**8 - 1))
any_digits = st.text(alphabet="0123456789", min_size=1, max_size=13)
# Every prefix block matters (assigned, unassigned, landline, service): cover all of 0xyz.
by_block = st.builds(lambda block, rest: f"0{block:03d}{rest:06d}",
                     st.integers(0, 999), st.integers(0, 10**6 - 1))


@settings(max_examples=3000)
@given(mobile_shaped | any_digits | by_block)
@example("0912345678")  # mobile
@example("0521234567")  # unassigned block inside 05x
@example("0896123456")  # 089 6-9: mobile
@example("0890123456")  # 089 0: unassigned
@example("0672123456")  # VoIP
@example("02431234567")  # Hà Nội landline
def test_number_type_matches_phonenumbers_parse(national: str) -> None:
    assert identity._vn_number_type(national) == phonenumbers_type(national)


def outcome(raw: object) -> tuple[str, ...]:
    try:
        return ("ok", normalize_phone(raw))
    except ValidationError as err:
        return ("error", err.field, err.vi, err.en)


@settings(max_examples=1000)
@given(mobile_shaped | any_digits | by_block)
def test_a_cell_of_plain_digits_gives_what_the_full_cleaning_gives(digits: str) -> None:
    # A surrounding space sends the same number through clean_text and NFKC.
    assert outcome(digits) == outcome(f" {digits}\u00a0")


def test_both_paths_agree_on_examples() -> None:
    assert outcome("0912345678") == outcome(" 0912345678") == ("ok", "0912345678")
    assert outcome("0521234567")[0] == "error"
    assert outcome("0521234567") == outcome(" 0521234567")
