"""Demo counselling conferences: past events across communes since 2024, 20–60 people each.

Called by ``services.demo.generate_demo`` inside its transaction (DEMO_EXTENSIONS). Part of
each audience is people already on file in that commune (linked, never copied); the rest
are people whose record was first made at that conference (source "event"). Those are
taken from the demo's own workers rather than added, so ``demo --workers N`` still means
N people. Rows go in through SQLAlchemy Core in bulk: a 100,000-worker demo adds ~320
events and ~13,000 attendances in about a second.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ..domain.worker_rules import worker_search_text
from ..models import AdminUnit, Attendance, Event, Worker, utcnow
from .context import ServiceContext
from .demo_names import AGENCIES, VILLAGE_NAMES

FIRST_DAY = date(2024, 1, 1)

TOPICS = [
    ("Tư vấn đi làm việc tại Nhật Bản theo chương trình thực tập kỹ năng", ["JP"]),
    ("Giới thiệu thị trường Đài Loan và chính sách vay vốn ưu đãi", ["TW"]),
    ("Chương trình EPS đi làm việc tại Hàn Quốc", ["KR"]),
    ("Tư vấn đi làm việc ở nước ngoài theo hợp đồng: Nhật Bản, Đài Loan, Hàn Quốc",
     ["JP", "TW", "KR"]),
    ("Phổ biến Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng",
     ["JP", "TW"]),
    ("Tư vấn việc làm và xuất khẩu lao động cho thanh niên dân tộc thiểu số", ["JP", "KR"]),
]
COUNSELLORS = ["Lò Văn Thành", "Cầm Thị Ngọc", "Nguyễn Thu Trang", "Quàng Văn Hải",
               "Hà Thị Lan", "Lường Văn Dũng", "Vì Thị Hương"]
ORGANISERS = ["UBND {kind} {name}", "Trung tâm Dịch vụ việc làm tỉnh Sơn La",
              "Phòng Văn hoá – Xã hội {kind} {name}"]


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def add_demo_events(ctx: ServiceContext, session: Session, rng: random.Random, today: date,
                    summary) -> None:
    communes = {code: (name, kind) for code, name, kind in session.execute(
        select(AdminUnit.code, AdminUnit.name, AdminUnit.kind).order_by(AdminUnit.code))}
    # Who could come to a conference: people not yet gone. ``home`` tracks each one's commune.
    people: dict[str, dict] = {}
    pool: dict[str, list[str]] = defaultdict(list)
    for wid, commune, name, nid, phone, village in session.execute(
            select(Worker.id, Worker.commune_code, Worker.full_name, Worker.national_id,
                   Worker.phone, Worker.village)
            .where(~Worker.deleted, Worker.status.in_(("registered", "training")),
                   Worker.source == "office")
            .order_by(Worker.id)):
        people[wid] = {"commune": commune, "full_name": name, "national_id": nid,
                       "phone": phone, "village": village, "new": False,
                       "attended": False}
        pool[commune].append(wid)
    spare = list(people)  # candidates for "first registered at a conference"
    rng.shuffle(spare)
    target = round(min(110, max(4, summary.workers // 100))
                   * max((today - FIRST_DAY).days, 1) / 365)
    count = min(target, len(people) // 40) or (1 if len(people) >= 20 else 0)
    clock = ctx.clock(session)
    now = utcnow()
    stamp = {"origin": ctx.node_id, "deleted": False, "created_at": now, "updated_at": now}
    events, attendances, moved = [], [], {}
    # Conferences are held where people live: a commune office's demo has everyone in its
    # own commune(s), and its conferences are there too.
    codes = sorted(c for c in communes if pool.get(c)) or sorted(communes)
    days = max((today - FIRST_DAY).days, 1)
    taken: set[tuple] = set()
    for _ in range(count):
        commune = rng.choice(codes)
        name, kind = communes[commune]
        kind_vi = "phường" if kind == "ward" else "xã"
        day = FIRST_DAY + timedelta(days=rng.randrange(days))
        topic, markets = rng.choice(TOPICS)
        village = _village(rng, kind)
        event_id = _uuid(rng)
        events.append({
            "id": event_id, "event_date": day, "commune_code": commune,
            "place": rng.choice([f"Nhà văn hoá {village[0].lower()}{village[1:]}",
                                 f"Hội trường UBND {kind_vi} {name}"]),
            "topic": topic,
            "organiser": rng.choice(ORGANISERS).format(kind=kind_vi, name=name),
            "counsellors": ", ".join(rng.sample(COUNSELLORS, 2)),
            "agencies": "\n".join(rng.sample(AGENCIES, rng.randint(1, 2))),
            "markets": ",".join(markets), "notes": "", "version": clock.tick(), **stamp,
        })
        key = (day, commune, events[-1]["place"], topic)
        if key in taken:
            # The same day, place and topic twice: the Excel import refuses such a repeat,
            # so a demo exported and imported again would fail. Drawn, then dropped, so
            # the other conferences of a seed stay what they were.
            events.pop()
            continue
        taken.add(key)
        size = min(rng.randint(20, 60), len(people))
        local = pool[commune]
        linked = rng.sample(local, min(len(local), int(size * rng.uniform(0.3, 0.6))))
        chosen = set(linked)
        for wid in linked:
            people[wid]["attended"] = True  # stays where they attended from
        while len(chosen) < size and spare:
            wid = spare.pop()
            if wid in chosen or people[wid]["new"] or people[wid]["attended"]:
                continue
            # First registered at this conference: from this commune if anyone is left,
            # otherwise someone who moved here (small demos have few people per commune).
            person = people[wid]
            person["new"] = True
            if person["commune"] != commune:
                person["moved"] = True
                pool[person["commune"]].remove(wid)
                pool[commune].append(wid)
                person.update(commune=commune, village=_village(rng, kind))
            moved[wid] = person
            chosen.add(wid)
        for wid in sorted(chosen, key=lambda w: (w not in linked, w)):
            attendances.append({
                "id": _uuid(rng), "event_id": event_id, "worker_id": wid,
                "interest_market": rng.choice(markets) if rng.random() < 0.8 else None,
                "consent_given": True, "consent_method": rng.choice(["verbal", "verbal", "written"]),
                "consent_date": day, "follow_up": rng.random() < 0.35,
                "version": clock.tick(), **stamp,
            })
    # Core inserts of the table (not the ORM class): the ORM splits a batch whenever a
    # row has a None where its neighbour has a value, which made this 30 times slower.
    for table, rows in ((Event, events), (Attendance, attendances)):
        for start in range(0, len(rows), 5000):
            session.execute(insert(table.__table__), rows[start:start + 5000])
    # Two kinds of rows: only people who moved get a new address (and search text, whose
    # FTS trigger costs a delete + insert); the others only change their source.
    for rows in ([{"id": wid, "commune_code": p["commune"], "village": p["village"],
                   "source": "event", "search_text": worker_search_text(p),
                   "version": clock.tick(), "updated_at": now}
                  for wid, p in sorted(moved.items()) if p.get("moved")],
                 [{"id": wid, "source": "event", "version": clock.tick(), "updated_at": now}
                  for wid, p in sorted(moved.items()) if not p.get("moved")]):
        for start in range(0, len(rows), 5000):
            session.execute(update(Worker), rows[start:start + 5000])
    summary.extra["hội nghị"] = len(events)
    summary.extra["lượt tham dự"] = len(attendances)
    summary.extra["người đăng ký tại hội nghị"] = len(moved)


def _village(rng: random.Random, kind: str) -> str:
    return f"Tổ dân phố {rng.randint(1, 12)}" if kind == "ward" else rng.choice(VILLAGE_NAMES)
