"""Every paper keeps at least 12 pt (≈ 4.2 mm) from the paper's edge, where many printers
cannot print (issue 19, item 5). Measured on the page as poppler draws it, at 72 dpi (one
pixel per point)."""

from __future__ import annotations

import io
import subprocess
from datetime import date

import pytest
from PIL import Image, ImageOps

from sonla_desktop.domain.progress import year_period
from sonla_desktop.services.event_documents import attendance_sheet_pdf, follow_up_pdf
from sonla_desktop.services.loan_queries import dossier_pdf
from sonla_desktop.services.progress_report import progress_figures, progress_pdf

from .test_print_dossier import _dossier_loan
from .test_print_papers import event  # noqa: F401  (the fixture)

EDGE = 12


def _margins(pdf: bytes, tmp_path) -> list[tuple[int, int, int, int]]:
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf)
    pages = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    found = []
    for page in range(1, pages + 1):
        png = subprocess.run(["pdftoppm", "-r", "72", "-f", str(page), "-l", str(page), "-gray",
                              "-png", str(path)], capture_output=True, check=True).stdout
        image = Image.open(io.BytesIO(png)).convert("L")
        left, top, right, bottom = ImageOps.invert(image).point(
            lambda v: 255 if v > 24 else 0).getbbox()
        found.append((left, top, image.width - right, image.height - bottom))
    return found


def test_the_office_papers_keep_12_pt_from_every_edge(ctx, event, tmp_path):  # noqa: F811
    loan_id = _dossier_loan(ctx)
    papers = {
        "dossier": dossier_pdf(ctx, loan_id),
        "attendance_sheet": attendance_sheet_pdf(ctx, event),
        "follow_up": follow_up_pdf(ctx, event),
        "progress_report": progress_pdf(
            ctx, progress_figures(ctx, year_period(date.today().year))),
    }
    for name, pdf in papers.items():
        for n, margins in enumerate(_margins(pdf, tmp_path), start=1):
            assert min(margins) >= EDGE, (name, n, margins)


@pytest.mark.parametrize("layout", ["a4", "a5x2"])
def test_the_flyer_keeps_12_pt_from_every_edge(ctx, tmp_path, layout):
    from sonla_desktop.services.event_documents import flyer_pdf

    _, pdf = flyer_pdf(ctx, layout=layout)
    for margins in _margins(pdf, tmp_path):
        assert min(margins) >= EDGE, (layout, margins)
