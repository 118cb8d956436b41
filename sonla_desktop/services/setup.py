"""First-time set-up of a database: schema, reference data, this node's identity."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from .. import paths
from ..db import Database
from ..errors import ValidationError
from ..models import AdminUnit, Node, Setting
from ..sync.keys import NODE_FILE, generate_keys, save_keys
from .context import ServiceContext
from .reference import SeedSummary, seed_reference, shipped_unit_codes


@dataclass
class InitResult:
    node_id: str
    node_name: str
    scope: list[str]
    is_hub: bool
    created: bool
    seeded: SeedSummary
    keys_created: bool = False


def get_self_node(ctx: ServiceContext) -> Node | None:
    ctx.require("status.read")
    with ctx.db.session() as s:
        return s.scalar(select(Node).where(Node.is_self.is_(True)))


def get_setting(ctx: ServiceContext, key: str, default: str = "") -> str:
    ctx.require("settings.read")
    with ctx.db.session() as s:
        row = s.get(Setting, key)
        return row.value if row else default


def set_settings(ctx: ServiceContext, values: dict[str, str]) -> None:
    ctx.require("settings.write")
    with ctx.transaction() as s:
        for key, value in values.items():
            row = s.get(Setting, key)
            old = row.value if row else None
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
            if old != value:
                ctx.audit(s, "setting", "setting", key[:36], {key: (old, value)})


def check_init_communes(communes: list[str] | None, known: set[str] | None = None) -> None:
    """Refuse unknown commune codes; called before the database file is even created, so a
    mistyped code leaves nothing behind."""
    known = shipped_unit_codes() if known is None else known
    bad = [c for c in communes or () if c not in known]
    if bad:
        raise ValidationError(
            "commune", f"Không có xã/phường mã {', '.join(bad)} trong danh mục tỉnh Sơn La. "
            "Chưa có gì được ghi.",
            f"Unknown commune code(s): {', '.join(bad)}. Nothing was written.")


def initialise(
    db: Database, name: str | None = None, communes: list[str] | None = None,
    hub: bool = False, user: str = "admin",
) -> InitResult:
    """Create or upgrade the database and make this installation a node. Idempotent."""
    check_init_communes(communes)
    db.upgrade()
    ctx = ServiceContext(db, user=user, role="admin")
    with ctx.transaction() as s:
        node = s.scalar(select(Node).where(Node.is_self.is_(True)))
        created = node is None
        if created:
            node = Node(id=str(uuid.uuid4()), name=name or "Văn phòng", is_self=True)
            s.add(node)
            s.flush()
            ctx.reset_node()
            # The node row is not committed yet, so ctx could not look it up: without this
            # the seeded reference rows would be stamped with origin "local".
            ctx._node_id = node.id
        seeded = seed_reference(ctx, s)
        if communes:
            check_init_communes(communes, set(s.scalars(select(AdminUnit.code))))
            node.scope = ",".join(communes)
        if name:
            node.name = name
        if hub:
            node.is_hub = True
            node.scope = "hub"
        if created or name or communes or hub:
            ctx.audit(s, "init", "node", node.id,
                      {"name": (None, node.name), "scope": (None, node.scope)})
        result = InitResult(node.id, node.name, _scope(node), node.is_hub, created, seeded)
    ctx.reset_node()
    result.keys_created = ensure_node_keys(result.node_id)
    return result


def node_keys_dir(node_id: str) -> Path:
    """Where this node's key files live: the user's private data folder, one folder per node.

    Not in the database: a database backup or a copy sent for support must never carry the
    private keys, and the hub's database may live on a server others administer.
    """
    return paths.keys_dir() / node_id


def ensure_node_keys(node_id: str) -> bool:
    """Create the node's signing and encryption keys if its key folder has none yet.

    Returns True when keys were created. Existing keys are never replaced: peers trust them.
    """
    folder = node_keys_dir(node_id)
    if (folder / NODE_FILE).exists():
        return False
    save_keys(generate_keys(node_id), folder)
    return True


def _scope(node: Node) -> list[str]:
    return [c for c in node.scope.split(",") if c]


def is_initialised(db: Database) -> bool:
    if db.check_schema() == "empty":
        return False
    with db.session() as s:
        return s.scalar(select(Node.id).where(Node.is_self.is_(True))) is not None
