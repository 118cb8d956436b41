"""Dates as clerks type them and as Excel stores them.

In Vietnam dates are written day first: 25/03/1998. Excel sheets deliver dates as real date
cells, as serial numbers (when the cell lost its date format) or as text in whatever form the
person typed. Everything is turned into a ``datetime.date`` here, and a value that is not
certainly one date is refused rather than guessed: "03/04/98" could be 1898 or 1998, and a
wrong birth date later breaks the CCCD check, loan age rules and reports.
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal

from sonla_desktop.domain.text import clean_text
from sonla_desktop.errors import ValidationError

__all__ = ["format_date", "parse_date", "parse_optional_date", "parse_year"]

MIN_YEAR = 1900
MAX_YEAR = 2100

# Excel's 1900 date system counts serial 1 as 1900-01-01 but, copying a Lotus 1-2-3 bug,
# believes 1900 was a leap year: serial 60 is the non-existent 29/02/1900. Serials above it
# are therefore one day "late", which an epoch of 1899-12-30 absorbs; serials below it count
# from 1899-12-31.
_EXCEL_FAKE_LEAP_DAY = 60
_EXCEL_EPOCH_BEFORE_LEAP = date(1899, 12, 31)
_EXCEL_EPOCH_AFTER_LEAP = date(1899, 12, 30)

# Day first, the same separator twice ("25/03/1998", "5-3-1998", "25.03.1998"); the year
# group takes any length so a 2-digit year gets its own message.
_DMY = re.compile(r"([0-9]{1,2})\s*([/.\-])\s*([0-9]{1,2})\s*\2\s*([0-9]+)")
# ISO, optionally with the midnight time that str(datetime) and some exports add.
_ISO = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
)

_HINT_VI = "Hãy nhập ngày/tháng/năm, ví dụ 25/03/1998."
_HINT_EN = "Enter day/month/year, e.g. 25/03/1998."


def _invalid(field: str, shown: str, vi: str, en: str) -> ValidationError:
    return ValidationError(
        field, f"Ngày không hợp lệ: “{shown}”. {vi}", f"Invalid date: “{shown}”. {en}"
    )


def parse_date(value: object, field: str = "date") -> date:
    """Return the date ``value`` stands for, or raise ``ValidationError(field, ...)``."""
    if isinstance(value, datetime):
        return _in_range(value.date(), field)
    if isinstance(value, date):
        return _in_range(value, field)
    # Decimal is not a numbers.Real, but database drivers and some readers hand out Decimals.
    if isinstance(value, numbers.Real | Decimal) and not isinstance(value, bool):
        return _in_range(_from_excel_serial(value, field), field, str(value))
    if isinstance(value, str):
        return _parse_text(value, field)
    raise _invalid(field, clean_text(str(value)), _HINT_VI, _HINT_EN)


def _from_excel_serial(serial: numbers.Real | Decimal, field: str) -> date:
    shown = str(serial)
    if not math.isfinite(float(serial)) or serial < 1:
        raise _invalid(
            field, shown, "Số ngày kiểu Excel phải từ 1 trở lên.", "An Excel serial must be ≥ 1."
        )
    whole = math.floor(serial)  # a fraction is the time of day, irrelevant here
    if whole == _EXCEL_FAKE_LEAP_DAY:
        raise _invalid(
            field,
            shown,
            "Số 60 trong Excel là ngày 29/02/1900, một ngày không có thật.",
            "Excel serial 60 is 29/02/1900, a day that never existed.",
        )
    epoch = _EXCEL_EPOCH_BEFORE_LEAP if whole < _EXCEL_FAKE_LEAP_DAY else _EXCEL_EPOCH_AFTER_LEAP
    try:
        return epoch + timedelta(days=whole)
    except OverflowError:
        raise _range_error(field, shown) from None


def _parse_text(value: str, field: str) -> date:
    # NFKC turns full-width digits and slashes from some input methods into ASCII ones.
    text = unicodedata.normalize("NFKC", clean_text(value))
    if match := _DMY.fullmatch(text):
        day, _, month, year_text = match.groups()
        if len(year_text) != 4:
            raise _invalid(
                field,
                text,
                "Năm phải có đủ 4 chữ số (ví dụ 1998, không phải 98).",
                "The year needs all 4 digits (e.g. 1998, not 98).",
            )
        year = int(year_text)
    elif match := _ISO.fullmatch(text):
        year_text, month, day = match.groups()
        year = int(year_text)
    else:
        raise _invalid(field, text, _HINT_VI, _HINT_EN)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _range_error(field, text)
    try:
        return date(year, int(month), int(day))
    except ValueError:
        raise _invalid(
            field,
            text,
            f"Không có ngày {int(day)} tháng {int(month)} năm {year} trong lịch.",
            f"There is no day {int(day)} in month {int(month)} of {year}.",
        ) from None


def _range_error(field: str, shown: str) -> ValidationError:
    return _invalid(
        field,
        shown,
        f"Năm phải từ {MIN_YEAR} đến {MAX_YEAR}.",
        f"The year must be between {MIN_YEAR} and {MAX_YEAR}.",
    )


def _in_range(value: date, field: str, shown: str | None = None) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise _range_error(field, format_date(value) if shown is None else shown)
    return value


def parse_optional_date(value: object, field: str = "date") -> date | None:
    """Like :func:`parse_date`, but an empty value (None, "", spaces) is ``None``."""
    if value.__class__ is date:  # a date cell, the usual value: what parse_date would do
        return _in_range(value, field)
    if value is None or (isinstance(value, str) and not clean_text(value)):
        return None
    return parse_date(value, field)


def format_date(d: date | None) -> str:
    """Show a date the Vietnamese way, "dd/mm/yyyy"; ``None`` is ""."""
    if d is None:
        return ""
    # Not strftime: its %Y is platform-dependent for small years and locale-sensitive.
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_local_time(stamp: str) -> str:
    """"2026-12-06T17:37:58Z" (UTC, as stored in files) -> "07/12/2026 00:37" on this
    computer's clock: the way a clerk reads a time. Unreadable text is returned as it is."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return str(stamp)
    if moment.tzinfo is None:  # no zone written: the files' times are UTC
        from datetime import UTC

        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def parse_year(value: object, field: str = "birth_year") -> int:
    """Return a birth year (1900 .. this year) from a number, text or date."""
    if isinstance(value, date):
        year: int | None = value.year
    elif isinstance(value, numbers.Real | Decimal) and not isinstance(value, bool):
        year = int(value) if math.isfinite(float(value)) and float(value).is_integer() else None
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", clean_text(value))
        year = int(text) if re.fullmatch(r"[0-9]{4}", text) else None
    else:
        year = None
    this_year = date.today().year
    if year is None or not MIN_YEAR <= year <= this_year:
        shown = clean_text(str(value)) if value is not None else ""
        raise ValidationError(
            field,
            f"Năm sinh không hợp lệ: “{shown}”: hãy nhập đủ 4 chữ số, "
            f"từ {MIN_YEAR} đến {this_year}.",
            f"Invalid birth year: “{shown}”: enter all 4 digits, from {MIN_YEAR} to {this_year}.",
        )
    return year
