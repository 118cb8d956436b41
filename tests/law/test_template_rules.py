"""Issue 13 item 5: every field an import can require has a column in its template.

The required fields are not listed here by hand: they are what the rules demand. For the
workers and attendance sheets the domain rules (``clean_worker``, ``clean_door_person``)
say which fields an empty row lacks for each status; for the loans and targets sheets the
import's own sheet handlers are run on a row filled in as far as a clerk would start. Every
field so demanded, and every column a sheet spec marks required, must be a column of the
template the clerk downloads (``reports/excel_templates``)."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from sonla_desktop.domain import sheets
from sonla_desktop.domain.events import clean_door_person
from sonla_desktop.domain.worker_rules import WORKER_STATUSES, ReferenceCodes, clean_worker
from sonla_desktop.errors import ImportRowsError
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.spreadsheets import make_template
from sonla_desktop.services.workers import create_worker
from tests.conftest import make_hub

REFS = ReferenceCodes(frozenset({"03670"}), frozenset({"03"}), frozenset({"JP"}))


def _template(ctx, tmp_path, kind: str):
    path = tmp_path / f"{kind}.xlsx"
    make_template(ctx, kind, path)
    wb = load_workbook(path)
    ws = wb[sheets.TEMPLATES[kind].title]
    return path, wb, ws, {c.value: c.column for c in ws[1]}


def _fields_of_headers(spec: sheets.SheetSpec, headers) -> set[str]:
    by_header = {c.header: c.field for c in spec.columns}
    return {by_header[h] for h in headers}


def rule_demands_workers() -> set[str]:
    demanded: set[str] = set()
    for status in WORKER_STATUSES:
        _, errors = clean_worker({"status": status}, REFS)
        demanded |= set(errors)
    return demanded


def rule_demands_attendance() -> set[str]:
    _, errors = clean_door_person({}, REFS, "03670")
    return set(errors)


@pytest.mark.parametrize("kind", list(sheets.TEMPLATES))
def test_columns_a_sheet_spec_requires_are_in_its_template(ctx, tmp_path, kind):
    spec = sheets.TEMPLATES[kind]
    _, _, _, headers = _template(ctx, tmp_path, kind)
    for column in spec.columns:
        if column.required:
            assert column.header in headers, (kind, column.header)


@pytest.mark.parametrize("kind, demanded", [("workers", rule_demands_workers),
                                            ("attendance", rule_demands_attendance)])
def test_fields_the_domain_rules_demand_are_in_the_template(ctx, tmp_path, kind, demanded):
    spec = sheets.TEMPLATES[kind]
    _, _, _, headers = _template(ctx, tmp_path, kind)
    fields = demanded()
    # Sanity: the derivation sees the conditional requirements, not just the obvious ones.
    if kind == "workers":
        assert {"departure_date", "return_date", "full_name", "commune_code"} <= fields
    missing = sorted(f for f in fields if f not in _fields_of_headers(spec, headers))
    assert missing == [], f"the {kind} template lacks columns for {missing}"


def _issue_columns(ctx, path) -> set[str]:
    with pytest.raises(ImportRowsError) as info:
        import_workbook(ctx, path, dry_run=True)
    return {issue.column for issue in info.value.errors}


def test_fields_the_loans_import_demands_are_in_the_template(ctx, tmp_path):
    create_worker(ctx, {"full_name": "Lò Văn Ơn", "birth_date": "02/01/1998", "sex": "Nam",
                        "national_id": "014098001234", "commune_code": "03670"})
    path, wb, ws, headers = _template(ctx, tmp_path, "loans")
    ws.cell(2, headers["Số CCCD"], "014098001234")  # a clerk starts with the borrower
    wb.save(path)
    columns = _issue_columns(ctx, path)
    assert {"Đối tượng chính sách", "Số tiền vay", "Ngày giải ngân",
            "Thời hạn (tháng)"} <= columns
    assert columns <= set(headers)


def test_fields_the_targets_import_demands_are_in_the_template(ctx, tmp_path):
    make_hub(ctx.db)  # targets are imported at the hub (sync.ownership)
    ctx.reset_node()
    path, wb, ws, headers = _template(ctx, tmp_path, "targets")
    ws.cell(2, headers["Năm"]).value = None  # the prefilled year removed, a count typed
    ws.cell(2, headers["Chỉ tiêu xuất cảnh"], 12)
    wb.save(path)
    columns = _issue_columns(ctx, path)
    assert columns == {"Năm"} and columns <= set(headers)


def test_a_template_filled_for_every_status_imports(ctx, tmp_path):
    """What the clerk does: one person per status, only the template's own columns."""
    path, wb, ws, headers = _template(ctx, tmp_path, "workers")
    people = [("Lò Văn Một", "Đăng ký", None, None), ("Cầm Văn Hai", "Đào tạo", None, None),
              ("Hà Văn Ba", "Đã xuất cảnh", date(2025, 3, 1), None),
              ("Vì Văn Bốn", "Đã về nước", date(2022, 3, 1), date(2025, 3, 1)),
              ("Quàng Văn Năm", "Huỷ", None, None)]
    for r, (name, status, left, back) in enumerate(people, 2):
        ws.cell(r, headers["Họ và tên"], name)
        ws.cell(r, headers["Ngày sinh"], date(1995, 5, r))
        ws.cell(r, headers["Giới tính"], "Nam")
        ws.cell(r, headers["Xã/Phường"], "Chiềng Cơi")
        ws.cell(r, headers["Trạng thái"], status)
        ws.cell(r, headers["Ngày xuất cảnh"], left)
        if back is not None:
            ws.cell(r, headers["Ngày về nước"], back)
    wb.save(path)
    result = import_workbook(ctx, path)
    assert result.counts.get("workers_created") == 5
