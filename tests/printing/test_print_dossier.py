"""The dossier printed through a real print system (issue 19): the app's print button, the
real Qt print dialog (offscreen), a CUPS queue with cups-pdf, and the PDF that arrives.

Each test failed on the old print path: the dossier was painted as masked JPEGs (no text
layer), scaled to the printable area at the top-left, every page whatever the range, onto
Letter when the queue said so, and the print was recorded when the PDF was built.
"""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from PySide6.QtWidgets import QMainWindow

from sonla_desktop.services import loans as svc
from sonla_desktop.services.audit import list_entries
from sonla_desktop.services.loan_queries import dossier_pdf
from sonla_desktop.services.workers import create_worker
from sonla_desktop.ui.pages.loans_page import LoansPage
from sonla_desktop.ui.printing import PrintableDoc, print_paper
from sonla_desktop.ui.tasks import TaskRunner

from .cups_support import (
    A4,
    Clerk,
    difference,
    ink_box,
    job_attributes,
    need_cups,
    outputs,
    page_sizes,
    pdfinfo,
    raster,
    spooled_document,
    text_of,
    wait_for_pdf,
)

pytestmark = pytest.mark.cups


@pytest.fixture(autouse=True)
def _cups():
    need_cups()


def _dossier_loan(ctx) -> str:
    worker = create_worker(ctx, {"full_name": "Lò Thị Hương", "sex": "F",
                                 "commune_code": "03670", "household": "poor",
                                 "ethnic_code": "03", "contract_months": 36,
                                 "village": "Bản Mòng", "market_code": "TW"})
    loan_id = svc.create_loan(ctx, worker, {
        "policy_group": "poor", "application_date": date(2025, 11, 1), "contract_months": 36,
        "term_months": 36, "requested_vnd": 60_000_000,
        "cost_lines": [{"kind": "service_fee", "amount_vnd": 60_000_000}]})
    svc.submit_loan(ctx, loan_id)
    svc.approve_loan(ctx, loan_id, 60_000_000)
    svc.disburse_loan(ctx, loan_id, date(2025, 11, 20), 60_000_000)
    return loan_id


def _prints(ctx, loan_id):
    return [e for e in list_entries(ctx, action="print", entity_id=loan_id)]


@pytest.fixture
def window(qtbot):
    main = QMainWindow()
    qtbot.addWidget(main)
    main.show()
    return main


def _print(window, ctx, pdf, loan_id, clerk, use_cups=None):
    doc = PrintableDoc(pdf, "dossier", loan_id, "Hồ sơ vay vốn – Lò Thị Hương")
    try:
        return print_paper(window, ctx, doc, use_cups=use_cups)
    finally:
        clerk.stop()


def _saved(tmp_path, pdf):
    path = tmp_path / "saved.pdf"
    path.write_bytes(pdf)
    return path


def test_print_button_sends_the_chosen_page_as_a4_vector_and_records_it_once(
        qtbot, ctx, tmp_path):
    loan_id = _dossier_loan(ctx)
    main = QMainWindow()
    qtbot.addWidget(main)
    runner = TaskRunner(main)
    page = LoansPage(ctx, runner)
    main.setCentralWidget(page)
    main.show()
    page.apply_filter()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail is not None)
    pdf = dossier_pdf(ctx, loan_id)
    assert _prints(ctx, loan_id) == []  # building it is not printing it
    before = outputs()
    clerk = Clerk("sonla-letter", pages="2", copies=2)
    page.detail_view.print_button.click()  # "In hồ sơ…"
    qtbot.waitUntil(lambda: bool(_prints(ctx, loan_id) or clerk.messages), timeout=30000)
    clerk.stop()
    runner.wait_idle()
    assert clerk.messages == [] and len(clerk.dialogs) == 1
    arrived = wait_for_pdf(before)
    # The Letter queue printed A4: the document's size wins over the queue's default.
    sizes = page_sizes(arrived)
    assert all(abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1 for w, h in sizes), sizes
    # Pages "2" only (cups-pdf makes one file whatever the copies), as the saved page 2
    # looks.
    saved = _saved(tmp_path, pdf)
    assert len(sizes) == 1
    assert difference(raster(arrived, 1), raster(saved, 2)) < 3
    # At 100% and where the saved page has it: the ink's box within 1% of the sheet.
    for got, want in zip(ink_box(arrived, 1), ink_box(saved, 2), strict=True):
        assert abs(got - want) < 0.01
    # Recorded once, after the queue accepted it, with its job, pages and copies.
    entries = _prints(ctx, loan_id)
    assert len(entries) == 1
    changes = entries[0].changes
    assert changes["pages"][1] == "2" and changes["copies"][1] == 2
    assert changes["job"][1].startswith("sonla-letter-") and \
        changes["printer"][1] == "sonla-letter"
    assert "Đã gửi" in main.statusBar().currentMessage()
    # Then, the scheduler having finished it, the confirmation.
    qtbot.waitUntil(lambda: "Đã in xong" in main.statusBar().currentMessage(), timeout=20000)
    # The queue was given the PDF itself: vector pages with their Vietnamese text layer
    # (cups-pdf's PostScript step then drops the text's Unicode map; a printer draws glyphs).
    sent = tmp_path / "sent.pdf"
    sent.write_bytes(spooled_document(changes["job"][1]))
    assert pdfinfo(sent)["Pages"] == pdfinfo(saved)["Pages"]  # the range is the queue's job
    assert "Lò Thị Hương" in text_of(sent) and "Số hồ sơ" in text_of(sent)
    job = job_attributes(changes["job"][1])
    assert job["copies"] == "2" and job["page-ranges"] == "2-2" and job["media"] == "A4"
    assert job["print-scaling"] == "none" and job["job-state"] == "completed"


