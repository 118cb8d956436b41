"""``template`` and ``export-excel``: the data side (the drawing is in ``reports``).

The export writes labels, not codes (Nam/Nữ, commune and market names, statuses), the
same words the templates' dropdowns offer, so a clerk can read it and an import of it
recreates the same records. Each sheet is read with one SQL query streamed row by row.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import sheets
from ..domain.loan_application import decode_notes
from ..domain.text import fold
from ..models import (
    AdminUnit,
    Attendance,
    Disbursement,
    EthnicGroup,
    Event,
    LoanApplication,
    Market,
    Repayment,
    Target,
    Worker,
)
from ..reports.excel_export import ExportSheet, write_export
from ..reports.excel_templates import TemplateLists, write_template
from .audit import record
from .context import ServiceContext

STREAM = 2000  # rows fetched from the database at a time


def template_lists(session: Session) -> TemplateLists:
    communes = sorted((tuple(r) for r in session.execute(
        select(AdminUnit.code, AdminUnit.name).where(~AdminUnit.deleted))),
        key=lambda r: fold(r[1]))
    # Son La's groups first (that is whom the clerks register), then the rest.
    ethnic = list(session.scalars(select(EthnicGroup.name).where(~EthnicGroup.deleted)
                                  .order_by(EthnicGroup.in_son_la.desc(), EthnicGroup.code)))
    markets = list(session.scalars(select(Market.name_vi).where(~Market.deleted)))
    return TemplateLists(communes, ethnic, markets)


def make_template(ctx: ServiceContext, kind: str, path: str | os.PathLike,
                  year: int | None = None) -> None:
    """An empty template (``kind`` in ``domain.sheets.TEMPLATES``) written to ``path``."""
    ctx.require("lookups.read")
    with ctx.db.session() as s:
        lists = template_lists(s)
    write_template(kind, lists, path, year)


class _Names:
    def __init__(self, session: Session) -> None:
        self.commune = dict(session.execute(select(AdminUnit.code, AdminUnit.name)).all())
        self.ethnic = dict(session.execute(select(EthnicGroup.code, EthnicGroup.name)).all())
        self.market = dict(session.execute(select(Market.code, Market.name_vi)).all())


def _stream(session: Session, stmt) -> Iterator[tuple]:
    yield from session.execute(stmt.execution_options(yield_per=STREAM))


def _workers(session: Session, n: _Names) -> Iterator[tuple]:
    w = Worker
    stmt = (select(w.full_name, w.birth_date, w.sex, w.national_id, w.phone, w.ethnic_code,
                   w.commune_code, w.village, w.household, w.market_code, w.occupation,
                   w.agency, w.status, w.departure_date, w.notes, w.return_date, w.birth_year,
                   w.education, w.contract_months, w.id_issued_on, w.id)
            .where(~w.deleted).order_by(w.sort_key, w.id))
    sex, household, status = sheets.SEX_LABELS, sheets.HOUSEHOLD_TEMPLATE_LABELS, \
        sheets.STATUS_TEMPLATE_LABELS
    commune, ethnic, market = n.commune, n.ethnic, n.market
    for (name, birth, sx, nid, phone, eth, com, village, hh, mkt, occ, agency, st, dep, notes,
         ret, year, edu, months, issued, wid) in _stream(session, stmt):
        yield (name, birth, sex.get(sx, sx), nid, phone, ethnic.get(eth), commune.get(com, com),
               village, household.get(hh, hh), market.get(mkt), occ, agency, status.get(st, st),
               dep, ret, notes, None if birth else year, edu, months, issued, wid)


def _loans(session: Session) -> Iterator[tuple]:
    d = (select(Disbursement.loan_id, func.min(Disbursement.disbursed_on).label("first"),
                func.sum(Disbursement.amount_vnd).label("amount"))
         .where(~Disbursement.deleted).group_by(Disbursement.loan_id).subquery())
    r = (select(Repayment.loan_id, func.sum(Repayment.principal_vnd).label("paid"))
         .where(~Repayment.deleted).group_by(Repayment.loan_id).subquery())
    loan = LoanApplication
    stmt = (select(Worker.national_id, loan.policy_group, d.c.amount, loan.requested_vnd,
                   d.c.first, loan.term_months, loan.rate_pct_year, r.c.paid,
                   loan.total_cost_vnd, loan.state_supported_vnd, loan.notes,
                   Worker.full_name, loan.status, loan.frequency_months, loan.application_date,
                   loan.id, loan.worker_id)
            .join(Worker, Worker.id == loan.worker_id)
            .outerjoin(d, d.c.loan_id == loan.id).outerjoin(r, r.c.loan_id == loan.id)
            .where(~loan.deleted).order_by(loan.application_date, loan.id))
    groups, statuses = sheets.POLICY_GROUP_TEMPLATE_LABELS, sheets.LOAN_STATUS_LABELS
    yes_no = sheets.BOOL_LABELS
    for (nid, group, amount, requested, first, term, rate, paid, costs, supported, notes, name,
         status, freq, applied, loan_id, worker_id) in _stream(session, stmt):
        # The notes column holds the clerk's words; the declarations get their own columns.
        declared, free = decode_notes(notes)
        yield (nid, groups.get(group, group), int(amount) if amount is not None else requested,
               first, term, rate, int(paid or 0), free, costs, supported or 0, name,
               statuses.get(status, status),
               freq, applied, loan_id, worker_id, yes_no[declared.land_revoked],
               yes_no[declared.meritorious_relative])


def _repayments(session: Session) -> Iterator[tuple]:
    stmt = (select(Repayment.loan_id, Worker.national_id, Worker.full_name, Repayment.paid_on,
                   Repayment.principal_vnd, Repayment.interest_vnd,
                   Repayment.overdue_interest_vnd)
            .join(LoanApplication, LoanApplication.id == Repayment.loan_id)
            .join(Worker, Worker.id == LoanApplication.worker_id)
            .where(~Repayment.deleted, ~LoanApplication.deleted)
            .order_by(Repayment.loan_id, Repayment.paid_on, Repayment.id))
    yield from _stream(session, stmt)


def _events(session: Session, n: _Names) -> Iterator[tuple]:
    e = Event
    stmt = (select(e.id, e.event_date, e.commune_code, e.place, e.topic, e.organiser,
                   e.counsellors, e.agencies, e.markets, e.notes)
            .where(~e.deleted).order_by(e.event_date, e.id))
    for eid, on, com, place, topic, org, couns, agencies, markets, notes in _stream(session, stmt):
        names = ", ".join(n.market.get(c, c) for c in (markets or "").split(",") if c)
        yield (eid, on, n.commune.get(com, com), place, topic, org, couns, agencies, names, notes)


def _attendees(session: Session, n: _Names) -> Iterator[tuple]:
    a = Attendance
    stmt = (select(a.event_id, Event.event_date, Worker.full_name, Worker.national_id,
                   a.worker_id, a.interest_market, a.consent_given, a.consent_method,
                   a.consent_date, a.follow_up)
            .join(Event, Event.id == a.event_id).join(Worker, Worker.id == a.worker_id)
            .where(~a.deleted, ~Event.deleted).order_by(Event.event_date, a.event_id, a.id))
    yes_no, methods = sheets.BOOL_LABELS, sheets.CONSENT_METHOD_LABELS
    for eid, on, name, nid, wid, mkt, consent, method, consent_on, follow in \
            _stream(session, stmt):
        yield (eid, on, name, nid, wid, n.market.get(mkt), yes_no[bool(consent)],
               methods.get(method) if method else None, consent_on, yes_no[bool(follow)])


def _targets(session: Session, n: _Names) -> Iterator[tuple]:
    stmt = (select(Target.year, Target.commune_code, Target.departures)
            .where(~Target.deleted).order_by(Target.year, Target.commune_code))
    for year, commune, departures in session.execute(stmt):
        yield year, n.commune.get(commune, commune) if commune else None, departures


def export_workbook(ctx: ServiceContext, path: str | os.PathLike) -> dict[str, int]:
    """Everything in the database, one sheet per kind; returns rows per sheet."""
    ctx.require("exports.workers")
    with ctx.db.session() as s:
        names = _Names(s)
        counts = write_export(path, [
            ExportSheet(sheets.WORKERS, sheets.WORKERS.columns, _workers(s, names)),
            ExportSheet(sheets.LOANS, sheets.LOANS.columns, _loans(s)),
            ExportSheet(sheets.REPAYMENTS, sheets.REPAYMENTS.columns, _repayments(s)),
            ExportSheet(sheets.EVENTS, sheets.EVENTS.columns, _events(s, names)),
            ExportSheet(sheets.ATTENDEES, sheets.ATTENDEES.columns, _attendees(s, names)),
            ExportSheet(sheets.TARGETS, sheets.TARGETS.columns, _targets(s, names)),
        ])
    # Every CCCD leaves the program in this file: who did it is recorded once it is written.
    record(ctx, "export", "workbook", "-", {k: (None, v) for k, v in counts.items()})
    return counts


def default_export_name(today: date | None = None) -> str:
    today = today or date.today()
    return f"du-lieu-{today:%Y-%m-%d}.xlsx"
