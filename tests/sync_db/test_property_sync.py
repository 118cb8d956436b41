"""Property: whatever three offices do and however their USB files travel, they agree.

Hub + two communes, each its own SQLite file, make random creates, edits and deletes
through the services; bundles are exported at random moments and imported in random order,
some twice, some never. After the offices finally sync normally, every node holds exactly
the hub's rows for its scope, and importing any file from the whole history again changes
nothing. A second property applies the same records in two different orders directly to the
merge and expects the same rows.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from sonla_desktop.db import open_database
from sonla_desktop.errors import SyncError
from sonla_desktop.models import Worker
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.setup import node_keys_dir
from sonla_desktop.services.sync import import_bundle
from sonla_desktop.services.sync_trust import self_node, trusted_peer
from sonla_desktop.services.workers import create_worker, delete_worker, get_worker, update_worker
from sonla_desktop.sync.bundle_file import read_records, verify_bundle
from sonla_desktop.sync.exporter import have_vector
from sonla_desktop.sync.keys import load_keys
from sonla_desktop.sync.merge import Merger
from tests.conftest import dump_database
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    SCOPES,
    SyncNode,
    add_loan,
    open_network,
    person,
    send,
    set_target,
    sync_round,
    synced_rows,
)

NODE_KEYS = ("hub", "a", "b")
LINKS = (("a", "hub"), ("b", "hub"), ("hub", "a"), ("hub", "b"))
VILLAGES = ("Bản Cọ", "Bản Hụm", "Bản Mòng", "Tổ 3", "Bản Nà Sản")

_create = st.tuples(st.just("create"), st.sampled_from(NODE_KEYS), st.booleans())
_edit = st.tuples(st.just("edit"), st.sampled_from(NODE_KEYS), st.integers(0, 50),
                  st.sampled_from(VILLAGES))
_delete = st.tuples(st.just("delete"), st.sampled_from(NODE_KEYS), st.integers(0, 50))
_loan = st.tuples(st.just("loan"), st.sampled_from(NODE_KEYS), st.integers(0, 50))
_target = st.tuples(st.just("target"), st.sampled_from((None, COMMUNE_A, COMMUNE_B)),
                    st.integers(1, 500))
_export = st.tuples(st.just("export"), st.sampled_from(LINKS))
_import = st.tuples(st.just("import"), st.integers(0, 10_000))
# Repeats weight the choice: plenty of files moving, so that imports meet concurrent edits.
step = st.one_of(_create, _create, _edit, _edit, _edit, _delete, _loan, _target,
                 _export, _export, _export, _import, _import, _import, _import)


def live_workers(node) -> list[str]:
    scope = SCOPES[node.key]
    with node.db.session() as s:
        stmt = select(Worker.id).where(Worker.deleted.is_(False)).order_by(Worker.id)
        if scope is not None:
            stmt = stmt.where(Worker.commune_code.in_(scope))
        return list(s.scalars(stmt))


class World:
    def __init__(self, templates, keys, folder: Path) -> None:
        self.nodes = open_network(templates, keys, folder / "nodes")
        self.usb = folder / "usb"
        self.usb.mkdir()
        self.pool: list[tuple[Path, str]] = []  # (file, addressee)
        self.serial = {"hub": 100_000, "a": 200_000, "b": 300_000}
        self.writes: dict[str, list[tuple[str, str, bool]]] = {}  # id -> (version, village, del)

    def seed(self) -> None:
        """A few people every node already knows, so that edits on both sides meet."""
        for key in ("a", "b", "a", "b", "hub"):
            self.do(("create", key, key == "hub"))
        sync_round(self.nodes, self.usb)

    def wrote(self, key: str, wid: str) -> None:
        with self.nodes[key].db.session() as s:
            w = s.get(Worker, wid)
            self.writes.setdefault(wid, []).append((w.version, w.village, w.deleted))

    def close(self) -> None:
        for node in self.nodes.values():
            node.db.dispose()

    def pick(self, key: str, index: int) -> str | None:
        ids = live_workers(self.nodes[key])
        return ids[index % len(ids)] if ids else None

    def do(self, action: tuple) -> None:
        kind = action[0]
        if kind == "create":
            _, key, other = action
            commune = {"a": COMMUNE_A, "b": COMMUNE_B}.get(key) or (
                COMMUNE_B if other else COMMUNE_A)
            self.serial[key] += 1
            self.wrote(key, create_worker(self.nodes[key].ctx, person(commune, self.serial[key])))
        elif kind == "edit":
            _, key, index, village = action
            wid = self.pick(key, index)
            if wid:
                values = get_worker(self.nodes[key].ctx, wid)
                values["village"] = village
                values["notes"] = f"sửa ở {key}"
                update_worker(self.nodes[key].ctx, wid, values)
                self.wrote(key, wid)
        elif kind == "delete":
            wid = self.pick(action[1], action[2])
            if wid:
                delete_worker(self.nodes[action[1]].ctx, wid)
                self.wrote(action[1], wid)
        elif kind == "loan":
            wid = self.pick(action[1], action[2])
            if wid:
                add_loan(self.nodes[action[1]].ctx, wid)
        elif kind == "target":
            set_target(self.nodes["hub"].ctx, 2026, action[2], action[1])
        elif kind == "export":
            src, dst = action[1]
            self.pool.append((send(self.nodes[src], self.nodes[dst], self.usb), dst))
        elif kind == "import" and self.pool:
            path, dst = self.pool[action[1] % len(self.pool)]
            try:
                import_bundle(self.nodes[dst].ctx, path)
            except SyncError as err:  # an older file after a newer one: refused, fine
                assert "not above number" in err.en, err.en


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(step, min_size=20, max_size=45))
def test_three_offices_converge_whatever_the_order_of_files(sync_templates, steps):
    templates, keys = sync_templates
    with tempfile.TemporaryDirectory() as tmp:
        world = World(templates, keys, Path(tmp))
        try:
            world.seed()
            for action in steps:
                world.do(action)
            hub, a, b = (world.nodes[k] for k in NODE_KEYS)
            for _ in range(2):
                sync_round(world.nodes, world.usb)
            assert synced_rows(a, SCOPES["a"]) == synced_rows(hub, SCOPES["a"])
            assert synced_rows(b, SCOPES["b"]) == synced_rows(hub, SCOPES["b"])
            # Last writer wins: each person ends as the write with the highest version left it.
            with hub.db.session() as s:
                for wid, writes in world.writes.items():
                    w = s.get(Worker, wid)
                    assert (w.version, w.village, w.deleted) == max(writes)
            # Nothing from the other commune ever reaches a commune.
            assert synced_rows(a, SCOPES["b"], hub_tables=False) == {
                t: [] for t in synced_rows(a, SCOPES["b"], hub_tables=False)}
            # Re-importing any file of the whole history changes nothing.
            files = [(p, p.stem.rsplit("-to-", 1)[1]) for p in sorted(world.usb.iterdir())]
            before = {k: dump_database(n.db) for k, n in world.nodes.items()}
            for path, dst in files:
                try:
                    import_bundle(world.nodes[dst].ctx, path)
                except SyncError as err:
                    assert "not above number" in err.en, err.en
            assert {k: dump_database(n.db) for k, n in world.nodes.items()} == before
        finally:
            world.close()


def entry_content(row: tuple) -> tuple:
    from sonla_desktop.models import Conflict

    names = [c.name for c in Conflict.__table__.columns]
    stamps = {"origin", "version", "created_at", "updated_at"}
    return tuple(v for n, v in zip(names, row, strict=True) if n not in stamps)


def merge_directly(node, paths: list[Path], sender_scope) -> None:
    """Apply files' records through the merge alone (no sequence bookkeeping), in order."""
    keys = load_keys(node_keys_dir(node.id))
    for path in paths:
        with node.ctx.transaction() as s:
            me = self_node(s)
            manifest = verify_bundle(path, lambda n, s=s: trusted_peer(s, n))
            merger = Merger(s, self_id=me.id, self_is_hub=me.is_hub,
                            sender_id=manifest["sender"], sender_scope=sender_scope,
                            sender_have=manifest["have"], self_have=have_vector(s, me.id))
            merger.run(read_records(path, manifest, keys))


