"""The printed loan dossier and the shared PDF helpers, checked the way a clerk (and a
PDF reader) sees them: text extracted with poppler's pdftotext, fonts listed by pdffonts."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from sonla_desktop.errors import UserError
from sonla_desktop.reports.dossier import (
    CostLine,
    DossierData,
    render_dossier,
    sample_dossier_data,
)
from sonla_desktop.reports.fonts import register_fonts
from sonla_desktop.reports.pdf_common import (
    date_line,
    format_date_vi,
    format_decimal_vi,
    format_vnd,
)

NAME = "Lò Thị Hương"
TITLE = "GIẤY ĐỀ NGHỊ VAY VỐN KIÊM PHƯƠNG ÁN SỬ DỤNG VỐN VAY"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found: apt-get install poppler-utils")
    return path


def pdf_pages(pdf: Path, layout: bool = True) -> list[str]:
    """Text of each page, as pdftotext extracts it (pages are split by form feeds).

    ``layout`` keeps table rows on one line; without it, wrapped table cells stay whole."""
    args = [_tool("pdftotext"), "-enc", "UTF-8", *(["-layout"] if layout else []), str(pdf), "-"]
    out = subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def flat(text: str) -> str:
    """NFC with runs of whitespace collapsed, so a line break never hides a phrase."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run([_tool("pdfinfo"), "-enc", "UTF-8", str(pdf)], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dossier") / "ho-so.pdf"
    render_dossier(sample_dossier_data(), path)
    return path


@pytest.fixture(scope="module")
def sample_pages(sample_pdf: Path) -> list[str]:
    return pdf_pages(sample_pdf)


# --------------------------------------------------------------------------- formats

def test_format_vnd_groups_thousands_with_dots() -> None:
    assert format_vnd(0) == "0"
    assert format_vnd(999) == "999"
    assert format_vnd(1_000) == "1.000"
    assert format_vnd(60_000_000) == "60.000.000"
    assert format_vnd(1_234_567_890) == "1.234.567.890"
    assert format_vnd(-1_500) == "-1.500"


@pytest.mark.parametrize("bad", [1.5, Decimal("1000"), True, "1000"])
def test_format_vnd_refuses_anything_but_int(bad: object) -> None:
    with pytest.raises(TypeError):
        format_vnd(bad)  # type: ignore[arg-type]


def test_date_line_follows_official_date_style() -> None:
    assert date_line("Sơn La", date(2025, 12, 5)) == "Sơn La, ngày 05 tháng 12 năm 2025"
    # leading zero for days below 10 and for the months 1 and 2 only
    assert date_line("Sơn La", date(2026, 2, 3)) == "Sơn La, ngày 03 tháng 02 năm 2026"
    assert date_line("Mai Sơn", date(2026, 3, 15)) == "Mai Sơn, ngày 15 tháng 3 năm 2026"
    assert date_line("Sơn La", None) == "Sơn La, ngày .... tháng .... năm ......"
    assert date_line("", date(2025, 1, 20)) == "Ngày 20 tháng 01 năm 2025"


def test_date_line_is_nfc_even_for_a_decomposed_place_name() -> None:
    line = date_line(unicodedata.normalize("NFD", "Chiềng Mung"), date(2025, 12, 5))
    assert line == "Chiềng Mung, ngày 05 tháng 12 năm 2025"


def test_format_date_and_decimal_vi() -> None:
    assert format_date_vi(date(2001, 3, 4)) == "04/03/2001"
    assert "None" not in format_date_vi(None)
    assert format_decimal_vi(Decimal("6.24")) == "6,24"
    assert format_decimal_vi(Decimal("8.112")) == "8,112"  # 130 % of 6.24: never cut
    assert format_decimal_vi(Decimal("6.6")) == "6,60"
    assert format_decimal_vi(Decimal("7.9200")) == "7,92"
    assert format_decimal_vi(7) == "7,00"


