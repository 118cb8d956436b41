"""Building blocks shared by every PDF the app prints (dossier, attendance sheets, flyers,
reports): styles on the bundled fonts, the national motto header, Vietnamese number and
date formats, signature blocks, check boxes, grid tables and the page frame with
"Trang X/Y" numbering.

Text handed to a ``Paragraph`` is markup: pass anything that came from a user or the
database through :func:`escape` first (it also NFC-normalises, see there).
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, BinaryIO
from xml.sax.saxutils import escape as _xml_escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sonla_desktop.domain.loans import format_vnd as group_vnd
from sonla_desktop.files import save_atomically
from sonla_desktop.reports.fonts import SANS, SERIF, face_name, register_fonts

NATION = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập – Tự do – Hạnh phúc"
SIGN_NOTE = "(Ký, ghi rõ họ tên)"
SIGN_STAMP_NOTE = "(Ký tên, đóng dấu)"

# Blanks a clerk fills in by hand on paper, so an unknown value never prints as "None".
BLANK_DATE = "…../…../………"
BLANK_DAY = "...."
BLANK_YEAR = "......"

GRID_COLOR = colors.black
HEADER_FILL = colors.HexColor("#E6E6E6")
FOOTER_COLOR = colors.HexColor("#555555")

DEFAULT_MARGINS = (2 * cm, 2 * cm, 2 * cm, 2.5 * cm)  # top, right, bottom, left (binding edge)


# --------------------------------------------------------------------------- text

def nfc(text: object) -> str:
    """``str(text)`` in NFC. ``None`` gives ``""``."""
    return "" if text is None else unicodedata.normalize("NFC", str(text))


def escape(text: object) -> str:
    """Make any value safe to put inside Paragraph markup.

    NFC matters for print, not only for search: ReportLab draws one glyph per code point
    and does no mark positioning, so a decomposed "ệ" (e + two combining marks, as Excel or
    some Windows keyboards deliver it) would print with marks floating beside the letter.
    NFC gives the font's precomposed glyph, and text copied out of the PDF stays NFC.
    """
    return _xml_escape(nfc(text))


def format_vnd(n: int) -> str:
    """``60000000`` -> ``"60.000.000"``: Vietnamese digit grouping with dots."""
    if isinstance(n, bool) or not isinstance(n, int):
        # Money is integer VND everywhere; a float or Decimal here is a bug upstream.
        raise TypeError(f"format_vnd expects int VND, got {type(n).__name__}")
    return group_vnd(n)


def format_decimal_vi(value: Decimal | int | str, min_decimals: int = 2) -> str:
    """``Decimal("6.24")`` -> ``"6,24"``; ``8.112`` -> ``"8,112"``; ``6.6`` -> ``"6,60"``.

    Vietnamese writes the decimal comma; at least ``min_decimals`` digits are shown and
    significant ones are never cut (a rate printed shorter than the bank's is wrong).
    """
    d = Decimal(str(value))
    sign = "-" if d < 0 else ""
    text = format(abs(d).normalize(), "f")
    whole, _, frac = text.partition(".")
    frac = frac.ljust(min_decimals, "0")
    return f"{sign}{whole},{frac}" if frac else f"{sign}{whole}"


def format_date_vi(d: date | None) -> str:
    """``date(2025, 12, 5)`` -> ``"05/12/2025"``; ``None`` -> a blank to fill in by hand."""
    if d is None:
        return BLANK_DATE
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def date_line(place: str, d: date | None) -> str:
    """``"Sơn La, ngày 05 tháng 12 năm 2025"``, or with blanks when ``d`` is None.

    Days below 10 and the months 1 and 2 take a leading zero, as Decree 30/2020/NĐ-CP
    prescribes for dates in official documents ("ngày 05 tháng 02", but "tháng 3").
    """
    if d is None:
        body = f"ngày {BLANK_DAY} tháng {BLANK_DAY} năm {BLANK_YEAR}"
    else:
        month = f"{d.month:02d}" if d.month < 3 else str(d.month)
        body = f"ngày {d.day:02d} tháng {month} năm {d.year}"
    place = nfc(place).strip()
    return f"{place}, {body}" if place else body[0].upper() + body[1:]


# --------------------------------------------------------------------------- styles

@dataclass(frozen=True)
class Styles:
    """Paragraph styles of one printed document, all on one font family."""

    family: str
    size: float
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    body_left: ParagraphStyle
    body_center: ParagraphStyle
    date_right: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    nation: ParagraphStyle
    motto: ParagraphStyle
    sign_title: ParagraphStyle
    sign_note: ParagraphStyle
    sign_name: ParagraphStyle

    def font(self, bold: bool = False, italic: bool = False) -> str:
        return face_name(self.family, bold=bold, italic=italic)


def make_styles(family: str = SERIF, size: float = 12.0) -> Styles:
    """Styles for a document whose body text is ``size`` points in ``family``
    (``fonts.SERIF`` for official forms, ``fonts.SANS`` for flyers and lists)."""
    register_fonts()
    regular = face_name(family)
    bold = face_name(family, bold=True)
    italic = face_name(family, italic=True)
    lead = size * 1.3
    cell_size = size - 1.5

    def style(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {"fontName": regular, "fontSize": size, "leading": lead}
        base.update(kw)
        return ParagraphStyle(name, **base)

    cell = style("cell", fontSize=cell_size, leading=cell_size * 1.25)
    return Styles(
        family=family,
        size=size,
        title=style("title", fontName=bold, fontSize=size + 2, leading=(size + 2) * 1.3,
                    alignment=TA_CENTER, spaceBefore=6, spaceAfter=2),
        subtitle=style("subtitle", fontName=italic, alignment=TA_CENTER, spaceAfter=8),
        heading=style("heading", fontName=bold, spaceBefore=7, spaceAfter=3, keepWithNext=1),
        body=style("body", alignment=TA_JUSTIFY, spaceAfter=2.5),
        body_left=style("body_left", alignment=TA_LEFT, spaceAfter=2.5),
        body_center=style("body_center", alignment=TA_CENTER),
        date_right=style("date_right", fontName=italic, alignment=TA_RIGHT),
        small=style("small", fontSize=size - 2.5, leading=(size - 2.5) * 1.3),
        cell=cell,
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=bold, alignment=TA_CENTER),
        nation=style("nation", fontName=bold, fontSize=size, alignment=TA_CENTER),
        motto=style("motto", fontName=bold, fontSize=size + 1, leading=(size + 1) * 1.3,
                    alignment=TA_CENTER),
        sign_title=style("sign_title", fontName=bold, alignment=TA_CENTER),
        sign_note=style("sign_note", fontName=italic, alignment=TA_CENTER),
        sign_name=style("sign_name", fontName=bold, alignment=TA_CENTER),
    )


# --------------------------------------------------------------------------- flowables

def layout_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float | str | None],
    *,
    row_heights: Sequence[float | None] | None = None,
    valign: str = "TOP",
    bottom_padding: float = 0,
) -> Table:
    """A borderless table used only to place things side by side, with no padding.

    Its FONTNAME is set because ReportLab otherwise selects Helvetica for empty cells,
    which puts a non-embedded font into the PDF."""
    table = Table([list(r) for r in rows], colWidths=list(col_widths),
                  rowHeights=list(row_heights) if row_heights else None)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), face_name(SANS)),
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom_padding),
    ]))
    return table


def national_motto(styles: Styles) -> list[Flowable]:
    """The Quốc hiệu and Tiêu ngữ block, with the short rule under the motto that spans
    exactly the motto's width, as on official documents."""
    width = stringWidth(MOTTO, styles.motto.fontName, styles.motto.fontSize)
    return [
        Paragraph(escape(NATION), styles.nation),
        Paragraph(escape(MOTTO), styles.motto),
        HRFlowable(width=width, thickness=0.7, color=colors.black, hAlign="CENTER",
                   spaceBefore=1, spaceAfter=0),
    ]


def office_and_motto(left: list[Flowable], styles: Styles, width: float,
                     left_share: float = 0.4) -> Table:
    """The office name (left) beside the Quốc hiệu and Tiêu ngữ (right), each centred in its
    column. Inside a table cell a flowable's own hAlign is ignored: without the ALIGN here the
    short rule under the motto sat at the cell's left edge, left of the motto."""
    table = layout_table([[left, national_motto(styles)]],
                         [width * left_share, width * (1 - left_share)])
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return table


class CheckBox(Flowable):
    """An empty square to tick by pen. Drawn, not typed: Noto has no U+2610 glyph."""

    def __init__(self, size: float = 3.6 * mm, line_width: float = 0.8) -> None:
        super().__init__()
        self.size = size
        self.line_width = line_width
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setLineWidth(self.line_width)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


def signature_block(
    columns: Sequence[tuple[str, str]],
    *,
    names: Sequence[str] | None = None,
    styles: Styles | None = None,
    sign_space: float = 24 * mm,
) -> Table:
    """Signature columns side by side: a bold title ("NGƯỜI VAY VỐN"), an italic note
    ("(Ký, ghi rõ họ tên)"), room for the signature, then the printed name if known.

    Wrap it in ``KeepTogether`` with the date line above it so a page break never
    separates a title from its signing space.
    """
    st = styles or make_styles()
    n = len(columns)
    if n == 0:
        raise ValueError("signature_block needs at least one column")
    printed = list(names) if names is not None else [""] * n
    if len(printed) != n:
        raise ValueError("names must have one entry per column")
    rows = [
        [Paragraph(escape(title), st.sign_title) for title, _ in columns],
        [Paragraph(escape(note), st.sign_note) for _, note in columns],
        ["" for _ in columns],
        [Paragraph(escape(name), st.sign_name) for name in printed],
    ]
    table = layout_table(rows, [f"{100 / n:.4f}%"] * n,
                         row_heights=[None, None, sign_space, None])
    # a little air between neighbouring columns' centred titles
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 2),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    return table


