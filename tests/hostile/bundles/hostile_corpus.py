"""Hostile sync bundles, made with a trusted commune's real keys and the real bundle writer.

Each case builds one bundle that commune a (trusted by the hub, confirmed for one commune)
could sign and hand over on a USB stick, and says which words the refusal must contain.
``test_hostile_bundles.py`` imports every case into a real hub database; run this file as a
script to write the whole corpus into a folder for a manual try with the command line::

    python tests/hostile/bundles/hostile_corpus.py /tmp/hostile

(it initialises a hub and two communes there, with their keys, and prints the commands).
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sonla_desktop.models import new_id
from sonla_desktop.services.sync_trust import node_keys, public_key_text
from sonla_desktop.services.workers import create_worker
from sonla_desktop.sync import bundle_file
from sonla_desktop.sync.bundle_file import read_records, verify_bundle
from sonla_desktop.sync.bundle_write import write_bundle
from sonla_desktop.sync.exporter import clock_sequence, have_vector
from sonla_desktop.sync.hlc import CLOCK_TOLERANCE_MS, MAX_COUNTER, MAX_MS, format_version
from sonla_desktop.sync.keys import parse_public
from sonla_desktop.sync.records import TABLES, encode_values

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # the repository, as a script
from tests.sync_db.sync_helpers import COMMUNE_A, COMMUNE_B, person  # noqa: E402

_sequence = itertools.count(clock_sequence() + 1)
_counter = itertools.count(1)
DAY_MS = 24 * 3600 * 1000


def now_ms() -> int:
    return int(datetime.now(UTC).timestamp() * 1000)


def version(node_id: str, ahead_ms: int = 0) -> str:
    """A clock version of ``node_id``, ``ahead_ms`` after now, unique within the run."""
    return format_version(now_ms() + ahead_ms, next(_counter), node_id)


def forge(network, folder: Path, records: list[dict], *, signer: str = "a", to: str = "hub",
          ascii_json: bool = False, manifest_fields: dict | None = None, **fields) -> Path:
    """A bundle signed and encrypted with ``signer``'s real keys, holding ``records``.

    ``ascii_json`` writes the records as ASCII JSON (``\\ud800`` escapes): the only way to
    put a lone surrogate in a bundle, which our own writer (UTF-8) cannot encode.
    """
    node, dest = network[signer], network[to]
    # Through the service: after an administrator's login the keys live in the vault.
    keys = node_keys(node.ctx)
    with node.db.session() as s:
        have = have_vector(s, node.id)
    counts: dict[str, int] = {}
    for r in records:
        if isinstance(r, dict) and isinstance(r.get("table"), str):
            counts[r["table"]] = counts.get(r["table"], 0) + 1
    manifest = {"sequence": next(_sequence), "previous_bundle_sha256": "0" * 64,
                "created": "2026-01-01T00:00:00Z", "to": dest.id, "recipients": [],
                "full": False, "have": have, "counts": counts, **fields,
                **(manifest_fields or {})}
    recipient = parse_public(public_key_text(dest.ctx)).age_recipient
    path = folder / f"hostile-{manifest['sequence']}.sldsync"
    saved = bundle_file._CANONICAL
    if ascii_json:
        bundle_file._CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"))
    try:
        write_bundle(path, manifest, records, keys, [recipient])
    finally:
        bundle_file._CANONICAL = saved
    return path


def worker_record(network, folder: Path, **changes) -> dict:
    """A correct worker record exactly as commune a's own export carries it."""
    from sonla_desktop.services.sync import export_bundle
    from sonla_desktop.services.sync_trust import trusted_peer

    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A))
    path = folder / f"genuine-{next(_counter)}.sldsync"
    export_bundle(a.ctx, path, to=hub.id)
    with hub.db.session() as s:
        manifest = verify_bundle(path, lambda n: trusted_peer(s, n))
    records = list(read_records(path, manifest, node_keys(hub.ctx)))
    path.unlink()
    record = next(r for r in records if r["id"] == wid)
    record.update(changes)
    return record


def record(network, table: str, origin: str = "a", **values) -> dict:
    """A record of ``table`` written by ``origin`` now; ``values`` are the data columns."""
    node_id = network[origin].id
    stamp = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    full = {"id": new_id(), "origin": node_id, "version": version(node_id), "deleted": False,
            "created_at": stamp, "updated_at": stamp, **values}
    return encode_values(TABLES[table], full)


def loan_record(network, worker_id: str, **changes) -> dict:
    values = {"worker_id": worker_id, "policy_group": "poor",
              "application_date": date(2025, 3, 1), "market_code": "KR", "agency": "",
              "contract_months": 36, "total_cost_vnd": 100_000_000,
              "requested_vnd": 80_000_000, "approved_vnd": 50_000_000, "term_months": 36,
              "frequency_months": 1, "purpose": "Chi phí đi làm việc", "savings_group_name": "",
              "savings_group_head": "", "status": "disbursed", "reject_reason": "",
              "rate_pct_year": "6.6", "notes": "", "state_supported_vnd": 0,
              "rate_basis": "", "collateral_required": None}
    values.update(changes)
    return record(network, "loan_application", **values)


def event_record(network, **changes) -> dict:
    values = {"event_date": date(2026, 3, 12), "commune_code": COMMUNE_A,
              "place": "Nhà văn hoá bản Mòng", "topic": "Tư vấn đi làm việc tại Hàn Quốc",
              "organiser": "", "counsellors": "", "agencies": "", "markets": "KR",
              "notes": ""}
    values.update(changes)
    return record(network, "event", **values)


@dataclass(frozen=True)
class Case:
    name: str
    phrase: str  # words the English refusal must hold
    build: Callable  # (network, folder) -> bundle path


