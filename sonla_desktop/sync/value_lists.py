"""Offices on different program versions: a NEW VALUE of a closed list (a worker status, a
loan status, a consent method...), as ``extra.py`` is for a new column.

Every record that arrives goes through the form's own rules (``inbound``), and a value
outside one of this program's closed lists refuses the whole bundle: right for a hostile or
buggy peer, but a newer program that added a value would block every older office it sends
to, with every unrelated record, until that office upgrades. So each bundle's manifest says
which version of the closed lists its program has (``VALUE_LISTS``, manifest key
``value_lists``; a manifest without it counts as 0, older than any list here):

* **The sender's version is higher than ours** and a record's only faults are values
  outside our lists (the record passes every rule once each such value is replaced by some
  value we know: ``only_unknown_values``): the record is set aside, not applied, and asked
  for again by id until it imports (``newer_values``); the rest of the bundle imports.
* **The same or a lower version**: a value outside our lists is a fault like any other and
  refuses the bundle, as before.

**Rule for every future release** (``tests/sync_db/test_value_lists.py`` holds the code to
it against ``tests/sync_db/sync_value_lists.json``, which keeps the lists of every version):
adding a value to a list below raises ``VALUE_LISTS`` by one, then
``python -m sonla_desktop.sync.value_lists tests/sync_db/sync_value_lists.json`` records
the new version's lists; a value is never removed from a list that travels (offices not yet
upgraded keep sending it): the form stops offering it instead. A new synced column with a
closed list is added to ``closed_lists`` (and so raises ``VALUE_LISTS`` too).
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain import (
    events,
    identity,
    loan_application,
    loan_rules,
    person_rights,
    worker_rules,
)
from ..errors import SyncError, UserError
from . import conflict_rules, inbound_rules

VALUE_LISTS = 1
MANIFEST_KEY = "value_lists"
_MAX_VERSION = 1_000_000
# Records with several unknown values try at most this many combinations of known ones.
_MAX_TRIES = 500
# Lists that travel and are checked, but whose unknown values are taken as they are: an
# inbox entry's reason only labels it (services.sync_conflicts shows "another reason").
SHOWN_ONLY = frozenset({("conflict", "reason")})


def closed_lists() -> dict[str, dict[str, tuple[str, ...]]]:
    """Per synced table and column, the values its sync check accepts (read at call time
    from the very constants the rules use)."""
    value_kinds = sorted({k for kinds in loan_rules.VALUE_KINDS.values() for k in kinds})
    return {
        "worker": {"sex": identity.SEX_CODES, "household": worker_rules.HOUSEHOLD_STATUSES,
                   "status": worker_rules.WORKER_STATUSES},
        "loan_application": {"status": loan_application.LOAN_STATUSES},
        "loan_cost_line": {"kind": loan_application.COST_KINDS},
        "attendance": {"consent_method": ("", *events.CONSENT_METHODS)},
        "consent": {"method": person_rights.CONSENT_METHODS},
        "admin_unit": {"kind": inbound_rules.ADMIN_UNIT_KINDS},
        "transfer": {"status": inbound_rules.TRANSFER_STATUSES},
        "loan_rule": {"kind": loan_rules.RULE_KINDS, "value_kind": tuple(value_kinds),
                      "conditions": (loan_rules.ANY, *loan_rules.FACTS)},
        "conflict": {"resolution": conflict_rules.RESOLUTIONS,
                     "reason": tuple(conflict_rules.RULES)},
        "possible_duplicate": {"status": conflict_rules.DUPLICATE_STATUSES},
    }


def _atoms(table: str, column: str, value: Any) -> list[str]:
    """The words of a value that must each be in the list (one, but for a loan rule's
    conditions: "poor and kinh or any")."""
    if table == "loan_rule" and column == "conditions":
        words = " ".join(str(value or "").split()).lower()
        if not words:
            return []
        return [f.strip() for part in words.split(" or ") for f in part.split(" and ")]
    return [value]


def unknown_columns(table: str, values: dict) -> list[str]:
    """The record's columns holding a value outside this program's closed lists."""
    lists = closed_lists().get(table, {})
    return [c for c, allowed in lists.items() if (table, c) not in SHOWN_ONLY
            and c in values and any(a not in allowed for a in _atoms(table, c, values[c]))]


def only_unknown_values(table: str, values: dict, check: Callable[[dict], None]
                        ) -> dict | None:
    """Are the record's only faults values outside our closed lists? Returns a copy of the
    record with each such value replaced by one we know, for the first choice of them that
    ``check`` (the table's rule, raising on a fault) passes; None if there is no such choice
    or no such value. ``values`` itself is left as it is."""
    columns = unknown_columns(table, values)
    if not columns:
        return None
    lists = closed_lists()[table]
    # A loan rule's conditions: "any" stands for every unknown fact at once.
    choices = [lists[c] if (table, c) != ("loan_rule", "conditions") else (lists[c][0],)
               for c in columns]
    for picked in itertools.islice(itertools.product(*choices), _MAX_TRIES):
        trial = {**values, **dict(zip(columns, picked, strict=True))}
        try:
            check(trial)
        except UserError:  # the rule refuses this choice too: try the next one
            continue
        return trial
    return None


def check_manifest(manifest: dict) -> int:
    """The sender's version of the closed lists (0: a program from before this rule); an
    absurd one refuses the file."""
    found = manifest.get(MANIFEST_KEY, 0)
    if not isinstance(found, int) or isinstance(found, bool) or not 0 <= found <= _MAX_VERSION:
        raise SyncError(
            "Bản kê khai của tệp đồng bộ có phiên bản danh mục giá trị (value_lists) không "
            "hợp lệ.",
            "The sync file's manifest has an invalid version of the value lists "
            "(value_lists).")
    return found


def snapshot() -> dict[str, list[str]]:
    """Every list as ``table.column`` -> sorted values, as the baseline file keeps them."""
    return {f"{table}.{column}": sorted(values)
            for table, columns in sorted(closed_lists().items())
            for column, values in sorted(columns.items())}


def write_baseline(path: Path) -> str:
    """Add this version's lists to the baseline file (``tests/sync_db/sync_value_lists.json``:
    version -> lists, one entry per version ever released). Refuses to change the entry of
    a version already there: a changed list needs a new ``VALUE_LISTS``."""
    history = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    key, now = str(VALUE_LISTS), snapshot()
    if key in history and history[key] != now:
        raise SystemExit(f"{path}: the lists of VALUE_LISTS = {key} are already recorded and "
                         f"differ: raise VALUE_LISTS to {VALUE_LISTS + 1} in {__file__} first.")
    history[key] = now
    path.write_text(json.dumps(history, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")
    return key


if __name__ == "__main__":  # python -m sonla_desktop.sync.value_lists tests/sync_db/...json
    print(f"VALUE_LISTS {write_baseline(Path(sys.argv[1]))} recorded in {sys.argv[1]}")


__all__ = ["MANIFEST_KEY", "VALUE_LISTS", "check_manifest", "closed_lists",
           "only_unknown_values", "snapshot", "unknown_columns", "write_baseline"]
