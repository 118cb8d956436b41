"""USB sync, receiving: verify a bundle and import it (``services.sync``).

Import order (DESIGN.md, "Sync"): signature against the trust store → payload hash → not our
own file, addressed to us → sequence above the last one imported from that sender (the same
file again is a no-op) → decrypt → check and merge every record in ONE transaction. Any
refusal is a ``SyncError`` with a plain sentence; the database is then unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import retrying
from ..errors import SyncError
from ..files import regular_file_size
from ..models import BundleLog, Node, PeerAck, Setting
from ..sync import (
    bounds,
    bundle_file,
    dropped,
    generation,
    newer_values,
    restore_debt,
    value_lists,
    wanted,
)
from ..sync.exporter import have_vector
from ..sync.hlc import parse_version
from ..sync.inbound import acknowledged
from ..sync.keys import NODE_ID_RE
from ..sync.merge import Merger, MergeSummary, bulk_worker_index
from ..sync.records import TABLES
from ..sync.scope import parse_scope
from ..sync.transfers import drop_moved_out
from .context import HLC_SETTING, ServiceContext
from .sync_export import restored_in, write_state
from .sync_trust import node_keys, self_node, trusted_peer

_MAX_HAVE = 10_000


@dataclass
class BundleCheck:
    """What ``bundle verify`` found: a signed, intact file from a trusted unit, for us."""

    path: Path
    manifest: dict
    sender_id: str
    sender_name: str
    sender_scope: list[str]
    sequence: int
    created: str
    counts: dict[str, int]
    bundle_sha256: str
    already_imported: bool
    last_sequence: int | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class ImportResult:
    check: BundleCheck
    already_imported: bool = False
    tallies: dict[str, dict[str, int]] = field(default_factory=dict)
    moved_out: int = 0  # workers the hub moved to another commune, dropped here
    restored: generation.Restored | None = None  # this database found itself restored
    sender_restored: bool = False  # the sender lost data: the next bundle to it is full

    @property
    def conflicts(self) -> int:
        return sum(t["conflicts"] for t in self.tallies.values())

    def total(self, key: str) -> int:
        return sum(t[key] for t in self.tallies.values())


def _refuse(vi: str, en: str) -> SyncError:
    return SyncError(vi, en)


def _check_have(manifest: dict) -> dict[str, str]:
    have = manifest.get("have", {})
    ok = isinstance(have, dict) and len(have) <= _MAX_HAVE
    if ok:
        for origin, version in have.items():
            try:
                ok = (isinstance(origin, str) and NODE_ID_RE.fullmatch(origin) is not None
                      and isinstance(version, str) and parse_version(version)[2] == origin)
            except ValueError:
                ok = False
            if not ok:
                break
    if not ok:
        raise _refuse("Bản kê khai của tệp đồng bộ có danh sách phiên bản (have) không hợp lệ.",
                      "The sync file's manifest has an invalid version list (have).")
    return have


def _check_forgotten(manifest: dict, sender: str) -> list[tuple[str, str]]:
    """The sender's own versions it lost to a restore (``generation.forgotten_versions``)."""
    pairs = manifest.get("forgotten", [])
    ok = isinstance(pairs, list) and len(pairs) <= 1000
    out = []
    for pair in pairs if ok else ():
        try:
            a, b = pair
            ok = (isinstance(a, str) and isinstance(b, str) and parse_version(b)[2] == sender
                  and (a == "" or parse_version(a)[2] == sender) and a < b)
        except (TypeError, ValueError):
            ok = False
        if not ok:
            break
        out.append((a, b))
    if not ok:
        raise _refuse("Bản kê khai của tệp đồng bộ có danh sách phiên bản đã mất (forgotten) "
                      "không hợp lệ.",
                      "The sync file's manifest has an invalid list of lost versions "
                      "(forgotten).")
    return out


def _check_counts(manifest: dict) -> dict[str, int]:
    counts = manifest.get("counts", {})
    if not (isinstance(counts, dict) and all(
            k in TABLES and isinstance(v, int) and not isinstance(v, bool) and v >= 0
            for k, v in counts.items())):
        raise _refuse("Bản kê khai của tệp đồng bộ có số bản ghi không hợp lệ.",
                      "The sync file's manifest has invalid record counts.")
    return counts


def _last_in(session: Session, sender: str) -> int | None:
    return session.scalar(select(func.max(BundleLog.sequence)).where(
        BundleLog.direction == "in", BundleLog.sender == sender))


def _already(session: Session, sha: str) -> bool:
    row = session.get(BundleLog, sha)
    return row is not None and row.direction == "in"


def _sequence_refusal(sequence: int, last: int, name: str) -> SyncError:
    return _refuse(
        f"Tệp này là bản cũ: số thứ tự {sequence} không lớn hơn số {last} đã nhận từ {name}. "
        "Có thể đây là tệp cũ còn sót trên USB hoặc tệp bị phát lại; dữ liệu mới hơn đã "
        "được nhập. Không nhập tệp này.",
        f"This file is an old one: its sequence number {sequence} is not above number {last} "
        f"already received from {name}. It may be an old file left on the stick or a "
        "replayed file; newer data was already imported. It was not imported.")


