"""Identity and contact data: citizen ID (CCCD / old CMND), sex, mobile phone numbers.

These values are typed by clerks from paper documents or imported from Excel sheets, where a
number cell silently drops leading zeros. The rules here restore what can be restored with
certainty and reject the rest with a message that says exactly what is wrong.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import TypeGuard

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberType

from sonla_desktop.domain.text import clean_text, fold
from sonla_desktop.errors import ValidationError

__all__ = [
    "cccd_consistency",
    "format_phone",
    "normalize_phone",
    "parse_sex",
    "validate_national_id",
]

# --------------------------------------------------------------------------------------------
# Citizen ID
#
# CCCD (căn cước công dân, since 2016), 12 digits:
#   PPP  province code of birth registration, 001..096 (Sơn La is 014)
#   G    century and sex: 0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s
#   YY   last two digits of the birth year
#   NNNNNN serial number
# There is no check digit, so the only typing errors we can catch are the ones that make the
# number disagree with the date of birth and sex typed next to it.
# CMND (chứng minh nhân dân, the old card) has 9 digits and no structure we can check.
# --------------------------------------------------------------------------------------------

CCCD_LENGTH = 12
CMND_LENGTH = 9
_PROVINCE_CODES = range(1, 97)  # 001..096
_CENTURY_START = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100}
_SEPARATORS = re.compile(r"[\s.\-]+")

_SEX_VI = {"M": "Nam", "F": "Nữ"}
_SEX_EN = {"M": "male", "F": "female"}


def _id_text(raw: object) -> str | None:
    """The raw ID value as a string of what should be only digits; None if it cannot be one."""
    if raw.__class__ is str and raw.isascii() and raw.isdigit():
        return raw  # the usual cell: nothing for cleaning, NFKC or the separators to change
    if isinstance(raw, bool):
        return None  # bool is an int subclass, but True/False is never an ID
    if isinstance(raw, float):
        if not raw.is_integer():
            return None
        raw = int(raw)
    if isinstance(raw, int):
        digits = str(raw)
        # An Excel number cell drops leading zeros. Every CCCD starts with 0 (province codes
        # end at 096) and no ID has 10 or 11 digits, so 10-11 digits are a CCCD that lost
        # its zeros; 8 digits are a CMND that lost one (many do start with 0: Sơn La's
        # are 050...). Only numbers get this treatment: a *typed* short string is missing a
        # digit somewhere, which we cannot guess.
        if len(digits) in (10, 11):
            return digits.zfill(CCCD_LENGTH)
        if len(digits) == CMND_LENGTH - 1:
            return digits.zfill(CMND_LENGTH)
        return digits
    # NFKC turns full-width digits (from some input methods) into ASCII ones.
    text = unicodedata.normalize("NFKC", clean_text(str(raw)))
    return _SEPARATORS.sub("", text)


def _is_digits(text: str | None) -> TypeGuard[str]:
    # str.isdigit() alone also accepts superscripts and other scripts' digits.
    return text is not None and text.isascii() and text.isdigit()


def validate_national_id(
    raw: str | int | None, birth_date: date | None = None, sex: str | None = None
) -> str:
    """Return the ID as a string of 12 (CCCD) or 9 (CMND) digits, or raise ValidationError.

    Spaces, dots and dashes are removed; Excel numbers are accepted. For a CCCD, the century
    and sex digit and the birth-year digits must agree with ``birth_date`` and ``sex`` when
    those are given.
    """
    digits = _id_text(raw) if raw is not None else ""
    if digits == "":
        raise ValidationError(
            "national_id",
            "Chưa nhập số CCCD/CMND.",
            "The citizen ID (CCCD/CMND) is missing.",
        )
    if not _is_digits(digits):
        raise ValidationError(
            "national_id",
            f"Số CCCD/CMND chỉ được gồm chữ số (đã nhập: {clean_text(str(raw))}).",
            f"The citizen ID may contain only digits (entered: {clean_text(str(raw))}).",
        )
    if len(digits) == CMND_LENGTH:
        return digits
    if len(digits) != CCCD_LENGTH:
        raise ValidationError(
            "national_id",
            f"Số CCCD phải có 12 chữ số (hoặc số CMND cũ 9 chữ số); đã nhập {len(digits)} chữ số.",
            f"A CCCD has 12 digits (an old CMND 9 digits); {len(digits)} digits were entered.",
        )
    province = int(digits[:3])
    if province not in _PROVINCE_CODES:
        raise ValidationError(
            "national_id",
            f"Số CCCD không hợp lệ: 3 chữ số đầu là mã tỉnh nơi đăng ký khai sinh, "
            f"từ 001 đến 096, nhưng đã nhập {digits[:3]}.",
            f"Invalid CCCD: the first 3 digits are a province code from 001 to 096, "
            f"not {digits[:3]}.",
        )
    if int(digits[3]) not in _CENTURY_START:
        raise ValidationError(
            "national_id",
            f"Số CCCD không hợp lệ: chữ số thứ 4 (thế kỷ sinh và giới tính) phải từ 0 đến 5, "
            f"nhưng đã nhập {digits[3]}.",
            f"Invalid CCCD: the 4th digit (century of birth and sex) must be 0 to 5, "
            f"not {digits[3]}.",
        )
    problems = _cccd_problems(digits, birth_date, _sex_or_none(sex))
    if problems:
        raise ValidationError(
            "national_id",
            " ".join(vi for vi, _ in problems),
            " ".join(en for _, en in problems),
        )
    return digits


def cccd_consistency(national_id: str, birth_date: date | None, sex: str | None) -> list[str]:
    """Return Vietnamese warnings where a CCCD disagrees with the date of birth or sex.

    Meant for the entry form while the clerk types: an ID that is not (yet) a well-formed
    CCCD gives no warning here, since :func:`validate_national_id` reports that on save.
    """
    digits = _id_text(national_id) if national_id is not None else None
    if not _is_digits(digits) or len(digits) != CCCD_LENGTH or int(digits[3]) not in _CENTURY_START:
        return []
    return [vi for vi, _ in _cccd_problems(digits, birth_date, _sex_or_none(sex))]


def _sex_or_none(sex: str | None) -> str | None:
    """Sex for a consistency check; an unreadable value just disables that check."""
    if sex == "M" or sex == "F":  # a stored sex (the rules pass the one they just parsed)
        return sex
    if sex is None or not clean_text(sex):
        return None
    try:
        return parse_sex(sex)
    except ValidationError:
        return None


def _cccd_problems(digits: str, birth_date: date | None, sex: str | None) -> list[tuple[str, str]]:
    """(vi, en) messages for each way a well-formed CCCD disagrees with birth date and sex."""
    century_digit = int(digits[3])
    problems: list[tuple[str, str]] = []
    if birth_date is not None:
        id_year = _CENTURY_START[century_digit] + int(digits[4:6])
        if id_year != birth_date.year:
            shown = f"{birth_date.day:02d}/{birth_date.month:02d}/{birth_date.year}"
            problems.append(
                (
                    f"Số CCCD không khớp với ngày sinh: chữ số thứ 4-6 cho năm sinh {id_year}, "
                    f"nhưng ngày sinh là {shown}.",
                    f"The CCCD does not match the date of birth: digits 4-6 give birth year "
                    f"{id_year}, but the date of birth is {shown}.",
                )
            )
    if sex is not None:
        id_sex = "M" if century_digit % 2 == 0 else "F"
        if id_sex != sex:
            problems.append(
                (
                    f"Số CCCD không khớp với giới tính: chữ số thứ 4 là {century_digit} "
                    f"({_SEX_VI[id_sex]}), nhưng giới tính đã chọn là {_SEX_VI[sex]}.",
                    f"The CCCD does not match the sex: its 4th digit {century_digit} means "
                    f"{_SEX_EN[id_sex]}, but {_SEX_EN[sex]} was entered.",
                )
            )
    return problems


# --------------------------------------------------------------------------------------------
# Sex
# --------------------------------------------------------------------------------------------

# Compared after fold(), so "Nữ", "nữ", "NU" and an NFD "Nữ" are all the same word.
_SEX_WORDS = {
    "m": "M",
    "nam": "M",
    "nam gioi": "M",
    "male": "M",
    "f": "F",
    "nu": "F",
    "nu gioi": "F",
    "female": "F",
}


SEX_CODES = ("F", "M")  # what is stored (and travels in sync)


@lru_cache(maxsize=1024)
def _sex_code(text: str) -> str | None:
    return _SEX_WORDS.get(fold(text))


def parse_sex(raw: object) -> str:
    """Return "M" (Nam) or "F" (Nữ) from the ways people write it, or raise ValidationError."""
    if raw is not None:
        text = str(raw)
        # A column of sexes holds a handful of spellings ("Nam", "Nữ", ...) thousands of
        # times: each is folded once. Only short text is kept (a cell can hold 32,767
        # characters).
        if text.__class__ is str and len(text) <= 20:
            code = _sex_code(text)
        else:
            code = _SEX_WORDS.get(fold(text))
        if code is not None:
            return code
    shown = clean_text(str(raw)) if raw is not None else ""
    raise ValidationError(
        "sex",
        f"Giới tính phải là Nam hoặc Nữ (đã nhập: {shown!r}).",
        f"Sex must be male (Nam) or female (Nữ) (entered: {shown!r}).",
    )


# --------------------------------------------------------------------------------------------
# Mobile phone
#
# Since the 2018 renumbering every Vietnamese mobile number has 10 digits in national form and
# starts with 03, 05, 07, 08 or 09. We store exactly that form ("0912345678"): it is what
# people dial, what Zalo shows, and it compares equal however it was typed.
# --------------------------------------------------------------------------------------------

_MOBILE_PREFIXES = ("03", "05", "07", "08", "09")
# Digits with the usual grouping characters; anything else (letters above all) is refused
# before phonenumbers sees it, because phonenumbers reads letters as a phone keypad would
# ("0912ABC678" -> 0912222678) and that is never what a clerk meant.
_PHONE_CHARS = re.compile(r"^\+?[0-9 .\-()/]+$")
_MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
# Without its pattern cache phonenumbers hands each metadata pattern to re.compile at every
# check (about ten per number); with it a dict answers: a sixth less time per number over a
# sheet of them. The patterns come from its fixed metadata, so the cache stays small.
# (The switch is recent; an older phonenumbers just works without it.)
if hasattr(phonenumbers, "enable_pattern_cache"):
    phonenumbers.enable_pattern_cache()


def _phone_error(shown: str, vi: str, en: str) -> ValidationError:
    return ValidationError(
        "phone", f"Số điện thoại {shown} không hợp lệ: {vi}", f"Invalid phone number {shown}: {en}"
    )


def normalize_phone(raw: str | int | None) -> str:
    """Return a Vietnamese mobile number as "0912345678", "" if empty, or raise ValidationError."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        raise _phone_error(str(raw), "không phải là số.", "not a number.")
    if isinstance(raw, float):
        if not raw.is_integer():  # "912345678.5" would otherwise pass as digits and a dot
            raise _phone_error(str(raw), "không phải là số nguyên.", "not a whole number.")
        raw = int(raw)
    text = str(raw)
    if text.isascii() and text.isdigit():
        digits = text  # already plain digits, the usual cell: nothing to clean
    else:
        text = unicodedata.normalize("NFKC", clean_text(text))
        if not text:
            return ""
        digits = re.sub(r"\D", "", text)
    shown = f"“{text}”"
    if not _PHONE_CHARS.match(text) or not digits:
        raise _phone_error(
            shown,
            "chỉ được gồm chữ số (có thể có dấu cách, dấu chấm hoặc +84 ở đầu).",
            "use digits only (spaces, dots or a leading +84 are allowed).",
        )
    national = _national_digits(digits, international=text.startswith("+"))
    if national is None:
        raise _phone_error(
            shown, "không phải số điện thoại Việt Nam (+84).", "not a Vietnamese (+84) number."
        )
    number_type = _vn_number_type(national)
    if number_type is not None and number_type not in _MOBILE_TYPES:
        raise _phone_error(
            shown,
            "đây là số máy bàn hoặc số dịch vụ; hãy nhập số di động.",
            "this is a landline or service number; enter a mobile number.",
        )
    if len(national) != 10:
        hint_vi = hint_en = ""
        if len(national) == 11 and national.startswith("01"):
            hint_vi = " Số 11 chữ số đầu 01 đã được đổi sang 10 chữ số từ năm 2018."
            hint_en = " 11-digit numbers starting 01 were changed to 10 digits in 2018."
        raise _phone_error(
            shown,
            f"số di động phải có 10 chữ số, số này có {len(national)}.{hint_vi}",
            f"a mobile number has 10 digits, this one has {len(national)}.{hint_en}",
        )
    if not national.startswith(_MOBILE_PREFIXES):
        raise _phone_error(
            shown,
            "không phải số di động (số di động bắt đầu bằng 03, 05, 07, 08 hoặc 09).",
            "not a mobile number (mobile numbers start with 03, 05, 07, 08 or 09).",
        )
    if number_type not in _MOBILE_TYPES:
        raise _phone_error(
            shown,
            f"đầu số {national[:3]} không phải đầu số di động đang được cấp.",
            f"{national[:3]} is not an assigned mobile prefix.",
        )
    return national


