"""``bundle export --all`` (issue #16 item 4): at the hub, one bundle per trusted commune.

Each bundle is an ordinary ``services.sync.export_bundle`` for that peer (its records with
the hub's corrections, targets, policy rules, reference data, duplicate decisions), so each
is its own transaction and sequence number: a failure for one commune (a full USB stick)
leaves the bundles already written valid, and the others are still tried and reported.
The file name says which commune: slug of the name, the commune code(s), the date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ..domain.text import fold
from ..errors import UserError
from ..models import Node
from ..sync.exporter import ExportResult
from .context import ServiceContext
from .sync import BUNDLE_SUFFIX, export_bundle


@dataclass
class PeerExport:
    node_id: str
    name: str
    path: Path
    result: ExportResult | None = None
    error: str = ""  # Vietnamese message when this commune's bundle could not be written


def bundle_name(name: str, scope: str, day: date) -> str:
    """``chieng-coi-03670-20261206.sldsync``: who it is for, readable on the stick."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:40] or "xa"
    codes = "-".join(c for c in scope.split(",") if c)[:40] or "hub"
    return f"{slug}-{codes}-{day:%Y%m%d}{BUNDLE_SUFFIX}"


def commune_peers(ctx: ServiceContext) -> list[Node]:
    """The trusted communes a hub sends to, by name. Refused at a commune office."""
    ctx.require("sync.read")
    with ctx.db.session() as s:
        me = s.scalar(select(Node).where(Node.is_self.is_(True)))
        if me is None or not me.is_hub:
            raise UserError(
                "Chỉ văn phòng tỉnh (hub) xuất tệp cho tất cả xã. Ở xã/phường, hãy xuất một "
                "tệp cho văn phòng tỉnh (bundle export --to ...).",
                "Only the province hub exports for every commune. At a commune office, "
                "export one bundle for the hub (bundle export --to ...).")
        peers = list(s.scalars(select(Node).where(
            Node.is_self.is_(False), Node.trusted_at.is_not(None), Node.is_hub.is_(False))
            .order_by(Node.name, Node.id)))
        s.expunge_all()
    return peers


def export_all(ctx: ServiceContext, folder: Path, full: bool = False,
               progress: Callable[[int, int, str], None] | None = None,
               today: date | None = None) -> list[PeerExport]:
    """One bundle per trusted commune into ``folder``; ``progress(done, total, name)``."""
    ctx.require("sync.write")
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"Không có thư mục {folder}.", f"The folder {folder} does not exist.")
    peers = commune_peers(ctx)
    if not peers:
        raise UserError("Chưa tin cậy xã/phường nào: chưa có gì để xuất.",
                        "No commune is trusted yet: nothing to export.")
    day = today or date.today()
    out: list[PeerExport] = []
    for i, peer in enumerate(peers):
        if progress:
            progress(i, len(peers), peer.name)
        path = folder / bundle_name(peer.name, peer.scope, day)
        n = 1
        while path.exists():  # a second export the same day keeps the first file
            n += 1
            path = folder / bundle_name(peer.name, peer.scope, day).replace(
                BUNDLE_SUFFIX, f"-{n}{BUNDLE_SUFFIX}")
        item = PeerExport(peer.id, peer.name, path)
        try:
            item.result = export_bundle(ctx, path, to=peer.id, full=full)
        except UserError as err:
            item.error = err.vi
        out.append(item)
    if progress:
        progress(len(peers), len(peers), "")
    return out
