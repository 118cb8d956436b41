"""Rows of the "Hội nghị" and "Người tham dự" sheets an export writes.

They bring a backup or another office's conferences back: an event already in the database
(same internal id, or same date, commune, place and topic) is left alone, attendees link
to their event by the event's internal id and to their worker by internal id or CCCD.
(A conference's own sign-in list, the "Điểm danh" sheet, is imported into one event from
the conferences page, not here.)
"""

from __future__ import annotations

import re

from sqlalchemy import select

from ...domain.sheets import value_key
from ...domain.text import fold
from ...models import Attendance, Event, Worker, new_id
from .plan import ImportPlan, WorkerRef, chunks
from .reader import Row, SheetData
from .workers_sheet import quick_nid, restored_zeros


def _event_key(on, commune: str, place: str, topic: str) -> tuple:
    return on, commune, fold(place), fold(topic)


def plan_events(plan: ImportPlan, sheets: list[SheetData]) -> None:
    s = plan.session
    rows = [r for sheet in sheets for r in sheet.rows]
    record_ids = {r.values["record_id"] for r in rows if r.values.get("record_id")}
    known: set[str] = set()
    for chunk in chunks(sorted(record_ids)):
        known.update(s.scalars(select(Event.id).where(Event.id.in_(chunk), ~Event.deleted)))
    dates = sorted({r.values["event_date"] for r in rows if r.values.get("event_date")})
    existing: dict[tuple, str] = {}
    for chunk in chunks(dates):
        for e in s.execute(select(Event.id, Event.event_date, Event.commune_code, Event.place,
                                  Event.topic).where(Event.event_date.in_(chunk), ~Event.deleted)):
            existing[_event_key(*e[1:])] = e[0]
    seen: dict[tuple, Row] = {}
    for row in rows:
        rid = row.values.get("record_id")
        if rid and rid in known:
            plan.events_by_record[rid] = rid
            plan.count("events_unchanged")
            continue
        event_id = _event_row(plan, row, existing, seen)
        if rid:
            plan.events_by_record[rid] = event_id


def _markets(plan: ImportPlan, row: Row) -> str | None:
    text = row.values.get("markets") or ""
    codes = []
    table = plan.lookups["market"]
    for word in re.split(r"[,;/]", text):
        if not word.strip():
            continue
        code = table.get(value_key(word))
        if code is None:
            row.error("markets", f"Thị trường: không có “{word.strip()}” trong danh mục.",
                      f"Markets: “{word.strip()}” is not in the list.")
            return None
        if code not in codes:
            codes.append(code)
    return ",".join(codes)


def _event_row(plan: ImportPlan, row: Row, existing: dict, seen: dict) -> str | None:
    v = row.values
    ok = not row.bad
    for f, vi, en in (("event_date", "Chưa nhập ngày hội nghị.", "The date is missing."),
                      ("commune_code", "Chưa nhập xã/phường.", "The commune is missing."),
                      ("place", "Chưa nhập địa điểm.", "The place is missing."),
                      ("topic", "Chưa nhập chủ đề.", "The topic is missing.")):
        if v.get(f) in (None, "") and f not in row.bad:
            row.error(f, vi, en)
            ok = False
    markets = _markets(plan, row)
    if not ok or markets is None:
        return None
    key = _event_key(v["event_date"], v["commune_code"], v["place"], v["topic"])
    if key in seen:
        row.error("topic", f"Hội nghị trùng với dòng {seen[key].number}.",
                  f"The event repeats row {seen[key].number}.")
        return None
    seen[key] = row
    if key in existing:
        plan.count("events_unchanged")
        return existing[key]
    event_id = new_id()
    plan.new_events.append({
        "id": event_id, "event_date": v["event_date"], "commune_code": v["commune_code"],
        "place": v["place"], "topic": v["topic"], "organiser": v.get("organiser") or "",
        "counsellors": v.get("counsellors") or "", "agencies": v.get("agencies") or "",
        "markets": markets, "notes": v.get("notes") or "",
    })
    plan.count("events_created")
    return event_id


