"""Counselling conferences: the events themselves, and the figures and follow-up list drawn
from who attended them (registration of the people is in ``services.attendance``).

Each public function that writes is one user action in one transaction with its audit row.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Integer, cast, false, func, select
from sqlalchemy.orm import Session

from ..domain.events import (
    MarketName,
    clean_event,
    market_lookup,
)
from ..errors import NotFoundError, ValidationError
from ..models import AdminUnit, Attendance, Event, Market, Node, Worker
from .context import ServiceContext, changed_fields

EVENT_FIELDS = ("event_date", "commune_code", "place", "topic", "organiser", "counsellors",
                "agencies", "markets", "notes")


def raise_first_error(errors: Mapping[str, ValidationError]) -> None:
    if errors:
        err = next(iter(errors.values()))
        err.all_errors = dict(errors)  # a form shows every field's message at once
        raise err


def market_names(session: Session) -> list[MarketName]:
    return [MarketName(m.code, m.name_vi, m.name_en)
            for m in session.scalars(select(Market).where(~Market.deleted).order_by(Market.code))]


def live_worker():
    """"Not a tombstone", written so that SQLite cannot start a join from the (deleted,
    sort_key) index: without statistics its planner takes "deleted = 0" for a selective
    test and walks every live worker (0.5 s on 100,000) instead of following the event's
    attendance rows (a few ms)."""
    return func.coalesce(Worker.deleted, false()) == false()


def market_labels(ctx: ServiceContext) -> dict[str, str]:
    """ISO code -> Vietnamese market name, for lists and exports."""
    ctx.require("lookups.read")
    with ctx.db.session() as s:
        return {m.code: m.name_vi for m in market_names(s)}


def commune_choices(ctx: ServiceContext) -> tuple[list[tuple[str, str]], str | None]:
    """(code, "Phường Chiềng Cơi") of every unit, and this office's own commune if it has one."""
    ctx.require("lookups.read")
    with ctx.db.session() as s:
        units = [(c, n) for c, n in s.execute(
            select(AdminUnit.code, AdminUnit.full_name).where(~AdminUnit.deleted)
            .order_by(AdminUnit.name))]
        node = s.scalar(select(Node).where(Node.is_self.is_(True)))
    scope = [c for c in (node.scope.split(",") if node and node.scope != "hub" else []) if c]
    return units, (scope[0] if scope else None)


def village_names(ctx: ServiceContext, commune_code: str, limit: int = 300) -> list[str]:
    """Villages already written for people of a commune, most used first (for completion)."""
    ctx.require("workers.read")
    with ctx.db.session() as s:
        rows = s.execute(
            select(Worker.village, func.count().label("n"))
            .where(Worker.commune_code == commune_code, ~Worker.deleted, Worker.village != "")
            .group_by(Worker.village).order_by(func.count().desc(), Worker.village).limit(limit))
        return [v for v, _ in rows]


def _communes(session: Session) -> frozenset[str]:
    return frozenset(session.scalars(select(AdminUnit.code).where(~AdminUnit.deleted)))


# --------------------------------------------------------------------------- events

@dataclass(frozen=True)
class EventRow:
    id: str
    event_date: date
    commune_code: str
    commune_name: str
    place: str
    topic: str
    organiser: str
    counsellors: str
    agencies: str
    markets: tuple[str, ...]
    notes: str
    attendees: int
    follow_ups: int

    def as_json(self) -> dict:
        return {
            "id": self.id, "event_date": self.event_date.isoformat(),
            "commune_code": self.commune_code, "commune_name": self.commune_name,
            "place": self.place, "topic": self.topic, "organiser": self.organiser,
            "counsellors": self.counsellors, "agencies": self.agencies,
            "markets": list(self.markets), "notes": self.notes,
            "attendees": self.attendees, "follow_ups": self.follow_ups,
        }


def load_event(session: Session, event_id: str) -> Event:
    event = session.get(Event, event_id)
    if event is None or event.deleted:
        raise NotFoundError(f"Không tìm thấy hội nghị {event_id}.", f"Event {event_id} not found.")
    return event


