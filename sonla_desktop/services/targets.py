"""Departure targets (chỉ tiêu): one per year for the province and per commune.

A target row's id is derived from (year, commune), so the hub and a commune that both set
the 2026 target for 03670 write the same row and sync keeps the latest value instead of
tripping over the unique constraint.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.progress import check_departures, check_year
from ..errors import ValidationError
from ..models import AdminUnit, Target, Worker, reference_id
from ..sync.ownership import hub_only_refusal
from .context import ServiceContext


def target_id(year: int, commune_code: str | None) -> str:
    return reference_id("target", f"{year}|{commune_code or ''}")


@dataclass(frozen=True)
class TargetRow:
    year: int
    commune_code: str | None
    commune_name: str
    departures: int


def _check_commune(session: Session, commune_code: str | None) -> None:
    if commune_code and session.scalar(select(AdminUnit.id).where(
            AdminUnit.code == commune_code, ~AdminUnit.deleted)) is None:
        raise ValidationError("commune_code", f"Không có xã/phường mã {commune_code}.",
                              f"Unknown commune code {commune_code}.")


def upsert_target(ctx: ServiceContext, session: Session, year: int, commune_code: str | None,
                  departures: int | None) -> bool:
    """Set (or with None, remove) one target inside the caller's transaction; True if changed."""
    check_year(year)
    if departures is not None:
        check_departures(departures)
    _check_commune(session, commune_code)
    row = session.get(Target, target_id(year, commune_code))
    if row is None:
        # A row written before ids were derived (or received from elsewhere) still counts.
        stmt = select(Target).where(Target.year == year)
        stmt = stmt.where(Target.commune_code.is_(None) if commune_code is None
                          else Target.commune_code == commune_code)
        row = session.scalars(stmt.limit(1)).first()
    entity_id = target_id(year, commune_code)
    if departures is None:
        if row is None or row.deleted:
            return False
        row.deleted = True
        ctx.stamp(session, row)
        ctx.audit(session, "delete", "target", row.id, {"departures": (row.departures, None)})
        return True
    if row is None:
        row = Target(id=entity_id, year=year, commune_code=commune_code, departures=departures)
        session.add(row)
        ctx.stamp(session, row)
        ctx.audit(session, "create", "target", row.id, {
            "year": (None, year), "commune_code": (None, commune_code),
            "departures": (None, departures)})
        return True
    if row.departures == departures and not row.deleted:
        return False
    old = None if row.deleted else row.departures
    row.departures = departures
    row.deleted = False
    ctx.stamp(session, row)
    ctx.audit(session, "update", "target", row.id, {"departures": (old, departures)})
    return True


def _hub_only(ctx: ServiceContext) -> None:
    # Refused even when the value would not change: a commune office should learn at once
    # that targets are the hub's to set, not the day the numbers disagree.
    if ctx.owned_scope:
        raise hub_only_refusal("target")


def set_target(ctx: ServiceContext, year: int, departures: int | None,
               commune_code: str | None = None) -> bool:
    """``target set``: one user action, one transaction. Hub data (``sync.ownership``)."""
    _hub_only(ctx)
    with ctx.transaction() as s:
        return upsert_target(ctx, s, year, commune_code or None, departures)


def set_targets(ctx: ServiceContext, year: int,
                values: Iterable[tuple[str | None, int | None]]) -> int:
    """The target editor's save: every (commune, count) of one year in one transaction."""
    _hub_only(ctx)
    changed = 0
    with ctx.transaction() as s:
        for commune_code, departures in values:
            changed += upsert_target(ctx, s, year, commune_code or None, departures)
    return changed


def list_targets(ctx: ServiceContext, year: int | None = None) -> list[TargetRow]:
    with ctx.db.session() as s:
        stmt = (select(Target.year, Target.commune_code, AdminUnit.name, Target.departures)
                .outerjoin(AdminUnit, AdminUnit.code == Target.commune_code)
                .where(~Target.deleted)
                .order_by(Target.year, Target.commune_code.asc().nulls_first()))
        if year is not None:
            stmt = stmt.where(Target.year == year)
        return [TargetRow(y, c, name or "", d) for y, c, name, d in s.execute(stmt)]


def target_for(session: Session, years: list[int], commune_code: str | None) -> int | None:
    """The target over whole years: a commune's own targets; for the province its own
    target, else the sum of the communes' targets. None when a year has none."""
    total = 0
    for year in years:
        base = select(Target.departures).where(Target.year == year, ~Target.deleted)
        if commune_code:
            value = session.scalar(base.where(Target.commune_code == commune_code))
        else:
            value = session.scalar(base.where(Target.commune_code.is_(None)))
            if value is None:
                value = session.scalar(select(func.sum(Target.departures)).where(
                    Target.year == year, ~Target.deleted, Target.commune_code.is_not(None)))
        if value is None:
            return None
        total += int(value)
    return total if years else None


def demo_targets(ctx: ServiceContext, session: Session, rng, today, summary) -> None:
    """Demo extension: yearly province targets near what the demo workers achieve, and
    commune targets for this year, so the dashboard has a target line to show.

    Only at the hub: targets are the hub's (``sync.ownership``); a commune office's demo
    shows the targets the hub sends it."""
    if ctx.owned_scope:
        return
    year_of = func.extract("year", Worker.departure_date)
    per_year = {int(y): n for y, n in session.execute(
        select(year_of, func.count()).where(Worker.departure_date.is_not(None))
        .group_by(year_of))}
    count = 0
    for year in range(today.year - 2, today.year + 2):
        done = per_year.get(year, 0)
        base = done if year < today.year else int(done * 12 / max(today.month, 1))
        target = max(10, round(base * rng.uniform(0.8, 1.25) / 10) * 10)
        upsert_target(ctx, session, year, None, target)
        count += 1
    # Commune targets near each commune's own pace, so a commune office's demo (everyone
    # in its commune) and the hub's (spread over 75) both show a believable achievement.
    this_year = {c: n for c, n in session.execute(
        select(Worker.commune_code, func.count())
        .where(Worker.departure_date.is_not(None), year_of == today.year - 1)
        .group_by(Worker.commune_code))}
    communes = list(session.scalars(select(AdminUnit.code).order_by(AdminUnit.code)))
    for code in communes:
        done = this_year.get(code, 0)
        target = max(2, round(done * rng.uniform(0.9, 1.3))) if done else rng.randint(2, 6)
        upsert_target(ctx, session, today.year, code, target)
        count += 1
    summary.extra["chỉ tiêu"] = count
