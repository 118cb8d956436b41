"""Merging a bundle's records into the database: checks first, last writer wins.

Every record is checked before it is written (schema in ``records``, then version bound,
origin, cleaning and domain rules in ``inbound``, the rows it points to, and the sender's
confirmed scope); the caller runs the whole merge in
one transaction, so the first bad record leaves the database as it was.

Merge rule (the same on every node, so importing the same bundles in any order gives the
same rows): per row, the higher version wins. Versions are HLC strings that sort as text
with the writer's node id last, so two writes never tie. One exception makes the shared
tables converge: a commune takes the hub's row of a hub-only table (``scope.HUB_ONLY_TABLES``)
whenever its own copy was not written by that hub (e.g. its own seeding at ``init``).

Conflict (kept in the ``conflict`` inbox for a person; it never changes the data): the row
here was last written *here* (origin = this node), by a write the sender had not seen when
it made the bundle (its version is above the sender's "have" entry for this node), and the
incoming version was not seen here before (above our own "have" entry for its origin), and
the two versions differ in their data. Neither write knew of the other: they are concurrent.
Whichever version lost is what the inbox keeps next to the winner. Inbox entries travel
and loan rows merge along their workflow; what happens after the last record (rules across
records, writing entries, duplicate links) is in ``merge_after`` and ``conflict_rules``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from ..domain.worker_rules import ReferenceCodes
from ..models import (
    AdminUnit,
    Conflict,
    EthnicGroup,
    Event,
    LoanApplication,
    Market,
    Worker,
)
from ..search_index import suspended_worker_index
from . import conflict_rules, extra, witness
from .bundle_file import canonical_json
from .generation import forgotten_versions
from .inbound import Inbound
from .merge_after import AfterMerge
from .newer_values import NewerValues
from .orphans import PARENTS, split_orphans
from .pg_copy import can_copy, copy_insert
from .records import TABLES, TableSpec, decode_record, decode_stored, encode_values, record_error
from .scope import HUB_ONLY_TABLES, LOAN_CHILD_TABLES, NATURAL_KEYS, Scope
from .transfers import check_transfers, split_stale

BATCH = 1000
_IN_CHUNK = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit


@dataclass
class Tally:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0

    def count_unchanged(self) -> None:
        self.unchanged += 1

    def as_dict(self) -> dict[str, int]:
        return {"inserted": self.inserted, "updated": self.updated,
                "unchanged": self.unchanged, "conflicts": self.conflicts}


@dataclass
class MergeSummary:
    tallies: dict[str, Tally] = field(default_factory=dict)
    received: dict[str, str] = field(default_factory=dict)  # origin -> highest version seen

    def tally(self, table: str) -> Tally:
        return self.tallies.setdefault(table, Tally())

    @property
    def conflicts(self) -> int:
        return sum(t.conflicts for t in self.tallies.values())

    @property
    def records(self) -> int:
        return sum(t.inserted + t.updated + t.unchanged for t in self.tallies.values())


def _chunks(items: list, size: int = _IN_CHUNK):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def record_json(spec: TableSpec, values: dict) -> str:
    return canonical_json(encode_values(spec, values)).decode("utf-8")


class Merger(AfterMerge, NewerValues):
    """One bundle's merge inside the caller's transaction."""

    def __init__(
        self,
        session: Session,
        *,
        self_id: str,
        self_is_hub: bool,
        sender_id: str,
        sender_scope: Scope,
        sender_have: dict[str, str],
        self_have: dict[str, str],
        new_version: Callable[[str | None], str] | None = None,
    ) -> None:
        self.s = session
        self.self_id = self_id
        self.self_is_hub = self_is_hub
        self.sender_id = sender_id
        self.sender_scope = sender_scope
        self.sender_knows_mine = sender_have.get(self_id, "")
        self.sender_forgot: list[tuple[str, str]] = []  # set by the caller (the manifest)
        self.own_scope: Scope = None  # this office's communes (None: the hub), by the caller
        self.wanted: list[tuple[str, str]] = []  # parents of orphans, to ask for (wanted.py)
        self.self_have = dict(self_have)
        self.summary = MergeSummary()
        self._seen: set[tuple[str, str]] = set()
        self._stale_loans: dict[str, str] = {}  # loan id -> worker id, set aside (transfers)
        # Third offices' rows a commune carried to this restored hub (sync/witness.py).
        self.witnessed = witness.load(session) if self_is_hub else {}
        self._witnessed_more = False  # saved once per batch
        self._extras: dict[tuple[str, str], dict] = {}  # (table, id) -> unknown columns
        self._order = -1
        self._refs: ReferenceCodes | None = None
        self._copy = can_copy(session)  # new rows by COPY on PostgreSQL (sync/pg_copy.py)
        self.inbound = Inbound(session, sender_id=sender_id, sender_relays=sender_scope is None,
                               refs=self.refs, own_id=self_id,
                               own_clock=self_have.get(self_id, ""),
                               forgotten=forgotten_versions(session))
        self._after_init(new_version)

    # -- driver ---------------------------------------------------------------------------
    def run(self, records: Iterable[dict]) -> MergeSummary:
        spec: TableSpec | None = None
        batch: list[tuple[int, dict]] = []
        for line, record in enumerate(records, start=1):
            extras: dict = {}
            rspec, values = decode_record(record, line, extras)
            if rspec.order < self._order:
                raise record_error(
                    line, rspec.name, "các bản ghi không theo thứ tự bảng (bảng cha trước)",
                    "records are not in table order (parents first)")
            key = (rspec.name, values["id"])
            if key in self._seen:
                raise record_error(line, rspec.name, "bản ghi xuất hiện hai lần",
                                   "the record appears twice")
            self._seen.add(key)
            if extras:  # columns of a newer program version (sync/extra.py)
                self._extras[key] = extras
            if spec is not None and (rspec is not spec or len(batch) >= BATCH):
                self._batch(spec, batch)
                batch = []
            spec, self._order = rspec, rspec.order
            batch.append((line, values))
        if spec is not None and batch:
            self._batch(spec, batch)
        self._finish()
        return self.summary

    def _witness(self, spec: str, v: dict) -> None:
        """A third office's row a commune carried to this restored hub: not applied, not
        received; its writer's own record at this version is then not stale, and asked for
        by id (sync/witness.py)."""
        self.summary.tally(spec).unchanged += 1
        self.witnessed[(spec, v["id"])] = v["version"]
        self._witnessed_more = True
        if spec in ("worker", "loan_application", "event"):
            self.wanted.append((spec, v["id"]))
        elif "loan_id" in v:  # a payout, repayment or cost line follows its loan
            self.wanted.append(("loan_application", v["loan_id"]))

    # -- look-ups -------------------------------------------------------------------------
    def _rows(self, spec: TableSpec, ids: list[str]) -> dict[str, dict]:
        t = spec.table
        found: dict[str, dict] = {}
        for chunk in _chunks(ids):
            for row in self.s.execute(select(t).where(t.c.id.in_(chunk))):
                found[row.id] = dict(row._mapping)
        return found

    def _lookup(self, stmt_for, ids: set[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(i for i in ids if i is not None)):
            out.update({k: v for k, v in self.s.execute(stmt_for(chunk))})
        return out

    def _worker_communes(self, ids: set[str]) -> dict[str, str]:
        return self._lookup(lambda c: select(Worker.id, Worker.commune_code)
                            .where(Worker.id.in_(c)), ids)

    def _loan_communes(self, ids: set[str]) -> dict[str, str]:
        return self._lookup(lambda c: select(LoanApplication.id, Worker.commune_code)
                            .join(Worker, Worker.id == LoanApplication.worker_id)
                            .where(LoanApplication.id.in_(c)), ids)

    def _event_communes(self, ids: set[str]) -> dict[str, str]:
        return self._lookup(lambda c: select(Event.id, Event.commune_code)
                            .where(Event.id.in_(c)), ids)

    def refs(self) -> ReferenceCodes:
        if self._refs is None:
            self._refs = ReferenceCodes(
                communes=frozenset(self.s.scalars(
                    select(AdminUnit.code).where(AdminUnit.deleted.is_(False)))),
                ethnic_groups=frozenset(self.s.scalars(select(EthnicGroup.code))),
                markets=frozenset(self.s.scalars(select(Market.code))),
                # A market's own higher minimum age holds for synced workers too.
                market_min_age={c: a for c, a in self.s.execute(
                    select(Market.code, Market.min_age))},
            )
        return self._refs

    def _missing(self, line: int, table: str, what_vi: str, what_en: str, ref: str):
        return record_error(
            line, table,
            f"trỏ tới {what_vi} {ref} không có trong tệp lẫn trong cơ sở dữ liệu này (hãy đề "
            "nghị bên gửi xuất tệp đầy đủ)",
            f"it points to {what_en} {ref}, which is neither in the file nor in this database "
            "(ask the sender for a full export)")

    # -- checks ---------------------------------------------------------------------------
    def _check_links(self, spec: TableSpec, items: list[tuple[int, dict]],
                     existing: dict[str, dict]) -> None:
        """Rows pointed to must exist; a commune may only write inside its scope."""
        name = spec.name
        scope = self.sender_scope
        if scope is not None and name in HUB_ONLY_TABLES:
            raise record_error(
                items[0][0], name,
                "đơn vị gửi không phải văn phòng tỉnh nên không được gửi danh mục, chính sách "
                "hay chỉ tiêu",
                "the sender is not the provincial hub, so it may not send reference data, "
                "policy figures or targets")
        refs = None
        if name in ("loan_application", "event", "attendance", "target"):
            refs = self.refs()

        def out_of_scope(line: int, code: str | None, v: dict) -> None:
            # Our own write coming home after we were restored (inbound.admit) may find its
            # worker where the restore left it: the write is ours, not the sender's.
            if (scope is not None and code not in scope and v["origin"] != self.self_id
                    and self.witnessed.get((name, v["id"])) != v["version"]):
                raise record_error(
                    line, name,
                    f"bản ghi thuộc xã/phường {code}, ngoài phạm vi đã xác nhận cho đơn vị gửi "
                    f"({', '.join(sorted(scope))})",
                    f"the record belongs to commune {code}, outside the scope confirmed for "
                    f"the sender ({', '.join(sorted(scope))})")

        olds = [existing[v["id"]] for _, v in items if v["id"] in existing]
        if name == "worker":
            for line, v in items:
                out_of_scope(line, v["commune_code"], v)
                if v["id"] in existing:
                    out_of_scope(line, existing[v["id"]]["commune_code"], v)
        elif name == "loan_application":
            communes = self._worker_communes({v["worker_id"] for _, v in items}
                                             | {o["worker_id"] for o in olds})
            for line, v in items:
                if v["worker_id"] not in communes:
                    raise self._missing(line, name, "người lao động", "worker", v["worker_id"])
                if v["market_code"] is not None and v["market_code"] not in refs.markets:
                    raise self._missing(line, name, "thị trường", "market", v["market_code"])
                out_of_scope(line, communes[v["worker_id"]], v)
                if v["id"] in existing:
                    out_of_scope(line, communes.get(existing[v["id"]]["worker_id"]), v)
        elif name in LOAN_CHILD_TABLES:
            communes = self._loan_communes({v["loan_id"] for _, v in items}
                                           | {o["loan_id"] for o in olds})
            for line, v in items:
                if v["loan_id"] not in communes:
                    raise self._missing(line, name, "khoản vay", "loan", v["loan_id"])
                out_of_scope(line, communes[v["loan_id"]], v)
                if v["id"] in existing:
                    out_of_scope(line, communes.get(existing[v["id"]]["loan_id"]), v)
        elif name == "event":
            for line, v in items:
                if v["commune_code"] not in refs.communes:
                    raise self._missing(line, name, "xã/phường", "commune", v["commune_code"])
                out_of_scope(line, v["commune_code"], v)
                if v["id"] in existing:
                    out_of_scope(line, existing[v["id"]]["commune_code"], v)
        elif name == "attendance":
            events = self._event_communes({v["event_id"] for _, v in items}
                                          | {o["event_id"] for o in olds})
            workers = self._worker_communes({v["worker_id"] for _, v in items}
                                            | {o["worker_id"] for o in olds})
            for line, v in items:
                if v["event_id"] not in events:
                    raise self._missing(line, name, "hội nghị", "event", v["event_id"])
                if v["worker_id"] not in workers:
                    raise self._missing(line, name, "người lao động", "worker", v["worker_id"])
                market = v["interest_market"]
                if market is not None and market not in refs.markets:
                    raise self._missing(line, name, "thị trường", "market", market)
                out_of_scope(line, events[v["event_id"]], v)
                out_of_scope(line, workers[v["worker_id"]], v)
                old = existing.get(v["id"])
                if old is not None:
                    out_of_scope(line, events.get(old["event_id"]), v)
                    out_of_scope(line, workers.get(old["worker_id"]), v)
        elif name in ("consent", "erasure"):  # a person's rights follow the worker
            workers = self._worker_communes({v["worker_id"] for _, v in items}
                                            | {o["worker_id"] for o in olds})
            for line, v in items:
                if v["worker_id"] not in workers:
                    raise self._missing(line, name, "người lao động", "worker", v["worker_id"])
                out_of_scope(line, workers[v["worker_id"]], v)
        elif name == "transfer":
            check_transfers(items, existing, scope, self.sender_id, self.refs().communes,
                            own_id=self.self_id)
        elif name == "target":
            for line, v in items:
                code = v["commune_code"]
                if code is not None and code not in refs.communes:
                    raise self._missing(line, name, "xã/phường", "commune", code)

    # -- deciding and writing -------------------------------------------------------------
    def _authority_overrides(self, spec: TableSpec, local: dict) -> bool:
        return (
            spec.name in HUB_ONLY_TABLES
            and not self.self_is_hub
            and self.sender_scope is None
            and local["origin"] != self.sender_id
        )

    def _batch(self, spec: TableSpec, items: list[tuple[int, dict]]) -> None:
        name = spec.name
        existing = self._rows(spec, [v["id"] for _, v in items])
        self._complete(spec, items, existing)
        tally = self.summary.tally(name)
        # Version bound, origin, cleaning and the table's domain rules (sync/inbound.py);
        # a commune's echo of a row held here at that version or later is left out.
        # A newer sender's record whose only faults are values we do not know is set aside
        # (sync/newer_values.py), with the records hanging on it.
        items = self.inbound.admit(spec, items, existing, on_echo=tally.count_unchanged,
                                   on_unknown=self._on_unknown,
                                   on_witness=(lambda v: self._witness(name, v))
                                   if self.self_is_hub else None)
        if self._witnessed_more:
            witness.save(self.s, self.witnessed)
            self._witnessed_more = False
        if name in conflict_rules.SYNC_STATE_TABLES:
            items = self._unknown_state(name, items)
            conflict_rules.check_state_records(name, items, self.sender_scope, self.self_id)
        items = self._follow_unknown(spec, items, existing)
        # A late edit of a worker the hub moved away goes to the inbox (sync/transfers.py).
        items, stale = split_stale(self.s, spec, items, existing, self.sender_scope,
                                   own_id=self.self_id, stale_loans=self._stale_loans,
                                   witnessed=self.witnessed)
        # A record whose parent is here neither in the file nor in the database (a restore
        # made one office forget it): set aside, never a reason to refuse the bundle.
        items, orphans, gone = split_orphans(self.s, spec, items, existing, self.own_scope,
                                             self._stale_loans)
        if name == "loan_application":
            self._stale_loans.update({v["id"]: v["worker_id"]
                                      for _, v in stale + orphans + gone})
        self._check_links(spec, items, existing)
        self._set_aside(spec, existing, stale, orphans, gone)
        self._settle_unknown(spec, existing)
        received = self.summary.received
        inserts: list[dict] = []
        updates: list[dict] = []
        keyed: list[dict] = []  # written one at a time (natural keys)
        one_by_one = name in NATURAL_KEYS
        no_clash = name in conflict_rules.NO_CLASH_TABLES
        self._touch(name, items)
        for line, v in items:
            origin, version = v["origin"], v["version"]
            if version > received.get(origin, ""):
                received[origin] = version
            local = existing.get(v["id"])
            if local is None:
                if one_by_one:
                    self._write_keyed(spec, line, v, None)
                    keyed.append(v)
                else:
                    inserts.append(v)
                tally.inserted += 1
                continue
            if version == local["version"]:
                tally.unchanged += 1
                continue
            authority = self._authority_overrides(spec, local)
            wins = conflict_rules.wins(name, v, local) or authority
            differs = any(v[c] != local[c] for c in spec.data_columns)
            # The hub's own tables are not a commune's to edit: its copy (its seeding at
            # init, say) gives way without asking anyone. Inbox entries, duplicate links and
            # move requests merge by their own order (conflict_rules) and never clash.
            if (differs and not authority and not no_clash
                    and self._concurrent(local, v)):
                self._note_conflict(spec, local, v, wins)
            if not wins:
                tally.unchanged += 1
                continue
            if one_by_one:
                self._write_keyed(spec, line, v, local)
                keyed.append(v)
            else:
                updates.append(v)
            tally.updated += 1
        self._flush(spec, inserts, updates)
        if name in PARENTS:  # an orphan entry of these closes when they arrive (_finish)
            self.applied.update({(name, v["id"]): v["version"]
                                 for v in inserts + updates + keyed})
        if self._extras:
            extra.keep(self.s, name, {
                v["id"]: self._extras[(name, v["id"])] for v in inserts + updates + keyed
                if (name, v["id"]) in self._extras})
        if name == "transfer" or self.self_is_hub:  # see AfterMerge._restamp_home
            self._restamp_home(spec, [v["id"] for v in inserts + updates
                                      if v["origin"] == self.self_id])

    def _complete(self, spec: TableSpec, items: list[tuple[int, dict]],
                  existing: dict[str, dict]) -> None:
        """Records from an older program lack columns: the row here keeps its values, a
        new row takes the defaults (sync/extra.py)."""
        width = len(spec.columns)
        for line, v in items:
            if len(v) == width:
                continue
            unfilled = extra.complete(spec.columns, v, existing.get(v["id"]))
            if unfilled:
                shown = ", ".join(unfilled)
                raise record_error(
                    line, spec.name,
                    f"thiếu cột {shown}, không có giá trị mặc định; tệp do phiên bản chương "
                    "trình cũ hơn tạo ra: hãy cập nhật chương trình ở đơn vị gửi",
                    f"the column(s) {shown} are missing and have no default; an older "
                    "program version made the file: update the program at the sending office")

    def _flush(self, spec: TableSpec, inserts: list[dict], updates: list[dict]) -> None:
        t = spec.table
        if inserts and not (self._copy and copy_insert(self.s, t, inserts)):
            self.s.execute(insert(t), inserts)
        if updates:
            stmt = update(t).where(t.c.id == bindparam("_row_id"))
            params = [{**{k: val for k, val in v.items() if k != "id"}, "_row_id": v["id"]}
                      for v in updates]
            self.s.execute(stmt, params)

    def _write_keyed(self, spec: TableSpec, line: int, v: dict, local: dict | None) -> None:
        """Insert or update a row of a table with a natural key, one at a time.

        A different row here with the same natural key (say a target for the same year and
        commune made locally) is replaced by the hub's row when the hub has authority over
        it; otherwise the bundle is refused, since keeping both is impossible.
        """
        t = spec.table
        key_cols = NATURAL_KEYS[spec.name]
        clash = None
        if all(v[c] is not None for c in key_cols):
            stmt = select(t).where(t.c.id != v["id"], *[t.c[c] == v[c] for c in key_cols])
            found = self.s.execute(stmt).first()
            clash = dict(found._mapping) if found is not None else None
        params = {k: val for k, val in v.items() if k != "id"}
        if clash is not None:
            if local is not None or not self._authority_overrides(spec, clash):
                shown = ", ".join(str(v[c]) for c in key_cols)
                raise record_error(
                    line, spec.name,
                    f"ở đây đã có một bản ghi khác với cùng mã ({shown})",
                    f"this database already holds another record with the same key ({shown})")
            self.s.execute(update(t).where(t.c.id == clash["id"]).values(id=v["id"], **params))
        elif local is None:
            self.s.execute(insert(t).values(**v))
        else:
            self.s.execute(update(t).where(t.c.id == v["id"]).values(**params))


def conflict_records(row: Conflict) -> tuple[TableSpec, dict, dict]:
    """Decode the two stored versions of an inbox entry: (table, winner, loser)."""
    spec = TABLES[row.table_name]
    winner = decode_stored(row.winner)[1]
    loser = decode_stored(row.loser)[1]
    return spec, winner, loser


# Above this many incoming workers (and half the table), SQLite's full-text index is rebuilt
# once at the end instead of being updated row by row: 100k inserts take a third of the time.
BULK_WORKERS = 20_000


def bulk_worker_index(session: Session, incoming_workers: int) -> AbstractContextManager[bool]:
    """On SQLite, for a large import, suspend the worker FTS triggers and rebuild after
    (``search_index.suspended_worker_index``), inside the caller's transaction."""
    return suspended_worker_index(session, incoming_workers, at_least=BULK_WORKERS,
                                  table_share=2)