def create_event(ctx: ServiceContext, raw: Mapping[str, object]) -> str:
    ctx.require("events.write")
    with ctx.transaction() as s:
        clean, errors = clean_event(raw, _communes(s), market_lookup(market_names(s)))
        raise_first_error(errors)
        event = Event(**{k: clean[k] for k in EVENT_FIELDS})
        s.add(event)
        ctx.stamp(s, event)
        s.flush()
        ctx.audit(s, "create", "event", event.id, {k: (None, clean[k]) for k in EVENT_FIELDS})
        return event.id


def update_event(ctx: ServiceContext, event_id: str, raw: Mapping[str, object]) -> None:
    ctx.require("events.write")
    with ctx.transaction() as s:
        event = load_event(s, event_id)
        clean, errors = clean_event(raw, _communes(s), market_lookup(market_names(s)))
        raise_first_error(errors)
        changes = changed_fields(event, clean, EVENT_FIELDS)
        if not changes:
            return
        ctx.apply(s, event, "event", changes)


def delete_event(ctx: ServiceContext, event_id: str) -> None:
    """Tombstone the event and its attendance rows; the people stay on file."""
    ctx.require("events.write")
    with ctx.transaction() as s:
        event = load_event(s, event_id)
        event.deleted = True
        ctx.stamp(s, event)
        for att in s.scalars(select(Attendance).where(Attendance.event_id == event_id,
                                                      ~Attendance.deleted)):
            att.deleted = True
            ctx.stamp(s, att)
        ctx.audit(s, "delete", "event", event_id, {"deleted": (False, True)})


def event_rows(
    session: Session, event_id: str | None = None, commune_code: str | None = None,
    date_from: date | None = None, date_to: date | None = None,
) -> list[EventRow]:
    counts = (
        select(Attendance.event_id.label("eid"),
               func.count(func.distinct(Attendance.worker_id)).label("n"),
               func.sum(cast(Attendance.follow_up, Integer)).label("f"))
        .join(Worker, Worker.id == Attendance.worker_id)
        .where(~Attendance.deleted, live_worker())
        .group_by(Attendance.event_id)
        .subquery()
    )
    stmt = (
        select(Event, AdminUnit.name, counts.c.n, counts.c.f)
        .join(AdminUnit, AdminUnit.code == Event.commune_code)
        .outerjoin(counts, counts.c.eid == Event.id)
        .where(~Event.deleted)
    )
    if event_id:
        stmt = stmt.where(Event.id == event_id)
    if commune_code:
        stmt = stmt.where(Event.commune_code == commune_code)
    if date_from:
        stmt = stmt.where(Event.event_date >= date_from)
    if date_to:
        stmt = stmt.where(Event.event_date <= date_to)
    stmt = stmt.order_by(Event.event_date.desc(), Event.created_at.desc())
    return [
        EventRow(e.id, e.event_date, e.commune_code, name, e.place, e.topic, e.organiser,
                 e.counsellors, e.agencies, tuple(c for c in e.markets.split(",") if c),
                 e.notes, int(n or 0), int(f or 0))
        for e, name, n, f in session.execute(stmt)
    ]


def list_events(ctx: ServiceContext, commune_code: str | None = None,
                date_from: date | None = None, date_to: date | None = None) -> list[EventRow]:
    ctx.require("events.read")
    with ctx.db.session() as s:
        return event_rows(s, commune_code=commune_code, date_from=date_from, date_to=date_to)


def get_event(ctx: ServiceContext, event_id: str) -> EventRow:
    ctx.require("events.read")
    with ctx.db.session() as s:
        rows = event_rows(s, event_id=event_id)
        if not rows:
            raise NotFoundError(f"Không tìm thấy hội nghị {event_id}.",
                                f"Event {event_id} not found.")
        return rows[0]


# --------------------------------------------------------------------------- figures

def counselling_figures(
    session: Session, date_from: date, date_to: date,
    commune: str | Collection[str] | None = None,
) -> tuple[int, int]:
    """(conferences held, attendees) between the dates, both inclusive.

    Attendees are distinct people per conference, summed over conferences: someone who
    came to two conferences counts twice, someone entered twice at one conference once.
    """
    if isinstance(commune, str):
        commune = [commune] if commune else None
    where = _event_filter(date_from, date_to, commune)
    events = session.scalar(select(func.count()).select_from(Event).where(*where)) or 0
    pairs = _attendee_pairs(where).subquery()
    attendees = session.scalar(select(func.count()).select_from(pairs)) or 0
    return int(events), int(attendees)


