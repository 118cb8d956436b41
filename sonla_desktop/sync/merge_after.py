"""What a merge does beyond last-writer-wins per row (issue #20), as a part of ``Merger``.

While the records go in, ``Merger._batch`` calls ``_touch`` (what the rules across records
must look at) and ``_note_conflict`` (a clash for the inbox). After the last record,
``_finish`` applies the loan rules (``invariants.enforce_loan_rules``), writes the inbox
entries (ids from their content, so an entry already here is not written twice; a clash
between two resolution writes of one entry is no new clash) and links workers sharing a
CCCD. Its writes are this node's own, stamped by ``_stamp``: past every version received.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import insert, select, update

from ..models import Conflict, Node, PossibleDuplicate, Setting, utcnow
from . import conflict_rules, dropped
from .generation import held_before_forgetting
from .hlc import HybridClock, parse_version
from .invariants import enforce_loan_rules, link_duplicates
from .orphans import PARENTS, close_arrived, orphan_entry
from .records import TableSpec
from .scope import LOAN_CHILD_TABLES, parse_scope
from .transfers import follow_moves, latest_moves_of, split_stale, stale_entry


class AfterMerge:
    """Mixed into ``Merger``; uses its session ``s``, ``self_id``, ``summary`` and the
    commune look-ups. Also: when two versions clash (``_concurrent``), and our own transfer
    rows coming home after a restore (``_restamp_home``)."""

    def _after_init(self, new_version: Callable[[str | None], str] | None) -> None:
        # Writes of this node during the merge (inbox entries, duplicate links, rows a loan
        # rule keeps out) take versions from here: past everything received (see _stamp).
        self.new_version = new_version
        self._pending: list[tuple[dict, tuple[str, str]]] = []  # (entry, both versions)
        self._touched: dict[str, set[str]] = {"loan": set(), "worker": set()}
        self._resolutions: set[tuple[str, str]] = set()  # (row id, version) decided
        self._restore_have: list[tuple[str, str, dict[str, str]]] | None = None
        # Stale records of a worker's loans and attendance, for another look once the hub
        # has followed the moves this bundle brought home (_retry_stale).
        self._stale_rows: list[tuple[TableSpec, int, dict]] = []
        self._stale_workers: list[tuple[TableSpec, int, dict]] = []  # _retry_stale_workers
        self._offices: dict[str, str] | None = None  # commune office -> one of its communes
        # Records of the tables that can be set aside as orphans, written by this merge
        # ((table, id) -> version), and the orphan entries their arrival closed (_finish).
        self.applied: dict[tuple[str, str], str] = {}
        self.closed_orphans: list[tuple[str, str]] = []
        self._values_init()  # records with values our closed lists lack (newer_values.py)

    def _stamp(self) -> str:
        received = self.summary.received.values()
        floor = max(received, key=lambda v: parse_version(v)[:2]) if received else None
        if self.new_version is not None:
            return self.new_version(floor)
        # Without the service's clock (a merge run on its own, as tests do): this node's
        # clock as persisted, moved past what arrived.
        setting = self.s.get(Setting, "hlc_last")
        clock = HybridClock.resume(self.self_id, setting.value if setting else None)
        if floor:
            clock.observe(floor)
        version = clock.tick()
        if setting is None:
            self.s.add(Setting(key="hlc_last", value=version))
        else:
            setting.value = version
        self.s.flush()
        return version

    def _finish(self) -> None:
        if self.self_is_hub:  # a move this hub forgot in a restore, coming back (transfers.py)
            self._retry_stale_workers()
            self._touched["worker"].update(follow_moves(self.s, self.self_id, self._stamp))
            self._retry_stale()
        entries = enforce_loan_rules(self.s, self.self_id, self._touched["loan"], self._stamp)
        for entry, versions in self._pending:
            # Two offices resolving the same clash differently: the later decision
            # supersedes the other through the entry itself; it is no new clash.
            if all((entry["row_id"], v) in self._resolutions for v in versions):
                continue
            entries.append(entry)
        table = Conflict.__table__
        for entry in entries:
            if self.s.get(Conflict, entry["id"]) is not None:
                continue  # noticed here before, or the peer's note of it just arrived
            self.s.execute(insert(table).values(origin=self.self_id, version=self._stamp(),
                                                **entry))
            self.summary.tally(entry["table_name"]).conflicts += 1
        for link in link_duplicates(self.s, self._touched["worker"]):
            self.s.execute(insert(PossibleDuplicate.__table__).values(
                origin=self.self_id, version=self._stamp(), **link))
        # Last, after the bundle's own inbox entries: an open copy of an entry arriving in
        # this bundle is closed too, past its version.
        self.closed_orphans = close_arrived(self.s, self.applied, self.self_id, self._stamp)

    def _set_aside(self, spec: TableSpec, existing: dict[str, dict], stale: list,
                   orphans: list, gone: list) -> None:
        """Records of a bundle that are not applied, each counted as unchanged (the file's
        counts still add up): a late edit of a worker the hub moved out of the sender's
        communes (``transfers.split_stale``), a record of a worker moved out of ours, or one
        whose parent is not here (``orphans.split_orphans``). Kept for a person to see when
        something of an office could be lost; never a reason to refuse the bundle."""
        received = self.summary.received
        tally = self.summary.tally(spec.name)
        for _, v in stale + gone:
            # Received: the sender stops sending it (the row here, or elsewhere, wins).
            if v["version"] > received.get(v["origin"], ""):
                received[v["origin"]] = v["version"]
            tally.unchanged += 1
        if spec.name == "erasure" and gone:
            # The person was moved away from here: only the archive of dropped rows may
            # still hold them, and the erasure reaches it (exporter: erasures follow moves).
            dropped.forget_workers(self.s, [v["worker_id"] for _, v in gone])
        rows = [(spec, line, v) for line, v in stale]
        if spec.name == "worker":
            self._stale_workers += rows
        else:
            self._stale_rows += rows
        for _, v in stale:
            local = existing.get(v["id"])
            unseen = v["version"] > self.self_have.get(v["origin"], "")
            if unseen and (local is None or local["version"] != v["version"]):
                self._pending.append((stale_entry(spec, local, v, self.sender_scope),
                                      ((local or v)["version"], v["version"])))
        # An orphan is not received: the sender may send it again, and it imports once its
        # parent is here. Its entry is kept in this office's communes (at the hub: the
        # sender's), so it also reaches the office that wrote it.
        commune = min(self.own_scope or self.sender_scope or {None})
        for _, v in orphans:
            tally.unchanged += 1
            # Ask the sender for the parents by id: their versions may be below what we
            # said we hold (sync/wanted.py); those here already leave the list at once.
            self.wanted += [(model.__tablename__, v[column])
                            for column, model in PARENTS[spec.name]]
            self._pending.append((orphan_entry(spec, v, commune), (v["version"], v["version"])))

    def _retry_stale_workers(self) -> None:
        """Merge, before ``follow_moves``, the sender's stale worker records that stand where
        the hub's latest move of that worker (its forgotten transfer, home in this bundle)
        put them: in the sender's communes, as the record claims. Such a record was written
        after the move reached the sender, so it knows the row the restored hub still holds
        and is merged like any record (last writer wins, a clash only if it did not know
        ours). Left aside, ``follow_moves`` would write the hub's old row again in the new
        commune and the sender's edit, with every edit it built on (other offices' too: an
        edit of the old commune's the move carried), would lose to it (seed 964)."""
        if not self._stale_workers:
            return
        ids = {v["id"] for _, _, v in self._stale_workers}
        latest = latest_moves_of(self.s, ids)
        scope = self.sender_scope or frozenset()
        spec = self._stale_workers[0][0]
        existing = self._rows(spec, sorted(ids))
        rows = [(line, v) for _, line, v in self._stale_workers
                if v["id"] in latest and latest[v["id"]].to_commune == v["commune_code"]
                and v["commune_code"] in scope and self._held_since_restore(existing.get(v["id"]))]
        self._stale_workers = []
        if not rows:
            return
        gone = {conflict_rules.conflict_id("worker", v["id"], v["version"]) for _, v in rows}
        self._pending = [p for p in self._pending if p[0]["id"] not in gone]
        self.summary.tally("worker").unchanged -= len(rows)
        # Taken although the worker stands outside the sender's communes here, as a witness
        # is (split_stale, _check_links); only for this merge, never saved as one.
        saved = dict(self.witnessed)
        self.witnessed.update({("worker", v["id"]): v["version"] for _, v in rows})
        try:
            self._batch(spec, rows)
        finally:
            self.witnessed.clear()
            self.witnessed.update(saved)
        # The hub still carries its move out again, as ``follow_moves`` does, but on the row
        # just merged: a new write of ours, so the worker's loans and payouts held here follow
        # it to the new commune (its acknowledgement of our rows may be above them: seed 948).
        t = spec.table
        for _, v in rows:
            self.s.execute(update(t).where(t.c.id == v["id"]).values(
                origin=self.self_id, version=self._stamp(), updated_at=utcnow()))
        self._touched["worker"].update(v["id"] for _, v in rows)

    def _held_since_restore(self, local: dict | None) -> bool:
        """Our row is the one the last restore left (not changed since): the forgotten move,
        made after the backup, was made on it or on a later version of it, so a record built
        on the move knew it. A row written since (another office's edit arriving after the
        restore, say) may be concurrent with that record: it stays aside (seed 988)."""
        if local is None:
            return False
        if self._restore_have is None:
            self._restore_have = held_before_forgetting(self.s)
        if not self._restore_have:
            return False
        after, _, have = max(self._restore_have, key=lambda r: r[0])
        held = after if local["origin"] == self.self_id else have.get(local["origin"], "")
        return local["version"] <= held

    def _retry_stale(self) -> None:
        """Merge the stale loans (their lines, payouts, repayments) and attendance whose worker
        the hub has just put back in the sender's communes (``follow_moves``: a move the hub
        forgot in a restore, coming home in this very bundle after them, since transfers
        come after loans in table order). Set aside, they counted as received, so the
        sender would never send them again and the hub would miss them for good."""
        by_table: dict[str, tuple[TableSpec, list[tuple[int, dict]]]] = {}
        for spec, line, v in self._stale_rows:
            by_table.setdefault(spec.name, (spec, []))[1].append((line, v))
        for spec, rows in by_table.values():  # in table order: loans before their children
            existing = self._rows(spec, [v["id"] for _, v in rows])
            now, _ = split_stale(self.s, spec, rows, existing, self.sender_scope,
                                 own_id=self.self_id, stale_loans=self._stale_loans,
                                 witnessed=self.witnessed)
            if not now:
                continue
            # Not set aside after all: no inbox entry, and counted once, as merged.
            gone = {conflict_rules.conflict_id(spec.name, v["id"], v["version"])
                    for _, v in now}
            self._pending = [p for p in self._pending if p[0]["id"] not in gone]
            self.summary.tally(spec.name).unchanged -= len(now)
            self._batch(spec, now)

    def _touch(self, name: str, items: list[tuple[int, dict]]) -> None:
        """Remember what the rules across records must look at once every record is in."""
        if name == "worker":
            self._touched["worker"].update(v["id"] for _, v in items)
        elif name == "loan_application":
            self._touched["loan"].update(v["id"] for _, v in items)
        elif name in ("disbursement", "repayment"):
            self._touched["loan"].update(v["loan_id"] for _, v in items)
        elif name == "conflict":
            self._resolutions.update((v["row_id"], v["version"]) for _, v in items
                                     if v["resolution"])

    def _concurrent(self, local: dict, incoming: dict) -> bool:
        # Our own write that a restore made us forget, meeting a row written after it here;
        # or the sender's write it forgot in a restore, which its new edit overwrites here.
        # (When in doubt a forgotten write makes a clash: an extra entry, never a missing one.)
        if local["version"] > incoming["version"] and self.inbound.forgot(incoming):
            return True
        # Our own forgotten write coming home over another office's write that reached us
        # after the restore (above what the restored database held of that office): the
        # two did not know each other; the other office's write loses and must be told.
        if (local["version"] < incoming["version"] and local["origin"] != self.self_id
                and self.inbound.forgot(incoming)):
            held = self._held_at_restore(incoming["version"])
            if held is None or local["version"] > held.get(local["origin"], ""):
                return True
        if (local["origin"] == self.sender_id and local["version"] < incoming["version"]
                and any(a < local["version"] <= b for a, b in self.sender_forgot)):
            return True
        # Not seen: above what the other side holds of its origin, or a row the sender asks
        # for by id (it set our version aside for a value it did not know, or lacks it), or
        # a version set aside here so (acknowledgements per origin may have moved past it
        # meanwhile: sync/newer_values.py).
        return (
            local["origin"] == self.self_id
            and (local["version"] > self.sender_knows_mine or local["id"] in self.sender_wants)
            and (incoming["version"] > self.self_have.get(incoming["origin"], "")
                 or self.asked_before(incoming))
        )

    def _held_at_restore(self, version: str) -> dict[str, str] | None:
        """What the database held of the other offices when it was restored and forgot our
        ``version`` (None: not recorded, a database restored by an older program)."""
        if self._restore_have is None:
            self._restore_have = held_before_forgetting(self.s)
        for after, upto, have in self._restore_have:
            if after < version <= upto:
                return have
        return None

    def _restamp_home(self, spec: TableSpec, ids: list[str]) -> None:
        """Our own rows coming home after a restore (``inbound.admit``) are written again
        with a new version: another office may already hold newer versions of ours (our
        acknowledgements are per origin), so an old version would never be sent to it.
        Transfer rows at any office (the *other* commune of the move); at the hub every
        table (convergence hunt, seed 240: a duplicate link the restored hub forgot came
        home from commune b, and commune a, which had received later writes of the hub,
        never got it)."""
        t = spec.table
        for row_id in ids:
            # ``updated_at`` stays: the time of the hub's decision orders moves (transfers.py).
            self.s.execute(update(t).where(t.c.id == row_id).values(version=self._stamp()))

    def _note_conflict(self, spec: TableSpec, local: dict, incoming: dict, wins: bool) -> None:
        """Keep the losing version for the inbox; written after every record is in."""
        winner, loser = (incoming, local) if wins else (local, incoming)
        # The entry's id comes from the losing version, so another office noticing the same
        # clash writes the same row: its commune must come from the versions too (the
        # loser's, where the losing office wrote it), not from where each office holds the
        # row now, or one entry would get two communes while a move is on its way and leave
        # the scope of the office that kept the other one.
        # A loan (payout, attendance…) names no commune: the entry goes to the office whose
        # write lost, when it is a commune office known here; where the row is now may be
        # another office (the hub moved the worker meanwhile: convergence hunt, seed 137).
        commune = (loser["commune_code"] if spec.name in ("worker", "event")
                   else self._office_commune(loser["origin"])
                   or self._row_commune(spec.name, local))
        entry = conflict_rules.conflict_values(spec, winner, loser, commune)
        resolved = self.s.execute(select(Conflict.version).where(
            Conflict.row_id == local["id"], Conflict.version == local["version"],
            Conflict.resolution != "")).first()
        if resolved is not None:
            self._resolutions.add((local["id"], local["version"]))
        self._pending.append((entry, (local["version"], incoming["version"])))

    def _office_commune(self, node_id: str) -> str | None:
        """A commune of the commune office ``node_id`` (None: the hub, or not known here)."""
        if self._offices is None:
            self._offices = {n.id: min(codes) for n in self.s.scalars(select(Node))
                             if not n.is_hub and (codes := parse_scope(n.scope))}
        return self._offices.get(node_id)

    def _row_commune(self, name: str, v: dict) -> str | None:
        """The commune a row belongs to (where its inbox entry travels); None: hub data."""
        if name in ("worker", "event"):
            return v["commune_code"]
        if name == "loan_application":
            return self._worker_communes({v["worker_id"]}).get(v["worker_id"])
        if name in LOAN_CHILD_TABLES:
            return self._loan_communes({v["loan_id"]}).get(v["loan_id"])
        if name == "attendance":
            return self._event_communes({v["event_id"]}).get(v["event_id"])
        return None
