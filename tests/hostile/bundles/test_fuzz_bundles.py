"""Fuzzing the bundle reader and the merge with signed, mutated bundles (hypothesis).

A trusted commune's real keys sign whatever hypothesis makes of a valid bundle: records with
values replaced, keys dropped or added, versions and origins moved, manifests with odd
sequence numbers, "have" vectors and counts, and files with bytes flipped or cut off. Every
outcome must be success or a typed project error (``UserError``), never another exception,
and a refused file must leave the database exactly as it was. Bounded: a few dozen examples
per property, so the whole file runs in well under a minute.
"""

from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sonla_desktop.errors import UserError
from sonla_desktop.services.sync import export_bundle, import_bundle
from sonla_desktop.services.workers import create_worker
from sonla_desktop.sync.hlc import MAX_COUNTER, MAX_MS, format_version
from tests.conftest import dump_database
from tests.hostile.bundles.hostile_corpus import (
    event_record,
    forge,
    loan_record,
    now_ms,
    worker_record,
)
from tests.sync_db.sync_helpers import COMMUNE_A, person


def fuzz(examples: int):
    # derandomize: CI runs the same examples every time (a failure is reproducible);
    # no deadline: an import takes tens of milliseconds, more on a busy CI machine.
    return settings(max_examples=examples, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


DROP = object()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=6)
# Text that looks like data: letters, marks, spaces, and the characters that break things.
nasty_text = st.text(alphabet=st.sampled_from(
    list("aăâđêôơưAĐ ̣̀́̃̉0123456789,.-") + ["\x00", "\x07", "\x1b", "\t", "\n", "\r", "\u200b",
                                         "\u202e", "\u2066", "\ufeff", "\x85", "\ud800"]),
    max_size=200)


def outcome(node, path) -> str:
    """Import ``path``: 'ok', or 'refused' with the database unchanged; anything else fails."""
    before = dump_database(node.db)
    try:
        import_bundle(node.ctx, path)
    except UserError as err:
        assert err.vi and err.en
        assert dump_database(node.db) == before, "a refused bundle changed the database"
        return "refused"
    return "ok"


def still_works(network, usb) -> None:
    hub = network["hub"]
    create_worker(hub.ctx, person(COMMUNE_A))
    export_bundle(hub.ctx, usb / f"after-{uuid.uuid4()}.sldsync", to=network["a"].id)


@st.composite
def mutations(draw, keys: list[str]):
    """A few (key, new value) changes; DROP removes the key."""
    out = []
    for _ in range(draw(st.integers(1, 3))):
        key = draw(st.sampled_from([*keys, "extra_column"]))
        value = draw(st.one_of(json_values, nasty_text, st.just(DROP),
                               st.builds(lambda ms, c, o: format_version(ms, c, o),
                                         st.integers(0, MAX_MS), st.integers(0, MAX_COUNTER),
                                         st.sampled_from(["a", "b", "hub"]))))
        out.append((key, value))
    return out


def _apply(record: dict, changes, network) -> dict:
    record = dict(record)
    for key, value in changes:
        if value is DROP:
            record.pop(key, None)
        elif isinstance(value, str) and value[-2:] in ("-a", "-b") or str(value).endswith("-hub"):
            node = value.rsplit("-", 1)[1]
            record[key] = value.rsplit("-", 1)[0] + "-" + network[node].id
        else:
            record[key] = value
    return record


def test_mutated_records_are_taken_or_refused_whole(network, usb):
    base = worker_record(network, usb)
    loan = loan_record(network, base["id"])
    event = event_record(network)
    templates = [base, loan, event]

    @fuzz(60)
    @given(st.data())
    def check(data):
        which = data.draw(st.sampled_from(range(len(templates))))
        rec = templates[which]
        changes = data.draw(mutations(sorted(rec)))
        mutated = _apply(rec, changes, network)
        mutated["id"] = str(uuid.uuid4())
        records = [dict(base, id=str(uuid.uuid4()), version=format_version(
            now_ms(), 1, network["a"].id))] if which == 1 else []
        if which == 1:
            mutated["worker_id"] = records[0]["id"] if mutated.get("worker_id") == base[
                "id"] else mutated.get("worker_id")
        records.append(mutated)
        if data.draw(st.booleans()):
            # A record that is not even a record (our writer signs only JSON objects).
            records = [data.draw(st.dictionaries(st.text(max_size=8), json_values,
                                                 max_size=4))] + records
        outcome(network["hub"], forge(network, usb, records, ascii_json=True))

    check()
    still_works(network, usb)


def test_mutated_manifests_are_taken_or_refused_whole(network, usb):
    base = worker_record(network, usb)
    ids = [network[k].id for k in ("a", "b", "hub")] + ["not-a-node"]
    have = st.dictionaries(
        st.sampled_from(ids),
        st.builds(format_version, st.integers(0, MAX_MS), st.integers(0, MAX_COUNTER),
                  st.sampled_from(ids)) | json_values, max_size=4) | json_values
    fields = st.fixed_dictionaries({}, optional={
        "sequence": st.integers(0, 2**63), "have": have,
        "counts": st.dictionaries(st.sampled_from(["worker", "event", "x"]),
                                  st.integers(-3, 2**40) | json_values, max_size=3),
        "to": st.sampled_from(ids) | json_values, "full": json_values,
        "previous_bundle_sha256": json_values, "created": json_values})

    @fuzz(30)
    @given(fields)
    def check(extra):
        record = dict(base, id=str(uuid.uuid4()))
        try:
            path = forge(network, usb, [record], ascii_json=True, manifest_fields=extra)
        except ValueError:
            return  # our own writer refuses to sign it (e.g. a sequence that is not an int)
        outcome(network["hub"], path)

    check()
    still_works(network, usb)


def test_damaged_files_are_refused_in_words(network, usb):
    base = worker_record(network, usb)
    genuine = forge(network, usb, [base]).read_bytes()

    @fuzz(30)
    @given(st.lists(st.tuples(st.integers(0, len(genuine) - 1), st.integers(1, 255)),
                    min_size=1, max_size=4), st.integers(0, len(genuine)))
    def check(flips, cut):
        raw = bytearray(genuine[:cut] if cut > 20 else genuine)
        for offset, xor in flips:
            if offset < len(raw):
                raw[offset] ^= xor
        path = usb / f"damaged-{uuid.uuid4()}.sldsync"
        path.write_bytes(bytes(raw))
        outcome(network["hub"], path)

    check()
    still_works(network, usb)
