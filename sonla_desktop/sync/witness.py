"""Rows of a third office that a commune carried to a restored hub (issue #20, seed 787).

The hub moved commune b's worker, with b's loan, to commune a, then was restored to a backup
made before it had either. Only the hub relays other offices' rows, so a commune's copy of
b's loan is never applied at the hub (``inbound.admit``); and b's own copy, arriving once the
hub holds the worker in a again, is a *stale* write of a worker outside b's communes
(``transfers.split_stale``). The hub then never got the loan back while a kept it.

A commune can hold a row of another office only because the hub sent it, so the hub had it
before its restore, hence before any move it made afterwards from that state. When a
commune's repair bundle for a restored hub carries such a row at a version not above the
hub's clock before the restore (``generation.forgotten_versions``), the hub does not refuse
the file: it sets the row aside (never applied: a commune may not write in another office's
name) and keeps its id and version here as a *witness* (setting ``sync_witnessed``). The
writer's own signed record at exactly that version is then not stale, whatever commune the
worker stands in now, and the hub asks for it by id (``sync/wanted.py``).
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from ..models import Setting

WITNESSED = "sync_witnessed"
MAX_WITNESSED = 5000


def load(session: Session) -> dict[tuple[str, str], str]:
    """(table, id) -> version of the rows witnessed so far."""
    row = session.get(Setting, WITNESSED)
    try:
        items = json.loads(row.value) if row is not None else []
        return {(str(t), str(i)): str(v) for t, i, v in items}
    except (ValueError, TypeError):
        return {}


def save(session: Session, witnessed: dict[tuple[str, str], str]) -> None:
    items = [[t, i, v] for (t, i), v in witnessed.items()][-MAX_WITNESSED:]
    value = json.dumps(items)
    row = session.get(Setting, WITNESSED)
    if row is None:
        session.add(Setting(key=WITNESSED, value=value))
    elif row.value != value:
        row.value = value


def relayed_before_restore(version: str, forgotten: list[tuple[str, str]]) -> bool:
    """Could this hub have relayed a row of this version before a restore made it forget?
    Only if the version is not above its clock then (the top of a forgotten range): the
    hub's clock passes every version it receives. Compared on the clock part only."""
    return any(version[:18] <= top[:18] for _, top in forgotten)


__all__ = ["MAX_WITNESSED", "WITNESSED", "load", "relayed_before_restore", "save"]
