"""Printed pages as a clerk holds them (issue 17, item 3; issue 19's unprintable edge): no text
under 8 pt, the two-A5 sheet's margins, the flyer's boxes as wide as its header, and the
dossier never parting a label from its value or a heading from what follows.

Sizes and positions come from pdfplumber (pdfminer), text per page from pdftotext."""

from __future__ import annotations

import io
import math
import re
import subprocess
import tempfile
import unicodedata
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from sonla_desktop.domain.progress import year_period
from sonla_desktop.reports.attendance_sheet import render_attendance_sheet
from sonla_desktop.reports.dossier import DossierData, render_dossier, sample_dossier_data
from sonla_desktop.reports.flyer import render_flyer
from sonla_desktop.services.attendance import register_attendee
from sonla_desktop.services.demo import generate_demo
from sonla_desktop.services.event_documents import gather_attendance_sheet
from sonla_desktop.services.events import create_event
from sonla_desktop.services.flyers import (
    gather_flyer_data,
    get_flyer_settings,
    save_flyer_settings,
)
from sonla_desktop.services.progress_report import export_progress, progress_figures
from sonla_desktop.services.province_table import export_province, province_table
from tests.conftest import hub_for_a_moment

MIN_PT = 8.0
EDGE_PT = 12.0  # office printers leave about 4–5 mm of each edge blank
CONTACTS = {"office_name": "UBND phường Chiềng Cơi", "office_phone": "0212 3852 123",
            "jobs_website": "https://vieclam.example.vn/son-la", "zalo": "0912 345 678",
            "office_address": "Tổ 5, phường Chiềng Cơi"}
LONG_INTRO = ("Người lao động ở các bản trong phường có nhu cầu đi làm việc ở nước ngoài theo hợp "
              "đồng xin liên hệ cán bộ lao động – thương binh và xã hội của phường vào các buổi "
              "sáng thứ Hai, thứ Tư và thứ Sáu hằng tuần để được tư vấn miễn phí. ") * 2


def _font_size(char: dict) -> float:
    """The size the glyph was set in. pdfminer's ``size`` is the box height, which for text
    turned by an angle (a chart's slanted labels) also holds part of the glyph's width."""
    a, b = char["matrix"][0], char["matrix"][1]
    if abs(b) < 1e-6:
        return char["size"]
    scale = math.hypot(a, b)
    cos, sin = abs(a) / scale, abs(b) / scale
    return (char["bottom"] - char["top"] - char["adv"] * sin) / cos


def smallest_font(pdf: Path) -> float:
    with pdfplumber.open(pdf) as doc:
        return min(round(_font_size(c), 2) for page in doc.pages for c in page.chars
                   if c["text"].strip())


def _flyers(ctx, tmp_path: Path) -> dict[str, Path]:
    """Every flyer an office prints: with and without contacts, one or all markets, A4 and
    two A5, and a long introduction of its own that pushes the rest down."""
    event = create_event(ctx, {"event_date": "05/12/2025", "commune_code": "03670",
                               "place": "Nhà văn hoá bản Hẹo", "topic": "Tư vấn đi Nhật Bản",
                               "markets": "JP", "organiser": "UBND phường Chiềng Cơi"})
    out: dict[str, Path] = {}

    def render(name: str, **kw) -> None:
        out[name] = tmp_path / f"{name}.pdf"
        render_flyer(gather_flyer_data(ctx, **kw), out[name])

    save_flyer_settings(ctx, dict(asdict(get_flyer_settings(ctx)), jobs_website=""))
    render("a4-bare")
    render("a5x2-bare", layout="a5x2")
    save_flyer_settings(ctx, CONTACTS)
    render("a4")
    render("a4-kr", market="KR")
    render("a5x2", layout="a5x2")
    render("a5x2-event", event_id=event, layout="a5x2")
    save_flyer_settings(ctx, dict(CONTACTS, intro=LONG_INTRO))
    render("a4-long", market="JP")
    render("a5x2-long", layout="a5x2")
    return out


def test_no_flyer_prints_text_under_8_pt(ctx, tmp_path):
    for name, pdf in _flyers(ctx, tmp_path).items():
        assert smallest_font(pdf) >= MIN_PT, name


def test_the_two_a5_sheet_keeps_clear_of_the_printers_edge(ctx, tmp_path):
    for name, pdf in _flyers(ctx, tmp_path).items():
        if "a5x2" not in name:
            continue
        with pdfplumber.open(pdf) as doc:
            for page in doc.pages:
                things = page.chars + page.lines + page.rects + page.images + page.curves
                assert things, name
                assert min(t["top"] for t in things) >= EDGE_PT, name
                assert max(t["bottom"] for t in things) <= page.height - EDGE_PT, name
                assert min(t["x0"] for t in things) >= EDGE_PT, name
                assert max(t["x1"] for t in things) <= page.width - EDGE_PT, name


