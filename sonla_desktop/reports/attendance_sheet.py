"""Attendance sheet of a counselling conference (danh sách ký tên), A4 landscape.

Numbered rows of the registered attendees in Vietnamese name order, then blank numbered
rows for people who arrive without registering, a signature column, totals and the
signature blocks of the person who drew up the list and the organiser.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from os import PathLike
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm, mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, TableStyle

from .fonts import SERIF
from .pdf_common import (
    SIGN_NOTE,
    SIGN_STAMP_NOTE,
    build_pdf,
    date_line,
    escape,
    format_date_vi,
    frame_width,
    grid_table,
    layout_table,
    make_styles,
    nfc,
    office_and_motto,
    right_column_line,
    signature_block,
    vspace,
)
from .qr import statement_table

TITLE = "DANH SÁCH NGƯỜI THAM DỰ HỘI NGHỊ TƯ VẤN"
SUBTITLE = "Về đưa người lao động đi làm việc ở nước ngoài theo hợp đồng"
PAGE = landscape(A4)
MARGINS = (1.4 * cm, 1.5 * cm, 1.8 * cm, 1.5 * cm)
HEADER = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Bản/Tổ dân phố", "Số điện thoại",
          "Thị trường quan tâm", "Ký tên"]
_SEX = {"M": "Nam", "F": "Nữ"}


@dataclass(frozen=True)
class SheetLine:
    full_name: str
    birth_year: int | None
    sex: str  # "M" / "F"
    village: str
    phone: str  # as printed, e.g. "0912 345 678"
    market: str  # Vietnamese market name or ""


@dataclass(frozen=True)
class AttendanceSheetData:
    office_name: str  # "UBND phường Chiềng Cơi"
    commune_label: str  # "phường Chiềng Cơi"
    place_name: str  # for the date line: "Chiềng Cơi"
    topic: str
    place: str
    event_date: date
    organiser: str
    counsellors: str
    markets: str  # "Nhật Bản, Đài Loan"
    lines: list[SheetLine]
    blank_rows: int = 10
    printed_on: date | None = None
    seal: str = ""  # the signed statement (services.document_seal); "" draws none


def _header(data: AttendanceSheetData, st, width: float) -> list[Flowable]:
    left = [Paragraph(escape(data.office_name.upper()), st.nation)]
    top = office_and_motto(left, st, width, 0.38)
    info = [
        f"<b>Chủ đề:</b> {escape(data.topic)}",
        f"<b>Thời gian:</b> ngày {format_date_vi(data.event_date)}"
        f"&nbsp;&nbsp;&nbsp;&nbsp;<b>Địa điểm:</b> {escape(data.place)}, {escape(data.commune_label)}",
    ]
    extra = []
    if data.organiser:
        extra.append(f"<b>Đơn vị tổ chức:</b> {escape(data.organiser)}")
    if data.counsellors:
        extra.append(f"<b>Người tư vấn:</b> {escape(data.counsellors.replace(chr(10), ', '))}")
    if data.markets:
        extra.append(f"<b>Thị trường giới thiệu:</b> {escape(data.markets)}")
    if extra:
        info.append("&nbsp;&nbsp;&nbsp;&nbsp;".join(extra))
    return [top, vspace(10), Paragraph(escape(TITLE), st.title),
            Paragraph(escape(SUBTITLE), st.subtitle),
            *[Paragraph(line, st.body_left) for line in info], vspace(6)]


def _table(data: AttendanceSheetData, st, width: float):
    fixed = [1.2 * cm, 6.0 * cm, 1.9 * cm, 1.9 * cm, 4.4 * cm, 3.4 * cm, 3.3 * cm]
    widths = [*fixed, width - sum(fixed)]
    rows: list[list[object]] = [
        [str(i), nfc(line.full_name), str(line.birth_year or ""), _SEX.get(line.sex, ""),
         nfc(line.village), line.phone, nfc(line.market), ""]
        for i, line in enumerate(data.lines, start=1)
    ]
    start = len(rows) + 1
    rows += [[str(start + k), "", "", "", "", "", "", ""] for k in range(data.blank_rows)]
    if not rows:
        rows = [["", "", "", "", "", "", "", ""]]
    table = grid_table(HEADER, rows, widths, styles=st, align="CLCCLCLL")
    # Room to sign by hand on every row.
    table.setStyle(TableStyle([("TOPPADDING", (0, 1), (-1, -1), 5),
                               ("BOTTOMPADDING", (0, 1), (-1, -1), 6)]))
    return table


def _totals(data: AttendanceSheetData, st, width: float) -> list[Flowable]:
    men = sum(1 for line in data.lines if line.sex == "M")
    women = sum(1 for line in data.lines if line.sex == "F")
    place = data.place_name or "…………"
    # With a signed statement, its QR code stands left of the signatures: on a page of its
    # own below them it would add a sheet to every short list.
    sign_w = width * 0.6 if data.seal else width
    signing: list[Flowable] = [
        vspace(6),
        right_column_line(date_line(place, data.event_date), st.sign_note, width=sign_w,
                          share=0.4 if not data.seal else 0.5),
        signature_block(
            [("NGƯỜI LẬP DANH SÁCH", SIGN_NOTE), ("ĐẠI DIỆN ĐƠN VỊ TỔ CHỨC",
                                                  SIGN_STAMP_NOTE)],
            styles=st, sign_space=20 * mm),
    ]
    if data.seal:
        signing = [layout_table([[statement_table(data.seal, st.small, width - sign_w - 12),
                                  signing]], [width - sign_w, sign_w], valign="MIDDLE")]
    return [
        vspace(8),
        Paragraph(f"<b>Tổng số người đã đăng ký: {len(data.lines)}</b> (nam: {men}, nữ: {women})."
                  " Số người ghi thêm tại hội nghị: ……… người. Tổng cộng: ……… người.",
                  st.body_left),
        KeepTogether(signing),
    ]


def render_attendance_sheet(data: AttendanceSheetData,
                            out: str | PathLike[str] | BinaryIO) -> None:
    st = make_styles(SERIF, 11)
    width = frame_width(PAGE, MARGINS)
    story: list[Flowable] = [*_header(data, st, width), _table(data, st, width),
                             *_totals(data, st, width)]
    build_pdf(out, story, PAGE, title=f"{TITLE} {format_date_vi(data.event_date)}",
              author=nfc(data.office_name) or "sonla-desktop", subject=nfc(data.topic),
              footer=f"{nfc(data.office_name)} – Hội nghị tư vấn ngày "
                     f"{format_date_vi(data.event_date)}, {nfc(data.place)}",
              margins=MARGINS)
