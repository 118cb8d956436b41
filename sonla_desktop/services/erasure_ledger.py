"""Erasures survive a restore: the list of erased people kept outside the database.

An erasure (``person_erase``) anonymises a worker in the database and purges the file. A
backup made before it still holds the person's data (it is encrypted and rotates out within
weeks, docs/security.md), and restoring that backup would put the data back into the live
database, with no tombstone, until a peer happened to send the erasure again.

So every office keeps ``erasures.json`` in its key folder (beside ``sync-state.json``,
outside the database and outside every backup): for each tombstone it holds, the
tombstone's id, the worker's id, the commune and the date; never a name or any other
personal value. It is rewritten after each committed erasure, here or received by sync,
and only ever grows. After a restore, ``reapply_erasures`` erases again everyone on it whom
the restored database holds un-erased, and puts back a missing tombstone with its own id
(stamped anew, so it travels and settles on the one row everywhere).

The file is a boundary like any other: one that is unreadable, too large, of another node,
or holds a malformed entry is ignored as a whole (logged), never half-applied. At worst a
forged file can make this office erase records a person did not ask to erase; whoever can
write the key folder can do far worse (it holds the keys), docs/security.md says so.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Erasure, Worker
from ..sync.keys import write_private
from .context import ServiceContext

LEDGER_FILE = "erasures.json"
FORMAT = 1
MAX_BYTES = 16 << 20  # ~100,000 entries; a real office erases a handful a year
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_COMMUNE = re.compile(r"[0-9]{5}\Z")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Entry:
    id: str  # the tombstone's
    worker_id: str
    commune_code: str
    erased_on: date

    def as_json(self) -> dict:
        return {"id": self.id, "worker_id": self.worker_id, "commune_code": self.commune_code,
                "erased_on": self.erased_on.isoformat()}


def _folder(ctx: ServiceContext) -> Path | None:
    from .setup import node_keys_dir

    if not ctx.node_id or ctx.node_id == "local":
        return None
    folder = node_keys_dir(ctx.node_id)
    return folder if folder.is_dir() else None


def _entry(raw: object) -> Entry:
    if not isinstance(raw, dict) or set(raw) != {"id", "worker_id", "commune_code",
                                                 "erased_on"}:
        raise ValueError("entry keys")
    ident, worker, commune, day = (raw["id"], raw["worker_id"], raw["commune_code"],
                                   raw["erased_on"])
    if not all(isinstance(v, str) for v in (ident, worker, commune, day)):
        raise ValueError("entry types")
    if not (_UUID.match(ident) and _UUID.match(worker) and _COMMUNE.match(commune)):
        raise ValueError("entry shape")
    return Entry(ident, worker, commune, date.fromisoformat(day))


def read_ledger(folder: Path | None, node_id: str) -> list[Entry]:
    """The entries of ``folder``'s ledger; [] when there is none or it is not trustworthy."""
    if folder is None:
        return []
    path = folder / LEDGER_FILE
    try:
        if not path.is_file():
            return []
        if path.stat().st_size > MAX_BYTES:
            raise ValueError("too large")
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT or \
                data.get("node") != node_id or not isinstance(data.get("erasures"), list):
            raise ValueError("header")
        return [_entry(raw) for raw in data["erasures"]]
    except (OSError, ValueError, UnicodeError) as exc:
        log.warning("erasure list %s ignored: %s", path, exc)
        return []


def remember_erasures(ctx: ServiceContext, session: Session) -> int:
    """Add every tombstone ``session`` sees to the ledger (after the erasure committed).
    Returns how many entries the ledger holds. A ledger that cannot be written is logged,
    never fatal: the erasure itself is done."""
    folder = _folder(ctx)
    if folder is None:
        return 0
    known = {e.id: e for e in read_ledger(folder, ctx.node_id)}
    for ident, worker, commune, day in session.execute(
            select(Erasure.id, Erasure.worker_id, Erasure.commune_code, Erasure.erased_on)
            .where(~Erasure.deleted)):
        known.setdefault(ident, Entry(ident, worker, commune, day))
    entries = sorted(known.values(), key=lambda e: (e.erased_on, e.id))
    text = json.dumps({"format": FORMAT, "node": ctx.node_id,
                       "erasures": [e.as_json() for e in entries]}, indent=1) + "\n"
    try:
        write_private(folder / LEDGER_FILE, text)
    except OSError as exc:
        log.warning("erasure list not written: %s", exc)
    return len(entries)


def reapply_erasures(ctx: ServiceContext, session: Session,
                     entries: list[Entry] | None = None) -> int:
    """Inside a restore's transaction: erase again each person on the ledger (``entries``, or
    the file's) whom the restored database holds un-erased, and restore a missing tombstone.
    Returns how many people had to be erased again."""
    from .person_erase import erase_restored

    if entries is None:
        entries = read_ledger(_folder(ctx), ctx.node_id)
    again = 0
    for entry in entries:
        worker = session.get(Worker, entry.worker_id)
        if worker is None:
            continue  # not in this backup at all: nothing to erase
        tomb = session.get(Erasure, entry.id)
        if tomb is None:
            tomb = Erasure(id=entry.id, worker_id=entry.worker_id,
                           commune_code=entry.commune_code, erased_on=entry.erased_on)
            session.add(tomb)
            ctx.stamp(session, tomb)
        again += erase_restored(ctx, session, worker, entry.erased_on)
    return again


def check_erasures(ctx: ServiceContext) -> int:
    """At start: a database file copied back by hand (not through a restore) may hold people
    erased since; erase them again now, in one transaction, then purge the file. Returns how
    many people had to be erased again (0 nearly always: a file read and one query)."""
    ctx.require("workers.write")
    from .person_erase import purge_file

    entries = read_ledger(_folder(ctx), ctx.node_id)
    if not entries:
        return 0
    with ctx.db.session() as s:  # a read first: no writer turn for nothing to do
        if not _anything_to_erase(s, entries):
            return 0
    with ctx.transaction() as s:
        again = reapply_erasures(ctx, s, entries)
    if again:
        with ctx.db.session() as s:
            remember_erasures(ctx, s)
        purge_file(ctx.db)
    return again


def _anything_to_erase(session: Session, entries: list[Entry]) -> bool:
    """Whether some listed worker is held un-erased or some tombstone is missing."""
    from .person_erase import holds_values

    for start in range(0, len(entries), 500):
        batch = entries[start:start + 500]
        tombs = set(session.scalars(select(Erasure.id).where(
            Erasure.id.in_([e.id for e in batch]))))
        workers = session.scalars(select(Worker).where(
            Worker.id.in_([e.worker_id for e in batch])))
        held = {w.id: w for w in workers}
        for entry in batch:
            worker = held.get(entry.worker_id)
            if worker is None:
                continue
            if entry.id not in tombs or holds_values(worker):
                return True
    return False