def test_two_a5_flyers_still_carry_every_section_and_both_halves_match(ctx, tmp_path):
    pdf = _flyers(ctx, tmp_path)["a5x2"]
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == 2  # front and back of one sheet, then cut in half
        text = []
        for page in doc.pages:
            middle = page.width / 2
            left = page.crop((0, 0, middle, page.height)).extract_text()
            right = page.crop((middle, 0, page.width, page.height)).extract_text()
            assert left == right
            text.append(left)
    flat = " ".join(" ".join(text).split())
    for title in ("Thị trường và công việc", "Vay vốn ưu đãi", "Ai được tham gia?",
                  "Giấy tờ cần chuẩn bị", "Cảnh giác lừa đảo", "Liên hệ", "Nguồn:"):
        assert title in flat
    # Numbered as a reader turns the sheet: the front's sections first (they were 1, 2, 6
    # on the front and 3, 4, 5 on the back).
    front, back = (_section_numbers(side) for side in text)
    assert front == [1, 2, 3] and back == [4, 5, 6]


_SECTION = re.compile(r"(\d+)\. (?:Thị trường|Vay vốn|Ai được|Giấy tờ|Cảnh giác|Liên hệ)")


def _section_numbers(text: str) -> list[int]:
    return [int(n) for n in _SECTION.findall(" ".join(text.split()))]


def test_every_flyer_numbers_its_sections_one_to_n_without_gaps(ctx, tmp_path):
    for name, pdf in _flyers(ctx, tmp_path).items():
        with pdfplumber.open(pdf) as doc:
            pages = [page.crop((0, 0, page.width / 2, page.height)).extract_text()
                     if "a5x2" in name else page.extract_text() for page in doc.pages]
        numbers = [n for page in pages for n in _section_numbers(page)]
        # The A4 side has two columns (read across), so only the set is fixed there.
        ordered = numbers if "a5x2" in name else sorted(numbers)
        assert ordered == list(range(1, len(numbers) + 1)), (name, numbers)
        # Without contacts there is no contact section, and no number is skipped for it.
        assert len(numbers) == (5 if "bare" in name else 6), (name, numbers)


def _boxes_and_text_span(pdf: Path) -> tuple[tuple[float, float], tuple[float, float],
                                               list[tuple[float, float]]]:
    """The header band's x-extent, the text's x-extent and each section box's x-extent."""
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        filled = sorted((r for r in page.rects if r["fill"]), key=lambda r: r["top"])
        header = filled[0]
        # A section's border is drawn as lines; its vertical sides give its width.
        sides = sorted({round(line["x0"], 1) for line in page.lines
                        if abs(line["x0"] - line["x1"]) < 0.1})
        text = (min(c["x0"] for c in page.chars), max(c["x1"] for c in page.chars))
    return (header["x0"], header["x1"]), text, [(sides[0], sides[-1])]


def test_the_flyer_with_contacts_has_boxes_as_wide_as_its_header_and_footer(ctx, tmp_path):
    # With contacts set, the contact table was wider than its box: the whole flyer was then
    # shrunk, which left the boxes narrower than the paragraphs around them.
    flyers = _flyers(ctx, tmp_path)
    for name in ("a4", "a4-kr", "a4-long", "a4-bare"):
        (h0, h1), (t0, t1), boxes = _boxes_and_text_span(flyers[name])
        with pdfplumber.open(flyers[name]) as doc:
            width = doc.pages[0].width
        assert h0 == pytest.approx(34, abs=1) and h1 == pytest.approx(width - 34, abs=1), name
        assert t0 >= h0 - 0.5 and t1 <= h1 + 0.5, name  # no text wider than the header band
        for b0, b1 in boxes:
            assert b0 == pytest.approx(h0, abs=1) and b1 == pytest.approx(h1, abs=1), name


