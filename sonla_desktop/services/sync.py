"""USB sync as user actions: export a bundle, verify it, import it, see the history.

Sending is ``services.sync_export`` (export, its preview, noticing a restored database);
receiving is ``services.sync_import`` (verify, then check and merge every record in one
transaction). This module keeps the names the screens, commands and other services import.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..models import BundleLog, Node
from ..sync.exporter import ExportResult
from .context import ServiceContext
from .sync_export import BUNDLE_SUFFIX, default_file_name, export_bundle, export_preview
from .sync_import import BundleCheck, ImportResult, check_bundle, import_bundle


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


__all__ = ["BUNDLE_SUFFIX", "BundleCheck", "ExportResult", "HistoryRow", "ImportResult",
           "bundle_history", "check_bundle", "default_file_name", "export_bundle",
           "export_preview", "import_bundle"]
