"""USB sync, sending: preview and export a bundle for one trusted peer (``services.sync``).

An export also notices a restored database (``sync.generation``): the clerk is told which
files to carry, and a peer found restored gets a full bundle without anyone asking.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from ..errors import UserError
from ..models import Node
from ..sync import generation, restore_debt
from ..sync.exporter import ExportResult, log_export, plan_export, write_export
from .context import ServiceContext
from .setup import node_keys_dir
from .sync_trust import find_peer, node_keys, self_node

BUNDLE_SUFFIX = ".sldsync"


def export_preview(ctx: ServiceContext, to: str | None = None,
                   full: bool = False) -> tuple[Node, dict[str, int]]:
    """The recipient and how many rows of each table a bundle would carry now."""
    ctx.require("sync.read")
    with ctx.db.session() as s:
        me = self_node(s)
        peer = find_peer(s, to)
        return peer, plan_export(s, me, peer, full, ctx.db.is_sqlite)


def default_file_name(ctx: ServiceContext, peer: Node) -> str:
    """A file name a clerk can read on the stick: sender, recipient, date and time."""
    ctx.require("sync.read")
    with ctx.db.session() as s:
        me = self_node(s)

    def short(text: str) -> str:
        from ..domain.text import fold

        return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:30] or "don-vi"

    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    return f"{short(me.name)}-gui-{short(peer.name)}-{stamp}{BUNDLE_SUFFIX}"


def export_bundle(
    ctx: ServiceContext,
    path: Path,
    to: str | None = None,
    full: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> ExportResult:
    """Write a signed, encrypted bundle for one trusted peer and log it."""
    ctx.require("sync.write")
    path = Path(path)
    if path.is_dir():
        with ctx.db.session() as s:
            name = default_file_name(ctx, find_peer(s, to))
        path = path / name
        n = 1
        while path.exists():  # two exports in one minute: keep both files
            n += 1
            path = path.with_name(f"{name.removesuffix(BUNDLE_SUFFIX)}-{n}{BUNDLE_SUFFIX}")
    if path.suffix.lower() != BUNDLE_SUFFIX:
        path = path.with_name(path.name + BUNDLE_SUFFIX)
    if not path.parent.is_dir():
        raise UserError(f"Không có thư mục {path.parent}.",
                        f"The folder {path.parent} does not exist.")
    keys = node_keys(ctx)
    restored = _check_restored(ctx)
    with ctx.db.session() as s:
        # A peer found restored gets everything, without anyone having to ask.
        peer_id = find_peer(s, to).id
        repair = not full and generation.full_owed(s, peer_id)
        # This database was found restored: the peer gets all our own rows (restore_debt).
        own_rows = restore_debt.own_rows_owed(s, peer_id)
    full = full or repair
    # One read transaction: the rows, the have-vector and the sequence come from one snapshot.
    with ctx.db.session() as s, s.begin():
        me = self_node(s)
        peer = find_peer(s, to)
        try:
            result = write_export(s, keys, me, peer, path, full=full, own_rows=own_rows,
                                  is_sqlite=ctx.db.is_sqlite, progress=progress)
        except OSError as exc:
            raise UserError(
                f"Không ghi được tệp {path}: {exc.strerror or exc}. Kiểm tra USB còn chỗ trống "
                "và không bị khoá ghi.",
                f"Could not write {path}: {exc.strerror or exc}. Check that the USB stick has "
                "free space and is not write-protected.") from exc
    try:
        with ctx.transaction() as s:
            log_export(s, result, me.id)
            if result.full:  # owed until the peer says it imported one (generation.py)
                generation.full_sent(s, peer.id, result.sequence)
            if result.full or own_rows:
                restore_debt.own_rows_sent(s, peer.id, result.sequence)
            ctx.audit(s, "export", "bundle", result.bundle_sha256[:36],
                      {"to": (None, peer.id), "sequence": (None, result.sequence),
                       "records": (None, result.total)})
    except BaseException:
        # Without its log entry the file's sequence number would be handed out again.
        path.unlink(missing_ok=True)
        raise
    with ctx.db.session() as s:
        write_state(ctx, s)
    result.restored, result.repair = restored, repair
    return result


def _check_restored(ctx: ServiceContext) -> generation.Restored | None:
    """Has this database been restored (or copied back)? Repairs its sync state if so."""
    with ctx.transaction() as s:
        return restored_in(ctx, s)


def restored_in(ctx: ServiceContext, s: Session, manifest: dict | None = None
                ) -> generation.Restored | None:
    """Inside the caller's transaction: has this database been restored (or copied back)?
    Repairs its sync state if so (``sync.generation``)."""
    me = self_node(s)
    generation.generation(s)
    found = generation.check_self(s, me.id, node_keys_dir(me.id))
    if found is None and manifest is not None:
        found = generation.check_peer_word(s, me.id, manifest)
    if found is not None:
        ctx.audit(s, "restored", "node", me.id, {
            "how": (None, found.how), "last_known": (None, found.last_known),
            "last_sent": (None, found.last_sent)})
        ctx.reset_node()  # the clock moved on in the database: read it again
    return found


def write_state(ctx: ServiceContext, s: Session) -> None:
    """After a committed export or import: this database's sync position, beside the keys."""
    me = self_node(s)
    generation.write_state(s, me.id, node_keys_dir(me.id))


__all__ = ["BUNDLE_SUFFIX", "default_file_name", "export_bundle", "export_preview",
           "restored_in", "write_state"]