def _records(fn: Callable) -> Callable:
    """A case that is a list of records from commune a."""
    return lambda network, folder: forge(network, folder, fn(network, folder))


def _loan_with(**changes) -> Callable:
    def build(network, folder):
        w = worker_record(network, folder)
        loan = loan_record(network, w["id"], **changes.pop("loan", {}))
        rows = [w, loan]
        for table, values in changes.items():
            rows.append(record(network, table, loan_id=loan["id"], **values))
        return forge(network, folder, rows)
    return build


CASES = [
    # Versions and sequence numbers (issue #12 item 1).
    Case("version-at-the-end-of-the-clock", "more than 1 day ahead",
         _records(lambda n, f: [worker_record(
             n, f, version=format_version(MAX_MS, MAX_COUNTER, n["a"].id))])),
    Case("version-two-days-ahead", "more than 1 day ahead",
         _records(lambda n, f: [worker_record(n, f, version=version(n["a"].id, 2 * DAY_MS))])),
    Case("have-vector-far-ahead", "more than 1 day ahead",
         lambda n, f: forge(n, f, [], have={n["a"].id: format_version(MAX_MS, 0, n["a"].id)})),
    Case("sequence-2-to-the-62", "far beyond what is plausible",
         lambda n, f: forge(n, f, [], sequence=2**62)),
    # Origin (item 2): a commune writing in another commune's name, or in the hub's.
    Case("origin-another-commune", "only the provincial hub may pass on",
         _records(lambda n, f: [worker_record(
             n, f, origin=n["b"].id, version=version(n["b"].id, CLOCK_TOLERANCE_MS // 2))])),
    Case("origin-the-hub-itself", "only the provincial hub may pass on",
         _records(lambda n, f: [worker_record(n, f, origin=n["hub"].id,
                                              version=version(n["hub"].id))])),
    # Text (item 3): what the form would refuse.
    Case("bell-in-a-village-name", "field village: holds a control",
         _records(lambda n, f: [worker_record(n, f, village="Bản\x07 Mòng")])),
    Case("escape-in-notes", "field notes: holds a control",
         _records(lambda n, f: [worker_record(n, f, notes="ghi chú\x1b[31m")])),
    Case("lone-surrogate", "field occupation: holds a control",
         lambda n, f: forge(n, f, [worker_record(n, f, occupation="th\ud800ợ")],
                            ascii_json=True)),
    Case("megabyte-of-notes", "field notes: is 1,000,000 characters long",
         _records(lambda n, f: [worker_record(n, f, notes="a" * 1_000_000)])),
    Case("village-longer-than-its-column", "column village is too long",
         _records(lambda n, f: [worker_record(n, f, village="B" * 121)])),
    # Domain rules the form applies (item 3), loans and events included.
    Case("birth-date-in-the-future", "birth_date",
         _records(lambda n, f: [worker_record(n, f, birth_date="2090-01-01")])),
    Case("loan-disbursed-nothing", "amount paid out must be between 1 and",
         _loan_with(disbursement={"disbursed_on": date(2025, 4, 1), "amount_vnd": 0})),
    Case("loan-disbursed-before-application", "before the application date",
         _loan_with(disbursement={"disbursed_on": date(2024, 1, 1),
                                  "amount_vnd": 50_000_000})),
    Case("loan-approved-above-requested", "more than the requested",
         _loan_with(loan={"approved_vnd": 90_000_000})),
    Case("loan-term-longer-than-contract", "may not exceed the contract term",
         _loan_with(loan={"term_months": 48})),
    Case("loan-unknown-status", "field status",
         _loan_with(loan={"status": "magic"})),
    Case("repayment-negative-interest", "cannot be negative",
         _loan_with(disbursement={"disbursed_on": date(2025, 4, 1), "amount_vnd": 50_000_000},
                    repayment={"paid_on": date(2025, 5, 1), "principal_vnd": 1_000_000,
                               "interest_vnd": -5, "overdue_interest_vnd": 0})),
    Case("event-in-1990", "conference date",
         _records(lambda n, f: [event_record(n, event_date=date(1990, 1, 1))])),
    Case("event-in-2090", "conference date",
         _records(lambda n, f: [event_record(n, event_date=date(2090, 1, 1))])),
    Case("event-without-place", "place is required",
         _records(lambda n, f: [event_record(n, place="  \u200b ")])),
    Case("event-unknown-market", "Unknown market",
         _records(lambda n, f: [event_record(n, markets="KR,Sao Hoả")])),
    # Scope (already refused before; kept so it stays refused).
    Case("worker-of-another-commune", f"belongs to commune {COMMUNE_B}",
         _records(lambda n, f: [worker_record(n, f, commune_code=COMMUNE_B)])),
    Case("reference-data-from-a-commune", "not the provincial hub",
         _records(lambda n, f: [record(n, "market", code="XX", name_vi="Xứ X",
                                       name_en="X land", region="", min_age=18)])),
]


def main(folder: str) -> None:
    """Write every case's bundle into ``folder`` (with a fresh hub and communes there)."""
    import os
    import tempfile

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    os.environ["SONLA_DATA_DIR"] = str(out / "userdata")
    from tests.sync_db.sync_helpers import build_templates, open_network

    templates = build_templates(Path(tempfile.mkdtemp(dir=out)))
    network = open_network(templates, out / "userdata" / "keys", out / "nodes")
    for case in CASES:
        path = case.build(network, out)
        path.rename(out / f"{case.name}.sldsync")
    print(f"SONLA_DATA_DIR={out / 'userdata'} sonla-desktop --db {out / 'nodes' / 'hub.db'} "
          f"bundle import {out}/<case>.sldsync")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "hostile-bundles")
