"""Turning one cell's value into the kind its column holds (see ``domain.sheets``).

Each coercer takes the cell value as openpyxl gives it (str, int, float, datetime, bool;
never None: empty cells are handled before) and returns the clean value or raises
``ValidationError``. The domain rules (worker_rules, identity, dates) do the real checks;
this layer only deals with what Excel does to values: numbers in text columns, text in
number columns, "60.000.000" typed as text, percent cells, leading zeros.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from ...domain import sheets
from ...domain.dates import format_date, parse_date, parse_year
from ...domain.sheets import Column, parse_bool, value_key
from ...domain.text import MAX_TEXT_LENGTH, check_text, clean_multiline, clean_text
from ...errors import ValidationError

Coercer = Callable[[object], object]
Lookups = Mapping[str, Mapping[str, str]]

# Vietnamese digit grouping: dots (or commas, or spaces) every three digits.
_GROUPED = re.compile(r"[0-9]{1,3}(?:[.,  ][0-9]{3})+")
_MONEY_SUFFIX = re.compile(r"\s*(?:vnđ|vnd|đồng|đ|d)\.?$", re.IGNORECASE)


def _shown(value: object) -> str:
    if isinstance(value, datetime | date):
        return format_date(value if isinstance(value, date) else value.date())
    return clean_text(str(value))


def _text(value: object) -> str:
    if value.__class__ is str:  # most cells: skip the checks below
        return clean_text(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a village "12" typed into a number cell
    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    return clean_text(str(value))


def _multiline(value: object) -> str:
    return clean_multiline(str(value)) if isinstance(value, str) else _text(value)


def _raw(value: object) -> object:
    return clean_text(value) if isinstance(value, str) else value


def _checked(column: Column, clean: Coercer) -> Coercer:
    """``clean``, then the stored-text rule (no control characters, at most
    ``MAX_TEXT_LENGTH``) with the column's header in the message. Field-specific sizes are
    the domain rules' (``clean_worker`` and the like), checked after."""
    plain_text = clean is _text or clean is _raw

    def coerce(value: object) -> object:
        # Text cells (most cells) go straight to clean_text: one call less per cell.
        out = clean_text(value) if plain_text and value.__class__ is str else clean(value)
        if out.__class__ is str and (len(out) > MAX_TEXT_LENGTH or not out.isprintable()):
            check_text(column.field, out, MAX_TEXT_LENGTH, column.header, column.header)
        return out
    return coerce


def _whole_number(value: object, column: Column) -> int:
    if isinstance(value, bool):
        raise _not_number(value, column)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise _not_number(value, column)
    text = unicodedata.normalize("NFKC", clean_text(str(value)))
    if re.fullmatch(r"-?[0-9]+", text):
        return int(text)
    raise _not_number(value, column)


def _not_number(value: object, column: Column) -> ValidationError:
    return ValidationError(
        column.field, f"{column.header}: “{_shown(value)}” không phải là số nguyên.",
        f"{column.header}: “{_shown(value)}” is not a whole number.")


def _money(column: Column) -> Coercer:
    def coerce(value: object) -> int:
        if isinstance(value, str):
            text = _MONEY_SUFFIX.sub("", unicodedata.normalize("NFKC", clean_text(value)))
            if _GROUPED.fullmatch(text):
                text = re.sub(r"[.,  ]", "", text)
            value = text
        amount = _whole_number(value, column) if value != "" else None
        if amount is None:
            raise _not_number(value, column)
        if amount < 0:
            raise ValidationError(column.field, f"{column.header}: số tiền không được âm.",
                                  f"{column.header}: the amount cannot be negative.")
        return amount
    return coerce


def _int(column: Column) -> Coercer:
    return lambda value: _whole_number(value, column)


def _decimal(column: Column) -> Coercer:
    def coerce(value: object) -> Decimal:
        if isinstance(value, bool):
            raise _bad_decimal(value, column)
        if isinstance(value, int):
            return Decimal(value)
        if isinstance(value, float):
            # repr gives the shortest text that round-trips: 6.6, not 6.5999999999999996447
            return Decimal(repr(value))
        text = unicodedata.normalize("NFKC", clean_text(str(value))).rstrip("%").strip()
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise _bad_decimal(value, column) from None
        if not number.is_finite():
            raise _bad_decimal(value, column)
        return number
    return coerce


def _bad_decimal(value: object, column: Column) -> ValidationError:
    return ValidationError(
        column.field, f"{column.header}: “{_shown(value)}” không phải là số (ví dụ 6,6).",
        f"{column.header}: “{_shown(value)}” is not a number (e.g. 6.6).")


def _date(column: Column) -> Coercer:
    return lambda value: parse_date(value, column.field)


def _year(column: Column) -> Coercer:
    return lambda value: parse_year(value, column.field)


def _bool(column: Column) -> Coercer:
    def coerce(value: object) -> bool:
        result = parse_bool(value)
        if result is None:
            raise ValidationError(
                column.field, f"{column.header}: hãy ghi Có hoặc Không (đã ghi “{_shown(value)}”).",
                f"{column.header}: write Có (yes) or Không (no), not “{_shown(value)}”.")
        return result
    return coerce


def _choice(column: Column, table: Mapping[str, str]) -> Coercer:
    # A column of communes or statuses repeats a handful of words thousands of times:
    # fold each distinct cell value once.
    seen: dict[object, str] = {}

    def coerce(value: object) -> str:
        hit = seen.get(value)
        if hit is not None:
            return hit
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        found = table.get(value_key(value))
        if found is None:
            raise ValidationError(
                column.field,
                f"{column.header}: không có “{_shown(value)}” trong danh mục.",
                f"{column.header}: “{_shown(value)}” is not in the list.")
        if len(seen) < 10_000:
            seen[value] = found
        return found
    return coerce


def coercer(column: Column, lookups: Lookups) -> Coercer:
    kind = column.kind
    if kind.startswith("choice:"):
        table = kind.partition(":")[2]
        if table in lookups:
            return _choice(column, lookups[table])
        return _choice(column, sheets.static_lookup(table))
    return {
        sheets.TEXT: lambda c: _checked(c, _text),
        sheets.MULTILINE: lambda c: _checked(c, _multiline),
        sheets.RAW: lambda c: _checked(c, _raw),
        sheets.DATE: _date,
        sheets.INT: _int,
        sheets.MONEY: _money,
        sheets.DECIMAL: _decimal,
        sheets.YEAR: _year,
        sheets.BOOL: _bool,
    }[kind](column)
