"""People at a conference: the duplicate rule against people on file, registration at the
door (linking an existing person or creating one), the attendee list.

Attendees are workers (status "registered", source "event"), so a person who comes to two
conferences, or later registers at the office, is one record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain import lengths
from ..domain.events import (
    REASON_RANK,
    PersonKey,
    clean_consent,
    clean_door_person,
    market_lookup,
    match_reasons,
    parse_market,
)
from ..domain.identity import normalize_phone, validate_national_id
from ..domain.text import check_text, clean_text, fold
from ..domain.worker_rules import DERIVED_FIELDS, under_age_note, worker_search_text
from ..errors import DuplicateError, NotFoundError, ValidationError
from ..models import AdminUnit, Attendance, Event, Worker
from .context import ServiceContext
from .events import live_worker, load_event, market_names, raise_first_error
from .workers import EDITABLE_FIELDS, find_by_national_id, reference_codes

# --------------------------------------------------------------------------- duplicates

@dataclass(frozen=True)
class Candidate:
    """An existing person who is probably the one being registered."""

    worker_id: str
    full_name: str
    birth_year: int | None
    sex: str
    phone: str
    national_id: str | None
    commune_code: str
    commune_name: str
    village: str
    status: str
    reasons: tuple[str, ...]
    attended: bool  # already on this event's list


def person_key(raw: Mapping[str, object], commune_code: str | None) -> PersonKey:
    """What can be read so far from a half-filled form: unreadable parts count as unknown."""
    try:
        phone = normalize_phone(raw.get("phone")) or None  # type: ignore[arg-type]
    except ValidationError:
        phone = None
    nid_raw = raw.get("national_id")
    try:
        nid = validate_national_id(nid_raw) if clean_text(nid_raw) else None  # type: ignore[arg-type]
    except ValidationError:
        nid = None
    year_text = clean_text(None if raw.get("birth_year") is None else str(raw.get("birth_year")))
    year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
    name = fold(raw.get("full_name"))  # type: ignore[arg-type]
    return PersonKey(nid, phone, name or None, year, commune_code)


def find_duplicates(
    session: Session, key: PersonKey, event_id: str | None = None, name_hints: bool = False,
    limit: int = 8,
) -> list[Candidate]:
    """Existing people matching ``key`` by the duplicate rule, strongest reason first.

    Each branch is an indexed look-up (CCCD, phone, commune), so this runs after every
    field at the door even with 100,000 people on file.
    """
    conds = []
    if key.national_id:
        conds.append(Worker.national_id == key.national_id)
    if key.phone:
        conds.append(Worker.phone == key.phone)
    if key.folded_name and key.commune_code and (key.birth_year or name_hints):
        # search_text starts with the folded name; the exact comparison is done below.
        name_cond = (Worker.commune_code == key.commune_code) & or_(
            Worker.search_text == key.folded_name,
            Worker.search_text.like(key.folded_name + " %"))
        if key.birth_year:
            name_cond &= Worker.birth_year == key.birth_year
        conds.append(name_cond)
    if not conds:
        return []
    # Tombstones are skipped below, not in SQL: with "deleted = 0" in the WHERE clause
    # SQLite's planner walks the (deleted, sort_key) index over every live worker instead
    # of the three small index look-ups (300 ms instead of 2 ms on 100,000 people).
    stmt = (
        select(Worker, AdminUnit.name)
        .join(AdminUnit, AdminUnit.code == Worker.commune_code)
        .where(or_(*conds))
        .limit(500)
    )
    attended: set[str] = set()
    found = []
    for worker, commune_name in session.execute(stmt):
        if worker.deleted:
            continue
        other = PersonKey(worker.national_id, worker.phone or None, fold(worker.full_name),
                          worker.birth_year, worker.commune_code)
        reasons = match_reasons(key, other, name_hints=name_hints)
        if reasons:
            found.append((worker, commune_name, reasons))
    if event_id and found:
        attended = set(session.scalars(select(Attendance.worker_id).where(
            Attendance.event_id == event_id, ~Attendance.deleted,
            Attendance.worker_id.in_([w.id for w, _, _ in found]))))
    found.sort(key=lambda t: (REASON_RANK[t[2][0]], -len(t[2]), t[0].sort_key, t[0].id))
    return [
        Candidate(w.id, w.full_name, w.birth_year, w.sex, w.phone, w.national_id,
                  w.commune_code, cname, w.village, w.status, tuple(reasons), w.id in attended)
        for w, cname, reasons in found[:limit]
    ]


def lookup_candidates(
    ctx: ServiceContext, raw: Mapping[str, object], event_id: str, name_hints: bool = True,
) -> list[Candidate]:
    """Candidates for a half-filled door form of ``event_id`` (the GUI calls this per field)."""
    ctx.require("workers.read")
    with ctx.db.session() as s:
        event = load_event(s, event_id)
        return find_duplicates(s, person_key(raw, event.commune_code), event_id,
                               name_hints=name_hints)


# --------------------------------------------------------------------------- attendance

@dataclass(frozen=True)
class RegisterResult:
    worker_id: str
    attendance_id: str
    created_worker: bool
    full_name: str
    # (vi, en) shown after saving, e.g. that a person under 18 may not depart yet.
    note: tuple[str, str] | None = None


def _attendance_values(raw: Mapping[str, object], lookup: Mapping[str, str]) -> dict:
    errors: dict[str, ValidationError] = {}
    values: dict = {"follow_up": bool(raw.get("follow_up"))}
    for field, fn in (("interest_market", lambda: parse_market(raw.get("interest_market"), lookup)),
                      ("consent_method", lambda: clean_consent(raw.get("consent_method")))):
        try:
            values[field] = fn()
        except ValidationError as err:
            errors[field] = err
    raise_first_error(errors)
    return values


def _already_attending(session: Session, event_id: str, worker: Worker) -> None:
    exists = session.scalar(select(Attendance.id).where(
        Attendance.event_id == event_id, Attendance.worker_id == worker.id, ~Attendance.deleted))
    if exists:
        raise DuplicateError(
            f"{worker.full_name} đã có trong danh sách hội nghị này.",
            f"{worker.full_name} is already on this conference's list.", existing_id=worker.id)


def _fill_blanks(ctx: ServiceContext, session: Session, worker: Worker, raw: Mapping[str, object],
                 interest: str | None) -> None:
    """A linked person keeps their record; only empty fields take what was typed now."""
    changes: dict[str, tuple[object, object]] = {}
    key = person_key(raw, worker.commune_code)
    village = clean_text(raw.get("village"))  # type: ignore[arg-type]
    # The same rule as the form: no control character, no more than the column holds.
    check_text("village", village, lengths.WORKER["village"], "Bản/Tổ dân phố", "Village")
    if not worker.phone and key.phone:
        changes["phone"] = (worker.phone, key.phone)
    if worker.birth_year is None and worker.birth_date is None and key.birth_year:
        changes["birth_year"] = (None, key.birth_year)
    if not worker.village and village:
        changes["village"] = (worker.village, village)
    if worker.market_code is None and interest:
        changes["market_code"] = (None, interest)
    if not changes:
        return
    for field, (_, new) in changes.items():
        setattr(worker, field, new)
    worker.search_text = worker_search_text({f: getattr(worker, f) for f in EDITABLE_FIELDS})
    ctx.stamp(session, worker)
    ctx.audit(session, "update", "worker", worker.id, changes)


def create_attendee_worker(ctx: ServiceContext, session: Session, clean: dict) -> Worker:
    nid = clean.get("national_id")
    if nid:
        other = find_by_national_id(session, nid)
        if other is not None:
            raise DuplicateError(
                f"Số CCCD {nid} đã có trong danh sách: {other.full_name}. Hãy chọn người này.",
                f"National ID {nid} already belongs to {other.full_name}. Link that person.",
                existing_id=other.id)
    worker = Worker(source="event", **{k: clean[k] for k in EDITABLE_FIELDS})
    session.add(worker)
    ctx.stamp(session, worker)
    session.flush()
    ctx.audit(session, "create", "worker", worker.id,
              {k: (None, clean[k]) for k in EDITABLE_FIELDS if k not in DERIVED_FIELDS})
    return worker


def add_attendance(ctx: ServiceContext, session: Session, event: Event, worker: Worker,
                   values: Mapping[str, object]) -> Attendance:
    """Write one attendance row inside the caller's transaction (GUI and import share it)."""
    _already_attending(session, event.id, worker)
    consent = values.get("consent_method") or ""
    att = Attendance(
        event_id=event.id, worker_id=worker.id, interest_market=values.get("interest_market"),
        consent_given=bool(consent), consent_method=consent,
        consent_date=event.event_date if consent else None,
        follow_up=bool(values.get("follow_up")),
    )
    session.add(att)
    ctx.stamp(session, att)
    session.flush()
    ctx.audit(session, "attend", "attendance", att.id,
              {"event_id": (None, event.id), "worker_id": (None, worker.id)})
    return att