def test_the_attendance_sheet_progress_report_and_province_table_print_nothing_under_8_pt(
        ctx, tmp_path):
    # The province table printed its 13 columns at 6.5 pt; the report's charts at 7–7.5 pt.
    today = date(2025, 12, 2)
    generate_demo(ctx, workers=120, seed=3, today=today)
    event = create_event(ctx, {"event_date": "05/12/2025", "commune_code": "03670",
                               "place": "Nhà văn hoá bản Hẹo", "topic": "Tư vấn đi Nhật Bản",
                               "markets": "JP", "organiser": "UBND phường Chiềng Cơi"})
    register_attendee(ctx, event, {"full_name": "Lò Văn Ơn", "birth_year": 1999, "sex": "Nam",
                                   "phone": "0912345678", "village": "Bản Hẹo",
                                   "interest_market": "JP"})
    sheet = tmp_path / "sheet.pdf"
    render_attendance_sheet(gather_attendance_sheet(ctx, event), sheet)
    period = year_period(2025)
    progress = tmp_path / "progress.pdf"
    export_progress(ctx, progress_figures(ctx, period, today=today), str(progress), fmt="pdf")
    province = tmp_path / "province.pdf"
    with hub_for_a_moment(ctx):
        export_province(ctx, province_table(ctx, period, today=today), str(province),
                        fmt="pdf")
    for pdf in (sheet, progress, province):
        assert smallest_font(pdf) >= MIN_PT, pdf.name


# --------------------------------------------------------------------------- dossier

HEADINGS = ("I. THÔNG TIN NGƯỜI VAY VỐN", "II. THÔNG TIN VỀ VIỆC", "III. PHƯƠNG ÁN SỬ DỤNG",
            "IV. CAM KẾT CỦA NGƯỜI VAY", "7. Tài sản bảo đảm", "XÁC NHẬN CỦA UBND",
            "LỊCH TRẢ NỢ DỰ KIẾN", "DANH MỤC HỒ SƠ KÈM THEO", "1. Tổng chi phí")
LONG_BASIS = ("lãi suất cho vay hộ nghèo theo Quyết định của Thủ tướng Chính phủ, áp dụng cho các "
              "khoản vay giải ngân từ ngày 01/12/2025 trở đi")


def _dossiers() -> list[tuple[str, DossierData]]:
    """Dossiers whose long names, addresses and texts move the page breaks around: among them
    the ones where the rate item fell across the first page's foot on the old layout."""
    base = sample_dossier_data()
    out = [("sample", base), ("collateral", replace(base, needs_collateral=True))]
    for lines in (2, 3, 4):
        costs = base.cost_lines[:lines]
        total = sum(c.amount_vnd for c in costs)
        for words in (0, 5, 9, 10, 11):
            out.append((f"costs{lines}-purpose{words}", replace(
                base, cost_lines=costs, total_cost_vnd=total,
                requested_vnd=min(base.requested_vnd, total), needs_collateral=True,
                purpose="Chi trả" + " các khoản phí" * words, rate_basis=LONG_BASIS)))
    out.append(("long-names", replace(
        base, needs_collateral=True,
        borrower_name="Hoàng Thị Phương Thảo Nguyễn Lò Cầm",
        agency=("Công ty Trách nhiệm hữu hạn một thành viên Dịch vụ Xuất khẩu Lao động và "
                "Chuyên gia Quốc tế Miền Bắc Việt Nam chi nhánh Sơn La"),
        id_issued_by=("Cục Cảnh sát quản lý hành chính về trật tự xã hội – Bộ Công an, cấp lại "
                      "lần thứ hai"),
        village="bản Nà Ngần Trên Xa Xôi Cạnh Suối Nậm La")))
    return out


def _pages(data: DossierData) -> tuple[list[str], float]:
    buffer = io.BytesIO()
    render_dossier(data, buffer)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "d.pdf"
        pdf.write_bytes(buffer.getvalue())
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"],
                              check=True, capture_output=True).stdout.decode("utf-8")
        smallest = smallest_font(pdf)
    pages = [unicodedata.normalize("NFC", p) for p in text.split("\f")]
    return [p for p in pages if p.strip()], smallest


@pytest.mark.parametrize(("name", "data"), _dossiers(), ids=[n for n, _ in _dossiers()])
def test_the_dossier_keeps_labels_with_values_and_headings_with_what_follows(name, data):
    pages, smallest = _pages(data)
    assert smallest >= MIN_PT
    rate_pages = [i for i, p in enumerate(pages) if "6. Lãi suất cho vay" in p]
    assert len(rate_pages) == 1
    flat = " ".join(pages[rate_pages[0]].split())
    # The whole rate item on one page: the label, the figure and its unit together.
    assert "Lãi suất nợ quá hạn: 8,112 %/năm" in flat
    for number, page in enumerate(pages):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = [line for line in lines if "Trang " not in line]  # the running footer
        last = body[-1]
        assert not last.startswith(HEADINGS), (number, last)
