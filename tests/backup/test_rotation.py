"""Rotation of automatic backups: 7 daily + 4 weekly (domain.backup_rotation, pure)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sonla_desktop.domain.backup_rotation import due, keep


def test_several_backups_a_day_keep_the_newest_of_each_day():
    day = datetime(2026, 3, 2, 8)
    stamps = [day + timedelta(hours=h) for h in (0, 4, 9)]
    assert keep(stamps) == {day + timedelta(hours=9)}


def test_seven_days_then_four_weeks_then_nothing():
    start = datetime(2026, 1, 5, 17)  # a Monday
    stamps = [start + timedelta(days=d) for d in range(70)]  # ten weeks, one a day
    kept = sorted(keep(stamps), reverse=True)
    newest = stamps[-1]
    assert kept[:7] == [newest - timedelta(days=d) for d in range(7)]
    weekly = kept[7:]
    assert len(weekly) == 4
    weeks = {k.isocalendar()[:2] for k in weekly}
    assert len(weeks) == 4 and not weeks & {k.isocalendar()[:2] for k in kept[:7]}
    # each weekly one is the newest backup of its week
    for k in weekly:
        same_week = [s for s in stamps if s.isocalendar()[:2] == k.isocalendar()[:2]]
        assert k == max(same_week)


def test_gaps_do_not_shorten_what_is_kept():
    """An office closed for a fortnight still has its last 7 working days."""
    start = datetime(2026, 1, 5, 17)
    stamps = [start + timedelta(days=d) for d in (0, 1, 2, 3, 4, 20, 21, 22)]
    kept = keep(stamps)
    assert len([k for k in kept if k >= start + timedelta(days=2)]) >= 6
    assert start + timedelta(days=22) in kept


def test_daily_backup_is_due_after_a_day():
    now = datetime(2026, 3, 2, 8)
    assert due(None, now)
    assert not due(now - timedelta(hours=23), now)
    assert due(now - timedelta(hours=24), now)
