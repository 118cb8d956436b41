"""Attendance sheet and flyer PDFs as a printer and a phone camera see them."""

from __future__ import annotations

import subprocess
from dataclasses import asdict
from datetime import date

import pytest
import zxingcpp
from PIL import Image

from sonla_desktop.domain.loan_rules import BorrowerFacts, decide_rate
from sonla_desktop.reports.attendance_sheet import render_attendance_sheet
from sonla_desktop.reports.flyer import render_flyer
from sonla_desktop.reports.pdf_common import format_decimal_vi
from sonla_desktop.services.attendance import register_attendee
from sonla_desktop.services.event_documents import gather_attendance_sheet
from sonla_desktop.services.events import create_event
from sonla_desktop.services.flyers import (
    gather_flyer_data,
    get_flyer_settings,
    save_flyer_settings,
)
from sonla_desktop.services.loan_rules import add_rule, loan_rules
from tests.conftest import hub_for_a_moment

CONTACTS = {"office_name": "UBND phường Chiềng Cơi", "office_phone": "0212 3852 123",
            "jobs_website": "https://vieclam.example.vn/son-la", "zalo": "0912 345 678",
            "office_address": "Tổ 5, phường Chiềng Cơi"}


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def _flat(pdf) -> str:
    """The text in reading order with line breaks as spaces (sentences wrap in columns)."""
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(raw.split())


def _page_size(pdf) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    line = next(x for x in info.splitlines() if x.startswith("Page size:"))
    w, _, h = line.split(":")[1].split()[:3]
    return float(w), float(h)


def _qr_codes(pdf, tmp_path) -> list[str]:
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(prefix)], check=True)
    found = []
    for png in sorted(tmp_path.glob("page*.png")):
        found += [b.text for b in zxingcpp.read_barcodes(Image.open(png))
                  if b.format == zxingcpp.BarcodeFormat.QRCode]
    return found


@pytest.fixture
def event(ctx):
    eid = create_event(ctx, {"event_date": "05/12/2025", "commune_code": "03670",
                             "place": "Nhà văn hoá bản Hẹo", "topic": "Tư vấn đi Nhật Bản",
                             "markets": "JP", "organiser": "UBND phường Chiềng Cơi"})
    for name, sex, phone in (("Lò Văn Ơn", "Nam", "0912345678"),
                             ("Cầm Thị Hoa", "Nữ", "0987654321"),
                             ("Nguyễn Văn An", "Nam", "")):
        register_attendee(ctx, eid, {"full_name": name, "birth_year": 1999, "sex": sex,
                                     "phone": phone, "village": "Bản Hẹo",
                                     "interest_market": "JP"})
    return eid


def test_attendance_sheet_lists_people_in_name_order_then_blank_rows(ctx, event, tmp_path):
    out = tmp_path / "sheet.pdf"
    render_attendance_sheet(gather_attendance_sheet(ctx, event, blank_rows=5), out)
    w, h = _page_size(out)
    assert w > h  # landscape
    text = _text(out)
    assert "DANH SÁCH NGƯỜI THAM DỰ HỘI NGHỊ TƯ VẤN" in text
    assert "UBND PHƯỜNG CHIỀNG CƠI" in text and "05/12/2025" in text
    assert "Nhà văn hoá bản Hẹo" in text and "Ký tên" in text
    # Vietnamese order is by given name: An, Hoa, Ơn.
    assert text.index("Nguyễn Văn An") < text.index("Cầm Thị Hoa") < text.index("Lò Văn Ơn")
    assert "0912 345 678" in text and "Nhật Bản" in text
    numbers = [line.split()[0] for line in text.splitlines()
               if line.split() and line.split()[0].isdigit() and len(line.split()[0]) < 3]
    assert numbers == [str(i) for i in range(1, 9)]  # 3 people + 5 blank rows
    assert "Tổng số người đã đăng ký: 3 (nam: 2, nữ: 1)" in text
    assert "Trang 1/1" in text


def test_long_attendance_sheets_repeat_the_header_and_number_the_pages(ctx, event, tmp_path):
    out = tmp_path / "sheet.pdf"
    render_attendance_sheet(gather_attendance_sheet(ctx, event, blank_rows=60), out)
    text = _text(out)
    pages = text.split("\f")
    assert "Trang 1/" in text and f"Trang {len(pages) - 1}/{len(pages) - 1}" in text
    assert all("Họ và tên" in p for p in pages if p.strip())


def test_flyer_prints_the_rate_in_force_today_from_policy_data(ctx, tmp_path):
    save_flyer_settings(ctx, CONTACTS)
    today = date.today()
    with ctx.db.session() as s:
        rate = decide_rate(loan_rules(s), BorrowerFacts("poor", "03", False), today)
    out = tmp_path / "flyer.pdf"
    render_flyer(gather_flyer_data(ctx, market="JP"), out)
    text = _flat(out)
    assert f"{format_decimal_vi(rate.rate_pct_year)}%/năm" in text
    assert "Nhật Bản" in text and "Luật 69/2020/QH14" in text
    assert "100% chi phí" in text


