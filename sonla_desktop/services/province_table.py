"""The province dashboard (issue #16): one row per commune and ward, for the hub.

``report --by-commune`` and the "Toàn tỉnh" page both come through ``province_table``. Each
row uses the progress report's own definitions (``services.progress_report``: departures,
loans first paid out in the period, balances from ``services.loan_figures``, conferences and
attendees from ``services.events``), the same statements grouped by commune and run once for
all the communes, so a commune's row is exactly that commune's own report (a test compares
them). The totals are the sum of the rows, not a separate query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.progress import Period
from ..models import AdminUnit, BundleLog, Node, Target, Worker
from .context import ServiceContext
from .events import counselling_by_commune
from .loan_figures import loan_figures
from .progress_report import DEPARTED, _departures, loans_by_commune

PLAN_YEARS = tuple(range(2025, 2031))  # Project 2553/ĐA-UBND: 2025-2030
SILENT_DAYS = 30  # a commune that has sent nothing for this long stands out


@dataclass
class CommuneRow:
    code: str
    name: str
    target: int | None
    departures: int
    loans: int
    amount_vnd: int
    outstanding_vnd: int
    overdue_vnd: int
    events: int
    attendees: int
    last_bundle: datetime | None
    age_days: int | None
    # year -> (plan, actual departures) over PLAN_YEARS
    plan: dict[int, tuple[int | None, int]] = field(default_factory=dict)

    @property
    def percent(self) -> float | None:
        return round(100 * self.departures / self.target, 1) if self.target else None

    @property
    def silent(self) -> bool:
        """Nothing received for SILENT_DAYS days, or never."""
        return self.age_days is None or self.age_days >= SILENT_DAYS

    def as_json(self) -> dict:
        return {"code": self.code, "name": self.name, "target": self.target,
                "departures": self.departures, "percent": self.percent,
                "loans": self.loans, "loans_amount_vnd": self.amount_vnd,
                "outstanding_vnd": self.outstanding_vnd, "overdue_vnd": self.overdue_vnd,
                "events": self.events, "attendees": self.attendees,
                "last_bundle": self.last_bundle.isoformat(timespec="seconds")
                if self.last_bundle else None,
                "last_bundle_age_days": self.age_days, "silent": self.silent,
                "plan_vs_actual": {str(y): {"plan": p, "actual": a}
                                   for y, (p, a) in sorted(self.plan.items())}}


@dataclass
class ProvinceTable:
    period: Period
    as_of: date
    rows: list[CommuneRow]
    total: CommuneRow

    def as_json(self) -> dict:
        return {"period": {"from": self.period.start.isoformat(),
                           "to": self.period.end.isoformat()},
                "as_of": self.as_of.isoformat(), "silent_after_days": SILENT_DAYS,
                "rows": [r.as_json() for r in self.rows], "total": self.total.as_json()}


def _last_bundles(session: Session) -> dict[str, datetime]:
    """Commune -> when a bundle from a node covering it was last imported here."""
    last = dict(session.execute(
        select(BundleLog.sender, func.max(BundleLog.at))
        .where(BundleLog.direction == "in").group_by(BundleLog.sender)).all())
    by_commune: dict[str, datetime] = {}
    for node in session.scalars(select(Node).where(Node.is_self.is_(False))):
        at = last.get(node.id)
        if at is None:
            continue
        for code in (c.strip() for c in node.scope.split(",")):
            if code and (code not in by_commune or by_commune[code] < at):
                by_commune[code] = at
    return by_commune


def _plan_vs_actual(session: Session) -> tuple[dict, dict]:
    """(commune, year) -> target, and (commune, year) -> departures, over PLAN_YEARS."""
    plans = {(c, y): n for c, y, n in session.execute(
        select(Target.commune_code, Target.year, Target.departures).where(
            ~Target.deleted, Target.commune_code.is_not(None),
            Target.year.in_(PLAN_YEARS)))}
    year_of = func.extract("year", Worker.departure_date)
    actual = {(c, int(y)): n for c, y, n in session.execute(
        select(Worker.commune_code, year_of, func.count())
        .where(~Worker.deleted, Worker.status.in_(DEPARTED),
               Worker.departure_date >= date(PLAN_YEARS[0], 1, 1),
               Worker.departure_date <= date(PLAN_YEARS[-1], 12, 31))
        .group_by(Worker.commune_code, year_of))}
    return plans, actual


def _balances(session: Session, as_of: date, codes: list[str]) -> dict[str, tuple[int, int]]:
    """Commune -> (outstanding, overdue): ``progress_report._outstanding``'s sums, from one
    pass of ``loan_figures`` over all the communes instead of one pass per commune."""
    out: dict[str, tuple[int, int]] = {}
    for loan in loan_figures(session, as_of, commune_code=codes):
        if loan.state is None:
            continue
        balance, overdue = out.get(loan.commune_code, (0, 0))
        out[loan.commune_code] = (balance + loan.state.outstanding_vnd,
                                  overdue + loan.state.overdue_principal_vnd)
    return out


def _targets(session: Session, years: list[int], codes: list[str]) -> dict[str, int]:
    """Commune -> its target over the period's whole years, for the communes that have one
    for every such year (a commune missing a year has no target: None in its row)."""
    if not years:
        return {}
    found: dict[str, dict[int, int]] = {}
    for code, year, n in session.execute(
            select(Target.commune_code, Target.year, Target.departures).where(
                ~Target.deleted, Target.commune_code.in_(codes), Target.year.in_(years))):
        found.setdefault(code, {})[year] = n
    return {code: sum(by_year.values()) for code, by_year in found.items()
            if set(by_year) == set(years)}


def _sort_key(row: CommuneRow):
    # Furthest behind first: no target at the end, then by %, then by name.
    return (row.percent is None, row.percent if row.percent is not None else 0, row.name)


def compute_province_table(session: Session, period: Period, today: date,
                           now: datetime | None = None,
                           only: frozenset[str] | None = None) -> ProvinceTable:
    """``only``: the communes to list (a commune office's own); None for all of them."""
    now = now or datetime.now()
    as_of = period.as_of(today)
    stmt = select(AdminUnit.code, AdminUnit.name).where(~AdminUnit.deleted)
    if only is not None:
        stmt = stmt.where(AdminUnit.code.in_(sorted(only)))
    units = list(session.execute(stmt.order_by(AdminUnit.code)))
    last = _last_bundles(session)
    plans, actual = _plan_vs_actual(session)
    codes = [c for c, _ in units]
    # Each figure in one grouped query (or one pass) for all the communes: a query per
    # commune made the 75-commune table cost a minute on the hub (docs/hub.md).
    _, _, by_commune = _departures(session, period, tuple(codes))
    loans = loans_by_commune(session, period, tuple(codes))
    balances = _balances(session, as_of, codes)
    counselling = counselling_by_commune(session, period.start, period.end, codes)
    targets = _targets(session, period.whole_years, codes)
    rows: list[CommuneRow] = []
    for code, name in units:
        count, amount = loans.get(code, (0, 0))
        balance, overdue = balances.get(code, (0, 0))
        events, attendees = counselling[code]
        at = last.get(code)
        rows.append(CommuneRow(
            code=code, name=name, target=targets.get(code),
            departures=by_commune.get(code, 0), loans=count, amount_vnd=amount,
            outstanding_vnd=balance, overdue_vnd=overdue, events=events,
            attendees=attendees, last_bundle=at,
            age_days=(now - at).days if at else None,
            plan={y: (plans.get((code, y)), actual.get((code, y), 0)) for y in PLAN_YEARS}))
    rows.sort(key=_sort_key)
    return ProvinceTable(period, as_of, rows, _totals(rows))


def _totals(rows: list[CommuneRow]) -> CommuneRow:
    def add(attr: str) -> int:
        return sum(getattr(r, attr) for r in rows)

    targets = [r.target for r in rows]
    plan = {}
    for y in PLAN_YEARS:
        plans = [r.plan[y][0] for r in rows]
        plan[y] = (sum(p for p in plans if p is not None) if any(p is not None for p in plans)
                   else None, sum(r.plan[y][1] for r in rows))
    ages = [r.last_bundle for r in rows if r.last_bundle]
    return CommuneRow(
        code="", name="Toàn tỉnh",
        target=sum(t for t in targets if t is not None) if any(targets) else None,
        departures=add("departures"), loans=add("loans"), amount_vnd=add("amount_vnd"),
        outstanding_vnd=add("outstanding_vnd"), overdue_vnd=add("overdue_vnd"),
        events=add("events"), attendees=add("attendees"),
        last_bundle=max(ages) if ages else None, age_days=None, plan=plan)


def province_table(ctx: ServiceContext, period: Period, today: date | None = None,
                   now: datetime | None = None) -> ProvinceTable:
    """The dashboard's table (page and ``report --by-commune``), one read. At a commune
    office only its own communes are listed: it does not hold the others' records, and a
    row of zeros would read as "nothing done" rather than "not known here"."""
    ctx.require("reports.read")
    with ctx.db.session() as s:
        return compute_province_table(s, period, today or date.today(), now,
                                      only=ctx.owned_scope)


def export_province(ctx: ServiceContext, table: ProvinceTable, path: str, fmt: str = "xlsx",
                    today: date | None = None) -> None:
    """Write the dashboard the clerk is looking at as ``xlsx`` or ``pdf`` (an export is a
    user action: it is audited like the progress report's)."""
    ctx.require("reports.read")
    from ..reports.province_report import write_province_pdf, write_province_xlsx
    from .audit import record
    from .setup import get_self_node

    node = get_self_node(ctx)
    office = node.name if node else ""
    if fmt == "xlsx":
        write_province_xlsx(table, path, office=office)
    elif fmt == "pdf":
        write_province_pdf(table, path, office=office, today=today)
    else:
        raise ValueError(f"unknown report format {fmt!r}")
    record(ctx, "export", "province_report", "by-commune",
           {"format": (None, fmt), "departures": (None, table.total.departures)})
