"""Every paper prints from its own page, through the shared print path, at its own size
(issue 19): the sign-in sheet, the follow-up list, the flyer (A4 and two A5 on a sheet) and
the progress report. Before, only the dossier could be printed from the program."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from sonla_desktop.services.attendance import register_attendee
from sonla_desktop.services.audit import list_entries
from sonla_desktop.services.events import create_event, get_event, market_labels
from sonla_desktop.ui.events.dialogs import FollowUpDialog
from sonla_desktop.ui.events.files import EventFiles
from sonla_desktop.ui.events.flyer_editor import FlyerEditor
from sonla_desktop.ui.pages.reports_page import ReportsPage
from sonla_desktop.ui.print_view import PrintPreviewDialog
from sonla_desktop.ui.tasks import TaskRunner

from .cups_support import A4, Clerk, need_cups, outputs, page_sizes, pdfinfo, wait_for_pdf

pytestmark = pytest.mark.cups


@pytest.fixture(autouse=True)
def _cups():
    need_cups()


@pytest.fixture
def event(ctx):
    eid = create_event(ctx, {"event_date": "05/12/2025", "commune_code": "03670",
                             "place": "Nhà văn hoá bản Hẹo", "topic": "Tư vấn đi Nhật Bản",
                             "markets": "JP", "organiser": "UBND phường Chiềng Cơi"})
    for name, sex in (("Lò Văn Ơn", "Nam"), ("Cầm Thị Hoa", "Nữ")):
        register_attendee(ctx, eid, {"full_name": name, "birth_year": 1999, "sex": sex,
                                     "phone": "0912345678", "village": "Bản Hẹo",
                                     "interest_market": "JP", "follow_up": True})
    return eid


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.wait_idle()


def _prints(ctx, document):
    return [e for e in list_entries(ctx, action="print")
            if e.changes.get("document", [None, None])[1] == document]


def _through_preview(qtbot, ctx, owner, document, clerk):
    """Wait for the paper's preview, check nothing is recorded yet, press its "In…"."""
    qtbot.waitUntil(lambda: isinstance(getattr(owner, "preview", None), PrintPreviewDialog),
                    timeout=20000)
    preview = owner.preview
    assert preview.page_count() >= 1
    assert _prints(ctx, document) == []  # built and shown is not printed
    before = outputs()
    preview.print_button.click()
    clerk.stop()
    assert clerk.messages == [] and len(clerk.dialogs) == 1
    assert preview.outcome.status == "printed"
    arrived = wait_for_pdf(before)
    assert int(pdfinfo(arrived)["Pages"]) == preview.page_count()
    assert len(_prints(ctx, document)) == 1
    return arrived


def _is(size, width, height):
    return abs(size[0] - width) < 1 and abs(size[1] - height) < 1


def test_sign_in_sheet_prints_a4_landscape_from_the_conferences_page(qtbot, ctx, event,
                                                                     runner):
    host = QWidget()
    qtbot.addWidget(host)
    files = EventFiles(ctx, runner, host)
    clerk = Clerk("sonla-letter")
    files.print_sheet(get_event(ctx, event))
    arrived = _through_preview(qtbot, ctx, files, "attendance_sheet", clerk)
    assert all(_is(s, A4[1], A4[0]) for s in page_sizes(arrived))


def test_follow_up_list_prints_from_its_window(qtbot, ctx, event, runner):
    dialog = FollowUpDialog(ctx, runner, [("03670", "Phường Chiềng Cơi")], market_labels(ctx),
                            get_event(ctx, event))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.rows) == 2, timeout=10000)
    clerk = Clerk("sonla-pdf")
    dialog.print_button.click()
    arrived = _through_preview(qtbot, ctx, dialog, "follow_up", clerk)
    assert all(_is(s, A4[1], A4[0]) for s in page_sizes(arrived))


@pytest.mark.parametrize("layout", ["a4", "a5x2"])
def test_flyer_prints_at_its_own_size(qtbot, ctx, event, runner, layout):
    editor = FlyerEditor(ctx, runner, market_labels(ctx), get_event(ctx, event))
    qtbot.addWidget(editor)
    editor.layout_box.setCurrentIndex(editor.layout_box.findData(layout))
    qtbot.waitUntil(lambda: editor._payload != b"", timeout=10000)
    size = editor.pdf.pagePointSize(0)
    before = outputs()
    clerk = Clerk("sonla-letter")
    editor.print_button.click()
    qtbot.waitUntil(lambda: bool(_prints(ctx, "flyer") or clerk.messages), timeout=20000)
    clerk.stop()
    assert clerk.messages == []
    arrived = wait_for_pdf(before)
    sizes = page_sizes(arrived)  # the two-A5 sheet has two sides
    assert len(sizes) == editor.pdf.pageCount()
    assert all(_is(got, size.width(), size.height()) for got in sizes)


def test_progress_report_prints_from_the_reports_page(qtbot, ctx, event, runner):
    page = ReportsPage(ctx, runner)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10000)
    clerk = Clerk("sonla-pdf")
    page.print_button.click()
    arrived = _through_preview(qtbot, ctx, page, "progress_report", clerk)
    preview = page.preview.document.pagePointSize(0)
    assert all(_is(s, preview.width(), preview.height()) for s in page_sizes(arrived))
