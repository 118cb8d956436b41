"""Recruitment flyer: one A4 page, or two identical A5 flyers on an A4 sheet to cut in half.

Only draws a ``reports.flyer_data.FlyerData`` (gathered by ``services.flyers``).
Designed for an office laser printer: one dark colour that prints as a strong grey, light
tints for section titles, every figure in text (never only in colour), QR codes at least
2.4 cm wide so an ordinary phone reads them, and nothing printed under 8 pt.

The A4 flyer is one side. The two-A5 sheet has two sides (print both sides, then cut): an A5
half holds the front's facts at 8 pt, not the whole flyer (at one side it needed 4–5 pt).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from ..files import write_bytes_atomically
from .flyer_blocks import (
    MIN_PT,
    WARN_INK,
    WARN_TINT,
    _bullets,
    _contacts,
    _documents,
    _header,
    _loan_items,
    _market_many,
    _market_one,
    _section,
    _Styles,
    _warning_items,
    _who_items,
    inner_width,
)
from .flyer_data import FlyerData
from .fonts import SANS, face_name, register_fonts
from .pdf_common import escape, format_date_vi

A4_MARGIN = 1.2 * cm
A5_MARGIN = 0.9 * cm  # ≥ 12 pt: office printers leave about 4–5 mm of every edge blank
CUT_LINE_INSET = 14  # points; the dashed cut line stays inside the printable area too
A4_SIZE = 10.5
A5_SIZE = 10.0
SIZE_STEP = 0.25


def _spacer(height: float) -> Flowable:
    return Spacer(1, height)


# Section titles, numbered in the order a reader meets them on the paper being laid out
# (``_numbered``): the A4 side reads markets, loan, who, papers, warning, contacts; the A5
# front markets, loan, contacts and its back who, papers, warning. Absent sections (no
# market chosen, no contact set) take no number.
TITLES = {
    "markets": "Thị trường và công việc",
    "loan": "Vay vốn ưu đãi (NHCSXH)",
    "who": "Ai được tham gia?",
    "papers": "Giấy tờ cần chuẩn bị",
    "warn": "Cảnh giác lừa đảo",
    "contacts": "Liên hệ – quét mã bằng điện thoại",
}


def _numbered(order: list[str]) -> dict[str, str]:
    return {key: f"{n}. {TITLES[key]}" for n, key in enumerate(order, start=1)}


def _order(data: FlyerData, contacts: Table | None, keys: list[str]) -> list[str]:
    present = {"markets": bool(data.markets), "contacts": contacts is not None}
    return [k for k in keys if present.get(k, True)]


def _markets_box(data: FlyerData, st: _Styles, width: float, title: str) -> list[Flowable]:
    if not data.markets:
        return []
    inner = inner_width(width, st.size)
    table = (_market_one(data.markets[0], st, inner) if len(data.markets) == 1
             else _market_many(data.markets, st, inner))
    return [_section(title, [table], st, width), _spacer(st.size * 0.6)]


def _boxes(data: FlyerData, st: _Styles, width: float, titles: dict[str, str]
           ) -> dict[str, Table]:
    return {
        "loan": _section(titles["loan"], _bullets(_loan_items(data), st), st, width),
        "who": _section(titles["who"], _bullets(_who_items(data), st), st, width),
        "papers": _section(titles["papers"],
                           _bullets([escape(d) for d in _documents(data.unit_word)], st), st,
                           width),
        "warn": _section(titles["warn"], _bullets(_warning_items(data.unit_word), st), st,
                         width, fill=WARN_TINT, ink=WARN_INK),
    }


def _two_columns(left: list[Flowable], right: list[Flowable], width: float, gap: float) -> Table:
    half = (width - gap) / 2
    columns = Table([[left, right]], colWidths=[half + gap, half])
    columns.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, 0), gap),
        ("FONTNAME", (0, 0), (-1, -1), face_name(SANS)),
    ]))
    return columns


def _top(data: FlyerData, st: _Styles, width: float) -> list[Flowable]:
    gap = st.size * 0.6
    story: list[Flowable] = [_header(data, st, width), _spacer(gap)]
    if data.settings.intro:
        story += [Paragraph(escape(data.settings.intro).replace("\n", "<br/>"), st.body),
                  _spacer(gap * 0.6)]
    return story


def _contacts_box(contacts: Table | None, st: _Styles, width: float, title: str
                  ) -> list[Flowable]:
    if contacts is None:
        return []
    return [_section(title, [contacts], st, width), _spacer(st.size * 0.36)]


def _bottom(data: FlyerData, st: _Styles) -> list[Flowable]:
    s = data.settings
    story: list[Flowable] = []
    # The shipped note says "xã/phường"; the office's own word replaces it (issue 17, item 4).
    note = s.note.replace("UBND xã/phường", f"UBND {data.unit_word}") if s.note else ""
    if s.office_address or note:
        text = " – ".join(escape(t) for t in (s.office_address, note) if t)
        story.append(Paragraph(f"<b>{text}</b>", ParagraphStyle(
            "n", parent=st.body, alignment=TA_CENTER)))
    sources = " ".join(dict.fromkeys(m.source for m in data.markets))
    caveats = " ".join(dict.fromkeys(m.caveat for m in data.markets))
    story.append(Paragraph(
        f"Lãi suất và mức vay theo quy định áp dụng ngày {format_date_vi(data.as_of)}. "
        f"{escape(caveats)} Nguồn: {escape(sources)}", st.small))
    return story


def flyer_flowables(data: FlyerData, width: float, size: float) -> list[Flowable]:
    """The one-side (A4) flyer laid out for a frame ``width`` wide, body text ``size`` pt."""
    st = _Styles(size)
    gap = size * 0.6
    half = (width - size * 0.8) / 2
    contacts = _contacts(data, st, inner_width(width, size))
    titles = _numbered(_order(data, contacts, list(TITLES)))
    box = _boxes(data, st, half, titles)
    columns = _two_columns([box["loan"], _spacer(gap), box["who"]],
                           [box["papers"], _spacer(gap), box["warn"]], width, size * 0.8)
    return [*_top(data, st, width), *_markets_box(data, st, width, titles.get("markets", "")),
            columns, _spacer(gap),
            *_contacts_box(contacts, st, width, titles.get("contacts", "")), *_bottom(data, st)]


def flyer_sides(data: FlyerData, width: float, size: float) -> list[list[Flowable]]:
    """The two-sided A5 flyer: the front says what, how much and whom to call; the back says
    who may go, what to bring and what to beware of, then the sources."""
    st = _Styles(size)
    gap = size * 0.6
    contacts = _contacts(data, st, inner_width(width, size))
    titles = _numbered(_order(data, contacts,
                              ["markets", "loan", "contacts", "who", "papers", "warn"]))
    box = _boxes(data, st, width, titles)
    front = [*_top(data, st, width), *_markets_box(data, st, width, titles.get("markets", "")),
             box["loan"], _spacer(gap),
             *_contacts_box(contacts, st, width, titles.get("contacts", ""))]
    back = [box["who"], _spacer(gap), box["papers"], _spacer(gap), box["warn"], _spacer(gap),
            *_bottom(data, st)]
    return [front, back]


def _fits(flowables: list[Flowable], width: float, height: float) -> bool:
    probe = KeepInFrame(width, height, flowables, mode="error")
    try:
        probe.wrapOn(Canvas(io.BytesIO()), width, height)
    except LayoutError:
        return False
    return True


def _fit_size(make: Callable[[float], list[list[Flowable]]], largest: float, width: float,
              height: float) -> float:
    """The largest text size from ``largest`` down to 8 pt at which every side fits its frame.

    Only an office's own texts far beyond the form's limits need less; the side is then
    shrunk as a whole (never its fine print alone) rather than cut or spilt onto a page more."""
    size = largest
    while size > MIN_PT:
        if all(_fits(side, width, height) for side in make(size)):
            return size
        size -= SIZE_STEP
    return MIN_PT


def _cut_line(canvas, doc) -> None:
    width, height = doc.pagesize
    canvas.saveState()
    canvas.setDash(3, 3)
    canvas.setLineWidth(0.4)
    canvas.setStrokeColor(colors.HexColor("#888888"))
    canvas.line(width / 2, CUT_LINE_INSET, width / 2, height - CUT_LINE_INSET)
    canvas.restoreState()


def _document(out, data: FlyerData) -> tuple[BaseDocTemplate, list[Flowable]]:
    title = f"Tờ rơi – {data.settings.headline}"
    make: Callable[[float], list[list[Flowable]]]
    if data.layout == "a5x2":
        pagesize = landscape(A4)
        half = pagesize[0] / 2
        frames = [Frame(i * half + A5_MARGIN, A5_MARGIN, half - 2 * A5_MARGIN,
                        pagesize[1] - 2 * A5_MARGIN, 0, 0, 0, 0, id=f"a5_{i}")
                  for i in range(2)]
        largest = A5_SIZE
        on_page = _cut_line

        def make(size: float) -> list[list[Flowable]]:
            return flyer_sides(data, frames[0]._width, size)
    else:
        pagesize = A4
        frames = [Frame(A4_MARGIN, A4_MARGIN, pagesize[0] - 2 * A4_MARGIN,
                        pagesize[1] - 2 * A4_MARGIN, 0, 0, 0, 0, id="a4")]
        largest = A4_SIZE
        on_page = None

        def make(size: float) -> list[list[Flowable]]:
            return [flyer_flowables(data, frames[0]._width, size)]
    size = _fit_size(make, largest, frames[0]._width, frames[0]._height)
    doc = BaseDocTemplate(out, pagesize=pagesize, title=title, author=data.settings.office_name,
                          subject="Tờ rơi tư vấn đi làm việc ở nước ngoài", creator="sonla-desktop",
                          lang="vi-VN", leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0)
    template = (PageTemplate(id="p", frames=frames, onPage=on_page) if on_page
                else PageTemplate(id="p", frames=frames))
    doc.addPageTemplates([template])
    story: list[Flowable] = []
    sides = len(make(size))
    for number in range(sides):
        for frame in frames:
            if story:
                story.append(FrameBreak())  # the other half, or the next side's first half
            # A fresh set of flowables per half: a flowable draws once.
            story.append(KeepInFrame(frame._width, frame._height, make(size)[number],
                                     mode="shrink"))
    return doc, story


def render_flyer(data: FlyerData, out: str | os.PathLike[str] | BinaryIO) -> None:
    """Write the flyer PDF to a path (atomically) or a binary file object."""
    register_fonts()
    if not isinstance(out, str | os.PathLike):
        doc, story = _document(out, data)
        doc.build(story)
        return
    buffer = io.BytesIO()
    doc, story = _document(buffer, data)
    doc.build(story)
    write_bytes_atomically(out, buffer.getvalue())


def flyer_bytes(data: FlyerData) -> bytes:
    buffer = io.BytesIO()
    render_flyer(data, buffer)
    return buffer.getvalue()
