"""The rule that lets a later release add a value to a closed list that travels in sync
(sync/value_lists.py): every such list, as of the current ``VALUE_LISTS``, is in
``sync_value_lists.json`` beside this file, generated from the code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sonla_desktop.sync import value_lists
from sonla_desktop.sync.inbound_rules import RULES
from sonla_desktop.sync.records import TABLES

BASELINE = Path(__file__).with_name("sync_value_lists.json")
RECORD = "python -m sonla_desktop.sync.value_lists tests/sync_db/sync_value_lists.json"


def _history() -> list[tuple[int, dict[str, list[str]]]]:
    found = json.loads(BASELINE.read_text(encoding="utf-8"))
    return sorted((int(k), v) for k, v in found.items())


def test_a_changed_closed_list_raises_value_lists():
    """Fails when a list that travels changed while ``VALUE_LISTS`` stayed: older offices
    would then refuse whole bundles from this version instead of setting the record aside."""
    version, now = value_lists.VALUE_LISTS, value_lists.snapshot()
    recorded = dict(_history())
    assert version in recorded, (
        f"VALUE_LISTS = {version} is not recorded yet: run {RECORD}")
    changed = sorted(k for k in recorded[version].keys() | now.keys()
                     if recorded[version].get(k) != now.get(k))
    assert not changed, (
        f"The closed list(s) {', '.join(changed)} changed, but VALUE_LISTS is still {version}. "
        f"Raise VALUE_LISTS to {version + 1} in sonla_desktop/sync/value_lists.py, then run "
        f"{RECORD} (a new synced column with a closed list goes in value_lists.closed_lists).")
    assert max(recorded) == version, "VALUE_LISTS never goes down"


def test_no_value_is_ever_removed_from_a_list_that_travels():
    """Offices not yet upgraded keep sending it: a newer program would refuse their bundles.
    Stop offering the value in the form instead (docs/architecture.md)."""
    history = [*_history(), (value_lists.VALUE_LISTS + 1, value_lists.snapshot())]
    for (_, before), (version, after) in zip(history, history[1:], strict=False):
        for key, values in before.items():
            assert key in after, f"{key}: a closed list that travels must stay checked"
            gone = sorted(set(values) - set(after[key]))
            assert not gone, (f"{key}: never remove {gone} (VALUE_LISTS {version}); stop "
                              "offering them in the form instead")


def test_every_listed_column_is_a_synced_column_checked_on_arrival():
    lists = value_lists.closed_lists()
    for table, columns in lists.items():
        assert table in TABLES, table
        assert table in RULES or table in ("conflict", "possible_duplicate"), table
        for column in columns:
            assert column in TABLES[table].column_set, f"{table}.{column}"


@pytest.mark.parametrize(("table", "values", "unknown"), [
    ("worker", {"sex": "F", "household": "none", "status": "paused"}, ["status"]),
    ("worker", {"sex": "X", "household": "other", "status": "registered"},
     ["sex", "household"]),
    ("loan_rule", {"kind": "cap", "value_kind": "vnd", "conditions": "poor and disabled"},
     ["conditions"]),
    ("loan_rule", {"kind": "cap", "value_kind": "vnd", "conditions": " Poor  OR kinh "}, []),
    ("attendance", {"consent_method": ""}, []),
    ("conflict", {"resolution": "", "reason": "a_new_reason"}, []),  # shown, not set aside
])
def test_the_values_outside_the_lists_are_found(table, values, unknown):
    assert value_lists.unknown_columns(table, values) == unknown
