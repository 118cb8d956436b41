"""What the main window's status bar shows: which office, and when it last synced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..models import BundleLog, Node, Setting
from .context import ServiceContext

OFFICE_NAME_SETTING = "office_name"


@dataclass(frozen=True)
class OfficeStatus:
    office_name: str
    scope: tuple[str, ...]
    last_sync_at: datetime | None  # naive UTC, as stored
    last_sync_direction: str | None  # "in" | "out"


def office_status(ctx: ServiceContext) -> OfficeStatus:
    ctx.require("status.read")
    with ctx.db.session() as s:
        node = s.scalar(select(Node).where(Node.is_self.is_(True)))
        setting = s.get(Setting, OFFICE_NAME_SETTING)
        name = (setting.value if setting and setting.value else None) or (node.name if node else "")
        last = s.execute(
            select(BundleLog.at, BundleLog.direction).order_by(BundleLog.at.desc()).limit(1)
        ).first()
        scope = tuple(c for c in (node.scope.split(",") if node else []) if c)
    return OfficeStatus(name, scope, last[0] if last else None, last[1] if last else None)
