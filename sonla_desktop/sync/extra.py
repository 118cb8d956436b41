"""Offices on different program versions: columns one side has and the other has not.

The province cannot upgrade 75 communes on one day, so a bundle from another version must
import. Two rules, for columns of a synced table (a new kind of record, a new table, is
still refused whole: the message asks for the program to be updated):

* **A column the sender lacks** (an older program wrote the file): the sender cannot have
  changed it, so the row keeps this database's value; a row new here takes the column's
  default (``complete``). A new synced column must therefore be nullable or have a plain
  default: ``tests/sync_db/test_version_skew.py`` holds every column added after the
  first sync format to that.
* **A column this program lacks** (a newer program wrote the file): its value is checked
  (a plain JSON value, text without control characters and not longer than an Excel cell,
  at most ``MAX_EXTRA_COLUMNS`` such columns) and kept in ``sync_extra`` beside the row,
  sent on with the row in every bundle from here (``for_export``), even after a local edit
  (this program cannot have changed it). Dropping it instead would lose it for good: the
  row's version would say everyone has it, so no later bundle would bring it again. The
  upgrade that adds the column moves the values in with ``adopt``.

A record that loses against the row here brings nothing: its extra columns are as old as
the rest of it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy import column as column_clause
from sqlalchemy import table as table_clause
from sqlalchemy.orm import Session

from ..domain.text import MAX_TEXT_LENGTH, bad_character
from ..models import SyncExtra

MAX_EXTRA_COLUMNS = 32
_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")
_INT_LIMIT = 2**63


def check_extra(name: str, value: Any) -> str | None:
    """Why an unknown column cannot be kept (English reason, as ``records`` words them), or
    None: only names and values a column of ours could have."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        return "not a column name"
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return None if -_INT_LIMIT <= value < _INT_LIMIT else "out of range"
    if isinstance(value, str):
        if len(value) > MAX_TEXT_LENGTH:
            return "too long"
        return "control character" if bad_character(value) is not None else None
    return "not a plain value"


def complete(columns: Iterable, values: dict, local: dict | None) -> list[str]:
    """Fill the columns ``values`` lacks from ``local`` (the row here) or, for a new row,
    from the column's default; return the names that have neither."""
    unfilled = []
    for col in columns:
        name = col.name
        if name in values:
            continue
        if local is not None:
            values[name] = local[name]
        elif col.has_default:
            values[name] = col.default
        else:
            unfilled.append(name)
    return unfilled


def _load(session: Session, table: str, ids: list[str]) -> dict[str, dict]:
    found = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row_id, text in session.execute(
                select(SyncExtra.row_id, SyncExtra.columns).where(
                    SyncExtra.table_name == table, SyncExtra.row_id.in_(chunk))):
            found[row_id] = json.loads(text)
    return found


def keep(session: Session, table: str, applied: dict[str, dict]) -> None:
    """Rows just written from records that carried extra columns: each column's value
    replaces the one kept, columns the record did not carry stay."""
    if not applied:
        return
    old = _load(session, table, list(applied))
    for row_id, columns in applied.items():
        merged = {**old.get(row_id, {}), **columns}
        text = json.dumps(merged, ensure_ascii=False, sort_keys=True)
        if row_id in old:
            session.execute(update(SyncExtra).where(
                SyncExtra.table_name == table, SyncExtra.row_id == row_id).values(columns=text))
        else:
            session.add(SyncExtra(table_name=table, row_id=row_id, columns=text))
    session.flush()


def for_export(session: Session, table: str, known: frozenset[str]) -> dict[str, dict]:
    """Every kept column of ``table``'s rows (by row id), without any this program has
    come to know meanwhile (those travel as the row's own columns)."""
    out = {}
    for row_id, text in session.execute(
            select(SyncExtra.row_id, SyncExtra.columns).where(SyncExtra.table_name == table)):
        columns = {k: v for k, v in json.loads(text).items() if k not in known}
        if columns:
            out[row_id] = columns
    return out


def forget(session: Session, row_ids: Iterable[str]) -> None:
    """Drop what is kept for these rows (a person's erasure)."""
    ids = list(row_ids)
    for start in range(0, len(ids), 500):
        session.execute(delete(SyncExtra).where(SyncExtra.row_id.in_(ids[start:start + 500])))


def adopt(connection: Connection, table: str, column: str) -> int:
    """For the migration that adds ``column`` to ``table``: move the kept values into it
    (rows still here only) and out of ``sync_extra``; returns how many rows took a value.
    The migration must add the column first; the values are the newer program's own."""
    rows = connection.execute(
        select(SyncExtra.row_id, SyncExtra.columns).where(SyncExtra.table_name == table)
    ).all()
    taken = 0
    for row_id, text in rows:
        columns = json.loads(text)
        if column not in columns:
            continue
        value = columns.pop(column)
        target = table_clause(table, column_clause("id"), column_clause(column))
        result = connection.execute(
            update(target).where(target.c.id == row_id).values({column: value}))
        taken += result.rowcount or 0
        if columns:
            connection.execute(update(SyncExtra).where(
                SyncExtra.table_name == table, SyncExtra.row_id == row_id).values(
                columns=json.dumps(columns, ensure_ascii=False, sort_keys=True)))
        else:
            connection.execute(delete(SyncExtra).where(
                SyncExtra.table_name == table, SyncExtra.row_id == row_id))
    return taken
