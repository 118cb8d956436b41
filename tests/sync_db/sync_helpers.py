"""Helpers for sync tests: three nodes (hub + two communes) that already trust each other."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from sonla_desktop import paths
from sonla_desktop.db import open_database
from sonla_desktop.models import SYNCED_MODELS, LoanApplication, Target, Worker
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.sync import export_bundle, import_bundle
from sonla_desktop.services.sync_trust import public_key_text, trust_peer
from sonla_desktop.sync.scope import scope_condition
from tests.pg_backend import copy_of

COMMUNE_A = "03670"  # Phường Chiềng Cơi
COMMUNE_B = "03679"  # Phường Chiềng Sinh
NAMES = {"hub": "Sở LĐ-TB&XH Sơn La", "a": "UBND phường Chiềng Cơi",
         "b": "UBND phường Chiềng Sinh"}
SCOPES = {"hub": None, "a": frozenset({COMMUNE_A}), "b": frozenset({COMMUNE_B})}


@dataclass
class SyncNode:
    key: str  # hub | a | b
    ctx: ServiceContext
    path: Path | str  # the SQLite file, or the PostgreSQL URL on the PostgreSQL pass

    @property
    def id(self) -> str:
        return self.ctx.node_id

    @property
    def db(self):
        return self.ctx.db


def build_templates(folder: Path, urls: dict[str, str] | None = None) -> dict[str, Path | str]:
    """Initialise the three nodes once and make them trust each other (hub <-> communes).

    ``urls``: PostgreSQL databases to build them in (tests/pg_backend.py), each then a
    template for the tests' copies; by default SQLite files in ``folder``.
    """
    from sonla_desktop.services.setup import initialise

    files = {}
    ctxs = {}
    for key, communes, hub in (("hub", None, True), ("a", [COMMUNE_A], False),
                               ("b", [COMMUNE_B], False)):
        db = open_database(urls[key] if urls else folder / f"{key}-live.db")
        initialise(db, name=NAMES[key], communes=communes, hub=hub)
        ctxs[key] = ServiceContext(db, role="admin")
    for commune in ("a", "b"):
        trust_peer(ctxs["hub"], public_key_text(ctxs[commune]))
        trust_peer(ctxs[commune], public_key_text(ctxs["hub"]))
    for key, ctx in ctxs.items():
        if urls:
            files[key] = urls[key].rsplit("/", 1)[-1]
        else:
            files[key] = folder / f"{key}.db"
            ctx.db.backup(files[key])
        ctx.db.dispose()
    return files


def open_network(templates: dict[str, Path], key_source: Path, into: Path) -> dict[str, SyncNode]:
    """Fresh copies of the three template nodes, with their keys in this test's data folder."""
    into.mkdir(parents=True, exist_ok=True)
    target_keys = paths.keys_dir()
    for folder in key_source.iterdir():
        if not (target_keys / folder.name).exists():
            shutil.copytree(folder, target_keys / folder.name)
    nodes = {}
    for key, template in templates.items():
        path = copy_of(template, into / f"{key}.db")
        nodes[key] = SyncNode(key, ServiceContext(open_database(path), user=f"clerk-{key}",
                                                  role="admin"), path)
    return nodes


def send(src: SyncNode, dst: SyncNode, folder: Path, full: bool = False) -> Path:
    existing = len(list(folder.glob("*.sldsync")))
    path = folder / f"{existing + 1:03d}-{src.key}-to-{dst.key}.sldsync"
    export_bundle(src.ctx, path, to=dst.id, full=full)
    return path


def receive(dst: SyncNode, path: Path):
    return import_bundle(dst.ctx, path)


def sync_round(nodes: dict[str, SyncNode], folder: Path) -> None:
    """Communes to hub, then hub to communes: everything known reaches everyone in scope."""
    for commune in ("a", "b"):
        receive(nodes["hub"], send(nodes[commune], nodes["hub"], folder))
    for commune in ("a", "b"):
        receive(nodes[commune], send(nodes["hub"], nodes[commune], folder))


