"""Synced rows as bundle records: JSON-safe encoding and strict decoding with checks.

A record is one row of a synced table as a flat JSON object: every column of the table
(``id``, ``origin``, ``version``, ``deleted``, ``created_at``, ``updated_at`` included) plus
``"table"``. Dates are ``YYYY-MM-DD``, timestamps ISO 8601 without a time zone (naive UTC, as
stored), decimals the text of the exact number, money plain integers.

Decoding trusts nothing: an unknown table, a missing sync column, wrong types, text longer
than the column, a version that does not belong to its origin are all refused with a
sentence naming the line, the table and the column. Other columns may be missing or extra in
a bundle from another program version; ``sync/extra.py`` says what happens to them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Integer, String, Table, Text

from ..domain.worker_rules import DERIVED_FIELDS
from ..errors import SyncError
from ..models import SYNC_COLUMNS, SYNCED_MODELS
from ..models.base import DecimalText
from .extra import MAX_EXTRA_COLUMNS, check_extra, complete
from .hlc import parse_version
from .keys import NODE_ID_RE

TABLE_KEY = "table"
# Columns that say who wrote a row and when: not part of what a person would call "the data".
META_COLUMNS = ("origin", "version", "created_at", "updated_at")
# Derived on every node from the other columns (domain.worker_rules), so not compared.
DERIVED_COLUMNS = {"worker": DERIVED_FIELDS}

_INT_RANGE = {Integer: 2**31, BigInteger: 2**63}
_DECIMAL_RE = re.compile(r"-?\d{1,20}(\.\d{1,12})?")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?")


def _record_error(line: int, table: str, vi: str, en: str) -> SyncError:
    where_vi = f"bản ghi {line}" + (f" (bảng {table})" if table else "")
    where_en = f"record {line}" + (f" (table {table})" if table else "")
    return SyncError(
        f"Tệp đồng bộ có dữ liệu không hợp lệ ở {where_vi}: {vi}. Không nhập gì cả.",
        f"The sync file holds invalid data in {where_en}: {en}. Nothing was imported.",
    )


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # str | int | bool | date | datetime | decimal
    nullable: bool
    max_length: int | None = None
    int_limit: int | None = None
    # What a row new here gets when a record from an older program lacks the column
    # (sync/extra.py): None for a nullable column, else the model's plain default if any.
    has_default: bool = False
    default: Any = None


def _column(col) -> Column:
    t = col.type
    nullable = bool(col.nullable) and not col.primary_key
    fill: dict[str, Any] = {}
    if nullable:
        fill = {"has_default": True, "default": None}
    elif col.default is not None and col.default.is_scalar and col.name not in SYNC_COLUMNS:
        fill = {"has_default": True, "default": col.default.arg}
    if isinstance(t, DecimalText):
        return Column(col.name, "decimal", nullable, 32, **fill)
    if isinstance(t, Boolean):
        return Column(col.name, "bool", nullable, **fill)
    if isinstance(t, DateTime):
        return Column(col.name, "datetime", nullable, **fill)
    if isinstance(t, Date):
        return Column(col.name, "date", nullable, **fill)
    if isinstance(t, BigInteger | Integer):
        limit = _INT_RANGE[BigInteger] if isinstance(t, BigInteger) else _INT_RANGE[Integer]
        return Column(col.name, "int", nullable, int_limit=limit, **fill)
    if isinstance(t, String | Text):
        return Column(col.name, "str", nullable, getattr(t, "length", None), **fill)
    raise TypeError(f"no sync codec for column {col} of type {t!r}")


@dataclass(frozen=True)
class TableSpec:
    name: str
    table: Table
    columns: tuple[Column, ...]
    order: int  # position in SYNCED_MODELS: parents before children

    # Cached: asked once per record of every bundle (the hub reads 400,000 of them).
    @cached_property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @cached_property
    def column_set(self) -> frozenset[str]:
        return frozenset(self.column_names)

    @cached_property
    def data_columns(self) -> tuple[str, ...]:
        """Columns whose values a person would compare: not metadata, not derived."""
        skip = set(META_COLUMNS) | set(DERIVED_COLUMNS.get(self.name, ()))
        return tuple(c.name for c in self.columns if c.name not in skip)


def _build_specs() -> dict[str, TableSpec]:
    specs = {}
    for order, model in enumerate(SYNCED_MODELS):
        table = model.__table__
        columns = tuple(_column(c) for c in table.columns)
        missing = set(SYNC_COLUMNS) - {c.name for c in columns}
        if missing:
            raise TypeError(f"{table.name} lacks sync columns {missing}")
        specs[table.name] = TableSpec(table.name, table, columns, order)
    return specs


TABLES: dict[str, TableSpec] = _build_specs()
TABLE_ORDER: tuple[str, ...] = tuple(TABLES)


# --- encoding -------------------------------------------------------------------------------


def _encode_value(kind: str) -> Callable[[Any], Any] | None:
    if kind in ("date", "datetime"):
        return lambda v: None if v is None else v.isoformat()
    if kind == "decimal":
        return lambda v: None if v is None else format(Decimal(v).normalize(), "f")
    return None


def row_encoder(spec: TableSpec) -> Callable[[Any], dict]:
    """A fast function turning a Core row (all columns, table order) into a record."""
    names = spec.column_names
    convert = [(i, fn) for i, c in enumerate(spec.columns) if (fn := _encode_value(c.kind))]
    table = spec.name

    def encode(row: Any) -> dict:
        values = list(row)
        for i, fn in convert:
            values[i] = fn(values[i])
        record = dict(zip(names, values, strict=True))
        record[TABLE_KEY] = table
        return record

    return encode


def encode_values(spec: TableSpec, values: dict) -> dict:
    """A record from a dict of python values (e.g. a row read through the ORM)."""
    record = {}
    for c in spec.columns:
        fn = _encode_value(c.kind)
        v = values[c.name]
        record[c.name] = fn(v) if fn else v
    record[TABLE_KEY] = spec.name
    return record


# --- decoding -------------------------------------------------------------------------------


def _decode_value(col: Column, value: Any) -> Any:
    """The python value, or raise ValueError with an English reason (translated by caller)."""
    if value is None:
        if not col.nullable:
            raise ValueError("empty")
        return None
    kind = col.kind
    if kind == "str":
        if not isinstance(value, str):
            raise ValueError("not text")
        if col.max_length is not None and len(value) > col.max_length:
            raise ValueError("too long")
        if "\x00" in value:
            raise ValueError("control character")
        return value
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError("not an integer")
        if not -col.int_limit <= value < col.int_limit:
            raise ValueError("out of range")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError("not true/false")
        return value
    if not isinstance(value, str):
        raise ValueError("not text")
    if kind == "date":
        if not _DATE_RE.fullmatch(value):
            raise ValueError("not a date")
        return date.fromisoformat(value)
    if kind == "datetime":
        if not _DATETIME_RE.fullmatch(value):
            raise ValueError("not a timestamp")
        return datetime.fromisoformat(value)
    if kind == "decimal":
        if not _DECIMAL_RE.fullmatch(value):
            raise ValueError("not a decimal number")
        try:
            return Decimal(value)
        except InvalidOperation as exc:
            raise ValueError("not a decimal number") from exc
    raise AssertionError(kind)


_REASONS_VI = {
    "empty": "bị trống", "not text": "không phải văn bản", "too long": "quá dài",
    "control character": "chứa ký tự điều khiển", "not an integer": "không phải số nguyên",
    "out of range": "vượt giới hạn", "not true/false": "không phải đúng/sai",
    "not a date": "không phải ngày (YYYY-MM-DD)", "not a timestamp": "không phải thời điểm",
    "not a decimal number": "không phải số thập phân",
    "not a column name": "có tên không hợp lệ", "not a plain value": "không phải giá trị đơn",
}


def _other_version(record: dict, line: int, spec: TableSpec, keys: set[str],
                   extras: dict | None) -> None:
    """Columns that differ from this program's (a bundle from another program version,
    sync/extra.py): the sync columns are always required, unknown ones go to ``extras``
    after their check (or are refused where no ``extras`` is given)."""
    names = spec.column_set
    missing = names - keys
    unknown = keys - names
    absent = missing & set(SYNC_COLUMNS)
    if absent or (unknown and extras is None) or len(unknown) > MAX_EXTRA_COLUMNS:
        shown_missing = ", ".join(sorted(absent if not unknown or extras is not None
                                         else missing)) or "-"
        shown_extra = ", ".join(sorted(unknown)) or "-"
        raise _record_error(
            line, spec.name,
            f"cột không khớp (thiếu: {shown_missing}; thừa: {shown_extra}); tệp có thể do "
            "phiên bản chương trình khác tạo ra",
            f"columns do not match (missing: {shown_missing}; extra: {shown_extra}); the "
            "file may come from another program version",
        )
    for name in sorted(unknown):
        reason = check_extra(name, record[name])
        if reason is not None:
            raise _record_error(
                line, spec.name,
                f"cột {name} (của phiên bản chương trình khác) {_REASONS_VI.get(reason, reason)}",
                f"column {name} (of another program version) is {reason}",
            )
        extras[name] = record[name]


def decode_record(record: dict, line: int, extras: dict | None = None
                  ) -> tuple[TableSpec, dict]:
    """Check one record against the schema; return its table and python values.

    A record from another program version (sync/extra.py) may lack columns (they are
    absent from the values: the caller fills them) and, when ``extras`` is given, carry
    columns this program does not know (checked, then put in ``extras``)."""
    table = record.get(TABLE_KEY)
    spec = TABLES.get(table) if isinstance(table, str) else None
    if spec is None:
        raise _record_error(
            line, "", f"bảng {table!r} không thuộc dữ liệu đồng bộ",
            f"table {table!r} is not a synced table",
        )
    keys = set(record) - {TABLE_KEY}
    names = spec.column_set
    columns = spec.columns
    if keys != names:
        _other_version(record, line, spec, keys, extras)
        # From an older program: what it lacks is filled in by the merge (sync/extra.py).
        columns = tuple(c for c in columns if c.name in keys)
    values: dict[str, Any] = {}
    for col in columns:
        try:
            values[col.name] = _decode_value(col, record[col.name])
        except ValueError as exc:
            reason = str(exc)
            raise _record_error(
                line, spec.name, f"cột {col.name} {_REASONS_VI.get(reason, reason)}",
                f"column {col.name} is {reason}",
            ) from exc
    if not values["id"]:
        raise _record_error(line, spec.name, "thiếu mã bản ghi (id)", "the id is empty")
    origin = values["origin"]
    try:
        _, _, node = parse_version(values["version"])
    except ValueError as exc:
        raise _record_error(
            line, spec.name, "phiên bản (version) không đúng định dạng",
            "the version is not a clock version",
        ) from exc
    if not NODE_ID_RE.fullmatch(origin) or node != origin:
        raise _record_error(
            line, spec.name, "phiên bản không thuộc về đơn vị đã ghi (origin)",
            "the version does not belong to the unit that wrote it (origin)",
        )
    return spec, values


def decode_stored(text: str) -> tuple[TableSpec, dict]:
    """A record kept as text (an inbox entry's two versions, which travel between offices):
    from another program version it may lack columns, which take their defaults, or carry
    columns this program does not know, which a copy kept for reading can do without."""
    spec, values = decode_record(json.loads(text), 1, extras={})
    complete(spec.columns, values, None)
    return spec, values


def record_error(line: int, table: str, vi: str, en: str) -> SyncError:
    """The refusal for a record that passed the schema but breaks a rule."""
    return _record_error(line, table, vi, en)
