"""A record named on the command line by its full id or by any unique start of it.

Tables print 8 characters of a 36-character id; every command accepts what it printed (or
more, or fewer down to ``MIN_PREFIX``) as long as exactly one record starts with it.
"""

from __future__ import annotations

from sqlalchemy import select

from ..errors import NotFoundError, UserError
from .context import ServiceContext

MIN_PREFIX = 4


def resolve_id(ctx: ServiceContext, model: type, text: str, what_vi: str, what_en: str) -> str:
    """The full id of the one ``model`` row whose id starts with ``text``."""
    ctx.require("lookups.read")
    key = (text or "").strip().lower()
    column = model.id
    found: list[str] = []
    if len(key) >= MIN_PREFIX:
        with ctx.db.session() as s:
            stmt = select(column).where(column.startswith(key, autoescape=True))
            if hasattr(model, "deleted"):
                stmt = stmt.where(~model.deleted)
            found = list(s.scalars(stmt.limit(2)))
    if len(found) == 1:
        return found[0]
    if found:
        raise UserError(f"Có nhiều {what_vi} có mã bắt đầu bằng “{text}”: hãy gõ thêm ký tự.",
                        f"Several {what_en}s have an id starting with “{text}”: type more.")
    raise NotFoundError(f"Không tìm thấy {what_vi} có mã “{text}”.",
                        f"No {what_en} with id “{text}”.")


def resolve_event_id(ctx: ServiceContext, text: str | None) -> str | None:
    ctx.require("events.read")
    from ..models import Event

    return None if not text else resolve_id(ctx, Event, text, "hội nghị", "conference")


def resolve_worker_id(ctx: ServiceContext, text: str) -> str:
    ctx.require("workers.read")
    from ..models import Worker

    return resolve_id(ctx, Worker, text, "người lao động", "worker")


def resolve_conflict_id(ctx: ServiceContext, text: str) -> str:
    ctx.require("sync.read")
    from ..models import Conflict

    return resolve_id(ctx, Conflict, text, "xung đột", "conflict")