def test_register_fonts_is_idempotent_and_maps_bold_italic() -> None:
    register_fonts()
    register_fonts()
    for face in ("VNSans", "VNSans-Bold", "VNSerif-Italic", "VNSerif-BoldItalic"):
        assert pdfmetrics.getFont(face).fontName == face
    from reportlab.lib.fonts import tt2ps

    assert tt2ps("VNSerif", 1, 1) == "VNSerif-BoldItalic"
    assert tt2ps("VNSans", 1, 0) == "VNSans-Bold"


# --------------------------------------------------------------------------- sample PDF

def test_sample_pdf_text_is_nfc_and_carries_the_key_facts(sample_pages: list[str]) -> None:
    raw = "\n".join(sample_pages)
    # ReportLab maps each precomposed glyph back to its code point: NFC in, NFC out.
    assert raw == unicodedata.normalize("NFC", raw)
    text = flat(raw)
    assert NAME in text
    assert TITLE in text
    assert "(Dùng cho người lao động đi làm việc ở nước ngoài theo hợp đồng)" in text
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập – Tự do – Hạnh phúc" in text
    assert "Số tiền đề nghị vay: 60.000.000 đồng (Bằng chữ: Sáu mươi triệu đồng)" in text
    assert "6,24 %/năm" in text
    assert "8,112 %/năm" in text
    assert "Tổng chi phí 64.500.000" in text
    assert "Chiềng Mung, ngày 05 tháng 12 năm 2025" in text
    assert "XÁC NHẬN CỦA UBND XÃ CHIỀNG MUNG" in text
    assert "TỔ TRƯỞNG TỔ TK&VV" in text and "NGƯỜI VAY VỐN" in text
    assert "Quàng Văn Thành" in text
    assert "bản Nà Ngần, xã Chiềng Mung, tỉnh Sơn La" in text
    assert "None" not in text