@pytest.mark.sqlite_only("copies the hub with SQLite's backup API between orders")
@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.sampled_from(("hub", "a", "export")), st.integers(0, 3),
                                st.sampled_from(VILLAGES), st.booleans()),
                      min_size=1, max_size=10),
       order=st.permutations(range(3)))
def test_the_merge_gives_the_same_rows_in_any_order(sync_templates, edits, order):
    """Files from a commune, taken between edits on both sides, merged at the hub in two orders
    (each file twice): the same rows either way."""
    templates, keys = sync_templates
    with tempfile.TemporaryDirectory() as tmp:
        world = World(templates, keys, Path(tmp))
        try:
            hub, a = world.nodes["hub"], world.nodes["a"]
            ids = [create_worker(a.ctx, person(COMMUNE_A, 500 + i)) for i in range(4)]
            sync_round(world.nodes, world.usb)
            files = []
            for key, index, village, delete in [*edits, ("export", 0, "", False)] * 1:
                if key == "export":
                    files.append(send(a, hub, world.usb, full=True))
                    continue
                node = world.nodes[key]
                values = get_worker(node.ctx, ids[index])
                if values["deleted"]:
                    continue
                if delete and key == "a":
                    delete_worker(node.ctx, ids[index])
                else:
                    values["village"] = village
                    update_worker(node.ctx, ids[index], values)
            files = (files * 3)[:3]
            results = []
            for n, perm in enumerate((list(range(3)), list(order))):
                path = Path(tmp) / f"hub-copy-{n}.db"
                hub.db.backup(path)
                node = SyncNode("hub", ServiceContext(open_database(path), role="admin"), path)
                merge_directly(node, [files[i] for i in perm], SCOPES["a"])
                merge_directly(node, [files[i] for i in perm], SCOPES["a"])
                rows = synced_rows(node, SCOPES["a"])
                # Inbox entries are this hub's own notes, stamped (origin, version, times)
                # when it merged: the same entries, but not the same stamps, in each copy.
                rows["conflict"] = [entry_content(r) for r in rows["conflict"]]
                results.append(rows)
                node.db.dispose()
            assert results[0] == results[1]
        finally:
            world.close()
