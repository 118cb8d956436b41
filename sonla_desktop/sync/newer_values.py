"""Records of a newer program set aside for a value our closed lists lack (``value_lists``),
as a part of ``Merger``.

``Inbound.admit`` hands over the records of a sender whose closed lists are newer than ours
when their only faults are such values (with a copy holding known values instead: the
"trial"). Here, per batch:

* The trial goes through the checks that follow the rules: the sender's scope and the
  links (``Merger._check_links``; a sync-state record through ``check_state_records``).
  Another fault still refuses the bundle. A record of a worker moved out of this office's
  communes is ``gone`` as any other (``orphans``).
* The record is not applied and counts as unchanged. It goes to this office's inbox
  (reason ``unknown_value``), but a sync-state record (an inbox entry, a duplicate link),
  which an entry cannot hold: it simply waits.
* A record that hangs on a NEW row set aside so (a loan of a new worker, a payout of a new
  loan) follows it, whatever its own values.
* It is not received, and this office asks for it again by id in every manifest
  (``wanted``, kept in the setting ``sync_asked_again`` with the version set aside) until a
  record of that row at that version or later passes the checks here: per-origin
  acknowledgements move past it as soon as a later record of the same origin imports, so
  without the ask it would never come again. Until then, a local edit of the row that meets
  the sender's record counts as concurrent (``asked_before``): the record was not seen here.
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from ..models import Setting
from .conflict_rules import SYNC_STATE_TABLES, UNKNOWN_VALUE, check_state_records, conflict_values
from .orphans import PARENTS, split_orphans
from .records import TableSpec
from .value_lists import only_unknown_values

ASKED = "sync_asked_again"
MAX_ASKED = 1000


def _read(session: Session) -> list[tuple[str, str, str]]:
    row = session.get(Setting, ASKED)
    try:
        found = json.loads(row.value) if row is not None else []
        return [(str(t), str(i), str(v)) for t, i, v in found]
    except (ValueError, TypeError):
        return []


def asked_pairs(session: Session) -> list[list[str]]:
    """The rows this office asks for again, as ``[table, id]`` pairs for its manifests."""
    return [[t, i] for t, i, _ in _read(session)]


def remember(session: Session, more: list[tuple[str, str, str]], done: set[str]) -> None:
    """After an import: add the rows set aside, drop the ones that came through."""
    if not more and not done:
        return
    first: dict[str, tuple[str, str, str]] = {}
    for table, row_id, version in [*_read(session), *more]:
        if row_id in done:
            continue
        old = first.get(row_id)
        if old is None or version < old[2]:  # the first version set aside: not seen since
            first[row_id] = (table, row_id, version)
    kept = list(first.values())[-MAX_ASKED:]
    value = json.dumps([list(x) for x in kept])
    row = session.get(Setting, ASKED)
    if row is None:
        if kept:
            session.add(Setting(key=ASKED, value=value))
    elif row.value != value:
        row.value = value


class NewerValues:
    """Mixed into ``Merger``; uses its session ``s``, ``inbound``, scopes, ``summary``,
    ``_pending``, ``_check_links``, ``_set_aside`` and ``_stale_loans``."""

    def _values_init(self) -> None:
        self._unknown: list[tuple[int, dict, dict]] = []  # this batch's (line, record, trial)
        self._new_aside: dict[str, set[str]] = {}  # table -> ids of new rows set aside
        self._asked: dict[str, str] | None = None  # row id -> first version set aside
        self.asked_more: list[tuple[str, str, str]] = []  # (table, id, version) to ask
        self.asked_done: set[str] = set()  # row ids that came through
        self.sender_wants: set[str] = set()  # ids the sender asks for (set by the caller)

    def _on_unknown(self, line: int, record: dict, trial: dict) -> None:
        self._unknown.append((line, record, trial))

    def asked_before(self, incoming: dict) -> bool:
        """Was this version of the row set aside here, not seen since?"""
        if self._asked is None:
            self._asked = {i: v for _, i, v in _read(self.s)}
        first = self._asked.get(incoming["id"])
        return first is not None and incoming["version"] >= first

    def _unknown_state(self, name: str, items: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
        """Inbox entries and duplicate links of a newer sender whose only faults are values
        we do not know (``check_state_records`` passes with known ones) are set aside."""
        if not self.inbound.newer_lists:
            return items
        keep = []
        for line, v in items:
            trial = only_unknown_values(name, v, lambda t, line=line: check_state_records(
                name, [(line, t)], self.sender_scope, self.self_id))
            if trial is None:
                keep.append((line, v))
            else:
                self._unknown.append((line, v, trial))
        return keep

    def _follow_unknown(self, spec: TableSpec, items: list[tuple[int, dict]],
                        existing: dict[str, dict]) -> list[tuple[int, dict]]:
        """Records whose (new) parent was set aside for an unknown value go with it; rows
        asked for again that came through leave the list."""
        for _, v in items:
            if self.asked_before(v):
                self.asked_done.add(v["id"])
        parents = [(column, model.__tablename__) for column, model in PARENTS.get(spec.name, ())]
        if not self._new_aside or not parents:
            return items
        keep = []
        for line, v in items:
            if v["id"] not in existing and any(
                    v[column] in self._new_aside.get(table, ()) for column, table in parents):
                self._unknown.append((line, v, v))
            else:
                keep.append((line, v))
        return keep

    def _settle_unknown(self, spec: TableSpec, existing: dict[str, dict]) -> None:
        """Check and set aside this batch's records with unknown values (see the module)."""
        batch, self._unknown = self._unknown, []
        if not batch:
            return
        name = spec.name
        if name not in SYNC_STATE_TABLES:
            trials = [(line, trial) for line, _, trial in batch]
            keep, orphans, gone = split_orphans(self.s, spec, trials, existing, self.own_scope,
                                                self._stale_loans)
            self._check_links(spec, keep, existing)
            gone_ids = {t["id"] for _, t in gone}
            self._set_aside(spec, existing, [], [], [(line, v) for line, v, _ in batch
                                                      if v["id"] in gone_ids])
            if name == "loan_application":
                self._stale_loans.update({t["id"]: t["worker_id"] for _, t in gone})
            for _, t in orphans:  # ask for the missing parents too (sync/wanted.py)
                self.wanted += [(model.__tablename__, t[column])
                                for column, model in PARENTS[name]]
            batch = [b for b in batch if b[1]["id"] not in gone_ids]
        tally = self.summary.tally(name)
        commune = min(self.own_scope or self.sender_scope or {None})
        for _, v, _ in batch:
            tally.unchanged += 1
            if v["id"] not in existing:
                self._new_aside.setdefault(name, set()).add(v["id"])
            self.asked_more.append((name, v["id"], v["version"]))
            self.asked_done.discard(v["id"])
            if name not in SYNC_STATE_TABLES:
                entry = conflict_values(spec, v, v, commune, reason=UNKNOWN_VALUE)
                self._pending.append((entry, (v["version"], v["version"])))


__all__ = ["ASKED", "MAX_ASKED", "NewerValues", "asked_pairs", "remember"]
