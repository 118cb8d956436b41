"""The progress report's figures (``report`` and the Báo cáo page), counted in SQL.

Definitions are in ``domain.progress``. Loan balances come from
``services.loan_figures`` so that a balance is computed one way everywhere.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.policy import POLICY_GROUPS
from ..domain.progress import PROVINCE_LABEL, Period, ProgressFigures, ReportScope
from ..errors import ValidationError
from ..models import AdminUnit, Disbursement, LoanApplication, Market, Node, Worker
from .context import ServiceContext
from .events import counselling_figures
from .loan_figures import loan_figures
from .targets import scope_target

DEPARTED = ("departed", "returned")
UNKNOWN_MARKET = "ZZ"  # ISO 3166 "unknown": a departure recorded without its market


# ``codes``: the communes in scope, or None for the whole province (no filter at all, so a
# worker whose commune code is no longer in the list still counts for the province).
Codes = tuple[str, ...] | None


def _departures(session: Session, period: Period, codes: Codes):
    stmt = (select(Worker.market_code, Worker.commune_code, func.count())
            .where(~Worker.deleted, Worker.status.in_(DEPARTED),
                   Worker.departure_date >= period.start, Worker.departure_date <= period.end)
            .group_by(Worker.market_code, Worker.commune_code))
    if codes is not None:
        stmt = stmt.where(Worker.commune_code.in_(codes))
    by_market: Counter[str] = Counter()
    by_commune: Counter[str] = Counter()
    for market, code, n in session.execute(stmt):
        by_market[market or UNKNOWN_MARKET] += n
        by_commune[code] += n
    markets = dict(sorted(by_market.items(), key=lambda kv: (-kv[1], kv[0])))
    return sum(by_market.values()), markets, dict(sorted(by_commune.items()))


def departures_by_month(session: Session, year: int,
                        commune: str | tuple[str, ...] | None) -> tuple[int, ...]:
    month = func.extract("month", Worker.departure_date)
    stmt = (select(month, func.count())
            .where(~Worker.deleted, Worker.status.in_(DEPARTED),
                   Worker.departure_date >= date(year, 1, 1),
                   Worker.departure_date <= date(year, 12, 31))
            .group_by(month))
    codes = (commune,) if isinstance(commune, str) else commune
    if codes:
        stmt = stmt.where(Worker.commune_code.in_(codes))
    counts = {int(m): n for m, n in session.execute(stmt)}
    return tuple(counts.get(m, 0) for m in range(1, 13))


def _loans_stmt(period: Period, codes: Codes, by):
    """Loans first paid out in the period (count, amount paid out by its end) per ``by``."""
    # Disbursed by the period's end; a loan counts in the period of its first disbursement.
    paid_out = (select(Disbursement.loan_id, func.min(Disbursement.disbursed_on).label("first"),
                       func.sum(Disbursement.amount_vnd).label("amount"))
                .where(~Disbursement.deleted, Disbursement.disbursed_on <= period.end)
                .group_by(Disbursement.loan_id).subquery())
    stmt = (select(by, func.count(), func.sum(paid_out.c.amount))
            .select_from(LoanApplication)
            .join(paid_out, paid_out.c.loan_id == LoanApplication.id)
            .join(Worker, Worker.id == LoanApplication.worker_id)
            .where(~LoanApplication.deleted, paid_out.c.first >= period.start)
            .group_by(by))
    if codes is not None:
        stmt = stmt.where(Worker.commune_code.in_(codes))
    return stmt


def loans_by_commune(session: Session, period: Period,
                     codes: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Commune -> (loans, amount) as ``_loans`` counts them for that one commune, in one
    grouped query (the province table) rather than one query per commune."""
    return {code: (int(n), int(total or 0)) for code, n, total in
            session.execute(_loans_stmt(period, codes, Worker.commune_code))}


def _loans(session: Session, period: Period, codes: Codes):
    stmt = _loans_stmt(period, codes, LoanApplication.policy_group)
    by_group = dict.fromkeys(POLICY_GROUPS, 0)
    count = amount = 0
    for group, n, total in session.execute(stmt):
        by_group[group] = by_group.get(group, 0) + n
        count += n
        amount += int(total or 0)
    return count, amount, by_group


def _outstanding(session: Session, as_of: date, codes: Codes):
    balance = overdue = 0
    borrowers: set[str] = set()
    for loan in loan_figures(session, as_of, commune_code=codes):
        if loan.state is None:
            continue
        balance += loan.state.outstanding_vnd
        overdue += loan.state.overdue_principal_vnd
        if loan.state.outstanding_vnd > 0:
            borrowers.add(loan.worker_id)
    return balance, len(borrowers), overdue


def _check_commune(session: Session, commune: str | None) -> None:
    if commune and session.scalar(select(AdminUnit.id).where(AdminUnit.code == commune)) is None:
        raise ValidationError("commune_code", f"Không có xã/phường mã {commune}.",
                              f"Unknown commune code {commune}.")