_CELL_PAD = 4  # points left and right inside a grid_table cell
_FIGURES = re.compile(r"[0-9.,:/+ -]*")
_FIGURE_EM = 0.6


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float | str],
    *,
    styles: Styles,
    align: str | None = None,
    total_rows: int = 0,
) -> Table:
    """A ruled table with a bold shaded header that repeats on every page.

    ``align`` has one letter per column (L, C, R) for plain-text cells; cells that are
    already flowables are kept as they are. The last ``total_rows`` rows print bold.
    """
    aligns = (align or "L" * len(header)).upper()
    if len(aligns) != len(header) or any(len(r) != len(header) for r in rows):
        raise ValueError("every row and the align string need one entry per header column")
    cell_style = {"L": styles.cell, "C": styles.cell_center, "R": styles.cell_right}
    size = styles.cell.fontSize
    regular, bold_face = styles.font(), styles.font(bold=True)
    room = [w - 2 * _CELL_PAD if isinstance(w, int | float) else None for w in col_widths]

    def fits(text: str, col: int, face: str) -> bool:
        if room[col] is None:
            return False
        # Figures and dates (most cells of a schedule) are measured by a safe bound: no
        # digit or separator is wider than 0.6 em in the Noto faces (tests check it).
        if _FIGURES.fullmatch(text) and len(text) * size * _FIGURE_EM <= room[col]:
            return True
        return stringWidth(text, face, size) <= room[col]

    def cell(value: Any, col: int, bold: bool) -> Any:
        if isinstance(value, Flowable):
            return value
        text = nfc(value)
        # A one-line cell is drawn as a plain string in the same font (set per row and
        # column below): a Paragraph per cell would cost most of a schedule's build time.
        if "\n" not in text and fits(text, col, bold_face if bold else regular):
            return text
        text = escape(text)
        return Paragraph(f"<b>{text}</b>" if bold else text, cell_style[aligns[col]])

    def head(text: str, col: int) -> Any:
        text = nfc(text)
        return text if fits(text, col, bold_face) else Paragraph(escape(text), styles.cell_head)

    body = [
        [cell(v, c, bold=i >= len(rows) - total_rows) for c, v in enumerate(r)]
        for i, r in enumerate(rows)
    ]
    data = [[head(h, c) for c, h in enumerate(header)], *body]
    table = Table(data, colWidths=list(col_widths), repeatRows=1)
    first_total = len(rows) - total_rows + 1
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), regular),  # never ReportLab's default Helvetica
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), styles.cell.leading),
        ("FONTNAME", (0, 0), (-1, 0), bold_face),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        *[("ALIGN", (c, 1), (c, -1), {"L": "LEFT", "C": "CENTER", "R": "RIGHT"}[a])
          for c, a in enumerate(aligns)],
        ("GRID", (0, 0), (-1, -1), 0.6, GRID_COLOR),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    if total_rows:
        commands.append(("FONTNAME", (0, first_total), (-1, -1), bold_face))
    table.setStyle(TableStyle(commands))
    return table


