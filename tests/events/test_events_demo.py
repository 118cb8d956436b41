"""Demo conferences: realistic sizes, same seed same data, people never duplicated."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from sonla_desktop.models import Attendance, Event, Worker
from sonla_desktop.services.demo import generate_demo
from sonla_desktop.services.events import counselling_figures

TODAY = date(2026, 3, 15)


def _snapshot(ctx):
    with ctx.db.session() as s:
        events = s.execute(select(Event.id, Event.event_date, Event.commune_code, Event.place)
                           .order_by(Event.id)).all()
        pairs = s.execute(select(Attendance.event_id, Attendance.worker_id, Attendance.follow_up)
                          .order_by(Attendance.id)).all()
        people = s.execute(select(Worker.id, Worker.commune_code, Worker.source)
                           .order_by(Worker.id)).all()
    return events, pairs, people


def test_demo_events_are_realistic_and_keep_the_worker_count(ctx):
    summary = generate_demo(ctx, workers=1500, seed=4, today=TODAY)
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Worker)) == 1500
        sizes = s.execute(select(Attendance.event_id, func.count()).group_by(Attendance.event_id)
                          ).all()
        dates = s.scalars(select(Event.event_date)).all()
        # Every attendee lives in the commune of the conference they attended.
        strangers = s.scalar(select(func.count()).select_from(Attendance)
                             .join(Event, Event.id == Attendance.event_id)
                             .join(Worker, Worker.id == Attendance.worker_id)
                             .where(Worker.commune_code != Event.commune_code))
        doubled = s.execute(select(Attendance.event_id, Attendance.worker_id)
                            .group_by(Attendance.event_id, Attendance.worker_id)
                            .having(func.count() > 1)).all()
        figures = counselling_figures(s, date(2024, 1, 1), TODAY)
        sources = dict(s.execute(select(Worker.source, func.count()).group_by(Worker.source)).all())
    assert summary.extra["hội nghị"] == len(sizes) >= 10
    assert all(20 <= n <= 60 for _, n in sizes)
    assert all(date(2024, 1, 1) <= d < TODAY for d in dates)
    assert len({d.year for d in dates}) >= 2
    assert strangers == 0 and doubled == []
    assert figures == (len(sizes), sum(n for _, n in sizes))
    assert sources["event"] == summary.extra["người đăng ký tại hội nghị"] > 0


def test_demo_events_are_deterministic(ctx, tmp_path):
    from sonla_desktop.db import open_database
    from sonla_desktop.services.context import ServiceContext
    from sonla_desktop.services.setup import initialise

    other_db = open_database(tmp_path / "other.db")
    initialise(other_db, name="UBND phường Chiềng Cơi", communes=["03670"])
    other = ServiceContext(other_db, role="admin")
    generate_demo(ctx, workers=600, seed=9, today=TODAY)
    generate_demo(other, workers=600, seed=9, today=TODAY)
    assert _snapshot(ctx) == _snapshot(other)
    other_db.dispose()


def test_a_one_commune_demo_never_holds_the_same_conference_twice(ctx):
    """The Excel import refuses a conference repeated (day, commune, place, topic): a demo
    exported to Excel must import again. 10,000 people in one commune drew such a repeat."""
    generate_demo(ctx, workers=10_000, seed=3, today=TODAY, communes=["03670"])
    with ctx.db.session() as s:
        keys = s.execute(select(Event.event_date, Event.commune_code, Event.place,
                                Event.topic)).all()
    assert keys and len(keys) == len(set(keys))