def plan_attendees(plan: ImportPlan, sheets: list[SheetData]) -> None:
    s = plan.session
    rows = [r for sheet in sheets for r in sheet.rows]
    event_refs = {r.values["event_record_id"] for r in rows if r.values.get("event_record_id")}
    db_events: set[str] = set()
    for chunk in chunks(sorted(event_refs - plan.events_by_record.keys())):
        db_events.update(s.scalars(select(Event.id).where(Event.id.in_(chunk), ~Event.deleted)))
    nids = {quick_nid(r.values.get("national_id")) for r in rows} - {None}
    nids -= plan.workers_by_nid.keys()
    ids = {r.values.get("worker_record_id") for r in rows} - {None}
    ids -= plan.workers_by_record.keys()
    db_nid: dict[str, str] = {}
    db_id: set[str] = set()
    for chunk in chunks(sorted(nids)):
        for wid, nid in s.execute(select(Worker.id, Worker.national_id).where(
                Worker.national_id.in_(chunk), ~Worker.deleted)):
            db_nid.setdefault(nid, wid)
    for chunk in chunks(sorted(ids)):
        db_id.update(s.scalars(select(Worker.id).where(Worker.id.in_(chunk), ~Worker.deleted)))
    event_ids = db_events | {e for e in plan.events_by_record.values() if e}
    pairs: set[tuple[str, str]] = set()
    for chunk in chunks(sorted(event_ids)):
        pairs.update(s.execute(select(Attendance.event_id, Attendance.worker_id).where(
            Attendance.event_id.in_(chunk), ~Attendance.deleted)).all())
    seen: dict[tuple, Row] = {}
    for row in rows:
        _attendee_row(plan, row, db_events, db_nid, db_id, pairs, seen)


def _worker_id(plan: ImportPlan, row: Row, db_nid: dict, db_id: set) -> str | None:
    rid = row.values.get("worker_record_id")
    if rid:
        ref: WorkerRef | None = plan.workers_by_record.get(rid)
        if ref is not None:
            return ref.id if ref.valid else ""
        if rid in db_id:
            return rid
    raw = row.values.get("national_id")
    nid = quick_nid(raw)
    if nid:
        restored_zeros(row, raw, nid)
        ref = plan.workers_by_nid.get(nid)
        if ref is not None:
            return ref.id if ref.valid else ""
        if nid in db_nid:
            return db_nid[nid]
    return None


def _attendee_row(plan: ImportPlan, row: Row, db_events: set, db_nid: dict, db_id: set,
                  pairs: set, seen: dict) -> None:
    v = row.values
    ref = v.get("event_record_id")
    if ref is None:
        if "event_record_id" not in row.bad:
            row.error("event_record_id", "Chưa có mã hội nghị.", "The event id is missing.")
        return
    if ref in plan.events_by_record:
        event_id = plan.events_by_record[ref]
        if event_id is None:
            return  # its event row is wrong and already reported
    elif ref in db_events:
        event_id = ref
    else:
        row.error("event_record_id", "Không có hội nghị mang mã này trong trang “Hội nghị” hoặc "
                  "trong cơ sở dữ liệu.", "No event with this id on the events sheet or in the "
                  "database.")
        return
    worker_id = _worker_id(plan, row, db_nid, db_id)
    if worker_id == "":
        return  # the worker's own row is wrong and already reported
    if worker_id is None:
        row.error("national_id", "Không tìm thấy người tham dự này (theo mã người lao động hoặc "
                  "số CCCD) trong trang “Người lao động” hoặc trong cơ sở dữ liệu.",
                  "This attendee is neither on the workers sheet nor in the database.")
        return
    if row.bad:
        return
    pair = (event_id, worker_id)
    if pair in seen:
        row.error("full_name", f"Người tham dự trùng với dòng {seen[pair].number}.",
                  f"The attendee repeats row {seen[pair].number}.")
        return
    seen[pair] = row
    if pair in pairs:
        plan.count("attendees_unchanged")
        return
    plan.new_attendance.append({
        "id": new_id(), "event_id": event_id, "worker_id": worker_id,
        "interest_market": v.get("interest_market"),
        "consent_given": bool(v.get("consent_given")), "consent_method": v.get("consent_method")
        or "", "consent_date": v.get("consent_date"), "follow_up": bool(v.get("follow_up")),
    })
    plan.count("attendees_created")
