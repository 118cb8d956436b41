"""The printed and exported papers of a conference: attendance sheet, follow-up list, flyer.

Each print or export is a service function taking the ServiceContext (issue 14, "one door"):
it gathers the data and calls the renderer, so screens and commands never reach ``reports/``
themselves and a permission check or audit row can be added here, in one place.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.identity import format_phone
from ..errors import NotFoundError
from ..models import AdminUnit, Market
from ..reports.attendance_sheet import AttendanceSheetData, SheetLine
from .attendance import attendee_rows
from .audit import record
from .context import ServiceContext
from .events import FollowUpRow, event_rows, follow_up_list, load_event, market_labels
from .flyers import FlyerData, FlyerSettings, gather_flyer_data


def _office(full_name: str) -> tuple[str, str]:
    """("UBND phường Chiềng Cơi", "phường Chiềng Cơi") from "Phường Chiềng Cơi"."""
    label = full_name[:1].lower() + full_name[1:] if full_name else ""
    return (f"UBND {label}" if label else "UBND"), label


def attendance_sheet_data(s: Session, event_id: str, blank_rows: int = 10,
                          printed_on: date | None = None) -> AttendanceSheetData:
    """The sheet's data as the database holds it (also recomputed to check a printed sheet)."""
    load_event(s, event_id)
    found = event_rows(s, event_id=event_id)
    if not found:
        raise NotFoundError(f"Không tìm thấy hội nghị {event_id}.", f"Event {event_id} not found.")
    event = found[0]
    unit = s.scalar(select(AdminUnit).where(AdminUnit.code == event.commune_code))
    markets = {m.code: m.name_vi for m in s.scalars(select(Market))}
    rows = attendee_rows(s, event_id, order="name")
    office, label = _office(unit.full_name if unit else event.commune_name)
    lines = [SheetLine(r.full_name, r.birth_year, r.sex, r.village, format_phone(r.phone),
                       markets.get(r.interest_market or "", r.interest_market or ""))
             for r in rows]
    return AttendanceSheetData(
        office_name=office, commune_label=label, place_name=event.commune_name,
        topic=event.topic, place=event.place, event_date=event.event_date,
        organiser=event.organiser, counsellors=event.counsellors,
        markets=", ".join(markets.get(c, c) for c in event.markets), lines=lines,
        blank_rows=max(0, blank_rows), printed_on=printed_on or date.today())


def _sheet(ctx: ServiceContext, event_id: str, blank_rows: int,
           printed_on: date | None) -> AttendanceSheetData:
    ctx.require("exports.personal")
    with ctx.db.session() as s:
        return attendance_sheet_data(s, event_id, blank_rows, printed_on)


def attendance_sheet_pdf(ctx: ServiceContext, event_id: str, blank_rows: int = 10) -> bytes:
    """The sign-in sheet as PDF bytes to preview or print: no audit entry here, the print
    is recorded once a print queue accepted it (``services.printing``, issue 19)."""
    ctx.require("exports.personal")
    from ..reports.attendance_sheet import render_attendance_sheet
    from .document_papers import attendance_seal

    data = _sheet(ctx, event_id, blank_rows, None)
    data = replace(data, seal=attendance_seal(ctx, event_id, data))
    out = io.BytesIO()
    render_attendance_sheet(data, out)
    return out.getvalue()


def gather_attendance_sheet(ctx: ServiceContext, event_id: str, blank_rows: int = 10,
                            printed_on: date | None = None) -> AttendanceSheetData:
    ctx.require("exports.personal")
    data = _sheet(ctx, event_id, blank_rows, printed_on)
    # The sheet carries the attendees' names and phones: gathering it is printing it.
    record(ctx, "print", "event", event_id,
           {"document": (None, "attendance_sheet"), "people": (None, len(data.lines))})
    return data


def print_attendance_sheet(ctx: ServiceContext, event_id: str, path: str | Path,
                           blank_rows: int = 10) -> AttendanceSheetData:
    """The sign-in sheet of a conference as a PDF at ``path`` (its attendees' names, birth
    years, villages and phones)."""
    ctx.require("exports.personal")
    from ..reports.attendance_sheet import render_attendance_sheet
    from .document_papers import attendance_seal

    data = gather_attendance_sheet(ctx, event_id, blank_rows=blank_rows)
    data = replace(data, seal=attendance_seal(ctx, event_id, data))
    render_attendance_sheet(data, path)
    return data


def export_follow_up(ctx: ServiceContext, path: str | Path, event_id: str | None = None,
                     commune_code: str | None = None) -> list[FollowUpRow]:
    """The people to call back (``follow_up_list`` with the same filter) as ``.xlsx``,
    ``.csv`` or ``.pdf`` at ``path``; returns the rows written."""
    ctx.require("exports.personal")
    from ..reports.follow_up import write_follow_up

    rows = follow_up_list(ctx, event_id, commune_code)
    if str(path).lower().endswith(".pdf"):
        from ..files import write_bytes_atomically

        write_bytes_atomically(Path(path), follow_up_pdf(ctx, event_id, commune_code))
    else:
        write_follow_up(rows, path, market_labels(ctx))
    # Names and phone numbers leave the program: who took them is recorded.
    record(ctx, "export", "follow_up", event_id or commune_code or "-",
           {"rows": (None, len(rows))})
    return rows


def follow_up_pdf(ctx: ServiceContext, event_id: str | None = None,
                  commune_code: str | None = None, scope: str = "") -> bytes:
    """The follow-up list as an A4 landscape PDF to preview or print; the print is
    recorded once a queue accepted it (``services.printing``), not here."""
    ctx.require("exports.personal")
    from ..reports.follow_up_pdf import render_follow_up_pdf
    from .setup import get_self_node

    rows = follow_up_list(ctx, event_id, commune_code)
    node = get_self_node(ctx)
    out = io.BytesIO()
    render_follow_up_pdf(rows, out, market_labels(ctx), office=node.name if node else "",
                         scope=scope)
    return out.getvalue()


def flyer_pdf(ctx: ServiceContext, market: str | None = None, event_id: str | None = None,
              as_of: date | None = None, layout: str = "a4",
              settings: FlyerSettings | None = None) -> tuple[FlyerData, bytes]:
    """A recruitment flyer as PDF bytes (the editor's live preview and its saved file)."""
    ctx.require("events.read")
    from ..reports.flyer import flyer_bytes

    data = gather_flyer_data(ctx, market=market, event_id=event_id, as_of=as_of,
                             layout=layout, settings=settings)
    return data, flyer_bytes(data)


def save_flyer(ctx: ServiceContext, path: str | Path, market: str | None = None,
               event_id: str | None = None, as_of: date | None = None, layout: str = "a4",
               settings: FlyerSettings | None = None) -> FlyerData:
    """The flyer written to ``path`` (temp file + rename, one "cannot write" message)."""
    ctx.require("flyers.write")
    from ..files import write_bytes_atomically

    data, payload = flyer_pdf(ctx, market, event_id, as_of, layout, settings)
    write_bytes_atomically(Path(path), payload)
    return data