def test_every_font_is_embedded(sample_pdf: Path) -> None:
    out = subprocess.run([_tool("pdffonts"), str(sample_pdf)], check=True,
                         capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    assert rows, "pdffonts listed no fonts"
    for row in rows:
        # columns: name type encoding emb sub uni object-id; the name has no spaces
        emb = row.split()[-5]
        assert emb == "yes", f"font not embedded: {row}"
    assert any("NotoSerif" in row for row in rows)


def test_parts_start_on_their_own_pages_with_page_numbers(
    sample_pdf: Path, sample_pages: list[str]
) -> None:
    info = pdf_info(sample_pdf)
    assert info["Title"] == f"Hồ sơ vay vốn – {NAME}"
    total = int(info["Pages"])
    assert len(sample_pages) == total
    for number, page in enumerate(sample_pages, start=1):
        assert f"Trang {number}/{total}" in page
        assert "LV-2025-0142" in page  # the footer names the dossier on every sheet
    first_schedule = next(i for i, p in enumerate(sample_pages) if "LỊCH TRẢ NỢ DỰ KIẾN" in p)
    assert TITLE not in flat(sample_pages[first_schedule])
    assert "DANH MỤC HỒ SƠ KÈM THEO" in sample_pages[-1]
    assert "LỊCH TRẢ NỢ" not in sample_pages[-1]


def test_schedule_of_36_rows_spans_pages_with_header_repeated(
    sample_pages: list[str],
) -> None:
    data = sample_dossier_data()
    assert len(data.schedule) == 36
    pages_of_rows: dict[int, int] = {}
    for row in data.schedule:
        due = format_date_vi(row.due_date)
        hits = [i for i, p in enumerate(sample_pages)
                if re.search(rf"^\s*{row.number}\s+{re.escape(due)}\s", p, re.M)]
        assert len(hits) == 1, f"row {row.number} ({due}) found on pages {hits}"
        pages_of_rows[row.number] = hits[0]
    schedule_pages = sorted(set(pages_of_rows.values()))
    assert len(schedule_pages) > 1
    assert schedule_pages == list(range(schedule_pages[0], schedule_pages[-1] + 1))
    for i in schedule_pages:
        page = flat(sample_pages[i])
        assert "Kỳ Ngày đến hạn Gốc (đồng) Lãi (đồng) Tổng (đồng)" in page
        assert "Dư nợ còn lại" in page
    last = flat(sample_pages[schedule_pages[-1]])
    principal = sum(r.principal_vnd for r in data.schedule)
    interest = sum(r.interest_vnd for r in data.schedule)
    assert principal == 60_000_000
    assert (f"Cộng {format_vnd(principal)} {format_vnd(interest)} "
            f"{format_vnd(principal + interest)}") in last


def test_checklist_lists_every_attachment(sample_pdf: Path) -> None:
    last = flat(pdf_pages(sample_pdf, layout=False)[-1])
    assert "DANH MỤC HỒ SƠ KÈM THEO" in last
    for item in sample_dossier_data().attachments:
        assert item in last


# --------------------------------------------------------------------------- odd data

def test_decomposed_and_markup_text_prints_as_typed(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", NAME)
    assert nfd != NAME
    data = replace(
        sample_dossier_data(),
        borrower_name=nfd,
        agency="Công ty TNHH A & B <Việt Nam>",
        commune_name="Chiềng Mung",  # bare name: the form must still say "xã"
        village="Nà Ngần",
        needs_collateral=True,
    )
    pdf = tmp_path / "nfd.pdf"
    render_dossier(data, pdf)
    raw = "\n".join(pdf_pages(pdf))
    assert NAME in raw  # NFC code points straight out of the PDF, no normalising here
    text = flat(raw)
    assert "Công ty TNHH A & B <Việt Nam>" in text
    assert "bản Nà Ngần, xã Chiềng Mung, tỉnh Sơn La" in text
    assert "XÁC NHẬN CỦA UBND XÃ CHIỀNG MUNG" in text
    assert "Tài sản bảo đảm tiền vay" in text


def test_unknown_values_print_as_blanks_to_fill_by_hand() -> None:
    data = replace(
        sample_dossier_data(),
        birth_date=None,
        id_issued_on=None,
        application_date=None,
        phone="",
        ethnicity="",
        amount_words="sáu mươi triệu",
        schedule=[],
        attachments=[],
    )
    buffer = io.BytesIO()
    render_dossier(data, buffer)
    assert buffer.getvalue().startswith(b"%PDF-")
    assert b"%%EOF" in buffer.getvalue()[-64:]


def test_blanks_and_amount_words_in_text(tmp_path: Path) -> None:
    data = replace(sample_dossier_data(), birth_date=None, application_date=None,
                   phone="", amount_words="sáu mươi triệu", needs_collateral=False)
    pdf = tmp_path / "blank.pdf"
    render_dossier(data, pdf)
    text = flat("\n".join(pdf_pages(pdf)))
    assert "Ngày sinh: …../…../………" in text
    assert "Chiềng Mung, ngày .... tháng .... năm ......" in text
    assert "(Bằng chữ: Sáu mươi triệu đồng)" in text  # capitalised, "đồng" added
    assert "Tài sản bảo đảm" not in text
    assert "None" not in text
    assert [p.name for p in tmp_path.iterdir()] == ["blank.pdf"]  # no temp file left


def test_cost_lines_that_do_not_add_up_are_refused() -> None:
    data = replace(sample_dossier_data(), cost_lines=[CostLine("Phí dịch vụ", 1_000)])
    with pytest.raises(ValueError, match="add up"):
        render_dossier(data, io.BytesIO())


def test_sample_is_consistent() -> None:
    data: DossierData = sample_dossier_data()
    assert data.total_cost_vnd == sum(c.amount_vnd for c in data.cost_lines)
    assert data.requested_vnd <= data.total_cost_vnd
    assert data.schedule[-1].balance_after_vnd == 0
    assert data.overdue_rate_pct_year == Decimal("8.112")
    assert unicodedata.is_normalized("NFC", data.borrower_name)


def test_saving_into_a_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        render_dossier(sample_dossier_data(), tmp_path / "khong-co" / "ho-so.pdf")
    assert "khong-co" in err.value.vi and "does not exist" in err.value.en
