"""Rows an office asks its peer for by id (issue #20): what per-origin acknowledgements
cannot bring back.

Acknowledgements are per origin (``exporter.peer_acks``): a peer sends a row only when its
version is above what we said we hold of its writer. After restores and moves an office can
miss a row whose version is below that mark, and then no incremental bundle ever brings it:

* a commune dropped a worker the hub moved away (``transfers.drop_moved_out``); a restored hub
  forgot that move and the later one bringing the worker back, and holds the worker at the
  commune's own old version: the commune's clock covers it, so it never comes back
  (convergence hunt, seed 152);
* a record set aside for want of its parent (``orphans``): the parent's version may be below
  the mark too.

So each office keeps a short list of rows it wants (setting ``sync_wanted``: ``[table, id]``
pairs of workers, loans and events) and sends it in every manifest (``wanted``). The peer
keeps the list it last received (``sync_wanted_by:<peer>``) and puts those rows in its next
bundles as if they were new (``exporter._Selector``: within the scope as always, and their
children follow them). A row leaves the list once it is here.

The same manifest list also carries the rows this office set aside for a value its program
does not know (``newer_values``: rows of any synced table, kept in their own setting with
the version set aside); the sender treats both alike.
"""

from __future__ import annotations

import json
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import SyncError
from ..models import Event, LoanApplication, Setting, Transfer, Worker
from .newer_values import MAX_ASKED
from .records import TABLES
from .scope import Scope
from .transfers import latest_moves_of

WANTED = "sync_wanted"
MAX_WANTED = 1000
MODELS = {"worker": Worker, "loan_application": LoanApplication, "event": Event}
_ID = re.compile(r"[0-9A-Za-z-]{1,36}")
_IN_CHUNK = 500


def _peer_key(peer_id: str) -> str:
    return f"sync_wanted_by:{peer_id}"


def _read(session: Session, key: str, tables=MODELS) -> list[tuple[str, str]]:
    row = session.get(Setting, key)
    try:
        pairs = json.loads(row.value) if row is not None else []
        return [(str(t), str(i)) for t, i in pairs if t in tables]
    except (ValueError, TypeError):
        return []


def _write(session: Session, key: str, pairs: list[tuple[str, str]],
           most: int = MAX_WANTED) -> None:
    value = json.dumps([list(p) for p in pairs[-most:]])
    row = session.get(Setting, key)
    if row is None:
        if pairs:
            session.add(Setting(key=key, value=value))
    elif row.value != value:
        row.value = value


def wanted(session: Session) -> list[list[str]]:
    """This office's wish list, for its manifests."""
    return [list(p) for p in _read(session, WANTED)]


def _held(session: Session, table: str, ids: list[str]) -> set[str]:
    model = MODELS[table]
    found: set[str] = set()
    for i in range(0, len(ids), _IN_CHUNK):
        found.update(session.scalars(select(model.id).where(model.id.in_(ids[i : i + _IN_CHUNK]))))
    return found


def moved_in(session: Session, scope: Scope) -> list[tuple[str, str]]:
    """Workers whose latest ``done`` move leads into this commune office's communes and that
    are not here (dropped on an earlier move out, while the move back was forgotten)."""
    if not scope:
        return []
    latest: dict[str, Transfer] = {}
    for t in session.scalars(select(Transfer).where(Transfer.status == "done", ~Transfer.deleted,
                                                    Transfer.to_commune.in_(sorted(scope)))):
        latest[t.worker_id] = t
    if not latest:
        return []
    # The latest move of those workers among all their moves, by the hub's order.
    latest = latest_moves_of(session, latest)
    into = sorted(w for w, t in latest.items() if t.to_commune in scope)
    here = _held(session, "worker", into)
    return [("worker", w) for w in into if w not in here]


def update(session: Session, more: list[tuple[str, str]]) -> None:
    """Add ``more`` to the wish list and drop what is here now (after an import)."""
    pairs = list(dict.fromkeys([*_read(session, WANTED), *more]))
    keep = []
    for table in MODELS:
        ids = [i for t, i in pairs if t == table]
        here = _held(session, table, ids) if ids else set()
        keep += [(table, i) for i in ids if i not in here]
    order = {p: n for n, p in enumerate(pairs)}
    _write(session, WANTED, sorted(keep, key=order.__getitem__))


def check_manifest(manifest: dict) -> list[tuple[str, str]]:
    """The sender's wish list from its manifest; an absurd one refuses the file (#12)."""
    pairs = manifest.get("wanted", [])
    ok = isinstance(pairs, list) and len(pairs) <= MAX_WANTED + MAX_ASKED
    out = []
    for pair in pairs if ok else ():
        # Any synced table: rows set aside for a value the sender's program did not know
        # (newer_values.py) are of any table.
        ok = (isinstance(pair, list) and len(pair) == 2 and pair[0] in TABLES
              and isinstance(pair[1], str) and _ID.fullmatch(pair[1]) is not None)
        if not ok:
            break
        out.append((pair[0], pair[1]))
    if not ok:
        raise SyncError("Bản kê khai của tệp đồng bộ có danh sách bản ghi cần gửi lại (wanted) "
                        "không hợp lệ.",
                        "The sync file's manifest has an invalid list of records to send again "
                        "(wanted).")
    return out


def remember_peer(session: Session, peer_id: str, pairs: list[tuple[str, str]]) -> None:
    """Keep the list a peer last sent: the next bundles to it carry those rows."""
    _write(session, _peer_key(peer_id), pairs, MAX_WANTED + MAX_ASKED)


def peer_wanted(session: Session, peer_id: str) -> dict[str, list[str]]:
    """Per table, the ids the peer asked for in its last manifest."""
    out: dict[str, list[str]] = {}
    for table, row_id in _read(session, _peer_key(peer_id), TABLES):
        out.setdefault(table, []).append(row_id)
    return out


__all__ = ["MODELS", "WANTED", "check_manifest", "moved_in", "peer_wanted", "remember_peer",
           "update", "wanted"]