def test_qt_print_engine_sends_opaque_pages_at_a4_and_full_scale(qtbot, window, ctx, tmp_path):
    """The path for printers CUPS does not serve (Windows drivers), tried against CUPS."""
    loan_id = _dossier_loan(ctx)
    pdf = dossier_pdf(ctx, loan_id)
    before = outputs()
    clerk = Clerk("sonla-letter", pages="1-2")
    outcome = _print(window, ctx, pdf, loan_id, clerk, use_cups=False)
    assert outcome.status == "printed", clerk.messages
    arrived = wait_for_pdf(before)
    assert int(pdfinfo(arrived)["Pages"]) == 2
    for w, h in page_sizes(arrived):
        assert abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1
    saved = _saved(tmp_path, pdf)
    for n in (1, 2):
        for got, want in zip(ink_box(arrived, n), ink_box(saved, n), strict=True):
            assert abs(got - want) < 0.01
    # No image depends on a mask: each one, taken alone as a driver ignoring masks would,
    # is a white page with ink, not a black one.
    listing = subprocess.run(["pdfimages", "-list", str(arrived)], capture_output=True,
                             text=True, check=True).stdout
    assert "smask" not in listing
    images = tmp_path / "img"
    images.mkdir()
    subprocess.run(["pdfimages", "-png", str(arrived), str(images / "p")], check=True)
    from PIL import Image, ImageStat

    pictures = sorted(images.glob("*.png"))
    assert pictures
    for picture in pictures:
        assert ImageStat.Stat(Image.open(picture).convert("L")).mean[0] > 200, picture.name
    assert len(_prints(ctx, loan_id)) == 1


@pytest.mark.parametrize("queue, words", [("sonla-stopped", "đang dừng"),
                                          ("sonla-refusing", "đang từ chối lệnh in")])
@pytest.mark.parametrize("use_cups", [None, False])
def test_a_queue_that_cannot_print_says_so_and_records_nothing(qtbot, window, ctx, queue,
                                                               words, use_cups):
    loan_id = _dossier_loan(ctx)
    pdf = dossier_pdf(ctx, loan_id)
    clerk = Clerk(queue)
    outcome = _print(window, ctx, pdf, loan_id, clerk, use_cups=use_cups)
    assert outcome.status == "failed"
    assert len(clerk.messages) == 1 and words in clerk.messages[0]
    assert queue in clerk.messages[0] and "Chưa in gì" in clerk.messages[0]
    assert _prints(ctx, loan_id) == []


def test_a_job_the_printer_fails_after_accepting_it_gets_a_message(qtbot, window, ctx):
    """The queue took the job (so it is recorded, with its job id), then the printer failed
    it: the clerk is told, with the printer's own words, instead of a confirmation."""
    loan_id = _dossier_loan(ctx)
    pdf = dossier_pdf(ctx, loan_id)
    clerk = Clerk("sonla-jammed")
    outcome = _print(window, ctx, pdf, loan_id, clerk)
    assert outcome.status == "printed" and outcome.watch is not None
    ended = []
    outcome.watch.ended.connect(ended.append)
    qtbot.waitUntil(lambda: bool(ended), timeout=20000)
    box = outcome.watch.message_box
    assert box is not None and "không in xong" in box.text() and "Kẹt giấy" in box.text()
    box.close()
    assert "Đã in xong" not in window.statusBar().currentMessage()
    (entry,) = _prints(ctx, loan_id)
    assert entry.changes["job"][1] == outcome.job


def test_cancelled_dialog_prints_and_records_nothing(qtbot, window, ctx):
    loan_id = _dossier_loan(ctx)
    pdf = dossier_pdf(ctx, loan_id)
    before = outputs()
    clerk = Clerk(cancel=True)
    outcome = _print(window, ctx, pdf, loan_id, clerk)
    assert outcome.status == "cancelled" and len(clerk.dialogs) == 1
    assert _prints(ctx, loan_id) == [] and clerk.messages == []
    assert outputs() == before


def test_a_range_outside_the_document_is_refused_before_anything_is_sent(qtbot, window, ctx):
    loan_id = _dossier_loan(ctx)
    pdf = dossier_pdf(ctx, loan_id)
    clerk = Clerk(pages="1,9")
    outcome = _print(window, ctx, pdf, loan_id, clerk)
    # Qt's dialog itself refuses a page beyond the document; ours names the part if it
    # gets through. Either way nothing is printed or recorded.
    assert outcome.status in ("failed", "cancelled")
    assert _prints(ctx, loan_id) == []