def test_a_2026_flyer_quotes_who_pays_what_and_the_cap_as_decree_338_states_it(ctx, tmp_path):
    day = date(2026, 3, 2)
    out = tmp_path / "flyer.pdf"
    render_flyer(gather_flyer_data(ctx, market="JP", as_of=day), out)
    text = _flat(out)
    # Not 6,24% for everyone: that is the rate of the borrowers the decree names.
    assert ("người dân tộc thiểu số và hộ nghèo, hoặc người Kinh và hộ nghèo và sống ở xã "
            "nghèo / vùng đặc biệt khó khăn: 6,24%/năm (0,52%/tháng)") in text
    assert "người lao động khác: 7,9248%/năm" in text
    assert "áp dụng từ 01/01/2026" in text
    # (the two columns interleave in the extracted text, so the cap is checked in two parts)
    assert "Vay tối đa 100% chi phí trước khi xuất cảnh" in text
    assert "trừ phần ngân sách nhà nước hỗ trợ (NĐ 338/2025/NĐ-CP, Điều 12)" in text
    assert "Vay đến 200 triệu đồng không phải thế chấp" in text

    # A new Prime Minister's decision on the poor-household rate: one new row of the
    # series, and both rates that refer to it follow (5.4 and 127% of it, 6.858).
    with hub_for_a_moment(ctx):  # loan rules are the hub's to set
        add_rule(ctx, {"key": "poor_household_rate", "kind": "series", "valid_from": "01/03/2026",
                       "value_kind": "percent_year", "value": "5,4",
                       "legal_basis": "QĐ thử nghiệm", "label_vi": "lãi suất cho vay hộ nghèo"})
    render_flyer(gather_flyer_data(ctx, market="JP", as_of=day), out)
    text = _flat(out)
    assert "khó khăn: 5,40%/năm (0,45%/tháng)" in text
    assert "người lao động khác: 6,858%/năm" in text
    assert "áp dụng từ 01/03/2026" in text


def test_a_2025_flyer_quotes_the_priority_rate_and_the_job_creation_rate(ctx, tmp_path):
    out = tmp_path / "flyer.pdf"
    render_flyer(gather_flyer_data(ctx, market="TW", as_of=date(2025, 11, 20)), out)
    text = _flat(out)
    assert ("hộ nghèo hoặc hộ cận nghèo hoặc người dân tộc thiểu số hoặc hộ bị thu hồi đất "
            "nông nghiệp hoặc thân nhân người có công hoặc sống ở xã nghèo / vùng đặc biệt khó "
            "khăn: 6,60%/năm (0,55%/tháng)") in text
    assert "người lao động khác: 7,92%/năm (0,66%/tháng)" in text
    assert "tối đa 100% chi phí ghi trong hợp đồng" in text


def test_flyer_qr_codes_decode_to_the_configured_contacts(ctx, tmp_path):
    save_flyer_settings(ctx, CONTACTS)
    out = tmp_path / "flyer.pdf"
    render_flyer(gather_flyer_data(ctx, market="KR"), out)
    assert sorted(_qr_codes(out, tmp_path)) == sorted(
        ["tel:02123852123", "https://vieclam.example.vn/son-la", "https://zalo.me/0912345678"])


def test_two_a5_flyers_per_a4_sheet_both_scan(ctx, event, tmp_path):
    save_flyer_settings(ctx, dict(CONTACTS, zalo="https://zalo.me/g/abcdef123"))
    out = tmp_path / "a5.pdf"
    render_flyer(gather_flyer_data(ctx, event_id=event, layout="a5x2"), out)
    w, h = _page_size(out)
    assert w > h and round(w) == 842  # A4 landscape, cut into two A5
    codes = _qr_codes(out, tmp_path)
    assert sorted(codes) == sorted(["tel:02123852123", "https://vieclam.example.vn/son-la",
                                    "https://zalo.me/g/abcdef123"] * 2)
    text = _flat(out)
    assert text.count("Hội nghị tư vấn ngày 05/12/2025") == 2


def test_flyer_without_contacts_has_no_empty_qr_codes(ctx, tmp_path):
    # An office that cleared even the shipped jobs website (issue 13) gets no QR code.
    save_flyer_settings(ctx, dict(asdict(get_flyer_settings(ctx)), jobs_website=""))
    out = tmp_path / "flyer.pdf"
    render_flyer(gather_flyer_data(ctx), out)
    assert _qr_codes(out, tmp_path) == []
    text = _flat(out)
    assert "Nhật Bản" in text and "Đài Loan" in text and "Hàn Quốc" in text


def test_the_flyer_says_phuong_for_a_ward_office(ctx, tmp_path):
    # Chiềng Cơi is a ward: "Gọi điện cho phường", never the fixed "xã" (issue 17, item 4).
    save_flyer_settings(ctx, CONTACTS)
    out = tmp_path / "flyer.pdf"
    render_flyer(gather_flyer_data(ctx, market="KR"), out)
    text = _flat(out)
    assert "Gọi điện cho phường" in text and "UBND phường xác nhận" in text
    assert "cho xã" not in text and "UBND xã" not in text and "cán bộ xã" not in text


def test_the_default_note_names_the_offices_own_unit(ctx, tmp_path):
    # The shipped note said "UBND xã/phường" on every office's flyer (issue 17, item 4).
    out = tmp_path / "flyer.pdf"
    render_flyer(gather_flyer_data(ctx, market="KR"), out)
    text = _flat(out)
    assert "Tư vấn miễn phí tại UBND phường vào giờ hành chính" in text
    assert "xã/phường" not in text