def resolve_scope(session: Session, commune: str | None = None,
                  province: bool = False) -> ReportScope:
    """What a report covers: ``commune`` if given; otherwise this office's communes (the
    node's scope), or the whole province at the hub or when every commune is in scope.
    ``province`` asks for everything this database holds (the target editor's totals)."""
    _check_commune(session, commune)
    units = {code: full for code, full in session.execute(
        select(AdminUnit.code, AdminUnit.full_name).where(~AdminUnit.deleted))}
    if commune:
        name = units.get(commune) or session.scalar(
            select(AdminUnit.full_name).where(AdminUnit.code == commune)) or commune
        return ReportScope((commune,), f"{name} ({commune})")
    node = session.scalar(select(Node).where(Node.is_self.is_(True)))
    own = sorted({c for c in (node.scope if node else "").split(",") if c})
    if province or node is None or node.is_hub or not own or set(units) <= set(own):
        return ReportScope(tuple(sorted(units)), PROVINCE_LABEL, whole_province=True)
    if len(own) == 1:
        return ReportScope(tuple(own), f"{units.get(own[0], own[0])} ({own[0]})")
    names = ", ".join(f"{units.get(c, c)} ({c})" for c in own)
    return ReportScope(tuple(own), f"{len(own)} xã/phường: {names}")


def compute_figures(session: Session, period: Period, commune: str | None = None,
                    today: date | None = None, province: bool = False) -> ProgressFigures:
    """The figures of ``commune``, or without one of the office's scope (``resolve_scope``):
    the CLI, the Báo cáo page, its PDF and Excel all come through here."""
    today = today or date.today()
    scope = resolve_scope(session, commune, province)
    codes = None if scope.whole_province else scope.communes
    total, by_market, by_commune = _departures(session, period, codes)
    count, amount, by_group = _loans(session, period, codes)
    as_of = period.as_of(today)
    balance, borrowers, overdue = _outstanding(session, as_of, codes)
    # One definition with the conferences page: distinct people per conference, summed.
    events, attendees = counselling_figures(session, period.start, period.end, codes)
    one_year = period.whole_years == [period.start.year] and period.end.year == period.start.year
    months = departures_by_month(session, period.start.year, codes) if one_year else ()
    market_names = dict(session.execute(select(Market.code, Market.name_vi)).all())
    market_names[UNKNOWN_MARKET] = "Chưa rõ"
    commune_names = dict(session.execute(select(AdminUnit.code, AdminUnit.name)).all())
    target = scope_target(session, period.whole_years, scope.communes, scope.whole_province)
    single = scope.communes[0] if len(scope.communes) == 1 and not scope.whole_province \
        else None
    return ProgressFigures(
        period=period, commune_code=single, as_of=as_of, departures_total=total,
        departures_by_market=by_market, departures_by_commune=by_commune,
        target=target.departures, loans_count=count,
        loans_amount_vnd=amount, loans_by_group=by_group, outstanding_vnd=balance,
        borrowers=borrowers, overdue_vnd=overdue, events=events, attendees=attendees,
        departures_by_month=months, market_names=market_names, commune_names=commune_names,
        scope=scope, target_used=target)


def progress_figures(ctx: ServiceContext, period: Period, commune: str | None = None,
                     today: date | None = None, province: bool = False) -> ProgressFigures:
    ctx.require("reports.read")
    with ctx.db.session() as s:
        return compute_figures(s, period, commune, today, province)


def report_scope(ctx: ServiceContext, commune: str | None = None) -> ReportScope:
    """The scope a report would cover (for the Báo cáo page's picker label)."""
    ctx.require("reports.read")
    with ctx.db.session() as s:
        return resolve_scope(s, commune)


def progress_pdf(ctx: ServiceContext, figures: ProgressFigures,
                 today: date | None = None) -> bytes:
    """The report the clerk is looking at as PDF bytes, to preview or print (no audit entry:
    the print is recorded once a queue accepted it, ``services.printing``)."""
    ctx.require("reports.read")
    import io

    from ..reports.progress_pdf import write_progress_pdf
    from .document_papers import progress_seal
    from .setup import get_self_node

    node = get_self_node(ctx)
    out = io.BytesIO()
    write_progress_pdf(figures, out, office=node.name if node else "", today=today,
                       seal=progress_seal(ctx, figures, today or date.today()))
    return out.getvalue()


def export_progress(ctx: ServiceContext, figures: ProgressFigures, path: str,
                    fmt: str = "xlsx", today: date | None = None) -> None:
    """Write the report the clerk is looking at (``figures``) as ``xlsx`` or ``pdf``, headed
    with this office's name. An export is a user action of its own, so it comes through here
    rather than from the screen or the command straight to the renderer."""
    ctx.require("reports.read")
    from .setup import get_self_node

    node = get_self_node(ctx)
    office = node.name if node else ""
    if fmt == "xlsx":
        from ..reports.progress_xlsx import write_progress_xlsx

        write_progress_xlsx(figures, path, office=office)
    elif fmt == "pdf":
        from ..reports.progress_pdf import write_progress_pdf
        from .document_papers import progress_seal

        write_progress_pdf(figures, path, office=office, today=today,
                           seal=progress_seal(ctx, figures, today or date.today()))
    else:
        raise ValueError(f"unknown report format {fmt!r}")
    from .audit import record

    # The scope goes in the changes: 75 commune codes do not fit an entity id.
    record(ctx, "export", "progress_report", "-",
           {"format": (None, fmt), "departures": (None, figures.departures_total),
            "communes": (None, len(figures.scope.communes))})