def register_attendee(
    ctx: ServiceContext, event_id: str, raw: Mapping[str, object], worker_id: str | None = None,
) -> RegisterResult:
    """Register one person at the door: link ``worker_id`` if given, else create a new worker.

    ``raw`` holds the person's fields (full_name, birth_year, sex, phone, national_id,
    village) and the attendance's (interest_market, consent_method, follow_up).
    """
    ctx.require("attendees.write")
    with ctx.transaction() as s:
        event = load_event(s, event_id)
        values = _attendance_values(raw, market_lookup(market_names(s)))
        if worker_id:
            worker = s.get(Worker, worker_id)
            if worker is None or worker.deleted:
                raise NotFoundError(f"Không tìm thấy người lao động {worker_id}.",
                                    f"Worker {worker_id} not found.")
            _already_attending(s, event_id, worker)
            _fill_blanks(ctx, s, worker, raw, values["interest_market"])
            created = False
        else:
            clean, errors = clean_door_person(raw, reference_codes(s), event.commune_code)
            raise_first_error(errors)
            if values["interest_market"] and clean.get("market_code") is None:
                clean["market_code"] = values["interest_market"]
            worker = create_attendee_worker(ctx, s, clean)
            created = True
        att = add_attendance(ctx, s, event, worker, values)
        note = under_age_note(worker.birth_year, date.today())
        return RegisterResult(worker.id, att.id, created, worker.full_name, note)


