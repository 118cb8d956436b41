"""Choosing and writing the records of an outgoing bundle.

Incremental by default: a row goes out when its version is above what the peer is known to
hold from the row's origin (``peer_ack``, filled from the "have" vector of the peer's last
bundle). When a worker, loan or event goes out, the rows hanging on it go too, so a record
that has just come into the peer's scope (a worker moved to its commune) arrives with its
loans and attendance. ``full`` sends everything in scope.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import ColumnElement, and_, func, or_, select, true
from sqlalchemy.orm import Session

from ..models import BundleLog, Node, PeerAck, Setting
from . import bundle_write, dropped, extra, value_lists
from .generation import (
    current_generation,
    forgotten_versions,
    full_owed,
    last_in,
    sequence_floor,
)
from .hlc import format_version, parse_version
from .keys import NodeKeys, parse_public
from .newer_values import asked_pairs
from .records import TABLE_ORDER, TABLES, row_encoder
from .scope import (
    Scope,
    intersect,
    moved_away_from,
    parent_links,
    parse_scope,
    scope_condition,
    tables_sent,
)
from .wanted import peer_wanted, wanted

HLC_SETTING = "hlc_last"
Progress = Callable[[str, int], None]


@dataclass
class ExportResult:
    path: Path
    to: str
    to_name: str
    sequence: int
    full: bool
    counts: dict[str, int] = field(default_factory=dict)
    bundle_sha256: str = ""
    size: int = 0
    restored: object = None  # generation.Restored when this database found itself restored
    repair: bool = False  # made full because the peer was found restored

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def have_vector(session: Session, self_id: str) -> dict[str, str]:
    """Per origin, the highest version this node holds (its own: the clock's last value)."""
    have = {
        a.origin: a.version
        for a in session.scalars(select(PeerAck).where(PeerAck.peer_id == self_id))
    }
    last = session.get(Setting, HLC_SETTING)
    if last is not None and last.value:
        # The clock's position, under this node's id (a database initialised by an older
        # version may hold it under another name).
        ms, counter, _ = parse_version(last.value)
        have[self_id] = format_version(ms, counter, self_id)
    return have


def peer_acks(session: Session, peer_id: str) -> dict[str, str]:
    rows = session.scalars(select(PeerAck).where(PeerAck.peer_id == peer_id))
    return {a.origin: a.version for a in rows if a.version}


_SEQUENCE_EPOCH = datetime(2025, 1, 1, tzinfo=UTC)


def clock_sequence(now: datetime | None = None) -> int:
    """Minutes since 2025-01-01 (UTC): the clock part of a sequence number."""
    return int(((now or datetime.now(UTC)) - _SEQUENCE_EPOCH).total_seconds() // 60)


def next_sequence(session: Session, self_id: str, now: datetime | None = None) -> tuple[int, str]:
    """The next outgoing sequence number and the hash of the previous outgoing bundle.

    The number is the minutes since 2025-01-01 (UTC), or one more than the last one if that
    is not larger. Counting 1, 2, 3 would start again from an old number after the database
    is restored from a backup, and every new file would then be refused as a replay; a
    clock-based number is past anything the peers saw before the backup was restored, and the
    "+1" keeps it rising when a PC's clock is set back.
    """
    last = session.scalars(
        select(BundleLog)
        .where(BundleLog.direction == "out", BundleLog.sender == self_id)
        .order_by(BundleLog.sequence.desc())
        .limit(1)
    ).first()
    minutes = clock_sequence(now)
    # After a restore, numbers the peers already saw are out of reach (generation.py).
    floor = sequence_floor(session)
    if last is None:
        return max(minutes, 1, floor), "0" * 64
    return max(minutes, last.sequence + 1, floor), last.bundle_sha256


# Parents already chosen are passed to their children as an id list up to this size; above
# it the parent's condition is repeated as a sub-query (bound-parameter limits).
_MAX_ID_LIST = 10_000
_PARENT_TABLES = ("worker", "loan_application", "event")
# What drop_moved_out drops, hence what sync/dropped.py may hold.
_ARCHIVED = ("worker", "loan_application", "loan_cost_line", "disbursement", "repayment",
             "attendance")


class _Selector:
    """Builds, per table, the condition for "this row goes in the bundle"."""

    def __init__(self, scope: Scope, acks: dict[str, str] | None, text_collate: str | None,
                 relays: bool = True, wanted: dict[str, list[str]] | None = None,
                 origins: tuple[str, ...] = ()):
        self.scope = scope
        # A commune sends only its own rows and the recipient's (``origins``): a row of a
        # third office is either held by the hub already (an echo, which changes nothing)
        # or one the hub lost in a restore, which it takes from its writer only
        # (``inbound.admit``). Only a repair for a restored hub carries them: there they are
        # witnesses, never applied (sync/witness.py; convergence seed 787).
        self.origins = origins
        # Rows the peer asked for by id (sync/wanted.py): sent as if new, within the scope.
        self.wanted = wanted or {}
        # Only the hub passes on other offices' rows: a commune's link of another office
        # following its worker would be refused by a hub that lost it (inbound.admit).
        self.relays = relays
        self.acks = acks  # None: full export
        self.collate = text_collate
        # Ids of parent rows already chosen (incremental only): the children's condition
        # then looks them up instead of scanning the parent table again.
        self.chosen: dict[str, list[str]] = {}

    def remember(self, table: str, ids: list[str]) -> None:
        if self.acks is not None and table in _PARENT_TABLES:
            self.chosen[table] = ids

    def _newer(self, t) -> ColumnElement[bool]:
        if self.acks is None:
            return true()
        version = t.c.version.collate(self.collate) if self.collate else t.c.version
        known = sorted(self.acks)
        parts = [and_(t.c.origin == o, version > self.acks[o]) for o in known]
        parts.append(t.c.origin.notin_(known) if known else true())
        asked = self.wanted.get(t.name)
        if asked:
            parts.append(t.c.id.in_(asked))
        return or_(*parts)

    def condition(self, table: str) -> ColumnElement[bool]:
        t = TABLES[table].table
        in_scope = scope_condition(table, t, self.scope)
        if table == "erasure" and self.relays and self.scope is not None:
            # An erasure also goes to the communes the person was moved away from: they
            # keep the rows the move dropped for a while (sync/dropped.py), which must go
            # too. There the record is set aside as "moved out" (merge_after._set_aside).
            in_scope = or_(in_scope, t.c.worker_id.in_(moved_away_from(self.scope)))
        wanted = self._newer(t)
        if self.acks is not None:
            follow = []
            links = parent_links(table) if self.relays or table != "possible_duplicate" else ()
            for column, parent in links:
                ids = self.chosen.get(parent)
                if ids is not None and len(ids) <= _MAX_ID_LIST:
                    follow.append(t.c[column].in_(ids))
                else:
                    parent_ids = select(TABLES[parent].table.c.id).where(self.condition(parent))
                    follow.append(t.c[column].in_(parent_ids))
            wanted = or_(wanted, *follow) if follow else wanted
        if self.origins:
            wanted = and_(wanted, t.c.origin.in_(self.origins))
        return and_(in_scope, wanted) if in_scope is not None else wanted


def _scopes(self_node: Node, peer: Node) -> tuple[bool, Scope]:
    self_scope = parse_scope(self_node.scope) if not self_node.is_hub else None
    peer_scope = parse_scope(peer.scope)
    if self_scope is not None and not self_scope:
        self_scope = frozenset()  # a commune node with no commune chosen sends nothing
    return self_node.is_hub or self_scope is None, intersect(self_scope, peer_scope)


def _repair(session: Session, self_node: Node, peer: Node, full: bool) -> bool:
    """Is this a commune's full bundle owed to a hub found restored (generation.py)?"""
    return full and peer.is_hub and not self_node.is_hub and full_owed(session, peer.id)


def _origins(session: Session, self_node: Node, peer: Node, full: bool) -> tuple[str, ...]:
    """Whose rows a bundle may carry (``_Selector.origins``; empty: anyone's)."""
    if self_node.is_hub or _repair(session, self_node, peer, full):
        return ()
    return (self_node.id, peer.id)


def plan_export(
    session: Session, self_node: Node, peer: Node, full: bool, is_sqlite: bool
) -> dict[str, int]:
    """How many rows of each table a bundle to ``peer`` would carry now."""
    is_hub, scope = _scopes(self_node, peer)
    selector = _Selector(scope, None if full else peer_acks(session, peer.id),
                         None if is_sqlite else "C", relays=is_hub,
                         wanted=peer_wanted(session, peer.id),
                         origins=_origins(session, self_node, peer, full))
    counts = {}
    for table in tables_sent(is_hub, TABLE_ORDER):
        t = TABLES[table].table
        if not full and table in _PARENT_TABLES:
            ids = list(session.scalars(select(t.c.id).where(selector.condition(table))))
            selector.remember(table, ids)
            n = len(ids)
        else:
            n = session.scalar(select(func.count()).select_from(t)
                               .where(selector.condition(table)))
        if n:
            counts[table] = int(n)
    return counts


def _records(
    session: Session, tables: tuple[str, ...], selector: _Selector, counts: dict[str, int],
    progress: Progress | None, archived: bool = False,
    asked: dict[str, list[str]] | None = None,
) -> Iterator[dict]:
    for table in tables:
        if table in _ARCHIVED and (archived or asked):
            # A restored hub's repair: our own rows a move dropped (sync/dropped.py), of
            # workers not held here again (those go from their live rows); and those the
            # hub asked for by id (sync/witness.py).
            sent: set[str] = set()
            for record in [*(dropped.records_for(session, table) if archived else ()),
                           *(dropped.records_wanted(session, table, asked) if asked else ())]:
                if record["id"] in sent:
                    continue
                sent.add(record["id"])
                counts[table] = counts.get(table, 0) + 1
                yield record
        spec = TABLES[table]
        encode = row_encoder(spec)
        t = spec.table
        # Columns of a newer program version kept with their rows (sync/extra.py).
        kept = extra.for_export(session, table, spec.column_set)
        stmt = select(*[t.c[c] for c in spec.column_names]).where(selector.condition(table))
        n = 0
        ids: list[str] = []
        # Table order, not ORDER BY id: sorting by the text key would walk the primary-key
        # index and look every row up again, several times slower on 100k rows.
        result = session.execute(stmt, execution_options={"yield_per": 2000})
        for row in result:
            n += 1
            record = encode(row)
            ids.append(record["id"])
            if kept and record["id"] in kept:
                record.update(kept[record["id"]])
            yield record
            if progress and n % 5000 == 0:
                progress(table, n)
        selector.remember(table, ids)
        if n:
            counts[table] = counts.get(table, 0) + n
            if progress:
                progress(table, n)


def write_export(
    session: Session,
    keys: NodeKeys,
    self_node: Node,
    peer: Node,
    path: Path,
    *,
    full: bool = False,
    is_sqlite: bool = True,
    progress: Progress | None = None,
    own_rows: bool = False,
) -> ExportResult:
    """Write the bundle file for ``peer`` from the session's snapshot; log nothing yet.
    ``own_rows``: every row of ours in scope, whatever the peer's "have" for us says (this
    database was found restored, ``sync/restore_debt.py``)."""
    peer_keys = parse_public(peer.public_key)
    is_hub, scope = _scopes(self_node, peer)
    acks = None if full else peer_acks(session, peer.id)
    if acks is not None and own_rows:
        acks.pop(self_node.id, None)
    selector = _Selector(scope, acks, None if is_sqlite else "C", relays=is_hub,
                         wanted=peer_wanted(session, peer.id),
                         origins=_origins(session, self_node, peer, full))
    sequence, previous = next_sequence(session, self_node.id)
    result = ExportResult(Path(path), peer.id, peer.name, sequence, full)
    manifest = {
        "sender": self_node.id,
        "sequence": sequence,
        "previous_bundle_sha256": previous,
        "created": datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "to": peer.id,
        "recipients": [peer_keys.sign_key_id.hex()],
        "full": full,
        "have": have_vector(session, self_node.id),
        # generation.py: a peer notices a restored database by these two.
        "generation": current_generation(session),
        "last_from_you": last_in(session, peer.id),
        # Our own versions a restore made us forget: a peer holding one of them in a row we
        # now overwrite keeps it in its inbox (merge._concurrent).
        "forgotten": [list(pair) for pair in forgotten_versions(session)],
        # Rows we miss that acknowledgements per origin cannot bring back (sync/wanted.py),
        # and rows set aside here for a value our program does not know (newer_values.py).
        "wanted": [list(p) for p in dict.fromkeys(
            tuple(p) for p in wanted(session) + asked_pairs(session))],
        # Which closed lists our program knows (value_lists.py).
        value_lists.MANIFEST_KEY: value_lists.VALUE_LISTS,
    }
    tables = tables_sent(is_hub, TABLE_ORDER)
    # A commune's repair for a hub found restored also carries what moves dropped here.
    repair = _repair(session, self_node, peer, full)
    # Our rows a move dropped that the hub asks for by id (sync/dropped.py, witness.py).
    asked = peer_wanted(session, peer.id) if peer.is_hub and not self_node.is_hub else None
    written = bundle_write.write_bundle(
        Path(path), manifest, _records(session, tables, selector, result.counts, progress,
                                       archived=repair, asked=asked),
        keys, [peer_keys.age_recipient],
        finish_manifest=lambda: {"counts": dict(result.counts)},
    )
    result.bundle_sha256 = written["bundle_sha256"]
    result.size = Path(path).stat().st_size
    return result


def log_export(session: Session, result: ExportResult, self_id: str) -> None:
    session.add(BundleLog(
        bundle_sha256=result.bundle_sha256, direction="out", sender=self_id,
        sequence=result.sequence,
        summary=json.dumps({"to": result.to, "to_name": result.to_name, "full": result.full,
                            "counts": result.counts, "file": result.path.name},
                           ensure_ascii=False, sort_keys=True),
    ))


__all__ = [
    "ExportResult", "have_vector", "log_export", "next_sequence", "peer_acks", "plan_export",
    "write_export",
]