def check_bundle(ctx: ServiceContext, path: Path) -> BundleCheck:
    """Signature, payload hash, addressee and sequence; no private key needed."""
    ctx.require("sync.read")
    path = Path(path)
    regular_file_size(path)  # a folder or a pipe: a message, not a hang
    with ctx.db.session() as s:
        me = self_node(s)
        if bundle_file.read_manifest(path)[0]["sender"] == me.id:
            raise _refuse(
                "Tệp này do chính đơn vị này xuất ra; nó dành cho nơi nhận, không nhập lại ở đây.",
                "This file was exported by this very unit; it is for the recipient, not for "
                "importing here.")
        manifest = bundle_file.verify_bundle(path, lambda node_id: trusted_peer(s, node_id))
        sender = manifest["sender"]
        node = s.get(Node, sender)
        to = manifest.get("to")
        if to != me.id:
            other = s.get(Node, to) if isinstance(to, str) else None
            shown = f"{other.name} ({to})" if other is not None else str(to)
            raise _refuse(
                f"Tệp này gửi cho đơn vị khác ({shown}), không phải cho đơn vị này. Không nhập.",
                f"This file is addressed to another unit ({shown}), not to this one. It was "
                "not imported.")
        bounds.check_have(_check_have(manifest))
        counts = _check_counts(manifest)
        sha = manifest["bundle_sha256"]
        already = _already(s, sha)
        last = _last_in(s, sender)
        if not already and last is not None and manifest["sequence"] <= last:
            raise _sequence_refusal(manifest["sequence"], last, node.name)
        if not already:
            bounds.check_sequence(manifest["sequence"], last, node.name)
        return BundleCheck(
            path=path, manifest=manifest, sender_id=sender, sender_name=node.name,
            sender_scope=[c for c in node.scope.split(",") if c], sequence=manifest["sequence"],
            created=str(manifest.get("created", "")), counts=counts, bundle_sha256=sha,
            already_imported=already, last_sequence=last)


# --- import -----------------------------------------------------------------------------------


def _raise_ack(session: Session, peer_id: str, origin: str, version: str) -> None:
    row = session.get(PeerAck, (peer_id, origin))
    if row is None:
        session.add(PeerAck(peer_id=peer_id, origin=origin, version=version))
    elif version > row.version:
        row.version = version


def _version_past(ctx: ServiceContext, session: Session, floor: str | None) -> str:
    """A version for this node's own write during an import (an inbox entry, a payout a loan
    rule keeps out): after everything received so far, on the clock later edits use."""
    if floor:
        ctx.clock(session).observe(floor)
    return ctx.next_version(session)


def import_bundle(ctx: ServiceContext, path: Path) -> ImportResult:
    """Verify, decrypt, check every record and merge them all in one transaction."""
    ctx.require("sync.write")
    check = check_bundle(ctx, path)
    if check.already_imported:
        return ImportResult(check, already_imported=True)
    keys = node_keys(ctx)
    # Several hub clerks may import at once (PostgreSQL): the merge is database work only, so
    # a transaction the server refused as conflicting is simply run again from the start.
    result = retrying(lambda: _merge_bundle(ctx, check, keys))
    if not result.already_imported:
        # A file: written once, after the commit, never in a retried step.
        with ctx.db.session() as s:
            write_state(ctx, s)
        if check.counts.get("erasure"):
            # A person erased elsewhere: noted outside the database (a restore must not bring
            # the values back, services.erasure_ledger), and the old values leave this file
            # too (VACUUM), after the commit.
            from .erasure_ledger import remember_erasures
            from .person_erase import purge_file

            with ctx.db.session() as s:
                remember_erasures(ctx, s)
            purge_file(ctx.db)
    return result


