"""Convergence property (issue #20): a hub and two communes as real SQLite databases, random
edits, deletes, duplicates from two ends, loan approvals/payouts/repayments and inbox
decisions, files exported at random moments, imported in random order, some twice, some
never. After the offices sync normally until nothing moves:

* every node holds exactly the hub's rows for its scope (inbox entries and links included);
* no edit was lost without an inbox entry on the node that wrote it;
* no rule across records is broken on any node (one payout within the approval, repaid at
  most what was paid out, payouts only on a paid-out loan; a shared CCCD is linked).

The actions include the edges of issue #20: the hub moving a worker between the communes
(``services.transfers.move_worker``, also carrying out a commune's request), a commune
requesting a move, and an office (hub or commune) put back to an earlier state, either
through the real restore (``services.backup.restore_backup`` of an encrypted backup) or as a
database file copied back by hand. A write that only the restored office ever held is lost
by the restore itself (nobody acknowledged it): it is the one kind of write the loss check
leaves out; everything another office had received must end up in the data or in an inbox.

A seeded loop (not hypothesis) keeps the run bounded for CI: SEEDS x STEPS in the normal
suite, with moves and restores in the mix (restores on SQLite only); ``SONLA_CONVERGENCE_SEEDS
=300`` hunts longer (seeds 1 to 300), ``SONLA_CONVERGENCE_EDGES`` picks the mix (EDGES below). Row ids are drawn from the seed, so a failing seed runs the same actions again.
"""


from __future__ import annotations

import itertools
import os
import random
import tempfile
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from sonla_desktop.models import (
    Conflict,
    Disbursement,
    LoanApplication,
    PossibleDuplicate,
    Repayment,
    Worker,
)
from sonla_desktop.models import base as models_base
from sonla_desktop.sync import hlc
from tests import pg_backend
from tests.sync_db.convergence_world import LINKS, World, knows
from tests.sync_db.sync_helpers import SCOPES, synced_rows

# A longer hunt: SONLA_CONVERGENCE_SEEDS=300 pytest tests/sync_db/test_convergence.py
# (about 1.5 s a seed with moves and restores on a 2-core machine; see DEFAULT_SEEDS).
DEFAULT_SEEDS = 30
# SONLA_CONVERGENCE_FIRST=301 SONLA_CONVERGENCE_SEEDS=600: a hunt over seeds not run before.
SEEDS = tuple(range(int(os.environ.get("SONLA_CONVERGENCE_FIRST", 1)),
                    int(os.environ.get("SONLA_CONVERGENCE_SEEDS", DEFAULT_SEEDS)) + 1))
STEPS = 90


def check_no_silent_loss(world: World) -> None:
    for (table, row_id), writes in world.writes.items():
        model = Worker if table == "worker" else LoanApplication
        final = world._version("hub", model, row_id)
        for key, version, _ in writes:
            if version in world.unacknowledged:
                continue  # lost by a restore before any other office had it
            if version == final or knows(writes, final, version):
                continue
            # Two offices writing the same values lose nothing (and are no clash).
            if any(world.data[v] == world.data[version] for _, v, _ in writes
                   if knows(writes, final, v)):
                continue
            # The final data is exactly what a write that knew this one made: that write
            # overwrote it knowingly, and a later write with the same values (even one that
            # did not know it, as an office restored to before both) only repeats that
            # outcome (seed 109: b's edit, the hub's edit on it, b restored to before both
            # and editing to the hub's values: no clash, since nothing differs).
            if final is not None and any(
                    world.data.get(v) == world.data[final] and knows(writes, v, version)
                    for _, v, _ in writes if v != version):
                continue
            # A later write of the same office built on this one carries the loss instead.
            if any(k == key and knows(writes, v, version) and v != version
                   for k, v, _ in writes):
                continue
            # A later write of another office that knew this one, shown as the loser of an
            # entry in this office's inbox, tells it that its line of edits lost (its own
            # restore may have made it forget this very version, as in seed 109).
            carriers = [v for _, v, _ in writes if v != version and knows(writes, v, version)]
            with world.nodes[key].db.session() as s:
                entries = s.scalars(select(Conflict).where(Conflict.row_id == row_id)).all()
            assert any(version in (e.loser + e.winner) or any(c in e.loser for c in carriers)
                       for e in entries), (
                f"{table} {row_id}: the edit {version} of {key} was lost without an inbox "
                f"entry there; writes {writes}; final {final}; " + _debug(world, row_id)
                + "\n" + "\n".join(world.log))


def _debug(world, row_id):
    import json
    out = []
    for key, n in world.nodes.items():
        with n.db.session() as s:
            r = s.get(Worker, row_id)
            out.append(f"NODE {key} {n.id[:8]} {r.version[:18] if r else None}")
            for c in s.scalars(select(Conflict).where(Conflict.row_id == row_id)):
                out.append(f" C {json.loads(c.winner)['version'][:18]} "
                           f"{json.loads(c.loser)['version'][:18]} {c.resolution}")
    return "\n".join(out)


def _differences(here: dict, there: dict) -> str:
    """The rows that differ between a commune and the hub, for a failing seed's message."""
    out = [""]
    for table, rows in here.items():
        mine, hubs = set(rows), set(there[table])
        out += [f"  {table} only here: {r}" for r in sorted(mine - hubs)]
        out += [f"  {table} only at the hub: {r}" for r in sorted(hubs - mine)]
    return "\n".join(out) + "\n"


