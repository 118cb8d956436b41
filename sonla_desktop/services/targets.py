"""Departure targets (chỉ tiêu): one per year for the province and per commune.

A target row's id is derived from (year, commune), so the hub and a commune that both set
the 2026 target for 03670 write the same row and sync keeps the latest value instead of
tripping over the unique constraint.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.progress import ReportTarget, check_departures, check_year
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
    ctx.require("targets.write")
    _hub_only(ctx)
    with ctx.transaction() as s:
        return upsert_target(ctx, s, year, commune_code or None, departures)


def set_targets(ctx: ServiceContext, year: int,
                values: Iterable[tuple[str | None, int | None]]) -> int:
    """The target editor's save: every (commune, count) of one year in one transaction."""
    ctx.require("targets.write")
    _hub_only(ctx)
    changed = 0
    with ctx.transaction() as s:
        for commune_code, departures in values:
            changed += upsert_target(ctx, s, year, commune_code or None, departures)
    return changed


def list_targets(ctx: ServiceContext, year: int | None = None) -> list[TargetRow]:
    ctx.require("reports.read")
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
    communes = (commune_code,) if commune_code else ()
    return scope_target(session, years, communes, whole_province=not commune_code).departures


def scope_target(session: Session, years: list[int], communes: Sequence[str],
                 whole_province: bool) -> ReportTarget:
    """The target a report over ``communes`` compares with, over whole years.

    The province: its own target, else the sum of all communes' targets. Some communes: the
    sum of their targets, and none at all if one of them has no target for a year (half a
    target would make the achievement look better than it is).
    """
    years_t = tuple(years)
    if not years:
        return ReportTarget(None, "none", years_t)
    codes = tuple(sorted(set(communes)))
    total, basis = 0, "communes"
    missing: set[str] = set()
    for year in years:
        live = (Target.year == year, ~Target.deleted)
        if whole_province:
            value = session.scalar(select(Target.departures).where(
                *live, Target.commune_code.is_(None)))
            if value is not None:
                basis = "province"
            else:
                value = session.scalar(select(func.sum(Target.departures)).where(
                    *live, Target.commune_code.is_not(None)))
            if value is None:
                return ReportTarget(None, "none", years_t)
            total += int(value)
            continue
        found = {code: n for code, n in session.execute(
            select(Target.commune_code, Target.departures).where(
                *live, Target.commune_code.in_(codes)))} if codes else {}
        missing |= set(codes) - set(found)
        total += sum(int(v) for v in found.values())
    if missing or (not whole_province and not codes):
        return ReportTarget(None, "none", years_t, codes, tuple(sorted(missing)))
    return ReportTarget(total, basis, years_t, () if whole_province else codes)


# The province's own figures (docs/DOMAIN.md): the 2025 target was 200 departures; Project
# 2553/ĐA-UBND (14/10/2025) plans about 700 for 2026. Other years follow the demo's pace.
PROVINCE_PLAN = {2025: 200, 2026: 700}


def split_target(total: int, weights: dict[str, int]) -> dict[str, int]:
    """``total`` shared in proportion to ``weights`` (largest remainder): the parts add up to
    exactly ``total``, ties broken by code so the same input always gives the same split."""
    whole = sum(weights.values())
    if not weights or whole <= 0:
        return dict.fromkeys(weights, 0)
    exact = {code: total * w / whole for code, w in weights.items()}
    parts = {code: int(x) for code, x in exact.items()}
    left = total - sum(parts.values())
    for code in sorted(exact, key=lambda c: (-(exact[c] - parts[c]), c))[:left]:
        parts[code] += 1
    return parts


def demo_targets(ctx: ServiceContext, session: Session, rng, today, summary) -> None:
    """Demo extension: yearly province targets (the real plan where known) and, for each
    year, commune targets that add up to the province's, shared by each commune's pace the
    year before (every commune gets a share: the project gives all 75 one).

    Only at the hub: targets are the hub's (``sync.ownership``); a commune office's demo
    shows the targets the hub sends it."""
    if ctx.owned_scope:
        return
    year_of = func.extract("year", Worker.departure_date)
    per_year = {int(y): n for y, n in session.execute(
        select(year_of, func.count()).where(Worker.departure_date.is_not(None))
        .group_by(year_of))}
    per_commune_year: dict[int, dict[str, int]] = {}
    for code, y, n in session.execute(
            select(Worker.commune_code, year_of, func.count())
            .where(Worker.departure_date.is_not(None))
            .group_by(Worker.commune_code, year_of)):
        per_commune_year.setdefault(int(y), {})[code] = n
    communes = list(session.scalars(
        select(AdminUnit.code).where(~AdminUnit.deleted).order_by(AdminUnit.code)))
    count = 0
    for year in range(today.year - 2, today.year + 2):
        done = per_year.get(year, 0)
        base = done if year < today.year else int(done * 12 / max(today.month, 1))
        target = PROVINCE_PLAN.get(year) or max(10, round(base * rng.uniform(0.8, 1.25) / 10) * 10)
        upsert_target(ctx, session, year, None, target)
        # Each commune's weight: its demo departures the year before plus an even share of
        # the province's target, so a commune office's demo (every worker in one ward) gives
        # that ward about its own pace and the other communes the province's average.
        before = per_commune_year.get(year - 1, {})
        even = max(1, round(target / max(len(communes), 1)))
        shares = split_target(target, {c: before.get(c, 0) + even for c in communes})
        for code in communes:
            upsert_target(ctx, session, year, code, shares[code])
        count += 1 + len(communes)
    summary.extra["chỉ tiêu"] = count
