"""What an office found restored owes its peers: all of its own rows, once.

Acknowledgements are per origin (``exporter.peer_acks``): a peer's "have" for us is the
highest version of ours it received, from whichever line of our history reached it. A
database restored twice (to an older backup, then to a newer one taken before the first
restore) holds rows of ours that the line in between never had, below versions that line
sent: the peer's "have" covers them and no incremental bundle would ever carry them
(convergence seed 817: the hub's move, written before its first restore and back after the
second, never reached the commune it moved the worker away from).

So ``generation._renew`` makes every peer owed our own rows (setting
``sync_own_rows_to:<peer>``): the next bundles to it send every row of ours in its scope, as
if it had acknowledged none (rows of other offices stay incremental: a restored office's
peers repair those by sending it full bundles, ``generation.check_sender``), until the peer's
manifest says it imported one of them (``last_from_you``), as for ``generation.full_sent``.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Node, Setting, utcnow


def _key(peer_id: str) -> str:
    return f"sync_own_rows_to:{peer_id}"


def owe_every_peer(session: Session, self_id: str) -> None:
    """This database was just found restored: each peer is owed our own rows (again)."""
    for peer in session.scalars(select(Node.id).where(Node.id != self_id)):
        row = session.get(Setting, _key(peer))
        value = json.dumps({"at": utcnow().isoformat()})
        if row is None:
            session.add(Setting(key=_key(peer), value=value))
        else:
            row.value = value  # a later restore: a bundle sent before it does not pay


def own_rows_owed(session: Session, peer_id: str) -> bool:
    row = session.get(Setting, _key(peer_id))
    return row is not None and bool(row.value)


def _debt(row: Setting) -> dict:
    try:
        owed = json.loads(row.value)
    except ValueError:
        return {}
    return owed if isinstance(owed, dict) else {}


def own_rows_sent(session: Session, peer_id: str, sequence: int) -> None:
    """A bundle carrying all our rows went to the peer: remember the first one's number."""
    row = session.get(Setting, _key(peer_id))
    if row is not None and not isinstance(_debt(row).get("sent"), int):
        row.value = json.dumps({**_debt(row), "sent": sequence})


def own_rows_confirmed(session: Session, sender_id: str, manifest: dict) -> None:
    """On import: the sender imported that bundle (or a later one): the debt is paid."""
    row = session.get(Setting, _key(sender_id))
    if row is None:
        return
    sent, seen = _debt(row).get("sent"), manifest.get("last_from_you")
    if (isinstance(sent, int) and isinstance(seen, int) and not isinstance(seen, bool)
            and seen >= sent):
        session.delete(row)


__all__ = ["owe_every_peer", "own_rows_confirmed", "own_rows_owed", "own_rows_sent"]
