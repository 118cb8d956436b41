"""Dates as typed by clerks and as stored by Excel."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sonla_desktop.domain.dates import format_date, parse_date, parse_optional_date, parse_year
from sonla_desktop.errors import ValidationError


def date_error(value: object, field: str = "date") -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        parse_date(value, field)
    assert caught.value.field == field
    assert caught.value.vi.startswith("Ngày không hợp lệ: ")
    return caught.value


# ------------------------------------------------------------------------------------------
# Text
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "25/03/1998",
        "25/3/1998",
        "25-03-1998",
        "25.03.1998",
        "1998-03-25",
        "1998-3-25",
        "  25/03/1998\u00a0",
        "25 / 03 / 1998",
        "1998-03-25 00:00:00",  # str() of an Excel datetime pasted as text
        "1998-03-25T00:00",
        "２５／０３／１９９８",  # full-width, from some input methods
    ],
)
def test_accepted_text_forms(text: str) -> None:
    assert parse_date(text) == date(1998, 3, 25)


def test_day_comes_first() -> None:
    # 03/04 is the 3rd of April in Vietnam, never March 4th.
    assert parse_date("03/04/2025") == date(2025, 4, 3)
    assert parse_date("5/3/2001") == date(2001, 3, 5)


@pytest.mark.parametrize(
    "text", ["31/02/2025", "29/02/2025", "31/04/2024", "00/01/2025", "12/13/2025"]
)
def test_impossible_dates_are_refused(text: str) -> None:
    err = date_error(text)
    assert "trong lịch" in err.vi
    assert "no day" in err.en


def test_leap_day_of_a_leap_year_is_accepted() -> None:
    assert parse_date("29/02/2024") == date(2024, 2, 29)
    assert parse_date("29/02/2000") == date(2000, 2, 29)


@pytest.mark.parametrize("text", ["01/02/98", "1/2/25", "01-02-098", "98-03-25"])
def test_short_years_are_refused_not_guessed(text: str) -> None:
    assert "4 chữ số" in date_error(text).vi


@pytest.mark.parametrize(
    "text", ["", "   ", "hôm qua", "25/03", "25/03-1998", "1998/03/25", "25031998"]
)
def test_garbage_is_refused(text: str) -> None:
    err = date_error(text)
    assert "ngày/tháng/năm" in err.vi


@pytest.mark.parametrize("text", ["31/12/1899", "01/01/2101", "1850-06-01"])
def test_years_outside_1900_2100_are_refused(text: str) -> None:
    assert "1900" in date_error(text).vi


def test_the_field_name_is_carried_by_the_error() -> None:
    err = date_error("31/02/2025", field="birth_date")
    assert "31/02/2025" in err.vi and "31/02/2025" in err.en


# ------------------------------------------------------------------------------------------
# date, datetime, Excel serials
# ------------------------------------------------------------------------------------------


def test_date_and_datetime_objects() -> None:
    assert parse_date(date(2025, 1, 1)) == date(2025, 1, 1)
    parsed = parse_date(datetime(2025, 1, 1, 13, 45))
    assert parsed == date(2025, 1, 1) and type(parsed) is date
    date_error(date(1800, 1, 1))


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),  # the day after Excel's fake 29/02/1900
        (45658, date(2025, 1, 1)),
        (35879, date(1998, 3, 25)),
        (45658.75, date(2025, 1, 1)),  # 18:00 on that day
        (Decimal("45658"), date(2025, 1, 1)),
    ],
)
def test_excel_serial_numbers(serial: float, expected: date) -> None:
    assert parse_date(serial) == expected


def test_excel_fake_leap_day_is_refused() -> None:
    assert "29/02/1900" in date_error(60).vi


@pytest.mark.parametrize("serial", [0, -1, 0.5, float("nan"), float("inf"), 10**12, 73051 + 366])
def test_excel_serials_out_of_range_are_refused(serial: float) -> None:
    date_error(serial)


def test_last_excel_serial_in_range() -> None:
    assert parse_date(73415) == date(2100, 12, 31)
    date_error(73416)


@pytest.mark.parametrize("value", [None, True, [2025, 1, 1], object()])
def test_other_types_are_refused(value: object) -> None:
    date_error(value)


@given(st.dates(date(1900, 3, 1), date(2100, 12, 31)))
def test_excel_serial_matches_excel_epoch(d: date) -> None:
    # From 1 March 1900 on, Excel's serial is the day count from 30 December 1899.
    assert parse_date((d - date(1899, 12, 30)).days) == d


# ------------------------------------------------------------------------------------------
# parse_optional_date, format_date
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("empty", [None, "", "  ", "\u00a0"])
def test_empty_optional_date_is_none(empty: str | None) -> None:
    assert parse_optional_date(empty) is None


def test_optional_date_still_validates_what_is_there() -> None:
    assert parse_optional_date("01/06/2025") == date(2025, 6, 1)
    with pytest.raises(ValidationError) as caught:
        parse_optional_date("31/06/2025", field="departure_date")
    assert caught.value.field == "departure_date"


def test_format_date() -> None:
    assert format_date(date(2025, 1, 5)) == "05/01/2025"
    assert format_date(date(1998, 12, 25)) == "25/12/1998"
    assert format_date(None) == ""


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)))
def test_format_then_parse_round_trips(d: date) -> None:
    assert parse_date(format_date(d)) == d
    assert parse_date(d.isoformat()) == d
    assert parse_date(f"{d.day}.{d.month}.{d.year}") == d


@given(st.dates(date(1900, 1, 1), date(2100, 12, 30)))
def test_day_after_format_is_later(d: date) -> None:
    # Guards against day/month swaps: the next day always parses to a later date.
    assert parse_date(format_date(d + timedelta(days=1))) > parse_date(format_date(d))


# ------------------------------------------------------------------------------------------
# parse_year
# ------------------------------------------------------------------------------------------


def test_parse_year_accepts_numbers_text_and_dates() -> None:
    assert parse_year(1998) == 1998
    assert parse_year(1998.0) == 1998
    assert parse_year(" 1998 ") == 1998
    assert parse_year(date(1998, 3, 25)) == 1998
    assert parse_year(date.today().year) == date.today().year


@pytest.mark.parametrize(
    "value",
    [98, "98", "1899", 1899, date.today().year + 1, "199 8", "năm 1998", 1998.5, None, True],
)
def test_parse_year_refuses_impossible_birth_years(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_year(value)
    assert caught.value.field == "birth_year"
    assert "1900" in caught.value.vi and str(date.today().year) in caught.value.vi


def test_parse_year_field_name() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_year("abc", field="year")
    assert caught.value.field == "year"