def right_column_line(text: str, style: ParagraphStyle, *, width: float,
                 share: float = 0.5) -> Table:
    """One line of text centred over the right-hand ``share`` of the frame, e.g. the date
    line above the last signature column. The column widens (to the left) when the text
    would not fit, so the date never wraps."""
    need = stringWidth(nfc(text), style.fontName, style.fontSize) + 6
    right_w = min(width, max(width * share, need))
    return layout_table([["", Paragraph(escape(text), style)]],
                        [width - right_w, right_w], bottom_padding=2)


class FillLines(Flowable):
    """Dotted lines across the frame for text written by hand (remarks, an asset)."""

    def __init__(self, count: int, leading: float = 20, dot_gap: float = 2.2) -> None:
        super().__init__()
        self.count = count
        self.leading = leading
        self.dot_gap = dot_gap
        self.width = 0.0
        self.height = count * leading

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(0.7)
        c.setDash(0.6, self.dot_gap)
        for i in range(self.count):
            y = self.height - (i + 1) * self.leading + 4
            c.line(0, y, self.width, y)
        c.restoreState()


def frame_width(
    pagesize: tuple[float, float] = A4,
    margins: tuple[float, float, float, float] = DEFAULT_MARGINS,
) -> float:
    """Width between the left and right margins: what full-width tables may use."""
    return pagesize[0] - margins[1] - margins[3]


