"""What each printed paper states in its signed QR code, and how its digest is recomputed.

One function per kind builds the statement from the data the renderer draws; one function
recomputes that data from this office's records, so the checking office (the issuer, or the
hub after sync) can tell whether the record still matches the printed digest. Fields that
depend on which office prints rather than on the record are left out of the digest: the
printing office's own name and bank-office setting, the blank rows asked for, the seal.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ..domain.progress import Period, ProgressFigures
from ..errors import UserError
from ..reports.attendance_sheet import AttendanceSheetData
from ..reports.dossier import DossierData
from .context import ServiceContext
from .document_seal import Statement, canonical_digest, seal_for

DOSSIER_LEAVE_OUT = ("office_name", "bank_office", "seal")
ATTENDANCE_LEAVE_OUT = ("blank_rows", "printed_on", "seal")
PROVINCE = "province"


def _dossier_digest(data: DossierData) -> bytes:
    return canonical_digest("dossier", data, DOSSIER_LEAVE_OUT)


def dossier_seal(ctx: ServiceContext, loan_id: str, data: DossierData, today: date) -> str:
    ctx.require("exports.personal")
    figures = {"amount": data.requested_vnd, "rate": _plain_rate(data.rate_pct_year),
               "term": data.term_months}
    return seal_for(ctx, "dossier", loan_id, today, figures, _dossier_digest(data))


def _plain_rate(rate: object) -> str:
    from decimal import Decimal

    return format(Decimal(str(rate)).normalize(), "f")


def _attendance_digest(data: AttendanceSheetData) -> bytes:
    return canonical_digest("attendance", data, ATTENDANCE_LEAVE_OUT)


def attendance_seal(ctx: ServiceContext, event_id: str, data: AttendanceSheetData) -> str:
    ctx.require("exports.personal")
    figures = {"date": data.event_date.isoformat(), "people": len(data.lines)}
    return seal_for(ctx, "attendance", event_id, data.printed_on or date.today(), figures,
                    _attendance_digest(data))


def _scope_key(f: ProgressFigures) -> str:
    return PROVINCE if f.scope.whole_province else ",".join(f.scope.communes)


def progress_seal(ctx: ServiceContext, f: ProgressFigures, today: date) -> str:
    ctx.require("reports.read")
    scope = _scope_key(f)
    figures = {"from": f.period.start.isoformat(), "to": f.period.end.isoformat(),
               "as_of": f.as_of.isoformat(), "scope": scope,
               "departures": f.departures_total, "target": f.target}
    doc_id = f"{f.period.start.isoformat()}..{f.period.end.isoformat()}/{scope}"
    return seal_for(ctx, "progress", doc_id, today, figures, canonical_digest("progress", f))


def recomputed_digest(session: Session, st: Statement) -> bytes | None:
    """The digest of the same paper drawn from this office's records now, or ``None`` when
    this office does not hold the record (or cannot draw the same report)."""
    try:
        if st.kind == "dossier":
            from .dossier_data import dossier_data

            return _dossier_digest(dossier_data(session, st.doc_id, st.issued_on))
        if st.kind == "attendance":
            from .event_documents import attendance_sheet_data

            return _attendance_digest(attendance_sheet_data(session, st.doc_id))
        if st.kind == "progress":
            return _progress_digest(session, st)
    except UserError:  # not found here, out of this office's scope, no rule in force...
        return None
    return None


def _progress_digest(session: Session, st: Statement) -> bytes | None:
    from .progress_report import compute_figures, resolve_scope

    f = st.figures
    try:
        period = Period(date.fromisoformat(f["from"]), date.fromisoformat(f["to"]))
        as_of = date.fromisoformat(f["as_of"])
        scope = str(f["scope"])
    except (KeyError, TypeError, ValueError):
        return None
    if scope == PROVINCE:
        if not resolve_scope(session, None, True).whole_province:
            return None  # a commune office does not hold the province's records
        figures = compute_figures(session, period, None, as_of, province=True)
    elif "," not in scope:
        figures = compute_figures(session, period, scope, as_of)
    else:  # an office's own set of communes: only that office draws the same report
        if ",".join(resolve_scope(session).communes) != scope:
            return None
        figures = compute_figures(session, period, None, as_of)
    return canonical_digest("progress", figures)
