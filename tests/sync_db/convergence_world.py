"""The world of the convergence property test (``test_convergence.py``): a hub and two
communes as real SQLite databases, the actions done at each, the files carried between them,
and the book of every write with what its writer knew (for the loss check)."""

from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import select

from sonla_desktop.db import open_database
from sonla_desktop.errors import SyncError, UserError
from sonla_desktop.models import Conflict, LoanApplication, Worker
from sonla_desktop.services.backup import make_backup, restore_backup
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.loans import approve_loan, disburse_loan, record_repayment
from sonla_desktop.services.sync import export_bundle, import_bundle
from sonla_desktop.services.sync_conflicts import list_conflicts, resolve_conflict
from sonla_desktop.services.sync_trust import node_keys
from sonla_desktop.services.transfers import list_transfers, move_worker
from sonla_desktop.services.workers import create_worker, delete_worker, get_worker, update_worker
from sonla_desktop.sync.bundle_file import read_manifest, read_records
from sonla_desktop.sync.records import TABLES
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    SCOPES,
    SyncNode,
    open_network,
    person,
)
from tests.sync_db.test_sync_invariants import submitted_loan

LINKS = (("a", "hub"), ("b", "hub"), ("hub", "a"), ("hub", "b"))
VILLAGES = ("Bản Cọ", "Bản Hụm", "Bản Mòng", "Tổ 3")
TODAY = date(2025, 6, 1)


