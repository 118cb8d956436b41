"""Data for the printed and exported papers of a conference: attendance sheet, follow-up list."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ..domain.identity import format_phone
from ..models import AdminUnit, Market
from ..reports.attendance_sheet import AttendanceSheetData, SheetLine
from .attendance import attendee_rows
from .audit import record
from .context import ServiceContext
from .events import get_event, load_event


def _office(full_name: str) -> tuple[str, str]:
    """("UBND phường Chiềng Cơi", "phường Chiềng Cơi") from "Phường Chiềng Cơi"."""
    label = full_name[:1].lower() + full_name[1:] if full_name else ""
    return (f"UBND {label}" if label else "UBND"), label


def gather_attendance_sheet(ctx: ServiceContext, event_id: str, blank_rows: int = 10,
                            printed_on: date | None = None) -> AttendanceSheetData:
    event = get_event(ctx, event_id)
    with ctx.db.session() as s:
        load_event(s, event_id)
        unit = s.scalar(select(AdminUnit).where(AdminUnit.code == event.commune_code))
        markets = {m.code: m.name_vi for m in s.scalars(select(Market))}
        rows = attendee_rows(s, event_id, order="name")
    office, label = _office(unit.full_name if unit else event.commune_name)
    lines = [SheetLine(r.full_name, r.birth_year, r.sex, r.village, format_phone(r.phone),
                       markets.get(r.interest_market or "", r.interest_market or ""))
             for r in rows]
    # The sheet carries the attendees' names and phones: gathering it is printing it.
    record(ctx, "print", "event", event_id,
           {"document": (None, "attendance_sheet"), "people": (None, len(lines))})
    return AttendanceSheetData(
        office_name=office, commune_label=label, place_name=event.commune_name,
        topic=event.topic, place=event.place, event_date=event.event_date,
        organiser=event.organiser, counsellors=event.counsellors,
        markets=", ".join(markets.get(c, c) for c in event.markets), lines=lines,
        blank_rows=max(0, blank_rows), printed_on=printed_on or date.today())
