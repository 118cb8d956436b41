"""Registration at the door driven by the keyboard alone: keys go to whatever has the focus,
nothing is clicked and no field is filled from code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from sonla_desktop.models import Worker
from sonla_desktop.services.attendance import list_attendees
from sonla_desktop.services.events import create_event
from sonla_desktop.services.workers import create_worker
from sonla_desktop.ui.pages.events import EventsPage
from sonla_desktop.ui.tasks import TaskRunner


def focused():
    return QApplication.focusWidget()


def send(key: int, text: str = "", mods=Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(focused(), QKeyEvent(kind, key, mods, text))


def type_text(text: str) -> None:
    """Vietnamese letters arrive as key events carrying text, as from a Telex/Unikey keyboard
    (QTest.keyClicks only knows ASCII)."""
    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else (
            Qt.Key.Key_Space if ch == " " else 0)
        send(key, ch)


def workers(ctx) -> int:
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(Worker))


@pytest.fixture
def page(qtbot, ctx):
    event_id = create_event(ctx, {"event_date": "05/12/2025", "commune_code": "03670",
                                  "place": "Nhà văn hoá bản Hẹo", "topic": "Tư vấn đi Nhật Bản",
                                  "markets": "JP"})
    runner = TaskRunner()
    widget = EventsPage(ctx, runner)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    widget.refresh()
    qtbot.waitUntil(lambda: widget.panel.conference is not None
                    and widget.panel.conference.id == event_id, timeout=5000)
    qtbot.waitUntil(lambda: widget.panel.edits["full_name"].hasFocus(), timeout=5000)
    yield widget
    runner.wait_idle()


def enter_then(qtbot, widget) -> None:
    send(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused() is widget, timeout=5000)


def register(qtbot, panel, name: str, year: str, phone: str, village: str | None,
             market: str = "", follow_up: bool = False) -> None:
    e = panel.edits
    type_text(name)
    enter_then(qtbot, e["birth_year"])
    type_text(year)
    enter_then(qtbot, e["sex"])  # pre-filled from the middle name (Văn / Thị)
    enter_then(qtbot, e["phone"])
    type_text(phone)
    enter_then(qtbot, e["national_id"])
    enter_then(qtbot, e["village"])
    if village is not None:
        type_text(village)  # replaces the pre-filled village of the previous person
    enter_then(qtbot, e["interest_market"])
    type_text(market)
    enter_then(qtbot, panel.follow_up)
    if follow_up:
        send(Qt.Key.Key_Space, " ")
    count = panel.count
    send(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.count == count + 1 and e["full_name"].hasFocus(), timeout=5000)


def test_keyboard_only_registration_links_a_duplicate_by_phone(qtbot, ctx, page):
    known = create_worker(ctx, {"full_name": "Quàng Văn Thành", "birth_date": "03/04/1996",
                                "sex": "M", "commune_code": "03670", "phone": "0987654321",
                                "village": "Bản Mòng"})
    panel = page.panel
    before = workers(ctx)

    register(qtbot, panel, "Lò Văn Ơn", "1998", "0912 345 678", "Bản Hẹo", "Nhật",
             follow_up=True)
    assert "Lò Văn Ơn" in panel.status.text()

    # Someone gives a nickname and his phone: the phone finds him.
    e = panel.edits
    type_text("Thành")
    enter_then(qtbot, e["birth_year"])
    type_text("1996")
    enter_then(qtbot, e["sex"])
    type_text("nam")
    enter_then(qtbot, e["phone"])
    type_text("0987 654 321")
    enter_then(qtbot, panel.candidates)  # the match takes the focus
    assert [c.worker_id for c in panel.shown] == [known]
    assert "trùng số điện thoại" in panel.candidates.item(0).text()
    enter_then(qtbot, e["interest_market"])  # Enter links him
    assert panel.linked is not None and panel.linked.worker_id == known
    assert e["full_name"].text() == "Quàng Văn Thành" and e["full_name"].isReadOnly()
    type_text("KR")
    enter_then(qtbot, panel.follow_up)
    send(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.count == 2 and e["full_name"].hasFocus(), timeout=5000)
    assert not e["full_name"].isReadOnly() and e["full_name"].text() == ""

    assert workers(ctx) == before + 1  # only Lò Văn Ơn is new
    people = {p.worker_id: p for p in list_attendees(ctx, page.current.id)}
    assert known in people and people[known].interest_market == "KR"
    on = next(p for p in people.values() if p.full_name == "Lò Văn Ơn")
    assert (on.birth_year, on.sex, on.phone, on.village, on.interest_market, on.follow_up) == \
        (1998, "M", "0912345678", "Bản Hẹo", "JP", True)
    qtbot.waitUntil(lambda: page.attendees.rowCount() == 2, timeout=5000)


def test_escape_goes_on_with_a_new_person_and_a_typo_is_caught_in_its_field(qtbot, ctx, page):
    create_worker(ctx, {"full_name": "Cầm Thị Hoa", "birth_year": 2001, "sex": "F",
                        "commune_code": "03670", "village": "Bản Hẹo"})
    panel, e = page.panel, page.panel.edits
    before = workers(ctx)
    type_text("Cầm Thị Hoa")
    enter_then(qtbot, e["birth_year"])  # a same-name hint shows but does not take the focus
    assert panel.candidates.count() == 1
    type_text("2001")
    enter_then(qtbot, panel.candidates)  # name + year + commune: a strong match
    send(Qt.Key.Key_Escape)  # a different Cầm Thị Hoa, born the same year
    qtbot.waitUntil(lambda: e["sex"].hasFocus(), timeout=5000)
    assert e["sex"].text() == "Nữ"
    enter_then(qtbot, e["phone"])
    type_text("0123")
    send(Qt.Key.Key_Return)
    qtbot.wait(50)
    assert e["phone"].hasFocus() and "không hợp lệ" in panel.status.text()
    send(Qt.Key.Key_A, "a", Qt.KeyboardModifier.ControlModifier)
    type_text("0971234567")
    enter_then(qtbot, e["national_id"])
    enter_then(qtbot, e["village"])
    type_text("Bản Mòng")
    send(Qt.Key.Key_Return, "", Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter: save now
    qtbot.waitUntil(lambda: panel.count == 1, timeout=5000)
    assert workers(ctx) == before + 1


def test_a_run_of_people_without_the_mouse(qtbot, ctx, page):
    """A conference pace: person after person, the counter and the list keep up."""
    panel = page.panel
    before = workers(ctx)
    given = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Long", "Minh", "Nam", "Sơn",
             "Tuấn", "Việt"]
    for i, name in enumerate(given):
        register(qtbot, panel, f"Lò Văn {name}", str(1990 + i), f"09123450{i:02d}",
                 "Bản Hẹo" if i == 0 else None)
    assert panel.count == len(given)
    assert workers(ctx) == before + len(given)
    # The conference list keeps count without a reload that would wipe the form.
    qtbot.waitUntil(lambda: page.events.rows[0].attendees == len(given), timeout=5000)
    qtbot.waitUntil(lambda: page.attendees.rowCount() == len(given), timeout=5000)
    villages = {p.village for p in list_attendees(ctx, page.current.id)}
    assert villages == {"Bản Hẹo"}  # the village carries over from the person before


def test_a_17_year_old_is_registered_with_a_note_on_screen(qtbot, ctx, page):
    """Issue 13: interest from someone under 18 is recorded; the clerk sees why that person
    cannot depart yet."""
    from datetime import date

    panel = page.panel
    register(qtbot, panel, "Lò Văn Páo", str(date.today().year - 17), "0912 345 670",
             "Bản Hẹo", "Nhật")
    text = panel.status.text()
    assert "Lò Văn Páo" in text and "Chưa đủ 18 tuổi" in text
    register(qtbot, panel, "Lò Văn Ơn", "1998", "0912 345 678", None)
    assert "Chưa đủ 18 tuổi" not in panel.status.text()
