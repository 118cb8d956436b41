"""Issue #20: a commune office cannot create a worker of a commune it does not serve.

Before: ``workers add --commune`` of another commune (and the form, and an Excel row) was
accepted at a commune office; the record never travelled (the exporter sends the office's own
communes only, and peers refuse such a record), so hub and commune disagreed for good without
a word. Now every door refuses it with the same sentence naming the field, and writes nothing.
The test database is the office of Phường Chiềng Cơi (03670); 03679 is Phường Chiềng Sinh.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sonla_desktop.cli import main
from sonla_desktop.errors import ImportRowsError, ValidationError
from sonla_desktop.models import Worker
from sonla_desktop.services.workers import create_worker
from tests.conftest import dump_database, make_hub, serve_communes
from tests.sync_db.sync_helpers import COMMUNE_A, COMMUNE_B, person

OWN, OTHER = COMMUNE_A, COMMUNE_B


def workers(db) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Worker)))


def test_the_service_refuses_a_worker_of_another_commune_naming_the_field(ctx, db):
    before = dump_database(db)
    with pytest.raises(ValidationError) as err:
        create_worker(ctx, person(OTHER))
    assert err.value.field == "commune_code"
    assert "Xã/phường" in err.value.vi and OTHER in err.value.vi and OWN in err.value.vi
    assert "phạm vi" in err.value.vi and "outside this office's scope" in err.value.en
    assert dump_database(db) == before
    # Inside its scope the same person is created as before.
    create_worker(ctx, person(OWN))
    assert workers(db) == 1


def test_the_form_shows_the_refusal_with_the_other_field_messages(ctx, db):
    """The form lists every field's message at once (``all_errors``): the commune's is one."""
    with pytest.raises(ValidationError) as err:
        create_worker(ctx, person(OTHER, full_name=""))
    assert set(err.value.all_errors) == {"full_name", "commune_code"}
    assert workers(db) == 0


def test_the_hub_still_creates_workers_of_any_commune(ctx, db):
    make_hub(db)
    ctx.reset_node()
    create_worker(ctx, person(OTHER))
    assert workers(db) == 1


def _book(path, rows):
    """A list the way a clerk types one: a header row, then people."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Người lao động"
    ws.append(["Họ và tên", "Giới tính", "Xã/Phường", "Ngày sinh"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


ROWS = [["Lò Văn Ơn", "Nam", "Chiềng Cơi", "01/02/1990"],
        ["Quàng Thị Hương", "Nữ", "Chiềng Sinh", "03/04/1995"]]


def test_an_excel_row_of_another_commune_is_refused_by_row_and_column(ctx, db, tmp_path):
    from sonla_desktop.services.excel_import import import_workbook

    before = dump_database(db)
    with pytest.raises(ImportRowsError) as info:
        import_workbook(ctx, _book(tmp_path / "nguoi-lao-dong.xlsx", ROWS))
    [issue] = info.value.errors
    assert (issue.row, issue.column) == (3, "Xã/Phường")
    assert "phạm vi" in issue.vi and OTHER in issue.vi
    assert dump_database(db) == before  # the good row waits for the file to be mended


def test_import_excel_on_the_command_line_exits_1_and_writes_nothing(db, db_path, tmp_path,
                                                                     capsys):
    book = _book(tmp_path / "nguoi-lao-dong.xlsx", ROWS)
    before = dump_database(db)
    db.dispose()
    assert main(["--db", str(db_path), "import-excel", str(book)]) == 1
    out = capsys.readouterr()
    assert "Xã/Phường" in out.err + out.out and "phạm vi" in out.err + out.out
    assert dump_database(db) == before
    assert main(["--db", str(db_path), "import-excel",
                 str(_book(tmp_path / "dung.xlsx", ROWS[:1]))]) == 0
    assert workers(db) == 1


def test_a_new_person_registered_at_another_communes_conference_is_refused(ctx, db):
    """The door of a conference: a new attendee becomes a worker of the conference's commune,
    so at a conference held for another commune the same rule refuses them."""
    from sonla_desktop.services.attendance import register_attendee
    from sonla_desktop.services.events import create_event

    # Held when the office still served that commune too (a conference of another commune
    # can no longer be created here: see the next test).
    serve_communes(ctx, OWN, OTHER)
    eid = create_event(ctx, {"event_date": "05/12/2025", "commune_code": OTHER,
                             "place": "Nhà văn hoá", "topic": "Tư vấn"})
    serve_communes(ctx, OWN)
    before = dump_database(db)
    with pytest.raises(ValidationError) as err:
        register_attendee(ctx, eid, {"full_name": "Lò Văn Ơn", "birth_year": "1998",
                                     "sex": "Nam", "village": "Bản Hẹo",
                                     "consent_method": "verbal"})
    assert err.value.field == "commune_code" and "phạm vi" in err.value.vi
    assert dump_database(db) == before


def test_a_conference_of_another_commune_is_refused_at_a_commune_office(ctx, db):
    """Like a worker, a conference held here for another commune would never travel."""
    from sonla_desktop.services.events import create_event, update_event

    before = dump_database(db)
    with pytest.raises(ValidationError) as err:
        create_event(ctx, {"event_date": "05/12/2025", "commune_code": OTHER,
                           "place": "Nhà văn hoá", "topic": "Tư vấn"})
    assert err.value.field == "commune_code" and "Hội nghị" in err.value.vi
    assert dump_database(db) == before
    eid = create_event(ctx, {"event_date": "05/12/2025", "commune_code": OWN,
                             "place": "Nhà văn hoá", "topic": "Tư vấn"})
    before = dump_database(db)
    with pytest.raises(ValidationError):
        update_event(ctx, eid, {"event_date": "05/12/2025", "commune_code": OTHER,
                                "place": "Nhà văn hoá", "topic": "Tư vấn"})
    assert dump_database(db) == before