def remove_attendance(ctx: ServiceContext, attendance_id: str) -> None:
    """Take a person off an event's list (a mistaken link); the person stays on file."""
    ctx.require("attendees.write")
    with ctx.transaction() as s:
        att = s.get(Attendance, attendance_id)
        if att is None or att.deleted:
            raise NotFoundError("Không tìm thấy lượt tham dự này.", "Attendance not found.")
        att.deleted = True
        ctx.stamp(s, att)
        ctx.audit(s, "delete", "attendance", attendance_id, {"deleted": (False, True)})


def set_follow_up(ctx: ServiceContext, attendance_id: str, wanted: bool) -> None:
    ctx.require("attendees.write")
    with ctx.transaction() as s:
        att = s.get(Attendance, attendance_id)
        if att is None or att.deleted:
            raise NotFoundError("Không tìm thấy lượt tham dự này.", "Attendance not found.")
        if att.follow_up == wanted:
            return
        ctx.audit(s, "update", "attendance", attendance_id, {"follow_up": (att.follow_up, wanted)})
        att.follow_up = wanted
        ctx.stamp(s, att)


@dataclass(frozen=True)
class AttendeeRow:
    attendance_id: str
    worker_id: str
    full_name: str
    birth_year: int | None
    sex: str
    phone: str
    village: str
    interest_market: str | None
    consent_method: str
    follow_up: bool
    status: str
    sort_key: str

    def as_json(self) -> dict:
        return {
            "attendance_id": self.attendance_id, "worker_id": self.worker_id,
            "full_name": self.full_name, "birth_year": self.birth_year, "sex": self.sex,
            "phone": self.phone, "village": self.village,
            "interest_market": self.interest_market, "consent_method": self.consent_method,
            "follow_up": self.follow_up, "status": self.status,
        }


def attendee_rows(session: Session, event_id: str, order: str = "name") -> list[AttendeeRow]:
    """The live attendees of one event, by Vietnamese name order or newest first."""
    stmt = (
        select(Attendance.id, Worker.id, Worker.full_name, Worker.birth_year, Worker.birth_date,
               Worker.sex, Worker.phone, Worker.village, Attendance.interest_market,
               Attendance.consent_method, Attendance.follow_up, Worker.status, Worker.sort_key)
        .join(Worker, Worker.id == Attendance.worker_id)
        .where(Attendance.event_id == event_id, ~Attendance.deleted, live_worker())
    )
    if order == "newest":
        stmt = stmt.order_by(Attendance.created_at.desc(), Attendance.id)
    else:
        stmt = stmt.order_by(Worker.sort_key, Worker.id)
    return [AttendeeRow(a, w, n, y or (born.year if born else None), sx, ph, v, m, c, bool(f),
                        st, sk)
            for a, w, n, y, born, sx, ph, v, m, c, f, st, sk in session.execute(stmt)]


def list_attendees(ctx: ServiceContext, event_id: str, order: str = "name") -> list[AttendeeRow]:
    ctx.require("events.read")
    with ctx.db.session() as s:
        load_event(s, event_id)
        return attendee_rows(s, event_id, order)
