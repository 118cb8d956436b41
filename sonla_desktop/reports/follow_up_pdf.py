"""The follow-up list (people to call back) as a printable A4 landscape PDF (issue 19): the
same rows and columns as its CSV/Excel export, for the clerk who phones from paper."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from os import PathLike
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph

from .follow_up import HEADERS, FollowUpRow, _cells
from .fonts import SERIF
from .pdf_common import (
    build_pdf,
    escape,
    format_date_vi,
    frame_width,
    grid_table,
    make_styles,
    nfc,
    vspace,
)

PAGE = landscape(A4)
# At least 12 pt from every edge (printers' unprintable border), more at the binding side.
MARGINS = (1.4 * cm, 1.2 * cm, 1.6 * cm, 1.5 * cm)
TITLE = "DANH SÁCH NGƯỜI CẦN LIÊN HỆ LẠI"


def render_follow_up_pdf(rows: Sequence[FollowUpRow], out: str | PathLike[str] | BinaryIO,
                         markets: dict[str, str] | None = None, office: str = "",
                         scope: str = "", printed_on: date | None = None) -> None:
    st = make_styles(SERIF, 10)
    width = frame_width(PAGE, MARGINS)
    fixed = [1.0 * cm, 4.6 * cm, 1.6 * cm, 1.6 * cm, 2.9 * cm, 3.6 * cm, 3.2 * cm, 2.8 * cm,
             2.3 * cm]
    widths = [*fixed, width - sum(fixed)]
    cells = [[nfc(v) if isinstance(v, str) else str(v) for v in _cells(i, r, markets or {})]
             for i, r in enumerate(rows, start=1)] or [[""] * len(HEADERS)]
    story: list[Flowable] = []
    if office:
        story.append(Paragraph(escape(office.upper()), st.nation))
    story += [vspace(6), Paragraph(escape(TITLE), st.title)]
    note = f"{len(rows)} người đã đề nghị được liên hệ lại"
    if scope:
        note += f" – {escape(scope)}"
    note += f". Lập ngày {format_date_vi(printed_on or date.today())}."
    story += [Paragraph(note, st.body_left), vspace(6),
              grid_table(HEADERS, cells, widths, styles=st, align="CLCCLLLLCL")]
    build_pdf(out, story, PAGE, title=TITLE, author=nfc(office) or "sonla-desktop",
              footer=f"{nfc(office)} – {TITLE.capitalize()}" if office else TITLE.capitalize(),
              margins=MARGINS)