class World:
    def __init__(self, templates, keys, folder: Path, rng: random.Random) -> None:
        self.nodes = open_network(templates, keys, folder / "nodes")
        self.usb = folder / "usb"
        self.usb.mkdir()
        self.rng = rng
        self.pool: list[tuple[Path, str]] = []
        # (table, row id) -> [(node, version written, versions the writer had seen)]
        self.writes: dict[tuple[str, str], list[tuple[str, str, frozenset[str]]]] = {}
        self.data: dict[str, tuple] = {}  # version -> the row's data columns it wrote
        self.backups: dict[str, list[tuple[str, Path]]] = {k: [] for k in self.nodes}
        # Writes a restore took away before any other office had them (nobody acknowledged
        # them): lost by the restore itself, not by sync.
        self.unacknowledged: set[str] = set()
        self.restores = self.moves = 0
        self.log: list[str] = []  # what happened, for the message of a failing seed

    def close(self) -> None:
        for node in self.nodes.values():
            node.db.dispose()

    # -- bookkeeping of every write, with what the writer knew --------------------------------
    def _version(self, key: str, model, row_id: str) -> str | None:
        with self.nodes[key].db.session() as s:
            row = s.get(model, row_id)
            if row is None:
                return None
            self.data[row.version] = tuple(getattr(row, c) for c in TABLES[
                model.__tablename__].data_columns)
            return row.version

    def _wrote(self, key: str, model, row_id: str, before: str | None,
               also: frozenset[str] = frozenset()) -> None:
        after = self._version(key, model, row_id)
        if after is not None and after != before:
            self.log.append(f"  wrote {model.__tablename__} {row_id[:8]} {short(after)}")
            known = (frozenset({before}) if before else frozenset()) | also
            self.writes.setdefault((model.__tablename__, row_id), []).append(
                (key, after, known))

    def _pick(self, key: str, model, where=()) -> str | None:
        with self.nodes[key].db.session() as s:
            ids = list(s.scalars(select(model.id).where(*where).order_by(model.id)))
        return self.rng.choice(ids) if ids else None

    # -- actions ------------------------------------------------------------------------------
    def do(self, key: str, kind: str) -> None:
        node, rng = self.nodes[key], self.rng
        self.log.append(f"{key} {kind}")
        commune = {"a": COMMUNE_A, "b": COMMUNE_B}.get(key) or rng.choice((COMMUNE_A, COMMUNE_B))
        try:
            if kind == "create":
                # A small pool of people, so the same CCCD is now and then entered at two ends.
                wid = create_worker(node.ctx, person(commune, rng.randrange(9000, 9012)))
                self._wrote(key, Worker, wid, None)
            elif kind in ("edit", "delete"):
                wid = self._pick(key, Worker, (Worker.deleted.is_(False),))
                if wid:
                    before = self._version(key, Worker, wid)
                    if kind == "delete":
                        delete_worker(node.ctx, wid)
                    else:
                        values = get_worker(node.ctx, wid)
                        values["village"] = rng.choice(VILLAGES)
                        update_worker(node.ctx, wid, values)
                    self._wrote(key, Worker, wid, before)
            elif kind == "loan":
                wid = self._pick(key, Worker, (Worker.deleted.is_(False),))
                if wid:
                    self._wrote(key, LoanApplication, submitted_loan(node, wid), None)
            elif kind in ("approve", "disburse", "repay"):
                status = {"approve": "submitted", "disburse": "approved",
                          "repay": "disbursed"}[kind]
                lid = self._pick(key, LoanApplication, (LoanApplication.status == status,
                                                        LoanApplication.deleted.is_(False)))
                if lid:
                    before = self._version(key, LoanApplication, lid)
                    amount = rng.choice((40, 50, 60)) * 1_000_000
                    if kind == "approve":
                        approve_loan(node.ctx, lid, amount)
                    elif kind == "disburse":
                        with node.db.session() as s:
                            amount = s.get(LoanApplication, lid).approved_vnd
                        disburse_loan(node.ctx, lid, date(2025, 4, 1), amount, today=TODAY)
                    else:
                        record_repayment(node.ctx, lid, date(2025, 5, 1), 10_000_000,
                                         today=TODAY)
                    self._wrote(key, LoanApplication, lid, before)
            elif kind == "resolve":
                open_ = list_conflicts(node.ctx)
                if open_:
                    c = rng.choice(open_)
                    model = {"worker": Worker, "loan_application": LoanApplication}.get(c.table)
                    before = self._version(key, model, c.row_id) if model else None
                    resolve_conflict(node.ctx, c.id, rng.choice(("mine", "theirs")))
                    if model:
                        self._wrote(key, model, c.row_id, before,
                                    frozenset({c.mine["version"], c.theirs["version"]}))
            elif kind == "move":
                self._move(key)
            elif kind == "backup":
                self._backup(key)
            elif kind == "restore":
                self._restore(key)
        except UserError:
            pass  # a refused action (duplicate CCCD, loan rule): nothing was written

    # -- the edges of issue #20 ----------------------------------------------------------------
    def _move(self, key: str) -> None:
        """At the hub: carry out a commune's request or move anyone; at a commune: request."""
        node, rng = self.nodes[key], self.rng
        requests = [t for t in list_transfers(node.ctx, "requested")] if key == "hub" else []
        if requests and rng.random() < 0.5:
            t = rng.choice(requests)
            wid, to = t.worker_id, t.to_commune
        else:
            where = (Worker.deleted.is_(False),)
            if key != "hub":
                where += (Worker.commune_code.in_(sorted(SCOPES[key])),)
            wid = self._pick(key, Worker, where)
            if wid is None:
                return
            with node.db.session() as s:
                here = s.get(Worker, wid).commune_code
            to = COMMUNE_B if here == COMMUNE_A else COMMUNE_A
        before = self._version(key, Worker, wid)
        if before is None:
            return  # a request for someone this office no longer holds
        move_worker(node.ctx, wid, to)
        self._wrote(key, Worker, wid, before)
        self.moves += key == "hub"

    def _backup(self, key: str) -> None:
        node = self.nodes[key]
        folder = self.usb.parent / "backups"
        folder.mkdir(exist_ok=True)
        n = sum(len(b) for b in self.backups.values()) + 1
        if self.rng.random() < 0.5:  # the program's encrypted backup
            path = make_backup(node.ctx, folder / f"{n:03d}-{key}.sldbak").path
            self.backups[key].append(("backup", path))
        else:  # a plain copy of the file, to be copied back by hand
            path = folder / f"{n:03d}-{key}.db"
            node.db.backup(path)
            self.backups[key].append(("copy", path))

    def _restore(self, key: str) -> None:
        if not self.backups[key]:
            return
        node = self.nodes[key]
        how, path = self.rng.choice(self.backups[key])
        if how == "backup":
            restore_backup(node.db, path, user=node.ctx.user)
            db = node.db
        else:  # the office's IT copies an old file over the live one
            node.db.dispose()
            for suffix in ("-wal", "-shm"):
                Path(f"{node.path}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(path, node.path)
            db = open_database(node.path)
        self.nodes[key] = SyncNode(key, ServiceContext(db, user=node.ctx.user, role="admin"),
                                   node.path)
        self.restores += 1
        self.log.append(f"  {key} restored from {path.name} ({how})")
        self._forget_unacknowledged()

    def _held(self, key: str, model, row_id: str) -> tuple[str | None, str]:
        """(the row's version on ``key``, its inbox entries about the row as one text)."""
        with self.nodes[key].db.session() as s:
            row = s.get(model, row_id)
            entries = s.scalars(select(Conflict).where(Conflict.row_id == row_id)).all()
            return (row.version if row else None,
                    " ".join(e.loser + e.winner for e in entries))

    def _forget_unacknowledged(self) -> None:
        """Writes that no office holds any more (not even in an inbox) after a restore were
        never received anywhere else (or only by offices restored since): the restores lost
        them, and no one can know. Every other write must survive."""
        for (table, row_id), writes in self.writes.items():
            mine = [v for _, v, _ in writes if v not in self.unacknowledged]
            if not mine:
                continue
            model = Worker if table == "worker" else LoanApplication
            held = [self._held(k, model, row_id) for k in self.nodes]
            for version in mine:
                if not any(v == version or (v and knows(writes, v, version)) or version in text
                           for v, text in held):
                    self.unacknowledged.add(version)

    def export(self, src: str, dst: str) -> int:
        path = self.usb / f"{len(self.pool) + 1:03d}-{src}-to-{dst}.sldsync"
        result = export_bundle(self.nodes[src].ctx, path, to=self.nodes[dst].id)
        self.pool.append((path, dst))
        self.log.append(f"{path.name} ({result.total}{', full' if result.full else ''}) "
                        + " ".join(f"{t}:{n}" for t, n in sorted(result.counts.items())))
        return result.total

    def _tracked(self, key: str) -> dict[tuple[str, str], str]:
        """The version of every worker and loan row on ``key``."""
        with self.nodes[key].db.session() as s:
            return {(model.__tablename__, row_id): version
                    for model in (Worker, LoanApplication)
                    for row_id, version in s.execute(select(model.id, model.version))}

    def _merge_writes(self, dst: str, path: Path, before: dict[tuple[str, str], str]) -> None:
        """Writes the merge itself made on ``dst`` (a hub putting a worker where its latest
        move says, ``transfers.follow_moves``): they carry on the row as it stood after the
        bundle's records went in, i.e. what ``dst`` held and the bundle's version of it."""
        node = self.nodes[dst]
        own = [(key, v) for key, v in self._tracked(dst).items()
               if v != before.get(key) and v not in self.data and v.endswith(node.id)]
        if not own:
            return
        manifest = read_manifest(path)[0]
        sent = {(r["table"], r["id"]): r["version"]
                for r in read_records(path, manifest, node_keys(node.ctx))}
        for (table, row_id), version in own:
            model = Worker if table == "worker" else LoanApplication
            self._version(dst, model, row_id)  # its data, for the comparison below
            columns = TABLES[table].data_columns
            moved = columns.index("commune_code") if "commune_code" in columns else -1

            def same(v: str | None, moved=moved, version=version) -> bool:
                # Only the commune may differ: the data the merge write carried on.
                a, b = self.data.get(v), self.data[version]
                return a is not None and all(
                    x == y for i, (x, y) in enumerate(zip(a, b, strict=True)) if i != moved)

            pre, came = before.get((table, row_id)), sent.get((table, row_id))
            known = frozenset(v for v in (pre, came) if v and same(v)) or frozenset(
                {pre} if pre else ())
            self._wrote(dst, model, row_id, None, known)

    def import_one(self, path: Path, dst: str) -> None:
        self.log.append(f"{dst} imports {path.name}")
        try:
            before = self._tracked(dst)
            result = import_bundle(self.nodes[dst].ctx, path)
            self._merge_writes(dst, path, before)
            done = {t: {k: n for k, n in tally.items() if n} for t, tally in result.tallies.items()}
            self.log.append(f"  {result.already_imported and 'again ' or ''}"
                            f"{result.moved_out and f'moved out {result.moved_out} ' or ''}"
                            + " ".join(f"{t}:{d}" for t, d in sorted(done.items()) if d))
        except SyncError as err:  # an older file after a newer one: refused, fine
            assert "not above number" in err.en, f"{err.en}\n" + "\n".join(self.log)

    def settle(self) -> None:
        """Sync the normal way until a whole round moves nothing (rules may write during a
        merge, and those writes travel too)."""
        for _ in range(6):
            moved = 0
            for src, dst in LINKS:
                moved += self.export(src, dst)
                self.import_one(*self.pool[-1])
            if not moved:
                return
        raise AssertionError("the offices never stopped sending each other changes")


def short(version: str) -> str:
    """A version as a failing seed's log shows it: last ms digits, counter, writer."""
    return f"{version[6:12]}.{int(version[12:18], 16)}-{version[19:23]}"


def knows(writes, version: str, target: str) -> bool:
    """Did the write of ``version`` see ``target`` (directly or through earlier writes)?"""
    seen, todo = set(), [version]
    by_version = {v: known for _, v, known in writes}
    while todo:
        v = todo.pop()
        if v == target:
            return True
        if v in seen:
            continue
        seen.add(v)
        todo.extend(by_version.get(v, ()))
    return False