def _merge_bundle(ctx: ServiceContext, check: BundleCheck, keys) -> ImportResult:
    manifest = check.manifest
    # PostgreSQL: in the writer turn (db.WRITER_LOCK) and on one snapshot for the whole merge.
    with ctx.transaction(isolation="REPEATABLE READ") as s:
        # In the import's transaction: a refused file leaves the database exactly as it was.
        restored = restored_in(ctx, s, manifest)
        me = self_node(s)
        # Checked again inside the transaction: another window may have imported meanwhile.
        if _already(s, check.bundle_sha256):
            return ImportResult(check, already_imported=True)
        last = _last_in(s, check.sender_id)
        if last is not None and check.sequence <= last:
            raise _sequence_refusal(check.sequence, last, check.sender_name)
        sender = s.get(Node, check.sender_id)
        # Logged first: the log row is also what opens the write transaction on SQLite,
        # which the bulk path below needs (its DDL must roll back with everything else).
        log = BundleLog(bundle_sha256=check.bundle_sha256, direction="in", sender=sender.id,
                        sequence=check.sequence, summary="{}")
        s.add(log)
        s.flush()
        merger = Merger(
            s, self_id=me.id, self_is_hub=me.is_hub, sender_id=sender.id,
            sender_scope=None if sender.is_hub else parse_scope(sender.scope),
            sender_have=manifest.get("have", {}), self_have=have_vector(s, me.id),
            new_version=lambda floor: _version_past(ctx, s, floor),
        )
        merger.sender_forgot = _check_forgotten(manifest, sender.id)
        asked = wanted.check_manifest(manifest)
        wanted.remember_peer(s, sender.id, asked)
        merger.sender_wants = {row_id for _, row_id in asked}
        # A newer program's values our closed lists lack set a record aside (value_lists.py).
        merger.inbound.newer_lists = value_lists.check_manifest(manifest) > value_lists.VALUE_LISTS
        merger.own_scope = None if me.is_hub else parse_scope(me.scope)
        with bulk_worker_index(s, check.counts.get("worker", 0)):
            summary: MergeSummary = merger.run(
                bundle_file.read_records(check.path, manifest, keys))
        sender_restored = generation.check_sender(s, me.id, sender.id, manifest)
        # A sender found restored (now, or not yet repaired) may lack writes of ours that its
        # "have" covers (per origin: it received later ones since): every row of ours a move
        # drops goes to the inbox first (convergence hunt, seed 390: a deletion lost).
        knows_mine = ("" if sender_restored or generation.full_owed(s, sender.id)
                      else manifest.get("have", {}).get(me.id, ""))
        moved_out = drop_moved_out(s, me.id, None if me.is_hub else parse_scope(me.scope),
                                   knows_mine, lambda: _version_past(ctx, s, None), sender.id,
                                   merger.sender_forgot)
        # Rows we miss that the sender's acknowledgements will not bring (sync/wanted.py).
        wanted.update(s, merger.wanted + wanted.moved_in(s, merger.own_scope)
                      + dropped.wanted_back(s))
        newer_values.remember(s, merger.asked_more, merger.asked_done)
        got = {t: n for t, tally in summary.tallies.items()
               if (n := tally.inserted + tally.updated + tally.unchanged)}
        if got != {t: n for t, n in check.counts.items() if n}:
            raise _refuse(
                "Số bản ghi trong tệp không khớp với bản kê khai đã ký. Không nhập gì cả.",
                "The number of records in the file does not match its signed manifest. "
                "Nothing was imported.")
        if not sender_restored:
            restore_debt.own_rows_confirmed(s, sender.id, manifest)
            repaired = generation.full_confirmed(s, sender.id, manifest)
            if repaired is not None and sender.is_hub:
                # The restored hub holds again what our repair carried (sync/dropped.py).
                dropped.repaired(s, me.id, repaired)
        for origin, version in manifest.get("have", {}).items():
            _raise_ack(s, sender.id, origin, version)
        # Our "have" per origin moves only on what that origin signed, or what the hub
        # relays up to its own signed "have" for that origin (sync/inbound.py).
        acks = acknowledged(summary.received, sender.id, merger.inbound.sender_relays,
                            manifest.get("have", {}))
        for origin, version in acks.items():
            if origin != me.id:
                _raise_ack(s, me.id, origin, version)
        if summary.received:
            # Later local edits must win over what just arrived, even after a restart.
            clock = ctx.clock(s)
            clock.observe(max(summary.received.values(), key=lambda v: parse_version(v)[:2]))
            setting = s.get(Setting, HLC_SETTING)
            if setting is None:
                s.add(Setting(key=HLC_SETTING, value=clock.last))
            elif clock.last > setting.value:
                setting.value = clock.last
        if check.counts.get("erasure"):  # a person erased elsewhere is erased here too
            from .person_erase import enforce_erasures

            enforce_erasures(ctx, s)
        tallies = {t: tally.as_dict() for t, tally in summary.tallies.items()}
        log.summary = json.dumps({"from_name": sender.name, "counts": check.counts,
                                  "tallies": tallies, "file": check.path.name,
                                  "moved_out": len(moved_out)},
                                 ensure_ascii=False, sort_keys=True)
        for table, row_id in merger.closed_orphans:
            # The record an orphan entry waited for arrived: closed as a clerk's "read"
            # (sync_conflicts.resolve_conflict), by this import, so said in the audit.
            ctx.audit(s, "resolve", table, row_id,
                      {"keep": (None, "theirs"), "automatic": (None, "record_arrived")})
        ctx.audit(s, "import", "bundle", check.bundle_sha256[:36], {
            "from": (None, sender.id), "sequence": (None, check.sequence),
            "conflicts": (None, summary.conflicts)})
    return ImportResult(check, tallies=tallies, moved_out=len(moved_out), restored=restored,
                        sender_restored=sender_restored)


__all__ = ["BundleCheck", "ImportResult", "check_bundle", "import_bundle"]
