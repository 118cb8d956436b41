"""Issue #12 items 4 and 5: control characters, over-long text and formulas.

A place name with a bell character used to be stored and then crash ``export-excel`` for
the whole database; a 1 MB village passed the import; user text starting with "=" was
written into exports as a live formula.
"""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import update

from sonla_desktop.domain.text import bad_character, clean_multiline, clean_text
from sonla_desktop.errors import ImportRowsError, ValidationError
from sonla_desktop.models.worker import Worker
from sonla_desktop.reports.follow_up import write_follow_up
from sonla_desktop.services.events import FollowUpRow
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.spreadsheets import export_workbook
from sonla_desktop.services.workers import create_worker
from tests.conftest import dump_database

WORKER = {"full_name": "Lò Văn An", "sex": "M", "commune_code": "03670",
          "birth_date": date(1995, 3, 4)}


def _book(path, village: str, notes: str = "") -> str:
    """A workers sheet whose row 3 has ``village``: written as raw XML after openpyxl,
    which refuses control characters itself (Excel and other tools do not)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Người lao động"
    ws.append(["Họ và tên", "Giới tính", "Xã/Phường", "Bản/Tổ dân phố", "Ghi chú"])
    ws.append(["Lò Văn An", "Nam", "03670", "Bản Mé", ""])
    ws.append(["Cầm Thị Duyên", "Nữ", "03670", "VILLAGE-HERE", notes])
    wb.save(path)
    escaped = village.replace("&", "&amp;").replace("<", "&lt;")
    # XML 1.0 cannot hold U+0007 even escaped; Excel writes it as _x0007_ (ECMA-376).
    escaped = re.sub("[\x00-\x1f]", lambda m: f"_x{ord(m.group()):04X}_", escaped)
    _replace_in_zip(path, b"VILLAGE-HERE", escaped.encode())
    return str(path)


def _replace_in_zip(path, old: bytes, new: bytes) -> None:
    with zipfile.ZipFile(path) as zf:
        parts = [(i, zf.read(i.filename)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in parts:
            zf.writestr(info.filename, data.replace(old, new))


def _sheet_xml(path) -> str:
    with zipfile.ZipFile(path) as zf:
        return "".join(zf.read(n).decode() for n in zf.namelist()
                       if n.startswith("xl/worksheets/sheet"))


def test_bidi_overrides_and_zero_width_joiners_are_removed():
    assert clean_text("Bản\u202eMé\u202c") == "Bản Mé".replace(" ", "")
    assert clean_text("Lò\u200d Văn\u200f An") == "Lò Văn An"
    assert clean_multiline("dòng\u2066 một\nhai\u00ad") == "dòng một\nhai"
    assert bad_character("Bản\x07Mé") == "\x07"
    assert bad_character("Bản Mé") is None


def test_import_refuses_a_control_character_naming_row_and_column(ctx, db, tmp_path):
    path = _book(tmp_path / "bell.xlsx", "Bản\x07Mé")
    before = dump_database(db)
    with pytest.raises(ImportRowsError) as info:
        import_workbook(ctx, path)
    assert dump_database(db) == before
    (issue,) = info.value.errors
    assert issue.row == 3 and issue.column == "Bản/Tổ dân phố"
    assert "ký tự điều khiển" in issue.vi and "U+0007" in issue.vi


def test_import_refuses_a_megabyte_village_naming_row_and_column(ctx, db, tmp_path):
    path = _book(tmp_path / "long.xlsx", "Bản " + "M" * 30_000)
    before = dump_database(db)
    with pytest.raises(ImportRowsError) as info:
        import_workbook(ctx, path)
    assert dump_database(db) == before
    (issue,) = info.value.errors
    assert issue.row == 3 and issue.column == "Bản/Tổ dân phố"
    assert "30.004 ký tự" in issue.vi  # Vietnamese digit grouping


def test_import_refuses_a_village_longer_than_its_column(ctx, db, tmp_path):
    path = _book(tmp_path / "long.xlsx", "Bản " + "M" * 200)
    with pytest.raises(ImportRowsError) as info:
        import_workbook(ctx, path)
    (issue,) = info.value.errors
    assert issue.row == 3 and "tối đa 120 ký tự" in issue.vi


def test_the_form_refuses_control_characters_and_over_long_text(ctx, db):
    before = dump_database(db)
    with pytest.raises(ValidationError) as info:
        create_worker(ctx, {**WORKER, "village": "Bản\x1bMé"})
    assert info.value.field == "village"
    with pytest.raises(ValidationError) as info:
        create_worker(ctx, {**WORKER, "occupation": "x" * 121})
    assert info.value.field == "occupation"
    with pytest.raises(ValidationError) as info:
        create_worker(ctx, {**WORKER, "notes": "n" * 40_000})
    assert info.value.field == "notes"
    assert dump_database(db) == before


def test_export_survives_a_control_character_already_in_an_old_database(ctx, db, tmp_path):
    worker_id = create_worker(ctx, {**WORKER, "village": "Bản Mé"})
    with db.session() as s, s.begin():  # what an old version let through
        s.execute(update(Worker).where(Worker.id == worker_id).values(village="Bản\x07Mé"))
    out = tmp_path / "export.xlsx"
    counts = export_workbook(ctx, out)
    assert counts["Người lao động"] == 1
    xml = _sheet_xml(out)
    assert "BảnMé" in xml and "\x07" not in xml


def test_export_writes_formula_looking_text_as_text(ctx, db, tmp_path):
    create_worker(ctx, {**WORKER, "village": "=HYPERLINK(\"http://x\",\"bấm\")",
                        "occupation": "@SUM(A1)", "notes": "=1+2\n-3"})
    out = tmp_path / "export.xlsx"
    export_workbook(ctx, out)
    xml = _sheet_xml(out)
    assert "<f>" not in xml and "<f " not in xml
    cell = re.search(r'<c r="[A-Z]+2"[^>]*t="inlineStr"[^>]*><is><t>=HYPERLINK', xml)
    assert cell is not None


def _follow_up_row(village: str) -> FollowUpRow:
    fields = FollowUpRow.__dataclass_fields__
    values = {name: "" for name in fields}
    values.update(full_name="Lò Văn An", birth_year=1995, sex="M", phone="0912345678",
                  village=village, commune_name="Chiềng Cơi", interest_market=None,
                  event_date=date(2026, 5, 1), event_topic="+84 lao động Hàn Quốc")
    return FollowUpRow(**{k: v for k, v in values.items() if k in fields})


def test_follow_up_csv_prefixes_formula_cells(tmp_path):
    out = tmp_path / "follow.csv"
    write_follow_up([_follow_up_row("=cmd|' /C calc'!A0")], out)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][5] == "'=cmd|' /C calc'!A0"
    assert rows[1][9] == "'+84 lao động Hàn Quốc"
    assert rows[1][1] == "Lò Văn An"


def test_follow_up_xlsx_has_no_formula(tmp_path):
    out = tmp_path / "follow.xlsx"
    write_follow_up([_follow_up_row("=1+1\x07")], out)
    xml = _sheet_xml(out)
    assert "<f>" not in xml and "=1+1" in xml and "\x07" not in xml


def test_event_registration_and_events_refuse_control_characters(ctx, db):
    from sonla_desktop.services.attendance import register_attendee
    from sonla_desktop.services.events import create_event

    event = {"event_date": "05/12/2025", "commune_code": "03670",
             "place": "Nhà văn hoá bản Hẹo", "topic": "Tư vấn đi Nhật Bản"}
    with pytest.raises(ValidationError) as info:
        create_event(ctx, {**event, "place": "Nhà văn hoá\x07"})
    assert info.value.field == "place"
    eid = create_event(ctx, event)
    person = {"full_name": "Lò Văn Ơn", "birth_year": "1998", "sex": "Nam",
              "village": "Bản\x00Hẹo", "consent_method": "verbal"}
    with pytest.raises(ValidationError) as info:
        register_attendee(ctx, eid, person)  # a new person
    assert info.value.field == "village"
    worker_id = create_worker(ctx, {**WORKER, "village": ""})
    before = dump_database(db)
    with pytest.raises(ValidationError):
        register_attendee(ctx, eid, person, worker_id=worker_id)  # a linked person
    assert dump_database(db) == before
