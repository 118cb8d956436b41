"""The readable copy of everything held about one person (a person's request, Law 91/2025).

Drawn from the data classes below only; ``services.person`` gathers them (and writes the
JSON beside it). Fonts are the embedded Vietnamese faces of every report.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date

from reportlab.platypus import Flowable, Paragraph

from .fonts import SANS
from .pdf_common import build_pdf, escape, format_date_vi, frame_width, grid_table, make_styles


@dataclass(frozen=True)
class PersonTable:
    """One kind of record (loans, attendances, consents...): a heading and a grid."""

    title: str
    headers: list[str]
    rows: list[list[str]]
    empty: str = "Không có."


@dataclass(frozen=True)
class PersonSheet:
    full_name: str
    worker_id: str
    office: str
    made_on: date
    identity: list[tuple[str, str]]  # (label, value) of the worker's own fields
    tables: list[PersonTable] = field(default_factory=list)
    note: str = ""


def _story(sheet: PersonSheet) -> list[Flowable]:
    st = make_styles(SANS, 10.5)
    width = frame_width()
    story: list[Flowable] = [
        Paragraph("THÔNG TIN CÁ NHÂN ĐANG LƯU GIỮ", st.title),
        Paragraph(escape(f"Về: {sheet.full_name} (mã {sheet.worker_id})"), st.subtitle),
        Paragraph(escape(f"{sheet.office} — lập ngày {format_date_vi(sheet.made_on)}"),
                  st.body_center),
        Paragraph("Thông tin cá nhân", st.heading),
        grid_table(["Mục", "Giá trị"], [list(kv) for kv in sheet.identity],
                   [width * 0.35, width * 0.65], styles=st),
    ]
    for table in sheet.tables:
        story.append(Paragraph(escape(table.title), st.heading))
        if not table.rows:
            story.append(Paragraph(escape(table.empty), st.body_left))
            continue
        n = len(table.headers)
        story.append(grid_table(table.headers, table.rows, [width / n] * n, styles=st))
    if sheet.note:
        story.append(Paragraph(escape(sheet.note), st.small))
    return story


def render_person_pdf(sheet: PersonSheet, target: str | os.PathLike[str]) -> None:
    build_pdf(target, _story(sheet), title=f"Thông tin cá nhân — {sheet.full_name}",
              subject="Dữ liệu cá nhân đang lưu giữ (Luật 91/2025/QH15)",
              footer=f"{sheet.full_name} — {sheet.worker_id}")
