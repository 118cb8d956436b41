"""Events and attendees through the services: one person is never two records."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from sonla_desktop.domain.events import REASON_NAME, REASON_NAME_YEAR, REASON_PHONE
from sonla_desktop.errors import DuplicateError, NotFoundError, ValidationError
from sonla_desktop.models import Attendance, AuditLog, Worker
from sonla_desktop.services.attendance import (
    list_attendees,
    lookup_candidates,
    register_attendee,
    remove_attendance,
    set_follow_up,
)
from sonla_desktop.services.events import (
    counselling_figures,
    create_event,
    delete_event,
    follow_up_list,
    get_event,
    list_events,
    update_event,
)
from sonla_desktop.services.workers import create_worker, delete_worker, set_status
from tests.conftest import dump_database, serve_communes

EVENT = {"event_date": "05/12/2025", "commune_code": "03670", "place": "Nhà văn hoá bản Hẹo",
         "topic": "Tư vấn đi làm việc tại Nhật Bản", "markets": "Nhật, Đài Loan"}
ON = {"full_name": "Lò Văn Ơn", "birth_year": "1998", "sex": "Nam", "phone": "0912 345 678",
      "village": "Bản Hẹo", "interest_market": "Nhật", "consent_method": "verbal",
      "follow_up": True}


def _workers(ctx) -> int:
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(Worker))


def test_create_list_update_and_delete_an_event(ctx):
    eid = create_event(ctx, EVENT)
    row = get_event(ctx, eid)
    assert (row.event_date, row.commune_name, row.markets) == (date(2025, 12, 5), "Chiềng Cơi",
                                                                ("JP", "TW"))
    update_event(ctx, eid, dict(EVENT, place="Hội trường UBND phường"))
    assert [e.place for e in list_events(ctx)] == ["Hội trường UBND phường"]
    assert list_events(ctx, commune_code="03646") == []
    assert list_events(ctx, date_from=date(2025, 12, 6)) == []
    delete_event(ctx, eid)
    assert list_events(ctx) == []
    with pytest.raises(NotFoundError):
        get_event(ctx, eid)


def test_bad_event_writes_nothing(ctx):
    before = dump_database(ctx.db)
    with pytest.raises(ValidationError) as err:
        create_event(ctx, dict(EVENT, place="", markets="Sao Hoả"))
    assert set(err.value.all_errors) == {"place", "markets"}
    assert dump_database(ctx.db) == before


def test_a_new_person_at_the_door_becomes_a_registered_worker_of_the_events_commune(ctx):
    eid = create_event(ctx, EVENT)
    result = register_attendee(ctx, eid, ON)
    assert result.created_worker
    with ctx.db.session() as s:
        w = s.get(Worker, result.worker_id)
        att = s.get(Attendance, result.attendance_id)
        actions = s.scalars(select(AuditLog.action).order_by(AuditLog.at)).all()
    assert (w.status, w.source, w.commune_code, w.birth_year, w.birth_date) == \
        ("registered", "event", "03670", 1998, None)
    assert (w.phone, w.market_code) == ("0912345678", "JP")
    assert (att.interest_market, att.consent_given, att.consent_method, att.consent_date,
            att.follow_up) == ("JP", True, "verbal", date(2025, 12, 5), True)
    assert att.version and w.version
    assert actions[-2:] == ["create", "attend"]


def test_duplicates_are_found_by_phone_cccd_or_name_year_commune(ctx):
    eid = create_event(ctx, EVENT)
    on = register_attendee(ctx, eid, ON).worker_id
    serve_communes(ctx, "03670", "03646")  # an office of two communes: a namesake next door
    other_commune = create_worker(ctx, {"full_name": "Lò Văn Ơn", "birth_year": 1998, "sex": "M",
                                        "commune_code": "03646"})
    by_phone = lookup_candidates(ctx, {"phone": "+84 912.345.678"}, eid)
    assert [(c.worker_id, c.reasons, c.attended) for c in by_phone] == \
        [(on, (REASON_PHONE,), True)]
    by_name = lookup_candidates(ctx, {"full_name": "LO VAN ON", "birth_year": "1998"}, eid)
    assert [(c.worker_id, c.reasons) for c in by_name] == [(on, (REASON_NAME_YEAR,))]
    assert other_commune not in [c.worker_id for c in by_name]
    assert lookup_candidates(ctx, {"full_name": "lo van on", "birth_year": "1997"}, eid) == []
    hint = lookup_candidates(ctx, {"full_name": "lò văn ơn"}, eid)
    assert [(c.worker_id, c.reasons) for c in hint] == [(on, (REASON_NAME,))]
    assert lookup_candidates(ctx, {"full_name": "lò văn ơn"}, eid, name_hints=False) == []
    # A name that only starts like his is someone else.
    assert lookup_candidates(ctx, {"full_name": "Lò Văn", "birth_year": "1998"}, eid) == []
    nid = create_worker(ctx, {"full_name": "Cầm Thị Hoa", "birth_date": "01/02/2001",
                              "sex": "F", "national_id": "014301001234",
                              "commune_code": "03670"})
    by_id = lookup_candidates(ctx, {"national_id": "014 301 001 234"}, eid)
    assert [c.worker_id for c in by_id] == [nid] and not by_id[0].attended
    delete_worker(ctx, nid)
    assert lookup_candidates(ctx, {"national_id": "014301001234"}, eid) == []


def test_linking_an_existing_person_adds_no_worker_and_fills_only_blanks(ctx):
    wid = create_worker(ctx, {"full_name": "Quàng Văn Thành", "birth_date": "03/04/1996",
                              "sex": "M", "commune_code": "03670", "village": "Bản Mòng"})
    eid = create_event(ctx, EVENT)
    before = _workers(ctx)
    result = register_attendee(ctx, eid, {"phone": "0987654321", "village": "Bản Khác",
                                          "interest_market": "KR"}, worker_id=wid)
    assert not result.created_worker and result.worker_id == wid
    assert _workers(ctx) == before
    with ctx.db.session() as s:
        w = s.get(Worker, wid)
    assert (w.phone, w.village, w.market_code) == ("0987654321", "Bản Mòng", "KR")
    assert "0987654321" in w.search_text
    with pytest.raises(DuplicateError) as err:
        register_attendee(ctx, eid, {}, worker_id=wid)
    assert err.value.existing_id == wid
    assert [a.worker_id for a in list_attendees(ctx, eid)] == [wid]


def test_a_cccd_already_on_file_is_refused_with_the_person_to_link(ctx):
    wid = create_worker(ctx, {"full_name": "Cầm Thị Hoa", "birth_date": "01/02/2001", "sex": "F",
                              "national_id": "014301001234", "commune_code": "03670"})
    eid = create_event(ctx, EVENT)
    before = dump_database(ctx.db)
    with pytest.raises(DuplicateError) as err:
        register_attendee(ctx, eid, {"full_name": "Cầm Thị Hoa", "birth_year": 2001, "sex": "Nữ",
                                     "village": "Bản Hẹo", "national_id": "014301001234"})
    assert err.value.existing_id == wid
    assert dump_database(ctx.db) == before


def test_removing_an_attendance_keeps_the_person(ctx):
    eid = create_event(ctx, EVENT)
    r = register_attendee(ctx, eid, ON)
    remove_attendance(ctx, r.attendance_id)
    assert list_attendees(ctx, eid) == []
    assert get_event(ctx, eid).attendees == 0
    with ctx.db.session() as s:
        assert not s.get(Worker, r.worker_id).deleted
    register_attendee(ctx, eid, {}, worker_id=r.worker_id)  # can be put back
    assert get_event(ctx, eid).attendees == 1


def _add_duplicate_attendance(ctx, event_id: str, worker_id: str) -> None:
    """What two offices registering the same person at one event give after sync."""
    with ctx.transaction() as s:
        row = Attendance(event_id=event_id, worker_id=worker_id)
        s.add(row)
        ctx.stamp(s, row)


def test_counselling_figures_count_distinct_people_per_event(ctx):
    from tests.conftest import serve_communes

    serve_communes(ctx, "03670", "03646")  # conferences in two communes: an office of both
    e1 = create_event(ctx, EVENT)
    e2 = create_event(ctx, dict(EVENT, event_date="10/01/2026", commune_code="03646"))
    e_late = create_event(ctx, dict(EVENT, event_date="02/02/2026"))
    a = register_attendee(ctx, e1, ON).worker_id
    b = register_attendee(ctx, e1, dict(ON, full_name="Cầm Thị Hoa", sex="Nữ",
                                        phone="0987654321")).worker_id
    register_attendee(ctx, e2, {}, worker_id=a)  # a came twice: counts twice
    register_attendee(ctx, e_late, {}, worker_id=b)
    _add_duplicate_attendance(ctx, e1, a)  # a entered twice at e1: counts once
    with ctx.db.session() as s:
        # Hand count: e1 {a, b} = 2, e2 {a} = 1 -> 2 events, 3 attendees up to 31/01/2026.
        assert counselling_figures(s, date(2025, 1, 1), date(2026, 1, 31)) == (2, 3)
        assert counselling_figures(s, date(2025, 1, 1), date(2026, 12, 31)) == (3, 4)
        assert counselling_figures(s, date(2025, 1, 1), date(2026, 12, 31), "03646") == (1, 1)
        assert counselling_figures(s, date(2024, 1, 1), date(2024, 12, 31)) == (0, 0)
    assert get_event(ctx, e1).attendees == 2


def test_follow_up_list_holds_people_who_asked_and_have_not_moved_on(ctx):
    e1 = create_event(ctx, EVENT)
    e2 = create_event(ctx, dict(EVENT, event_date="10/01/2026"))
    asked = register_attendee(ctx, e1, ON)
    register_attendee(ctx, e2, {"follow_up": True}, worker_id=asked.worker_id)
    not_asked = register_attendee(ctx, e1, dict(ON, full_name="Cầm Thị Hoa", sex="Nữ",
                                                phone="0987654321", follow_up=False))
    moved_on = register_attendee(ctx, e1, dict(ON, full_name="Lường Văn Dũng",
                                               phone="0971234567"))
    set_status(ctx, moved_on.worker_id, "training")
    rows = follow_up_list(ctx)
    assert [(r.full_name, r.event_date) for r in rows] == [("Lò Văn Ơn", date(2026, 1, 10))]
    assert [r.full_name for r in follow_up_list(ctx, event_id=e1)] == ["Lò Văn Ơn"]
    assert follow_up_list(ctx, commune_code="03646") == []
    set_follow_up(ctx, asked.attendance_id, False)
    assert [r.event_date for r in follow_up_list(ctx)] == [date(2026, 1, 10)]
    assert not_asked.worker_id not in [r.worker_id for r in follow_up_list(ctx)]
    assert json.dumps(rows[0].as_json(), ensure_ascii=False)
