from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest
from sqlalchemy import select

from sonla_desktop.domain.audit_chain import keyed_hash
from sonla_desktop.errors import DuplicateError, NotFoundError, ValidationError
from sonla_desktop.models import AuditLog, Worker
from sonla_desktop.services.workers import (
    WorkerFilter,
    create_worker,
    delete_worker,
    get_worker,
    list_workers,
    restore_worker,
    set_status,
    update_worker,
)
from tests.conftest import dump_database, serve_communes

DUC = {
    "full_name": "Nguyễn Văn Đức", "birth_date": "12/03/1998", "sex": "Nam",
    "national_id": "014098001234", "phone": "+84 912 345 678", "ethnic_code": "01",
    "commune_code": "03670", "village": "Bản Mòng", "household": "poor",
}


def test_create_stores_clean_nfc_values_and_audit(ctx):
    raw = dict(DUC, full_name=unicodedata.normalize("NFD", "  Nguyễn  Văn Đức "),
               village=unicodedata.normalize("NFD", "Bản Mòng"))
    wid = create_worker(ctx, raw)
    with ctx.db.session() as s:
        w = s.get(Worker, wid)
        assert w.full_name == "Nguyễn Văn Đức"
        assert unicodedata.is_normalized("NFC", w.full_name)
        assert w.village == "Bản Mòng"
        assert w.phone == "0912345678"
        assert w.birth_date == date(1998, 3, 12) and w.birth_year == 1998
        assert w.sex == "M" and w.origin == ctx.node_id and w.version
        audit = s.scalars(select(AuditLog).where(AuditLog.entity_id == wid)).all()
    assert [a.action for a in audit] == ["create"]
    assert audit[0].user == "admin"
    # The name is recorded as changed, never in clear (issue 14): a keyed hash of it.
    assert json.loads(audit[0].changes)["full_name"] == [
        None, keyed_hash(ctx.audit_key, "full_name", "Nguyễn Văn Đức")]


def test_bad_input_names_the_field_and_writes_nothing(ctx):
    before = dump_database(ctx.db)
    cases = [
        ({"national_id": "01409800123"}, "national_id"),      # 11 digits
        ({"national_id": "014298001234"}, "national_id"),     # century digit says 2000s
        ({"phone": "09l2345678"}, "phone"),                   # a letter l
        ({"commune_code": "99999"}, "commune_code"),
        ({"full_name": "  "}, "full_name"),
        ({"birth_date": "31/02/1998"}, "birth_date"),
        ({"status": "departed"}, "departure_date"),           # departed without a date
    ]
    for change, field in cases:
        with pytest.raises(ValidationError) as info:
            create_worker(ctx, dict(DUC, **change))
        assert info.value.field == field, change
        assert str(info.value)  # a Vietnamese sentence, not empty
    assert dump_database(ctx.db) == before


def test_all_field_errors_are_reported_together(ctx):
    with pytest.raises(ValidationError) as info:
        create_worker(ctx, dict(DUC, phone="abc", national_id="12", full_name=""))
    assert set(info.value.all_errors) == {"phone", "national_id", "full_name"}


def test_duplicate_cccd_is_refused_naming_the_person(ctx):
    first = create_worker(ctx, DUC)
    before = dump_database(ctx.db)
    with pytest.raises(DuplicateError) as info:
        create_worker(ctx, dict(DUC, full_name="Lò Văn Ơn", phone=""))
    assert "Nguyễn Văn Đức" in str(info.value)
    assert info.value.existing_id == first
    assert dump_database(ctx.db) == before


def test_deleted_cccd_can_be_reused_but_restore_then_refuses(ctx):
    first = create_worker(ctx, DUC)
    delete_worker(ctx, first)
    second = create_worker(ctx, dict(DUC, full_name="Lò Văn Ơn"))
    assert second != first
    with pytest.raises(DuplicateError):
        restore_worker(ctx, first)


@pytest.mark.parametrize("query", ["nguyen van duc", "ĐỨC", "duc", "nguy", "Nguyễn Văn",
                                   "014098", "0912345678", "0912 345 678", "ban mong"])
def test_search_ignores_diacritics_and_matches_prefixes(ctx, query):
    wid = create_worker(ctx, DUC)
    create_worker(ctx, {"full_name": "Lò Thị Hương", "sex": "F", "commune_code": "03670"})
    found = [r.id for r in list_workers(ctx, WorkerFilter(search=query))]
    assert found == [wid]


def test_list_sorts_in_vietnamese_order_by_given_name(ctx):
    for name in ["Lò Thị Dung", "Cầm Văn Đông", "Quàng Văn An", "Lường Văn Ân", "Hoàng Thị Ánh"]:
        create_worker(ctx, {"full_name": name, "sex": "M" if "Văn" in name else "F",
                            "commune_code": "03670"})
    names = [r.full_name for r in list_workers(ctx, WorkerFilter())]
    assert names == ["Quàng Văn An", "Hoàng Thị Ánh", "Lường Văn Ân", "Lò Thị Dung",
                     "Cầm Văn Đông"]


def test_filters_and_soft_delete_with_undo(ctx):
    serve_communes(ctx, "03670", "03646")  # an office of two communes: filter by one
    a = create_worker(ctx, DUC)
    create_worker(ctx, {"full_name": "Lò Thị Hương", "sex": "F", "commune_code": "03646"})
    assert len(list_workers(ctx, WorkerFilter(commune_code="03670"))) == 1
    delete_worker(ctx, a)
    assert [r.full_name for r in list_workers(ctx, WorkerFilter())] == ["Lò Thị Hương"]
    assert get_worker(ctx, a)["deleted"] is True
    restore_worker(ctx, a)
    assert len(list_workers(ctx, WorkerFilter())) == 2


def test_update_and_status_changes_are_versioned(ctx):
    wid = create_worker(ctx, DUC)
    v1 = get_worker(ctx, wid)["version"]
    update_worker(ctx, wid, dict(DUC, village="Bản Hùn"))
    v2 = get_worker(ctx, wid)["version"]
    set_status(ctx, wid, "departed", on=date(2025, 6, 1))
    detail = get_worker(ctx, wid)
    assert v1 < v2 < detail["version"]
    assert detail["village"] == "Bản Hùn" and detail["status"] == "departed"
    assert detail["departure_date"] == date(2025, 6, 1)
    assert list_workers(ctx, WorkerFilter(search="ban hun"))[0].id == wid


def test_unknown_worker(ctx):
    with pytest.raises(NotFoundError):
        update_worker(ctx, "nope", DUC)


@pytest.mark.sqlite_only("compares with the FTS5 index, which exists on SQLite only")
def test_common_word_walk_gives_the_same_page_as_full_text(ctx, monkeypatch):
    from sonla_desktop.services import workers as service
    from sonla_desktop.services.demo import generate_demo

    generate_demo(ctx, workers=1500, seed=11)
    with ctx.db.session() as s:
        for query in ("thi", "014", "van"):
            monkeypatch.setattr(service, "FTS_FIRST_MAX", 200)
            assert not service._fts_is_selective(s, service._fts_match([query])), query
            walked = service.search_workers(s, WorkerFilter(search=query), limit=100)
            monkeypatch.setattr(service, "FTS_FIRST_MAX", 10**9)
            indexed = service.search_workers(s, WorkerFilter(search=query), limit=100)
            assert [r.id for r in walked] == [r.id for r in indexed]
            assert len(walked) == 100
