"""Which automatic backups to keep: the newest of each of the last 7 days that have one,
and the newest of each of the 4 ISO weeks before those (pure, so it is tested alone)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

DAILY = 7
WEEKLY = 4
DAY = timedelta(days=1)


def keep(stamps: Iterable[datetime], daily: int = DAILY, weekly: int = WEEKLY) -> set[datetime]:
    """The backups (by time) to keep; every other automatic backup may be deleted."""
    kept: set[datetime] = set()
    days: set[object] = set()
    weeks: set[object] = set()
    for at in sorted(set(stamps), reverse=True):
        day, week = at.date(), at.isocalendar()[:2]
        if len(days) < daily and day not in days:
            days.add(day)
            weeks.add(week)  # a week already kept by its daily backups needs no weekly one
            kept.add(at)
        elif len(days) >= daily and week not in weeks and len(weeks - _weeks(days)) < weekly:
            weeks.add(week)
            kept.add(at)
    return kept


def _weeks(days: set) -> set:
    return {d.isocalendar()[:2] for d in days}


def due(newest: datetime | None, now: datetime) -> bool:
    """A daily backup is due when there is none, or the newest is a day old."""
    return newest is None or now - newest >= DAY
