"""A large Excel import writes workers with the search index's triggers dropped and rebuilds
the index once: the imported people must be found as before, by words without diacritics,
and the triggers must be back (or never gone) whatever happens."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import event, text
from workbook_factory import COMMUNES, fill_workbook, make_people

from sonla_desktop.errors import ImportRowsError
from sonla_desktop.services.excel_import import import_workbook, writer
from sonla_desktop.services.spreadsheets import make_template
from sonla_desktop.services.workers import WorkerFilter, list_workers
from tests.conftest import dump_database, serve_communes

pytestmark = pytest.mark.sqlite_only("the FTS5 worker index and its triggers exist on SQLite only")

TODAY = date(2025, 12, 31)


def _triggers(ctx) -> list[tuple[str, str]]:
    with ctx.db.engine.connect() as conn:
        return list(conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND name LIKE 'worker_fts_%' ORDER BY name"))


def _statements(ctx) -> list[str]:
    """Every SQL statement the database is sent from now on (an observer, nothing changed)."""
    seen: list[str] = []
    event.listen(ctx.db.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *rest: seen.append(statement))
    return seen


def _found(ctx, words: str) -> set[str]:
    """CCCDs of the workers the list shows for a search."""
    return {r.national_id for r in list_workers(ctx, WorkerFilter(search=words), limit=1000)}


def _expected(people, words: str) -> set[str]:
    """Every word searched starts a word of the person's name (written here without marks)."""
    return {p.nid for p in people
            if all(any(w.startswith(t) for w in _plain(p.full_name).split())
                   for t in words.split())}


def _plain(name: str) -> str:
    return name.lower().translate(_MARKLESS)


_MARKLESS = str.maketrans(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
    "aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy")


def _index_is_sound(ctx) -> None:
    with ctx.db.engine.begin() as conn:  # raises when the index disagrees with the table
        conn.exec_driver_sql("INSERT INTO worker_fts(worker_fts) VALUES('integrity-check')")


@pytest.fixture
def book(ctx, tmp_path):
    make_template(ctx, "workers", tmp_path / "w.xlsx")
    make_template(ctx, "loans", tmp_path / "l.xlsx")
    people, loans = make_people(60, seed=17)
    serve_communes(ctx, *COMMUNES)  # one office for the three communes of the list
    path = tmp_path / "list.xlsx"
    fill_workbook(tmp_path / "w.xlsx", tmp_path / "l.xlsx", path, people, loans)
    return path, people


def test_a_large_import_rebuilds_the_index_and_finds_people_without_diacritics(
        ctx, book, monkeypatch):
    monkeypatch.setattr(writer, "BULK_WORKERS", 1)  # the real threshold is 1,000 people
    path, people = book
    before = _triggers(ctx)
    assert len(before) == 3
    sql = _statements(ctx)

    result = import_workbook(ctx, path, today=TODAY)

    assert result.counts["workers_created"] == len(people)
    assert any(s.startswith('DROP TRIGGER "worker_fts_') for s in sql), "bulk path taken"
    assert any("worker_fts(worker_fts) VALUES('rebuild')" in s for s in sql)
    assert _triggers(ctx) == before
    _index_is_sound(ctx)
    someone = people[0]
    assert someone.nid in _found(ctx, _plain(someone.full_name))
    assert _found(ctx, someone.nid) == {someone.nid}
    assert _found(ctx, someone.phone) == {someone.nid}
    for words in ("luong", "lo thi", "giang a", "cam van", "quang"):
        assert _found(ctx, words) == _expected(people, words), words


def test_workers_changed_by_a_second_large_import_are_found_by_their_new_name(
        ctx, book, tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "BULK_WORKERS", 1)
    path, people = book
    import_workbook(ctx, path, today=TODAY)
    wb = load_workbook(path)
    ws = wb["Người lao động"]
    # the first eight people (same CCCDs: updates), a tenth of the table or more
    renamed = [f"Quàng Văn {given}" for given in
               ("Piêng", "Pâng", "Khằm", "Ún", "Xôm", "Đôi", "Hặc", "Ỏm")]
    for row, name in enumerate(renamed, start=2):
        ws[f"A{row}"] = name
    changed = tmp_path / "changed.xlsx"
    wb.save(changed)
    sql = _statements(ctx)

    result = import_workbook(ctx, changed, today=TODAY)

    assert result.counts["workers_updated"] == len(renamed)
    assert any(s.startswith('DROP TRIGGER "worker_fts_') for s in sql)
    _index_is_sound(ctx)
    assert _found(ctx, "quang van pieng") == {people[0].nid}
    assert _found(ctx, "quang van om") == {people[7].nid}
    assert _found(ctx, "quang van") == {p.nid for p in people[:8]} | _expected(people, "quang van")
    assert people[0].nid not in _found(ctx, _plain(people[0].full_name))


def test_a_small_import_keeps_the_triggers_working_row_by_row(ctx, book):
    path, people = book  # 60 people: far below the threshold
    before = _triggers(ctx)
    sql = _statements(ctx)

    import_workbook(ctx, path, today=TODAY)

    assert not any("DROP TRIGGER" in s for s in sql)
    assert _triggers(ctx) == before
    _index_is_sound(ctx)
    assert _found(ctx, people[1].nid) == {people[1].nid}
    assert people[1].nid in _found(ctx, _plain(people[1].full_name))


def test_a_refused_import_leaves_the_triggers_and_the_database_as_they_were(
        ctx, db, book, tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "BULK_WORKERS", 1)
    path, _ = book
    wb = load_workbook(path)
    wb["Người lao động"]["E40"] = "12345"  # not a phone number
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    before, triggers = dump_database(db), _triggers(ctx)

    with pytest.raises(ImportRowsError):
        import_workbook(ctx, bad, today=TODAY)

    assert _triggers(ctx) == triggers
    assert dump_database(db) == before
    with ctx.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM worker_fts")).scalar() == 0