def vspace(points: float) -> Spacer:
    return Spacer(1, points)


# --------------------------------------------------------------------------- pages

def _numbered_canvas_class(footer: str | None) -> type[Canvas]:
    """A canvas that remembers its pages and stamps "Trang X/Y" on each when the total is
    known, at save time (ReportLab's usual NumberedCanvas pattern: one layout pass)."""
    footer_text = nfc(footer).strip() if footer else ""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # The canvas otherwise opens every page with Helvetica, a font that is
            # referenced but never embedded: PDF/A checkers and some printers object.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or face_name(SANS)
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                self._stamp(total)
                super().showPage()
            super().save()

        def _stamp(self, total: int) -> None:
            width, _ = self._pagesize
            y = 1.1 * cm
            self.saveState()
            self.setFont(face_name(SANS), 8)
            self.setFillColor(FOOTER_COLOR)
            right = width - DEFAULT_MARGINS[1]
            self.drawRightString(right, y, f"Trang {self._pageNumber}/{total}")
            if footer_text:
                self.drawString(DEFAULT_MARGINS[3], y, footer_text)
            self.restoreState()

    return NumberedCanvas


_BUILD_LOCK = threading.Lock()


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Build one document at a time, with binary (not ASCII85) compressed streams.

    ReportLab keeps settings and font state in module globals, so the GUI's worker
    threads must not build two PDFs at once. ASCII85 only serves 7-bit channels; without
    it files are a fifth smaller and a third of the save time goes. The setting is put
    back afterwards, so other ReportLab users in the process see the library default.
    """
    with _BUILD_LOCK:
        saved = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = saved


def build_pdf(
    target: str | os.PathLike[str] | BinaryIO,
    story: list[Flowable],
    pagesize: tuple[float, float] = A4,
    *,
    title: str = "",
    author: str = "sonla-desktop",
    subject: str = "",
    footer: str | None = None,
    margins: tuple[float, float, float, float] = DEFAULT_MARGINS,
    invariant: bool = False,
) -> None:
    """Lay out ``story`` on ``pagesize`` pages with "Trang X/Y" and ``footer`` at the
    bottom of each page, and write the PDF to a path or a binary file object.

    A path is written through a temporary file in the same folder and renamed into
    place, so a failure never leaves a half-written PDF that looks like a finished one.
    ``invariant=True`` gives byte-identical output for identical input (fixed dates/ids).
    """
    register_fonts()
    top, right, bottom, left = margins

    def make_doc(out: Any) -> BaseDocTemplate:
        doc = BaseDocTemplate(
            out, pagesize=pagesize, topMargin=top, rightMargin=right,
            bottomMargin=bottom, leftMargin=left, title=nfc(title), author=nfc(author),
            subject=nfc(subject), creator="sonla-desktop", lang="vi-VN",
            invariant=1 if invariant else 0,
        )
        # No frame padding: the margins are then exactly the ones asked for, and
        # frame_width() is exactly what a full-width table may use.
        frame = Frame(left, bottom, pagesize[0] - left - right, pagesize[1] - top - bottom,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                      id="body")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=pagesize)])
        return doc

    canvasmaker = _numbered_canvas_class(footer)
    if not isinstance(target, str | os.PathLike):
        with _binary_streams():
            make_doc(target).build(list(story), canvasmaker=canvasmaker)
        return

    def save(tmp_name: str) -> None:
        with open(tmp_name, "wb") as tmp, _binary_streams():
            make_doc(tmp).build(list(story), canvasmaker=canvasmaker)

    save_atomically(target, save)
