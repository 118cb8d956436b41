"""Helpers shared by command modules: open the database, print tables and JSON."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Sequence

from ..db import Database, open_database
from ..errors import UserError
from ..services.context import ServiceContext
from ..services.setup import is_initialised


def context(args: argparse.Namespace, require_init: bool = True) -> ServiceContext:
    # Only ``init`` creates a database: every other command opens an existing file, so a
    # mistyped --db makes neither a folder nor an empty database (exit 1 = nothing written).
    db: Database = open_database(args.db, must_exist=require_init)
    if require_init and not is_initialised(db):
        raise UserError(
            "Cơ sở dữ liệu chưa được khởi tạo: chạy “sonla-desktop init” trước.",
            "The database is not initialised: run “sonla-desktop init” first.")
    return ServiceContext(db, user=args.user)


def print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True))

    print(line(headers).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print(line(row).rstrip())