def synced_rows(node: SyncNode, scope: frozenset[str] | None,
                hub_tables: bool = True) -> dict[str, list[tuple]]:
    """Every row of every synced table within ``scope``, all columns, sorted by id."""
    from sonla_desktop.sync.scope import HUB_ONLY_TABLES

    out = {}
    with node.db.engine.connect() as conn:
        for model in SYNCED_MODELS:
            t = model.__table__
            if not hub_tables and t.name in HUB_ONLY_TABLES:
                continue
            cond = scope_condition(t.name, t, scope)
            stmt = select(t).order_by(t.c.id)
            if cond is not None:
                stmt = stmt.where(cond)
            out[t.name] = [tuple(r) for r in conn.execute(stmt)]
    return out


_serial = [0]


def person(commune: str, n: int | None = None, **extra) -> dict:
    """Valid input for create_worker: CCCD agrees with the birth date and sex."""
    if n is None:
        _serial[0] += 1
        n = _serial[0]
    female = n % 2 == 1
    year = 1985 + n % 20
    birth = date(year, 1 + n % 12, 1 + n % 28)
    century = (0 if year < 2000 else 2) + (1 if female else 0)
    values = {
        "full_name": ["Lò Văn Ơn", "Quàng Thị Hương", "Cầm Văn Khánh", "Lường Thị Mai"][n % 4],
        "birth_date": birth.strftime("%d/%m/%Y"), "sex": "Nữ" if female else "Nam",
        "national_id": f"014{century}{year % 100:02d}{n % 1_000_000:06d}",
        "phone": f"0912{n % 1_000_000:06d}", "ethnic_code": "03", "commune_code": commune,
        "village": f"Bản {n % 7 + 1}", "household": "none",
    }
    values.update(extra)
    return values


def add_loan(ctx: ServiceContext, worker_id: str, amount: int = 80_000_000) -> str:
    """A draft loan written the way a service writes it (stamped, audited)."""
    with ctx.transaction() as s:
        loan = LoanApplication(worker_id=worker_id, policy_group="poor",
                               application_date=date(2025, 3, 1), market_code="KR",
                               total_cost_vnd=amount, requested_vnd=amount)
        s.add(loan)
        ctx.stamp(s, loan)
        s.flush()
        ctx.audit(s, "create", "loan_application", loan.id)
        return loan.id


def set_target(ctx: ServiceContext, year: int, count: int, commune: str | None = None) -> str:
    with ctx.transaction() as s:
        row = s.scalar(select(Target).where(Target.year == year,
                                            Target.commune_code.is_(None) if commune is None
                                            else Target.commune_code == commune))
        if row is None:
            row = Target(year=year, commune_code=commune, departures=count)
            s.add(row)
        row.departures = count
        ctx.stamp(s, row)
        s.flush()
        ctx.audit(s, "target", "target", row.id, {"departures": (None, count)})
        return row.id


def worker(node: SyncNode, worker_id: str) -> Worker | None:
    with node.db.session() as s:
        return s.get(Worker, worker_id)


def edit(node: SyncNode, wid: str, **changes) -> None:
    """Change some of a worker's fields through the form's service."""
    from sonla_desktop.services.workers import get_worker, update_worker

    values = get_worker(node.ctx, wid)
    values.update(changes)
    update_worker(node.ctx, wid, values)


def copy_back(db, backup: Path) -> None:
    """Put an older copy of a SQLite database file back over the live one, as a clerk (or IT)
    would by hand: the engine closed, the write-ahead log dropped, the file replaced."""
    path = db.path
    db.dispose()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(backup, path)


def restore(network: dict[str, SyncNode], key: str, backup: Path) -> SyncNode:
    """Copy the backup file back over a node's live database and open it again."""
    node = network[key]
    copy_back(node.db, backup)
    network[key] = SyncNode(key, ServiceContext(open_database(node.path), user=node.ctx.user,
                                                role="admin"), node.path)
    return network[key]