def counselling_by_commune(
    session: Session, date_from: date, date_to: date, communes: Collection[str],
) -> dict[str, tuple[int, int]]:
    """Commune -> ``counselling_figures`` of that one commune, in two grouped queries (the
    province table's rows) instead of two per commune. A conference belongs to one commune,
    so its distinct people are counted in that commune's row exactly as on its own."""
    where = _event_filter(date_from, date_to, communes)
    events = dict(session.execute(
        select(Event.commune_code, func.count()).where(*where).group_by(Event.commune_code)).all())
    pairs = _attendee_pairs(where).add_columns(Event.commune_code).subquery()
    attendees = dict(session.execute(
        select(pairs.c.commune_code, func.count()).group_by(pairs.c.commune_code)).all())
    return {code: (int(events.get(code, 0)), int(attendees.get(code, 0)))
            for code in communes}


def _event_filter(date_from: date, date_to: date, commune: Collection[str] | None) -> list:
    where = [~Event.deleted, Event.event_date >= date_from, Event.event_date <= date_to]
    if commune is not None:  # one commune's or some communes' (a report's scope)
        where.append(Event.commune_code.in_(list(commune)))
    return where


def _attendee_pairs(where: list):
    """Distinct (conference, person) pairs of live attendance rows of live people."""
    return (
        select(Attendance.event_id, Attendance.worker_id)
        .join(Event, Event.id == Attendance.event_id)
        .join(Worker, Worker.id == Attendance.worker_id)
        .where(*where, ~Attendance.deleted, live_worker())
        .distinct()
    )


@dataclass(frozen=True)
class FollowUpRow:
    worker_id: str
    full_name: str
    birth_year: int | None
    sex: str
    phone: str
    village: str
    commune_code: str
    commune_name: str
    event_id: str
    event_date: date
    event_topic: str
    interest_market: str | None

    def as_json(self) -> dict:
        return {
            "worker_id": self.worker_id, "full_name": self.full_name,
            "birth_year": self.birth_year, "sex": self.sex, "phone": self.phone,
            "village": self.village, "commune_code": self.commune_code,
            "commune_name": self.commune_name, "event_id": self.event_id,
            "event_date": self.event_date.isoformat(), "event_topic": self.event_topic,
            "interest_market": self.interest_market,
        }


def follow_up_rows(session: Session, event_id: str | None = None,
                   commune_code: str | None = None) -> list[FollowUpRow]:
    """People who asked to be contacted again and are still only "registered".

    One row per person: the latest conference where they asked for it.
    """
    stmt = (
        select(Worker.id, Worker.full_name, Worker.birth_year, Worker.birth_date, Worker.sex,
               Worker.phone, Worker.village, Event.commune_code, AdminUnit.name, Event.id,
               Event.event_date, Event.topic, Attendance.interest_market, Worker.sort_key)
        .join(Attendance, Attendance.worker_id == Worker.id)
        .join(Event, Event.id == Attendance.event_id)
        .join(AdminUnit, AdminUnit.code == Event.commune_code)
        .where(Attendance.follow_up, ~Attendance.deleted, ~Event.deleted, live_worker(),
               Worker.status == "registered")
        .order_by(Worker.sort_key, Worker.id, Event.event_date.desc())
    )
    if event_id:
        stmt = stmt.where(Event.id == event_id)
    if commune_code:
        stmt = stmt.where(Event.commune_code == commune_code)
    rows: list[FollowUpRow] = []
    seen: set[str] = set()
    for (wid, name, year, born, sex, phone, village, ccode, cname, eid, edate, topic,
         market, _) in session.execute(stmt):
        if wid in seen:
            continue
        seen.add(wid)
        rows.append(FollowUpRow(wid, name, year or (born.year if born else None), sex, phone,
                                village, ccode, cname, eid, edate, topic, market))
    return rows


def follow_up_list(ctx: ServiceContext, event_id: str | None = None,
                   commune_code: str | None = None) -> list[FollowUpRow]:
    ctx.require("workers.read")
    with ctx.db.session() as s:
        if event_id:
            load_event(s, event_id)
        return follow_up_rows(s, event_id, commune_code)
