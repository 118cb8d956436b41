"""The templates clerks fill in: exact headers, dropdown lists, guide sheet, formats."""

from __future__ import annotations

import subprocess
import sys

import pytest
from openpyxl import load_workbook

from sonla_desktop.services.spreadsheets import make_template

HEADERS = {
    "workers": ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số điện thoại", "Dân tộc",
                "Xã/Phường", "Bản/Tổ dân phố", "Diện hộ", "Thị trường", "Ngành nghề",
                "Doanh nghiệp", "Trạng thái", "Ngày xuất cảnh", "Ngày về nước", "Ghi chú"],
    "loans": ["Số CCCD", "Đối tượng chính sách", "Số tiền vay", "Ngày giải ngân",
              "Thời hạn (tháng)", "Lãi suất (%/năm)", "Đã trả gốc", "Ghi chú",
              "Chi phí trước xuất cảnh", "Nhà nước hỗ trợ"],
    "attendance": ["Họ và tên", "Năm sinh", "Giới tính", "Số điện thoại", "Bản/Tổ dân phố",
                   "Thị trường quan tâm"],
}
TITLES = {"workers": "Người lao động", "loans": "Khoản vay", "attendance": "Điểm danh"}


def _lists(wb, ws) -> dict[str, list[str]]:
    """Column header -> the values its dropdown offers."""
    lists = wb["Danh mục"]
    out = {}
    for dv in ws.data_validations.dataValidation:
        column = str(dv.sqref).split(":")[0].rstrip("0123456789")
        header = ws[f"{column}1"].value
        ref = dv.formula1.split("!")[1].replace("$", "")
        out[header] = [c.value for row in lists[ref] for c in row]
    return out


@pytest.mark.parametrize("kind", list(HEADERS))
def test_template_headers_exactly_in_order(ctx, tmp_path, kind):
    path = tmp_path / f"{kind}.xlsx"
    make_template(ctx, kind, path)
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == [TITLES[kind], "Hướng dẫn"]
    assert wb["Danh mục"].sheet_state == "hidden"
    ws = wb[TITLES[kind]]
    assert [c.value for c in ws[1]] == HEADERS[kind]
    assert ws.max_row == 1  # no example rows that would be imported by mistake
    assert ws.freeze_panes == "A2"
    assert all(c.font.b for c in ws[1])
    guide = [row[0] for row in wb["Hướng dẫn"].iter_rows(values_only=True) if row[0]]
    for header in HEADERS[kind]:
        assert header in guide


def test_workers_template_dropdowns_and_formats(ctx, tmp_path):
    make_template(ctx, "workers", tmp_path / "w.xlsx")
    wb = load_workbook(tmp_path / "w.xlsx")
    ws = wb["Người lao động"]
    lists = _lists(wb, ws)
    assert lists["Giới tính"] == ["Nam", "Nữ"]
    assert lists["Diện hộ"] == ["Hộ nghèo", "Hộ cận nghèo", "Không"]
    assert lists["Trạng thái"] == ["Đăng ký", "Đào tạo", "Đã xuất cảnh", "Đã về nước", "Huỷ"]
    assert len(lists["Xã/Phường"]) == 75 and "Chiềng Cơi" in lists["Xã/Phường"]
    assert lists["Dân tộc"][:3] and "Thái" in lists["Dân tộc"] and len(lists["Dân tộc"]) == 54
    assert "Nhật Bản" in lists["Thị trường"]
    # a value typed outside the list is warned about, not refused (codes are accepted too)
    assert {dv.errorStyle for dv in ws.data_validations.dataValidation} == {"warning"}
    assert ws.column_dimensions["D"].number_format == "@"  # CCCD keeps its leading zero
    assert ws.column_dimensions["B"].number_format == "DD/MM/YYYY"


def test_loans_template_lists_the_policy_groups(ctx, tmp_path):
    make_template(ctx, "loans", tmp_path / "l.xlsx")
    wb = load_workbook(tmp_path / "l.xlsx")
    lists = _lists(wb, wb["Khoản vay"])
    assert lists["Đối tượng chính sách"] == [
        "Hộ nghèo", "Hộ cận nghèo", "Dân tộc thiểu số", "Thu hồi đất",
        "Thân nhân người có công", "Vùng nghèo", "Khác"]
    assert wb["Khoản vay"].column_dimensions["C"].number_format == "#,##0"


def test_cli_template_writes_the_file(db, db_path, tmp_path):
    out = tmp_path / "mau.xlsx"
    proc = subprocess.run([sys.executable, "-m", "sonla_desktop", "--db", str(db_path),
                           "template", "attendance", "-o", str(out)],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    assert [c.value for c in load_workbook(out)["Điểm danh"][1]] == HEADERS["attendance"]


def test_each_guide_speaks_of_its_own_sheet(ctx, tmp_path):
    from sonla_desktop.reports.excel_templates import GUIDE_SHEET

    def guide(kind: str) -> str:
        make_template(ctx, kind, tmp_path / f"{kind}.xlsx")
        ws = load_workbook(tmp_path / f"{kind}.xlsx")[GUIDE_SHEET]
        return " ".join(str(c.value) for row in ws.iter_rows(max_row=6) for c in row if c.value)

    assert "CCCD" not in guide("targets")  # targets have nothing to do with ID updates
    assert "chỉ tiêu" in guide("targets")
    assert "CCCD" in guide("workers")
