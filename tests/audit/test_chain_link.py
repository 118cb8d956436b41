"""The bulk chain writer (``audit_chain.link``, used by every append) gives exactly the hashes
``verify`` recomputes from ``canonical``: any difference would show every imported row as
tampered with."""

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from sonla_desktop.domain.audit_chain import GENESIS, ChainRow, link, row_hash, verify

_text = st.text(st.characters(codec="utf-8"), max_size=30)
_rows = st.lists(st.fixed_dictionaries({
    "id": _text, "at": st.datetimes(min_value=datetime(2000, 1, 1)), "user": _text,
    "node_id": _text, "action": _text, "entity": _text, "entity_id": _text, "changes": _text,
}), min_size=1, max_size=8)


@settings(max_examples=150, deadline=None)
@given(_rows, st.integers(min_value=0, max_value=10**9))
def test_linked_rows_hash_as_canonical_says(rows, start):
    linked = [dict(r) for r in rows]
    seq, prev = link(linked, start, GENESIS)
    expected_seq, expected_prev = start, GENESIS
    for row, out in zip(rows, linked, strict=True):
        expected_seq += 1
        chain_row = ChainRow(seq=expected_seq, prev_hash=expected_prev, **row)
        expected_prev = row_hash(chain_row)
        assert (out["seq"], out["prev_hash"], out["row_hash"]) == (
            expected_seq, chain_row.prev_hash, expected_prev)
    assert (seq, prev) == (expected_seq, expected_prev)


def test_a_linked_chain_verifies_and_a_changed_row_breaks_it():
    rows = [{"id": f"id-{i}", "at": datetime(2026, 12, 7, 2, 0, i), "user": "cán bộ \"A\"",
             "node_id": "n", "action": "create", "entity": "worker", "entity_id": f"w{i}",
             "changes": '{"village": [null, "Bản \\u00c1 \\n"]}'} for i in range(5)]
    head = link(rows, 0, GENESIS)
    as_stored = [(ChainRow(**{k: r[k] for k in r if k != "row_hash"}), r["row_hash"])
                 for r in rows]
    assert verify(as_stored, head) == (5, None)
    tampered = dict(rows[2], changes='{"village": [null, "Bản B"]}')
    as_stored[2] = (ChainRow(**{k: tampered[k] for k in tampered if k != "row_hash"}),
                    tampered["row_hash"])
    checked, broken = verify(as_stored, head)
    assert broken is not None and broken.seq == 3