def check_rules(world: World) -> None:
    for node in world.nodes.values():
        with node.db.session() as s:
            for loan in s.scalars(select(LoanApplication).where(~LoanApplication.deleted)):
                paid = s.scalars(select(Disbursement.amount_vnd).where(
                    Disbursement.loan_id == loan.id, ~Disbursement.deleted)).all()
                repaid = s.scalar(select(func.coalesce(func.sum(Repayment.principal_vnd), 0))
                                  .where(Repayment.loan_id == loan.id, ~Repayment.deleted))
                assert len(paid) <= 1 and sum(paid) <= (loan.approved_vnd or 0), loan.id
                assert not paid or loan.status in ("disbursed", "closed"), loan.id
                assert repaid <= sum(paid), loan.id
            shared = s.execute(select(Worker.national_id, func.count()).where(
                ~Worker.deleted).group_by(Worker.national_id).having(func.count() > 1)).all()
            for nid, _ in shared:
                ids = sorted(s.scalars(select(Worker.id).where(
                    Worker.national_id == nid, ~Worker.deleted)))
                links = {(d.worker_id_1, d.worker_id_2) for d in s.scalars(
                    select(PossibleDuplicate).where(PossibleDuplicate.national_id == nid))}
                assert {(x, y) for x in ids for y in ids if x < y} <= links, (node.key, nid)


# The edges of issue #20 in the action mix. Restores put a database file back: SQLite only
# (services.backup refuses PostgreSQL, whose restores are the server's own tools).
MOVES = ("move", "move", "move")
RESTORES = () if pg_backend.ACTIVE else ("backup", "restore")
# Both are in the normal suite's mix: 0 failing seeds of 1..120 with moves since session 6,
# and 0 of 1..300 with moves and restores since session 7 (docs/architecture.md,
# "Convergence test, session 7"). SONLA_CONVERGENCE_EDGES=moves|restores|all picks one part
# ("none": neither).
EDGES = {"none": (), "": MOVES + RESTORES, "moves": MOVES, "restores": RESTORES,
         "all": MOVES + RESTORES}[os.environ.get("SONLA_CONVERGENCE_EDGES", "")]
RESTORED = ("hub", "a", "b")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_hub_and_two_communes_converge_and_nothing_is_lost_silently(sync_templates, seed,
                                                                     monkeypatch):
    templates, keys = sync_templates
    rng = random.Random(seed)
    # Row ids decide which row an action picks (``World._pick`` sorts them): drawn from the
    # seed, a failing seed runs the same actions again.
    ids = random.Random(f"ids-{seed}")
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=ids.getrandbits(128), version=4))
    monkeypatch.setattr(models_base, "_random_bytes", ids.randbytes)  # models.new_id
    # Versions take the wall clock, so the same actions in another run could order writes of
    # the same millisecond differently (a failing seed passed one run in three). Every node
    # here reads one clock that moves a millisecond per reading: the run is the same each time.
    ticks = itertools.count(int(time.time() * 1000))
    monkeypatch.setattr(hlc, "time", SimpleNamespace(time=lambda: (next(ticks) + 0.5) / 1000))
    with tempfile.TemporaryDirectory() as tmp:
        world = World(templates, keys, Path(tmp), rng)
        try:
            play(world, EDGES)
            hub = world.nodes["hub"]
            for key in ("a", "b"):
                here, there = synced_rows(world.nodes[key], SCOPES[key]), synced_rows(
                    hub, SCOPES[key])
                assert here == there, key + _differences(here, there) + "\n".join(world.log)
            check_no_silent_loss(world)
            check_rules(world)
        finally:
            world.close()


def play(world: World, edges: tuple[str, ...]) -> None:
    """The seeded run: a first sync, STEPS random actions, then the offices settle."""
    rng = world.rng
    kinds = ("create", "edit", "edit", "edit", "delete", "loan", "loan", "approve",
             "approve", "approve", "disburse", "disburse", "disburse", "repay", "repay",
             "resolve", "resolve", "export", "export", "export", "export", "import",
             "import", "import", "import", "import", "import") + edges
    for key in ("a", "b", "hub", "a", "b"):
        world.do(key, "create")
    world.settle()
    if "restore" in edges:  # every office has something to go back to
        for key in ("hub", "a", "b"):
            world.do(key, "backup")
    for step in range(STEPS):
        kind = rng.choice(kinds)
        # Every seed moves someone, or restores someone, at least once. A move can find
        # nobody to move (the hub restored to an empty backup: seed 576): try again later.
        if "move" in edges and (step == STEPS // 3 or step > STEPS // 3 and not world.moves):
            world.do("hub", "move")
        if step == 2 * STEPS // 3 and "restore" in edges:
            world.do(rng.choice(RESTORED), "restore")
        if kind == "export":
            world.export(*rng.choice(LINKS))
        elif kind == "import":
            if world.pool:
                world.import_one(*rng.choice(world.pool))
        else:
            world.do(rng.choice(("hub", "a", "b")), kind)
    world.settle()
    assert world.moves or "move" not in edges
    assert world.restores or "restore" not in edges
