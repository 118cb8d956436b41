"""USB sync as user actions: export a bundle, verify it, import it, see the history.

Import order (DESIGN.md, "Sync"): signature against the trust store → payload hash → not our
own file, addressed to us → sequence above the last one imported from that sender (the same
file again is a no-op) → decrypt → check and merge every record in ONE transaction. Any
refusal is a ``SyncError`` with a plain sentence; the database is then unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import retrying
from ..errors import SyncError, UserError
from ..files import regular_file_size
from ..models import BundleLog, Node, PeerAck, Setting
from ..sync import bounds, bundle_file, generation
from ..sync.exporter import ExportResult, have_vector, log_export, plan_export, write_export
from ..sync.hlc import parse_version
from ..sync.inbound import acknowledged
from ..sync.keys import NODE_ID_RE
from ..sync.merge import Merger, MergeSummary, bulk_worker_index
from ..sync.records import TABLES
from ..sync.scope import parse_scope
from ..sync.transfers import drop_moved_out
from .context import HLC_SETTING, ServiceContext
from .setup import node_keys_dir
from .sync_trust import find_peer, node_keys, self_node, trusted_peer

BUNDLE_SUFFIX = ".sldsync"
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


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    direction: str  # in | out
    peer_id: str
    peer_name: str
    sequence: int
    bundle_sha256: str
    counts: dict[str, int]
    detail: dict


def _refuse(vi: str, en: str) -> SyncError:
    return SyncError(vi, en)


# --- export -----------------------------------------------------------------------------------


def export_preview(ctx: ServiceContext, to: str | None = None,
                   full: bool = False) -> tuple[Node, dict[str, int]]:
    """The recipient and how many rows of each table a bundle would carry now."""
    ctx.require("sync.read")
    with ctx.db.session() as s:
        me = self_node(s)
        peer = find_peer(s, to)
        return peer, plan_export(s, me, peer, full, ctx.db.is_sqlite)


def default_file_name(ctx: ServiceContext, peer: Node) -> str:
    """A file name a clerk can read on the stick: sender, recipient, date and time."""
    ctx.require("sync.read")
    with ctx.db.session() as s:
        me = self_node(s)

    def short(text: str) -> str:
        from ..domain.text import fold

        return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:30] or "don-vi"

    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    return f"{short(me.name)}-gui-{short(peer.name)}-{stamp}{BUNDLE_SUFFIX}"


def export_bundle(
    ctx: ServiceContext,
    path: Path,
    to: str | None = None,
    full: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> ExportResult:
    """Write a signed, encrypted bundle for one trusted peer and log it."""
    ctx.require("sync.write")
    path = Path(path)
    if path.is_dir():
        with ctx.db.session() as s:
            name = default_file_name(ctx, find_peer(s, to))
        path = path / name
        n = 1
        while path.exists():  # two exports in one minute: keep both files
            n += 1
            path = path.with_name(f"{name.removesuffix(BUNDLE_SUFFIX)}-{n}{BUNDLE_SUFFIX}")
    if path.suffix.lower() != BUNDLE_SUFFIX:
        path = path.with_name(path.name + BUNDLE_SUFFIX)
    if not path.parent.is_dir():
        raise UserError(f"Không có thư mục {path.parent}.",
                        f"The folder {path.parent} does not exist.")
    keys = node_keys(ctx)
    restored = _check_restored(ctx)
    with ctx.db.session() as s:
        # A peer found restored gets everything, without anyone having to ask.
        repair = not full and generation.full_owed(s, find_peer(s, to).id)
    full = full or repair
    # One read transaction: the rows, the have-vector and the sequence come from one snapshot.
    with ctx.db.session() as s, s.begin():
        me = self_node(s)
        peer = find_peer(s, to)
        try:
            result = write_export(s, keys, me, peer, path, full=full,
                                  is_sqlite=ctx.db.is_sqlite, progress=progress)
        except OSError as exc:
            raise UserError(
                f"Không ghi được tệp {path}: {exc.strerror or exc}. Kiểm tra USB còn chỗ trống "
                "và không bị khoá ghi.",
                f"Could not write {path}: {exc.strerror or exc}. Check that the USB stick has "
                "free space and is not write-protected.") from exc
    try:
        with ctx.transaction() as s:
            log_export(s, result, me.id)
            if result.full:
                generation.full_paid(s, peer.id)
            ctx.audit(s, "export", "bundle", result.bundle_sha256[:36],
                      {"to": (None, peer.id), "sequence": (None, result.sequence),
                       "records": (None, result.total)})
    except BaseException:
        # Without its log entry the file's sequence number would be handed out again.
        path.unlink(missing_ok=True)
        raise
    _write_state(ctx)
    result.restored, result.repair = restored, repair
    return result


def _check_restored(ctx: ServiceContext) -> generation.Restored | None:
    """Has this database been restored (or copied back)? Repairs its sync state if so."""
    with ctx.transaction() as s:
        return _restored_in(ctx, s)


def _restored_in(ctx: ServiceContext, s: Session, manifest: dict | None = None
                 ) -> generation.Restored | None:
    me = self_node(s)
    generation.generation(s)
    found = generation.check_self(s, me.id, node_keys_dir(me.id))
    if found is None and manifest is not None:
        found = generation.check_peer_word(s, me.id, manifest)
    if found is not None:
        ctx.audit(s, "restored", "node", me.id, {
            "how": (None, found.how), "last_known": (None, found.last_known),
            "last_sent": (None, found.last_sent)})
        ctx.reset_node()  # the clock moved on in the database: read it again
    return found


def _write_state(ctx: ServiceContext) -> None:
    with ctx.db.session() as s:
        me = self_node(s)
        generation.write_state(s, me.id, node_keys_dir(me.id))


# --- verify -----------------------------------------------------------------------------------


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
        _write_state(ctx)  # a file: written once, after the commit, never in a retried step
        if check.counts.get("erasure"):
            # A person erased elsewhere: the old values leave this file too (VACUUM), after
            # the commit.
            from .person_erase import purge_file

            purge_file(ctx.db)
    return result


def _merge_bundle(ctx: ServiceContext, check: BundleCheck, keys) -> ImportResult:
    manifest = check.manifest
    # PostgreSQL: in the writer turn (db.WRITER_LOCK) and on one snapshot for the whole merge.
    with ctx.transaction(isolation="REPEATABLE READ") as s:
        # In the import's transaction: a refused file leaves the database exactly as it was.
        restored = _restored_in(ctx, s, manifest)
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
        with bulk_worker_index(s, check.counts.get("worker", 0)):
            summary: MergeSummary = merger.run(
                bundle_file.read_records(check.path, manifest, keys))
        moved_out = drop_moved_out(s, me.id, None if me.is_hub else parse_scope(me.scope),
                                   manifest.get("have", {}).get(me.id, ""),
                                   lambda: _version_past(ctx, s, None))
        got = {t: n for t, tally in summary.tallies.items()
               if (n := tally.inserted + tally.updated + tally.unchanged)}
        if got != {t: n for t, n in check.counts.items() if n}:
            raise _refuse(
                "Số bản ghi trong tệp không khớp với bản kê khai đã ký. Không nhập gì cả.",
                "The number of records in the file does not match its signed manifest. "
                "Nothing was imported.")
        sender_restored = generation.check_sender(s, me.id, sender.id, manifest)
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
        ctx.audit(s, "import", "bundle", check.bundle_sha256[:36], {
            "from": (None, sender.id), "sequence": (None, check.sequence),
            "conflicts": (None, summary.conflicts)})
    return ImportResult(check, tallies=tallies, moved_out=len(moved_out), restored=restored,
                        sender_restored=sender_restored)


# --- history ----------------------------------------------------------------------------------


def bundle_history(ctx: ServiceContext, limit: int = 500) -> list[HistoryRow]:
    ctx.require("sync.read")
    with ctx.db.session() as s:
        names = {n.id: n.name for n in s.scalars(select(Node))}
        rows = s.scalars(select(BundleLog).order_by(BundleLog.at.desc()).limit(limit))
        out = []
        for r in rows:
            try:
                detail = json.loads(r.summary or "{}")
            except ValueError:
                detail = {}
            peer = detail.get("to") if r.direction == "out" else r.sender
            out.append(HistoryRow(r.at, r.direction, peer or "", names.get(peer, peer or ""),
                                  r.sequence, r.bundle_sha256, detail.get("counts", {}), detail))
        return out
