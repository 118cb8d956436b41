"""Possible duplicates: one person registered by two communes (issue #16 item 3).

Links (``models.PossibleDuplicate``) are made two ways: sync makes one when the same CCCD
arrives from two ends (``sync.invariants.link_duplicates``); the hub also looks, when its
clerk opens the list, for the same CCCD and for the same folded name + birth date + sex
(``scan_duplicates``). A hub clerk then decides: the same person, or two different people.
The decision is a new version of the link, so it travels back to both communes (the link's
scope is both its communes, ``sync.scope``) and wins over an undecided copy there
(``sync.conflict_rules.merge_rank``). Both worker records always stay as they are: which
one to keep, move or delete is an ordinary edit the communes make with their own records.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.text import fold
from ..errors import NotFoundError, UserError
from ..models import AdminUnit, PossibleDuplicate, Worker
from ..sync.conflict_rules import duplicate_id
from .context import ServiceContext

DECISIONS = ("same_person", "different")
STATUS_VI = {"open": "chưa xét", "same_person": "cùng một người", "different": "hai người khác"}
REASON_VI = {"national_id": "trùng CCCD", "name_birth": "trùng họ tên, ngày sinh, giới tính"}
# More records than this with one name, birth date and sex are left out of the name match:
# that many would be a data entry habit (placeholder dates), not one person.
_MAX_GROUP = 6


@dataclass(frozen=True)
class Side:
    id: str
    full_name: str
    birth_date: date | None
    sex: str
    national_id: str
    phone: str
    village: str
    commune_code: str
    commune_name: str
    status: str

    def as_json(self) -> dict:
        return {"id": self.id, "full_name": self.full_name,
                "birth_date": self.birth_date.isoformat() if self.birth_date else None,
                "sex": self.sex, "national_id": self.national_id, "phone": self.phone,
                "village": self.village, "commune_code": self.commune_code,
                "commune_name": self.commune_name, "status": self.status}


@dataclass(frozen=True)
class DuplicateRow:
    id: str
    reason: str
    status: str
    first: Side
    second: Side

    def as_json(self) -> dict:
        return {"id": self.id, "reason": self.reason, "status": self.status,
                "first": self.first.as_json(), "second": self.second.as_json()}


def _pairs(session: Session) -> dict[tuple[str, str], tuple[str, str]]:
    """(id1, id2) -> (reason, CCCD) for every pair of live workers that may be one person."""
    w = Worker.__table__
    live = w.c.deleted.is_(False)
    found: dict[tuple[str, str], tuple[str, str]] = {}
    shared = select(w.c.national_id).where(live, w.c.national_id.is_not(None),
                                           w.c.national_id != "") \
        .group_by(w.c.national_id).having(func.count() > 1).subquery()
    by_nid: dict[str, list[str]] = defaultdict(list)
    for wid, nid in session.execute(select(w.c.id, w.c.national_id).where(
            live, w.c.national_id.in_(select(shared.c.national_id)))):
        by_nid[nid].append(wid)
    for nid, ids in by_nid.items():
        for a, b in combinations(sorted(ids), 2):
            found[(a, b)] = ("national_id", nid)
    # Same birth date and sex first in SQL, then the folded name in Python (fold is ours).
    twins = select(w.c.birth_date, w.c.sex).where(live, w.c.birth_date.is_not(None)) \
        .group_by(w.c.birth_date, w.c.sex).having(func.count() > 1).subquery()
    groups: dict[tuple, list[str]] = defaultdict(list)
    for wid, name, born, sex in session.execute(
            select(w.c.id, w.c.full_name, w.c.birth_date, w.c.sex)
            .join(twins, (twins.c.birth_date == w.c.birth_date) & (twins.c.sex == w.c.sex))
            .where(live)):
        groups[(fold(name), born, sex)].append(wid)
    for ids in groups.values():
        if 1 < len(ids) <= _MAX_GROUP:
            for a, b in combinations(sorted(ids), 2):
                found.setdefault((a, b), ("name_birth", ""))
    return found


def scan_duplicates(ctx: ServiceContext) -> int:
    """At the hub: record a link for every new pair (one transaction). Returns how many."""
    ctx.require("workers.write")
    if ctx.owned_scope:
        return 0  # a commune sees only its own records: the hub looks across communes
    made = 0
    with ctx.transaction() as s:
        pairs = _pairs(s)
        known = set(s.scalars(select(PossibleDuplicate.id)))
        communes = {}
        for (a, b), (reason, nid) in sorted(pairs.items()):
            link_id = duplicate_id(a, b)
            if link_id in known:
                continue
            if not communes:
                communes = dict(s.execute(select(Worker.id, Worker.commune_code)
                                          .where(~Worker.deleted)).all())
            row = PossibleDuplicate(id=link_id, worker_id_1=a, worker_id_2=b,
                                    commune_code_1=communes[a], commune_code_2=communes[b],
                                    reason=reason, national_id=nid, status="open")
            s.add(row)
            ctx.stamp(s, row)
            made += 1
        if made:
            ctx.audit(s, "scan", "possible_duplicate", "-", {"links": (None, made)})
    return made


def _side(w: Worker, names: dict[str, str]) -> Side:
    return Side(w.id, w.full_name, w.birth_date, w.sex, w.national_id or "", w.phone,
                w.village, w.commune_code, names.get(w.commune_code, w.commune_code),
                w.status)


def list_duplicates(ctx: ServiceContext, include_decided: bool = False) -> list[DuplicateRow]:
    """The links with both records side by side; undecided ones only unless asked."""
    ctx.require("workers.read")
    with ctx.db.session() as s:
        stmt = select(PossibleDuplicate).where(~PossibleDuplicate.deleted)
        if not include_decided:
            stmt = stmt.where(PossibleDuplicate.status == "open")
        links = list(s.scalars(stmt))
        ids = {i for link in links for i in (link.worker_id_1, link.worker_id_2)}
        workers = {w.id: w for w in s.scalars(select(Worker).where(Worker.id.in_(ids)))} \
            if ids else {}
        names = dict(s.execute(select(AdminUnit.code, AdminUnit.name)).all())
        rows = [DuplicateRow(link.id, link.reason, link.status,
                             _side(workers[link.worker_id_1], names),
                             _side(workers[link.worker_id_2], names))
                for link in links
                if link.worker_id_1 in workers and link.worker_id_2 in workers]
    rows.sort(key=lambda r: (r.status != "open", fold(r.first.full_name), r.id))
    return rows


def _find(s: Session, link_id: str) -> PossibleDuplicate:
    link = s.get(PossibleDuplicate, link_id)
    if link is None and len(link_id) >= 6:  # the short id the list shows
        found = list(s.scalars(select(PossibleDuplicate).where(
            PossibleDuplicate.id.startswith(link_id)).limit(2)))
        link = found[0] if len(found) == 1 else None
    if link is None or link.deleted:
        raise NotFoundError(f"Không có cặp nghi trùng mã {link_id}.",
                            f"No possible duplicate with id {link_id}.")
    return link


def resolve_duplicate(ctx: ServiceContext, link_id: str, decision: str) -> str:
    """The hub clerk's decision on one pair; returns the link's full id."""
    ctx.require("workers.write")
    if decision not in DECISIONS:
        raise UserError("Chọn “cùng một người” hoặc “hai người khác”.",
                        "Choose “same person” or “different people”.")
    if ctx.owned_scope:
        raise UserError("Chỉ văn phòng tỉnh (hub) xét các cặp nghi trùng giữa các xã.",
                        "Only the province hub decides on possible duplicates.")
    with ctx.transaction() as s:
        link = _find(s, link_id)
        old = link.status
        link.status = decision
        ctx.stamp(s, link)
        ctx.audit(s, "resolve", "possible_duplicate", link.id, {"status": (old, decision)})
        return link.id
