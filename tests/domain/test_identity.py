"""Citizen ID (CCCD/CMND), sex and mobile phone rules."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sonla_desktop.domain.identity import (
    cccd_consistency,
    format_phone,
    normalize_phone,
    parse_sex,
    validate_national_id,
)
from sonla_desktop.errors import ValidationError

# A Sơn La man born in 1998: province 014, digit 0 (male, 1900s), year 98.
SON_LA_MAN_1998 = "014098001234"
# A woman born in 2003 in Hà Nội: province 001, digit 3 (female, 2000s), year 03.
HA_NOI_WOMAN_2003 = "001303004567"


def national_id_error(*args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_national_id(*args, **kwargs)
    assert caught.value.field == "national_id"
    return caught.value


# ------------------------------------------------------------------------------------------
# validate_national_id: format
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["014098001234", "014 098 001 234", "014.098.001.234", "014-098-001234", " 014098001234\t"],
)
def test_cccd_separators_are_removed(typed: str) -> None:
    assert validate_national_id(typed) == SON_LA_MAN_1998


def test_cccd_from_excel_number_gets_its_leading_zero_back() -> None:
    # Excel stores 014098001234 as the number 14098001234.
    assert validate_national_id(14098001234) == SON_LA_MAN_1998
    assert validate_national_id(14098001234.0) == SON_LA_MAN_1998
    # Hà Nội's code 001 loses two zeros.
    assert validate_national_id(1303004567) == HA_NOI_WOMAN_2003


def test_old_cmnd_has_nine_digits() -> None:
    assert validate_national_id("050 123 456") == "050123456"
    assert validate_national_id(50123456) == "050123456"  # Excel dropped the zero
    assert validate_national_id("123456789") == "123456789"


def test_full_width_digits_are_accepted() -> None:
    assert validate_national_id("０１４０９８００１２３４") == SON_LA_MAN_1998


@pytest.mark.parametrize("empty", [None, "", "   ", " - . "])
def test_empty_national_id_is_refused(empty: str | None) -> None:
    assert "Chưa nhập" in national_id_error(empty).vi


@pytest.mark.parametrize("typed", ["01409800123A", "O14098001234", "014098/001234", "1.4e11"])
def test_national_id_with_other_characters_is_refused(typed: str) -> None:
    assert "chỉ được gồm chữ số" in national_id_error(typed).vi


def test_true_is_not_a_national_id() -> None:
    national_id_error(True)


@pytest.mark.parametrize("typed", ["01409800123", "0140980012345", "0140980", "1234567890"])
def test_wrong_length_names_both_accepted_lengths(typed: str) -> None:
    err = national_id_error(typed)
    assert "12 chữ số" in err.vi and "9 chữ số" in err.vi
    assert f"{len(typed)} chữ số" in err.vi
    assert "12 digits" in err.en and "9" in err.en


def test_typed_eleven_digits_are_not_padded() -> None:
    # Only Excel numbers lose zeros; a typed 11-digit string misses a digit somewhere.
    national_id_error("14098001234")


@pytest.mark.parametrize("code", ["001", "014", "038", "079", "096"])
def test_every_province_code_is_accepted(code: str) -> None:
    # People registered at birth outside Sơn La are common; never reject them.
    assert validate_national_id(code + "098001234") == code + "098001234"


@pytest.mark.parametrize("code", ["000", "097", "099", "999"])
def test_province_codes_outside_001_096_are_refused(code: str) -> None:
    err = national_id_error(code + "098001234")
    assert code in err.vi and "001" in err.vi and "096" in err.vi


@pytest.mark.parametrize("digit", "6789")
def test_century_sex_digit_6_to_9_is_refused(digit: str) -> None:
    err = national_id_error(f"014{digit}98001234")
    assert "chữ số thứ 4" in err.vi and digit in err.vi


@pytest.mark.parametrize("digit", "012345")
def test_century_sex_digits_0_to_5_are_accepted(digit: str) -> None:
    assert validate_national_id(f"014{digit}98001234") == f"014{digit}98001234"


# ------------------------------------------------------------------------------------------
# validate_national_id: agreement with date of birth and sex
# ------------------------------------------------------------------------------------------


def test_cccd_matching_birth_date_and_sex_is_accepted() -> None:
    assert validate_national_id(SON_LA_MAN_1998, date(1998, 5, 17), "M") == SON_LA_MAN_1998
    assert validate_national_id(HA_NOI_WOMAN_2003, date(2003, 1, 2), "F") == HA_NOI_WOMAN_2003
    # Sex may be given the ways parse_sex accepts.
    assert validate_national_id(HA_NOI_WOMAN_2003, date(2003, 1, 2), "Nữ") == HA_NOI_WOMAN_2003


def test_cccd_year_mismatch_names_both_years() -> None:
    err = national_id_error(SON_LA_MAN_1998, date(1999, 3, 12), "M")
    assert err.vi == (
        "Số CCCD không khớp với ngày sinh: chữ số thứ 4-6 cho năm sinh 1998, "
        "nhưng ngày sinh là 12/03/1999."
    )
    assert "1998" in err.en and "1999" in err.en


def test_cccd_century_mismatch_is_caught() -> None:
    # Same last two digits, wrong century: digit 2 (male, 2000s) for a man born in 1903.
    err = national_id_error("014203001234", date(1903, 6, 1))
    assert "2003" in err.vi and "1903" in err.vi


def test_cccd_sex_mismatch_names_the_digit_and_both_sexes() -> None:
    err = national_id_error(SON_LA_MAN_1998, date(1998, 5, 17), "F")
    assert "giới tính" in err.vi
    assert "chữ số thứ 4 là 0 (Nam)" in err.vi and "Nữ" in err.vi
    assert "male" in err.en and "female" in err.en


def test_cccd_with_both_mismatches_reports_both() -> None:
    err = national_id_error(SON_LA_MAN_1998, date(2001, 1, 1), "F")
    assert "ngày sinh" in err.vi and "giới tính" in err.vi


def test_only_what_is_given_is_checked() -> None:
    assert validate_national_id(SON_LA_MAN_1998, birth_date=date(1998, 1, 1)) == SON_LA_MAN_1998
    assert validate_national_id(SON_LA_MAN_1998, sex="M") == SON_LA_MAN_1998
    national_id_error(SON_LA_MAN_1998, sex="F")
    national_id_error(SON_LA_MAN_1998, birth_date=date(1988, 1, 1))


def test_cmnd_is_never_checked_against_birth_date() -> None:
    # The old 9-digit card carries no birth year or sex.
    assert validate_national_id("050123456", date(1970, 1, 1), "F") == "050123456"


# ------------------------------------------------------------------------------------------
# cccd_consistency (warnings while typing)
# ------------------------------------------------------------------------------------------


def test_consistency_warnings_are_empty_when_everything_agrees() -> None:
    assert cccd_consistency(SON_LA_MAN_1998, date(1998, 5, 17), "M") == []
    assert cccd_consistency("014 098 001 234", date(1998, 5, 17), "Nam") == []


def test_consistency_warns_about_year_and_sex() -> None:
    warnings = cccd_consistency(SON_LA_MAN_1998, date(1999, 3, 12), "F")
    assert len(warnings) == 2
    assert "năm sinh 1998" in warnings[0] and "12/03/1999" in warnings[0]
    assert "giới tính" in warnings[1]


def test_consistency_is_silent_on_incomplete_or_malformed_ids() -> None:
    assert cccd_consistency("01409", date(1999, 1, 1), "F") == []
    assert cccd_consistency("014998001234", date(1999, 1, 1), "F") == []  # digit 9: format
    assert cccd_consistency("050123456", date(1999, 1, 1), "F") == []  # CMND
    assert cccd_consistency("", None, None) == []


def test_consistency_skips_missing_values() -> None:
    assert cccd_consistency(SON_LA_MAN_1998, None, None) == []
    assert len(cccd_consistency(SON_LA_MAN_1998, None, "F")) == 1
    assert cccd_consistency(SON_LA_MAN_1998, None, "?") == []  # unreadable sex: no guess


# ------------------------------------------------------------------------------------------
# National ID properties
# ------------------------------------------------------------------------------------------


@st.composite
def people_with_cccd(draw: st.DrawFn) -> tuple[str, date, str]:
    born = draw(st.dates(date(1900, 1, 1), date(2099, 12, 31)))
    sex = draw(st.sampled_from("MF"))
    century = {1900: 0, 2000: 2}[born.year // 100 * 100] + (sex == "F")
    province = draw(st.integers(1, 96))
    serial = draw(st.integers(0, 999_999))
    cccd = f"{province:03d}{century}{born.year % 100:02d}{serial:06d}"
    return cccd, born, sex


@given(people_with_cccd())
def test_valid_cccd_round_trips_in_every_written_form(person: tuple[str, date, str]) -> None:
    cccd, born, sex = person
    assert validate_national_id(cccd, born, sex) == cccd
    spaced = f"{cccd[:3]} {cccd[3:6]}.{cccd[6:9]}-{cccd[9:]}"
    assert validate_national_id(spaced, born, sex) == cccd
    assert validate_national_id(int(cccd), born, sex) == cccd  # as Excel stores it
    assert validate_national_id(validate_national_id(cccd)) == cccd
    assert cccd_consistency(cccd, born, sex) == []


@given(people_with_cccd(), st.integers(1, 150))
def test_cccd_of_another_birth_year_is_refused(
    person: tuple[str, date, str], years_off: int
) -> None:
    cccd, born, sex = person
    other_year = born.year + years_off
    if other_year > 2100:
        other_year = born.year - years_off
    claimed = date(max(other_year, 1), 1, 1)
    with pytest.raises(ValidationError, match="ngày sinh"):
        validate_national_id(cccd, claimed, sex)
    assert len(cccd_consistency(cccd, claimed, sex)) == 1


@given(people_with_cccd())
def test_cccd_of_the_other_sex_is_refused(person: tuple[str, date, str]) -> None:
    cccd, born, sex = person
    other = "F" if sex == "M" else "M"
    with pytest.raises(ValidationError, match="giới tính"):
        validate_national_id(cccd, born, other)


# ------------------------------------------------------------------------------------------
# parse_sex
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["M", "m", "Nam", "NAM", " nam ", "male", "Male", "Nam giới"])
def test_parse_sex_male(raw: str) -> None:
    assert parse_sex(raw) == "M"


@pytest.mark.parametrize(
    "raw",
    [
        "F",
        "f",
        "Nữ",
        "nữ",
        "NỮ",
        "nu",
        "Nu",
        "female",
        "FEMALE",
        unicodedata.normalize("NFD", "Nữ"),
    ],
)
def test_parse_sex_female(raw: str) -> None:
    assert parse_sex(raw) == "F"


def test_parse_sex_ignores_missing_diacritics() -> None:
    # Diacritics-insensitive by design: "Nư" typed without its tone is still Nữ.
    assert parse_sex("Nư") == "F"


@pytest.mark.parametrize("raw", ["", None, "x", "Nam Nữ", "1", "Nữa", "Nam/Nữ"])
def test_parse_sex_refuses_anything_else(raw: str | None) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_sex(raw)
    assert caught.value.field == "sex"
    assert "Nam hoặc Nữ" in caught.value.vi


# ------------------------------------------------------------------------------------------
# normalize_phone / format_phone
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "+84 912 345 678",
        "+84912345678",
        "+84 (0) 912 345 678",
        "84912345678",
        "0084 912 345 678",
        "912345678",
        912345678,  # an Excel number cell that lost its 0
        912345678.0,
        "\u00a00912 345 678 ",
        "０９１２３４５６７８",
    ],
)
def test_phone_forms_are_stored_in_one_canonical_form(raw: str | int) -> None:
    assert normalize_phone(raw) == "0912345678"


@pytest.mark.parametrize(
    "number", ["0321234567", "0561234567", "0701234567", "0812345678", "0961234567"]
)
def test_every_mobile_prefix_is_accepted(number: str) -> None:
    assert normalize_phone(number) == number


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_phone_is_optional(empty: str | None) -> None:
    assert normalize_phone(empty) == ""


def phone_error(raw: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        normalize_phone(raw)
    assert caught.value.field == "phone"
    return caught.value


def test_phone_with_letters_is_refused() -> None:
    # phonenumbers alone would read the letters off a keypad: 0912ABC678 -> 0912222678.
    assert "chữ số" in phone_error("0912ABC678").vi
    phone_error("09l2345678")  # lowercase L for 1
    phone_error("số 0912345678")


def test_eleven_digit_phone_is_refused() -> None:
    err = phone_error("09123456789")
    assert "10 chữ số" in err.vi and "11" in err.vi


def test_old_eleven_digit_mobile_gets_a_hint() -> None:
    err = phone_error("0168 123 4567")
    assert "2018" in err.vi


@pytest.mark.parametrize("raw", ["091234567", "091 234 56", "0", "+84 91234"])
def test_short_phone_is_refused(raw: str) -> None:
    assert "10 chữ số" in phone_error(raw).vi


@pytest.mark.parametrize("raw", ["024 3825 1234", "02438251234", "0212 3852 123"])
def test_landline_is_refused(raw: str) -> None:
    # 024 is Hà Nội, 0212 is Sơn La.
    assert "máy bàn" in phone_error(raw).vi


@pytest.mark.parametrize("raw", ["0123456789", "0612345678", "0412345678"])
def test_number_not_starting_with_a_mobile_prefix_is_refused(raw: str) -> None:
    assert "03, 05, 07, 08" in phone_error(raw).vi


def test_unassigned_mobile_block_is_refused() -> None:
    # 052 starts like a mobile number but no network has that block.
    assert "052" in phone_error("0521234567").vi


def test_foreign_number_is_refused() -> None:
    assert "+84" in phone_error("+1 650 253 0000").vi
    phone_error("+81 90 1234 5678")  # a Japanese mobile: the worker's number abroad


def test_non_integer_or_boolean_phone_is_refused() -> None:
    phone_error(912345678.5)
    phone_error(True)


def test_format_phone_groups_four_three_three() -> None:
    assert format_phone("0912345678") == "0912 345 678"
    assert format_phone("") == ""
    assert format_phone(None) == ""
    assert format_phone("12345") == "12345"  # not ours to fix at display time


MOBILE_PREFIXES = [
    *(f"03{d}" for d in "23456789"),
    "056",
    "058",
    "059",
    "070",
    *(f"07{d}" for d in "6789"),
    *(f"08{d}" for d in "12345678"),
    *(f"09{d}" for d in "012345678"),
]


@given(st.sampled_from(MOBILE_PREFIXES), st.integers(0, 9_999_999), st.integers(0, 4))
def test_phone_round_trip(prefix: str, subscriber: int, form: int) -> None:
    canonical = f"{prefix}{subscriber:07d}"
    written = [
        canonical,
        format_phone(canonical),
        "+84 " + format_phone(canonical)[1:],
        "84" + canonical[1:],
        int(canonical),  # Excel number cell
    ][form]
    assert normalize_phone(written) == canonical
    assert normalize_phone(normalize_phone(written)) == canonical
    assert format_phone(canonical).replace(" ", "") == canonical