@lru_cache(maxsize=16_384)  # a checked sheet is imported next, and households share a phone
def _vn_number_type(national: str) -> int | None:
    """phonenumbers' type for a valid Vietnamese number, None if it is not a valid number.

    The prefix list alone is not enough: blocks inside 05x and 08x are unassigned, and
    phonenumbers' metadata (kept current by Google from the regulator's plan) knows which.
    """
    if _MOBILE_SHAPE.match(national):
        # What phonenumbers.parse(national, "VN") returns for this shape (0 + 9 digits
        # starting 3/5/7/8/9: the national prefix 0 is dropped), without its generic
        # parsing, which costs twice the look-up itself. Tests compare both over many numbers.
        number = PhoneNumber(country_code=84, national_number=int(national[1:]))
    else:
        try:
            number = phonenumbers.parse(national, "VN")
        except phonenumbers.NumberParseException:
            return None
        if number.country_code != 84:
            return None
    # number_type is UNKNOWN exactly when is_valid_number is False (both test the number
    # against the same region's patterns), so one call answers both questions.
    kind = phonenumbers.number_type(number)
    return None if kind == PhoneNumberType.UNKNOWN else kind


_MOBILE_SHAPE = re.compile(r"0[35789][0-9]{8}\Z")


def _national_digits(digits: str, international: bool) -> str | None:
    """National form (leading 0) of the digits, or None if they belong to another country."""
    if international:
        if not digits.startswith("84"):
            return None
        rest = digits[2:]
    elif digits.startswith("0084"):
        rest = digits[4:]  # international call prefix 00 from a landline
    elif digits.startswith("84") and len(digits) == 11:
        # 84 + 9 digits is the country code without "+". A 10-digit national number can
        # never start with 84 (it starts with 0) and a 9-digit one that lost its 0 (e.g.
        # 0843... stored by Excel as 843...) has only 9 digits, so this is unambiguous.
        rest = digits[2:]
    elif not digits.startswith("0"):
        rest = digits  # Excel dropped the leading zero of a number cell
    else:
        return digits
    return "0" + rest.removeprefix("0")  # "+84 0912..." is a common way to write it too


def format_phone(canonical: str | None) -> str:
    """Show a stored mobile number grouped as people read it: "0912 345 678"."""
    if not canonical:
        return ""
    if len(canonical) != 10 or not canonical.isdigit():
        return canonical  # legacy or foreign data: show it untouched rather than garble it
    return f"{canonical[:4]} {canonical[4:7]} {canonical[7:]}"
