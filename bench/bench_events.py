"""Conferences on the 100k demo: the duplicate look-up run after every field at the door, a
150-person registration session, and the report's counselling figures."""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.common import BIG, big_database, report, timed


def _context(path: Path):
    from sonla_desktop.db import open_database
    from sonla_desktop.services.context import ServiceContext

    return ServiceContext(open_database(path), role="admin")


def bench_lookup(ctx) -> None:
    """Ours: indexed CCCD / phone / commune branches. Baseline: fold every name of the commune
    in Python, which is what a straightforward 'same folded name' check does."""
    from sqlalchemy import select

    from sonla_desktop.domain.events import PersonKey
    from sonla_desktop.domain.text import fold
    from sonla_desktop.models import Worker
    from sonla_desktop.services.attendance import find_duplicates

    with ctx.db.session() as s:
        sample = s.execute(select(Worker.full_name, Worker.birth_year, Worker.commune_code,
                                  Worker.phone).where(Worker.phone != "").limit(1)).one()
        name, year, commune, phone = sample
        key = PersonKey(None, phone, fold(name), year, commune)
        ours = timed(lambda: find_duplicates(s, key), repeat=20)

        def baseline() -> list:
            rows = s.execute(select(Worker.id, Worker.full_name, Worker.birth_year, Worker.phone)
                             .where(Worker.commune_code == commune)).all()
            return [r for r in rows if r.phone == phone
                    or (fold(r.full_name) == key.folded_name and r.birth_year == year)]

        base = timed(baseline, repeat=5)
        hint = PersonKey(None, None, fold(name), None, commune)
        hint_time = timed(lambda: find_duplicates(s, hint, name_hints=True), repeat=20)
    report(f"duplicate look-up after a field ({BIG:,} workers)", ours, base, "<= 20 ms")
    report("same-name hint while typing (no year yet)", hint_time, base, "<= 20 ms")


def bench_session(path: Path) -> None:
    """150 people registered at one conference, one service call each (what Enter does)."""
    from sonla_desktop.services.attendance import register_attendee
    from sonla_desktop.services.events import create_event
    from sonla_desktop.services.workers import create_worker

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "session.db"
        shutil.copyfile(path, copy)
        ctx = _context(copy)
        event_id = create_event(ctx, {"event_date": date.today(), "commune_code": "03670",
                                      "place": "Nhà văn hoá bản Hẹo", "topic": "Bench"})
        people = [{"full_name": f"Lò Văn Bench {chr(65 + i // 26)}{chr(65 + i % 26)}",
                   "birth_year": 1980 + i % 25, "sex": "Nam", "village": "Bản Hẹo",
                   "phone": f"09{(i * 7919) % 10**8:08d}", "interest_market": "JP",
                   "consent_method": "verbal"} for i in range(150)]
        start = time.perf_counter()
        for raw in people:
            register_attendee(ctx, event_id, raw)
        ours = (time.perf_counter() - start) / len(people)
        start = time.perf_counter()
        for i, raw in enumerate(people[:50]):
            create_worker(ctx, {**raw, "full_name": f"Lò Thị Base {chr(65 + i)}", "sex": "Nữ",
                                "phone": "", "commune_code": "03670"})
        base = (time.perf_counter() - start) / 50
        ctx.db.dispose()
    report("register one person at the door (150 in a row)", ours, base,
           "<= 100 ms; close to a plain worker insert")


def bench_figures(ctx) -> None:
    from sqlalchemy import select

    from sonla_desktop.models import Attendance, Event
    from sonla_desktop.services.events import counselling_figures

    start, end = date(2025, 1, 1), date(2025, 12, 31)
    with ctx.db.session() as s:
        ours = timed(lambda: counselling_figures(s, start, end), repeat=5)

        def baseline() -> tuple[int, int]:
            events = {e.id for e in s.scalars(select(Event).where(
                Event.event_date >= start, Event.event_date <= end, ~Event.deleted))}
            pairs = {(a.event_id, a.worker_id) for a in s.scalars(select(Attendance))
                     if a.event_id in events and not a.deleted}
            return len(events), len(pairs)

        base = timed(baseline, repeat=3)
        assert counselling_figures(s, start, end)[0] == baseline()[0]
    report("counselling figures for a year (report)", ours, base, "<= 50 ms")


def main() -> None:
    path = big_database()
    ctx = _context(path)
    bench_lookup(ctx)
    bench_figures(ctx)
    ctx.db.dispose()
    bench_session(path)


if __name__ == "__main__":
    main()
