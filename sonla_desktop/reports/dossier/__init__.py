"""The printable loan dossier: the VBSP application form (Mẫu số 01/TD), the expected
repayment schedule and the checklist of attached papers.

This module only draws. The data arrive as plain frozen dataclasses (``DossierData``),
gathered elsewhere from the database, so the layout can be tested and previewed without
one (``sample_dossier_data``).
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, PageBreak

from ..fonts import SERIF
from ..pdf_common import build_pdf, frame_width, make_styles, nfc, vspace
from ..qr import statement_block
from .form import _borrower, _commitments, _form_header, _job, _plan, _signatures
from .model import (
    BANK,
    CHECKLIST_TITLE,
    FORM_CODE,
    SCHEDULE_TITLE,
    SUBTITLE,
    TITLE,
    CostLine,
    DossierData,
    ScheduleRow,
)
from .pages import _checklist, _schedule
from .sample import sample_dossier_data
from .words import commune_full

__all__ = [
    "BANK", "CHECKLIST_TITLE", "FORM_CODE", "SCHEDULE_TITLE", "SUBTITLE", "TITLE", "CostLine",
    "DossierData", "ScheduleRow", "commune_full", "render_dossier", "sample_dossier_data",
]


def render_dossier(data: DossierData, out: Path | BinaryIO) -> None:
    """Draw the three-part dossier as an A4 PDF into a path or a binary file object."""
    if data.cost_lines and sum(c.amount_vnd for c in data.cost_lines) != data.total_cost_vnd:
        # A signed form whose lines do not add up to its total would be worse than none.
        raise ValueError("cost_lines do not add up to total_cost_vnd")
    st = make_styles(SERIF, 12)
    width = frame_width()
    story: list[Flowable] = [
        *_form_header(data, st),
        *_borrower(data, st),
        *_job(data, st),
        *_plan(data, st, width),
        *_commitments(st),
        *_signatures(data, st, width),
        PageBreak(),
        *_schedule(data, st, width),
        PageBreak(),
        *_checklist(data, st, width),
        # On the checklist page, which has room: on the form it pushed the signatures over.
        *([vspace(10), statement_block(data.seal, st.small, width)] if data.seal else []),
    ]
    name = nfc(data.borrower_name).strip()
    build_pdf(
        out,
        story,
        title=f"Hồ sơ vay vốn – {name}" if name else "Hồ sơ vay vốn",
        subject=TITLE,
        author=nfc(data.office_name).strip() or "sonla-desktop",
        footer=f"{nfc(data.office_name).strip()} – Hồ sơ vay {nfc(data.loan_id).strip()}",
    )

